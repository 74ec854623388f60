/**
 * Applying a table's plan as one change: a quick_check, a backup, then one IMMEDIATE transaction —
 * the source created when the analyst asked for a new one, every figure written set-based by the
 * workbook import's writer (db/figures-bulk.ts: revisions, one undo batch) — refused, row by row, when
 * a figure the preview showed was changed since (ROWS_CHANGED), and refused whole with any problem.
 */
import path from 'node:path';
import type { FigureInput } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { TableImportResult, TableSource } from '../../../shared/table-import';
import { AuthorName } from '../../../shared/workbench';
import { backupBeside } from '../db/backup';
import { applyFigureChanges, type FigureChange } from '../db/figures-bulk';
import { mustBeWhole } from '../db/health';
import type { DB } from '../db/open';
import { stillInHistory } from '../db/read';
import { newChange, parseInput, rowsChanged } from '../db/revisions';
import { createSource } from '../db/sources';
import { figureKey, type PlannedTableChange, type TableFigure, type TablePlan } from './plan';

export interface TableApplyOptions {
  author: string;
  dataFile: string;
  source: TableSource;
  /** Called between the backup and the write transaction (tests put a concurrent edit there). */
  afterBackup?: () => void;
}

export function applyTablePlan(db: DB, plan: TablePlan, options: TableApplyOptions): TableImportResult {
  parseInput(AuthorName, options.author, 'authorName');
  if (plan.problems.length > 0) throw new AppError('IMPORT_HAS_ERRORS', 'table has errors', { count: plan.problems.length });
  const result: TableImportResult = { batchId: null, added: 0, changed: 0, sourceId: options.source.kind === 'existing' ? options.source.id : null, backupPath: null };
  if (plan.changes.length === 0) return result;
  mustBeWhole(db, options.dataFile);
  result.backupPath = backupBeside(db, options.dataFile, 'before-table-import');
  options.afterBackup?.();
  const change = { ...newChange(options.author.trim()), importFile: path.basename(plan.file) };
  db.transaction(() => {
    refuseChangedSince(db, plan);
    const sourceId = options.source.kind === 'existing' ? options.source.id : createSource(db, change, options.source.source).id;
    result.sourceId = sourceId;
    applyFigureChanges(db, change, plan.changes.map((c) => figureChangeOf(c, sourceId)));
  }).immediate();
  for (const c of plan.changes) result[c.kind]++;
  result.batchId = change.batchId;
  return result;
}

/**
 * Refuses when a figure the plan changes was changed after the preview, or a figure the plan adds
 * was created since by someone else (the same scope, entity, city, metric and period).
 */
function refuseChangedSince(db: DB, plan: TablePlan): void {
  if (!stillInHistory(db, plan.revisionMark)) throw new AppError('IMPORT_STALE_PREVIEW', 'history taken back since the preview');
  const since = db
    .prepare(
      `SELECT id, scope, entity_id AS entityId, city_code AS cityCode, metric, period FROM figures
        WHERE id IN (SELECT CAST(target_id AS INTEGER) FROM revisions WHERE id > ? AND target_type = 'figure')`,
    )
    .all(plan.revisionMark.id) as (Pick<TableFigure, 'scope' | 'entityId' | 'cityCode' | 'metric' | 'period'> & { id: number })[];
  if (since.length === 0) return;
  const changedIds = new Set(plan.changes.flatMap((c) => (c.figureId === null ? [] : [c.figureId])));
  const addedKeys = new Set(plan.changes.filter((c) => c.kind === 'added').map((c) => figureKey(c.figure)));
  const hit = since.filter((f) => changedIds.has(f.id) || addedKeys.has(figureKey(f))).map((f) => f.id);
  if (hit.length > 0) throw rowsChanged(hit.sort((a, b) => a - b), 'preview');
}

/** The figure the writer gets: a change keeps the stored note, and the quote only when the source stays the same. */
function figureChangeOf(c: PlannedTableChange, sourceId: number): FigureChange {
  const f = c.figure;
  const sameSource = c.stored?.sourceId === sourceId;
  const input: FigureInput = {
    scope: f.scope,
    entityId: f.entityId,
    metric: f.metric,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    period: f.period,
    cityCode: f.cityCode,
    sourceId,
    sourceQuote: sameSource ? (c.stored?.sourceQuote ?? null) : null,
    note: c.stored?.note ?? null,
  };
  return c.figureId === null ? { kind: 'added', input } : { kind: 'changed', id: c.figureId, input };
}
