/**
 * Writing figures. Each function validates, writes the row and its revision; callers wrap a user
 * action (one edit, one import) in one db.transaction so it lands whole or not at all.
 */
import { FigureInput, FigureSnapshot } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { DB } from './open';
import { mustBeLive, mustExist, parseInput, recordRevision, setDeleted, type ChangeContext, type Tracked } from './revisions';
import { checkFigureCatalog } from './metrics';
import { statement } from './statements';
import { FIGURE_COLUMN, toFigure, type FigureRow } from './rows';

export function figureSnapshot(db: DB, id: number): FigureSnapshot | undefined {
  const row = statement(db, `SELECT * FROM figures WHERE id = ?`).get(id) as (FigureRow & { deleted_at: string | null }) | undefined;
  return row ? { ...toFigure(row), deletedAt: row.deleted_at } : undefined;
}

export const FIGURES: Tracked<FigureSnapshot> = {
  target: 'figure',
  schema: FigureSnapshot,
  snapshot: (db, id) => figureSnapshot(db, Number(id)),
  put: (db, ctx, snap) => {
    statement(
      db,
      `INSERT INTO figures (id, scope, entity_id, metric, value, unit, qualifier, period, city_code, source_id, source_quote, note, changed_at, changed_by, deleted_at)
       VALUES (@id, @scope, @entityId, @metric, @value, @unit, @qualifier, @period, @cityCode, @sourceId, @sourceQuote, @note, @at, @author, @deletedAt)
       ON CONFLICT (id) DO UPDATE
          SET scope = excluded.scope, entity_id = excluded.entity_id, metric = excluded.metric, value = excluded.value,
              unit = excluded.unit, qualifier = excluded.qualifier, period = excluded.period, city_code = excluded.city_code, source_id = excluded.source_id,
              source_quote = excluded.source_quote, note = excluded.note, changed_at = excluded.changed_at,
              changed_by = excluded.changed_by, deleted_at = excluded.deleted_at`,
    ).run({ ...snap, at: ctx.at, author: ctx.author });
  },
  // A figure written back names a metric still in the catalog and a real city (the triggers would refuse it untyped).
  check: (db, snap) => checkFigureCatalog(db, snap, { kindRules: false }),
  setDeletedAt: (db, ctx, id, deletedAt) => {
    statement(db, `UPDATE figures SET deleted_at = @deletedAt, changed_at = @at, changed_by = @author WHERE id = @id`).run({ id: Number(id), deletedAt, at: ctx.at, author: ctx.author });
  },
};

/** The error for a figure naming an entity or source that is not there (or deleted). */
export function unknownReference(what: 'entity' | 'source', id: string | number): AppError {
  return new AppError('INVALID_INPUT', `unknown ${what}`, { where: `${what}Id`, reason: `unknown ${what} ${id}`, problem: 'unknown_ref', value: id });
}

function checkReferences(db: DB, input: FigureInput): void {
  checkFigureCatalog(db, input);
  if (input.entityId !== null) {
    const e = statement(db, `SELECT 1 FROM entities WHERE id = ? AND deleted_at IS NULL`).get(input.entityId);
    if (!e) throw unknownReference('entity', input.entityId);
  }
  if (input.sourceId !== null) {
    const s = statement(db, `SELECT 1 FROM sources WHERE id = ? AND deleted_at IS NULL`).get(input.sourceId);
    if (!s) throw unknownReference('source', input.sourceId);
  }
}

export function createFigure(db: DB, ctx: ChangeContext, raw: unknown): FigureSnapshot {
  const input = parseInput(FigureInput, raw, 'figure');
  checkReferences(db, input);
  const id = Number(
    statement(
      db,
      `INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, city_code, source_id, source_quote, note, changed_at, changed_by)
         VALUES (@scope, @entityId, @metric, @value, @unit, @qualifier, @period, @cityCode, @sourceId, @sourceQuote, @note, @at, @author)`,
    ).run({ ...input, at: ctx.at, author: ctx.author }).lastInsertRowid,
  );
  const after = mustExist(db, FIGURES, id);
  recordRevision(db, ctx, { targetType: 'figure', targetId: id, action: 'create', before: null, after });
  return after;
}

/** Columns of a figure a person can change, with their names in SQL. */
export const EDITABLE: readonly (readonly [keyof FigureInput, string])[] = (
  ['scope', 'entityId', 'metric', 'value', 'unit', 'qualifier', 'period', 'cityCode', 'sourceId', 'sourceQuote', 'note'] as const
).map((key) => [key, FIGURE_COLUMN[key]] as const);

/**
 * Changes the given fields. Only columns whose value really changes are written, so SQLite touches
 * only the indexes and search-index triggers of those columns (a 100,000-row import changes values,
 * not notes). A save that changes nothing writes nothing and records no revision.
 */
export function updateFigure(db: DB, ctx: ChangeContext, id: number, patch: Partial<FigureInput>): FigureSnapshot {
  const before = mustBeLive(db, FIGURES, id);
  const { id: _id, changedAt: _a, changedBy: _b, deletedAt: _d, ...current } = before;
  const input = parseInput(FigureInput, { ...current, ...patch }, 'figure');
  checkReferences(db, input);
  const changed = EDITABLE.filter(([key]) => !Object.is(input[key], current[key]));
  if (changed.length === 0) return before;
  statement(
    db,
    `UPDATE figures
        SET ${changed.map(([key, column]) => `${column} = @${key}`).join(', ')}, changed_at = @at, changed_by = @author
      WHERE id = @id`,
  ).run({ ...input, id, at: ctx.at, author: ctx.author });
  // The row now holds exactly this (no defaults or triggers change a figure's own columns).
  const after: FigureSnapshot = { ...before, ...input, changedAt: ctx.at, changedBy: ctx.author };
  recordRevision(db, ctx, { targetType: 'figure', targetId: id, action: 'update', before, after });
  return after;
}

/** Soft delete: the row stays, marked, and can be restored. */
export function deleteFigure(db: DB, ctx: ChangeContext, id: number): FigureSnapshot {
  return setDeleted(db, ctx, FIGURES, id, true);
}

export function restoreFigure(db: DB, ctx: ChangeContext, id: number): FigureSnapshot {
  return setDeleted(db, ctx, FIGURES, id, false);
}
