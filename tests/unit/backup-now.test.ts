/**
 * 立即备份 (Settings ▸ Backups ▸ Back up now), through the contract as the page calls it: a job the
 * page watches, a checked copy equal to the live file and listed first, one moment of the file while
 * other connections write, kept by pruning; a failure is typed and writes nothing.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupBeside, listBackups, stampOf } from '../../electron/services/db/backup';
import { updateFigure } from '../../electron/services/db/figures';
import { quickCheck } from '../../electron/services/db/health';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { newChange } from '../../electron/services/db/revisions';
import type { JobStatus } from '../../shared/domain';
import { describeError } from '../../shared/errors';
import { damagePage } from '../helpers/damage';
import { fullDump, tempDataFile } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';

type Call = (channel: string, input: unknown) => Promise<unknown>;
const namesIn = (dir: string): string[] => fs.readdirSync(dir).sort();

/** Presses 立即备份 and watches the job until it ends, as the page does. */
async function backUpNow(call: Call, whileRunning: () => void = () => {}): Promise<JobStatus> {
  let job = (await call('backUpNow', {})) as JobStatus;
  expect(job.state).toBe('running');
  while (job.state === 'running') {
    whileRunning();
    await new Promise((resolve) => setImmediate(resolve));
    job = (await call('getJob', { id: job.id })) as JobStatus;
  }
  return job;
}

/** Opens a backup as the restore would, read-only. */
function readBack<T>(file: string, read: (copy: DB) => T): T {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(copy);
  } finally {
    copy.close();
  }
}

/**
 * Makes `dir` refuse new files; returns how to undo it, or null where that cannot be done. Root
 * writes through any mode bits: for root, the folder is made immutable (ext4 and most Linux file systems).
 */
function lockFolder(dir: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o555);
    return () => fs.chmodSync(dir, 0o755);
  }
  if (spawnSync('chattr', ['+i', dir]).status !== 0) return null;
  return () => spawnSync('chattr', ['-i', dir]);
}

/** Ballast, so the copy takes many steps: a big data file. */
function makeBig(db: DB, megabytes: number): void {
  db.exec(`CREATE TABLE ballast (b BLOB)`);
  const insert = db.prepare(`INSERT INTO ballast VALUES (randomblob(1048576))`);
  db.transaction(() => {
    for (let i = 0; i < megabytes; i++) insert.run();
  })();
}

describe('立即备份', () => {
  it('writes a manual backup equal to the live file, openable, one file, listed first, its name, time and size in the job', async () => {
    const file = tempDataFile();
    const { db, call } = openWithHandlers(file);
    db.transaction(() => updateFigure(db, newChange('李分析'), 19, { value: 321, note: '导入前先备份' }))();
    // An older backup, so "first" means something.
    fs.writeFileSync(path.join(path.dirname(file), `data.before-import-${stampOf(new Date(Date.now() - 86_400_000))}.sqlite`), 'x');

    const job = await backUpNow(call);
    expect(job).toMatchObject({ state: 'done', error: null });
    expect(job.done).toBe(job.total);
    expect(job.total).toBeGreaterThan(0);

    const list = (await call('listBackups', {})) as { backups: { name: string; path: string; label: string; takenAt: string; bytes: number }[] };
    const newest = list.backups[0]!;
    expect(newest.label).toBe('manual');
    expect(job.summary).toEqual({ name: newest.name, takenAt: newest.takenAt, bytes: newest.bytes });
    expect(newest.bytes).toBe(fs.statSync(newest.path).size);

    expect(readBack(newest.path, (copy) => [quickCheck(copy), copy.pragma('journal_mode', { simple: true }), fullDump(copy)])).toEqual([[], 'delete', fullDump(db)]);
    // One file, as every backup: no write-ahead log or partial copy beside it.
    expect(namesIn(path.dirname(file)).filter((n) => n.includes('.manual-'))).toEqual([newest.name]);
    expect(namesIn(path.dirname(file)).some((n) => n.includes('.partial-'))).toBe(false);
    db.close();
  });

  it('is one moment of the file while the command line and the app write to it during the copy', async () => {
    const file = tempDataFile();
    const { db, call } = openWithHandlers(file);
    makeBig(db, 24);
    // Another writer on the same file (the command line, a second window), and the app's own connection.
    const other = openDataFile(file, { mustExist: true });
    let n = 0;
    const job = await backUpNow(call, () => {
      n++;
      // Each writer changes a value and its note in one transaction: a torn copy would show them apart.
      other.transaction(() => updateFigure(other, newChange('命令行'), 19, { value: n, note: `第${n}次` }))();
      db.transaction(() => updateFigure(db, newChange('李分析'), 20, { value: n, note: `第${n}次` }))();
    });
    expect(job.state).toBe('done');
    expect(n).toBeGreaterThan(3);

    const backup = listBackups(file)[0]!;
    const pairs = readBack(backup.path, (copy) => {
      expect(quickCheck(copy)).toEqual([]);
      return copy.prepare(`SELECT id, value, note FROM figures WHERE id IN (19, 20) ORDER BY id`).all() as { id: number; value: number; note: string }[];
    });
    for (const { value, note } of pairs) expect(note).toBe(`第${value}次`);
    // What the copy holds is what the live file held at one moment: after the last write, the file's own revisions agree.
    const revisions = readBack(backup.path, (copy) => copy.prepare(`SELECT count(*) FROM revisions`).pluck().get() as number);
    expect(revisions).toBeLessThanOrEqual(db.prepare(`SELECT count(*) FROM revisions`).pluck().get() as number);
    other.close();
    db.close();
  });

  it('is kept by pruning: with ten newer-looking and older backups about, the one just made stays first', async () => {
    const file = tempDataFile();
    const { db, call } = openWithHandlers(file);
    const dir = path.dirname(file);
    const day = 86_400_000;
    for (let i = 1; i <= 12; i++) fs.writeFileSync(path.join(dir, `data.before-import-${stampOf(new Date(Date.now() - i * day))}.sqlite`), 'x');

    const job = await backUpNow(call);
    expect(job.state).toBe('done');
    const listed = listBackups(file);
    expect(listed[0]!.name).toBe(job.summary.name);
    expect(fs.existsSync(listed[0]!.path)).toBe(true);
    db.close();
  });

  it('is not pruned by the automatic backups of the twelve imports that follow it', async () => {
    const file = tempDataFile();
    const { db, call } = openWithHandlers(file);
    const job = await backUpNow(call);
    expect(job.state).toBe('done');
    for (let i = 1; i <= 12; i++) backupBeside(db, file, 'before-import', new Date(Date.now() + i * 1000));
    const listed = listBackups(file);
    expect(listed.filter((b) => b.label === 'before-import')).toHaveLength(10);
    expect(listed.map((b) => b.name)).toContain(job.summary.name);
    expect(listed.at(-1)!.name).toBe(job.summary.name);
    db.close();
  });
});

