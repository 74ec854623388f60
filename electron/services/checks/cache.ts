/**
 * The checks' rows kept per state of the data file, so the 数据核查 page and the dashboard card do not
 * run every check again while nothing changed (at 100,000 figures a full run takes seconds).
 * A state is stamped by SQLite itself: `PRAGMA data_version` moves when another connection commits
 * (the command line, a restore through the backup API), `total_changes()` when this connection
 * writes (an edit, an import, an undo, an acknowledgement), and today's date is in the stamp for the
 * out-of-date check. Call inside a read transaction, so the stamp and the rows see one state.
 */
import type { CheckId } from '../../../shared/checks';
import type { DB } from '../db/open';
import { statement } from '../db/statements';

interface Entry<T> {
  stamp: string;
  rows: Map<CheckId, T>;
}

const entries = new WeakMap<DB, Entry<unknown>>();

/** A stamp that differs whenever the file's data may have changed, or the day did. */
export function stateStamp(db: DB, now: Date): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = statement(db, `SELECT total_changes()`).pluck().get() as number;
  return `${version}:${changes}:${now.toISOString().slice(0, 10)}`;
}

/** Check `id`'s rows for the file's current state: computed once per state, then kept. */
export function cachedRows<T>(db: DB, id: CheckId, now: Date, compute: () => T): T {
  const stamp = stateStamp(db, now);
  let entry = entries.get(db) as Entry<T> | undefined;
  if (entry?.stamp !== stamp) {
    entry = { stamp, rows: new Map() };
    entries.set(db, entry);
  }
  const kept = entry.rows.get(id);
  if (kept !== undefined) return kept;
  const rows = compute();
  entry.rows.set(id, rows);
  return rows;
}

/** Drops what is kept for `db` (the bench measures a full run each time). */
export function forgetKept(db: DB): void {
  entries.delete(db);
}
