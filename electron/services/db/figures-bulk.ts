/**
 * Writing many figures at once, set-based: a workbook import of up to 100,000 rows
 * (applyFigureChanges), and the undo or redo of one (applyFigureSnapshots). The rows go into a TEMP
 * table; then a few statements do what the per-row functions do row by row — createFigure /
 * updateFigure / deleteFigure for an import, applySnapshot for undo and redo — and leave the same
 * figures and the same revisions:
 *
 *   1. one pass over the rows finds the sets of columns they change; for an import, whether any
 *      would fail the per-row functions' checks (figure there and live, entity and source live):
 *      then the first such row, in order, gives the same error (undo parses the recorded snapshots
 *      with their schema before it writes anything, as applySnapshot would one by one);
 *   2. one INSERT … SELECT of all the revisions, in the rows' order, each snapshot built with
 *      json_object from the figure as it is and the row as it will be;
 *   3. one UPDATE … FROM per set of changed columns (normally one: value), so that SQLite maintains
 *      only the indexes and search-index triggers of those columns, as updateFigure does (a snapshot
 *      written over a figure just like it changes only who changed it when);
 *   4. one INSERT of the new figures, with the ids SQLite would give them one by one (figures has
 *      no AUTOINCREMENT: the largest id so far, plus one); the search-index trigger indexes them;
 *   5. one UPDATE marking removed figures deleted (for undo and redo: figures recorded as not there
 *      yet).
 *
 * All in one transaction. The TEMP table is dropped at the end; on failure the rollback takes its
 * creation back with everything else.
 */
import type { FigureInput, FigureSnapshot } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { EDITABLE, unknownReference } from './figures';
import type { DB } from './open';
import { beginBatch, notFound, type ChangeContext } from './revisions';
import { FIGURE_COLUMN } from './rows';
import { statement } from './statements';

/**
 * One row of a bulk write: a figure changed to `input`, a new figure, or a figure to delete. Inputs
 * are FigureInput values already checked against the schema (the workbook reader parses every row
 * with it), so they are not parsed again here; SQL's own constraints still hold.
 */
export type FigureChange = { kind: 'changed'; id: number; input: FigureInput } | { kind: 'added'; input: FigureInput } | { kind: 'removed'; id: number };

/**
 * Figure revisions of one batch to write back, ids `first` to `last` (the batch's other revisions
 * in that range are not figures'), each figure once: their "before" snapshots, newest revision
 * first (undo), or their "after" snapshots, oldest first (redo). The snapshots are already parsed
 * with parseSnapshot, as applySnapshot parses them (undo parses a whole batch before writing).
 */
export interface RecordedFigures {
  batchId: string;
  first: number;
  last: number;
  side: 'before' | 'after';
}

const ROWS = 'temp.figure_changes';

/**
 * seq: the row's position, the order of its revision. kind: an import's rows are 'changed', 'added'
 * or 'removed' (FigureChange); undo and redo's are 'snapshot', a figure written back whole, deleted_at
 * too, or 'removed' for a figure recorded as not there yet. id: the figure's, assigned for a new one.
 */
const CREATE_ROWS = /* sql */ `
  CREATE TEMP TABLE figure_changes (
    seq           INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    id            INTEGER NOT NULL,
    scope         TEXT,
    entity_id     TEXT,
    metric        TEXT,
    value         REAL,
    unit          TEXT,
    qualifier     TEXT,
    period        TEXT,
    city_code     TEXT,
    source_id     INTEGER,
    source_quote  TEXT,
    note          TEXT,
    deleted_at    TEXT
  )`;

