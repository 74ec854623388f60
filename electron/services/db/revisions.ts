/**
 * The change log. Every write to a figure, entity, source or annotation records one revision row:
 * who, when, the action, and the whole object before and after (JSON of the domain object with its
 * deletedAt; null before a create). All revisions written by one user action share a batch id, so
 * undo takes the action back whole (an edit, or a whole workbook import).
 */
import crypto from 'node:crypto';
import type { DB } from './open';
import { statement } from './statements';

export type RevisionTarget = 'entity' | 'figure' | 'source' | 'annotation';
export type RevisionAction = 'create' | 'update' | 'delete' | 'restore';

/** Who is changing the data, when, and which user action the change belongs to. */
export interface ChangeContext {
  author: string;
  at: string;
  batchId: string;
}

export function newChange(author: string, now: Date = new Date()): ChangeContext {
  return { author, at: now.toISOString(), batchId: crypto.randomUUID() };
}

export function recordRevision(
  db: DB,
  ctx: ChangeContext,
  change: { targetType: RevisionTarget; targetId: string | number; action: RevisionAction; before: unknown; after: unknown },
): void {
  statement(
    db,
    `INSERT INTO revisions (batch_id, target_type, target_id, action, author, at, before_json, after_json)
     VALUES (@batchId, @targetType, @targetId, @action, @author, @at, @before, @after)`,
  ).run({
    batchId: ctx.batchId,
    targetType: change.targetType,
    targetId: String(change.targetId),
    action: change.action,
    author: ctx.author,
    at: ctx.at,
    before: change.before === null ? null : JSON.stringify(change.before),
    after: change.after === null ? null : JSON.stringify(change.after),
  });
}
