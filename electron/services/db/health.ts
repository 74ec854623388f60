/**
 * Is the data file whole? `PRAGMA quick_check` reads every page and checks the b-trees (not the
 * index contents against the tables, which integrity_check does at several times the cost). It runs
 * before every bulk write (import, undo/redo, migration, restore) and once in the background after
 * the app opens. A file found damaged stays marked, per connection, and every write is refused
 * (DB_DAMAGED) until a good backup is restored: writing into a damaged b-tree spreads the damage.
 */
import { AppError } from '../../../shared/errors';
import type { FileHealth } from '../../../shared/backups';
import type { DB } from './open';

const KNOWN = new WeakMap<DB, FileHealth>();

/** Up to `limit` problems SQLite finds; empty when the file is whole. Never throws for damage. */
export function quickCheck(db: DB, limit = 5): string[] {
  try {
    refreshFullText(db);
    const rows = db.pragma(`quick_check(${limit})`, { simple: false }) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((text) => text !== 'ok');
    return problems;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return [(error as Error).message];
    throw error;
  }
}

/**
 * FTS5 keeps each full-text table's structure in the connection: after another connection wrote (the
 * command line, an import in another window), quick_check compared the index with this connection's
 * stale copy and called a whole file damaged ("fts5: checksum mismatch for table figures_fts"), and
 * every write was refused. A query of each table reloads its structure first.
 */
function refreshFullText(db: DB): void {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`).pluck().all() as string[];
  for (const table of tables) db.prepare(`SELECT rowid FROM "${table.replace(/"/g, '""')}" WHERE "${table.replace(/"/g, '""')}" MATCH 'cbrefresh' LIMIT 1`).get();
}

/** Checks the file now and remembers the answer for this connection. */
export function checkHealth(db: DB): FileHealth {
  const problems = quickCheck(db);
  const health: FileHealth = { state: problems.length === 0 ? 'ok' : 'damaged', checkedAt: new Date().toISOString() };
  KNOWN.set(db, health);
  return health;
}

/** What is known without checking: 'unknown' until the first check on this connection. */
export function knownHealth(db: DB): FileHealth {
  return KNOWN.get(db) ?? { state: 'unknown', checkedAt: null };
}

/** Before a bulk write: checks the file now, and refuses to write into a damaged one. */
export function mustBeWhole(db: DB, file: string): void {
  if (checkHealth(db).state === 'damaged') throw damaged(file);
}

/** Before any other write: refuses when a check on this connection has found the file damaged. */
export function mustNotBeKnownDamaged(db: DB, file: string): void {
  if (knownHealth(db).state === 'damaged') throw damaged(file);
}

/** Marks the connection's file as good again (after a whole backup was restored into it). */
export function forgetHealth(db: DB): void {
  KNOWN.delete(db);
}

function damaged(file: string): AppError {
  return new AppError('DB_DAMAGED', 'the data file failed its quick_check', { path: file });
}
