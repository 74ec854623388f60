/**
 * The change log. Every write to a figure, entity, source or annotation records one revision row:
 * who, when, the action, and the whole object before and after (JSON of the domain object with its
 * deletedAt; null before a create). All revisions written by one user action share a batch id, so
 * undo takes the action back whole (an edit, or a whole workbook import). The first revision of a
 * batch also enters it in the batches table, the undo/redo stack kept in the file.
 */
import crypto from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { issueDetails } from '../../../shared/text';
import type { DB } from './open';
import { statement } from './statements';

export type RevisionTarget = 'entity' | 'figure' | 'source' | 'annotation' | 'bulletin' | 'metric' | 'finding';
export type RevisionAction = 'create' | 'update' | 'delete' | 'restore';

/** Who is changing the data, when, and which user action the change belongs to. */
export interface ChangeContext {
  author: string;
  at: string;
  batchId: string;
  /** Set only for the batch that undoes or redoes an earlier change. */
  reverts?: { kind: 'undo' | 'redo'; batchId: string };
  /** Set only for the batch of a workbook or table import: the file's name, which undo names it by. */
  importFile?: string;
}

export function newChange(author: string, now: Date = new Date()): ChangeContext {
  return { author, at: now.toISOString(), batchId: crypto.randomUUID() };
}

