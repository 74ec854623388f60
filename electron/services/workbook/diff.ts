/**
 * The difference between a read workbook and the data file: which figures change (field by field,
 * before → after), which are added (rows without an ID), and which are missing from the workbook
 * (removed only when the person asks). IDs and references are checked here, against the file.
 */
import type { Bilingual, Figure, FigureInput } from '../../../shared/domain';
import type { ErrorPayload } from '../../../shared/errors';
import type { FieldValue, ImportChange, ImportCounts, ImportField } from '../../../shared/workbook';
import { IMPORT_FIELDS } from '../../../shared/workbook';
import type { DB } from '../db/open';
import { dataVersion } from '../db/read';
import { toFigure, type FigureRow } from '../db/rows';
import type { ReadResult } from './read';

export interface PlannedChange extends ImportChange {
  /** What the figure becomes (changed, added); absent for a removal. */
  input?: FigureInput;
}

export interface ImportPlan {
  /** The workbook read. */
  file: string;
  /** The data file's version when the plan was made: applying refuses if it moved on. */
  dataVersion: string;
  changes: PlannedChange[];
  counts: ImportCounts;
  problems: ErrorPayload[];
}

/**
 * Spreadsheet programs keep 15 significant digits (LibreOffice writes 0.30000000000000004 back as
 * 0.3), so numbers that agree to 15 significant digits are the same number, not an edit.
 */
export function sameNumber(a: number, b: number): boolean {
  return a === b || Number(a.toPrecision(15)) === Number(b.toPrecision(15));
}

/** XML keeps no bare carriage return (a cell's "\r" comes back as "\n"), so line ends are compared alike. */
const lineEnds = (s: string): string => s.replace(/\r\n?/g, '\n');

function same(field: ImportField, a: FieldValue, b: FieldValue): boolean {
  if (a === b) return true;
  if (field === 'value' && typeof a === 'number' && typeof b === 'number') return sameNumber(a, b);
  if (typeof a === 'string' && typeof b === 'string') return lineEnds(a) === lineEnds(b);
  return a === b;
}

export function planImport(db: DB, read: ReadResult, file: string): ImportPlan {
  const version = dataVersion(db);
  // Figures deleted since the export are not here: a row naming one is an unknown ID.
  const live = new Map<number, Figure>();
  for (const r of db.prepare(`SELECT * FROM figures WHERE deleted_at IS NULL`).iterate() as Iterable<FigureRow>) live.set(r.id, toFigure(r));
  const entities = new Map(
    (db.prepare(`SELECT id, name_zh, name_en FROM entities WHERE deleted_at IS NULL`).all() as { id: string; name_zh: string; name_en: string }[]).map((e) => [
      e.id,
      { zh: e.name_zh, en: e.name_en } as Bilingual,
    ]),
  );
  const sources = new Set((db.prepare(`SELECT id FROM sources WHERE deleted_at IS NULL`).all() as { id: number }[]).map((s) => s.id));

  const problems = [...read.problems];
  const changes: PlannedChange[] = [];
  const seen = new Map<number, number>();
  const unread = new Set(read.unreadIds);
  const counts: ImportCounts = { changed: 0, added: 0, removed: 0, unchanged: 0 };
  const summary = (f: FigureInput): ImportChange['figure'] => ({
    scope: f.scope,
    entityId: f.entityId,
    entityName: f.entityId ? (entities.get(f.entityId) ?? null) : null,
    metric: f.metric,
    period: f.period,
  });

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
    if (!ok) continue;
    if (r.id === null) {
      counts.added++;
      changes.push({ kind: 'added', row: r.row, figureId: null, figure: summary(input), fields: IMPORT_FIELDS.map((field) => ({ field, before: null, after: input[field] })), input });
      continue;
    }
    const before = live.get(r.id)!;
    const fields = IMPORT_FIELDS.filter((field) => !same(field, before[field], input[field])).map((field) => ({ field, before: before[field], after: input[field] }));
    if (fields.length === 0) {
      counts.unchanged++;
      continue;
    }
    // A value equal to 15 digits keeps its stored full precision.
    const value = sameNumber(before.value, input.value) ? before.value : input.value;
    counts.changed++;
    changes.push({ kind: 'changed', row: r.row, figureId: r.id, figure: summary(input), fields, input: { ...input, value } });
  }

  for (const f of live.values()) {
    if (seen.has(f.id) || unread.has(f.id)) continue;
    counts.removed++;
    changes.push({ kind: 'removed', row: null, figureId: f.id, figure: summary(f), fields: IMPORT_FIELDS.map((field) => ({ field, before: f[field], after: null })) });
  }
  return { file, dataVersion: version, changes, counts, problems };
}
