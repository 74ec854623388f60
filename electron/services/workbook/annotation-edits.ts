/**
 * The annotations sheet (批注 / Annotations) of an exported workbook is there to be read: an import
 * brings in figures only. So that no edit there is lost without a word, this counts the edits a
 * person made in it — a changed text, status or tag list, a new row, a deleted row — and the
 * preview says how many were not imported and why (edit annotations in the app).
 */
import { LANGS, MESSAGES } from '../../../shared/i18n';
import type { DB } from '../db/open';
import { shownCell, type Cell } from './cells';
import { header, normalizeWord, sheetName, type ColumnKey } from './layout';
import { sheetRows } from './sheet-xml';
import { openEntry, PartDamage, partDamaged, type ZipSummary } from './zip-check';

const SHEET_NAMES = new Set(LANGS.map((l) => normalizeWord(sheetName('annotations', l))));
const KEYS: ColumnKey[] = ['id', 'body', 'status', 'tags'];
const HEADERS = new Map<string, ColumnKey>(KEYS.flatMap((key) => LANGS.map((l) => [normalizeWord(header(key, l)), key] as const)));
const STATUS = new Map<string, string>(
  (['open', 'resolved'] as const).flatMap((code) => [[code, code] as const, ...LANGS.map((l) => [normalizeWord(MESSAGES[l].workbook.status[code]), code] as const)]),
);
const EMPTY: Cell = { kind: 'empty' };

/** Text as compared here: line ends, composition and surrounding space do not make an edit. */
const plain = (s: string): string => s.replace(/\r\n?/g, '\n').normalize('NFC').trim();
const tagList = (s: string): string =>
  s
    .split(/[,，]/)
    .map((t) => plain(t))
    .filter((t) => t !== '')
    .join(',');

/** How many edits the annotations sheet holds against the data file (0 when the workbook has no such sheet). */
export async function countAnnotationEdits(db: DB, file: string, parts: Pick<ZipSummary, 'sheets' | 'sharedStrings' | 'date1904'>): Promise<number> {
  const sheet = parts.sheets.find((s) => SHEET_NAMES.has(normalizeWord(s.name)));
  const source = sheet ? await openEntry(file, sheet.entry) : null;
  if (!sheet || !source) return 0;
  const stored = new Map(
    (db.prepare(`SELECT id, body, status, tags FROM annotations WHERE deleted_at IS NULL`).all() as { id: number; body: string; status: string; tags: string }[]).map((a) => [
      a.id,
      { body: plain(a.body), status: a.status, tags: tagList((JSON.parse(a.tags) as string[]).join(', ')) },
    ]),
  );
  let columns: Map<ColumnKey, number> | null = null;
  const seen = new Set<number>();
  let edits = 0;
  try {
    for await (const batch of sheetRows(source, { sharedStrings: parts.sharedStrings, isDateStyle: () => false, isPercentStyle: () => false, date1904: parts.date1904 })) {
      for (const row of batch) {
        const text = (key: ColumnKey): string => {
          const index = columns?.get(key);
          return index === undefined ? '' : plain(shownCell(row.cells[index] ?? EMPTY));
        };
        if (columns === null) {
          columns = new Map();
          row.cells.forEach((cell, index) => {
            const key = HEADERS.get(normalizeWord(shownCell(cell)));
            if (key && !columns!.has(key)) columns!.set(key, index);
          });
          continue;
        }
        if (KEYS.every((key) => text(key) === '')) continue;
        const id = Number(text('id'));
        const before = stored.get(id);
        if (!before || seen.has(id)) {
          edits++;
          continue;
        }
        seen.add(id);
        const status = STATUS.get(normalizeWord(text('status')));
        if (text('body') !== before.body || status !== before.status || tagList(text('tags')) !== before.tags) edits++;
      }
    }
  } catch (error) {
    throw error instanceof PartDamage ? partDamaged(file, sheet.entry, error) : error;
  }
  for (const id of stored.keys()) if (!seen.has(id)) edits++;
  return edits;
}
