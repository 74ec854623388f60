/** Times as a person reads them: in the computer's own time zone, to the minute (2024-10-23 08:00),
 *  or to the second where two within a minute must be told apart (backups: 2024-10-23 08:00:05). */
export function localDateTime(iso: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
}

/**
 * A date as a person types it (2024-10-01, 2024/10/1, 2024.10.01, 2024年10月1日) as the data file keeps it,
 * 2024-10-01; null when it is no date. A date the server refused came back naming an internal path.
 */
export function typedDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return !Number.isNaN(Date.parse(iso)) && new Date(iso).toISOString().startsWith(iso) ? iso : null;
}
