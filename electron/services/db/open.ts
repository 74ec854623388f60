/**
 * Opening the data file: pragmas, schema migrations (with a backup first when the file holds data),
 * and the first-start seed. Every way a file can be unusable becomes an AppError with a clear code.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, fileCondition } from '../../../shared/errors';
import { searchText } from '../../../shared/search';
import { backupBeside } from './backup';
import { mustBeWhole } from './health';
import { MIGRATIONS, type Migration } from './migrations';
import { seedIfNew } from './seed';

export type DB = Database.Database;

export interface OpenOptions {
  /** Refuse to create the file when it does not exist (the command line). */
  mustExist?: boolean;
  /** Path of a better-sqlite3 .node built for the running runtime (the Electron app). */
  nativeBinding?: string;
  /** Skip the first-start seed (tests of the empty schema). */
  seed?: boolean;
  /** Milliseconds to wait for another connection's lock. */
  busyTimeoutMs?: number;
  /**
   * Read only (`info`, `list`): the file must exist and hold data; it is never created, seeded or
   * written. A file of an older schema is the exception: it is upgraded (after a backup) as at start.
   */
  readOnly?: boolean;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The native module the app's connection was opened with (Electron's build): further connections to the file load the same. */
let openedWith: string | undefined;

export function openDataFile(file: string, options: OpenOptions = {}): DB {
  if (options.nativeBinding) openedWith = options.nativeBinding;
  const absolute = path.resolve(file);
  checkFileBeforeOpen(absolute, (options.mustExist ?? false) || (options.readOnly ?? false));
  if (options.readOnly) {
    const db = openReadOnly(absolute, options);
    if (db) return db;
  }
  let db: DB | undefined;
  try {
    db = new Database(absolute, {
      fileMustExist: options.mustExist ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 3000}`);
    db.pragma('foreign_keys = ON');
    if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') {
      throw new AppError('DB_READ_ONLY', 'cannot switch to WAL', { path: absolute });
    }
    db.pragma('synchronous = NORMAL');
    registerFunctions(db);
    migrate(db, absolute);
    if (options.seed ?? true) seedIfNew(db);
    return db;
  } catch (error) {
    db?.close();
    throw asOpenError(error, absolute);
  }
}

/** A read-only connection, or undefined when the file's schema is older and must be upgraded first. */
function openReadOnly(file: string, options: OpenOptions): DB | undefined {
  let db: DB | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 3000}`);
    registerFunctions(db);
    const found = schemaVersion(db);
    const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
    if (found > latest) throw new AppError('DB_NEWER_SCHEMA', 'schema is newer', { path: file, found, supported: latest });
    if (found < 1) throw new AppError('DB_CORRUPT', 'no schema', { path: file, problem: 'empty' });
    if (found === latest) return db;
    db.close();
    return undefined;
  } catch (error) {
    db?.close();
    throw asOpenError(error, file);
  }
}

function checkFileBeforeOpen(file: string, mustExist: boolean): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    if (mustExist) throw new AppError('DB_MISSING', 'data file missing', { path: file });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return;
  }
  if (stat.isDirectory()) throw new AppError('DB_CORRUPT', 'is a directory', { path: file, problem: 'folder' });
  // An empty file is a new data file only where one may be created (the app, init); never for
  // reading, nor where the file must already hold data (import, export, restore's own open).
  if (stat.size === 0) {
    if (mustExist) throw new AppError('DB_CORRUPT', 'empty file', { path: file, problem: 'empty' });
    return;
  }
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(SQLITE_HEADER)) {
    throw new AppError('DB_CORRUPT', 'not an SQLite file', { path: file, problem: 'not-sqlite' });
  }
}

/** SQL functions the schema's triggers call: every connection that writes must have them. */
export function registerFunctions(db: DB): void {
  db.function('cb_search_text', { deterministic: true }, (text: unknown) => searchText(typeof text === 'string' ? text : null));
}

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: DB, file: string): void {
  applyMigrations(db, file, MIGRATIONS);
}

/** Brings the file up to the last of `migrations`; exported for tests of future migrations. */
export function applyMigrations(db: DB, file: string, migrations: readonly Migration[]): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const found = schemaVersion(db);
  if (found > latest) {
    throw new AppError('DB_NEWER_SCHEMA', 'schema is newer', { path: file, found, supported: latest });
  }
  if (found === latest) return;
  if (holdsData(db)) {
    mustBeWhole(db, file);
    backupBeside(db, file, `before-v${latest}`);
  }
  for (const migration of migrations) {
    if (migration.version <= found) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function holdsData(db: DB): boolean {
  const row = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number };
  return row.n > 0;
}

function asOpenError(error: unknown, file: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  // At open, "cannot open" means the folder or file may not be written.
  const condition = code === 'SQLITE_CANTOPEN' ? 'DB_READ_ONLY' : fileCondition(code);
  return condition ? new AppError(condition, error instanceof Error ? error.message : String(error), { path: file }) : error;
}

/**
 * One consistent view of the file for work that reads it in pieces between waits (the workbook
 * export writes a page of rows, then lets the zip stream drain): a second, read-only connection
 * inside one read transaction, so what other writers commit meanwhile — the app's own connection,
 * the command line, an import — is not seen half. Its first read fixes the view (WAL keeps it).
 * For a connection to no file (in memory), that connection itself. `end()` closes the view.
 */
export function openSnapshot(db: DB): { db: DB; end: () => void } {
  if (db.memory || db.name === '' || db.name === ':memory:') return { db, end: () => undefined };
  const view = new Database(db.name, { readonly: true, fileMustExist: true, ...(openedWith ? { nativeBinding: openedWith } : {}) });
  try {
    view.pragma('busy_timeout = 3000');
    registerFunctions(view);
    view.exec('BEGIN');
    view.prepare(`SELECT count(*) FROM meta`).get();
  } catch (error) {
    view.close();
    throw asOpenError(error, db.name);
  }
  return {
    db: view,
    end: () => {
      if (view.inTransaction) view.exec('COMMIT');
      view.close();
    },
  };
}
