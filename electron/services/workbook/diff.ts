/**
 * The difference between a read workbook and the data file: which figures change (field by field,
 * before → after), which are added (rows without an ID), and which are missing from the workbook
 * (removed only when the person asks). IDs and references are checked here, against the file.
 */
import type { Bilingual, FigureInput } from '../../../shared/domain';
import type { ErrorPayload } from '../../../shared/errors';
import type { FieldValue, ImportChange, ImportCounts, ImportField, PercentConversion } from '../../../shared/workbook';
import { IMPORT_FIELDS } from '../../../shared/workbook';
import type { DB } from '../db/open';
import { dataVersion, revisionMark as markNow, type RevisionMark } from '../db/read';
import { FIGURE_COLUMN, toFigure, type FigureRow } from '../db/rows';
import type { ImportRow, ReadResult } from './read';

export interface PlannedChange extends ImportChange {
  /** What the figure becomes (changed, added); absent for a removal. */
  input?: FigureInput;
}

export interface ImportPlan {
  /** The workbook read. */
  file: string;
  /** The data file's version when the plan was made: applying refuses if it moved on. */
  dataVersion: string;
  /** The newest revision when the plan was made: applying refuses the rows changed after it. */
  revisionMark: RevisionMark;
  changes: PlannedChange[];
  counts: ImportCounts;
  problems: ErrorPayload[];
  /** %-formatted value cells read as percentages (shown in the preview). */
  percentConversions: PercentConversion[];
  /** Edits in the annotations sheet, which are not imported (the preview says so). */
  ignoredAnnotationEdits: number;
}

/**
 * Spreadsheet programs keep 15 significant digits (LibreOffice writes 0.30000000000000004 back as
 * 0.3), so numbers that agree to 15 significant digits are the same number, not an edit.
 */
export function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  // Numbers equal to 15 digits differ by less than 1e-14 of the larger: anything further apart is
  // told apart without formatting both.
  if (Math.abs(a - b) > 1e-13 * Math.max(Math.abs(a), Math.abs(b))) return false;
  return Number(a.toPrecision(15)) === Number(b.toPrecision(15));
}

const VALUE_BIT = 1 << IMPORT_FIELDS.indexOf('value');

/**
 * Whether field `f` of the stored figure and of the workbook row (`i`) are the same: texts with any
 * line ends (XML keeps no bare carriage return: a cell's "\r" comes back as "\n"), everything else
 * exactly — numbers too: whether two numbers agree to 15 digits is decided afterwards (sameNumber).
 */
function sameSql(field: ImportField): string {
  const [a, b] = [`f.${FIGURE_COLUMN[field]}`, `i.${FIGURE_COLUMN[field]}`];
  if (field === 'sourceQuote' || field === 'note') {
    const lf = (x: string): string => `replace(replace(${x}, char(13) || char(10), char(10)), char(13), char(10))`;
    return `CASE WHEN ${a} IS ${b} THEN 1 ELSE ${lf(a)} IS ${lf(b)} END`;
  }
  return `${a} IS ${b}`;
}

/**
 * The rows of the workbook that name a stored figure, compared with it inside SQLite: only the rows
 * that differ come back, each with a bit per differing field (the bits of IMPORT_FIELDS) and the
 * stored value of just those fields (loading 100,000 whole figures into JavaScript to compare them
 * took most of the time). Note: in SQLite << and | bind alike, hence the parentheses.
 */
const DIFF_SQL = /* sql */ `
  SELECT i.row, ${IMPORT_FIELDS.map((field, bit) => `((NOT (${sameSql(field)})) << ${bit})`).join(' | ')} AS mask,
         ${IMPORT_FIELDS.map((field) => `CASE WHEN ${sameSql(field)} THEN NULL ELSE f.${FIGURE_COLUMN[field]} END`).join(',\n         ')}
    FROM import_rows i JOIN figures f ON f.id = i.id
   WHERE mask <> 0
   ORDER BY i.row`;

/** [row, mask, ...the stored value of each field in IMPORT_FIELDS order, null where the same]. */
type DiffRow = [number, number, ...FieldValue[]];

