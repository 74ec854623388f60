/**
 * A consistent copy of the data file, safe to take while the app has it open: SQLite's
 * `VACUUM INTO` reads one snapshot (WAL included) and writes a single, compact file with no -wal or
 * -shm beside it — the file to keep, or to carry to a new computer. Never overwrites anything.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { DB } from './open';

export interface BackupResult {
  path: string;
  bytes: number;
}

export function backupTo(db: DB, target: string): BackupResult {
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new AppError('FILE_EXISTS', 'backup target exists', { path: file });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    db.prepare('VACUUM INTO ?').run(file);
  } catch (error) {
    fs.rmSync(file, { force: true });
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_FULL') throw new AppError('DISK_FULL', 'disk full', { path: file });
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') throw new AppError('DB_READ_ONLY', 'cannot write backup', { path: file });
    throw error;
  }
  verify(file);
  return { path: file, bytes: fs.statSync(file).size };
}

/** Reads the copy back: a backup that SQLite cannot check whole is removed and reported, not kept. */
function verify(file: string): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new AppError('DB_CORRUPT', 'backup failed its integrity check', { path: file, reason: String(result) });
  } catch (error) {
    copy.close();
    fs.rmSync(file, { force: true });
    throw error;
  }
  copy.close();
}
