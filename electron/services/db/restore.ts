/**
 * Restoring a backup into the data file, with the app (or anyone) possibly holding it open. The
 * backup is checked first (quick_check, schema version; an older one is brought up to date in a
 * copy of its own), the current file is backed up beside itself, then SQLite's online backup API
 * copies the backup's pages into the live file in one write transaction: other connections wait
 * for it and then see the restored data; a damaged current file is overwritten page by page without
 * reading its b-trees. Nothing is written when any check fails.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RestoreResult } from '../../../shared/backups';
import { AppError } from '../../../shared/errors';
import { asFileError, backupBeside, listBackups, stampOf } from './backup';
import { checkHealth, forgetHealth, quickCheck } from './health';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { openDataFile, type DB } from './open';
import { newestRevision } from './read';

/** A backup named by its file name (from the list) or by a path. */
export function findBackup(file: string, nameOrPath: string): string {
  const listed = listBackups(file).find((b) => b.name === nameOrPath);
  const candidate = listed ? listed.path : path.resolve(nameOrPath);
  if (!fs.existsSync(candidate) || !fs.statSync(candidate).isFile()) throw new AppError('BACKUP_NOT_FOUND', 'backup not found', { path: nameOrPath });
  return candidate;
}

export async function restoreBackup(db: DB, file: string, backup: string): Promise<RestoreResult> {
  const source = path.resolve(backup);
  if (!fs.existsSync(source)) throw new AppError('BACKUP_NOT_FOUND', 'backup not found', { path: backup });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-restore-'));
  try {
    const ready = checkedSource(source, work);
    const safetyBackup = keepCurrentWhole(db, file);
    const from = new Database(ready, { readonly: true, fileMustExist: true });
    try {
      await from.backup(path.resolve(file), { progress: () => Number.MAX_SAFE_INTEGER });
    } catch (error) {
      throw asFileError(error, file);
    } finally {
      from.close();
    }
    forgetHealth(db);
    checkHealth(db);
    return { restored: source, safetyBackup };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The current file, kept with every change recorded so far: a change committed (by another window,
 * the command line) while the copy was being taken may be missing from it, so it is taken again
 * until no revision came in meanwhile. What is left is the moment between this check and the
 * restore's own write lock (see README).
 */
function keepCurrentWhole(db: DB, file: string): string {
  // A file too damaged to read its revisions is kept once, byte for byte: nobody can write to it.
  const mark = (): number | null => {
    try {
      return newestRevision(db);
    } catch {
      return null;
    }
  };
  for (let attempt = 0; ; attempt++) {
    const before = mark();
    const kept = keepCurrent(db, file);
    if (before === null || mark() === before || attempt === 4) return kept;
  }
}

/**
 * The current file, kept before it is replaced: a checked backup beside it; when it is too damaged
 * to be read whole, a byte-for-byte copy (its WAL checkpointed into it first) named `.damaged-<stamp>`.
 */
function keepCurrent(db: DB, file: string): string {
  try {
    return backupBeside(db, file, 'before-restore');
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== 'DB_DAMAGED' && error.code !== 'DB_CORRUPT')) throw error;
  }
  const aside = asideName(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  fs.copyFileSync(file, aside, fs.constants.COPYFILE_EXCL);
  return aside;
}

/** `<file>.damaged-<stamp>[-n]`: a name no backup, and no earlier set-aside file, has. */
function asideName(file: string): string {
  const base = `${path.resolve(file)}.damaged-${stampOf(new Date())}`;
  let name = base;
  for (let n = 2; fs.existsSync(name); n++) name = `${base}-${n}`;
  return name;
}

/**
 * Restoring over a data file that cannot even be opened (not an SQLite file any more, damaged
 * header): it is set aside under `<name>.damaged-<stamp>` (its -wal too), never deleted, and the
 * checked backup is copied in under a temporary name and renamed into place.
 */
export function restoreOverUnopenable(file: string, backup: string): RestoreResult {
  const source = path.resolve(backup);
  const target = path.resolve(file);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-restore-'));
  const temp = `${target}.restoring`;
  try {
    const ready = checkedSource(source, work);
    const aside = asideName(target);
    fs.copyFileSync(ready, temp);
    if (fs.existsSync(target)) fs.renameSync(target, aside);
    if (fs.existsSync(`${target}-wal`)) fs.renameSync(`${target}-wal`, `${aside}-wal`);
    fs.rmSync(`${target}-shm`, { force: true });
    fs.renameSync(temp, target);
    return { restored: source, safetyBackup: aside };
  } catch (error) {
    throw asFileError(error, target);
  } finally {
    fs.rmSync(temp, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The backup as it will be copied in: whole (quick_check), of a schema this version knows; one of
 * an older schema is copied into `work` and migrated there, never in place.
 */
function checkedSource(source: string, work: string): string {
  let version: number;
  const copy = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const problems = quickCheck(copy);
    if (problems.length > 0) throw new AppError('DB_DAMAGED', `backup failed its check: ${problems[0]}`, { path: source });
    version = copy.pragma('user_version', { simple: true }) as number;
    if (version < 1) throw new AppError('DB_CORRUPT', 'backup holds no schema', { path: source, problem: 'empty' });
    if (version > LATEST_SCHEMA_VERSION) throw new AppError('DB_NEWER_SCHEMA', 'backup schema is newer', { path: source, found: version, supported: LATEST_SCHEMA_VERSION });
    if (version === LATEST_SCHEMA_VERSION) return source;
    const migrated = path.join(work, 'migrated.sqlite');
    copy.prepare('VACUUM INTO ?').run(migrated);
    openDataFile(migrated, { mustExist: true, seed: false }).close();
    return migrated;
  } catch (error) {
    throw asFileError(error, source);
  } finally {
    copy.close();
  }
}