/** Loads the workbook rows that name a figure into a temporary table, compares, and drops it (a failure rolls it back). */
function differingRows(db: DB, rows: ImportRow[]): Map<number, DiffRow> {
  return db.transaction(() => {
    db.exec(`CREATE TEMP TABLE import_rows (
      row INTEGER PRIMARY KEY, id INTEGER NOT NULL, scope TEXT, entity_id TEXT, metric TEXT, value REAL, unit TEXT,
      qualifier TEXT, period TEXT, source_id INTEGER, source_quote TEXT, note TEXT, city_code TEXT)`);
    const insert = db.prepare(`INSERT INTO temp.import_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const { row, id, input: f } of rows) insert.run(row, id, f.scope, f.entityId, f.metric, f.value, f.unit, f.qualifier, f.period, f.sourceId, f.sourceQuote, f.note, f.cityCode ?? null);
    const found = new Map((db.prepare(DIFF_SQL).raw().all() as DiffRow[]).map((r) => [r[0], r]));
    db.exec(`DROP TABLE temp.import_rows`);
    return found;
  })();
}

/** The plan but for the notes import.ts adds (what the reader converted, what the annotations sheet holds). */
export function planImport(db: DB, read: ReadResult, file: string): Omit<ImportPlan, 'percentConversions' | 'ignoredAnnotationEdits'> {
  const version = dataVersion(db);
  const revisionMark = markNow(db);
  // Figures deleted since the export are not here: a row naming one is an unknown ID.
  const live = new Set(db.prepare(`SELECT id FROM figures WHERE deleted_at IS NULL`).pluck().all() as number[]);
  const entities = new Map(
    (db.prepare(`SELECT id, name_zh, name_en FROM entities WHERE deleted_at IS NULL`).all() as { id: string; name_zh: string; name_en: string }[]).map((e) => [
      e.id,
      { zh: e.name_zh, en: e.name_en } as Bilingual,
    ]),
  );
  const sources = new Set((db.prepare(`SELECT id FROM sources WHERE deleted_at IS NULL`).all() as { id: number }[]).map((s) => s.id));

  const problems = [...read.problems];
  const seen = new Map<number, number>();
  const unread = new Set(read.unreadIds);
  const counts: ImportCounts = { changed: 0, added: 0, removed: 0, unchanged: 0, newer: 0 };
  const summary = (f: Pick<FigureInput, 'scope' | 'entityId' | 'metric' | 'period' | 'unit' | 'qualifier'>): ImportChange['figure'] => ({
    scope: f.scope,
    entityId: f.entityId,
    entityName: f.entityId ? (entities.get(f.entityId) ?? null) : null,
    metric: f.metric,
    period: f.period,
    unit: f.unit,
    qualifier: f.qualifier,
  });

  /** The rows that pass every check here: new figures, and rows naming a live figure. */
  const usable: ImportRow[] = [];
  for (const r of read.rows) {
    const { input } = r;
    const problem = (code: ErrorPayload['code'], key: 'id' | 'entityId' | 'sourceId', details: Record<string, string | number | null>): void => {
      problems.push({ code, message: code, details: { sheet: read.sheet, row: r.row, ...read.columns.get(key), ...details } });
    };
    let ok = true;
    if (input.entityId !== null && !entities.has(input.entityId)) {
      problem('IMPORT_UNKNOWN_ID', 'entityId', { value: input.entityId, what: 'entity' });
      ok = false;
    }
    if (input.sourceId !== null && !sources.has(input.sourceId)) {
      problem('IMPORT_UNKNOWN_ID', 'sourceId', { value: input.sourceId, what: 'source' });
      ok = false;
    }
    if (r.id !== null) {
      const first = seen.get(r.id);
      if (first !== undefined) {
        problem('IMPORT_DUPLICATE_ID', 'id', { value: r.id, firstRow: first });
        continue;
      }
      seen.set(r.id, r.row);
      if (!live.has(r.id)) {
        problem('IMPORT_UNKNOWN_ID', 'id', { value: r.id, what: 'figure' });
        continue;
      }
    }
    if (ok) usable.push(r);
  }

  // A figure changed in the data file more than a second after the workbook's copy of it (its 修改时间) is newer than the row.
  const changedAt = db.prepare(`SELECT changed_at AS at, changed_by AS by FROM figures WHERE id = ?`);
  const newerThan = (r: ImportRow): ImportChange['newer'] => {
    if (r.id === null || r.changedAt === null) return null;
    const stored = changedAt.get(r.id) as { at: string; by: string } | undefined;
    return stored && Date.parse(stored.at) > r.changedAt + 1000 ? stored : null;
  };
  const differing = differingRows(
    db,
    usable.filter((r) => r.id !== null),
  );
  const changes: PlannedChange[] = [];
  for (const r of usable) {
    const { input } = r;
    if (r.id === null) {
      counts.added++;
      changes.push({ kind: 'added', row: r.row, figureId: null, figure: summary(input), fields: IMPORT_FIELDS.map((field) => ({ field, before: null, after: input[field] ?? null })), input });
      continue;
    }
    const diff = differing.get(r.row);
    let mask = diff?.[1] ?? 0;
    // A value equal to 15 digits is no change, and keeps its stored full precision.
    let kept: number | null = null;
    if (diff && mask & VALUE_BIT && sameNumber(diff[2 + IMPORT_FIELDS.indexOf('value')] as number, input.value)) {
      kept = diff[2 + IMPORT_FIELDS.indexOf('value')] as number;
      mask &= ~VALUE_BIT;
    }
    if (!diff || mask === 0) {
      counts.unchanged++;
      continue;
    }
    const fields: ImportChange['fields'] = [];
    for (let bit = 0; bit < IMPORT_FIELDS.length; bit++) {
      const field = IMPORT_FIELDS[bit]!;
      if (mask & (1 << bit)) fields.push({ field, before: diff[2 + bit] ?? null, after: input[field] ?? null });
    }
    counts.changed++;
    const newer = newerThan(r);
    if (newer) counts.newer++;
    const quoteKept = fields.some((x) => x.field === 'value') && !fields.some((x) => x.field === 'sourceId' || x.field === 'sourceQuote') && (input.sourceQuote ?? '').trim() !== '';
    changes.push({ kind: 'changed', row: r.row, figureId: r.id, figure: summary(input), fields, input: kept === null ? input : { ...input, value: kept }, newer, ...(quoteKept ? { quoteKept } : {}) });
  }

  const removedIds = [...live].filter((id) => !seen.has(id) && !unread.has(id));
  if (removedIds.length > 0) {
    const removed = db.prepare(`SELECT * FROM figures WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(removedIds)) as FigureRow[];
    for (const f of removed.map(toFigure)) {
      counts.removed++;
      changes.push({ kind: 'removed', row: null, figureId: f.id, figure: summary(f), fields: IMPORT_FIELDS.map((field) => ({ field, before: f[field], after: null })) });
    }
  }
  return { file, dataVersion: version, revisionMark, changes, counts, problems };
}
