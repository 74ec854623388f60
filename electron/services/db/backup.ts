/**
 * Backups of the data file, whole or absent. SQLite's `VACUUM INTO` reads one snapshot (WAL
 * included, safe while the app has the file open) and writes a single compact file; it is written
 * under a temporary name, checked (quick_check on the copy), and only then renamed to its real
 * name. Any failure — a full disk, a kill, a damaged copy — leaves no file under a backup's name.
 *
 * The automatic ones (before an import, an undo, a restore, a migration) sit beside the data file,
 * named `<data>.<label>-<UTC stamp>[-n].sqlite`, and are pruned by `pruneBackups`.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../../shared/backups';
import { AppError, fileCondition } from '../../../shared/errors';
import { quickCheck } from './health';
import type { DB } from './open';

export interface BackupResult {
  path: string;
  bytes: number;
}

/** A backup at `target` (never over an existing file). */
export function backupTo(db: DB, target: string): BackupResult {
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new AppError('FILE_EXISTS', 'backup target exists', { path: file });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeWhole(db, file);
  return { path: file, bytes: fs.statSync(file).size };
}

/** A backup beside the data file, e.g. data.sqlite → data.before-import-20261128T120000Z.sqlite; then prunes old ones. */
export function backupBeside(db: DB, file: string, label: string, now: Date = new Date()): string {
  const target = freeName(file, label, now);
  writeWhole(db, target);
  pruneBackups(file);
  return target;
}

/** Pages copied per step of a backup the analyst asked for: 4 MB at SQLite's 4 KB pages, then the app answers again. */
const PAGES_PER_STEP = 1024;
/** Restarts (another connection committed mid-copy) before the rest is copied in one step, under one read transaction. */
const RESTARTS_BEFORE_ONE_STEP = 3;

/**
 * The backup the analyst asks for (Settings ▸ 立即备份), beside the data file as `manual`. SQLite's
 * online backup API copies it a step at a time, so the app answers and shows `progress` (pages
 * done of total) meanwhile. It is one moment of the file: a commit by another connection (the
 * command line, another window) starts the copy again, one by this connection (an import in the
 * app) is copied along; after a few restarts the rest is copied in one step, which a writer waits
 * out. Then, as every backup: made a single file, checked, linked into place, the old ones pruned.
 * A failure leaves nothing under any name: `BACKUP_NOT_WRITTEN` (the folder), `DB_DAMAGED` (the copy
 * failed its check), `CANCELLED` (progress threw).
 */
