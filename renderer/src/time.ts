/** Times as a person reads them: in the computer's own time zone, to the minute (2024-10-23 08:00),
 *  or to the second where two within a minute must be told apart (backups: 2024-10-23 08:00:05). */
export function localDateTime(iso: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
}
