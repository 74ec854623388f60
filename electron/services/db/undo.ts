/**
 * Undo, redo and "restore this version", for any batch of revisions (one edit, or a whole import).
 * Undo writes back each target's "before" snapshot, newest revision first; redo writes the "after"
 * snapshots again, oldest first. Both are recorded as batches of their own, so history stays
 * complete, and the stack lives in the batches table, so it survives closing the file.
 */
import type { Revision, UndoResult, UndoState } from '../../../shared/workbench';
import { AppError } from '../../../shared/errors';
import type { DB } from './open';
import { applySnapshot, beginBatch, newChange, type ChangeContext, type RevisionTarget } from './revisions';
import { TRACKED } from './tracked';

interface RevisionRow {
  id: number;
  batch_id: string;
  batch_kind: 'change' | 'undo' | 'redo';
  target_type: RevisionTarget;
  target_id: string;
  action: Revision['action'];
  author: string;
  at: string;
  before_json: string | null;
  after_json: string | null;
}

const json = (text: string | null): Record<string, unknown> | null => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

export function undoState(db: DB): UndoState {
  return {
    canUndo: db.prepare(`SELECT 1 FROM batches WHERE kind = 'change' AND state = 'done' LIMIT 1`).get() !== undefined,
    canRedo: db.prepare(`SELECT 1 FROM batches WHERE kind = 'change' AND state = 'undone' LIMIT 1`).get() !== undefined,
  };
}

/** Takes the most recent change that is still done back whole. */
export function undo(db: DB, author: string): UndoResult {
  return db.transaction(() => {
    const batch = db.prepare(`SELECT id FROM batches WHERE kind = 'change' AND state = 'done' ORDER BY seq DESC LIMIT 1`).get() as { id: string } | undefined;
    if (!batch) return { done: false, changes: 0, state: undoState(db) };
    const revisions = db.prepare(`SELECT * FROM revisions WHERE batch_id = ? ORDER BY id DESC`).all(batch.id) as RevisionRow[];
    const ctx: ChangeContext = { ...newChange(author), reverts: { kind: 'undo', batchId: batch.id } };
    beginBatch(db, ctx);
    for (const r of revisions) applySnapshot(db, ctx, TRACKED[r.target_type], r.target_id, json(r.before_json));
    db.prepare(`UPDATE batches SET state = 'undone' WHERE id = ?`).run(batch.id);
    return { done: true, changes: revisions.length, state: undoState(db) };
  })();
}

/** Applies again the change undone last, unless a new change came since. */
export function redo(db: DB, author: string): UndoResult {
  return db.transaction(() => {
    const batch = db
      .prepare(
        `SELECT b.id FROM batches b
          WHERE b.kind = 'change' AND b.state = 'undone'
          ORDER BY (SELECT max(u.seq) FROM batches u WHERE u.reverts = b.id AND u.kind = 'undo') DESC
          LIMIT 1`,
      )
      .get() as { id: string } | undefined;
    if (!batch) return { done: false, changes: 0, state: undoState(db) };
    const revisions = db.prepare(`SELECT * FROM revisions WHERE batch_id = ? ORDER BY id`).all(batch.id) as RevisionRow[];
    const ctx: ChangeContext = { ...newChange(author), reverts: { kind: 'redo', batchId: batch.id } };
    beginBatch(db, ctx);
    for (const r of revisions) applySnapshot(db, ctx, TRACKED[r.target_type], r.target_id, json(r.after_json));
    db.prepare(`UPDATE batches SET state = 'done' WHERE id = ?`).run(batch.id);
    return { done: true, changes: revisions.length, state: undoState(db) };
  })();
}

/** Every recorded change of one object, newest first. */
export function history(db: DB, targetType: RevisionTarget, targetId: string): Revision[] {
  const rows = db
    .prepare(
      `SELECT r.*, coalesce(b.kind, 'change') AS batch_kind
         FROM revisions r LEFT JOIN batches b ON b.id = r.batch_id
        WHERE r.target_type = ? AND r.target_id = ?
        ORDER BY r.id DESC`,
    )
    .all(targetType, targetId) as RevisionRow[];
  return rows.map((r) => ({
    id: r.id,
    batchId: r.batch_id,
    batchKind: r.batch_kind,
    targetType: r.target_type,
    targetId: r.target_id,
    action: r.action,
    author: r.author,
    at: r.at,
    before: json(r.before_json),
    after: json(r.after_json),
  }));
}

/** "Restore this version": the object as that revision left it, written as a new change. */
export function restoreVersion(db: DB, author: string, revisionId: number): UndoResult {
  return db.transaction(() => {
    const r = db.prepare(`SELECT * FROM revisions WHERE id = ?`).get(revisionId) as RevisionRow | undefined;
    if (!r) throw new AppError('NOT_FOUND', 'revision not found', { what: 'revision', id: revisionId });
    applySnapshot(db, newChange(author), TRACKED[r.target_type], r.target_id, json(r.after_json));
    return { done: true, changes: 1, state: undoState(db) };
  })();
}