export async function backupNow(db: DB, file: string, progress: (done: number, total: number) => void, now: Date = new Date()): Promise<string> {
  const target = freeName(file, 'manual', now);
  const temp = partialName(target);
  let restarts = 0;
  let remaining = Number.POSITIVE_INFINITY;
  try {
    const copied = await db.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages > remaining) restarts++;
        remaining = remainingPages;
        progress(totalPages - remainingPages, totalPages);
        return restarts >= RESTARTS_BEFORE_ONE_STEP ? 0x7fffffff : PAGES_PER_STEP;
      },
    });
    // The last step is not reported by the API.
    progress(copied.totalPages - copied.remainingPages, copied.totalPages);
    asSingleFile(temp);
    placeChecked(temp, target);
  } catch (error) {
    throw notWritten(error, path.dirname(target));
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${temp}${suffix}`, { force: true });
  }
  pruneBackups(file);
  return target;
}

/** `<data>.<label>-<stamp>[-n].sqlite`: a second backup within the same second gets its own name, a backup never replaces another. */
function freeName(file: string, label: string, now: Date): string {
  const stamp = stampOf(now);
  const { dir, base, ext } = parts(file);
  const name = (n: number): string => path.join(dir, `${base}.${label}-${stamp}${n > 1 ? `-${n}` : ''}${ext}`);
  let n = 1;
  while (fs.existsSync(name(n))) n++;
  return name(n);
}

/** The online backup copies the live file's header, WAL mode included: set back to one file with no companions, as VACUUM INTO writes it. */
function asSingleFile(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** A failure to write the backup, named as such (the file condition's own words speak of the data file). */
function notWritten(error: unknown, folder: string): unknown {
  if (error instanceof AppError) {
    if (error.code === 'DB_DAMAGED' || error.code === 'FILE_EXISTS' || error.code === 'CANCELLED') return error;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !fileCondition(code)) return error;
  if (fileCondition(code) === 'DB_DAMAGED') return new AppError('DB_DAMAGED', String((error as Error).message), { path: folder });
  return new AppError('BACKUP_NOT_WRITTEN', error instanceof Error ? error.message : String(error), { path: folder, reason: SYSTEM_REASON[code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')] ?? code });
}

/** SQLite's result codes as the system's, which shared/errors.ts words for a person. */
const SYSTEM_REASON: Record<string, string> = { SQLITE_FULL: 'ENOSPC', SQLITE_READONLY: 'EROFS', SQLITE_CANTOPEN: 'EACCES', SQLITE_PERM: 'EACCES', SQLITE_IOERR: 'EIO' };

/** A moment as it appears in backup names: 20261128T120000Z (UTC, to the second). */
export function stampOf(when: Date): string {
  return when.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Hidden temporary name of a backup being written: never listed, never restored. */
const PARTIAL = /^\..+\.partial-[0-9a-f]{8}$/;

const partialName = (file: string): string => path.join(path.dirname(file), `.${path.basename(file)}.partial-${crypto.randomBytes(4).toString('hex')}`);

function writeWhole(db: DB, file: string): void {
  const temp = partialName(file);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    placeChecked(temp, file);
  } catch (error) {
    throw asFileError(error, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The copy at `temp` checked, then given its real name. */
function placeChecked(temp: string, file: string): void {
  const problems = checkCopy(temp);
  if (problems.length > 0) throw new AppError('DB_DAMAGED', `backup copy failed its check: ${problems[0]}`, { path: file });
  placeWithoutReplacing(temp, file);
}

/** The copy read back by a connection of its own. */
function checkCopy(file: string): string[] {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return quickCheck(copy);
  } finally {
    copy.close();
  }
}

/** Renames `temp` to `file` unless `file` exists (a hard link fails on an existing name; a plain rename where links are not supported). */
function placeWithoutReplacing(temp: string, file: string): void {
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('FILE_EXISTS', 'backup target exists', { path: file });
    if (fs.existsSync(file)) throw new AppError('FILE_EXISTS', 'backup target exists', { path: file });
    fs.renameSync(temp, file);
  }
}

export function asFileError(error: unknown, file: string): unknown {
  if (error instanceof AppError) return error;
  const condition = fileCondition((error as { code?: unknown }).code);
  return condition ? new AppError(condition, error instanceof Error ? error.message : String(error), { path: file }) : error;
}

function parts(file: string): { dir: string; base: string; ext: string } {
  const absolute = path.resolve(file);
  const ext = path.extname(absolute);
  return { dir: path.dirname(absolute), base: path.basename(absolute, ext), ext: ext || '.sqlite' };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The backups beside `file`, newest first. */
export function listBackups(file: string): BackupEntry[] {
  const { dir, base, ext } = parts(file);
  const pattern = new RegExp(`^${escape(base)}\\.([a-z0-9-]+?)-(\\d{8}T\\d{6}Z)(?:-(\\d+))?${escape(ext)}$`);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: (BackupEntry & { n: number; mtime: number })[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const [, label, stamp, n] = m as unknown as [string, string, string, string | undefined];
    const full = path.join(dir, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      continue;
    }
    const takenAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
    found.push({ name, path: full, label, takenAt, bytes: stat.size, n: Number(n ?? 1), mtime: stat.mtimeMs });
  }
  // Within one second (the stamp's precision): the later written, then the higher -n, first.
  found.sort((a, b) => (a.takenAt !== b.takenAt ? (a.takenAt < b.takenAt ? 1 : -1) : b.mtime - a.mtime || b.n - a.n));
  return found.map(({ n: _n, mtime: _m, ...entry }) => entry);
}

export interface Retention {
  /** The newest this many are always kept. */
  newest: number;
}
export const RETENTION: Retention = { newest: 10 };

/**
 * Keeps the newest 10 backups, plus the newest of each calendar month (UTC) before them, counted
 * apart for the analyst's own (立即备份, `manual`) and the automatic ones: a run of imports or restores
 * never prunes a backup the analyst asked for, nor do manual ones crowd out the automatic. Removes the
 * rest, and temporary files left by a backup that was killed more than an hour ago.
 */
export function pruneBackups(file: string, retention: Retention = RETENTION, now: Date = new Date()): string[] {
  const removed: string[] = [];
  const seen = { manual: { count: 0, months: new Set<string>() }, automatic: { count: 0, months: new Set<string>() } };
  for (const b of listBackups(file)) {
    const kind = seen[b.label === 'manual' ? 'manual' : 'automatic'];
    const month = b.takenAt.slice(0, 7);
    const keep = kind.count < retention.newest || !kind.months.has(month);
    kind.count++;
    kind.months.add(month);
    if (keep) continue;
    fs.rmSync(b.path, { force: true });
    removed.push(b.path);
  }
  const { dir } = parts(file);
  for (const name of fs.readdirSync(dir)) {
    if (!PARTIAL.test(name)) continue;
    const full = path.join(dir, name);
    try {
      if (now.getTime() - fs.statSync(full).mtimeMs > 3_600_000) fs.rmSync(full, { force: true });
    } catch {
      // Gone already: another process cleaned it.
    }
  }
  return removed;
}
