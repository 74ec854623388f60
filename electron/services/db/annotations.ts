/** Writing annotations on an entity or a figure, in the style of figures.ts. */
import { AnnotationInput, AnnotationSnapshot } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { namedTargets } from './history';
import type { DB } from './open';
import { mustBeLive, mustExist, parseInput, recordRevision, setDeleted, type ChangeContext, type Tracked } from './revisions';
import { toAnnotation, type AnnotationRow } from './rows';

export function annotationSnapshot(db: DB, id: number): AnnotationSnapshot | undefined {
  const row = db.prepare(`SELECT * FROM annotations WHERE id = ?`).get(id) as (AnnotationRow & { deleted_at: string | null }) | undefined;
  return row ? { ...toAnnotation(row), deletedAt: row.deleted_at } : undefined;
}

export const ANNOTATIONS: Tracked<AnnotationSnapshot> = {
  target: 'annotation',
  schema: AnnotationSnapshot,
  snapshot: (db, id) => annotationSnapshot(db, Number(id)),
  put: (db, ctx, snap) => {
    db.prepare(
      `INSERT INTO annotations (id, target_type, target_id, body, author, tags, status, include_in_briefing, created_at, updated_at, deleted_at)
       VALUES (@id, @targetType, @targetId, @body, @author, @tags, @status, @include, @createdAt, @at, @deletedAt)
       ON CONFLICT (id) DO UPDATE
          SET target_type = excluded.target_type, target_id = excluded.target_id, body = excluded.body,
              tags = excluded.tags, status = excluded.status, include_in_briefing = excluded.include_in_briefing,
              updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`,
    ).run({ ...snap, tags: JSON.stringify(snap.tags), include: snap.includeInBriefing ? 1 : 0, at: ctx.at });
  },
  setDeletedAt: (db, ctx, id, deletedAt) => {
    db.prepare(`UPDATE annotations SET deleted_at = @deletedAt, updated_at = @at WHERE id = @id`).run({ id: Number(id), deletedAt, at: ctx.at });
  },
};

function checkTarget(db: DB, input: AnnotationInput): void {
  const live =
    input.targetType === 'entity'
      ? db.prepare(`SELECT 1 FROM entities WHERE id = ? AND deleted_at IS NULL`).get(input.targetId)
      : /^\d+$/.test(input.targetId) && db.prepare(`SELECT 1 FROM figures WHERE id = ? AND deleted_at IS NULL`).get(Number(input.targetId));
  if (live) return;
  // Deleted since the page showed it (an import with removals, another window): said as such, with the way back.
  const deleted =
    input.targetType === 'entity'
      ? db.prepare(`SELECT 1 FROM entities WHERE id = ? AND deleted_at IS NOT NULL`).get(input.targetId)
      : /^\d+$/.test(input.targetId) && db.prepare(`SELECT 1 FROM figures WHERE id = ? AND deleted_at IS NOT NULL`).get(Number(input.targetId));
  if (deleted) {
    const names = namedTargets(db, [{ type: input.targetType, id: input.targetId }]);
    throw new AppError('CHANGED_ELSEWHERE', 'annotation target deleted', { names: names.zh, namesEn: names.en, deleted: 1 });
  }
  throw new AppError('INVALID_INPUT', 'unknown annotation target', { where: 'targetId', reason: `unknown ${input.targetType} ${input.targetId}`, problem: 'unknown_ref', value: input.targetId });
}

/** Tags are kept trimmed, once each, in the order given. */
const tidy = (input: AnnotationInput): AnnotationInput => ({ ...input, tags: [...new Set(input.tags.map((t) => t.trim()))] });

export function createAnnotation(db: DB, ctx: ChangeContext, raw: unknown): AnnotationSnapshot {
  const input = tidy(parseInput(AnnotationInput, raw, 'annotation'));
  checkTarget(db, input);
  const id = Number(
    db
      .prepare(
        `INSERT INTO annotations (target_type, target_id, body, author, tags, status, include_in_briefing, created_at, updated_at)
         VALUES (@targetType, @targetId, @body, @author, @tags, @status, @include, @at, @at)`,
      )
      .run({ ...input, author: ctx.author, tags: JSON.stringify(input.tags), include: input.includeInBriefing ? 1 : 0, at: ctx.at }).lastInsertRowid,
  );
  const after = mustExist(db, ANNOTATIONS, id);
  recordRevision(db, ctx, { targetType: 'annotation', targetId: id, action: 'create', before: null, after });
  return after;
}

/** Edit, resolve or reopen: the author of the annotation stays who wrote it; the revision says who changed it. */
export function updateAnnotation(db: DB, ctx: ChangeContext, id: number, patch: Partial<Omit<AnnotationInput, 'targetType' | 'targetId'>>): AnnotationSnapshot {
  const before = mustBeLive(db, ANNOTATIONS, id);
  const { targetType, targetId, body, tags, status, includeInBriefing } = before;
  const input = tidy(parseInput(AnnotationInput, { targetType, targetId, body, tags, status, includeInBriefing, ...patch }, 'annotation'));
  ANNOTATIONS.put(db, ctx, { ...before, ...input });
  const after = mustExist(db, ANNOTATIONS, id);
  recordRevision(db, ctx, { targetType: 'annotation', targetId: id, action: 'update', before, after });
  return after;
}

export function deleteAnnotation(db: DB, ctx: ChangeContext, id: number): AnnotationSnapshot {
  return setDeleted(db, ctx, ANNOTATIONS, id, true);
}

export function restoreAnnotation(db: DB, ctx: ChangeContext, id: number): AnnotationSnapshot {
  return setDeleted(db, ctx, ANNOTATIONS, id, false);
}
