/**
 * Writing figures. Each function validates, writes the row and its revision; callers wrap a user
 * action (one edit, one import) in one db.transaction so it lands whole or not at all.
 */
import { FigureInput, type FigureSnapshot } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { DB } from './open';
import { statement } from './statements';
import { recordRevision, type ChangeContext } from './revisions';
import { toFigure, type FigureRow } from './rows';

export function figureSnapshot(db: DB, id: number): FigureSnapshot | undefined {
  const row = statement(db, `SELECT * FROM figures WHERE id = ?`).get(id) as (FigureRow & { deleted_at: string | null }) | undefined;
  return row ? { ...toFigure(row), deletedAt: row.deleted_at } : undefined;
}

function mustExist(db: DB, id: number): FigureSnapshot {
  const snap = figureSnapshot(db, id);
  if (!snap) throw new AppError('NOT_FOUND', 'figure not found', { what: 'figure', id });
  return snap;
}

function checkReferences(db: DB, input: FigureInput): void {
  if (input.entityId !== null) {
    const e = statement(db, `SELECT 1 FROM entities WHERE id = ? AND deleted_at IS NULL`).get(input.entityId);
    if (!e) throw new AppError('INVALID_INPUT', 'unknown entity', { where: 'entityId', reason: `unknown entity ${input.entityId}` });
  }
  if (input.sourceId !== null) {
    const s = statement(db, `SELECT 1 FROM sources WHERE id = ? AND deleted_at IS NULL`).get(input.sourceId);
    if (!s) throw new AppError('INVALID_INPUT', 'unknown source', { where: 'sourceId', reason: `unknown source ${input.sourceId}` });
  }
}

function parseInput(raw: unknown): FigureInput {
  const parsed = FigureInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('INVALID_INPUT', 'invalid figure', { where: issue?.path.join('.') || 'figure', reason: issue?.message ?? 'invalid' });
  }
  return parsed.data;
}

export function createFigure(db: DB, ctx: ChangeContext, raw: unknown): FigureSnapshot {
  const input = parseInput(raw);
  checkReferences(db, input);
  const id = Number(
    statement(
      db,
      `INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, source_id, source_quote, note, changed_at, changed_by)
         VALUES (@scope, @entityId, @metric, @value, @unit, @qualifier, @period, @sourceId, @sourceQuote, @note, @at, @author)`,
    ).run({ ...input, at: ctx.at, author: ctx.author }).lastInsertRowid,
  );
  const after = mustExist(db, id);
  recordRevision(db, ctx, { targetType: 'figure', targetId: id, action: 'create', before: null, after });
  return after;
}

export function updateFigure(db: DB, ctx: ChangeContext, id: number, patch: Partial<FigureInput>): FigureSnapshot {
  const before = mustExist(db, id);
  if (before.deletedAt !== null) throw new AppError('NOT_FOUND', 'figure deleted', { what: 'figure', id });
  const { id: _id, changedAt: _a, changedBy: _b, deletedAt: _d, ...current } = before;
  const input = parseInput({ ...current, ...patch });
  checkReferences(db, input);
  statement(
    db,
    `UPDATE figures
        SET scope = @scope, entity_id = @entityId, metric = @metric, value = @value, unit = @unit,
            qualifier = @qualifier, period = @period, source_id = @sourceId, source_quote = @sourceQuote,
            note = @note, changed_at = @at, changed_by = @author
      WHERE id = @id`,
  ).run({ ...input, id, at: ctx.at, author: ctx.author });
  const after = mustExist(db, id);
  recordRevision(db, ctx, { targetType: 'figure', targetId: id, action: 'update', before, after });
  return after;
}

/** Soft delete: the row stays, marked, and can be restored. */
export function deleteFigure(db: DB, ctx: ChangeContext, id: number): FigureSnapshot {
  const before = mustExist(db, id);
  if (before.deletedAt !== null) return before;
  statement(db, `UPDATE figures SET deleted_at = @at, changed_at = @at, changed_by = @author WHERE id = @id`).run({ id, at: ctx.at, author: ctx.author });
  const after = mustExist(db, id);
  recordRevision(db, ctx, { targetType: 'figure', targetId: id, action: 'delete', before, after });
  return after;
}

export function restoreFigure(db: DB, ctx: ChangeContext, id: number): FigureSnapshot {
  const before = mustExist(db, id);
  if (before.deletedAt === null) return before;
  statement(db, `UPDATE figures SET deleted_at = NULL, changed_at = @at, changed_by = @author WHERE id = @id`).run({ id, at: ctx.at, author: ctx.author });
  const after = mustExist(db, id);
  recordRevision(db, ctx, { targetType: 'figure', targetId: id, action: 'restore', before, after });
  return after;
}
