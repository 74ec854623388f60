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
import { mustBeWhole } from './health';
import { batchSummary, namedTargets } from './history';
import type { DB } from './open';
import { applySnapshot, beginBatch, checkSnapshot, newChange, rowsChanged, type ChangeContext, type RevisionTarget } from './revisions';
import { conflictsOf, type Conflict } from './undo-conflicts';
import { TRACKED } from './tracked';

interface RevisionRow {
  target_type: RevisionTarget;
  target_id: string;
  after_json: string | null;
}

const json = (text: string | null): Record<string, unknown> | null => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

export function undoState(db: DB): UndoState {
  return { canUndo: newestDone(db) !== undefined, canRedo: lastUndone(db) !== undefined };
}

/** The state with the changes undo and redo would take: the page sends them back, so only those are. */
export function undoStateWithBatches(db: DB): UndoState {
  const undoBatchId = newestDone(db)?.id ?? null;
  const redoBatchId = lastUndone(db)?.id ?? null;
  const what = (id: string | null) => (id === null ? null : (batchSummary(db, id) ?? null));
  return { canUndo: undoBatchId !== null, canRedo: redoBatchId !== null, undoBatchId, redoBatchId, undoWhat: what(undoBatchId), redoWhat: what(redoBatchId) };
}

const newestDone = (db: DB): { id: string } | undefined =>
  db.prepare(`SELECT id FROM batches WHERE kind = 'change' AND state = 'done' ORDER BY seq DESC LIMIT 1`).get() as { id: string } | undefined;

const lastUndone = (db: DB): { id: string } | undefined =>
  db
    .prepare(
      `SELECT b.id FROM batches b
        WHERE b.kind = 'change' AND b.state = 'undone'
        ORDER BY (SELECT max(u.seq) FROM batches u WHERE u.reverts = b.id AND u.kind = 'undo') DESC
        LIMIT 1`,
    )
    .get() as { id: string } | undefined;

/** The batch the person asked for (the one the page showed), if it can still be undone (state 'done') or redone ('undone'). */
const named = (db: DB, batchId: string, state: 'done' | 'undone'): { id: string } | undefined =>
  db.prepare(`SELECT id FROM batches WHERE id = ? AND kind = 'change' AND state = ?`).get(batchId, state) as { id: string } | undefined;

/** The context of an undo or a redo: it writes back the snapshots of an earlier batch. */
export type Reverting = ChangeContext & { reverts: NonNullable<ChangeContext['reverts']> };

/** Writes back the snapshots of the batch `ctx` reverts; returns how many revisions the batch holds. */
export type WriteBack = (db: DB, ctx: Reverting) => number;

/**
 * Takes a change back whole: the one named (`batchId`: what the page showed as "undo"), else the
 * most recent change still done. Refused, naming them, when objects it would write back were
 * changed since (by anyone); changes to other objects do not stand in its way.
 */
export function undo(db: DB, author: string, writeBack: WriteBack = writeBackInRuns, options: StepOptions = {}): UndoResult {
  return step(db, author, 'undo', writeBack, options);
}

/** Applies again the change undone last (or the one named), unless a new change came since; the same rule as undo. */
export function redo(db: DB, author: string, writeBack: WriteBack = writeBackInRuns, options: StepOptions = {}): UndoResult {
  return step(db, author, 'redo', writeBack, options);
}

export interface StepOptions {
  /** The change the page showed: only that one is taken back (or applied again). */
  batchId?: string | undefined;
  /** The data file: a batch of more than BULK revisions is written only into a file that passes quick_check. */
  dataFile?: string;
}

/** A batch this large (an import) is a bulk write: the file is checked first, as before the import. */
export const BULK = 100;

/** IMMEDIATE: the write lock is held from choosing the batch to writing it back. */
function step(db: DB, author: string, kind: 'undo' | 'redo', writeBack: WriteBack, { batchId, dataFile }: StepOptions): UndoResult {
  return db
    .transaction(() => {
      const batch = batchId !== undefined ? named(db, batchId, kind === 'undo' ? 'done' : 'undone') : kind === 'undo' ? newestDone(db) : lastUndone(db);
      if (!batch) return { done: false, changes: 0, state: undoState(db) };
      if (dataFile !== undefined && isBulk(db, batch.id)) mustBeWhole(db, dataFile);
      return revert(db, author, { kind, batchId: batch.id }, writeBack);
    })
    .immediate();
}

const isBulk = (db: DB, batchId: string): boolean =>
  db.prepare(`SELECT count(*) FROM (SELECT 1 FROM revisions WHERE batch_id = ? LIMIT ${BULK + 1})`).pluck().get(batchId) === BULK + 1;

/** Undoes or redoes one batch, as a batch of its own that enters the stack first, and flips its state. */
function revert(db: DB, author: string, reverts: Reverting['reverts'], writeBack: WriteBack): UndoResult {
  refuseConflicts(db, conflictsOf(db, reverts.batchId));
  const ctx: Reverting = { ...newChange(author), reverts };
  beginBatch(db, ctx);
  const changes = writeBack(db, ctx);
  db.prepare(`UPDATE batches SET state = ? WHERE id = ?`).run(reverts.kind === 'undo' ? 'undone' : 'done', reverts.batchId);
  const summary = batchSummary(db, reverts.batchId);
  return { done: true, changes, state: undoState(db), ...(summary ? { summary } : {}) };
}

/** Refused, naming what changed since and who changed it (the ids alone meant nothing to the person). */
function refuseConflicts(db: DB, conflicts: Conflict[]): void {
  if (conflicts.length === 0) return;
  const names = namedTargets(db, conflicts);
  if (conflicts.every((c) => c.type === 'figure')) throw rowsChanged(conflicts.map((c) => Number(c.id)), 'undo', names);
  throw new AppError('ROWS_CHANGED', 'objects changed since', { count: conflicts.length, ids: conflicts.map((c) => `${c.type} ${c.id}`).join(', '), since: 'undo', names: names.zh, namesEn: names.en });
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
    if (snapshot !== null) checkSnapshot(db, TRACKED[r.type], r.target, snapshot);
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

/**
 * "Restore this version": the object as that revision left it, written as a new change. `seen`: the
 * newest revision of the object the person was shown; refused when a newer one has come since.
 */
export function restoreVersion(db: DB, author: string, revisionId: number, seen?: number): UndoResult {
  return db
    .transaction(() => {
      const r = db.prepare(`SELECT * FROM revisions WHERE id = ?`).get(revisionId) as RevisionRow | undefined;
      if (!r) throw new AppError('NOT_FOUND', 'revision not found', { what: 'revision', id: revisionId });
      if (seen !== undefined) {
        const newest = db.prepare(`SELECT max(id) FROM revisions WHERE target_type = ? AND target_id = ?`).pluck().get(r.target_type, r.target_id) as number;
        if (newest > seen) {
          const names = namedTargets(db, [{ type: r.target_type, id: r.target_id }]);
          throw new AppError('ROWS_CHANGED', 'changed since shown', { count: 1, ids: `${r.target_type} ${r.target_id}`, since: 'undo', names: names.zh, namesEn: names.en });
        }
      }
      applySnapshot(db, newChange(author), TRACKED[r.target_type], r.target_id, json(r.after_json));
      return { done: true, changes: 1, state: undoState(db) };
    })
    .immediate();
}
