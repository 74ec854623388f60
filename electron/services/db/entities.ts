/** Writing entities (clusters and future industries), in the style of figures.ts: validate, write, record. */
import { EntityInput, EntitySnapshot } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { FIGURES } from './figures';
import type { DB } from './open';
import { mustBeLive, mustExist, parseInput, recordRevision, setDeleted, type ChangeContext, type Tracked } from './revisions';
import { toEntity, type EntityRow } from './rows';

type Row = EntityRow & { changed_at: string; changed_by: string; deleted_at: string | null };

export function entitySnapshot(db: DB, id: string): EntitySnapshot | undefined {
  const row = db.prepare(`SELECT * FROM entities WHERE id = ?`).get(id) as Row | undefined;
  return row ? { ...toEntity(row), changedAt: row.changed_at, changedBy: row.changed_by, deletedAt: row.deleted_at } : undefined;
}

export const ENTITIES: Tracked<EntitySnapshot> = {
  target: 'entity',
  schema: EntitySnapshot,
  snapshot: entitySnapshot,
  put: (db, ctx, snap) => {
    db.prepare(
      `INSERT INTO entities (id, name_zh, name_en, category, tier, sort_order, changed_at, changed_by, deleted_at)
       VALUES (@id, @zh, @en, @category, @tier, @sortOrder, @at, @author, @deletedAt)
       ON CONFLICT (id) DO UPDATE
          SET name_zh = excluded.name_zh, name_en = excluded.name_en, category = excluded.category, tier = excluded.tier,
              sort_order = excluded.sort_order, changed_at = excluded.changed_at, changed_by = excluded.changed_by,
              deleted_at = excluded.deleted_at`,
    ).run({ ...snap, zh: snap.name.zh, en: snap.name.en, at: ctx.at, author: ctx.author });
  },
  setDeletedAt: (db, ctx, id, deletedAt) => {
    db.prepare(`UPDATE entities SET deleted_at = @deletedAt, changed_at = @at, changed_by = @author WHERE id = @id`).run({ id, deletedAt, at: ctx.at, author: ctx.author });
  },
};

export function createEntity(db: DB, ctx: ChangeContext, raw: unknown): EntitySnapshot {
  const input = parseInput(EntityInput, raw, 'entity');
  if (entitySnapshot(db, input.id)) throw new AppError('INVALID_INPUT', 'entity id taken', { where: 'id', reason: `${input.id} is already used`, problem: 'taken', value: input.id });
  ENTITIES.put(db, ctx, { ...input, changedAt: ctx.at, changedBy: ctx.author, deletedAt: null });
  const after = mustExist(db, ENTITIES, input.id);
  recordRevision(db, ctx, { targetType: 'entity', targetId: input.id, action: 'create', before: null, after });
  return after;
}

export function updateEntity(db: DB, ctx: ChangeContext, id: string, patch: Partial<Omit<EntityInput, 'id'>>): EntitySnapshot {
  const before = mustBeLive(db, ENTITIES, id);
  const input = parseInput(EntityInput, { id, name: before.name, category: before.category, tier: before.tier, sortOrder: before.sortOrder, ...patch }, 'entity');
  ENTITIES.put(db, ctx, { ...input, changedAt: ctx.at, changedBy: ctx.author, deletedAt: null });
  const after = mustExist(db, ENTITIES, id);
  recordRevision(db, ctx, { targetType: 'entity', targetId: id, action: 'update', before, after });
  return after;
}

/** Soft delete of the entity together with its figures (in the same batch), so lists need not join to hide them. */
export function deleteEntity(db: DB, ctx: ChangeContext, id: string): EntitySnapshot {
  const before = mustExist(db, ENTITIES, id);
  if (before.deletedAt !== null) return before;
  const figures = db.prepare(`SELECT id FROM figures WHERE entity_id = ? AND deleted_at IS NULL`).pluck().all(id) as number[];
  for (const figureId of figures) setDeleted(db, ctx, FIGURES, figureId, true);
  return setDeleted(db, ctx, ENTITIES, id, true);
}

/** Restores the entity and the figures that were deleted with it. */
export function restoreEntity(db: DB, ctx: ChangeContext, id: string): EntitySnapshot {
  const before = mustExist(db, ENTITIES, id);
  if (before.deletedAt === null) return before;
  const after = setDeleted(db, ctx, ENTITIES, id, false);
  const figures = db.prepare(`SELECT id FROM figures WHERE entity_id = ? AND deleted_at = ?`).pluck().all(id, before.deletedAt) as number[];
  for (const figureId of figures) setDeleted(db, ctx, FIGURES, figureId, false);
  return after;
}
