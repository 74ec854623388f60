/**
 * Undo, redo and "restore this version", for any batch of revisions (one edit, or a whole import).
 * Undo writes back each target's "before" snapshot, newest revision first; redo writes the "after"
 * snapshots again, oldest first. Both are recorded as batches of their own, so history stays
 * complete, and the stack lives in the batches table, so it survives closing the file.
 *
 * An import's batch holds up to 100,000 figure revisions: they are written back set-based
 * (applyFigureSnapshots), in runs that keep that order; the few others one by one (applySnapshot).
 */
import type { Statement } from 'better-sqlite3';
import type { UndoResult, UndoState } from '../../../shared/workbench';
import { AppError } from '../../../shared/errors';
import { applyFigureSnapshots, type RecordedFigures } from './figures-bulk';
import { batchSummary } from './history';
import type { DB } from './open';
import { applySnapshot, beginBatch, newChange, parseSnapshot, type ChangeContext, type RevisionTarget } from './revisions';
import { TRACKED } from './tracked';

interface RevisionRow {
  target_type: RevisionTarget;
  target_id: string;
  after_json: string | null;
}

const json = (text: string | null): Record<string, unknown> | null => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

export function undoState(db: DB): UndoState {
  return {
    canUndo: db.prepare(`SELECT 1 FROM batches WHERE kind = 'change' AND state = 'done' LIMIT 1`).get() !== undefined,
    canRedo: db.prepare(`SELECT 1 FROM batches WHERE kind = 'change' AND state = 'undone' LIMIT 1`).get() !== undefined,
  };
}

/** The context of an undo or a redo: it writes back the snapshots of an earlier batch. */
export type Reverting = ChangeContext & { reverts: NonNullable<ChangeContext['reverts']> };

/** Writes back the snapshots of the batch `ctx` reverts; returns how many revisions the batch holds. */
export type WriteBack = (db: DB, ctx: Reverting) => number;

/** Takes the most recent change that is still done back whole. */
export function undo(db: DB, author: string, writeBack: WriteBack = writeBackInRuns): UndoResult {
  return db.transaction(() => {
    const batch = db.prepare(`SELECT id FROM batches WHERE kind = 'change' AND state = 'done' ORDER BY seq DESC LIMIT 1`).get() as { id: string } | undefined;
    return batch ? revert(db, author, { kind: 'undo', batchId: batch.id }, writeBack) : { done: false, changes: 0, state: undoState(db) };
  })();
}

/** Applies again the change undone last, unless a new change came since. */
export function redo(db: DB, author: string, writeBack: WriteBack = writeBackInRuns): UndoResult {
  return db.transaction(() => {
    const batch = db
      .prepare(
        `SELECT b.id FROM batches b
          WHERE b.kind = 'change' AND b.state = 'undone'
          ORDER BY (SELECT max(u.seq) FROM batches u WHERE u.reverts = b.id AND u.kind = 'undo') DESC
          LIMIT 1`,
      )
      .get() as { id: string } | undefined;
    return batch ? revert(db, author, { kind: 'redo', batchId: batch.id }, writeBack) : { done: false, changes: 0, state: undoState(db) };
  })();
}

/** Undoes or redoes one batch, as a batch of its own that enters the stack first, and flips its state. */
function revert(db: DB, author: string, reverts: Reverting['reverts'], writeBack: WriteBack): UndoResult {
  const ctx: Reverting = { ...newChange(author), reverts };
  beginBatch(db, ctx);
  const changes = writeBack(db, ctx);
  db.prepare(`UPDATE batches SET state = ? WHERE id = ?`).run(reverts.kind === 'undo' ? 'undone' : 'done', reverts.batchId);
  const summary = batchSummary(db, reverts.batchId);
  return { done: true, changes, state: undoState(db), ...(summary ? { summary } : {}) };
}

/** One revision: its target, and the snapshot to write back (JSON text; null: it did not exist). */
interface WriteBackRow {
  id: number;
  type: RevisionTarget;
  target: string;
  snapshot: string | null;
}

/** The revisions of the batch `ctx` reverts: undo takes their "before" snapshots newest first, redo their "after" snapshots oldest first. */
function recorded(db: DB, ctx: Reverting): Statement<[string], WriteBackRow> {
  const [snapshot, order] = ctx.reverts.kind === 'undo' ? ['before_json', 'DESC'] : ['after_json', 'ASC'];
  return db.prepare<[string], WriteBackRow>(`SELECT id, target_type AS type, target_id AS target, ${snapshot} AS snapshot FROM revisions WHERE batch_id = ? ORDER BY id ${order}`);
}

/**
 * One revision at a time through applySnapshot, as undo and redo wrote back every revision before
 * figures went set-based (tests compare the two).
 */
export function writeBackOneByOne(db: DB, ctx: Reverting): number {
  const rows = recorded(db, ctx).all(ctx.reverts.batchId);
  for (const r of rows) applySnapshot(db, ctx, TRACKED[r.type], r.target, json(r.snapshot));
  return rows.length;
}

/** The figures in runs, set-based; the few other revisions one by one. */
export function writeBackInRuns(db: DB, ctx: Reverting): number {
  const { runs, revisions } = runsOf(db, ctx);
  for (const run of runs) {
    if ('others' in run) for (const r of run.others) applySnapshot(db, ctx, TRACKED[r.type], r.target, json(r.snapshot));
    else applyFigureSnapshots(db, ctx, run);
  }
  return revisions;
}

type Run = RecordedFigures | { others: WriteBackRow[] };

/**
 * The batch's revisions cut into runs, in order: a run is all figures or all others, and names each
 * figure once (a figure changed twice in the batch starts a new run), so that writing a run's
 * figures together leaves what writing them one by one would. Every snapshot is parsed on the way,
 * as applySnapshot parses it: the first it would refuse is refused before anything is written.
 */
function runsOf(db: DB, ctx: Reverting): { runs: Run[]; revisions: number } {
  const runs: Run[] = [];
  let figures: RecordedFigures | undefined;
  let others: WriteBackRow[] | undefined;
  let inRun = new Set<string>();
  let revisions = 0;
  for (const r of recorded(db, ctx).iterate(ctx.reverts.batchId)) {
    revisions++;
    const snapshot = json(r.snapshot);
    if (snapshot !== null) parseSnapshot(TRACKED[r.type], r.target, snapshot);
    if (r.type === 'figure') {
      if (!figures || inRun.has(r.target)) {
        runs.push((figures = { batchId: ctx.reverts.batchId, first: r.id, last: r.id, side: ctx.reverts.kind === 'undo' ? 'before' : 'after' }));
        others = undefined;
        inRun = new Set();
      }
      figures.first = Math.min(figures.first, r.id);
      figures.last = Math.max(figures.last, r.id);
      inRun.add(r.target);
    } else {
      if (!others) {
        runs.push({ others: (others = []) });
        figures = undefined;
      }
      others.push(r);
    }
  }
  return { runs, revisions };
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