export function recordRevision(
  db: DB,
  ctx: ChangeContext,
  change: { targetType: RevisionTarget; targetId: string | number; action: RevisionAction; before: unknown; after: unknown },
): void {
  beginBatch(db, ctx);
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

/** Batches already entered, per connection: a 100,000-row import enters its batch once. */
const BEGUN = new WeakMap<DB, Set<string>>();

/** Puts the batch on the stack (once; every revision calls it); a new change ends what could be redone. */
export function beginBatch(db: DB, ctx: ChangeContext): void {
  let begun = BEGUN.get(db);
  if (!begun) BEGUN.set(db, (begun = new Set()));
  // Known only while its row is really there: a rolled-back action leaves no row, so look again.
  if (begun.has(ctx.batchId) && statement(db, `SELECT 1 FROM batches WHERE id = ?`).get(ctx.batchId)) return;
  begun.add(ctx.batchId);
  const inserted = statement(
    db,
    `INSERT INTO batches (id, author, at, kind, reverts, import_file) VALUES (@id, @author, @at, @kind, @reverts, @importFile)
     ON CONFLICT (id) DO NOTHING`,
  ).run({ id: ctx.batchId, author: ctx.author, at: ctx.at, kind: ctx.reverts?.kind ?? 'change', reverts: ctx.reverts?.batchId ?? null, importFile: ctx.importFile ?? null });
  if (inserted.changes === 1 && !ctx.reverts) statement(db, `UPDATE batches SET state = 'dropped' WHERE state = 'undone'`).run();
}

/** Validates what a person supplied against a schema; the first problem names its field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const details = issueDetails(issue);
    throw new AppError('INVALID_INPUT', `invalid ${what}`, { ...details, where: issue && issue.path.length > 0 ? details.where : what });
  }
  return parsed.data;
}

/** What every tracked object's snapshot has: its id, and whether (since when) it is deleted. */
export interface Snapshot {
  id: string | number;
  deletedAt: string | null;
}

/**
 * One kind of tracked object (figure, entity, source, annotation): how to read its whole snapshot,
 * write a snapshot back (undo, redo, "restore this version"), and mark it deleted or not.
 */
export interface Tracked<S extends Snapshot> {
  target: RevisionTarget;
  schema: z.ZodType<S>;
  snapshot(db: DB, id: string): S | undefined;
  /** Writes every field of `snap` (insert or update); the change context supplies who and when. */
  put(db: DB, ctx: ChangeContext, snap: S): void;
  setDeletedAt(db: DB, ctx: ChangeContext, id: string, deletedAt: string | null): void;
  /** What the schema cannot know, checked before a recorded snapshot is written back (a figure's metric still in the catalog). */
  check?(db: DB, snap: S): void;
}

/** The error for an object that is not there, or is deleted where a live one is needed. */
export function notFound(target: RevisionTarget, id: string | number, state: 'not found' | 'deleted'): AppError {
  return new AppError('NOT_FOUND', `${target} ${state}`, { what: target, id: String(id) });
}

/** The error for a write refused because these figures changed after what the person saw (ids: the first 20). */
export function rowsChanged(ids: readonly number[], since: 'preview' | 'undo', names?: { zh: string; en: string }): AppError {
  const shown = ids.slice(0, 20).join(', ') + (ids.length > 20 ? ', …' : '');
  return new AppError('ROWS_CHANGED', 'rows changed since', { count: ids.length, ids: shown, since, ...(names ? { names: names.zh, namesEn: names.en } : {}) });
}

export function mustExist<S extends Snapshot>(db: DB, kind: Tracked<S>, id: string | number): S {
  const snap = kind.snapshot(db, String(id));
  if (!snap) throw notFound(kind.target, id, 'not found');
  return snap;
}

export function mustBeLive<S extends Snapshot>(db: DB, kind: Tracked<S>, id: string | number): S {
  const snap = mustExist(db, kind, id);
  if (snap.deletedAt !== null) throw notFound(kind.target, id, 'deleted');
  return snap;
}

/** Soft delete (deleted = true) or restore, with its revision; a no-op when already so. */
export function setDeleted<S extends Snapshot>(db: DB, ctx: ChangeContext, kind: Tracked<S>, id: string | number, deleted: boolean): S {
  const before = mustExist(db, kind, id);
  if ((before.deletedAt !== null) === deleted) return before;
  kind.setDeletedAt(db, ctx, String(id), deleted ? ctx.at : null);
  const after = mustExist(db, kind, id);
  recordRevision(db, ctx, { targetType: kind.target, targetId: id, action: deleted ? 'delete' : 'restore', before, after });
  return after;
}

/**
 * Brings an object back to a recorded state: a snapshot, or null for "did not exist yet" (which
 * becomes a soft delete). Records the change like any other, so history stays complete.
 */
export function applySnapshot<S extends Snapshot>(db: DB, ctx: ChangeContext, kind: Tracked<S>, id: string, raw: unknown): void {
  const before = kind.snapshot(db, id) ?? null;
  if (raw === null) {
    if (before && before.deletedAt === null) setDeleted(db, ctx, kind, id, true);
    return;
  }
  const snap = checkSnapshot(db, kind, id, raw);
  kind.put(db, ctx, snap);
  const after = mustExist(db, kind, id);
  const action: RevisionAction =
    before === null ? 'create' : before.deletedAt === null && after.deletedAt !== null ? 'delete' : before.deletedAt !== null && after.deletedAt === null ? 'restore' : 'update';
  recordRevision(db, ctx, { targetType: kind.target, targetId: id, action, before, after });
}

/** A recorded snapshot parsed (parseSnapshot) and checked against the data file (Tracked.check). */
export function checkSnapshot<S extends Snapshot>(db: DB, kind: Tracked<S>, id: string, raw: unknown): S {
  const snap = parseSnapshot(kind, id, raw);
  kind.check?.(db, snap);
  return snap;
}

/**
 * A recorded snapshot of object `id`, checked against its schema; one that is not valid, or is of
 * another object (it would be written over that one), is refused.
 */
export function parseSnapshot<S extends Snapshot>(kind: Tracked<S>, id: string, raw: unknown): S {
  const snap = parseInput(kind.schema, raw, kind.target);
  if (String(snap.id) !== id) throw new AppError('INVALID_INPUT', `invalid ${kind.target}`, { where: 'id', reason: `a snapshot of ${kind.target} ${snap.id} recorded for ${id}` });
  return snap;
}