const FILL_WRITE = /* sql */ `
  INSERT INTO ${ROWS} (seq, kind, id, scope, entity_id, metric, value, unit, qualifier, period, city_code, source_id, source_quote, note)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const FILL_REMOVAL = /* sql */ `INSERT INTO ${ROWS} (seq, kind, id) VALUES (?, 'removed', ?)`;

const COLUMNS = EDITABLE.map(([, column]) => column);
/** The columns a row can write: an import's rows leave deleted_at as it is (NULL in both). */
const WRITTEN = [...COLUMNS, 'deleted_at'];

/**
 * For a changed row i of figure f: bit n set when WRITTEN[n] differs, compared exactly as
 * updateFigure compares (IS NOT: nulls alike, numbers and text by value).
 */
const CHANGED_BITS = WRITTEN.map((column, bit) => `((f.${column} IS NOT i.${column}) << ${bit})`).join(' | ');


/** SQL for a snapshot's JSON, taken from table `from`, with some keys' values given instead. */
function snapshotJson(from: 'f' | 'i', given: Partial<Record<keyof FigureSnapshot, string>> = {}): string {
  const pairs = (Object.entries(FIGURE_COLUMN) as [keyof FigureSnapshot, string][]).map(([key, column]) => `'${key}', ${given[key] ?? `${from}.${column}`}`);
  return `json_object(${pairs.join(', ')})`;
}

/** Why the per-row functions would refuse row i (figure f), or NULL. */
const PROBLEM = /* sql */ `
  CASE
    WHEN i.kind <> 'added' AND f.id IS NULL THEN 'not found'
    WHEN i.kind = 'changed' AND f.deleted_at IS NOT NULL THEN 'deleted'
    WHEN i.kind <> 'removed' AND i.entity_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = i.entity_id AND e.deleted_at IS NULL) THEN 'entity'
    WHEN i.kind <> 'removed' AND i.source_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = i.source_id AND s.deleted_at IS NULL) THEN 'source'
    WHEN i.kind IN ('added', 'changed')
         AND NOT EXISTS (SELECT 1 FROM metrics m WHERE m.id = i.metric AND m.deleted_at IS NULL) THEN 'metric'
    WHEN i.kind IN ('added', 'changed') AND i.city_code IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM cities c WHERE c.code = i.city_code) THEN 'city'
  END`;

/**
 * One pass over the rows: the sets of columns the changed rows change (0 for a row that changes
 * nothing, written not at all), or -1 when some row would be refused by the per-row functions.
 */
const SCAN_ROWS = /* sql */ `
  SELECT DISTINCT CASE WHEN ${PROBLEM} IS NOT NULL THEN -1 WHEN i.kind = 'changed' THEN ${CHANGED_BITS} ELSE 0 END AS bits
    FROM ${ROWS} i LEFT JOIN figures f ON f.id = i.id`;

/** The first row the per-row functions would refuse, and why. */
const FIRST_PROBLEM = /* sql */ `
  SELECT id, entityId, sourceId, metric, cityCode, problem FROM (
    SELECT i.seq, i.id, i.entity_id AS entityId, i.source_id AS sourceId, i.metric, i.city_code AS cityCode, ${PROBLEM} AS problem
      FROM ${ROWS} i LEFT JOIN figures f ON f.id = i.id)
   WHERE problem IS NOT NULL
   ORDER BY seq
   LIMIT 1`;

/**
 * Every revision, before any figure is written (the "before" is the figure as it is), skipping
 * what the per-row functions skip: a change that changes nothing, a removal of a deleted figure
 * (or of one that is not there). A snapshot is always recorded, as applySnapshot records it, even
 * when it writes what is there; its action says whether it created, deleted or restored the figure.
 */
const INSERT_REVISIONS = /* sql */ `
  INSERT INTO revisions (batch_id, target_type, target_id, action, author, at, before_json, after_json)
  SELECT @batchId, 'figure', i.id,
         CASE WHEN f.id IS NULL THEN 'create'
              WHEN i.kind = 'removed' OR (f.deleted_at IS NULL AND i.deleted_at IS NOT NULL) THEN 'delete'
              WHEN f.deleted_at IS NOT NULL AND i.deleted_at IS NULL THEN 'restore'
              ELSE 'update' END,
         @author, @at,
         CASE WHEN f.id IS NULL THEN NULL ELSE ${snapshotJson('f')} END,
         CASE WHEN i.kind = 'removed' THEN ${snapshotJson('f', { changedAt: '@at', changedBy: '@author', deletedAt: '@at' })}
              ELSE ${snapshotJson('i', { changedAt: '@at', changedBy: '@author' })} END
    FROM ${ROWS} i LEFT JOIN figures f ON f.id = i.id
   WHERE CASE i.kind WHEN 'changed' THEN (${CHANGED_BITS}) <> 0 WHEN 'removed' THEN f.id IS NOT NULL AND f.deleted_at IS NULL ELSE 1 END
   ORDER BY i.seq`;

/**
 * The rows that write exactly the columns in `bits` over a figure that is there: only those
 * columns are written, and who changed it when (all a snapshot that matches the figure writes).
 */
function updateColumns(bits: number): string {
  const columns = WRITTEN.filter((_, bit) => (bits & (1 << bit)) !== 0);
  return /* sql */ `
    UPDATE figures AS f
       SET ${[...columns.map((column) => `${column} = i.${column}`), 'changed_at = @at', 'changed_by = @author'].join(', ')}
      FROM ${ROWS} i
     WHERE i.kind IN ('changed', 'snapshot') AND f.id = i.id AND (${CHANGED_BITS}) = ${bits}`;
}

/** New figures, and snapshots of figures that are not there (none are, unless a row was deleted outright). */
const INSERT_ADDED = /* sql */ `
  INSERT INTO figures (id, ${WRITTEN.join(', ')}, changed_at, changed_by)
  SELECT id, ${WRITTEN.join(', ')}, @at, @author FROM ${ROWS} i
   WHERE kind IN ('added', 'snapshot') AND NOT EXISTS (SELECT 1 FROM figures f WHERE f.id = i.id)
   ORDER BY seq`;

const DELETE_REMOVED = /* sql */ `
  UPDATE figures AS f SET deleted_at = @at, changed_at = @at, changed_by = @author
    FROM ${ROWS} i
   WHERE i.kind = 'removed' AND f.id = i.id AND f.deleted_at IS NULL`;

/**
 * Writes `rows` as one change (`ctx`): the same figures and revisions as createFigure, updateFigure
 * and deleteFigure called for each row in order, the revisions in that order too. Throws the error
 * the first failing row would, having written nothing.
 */
export function applyFigureChanges(db: DB, ctx: ChangeContext, rows: readonly FigureChange[]): void {
  if (rows.length === 0) return;
  db.transaction(() => {
    db.exec(CREATE_ROWS);
    fillRows(db, rows);
    const sets = (statement(db, SCAN_ROWS).all() as { bits: number }[]).map(({ bits }) => bits);
    if (sets.includes(-1)) throw firstProblem(db);
    // A changed row that changes nothing writes nothing.
    writeRows(db, ctx, sets.filter((bits) => bits > 0));
  })();
}

/**
 * Steps 2 to 5 over the rows in the TEMP table, which it then drops; `sets`: the sets of columns to
 * write over figures that are there. The batch enters the undo stack only when something is
 * recorded, as with the first revision row by row.
 */
function writeRows(db: DB, ctx: ChangeContext, sets: readonly number[]): void {
  const who = { at: ctx.at, author: ctx.author };
  if (statement(db, INSERT_REVISIONS).run({ ...who, batchId: ctx.batchId }).changes > 0) beginBatch(db, ctx);
  for (const bits of sets) statement(db, updateColumns(bits)).run(who);
  statement(db, INSERT_ADDED).run(who);
  statement(db, DELETE_REMOVED).run(who);
  db.exec(`DROP TABLE ${ROWS}`);
}

/** The sets of columns the snapshots of figures that are there write (0: only who and when). */
const SCAN_SNAPSHOTS = /* sql */ `
  SELECT DISTINCT ${CHANGED_BITS} AS bits FROM ${ROWS} i JOIN figures f ON f.id = i.id WHERE i.kind = 'snapshot'`;

/**
 * The rows for recorded snapshots, in the order they are written back (seq: the revision's id, or
 * minus it, newest first): a snapshot is written whole; a null one, "not there yet", is a removal.
 */
function fillRecorded(side: RecordedFigures['side']): string {
  const [snapshot, seq, order] = side === 'before' ? ['before_json', '-id', 'DESC'] : ['after_json', 'id', 'ASC'];
  const columns = (Object.entries(FIGURE_COLUMN) as [keyof FigureSnapshot, string][]).filter(([, column]) => WRITTEN.includes(column));
  return /* sql */ `
    INSERT INTO ${ROWS} (seq, kind, id, ${columns.map(([, column]) => column).join(', ')})
    SELECT ${seq}, iif(${snapshot} IS NULL, 'removed', 'snapshot'), CAST(target_id AS INTEGER),
           ${columns.map(([key]) => `${snapshot} ->> '$.${key}'`).join(', ')}
      FROM revisions
     WHERE batch_id = @batchId AND target_type = 'figure' AND id BETWEEN @first AND @last
     ORDER BY id ${order}`;
}

/**
 * Writes recorded figure snapshots back as one change (`ctx`, an undo or a redo): the same figures
 * and revisions as applySnapshot called for each in order. Each figure once: written together, the
 * order of the writes does not matter, only that of the revisions.
 */
export function applyFigureSnapshots(db: DB, ctx: ChangeContext, recorded: RecordedFigures): void {
  db.transaction(() => {
    db.exec(CREATE_ROWS);
    statement(db, fillRecorded(recorded.side)).run({ batchId: recorded.batchId, first: recorded.first, last: recorded.last });
    writeRows(db, ctx, (statement(db, SCAN_SNAPSHOTS).all() as { bits: number }[]).map(({ bits }) => bits));
  })();
}

/** The error the per-row functions would throw, for the first row they would refuse. */
function firstProblem(db: DB): AppError {
  const row = statement(db, FIRST_PROBLEM).get() as {
    id: number;
    entityId: string | null;
    sourceId: number | null;
    metric: string;
    cityCode: string;
    problem: 'not found' | 'deleted' | 'entity' | 'source' | 'metric' | 'city';
  };
  if (row.problem === 'metric') return new AppError('UNKNOWN_METRIC', `unknown metric ${row.metric}`, { metric: row.metric, where: 'metric' });
  if (row.problem === 'city') return new AppError('UNKNOWN_CITY', `unknown city ${row.cityCode}`, { city: row.cityCode, where: 'cityCode' });
  if (row.problem === 'entity') return unknownReference('entity', row.entityId!);
  if (row.problem === 'source') return unknownReference('source', row.sourceId!);
  return notFound('figure', row.id, row.problem);
}

/** Puts the rows in the TEMP table in order; new figures get the ids SQLite would give them. */
function fillRows(db: DB, rows: readonly FigureChange[]): void {
  const write = statement(db, FILL_WRITE);
  const removal = statement(db, FILL_REMOVAL);
  let next = (statement(db, `SELECT coalesce(max(id), 0) + 1 AS id FROM figures`).get() as { id: number }).id;
  const listed = new Set<number>();
  rows.forEach((row, seq) => {
    if (row.kind !== 'added') {
      if (listed.has(row.id)) throw new AppError('INVALID_INPUT', 'figure listed twice', { where: 'id', reason: `figure ${row.id} listed twice` });
      listed.add(row.id);
    }
    if (row.kind === 'removed') {
      removal.run(seq, row.id);
      return;
    }
    const f = row.input;
    const id = row.kind === 'added' ? next++ : row.id;
    write.run(seq, row.kind, id, f.scope, f.entityId, f.metric, f.value, f.unit, f.qualifier, f.period, f.cityCode ?? null, f.sourceId, f.sourceQuote, f.note);
  });
}