describe('立即备份 that fails: a typed error in both languages, nothing written, the data as it was', () => {
  it('of a damaged file: DB_DAMAGED', async () => {
    const file = tempDataFile();
    openDataFile(file).close();
    damagePage(file, 'figures');
    const { db, call } = openWithHandlers(file);
    const before = namesIn(path.dirname(file));
    const job = await backUpNow(call);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'DB_DAMAGED' } });
    expect(namesIn(path.dirname(file))).toEqual(before);
    db.close();
  });

  it('in a folder that cannot be written: BACKUP_NOT_WRITTEN naming the folder', async (ctx) => {
    const file = tempDataFile();
    const dir = path.dirname(file);
    const { db, call } = openWithHandlers(file);
    db.transaction(() => updateFigure(db, newChange('李分析'), 19, { value: 654 }))();
    const unlock = lockFolder(dir);
    try {
      if (!unlock) return ctx.skip('no way to make a folder unwritable for root here (chattr +i)');
      const before = namesIn(dir);

      const job = await backUpNow(call);
      expect(job).toMatchObject({ state: 'failed', error: { code: 'BACKUP_NOT_WRITTEN', details: { path: dir } } });
      expect(describeError(job.error!, 'zh-CN')).toContain(`无法在 ${dir} 写入备份`);
      expect(describeError(job.error!, 'zh-CN')).toContain('数据文件未被改动');
      expect(describeError(job.error!, 'en')).toContain(`Could not write the backup in ${dir}`);
      expect(describeError(job.error!, 'en')).toContain('The data file is unchanged');
      expect(namesIn(dir)).toEqual(before);
      expect(db.prepare(`SELECT value FROM figures WHERE id = 19`).pluck().get()).toBe(654);
    } finally {
      unlock?.();
      db.close();
    }
  });

  // A real full disk needs a small file system of its own: a tmpfs, which only root may mount.
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.skipIf(!canMount)('on a full disk: BACKUP_NOT_WRITTEN saying so, no partial file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-full-'));
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir]).status).toBe(0);
    const file = path.join(dir, 'data.sqlite');
    const { db, call } = openWithHandlers(file);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const { bavail, bsize } = fs.statfsSync(dir);
      fs.writeFileSync(path.join(dir, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 48 * 1024)));
      const before = namesIn(dir);
      const job = await backUpNow(call);
      expect(job).toMatchObject({ state: 'failed', error: { code: 'BACKUP_NOT_WRITTEN' } });
      expect(describeError(job.error!, 'zh-CN')).toContain('磁盘空间已满');
      expect(describeError(job.error!, 'en')).toContain('the disk is full');
      expect(namesIn(dir)).toEqual(before);
    } finally {
      db.close();
      spawnSync('umount', [dir]);
    }
  });
});
