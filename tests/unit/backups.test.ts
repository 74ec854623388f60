/**
 * Backups are whole or absent, are pruned by a rule that keeps the disk from filling, and can be
 * listed and restored — from Settings (the contract) and with `cluster-brief backups` / `restore` —
 * the current file backed up first, with the app's connection open on the file throughout.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/dispatch';
import { handlersOver } from '../helpers/concurrent';
import { backupBeside, listBackups, pruneBackups, stampOf } from '../../electron/services/db/backup';
import { updateFigure } from '../../electron/services/db/figures';
import { quickCheck } from '../../electron/services/db/health';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { newChange } from '../../electron/services/db/revisions';
import { restoreBackup } from '../../electron/services/db/restore';
import { damagePage } from '../helpers/damage';
import { openTemp, runCliProcess, tempDataFile, tempDir } from '../helpers/files';

const ROBOTS = 19;
const valueOf = (db: DB, id = ROBOTS): unknown => db.prepare(`SELECT value FROM figures WHERE id = ?`).pluck().get(id);
const edit = (db: DB, value: number): void => {
  db.transaction(() => updateFigure(db, newChange('李分析'), ROBOTS, { value }))();
};
const namesIn = (dir: string): string[] => fs.readdirSync(dir).sort();



describe('a backup is whole or absent', () => {
  it('of a damaged file: refused (DB_DAMAGED), and nothing is left under any name', () => {
    const file = tempDataFile();
    openDataFile(file).close();
    damagePage(file, 'figures');
    const db = openDataFile(file, { mustExist: true });
    const before = namesIn(path.dirname(file));
    expect(() => backupBeside(db, file, 'before-import')).toThrow(expect.objectContaining({ code: 'DB_DAMAGED' }));
    expect(namesIn(path.dirname(file))).toEqual(before);
    db.close();
  });

  // A real full disk needs a small file system of its own: a tmpfs, which only root may mount.
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.skipIf(!canMount)('on a full disk: DISK_FULL, no partial file, the data file as it was', () => {
    const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-full-'));
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]).status).toBe(0);
    try {
      const file = path.join(mount, 'data.sqlite');
      const db = openDataFile(file);
      edit(db, 321);
      // Leave less room than a backup needs.
      const { bavail, bsize } = fs.statfsSync(mount);
      fs.writeFileSync(path.join(mount, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 48 * 1024)));
      const before = namesIn(mount);
      expect(() => backupBeside(db, file, 'before-import')).toThrow(expect.objectContaining({ code: 'DISK_FULL' }));
      expect(namesIn(mount)).toEqual(before);
      expect(valueOf(db)).toBe(321);
      db.close();
    } finally {
      spawnSync('umount', [mount]);
    }
  });
});

describe('the retention rule', () => {
  it('keeps the newest 10 and the newest of each month, counted apart for manual and automatic backups, for any dates', () => {
    // Half a year: months are shared, so the newest of each month and the count of ten both matter.
    const day = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-06-30T00:00:00Z'), noInvalidDate: true });
    const backup = fc.record({ when: day, label: fc.constantFrom('manual', 'before-import', 'before-restore', 'before-table-import') });
    fc.assert(
      fc.property(fc.uniqueArray(backup, { minLength: 0, maxLength: 40, size: 'max', selector: (b) => stampOf(b.when) }), (backups) => {
        const file = tempDataFile();
        const name = (b: { when: Date; label: string }): string => `data.${b.label}-${stampOf(b.when)}.sqlite`;
        for (const b of backups) fs.writeFileSync(path.join(path.dirname(file), name(b)), 'x');
        fs.writeFileSync(path.join(path.dirname(file), 'notes.txt'), 'not a backup');
        pruneBackups(file);
        const kept = (manual: boolean): string[] => {
          const newestFirst = backups.filter((b) => (b.label === 'manual') === manual).sort((a, b) => b.when.getTime() - a.when.getTime());
          const months = new Set<string>();
          return newestFirst
            .filter((b, i) => {
              const month = b.when.toISOString().slice(0, 7);
              const keep = i < 10 || !months.has(month);
              months.add(month);
              return keep;
            })
            .map(name);
        };
        const listed = listBackups(file).map((b) => b.name);
        expect(listed.filter((n) => n.includes('.manual-'))).toEqual(kept(true));
        expect(listed.filter((n) => !n.includes('.manual-'))).toEqual(kept(false));
        expect(fs.existsSync(path.join(path.dirname(file), 'notes.txt'))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('removes what a killed backup left behind once it is an hour old, and never lists it', () => {
    const { db, file } = openTemp();
    const partial = path.join(path.dirname(file), '.data.before-import-20261130T100000Z.sqlite.partial-0badf00d');
    fs.writeFileSync(partial, 'half a backup');
    expect(listBackups(file)).toEqual([]);
    pruneBackups(file, undefined, new Date(Date.now() + 30 * 60_000));
    expect(fs.existsSync(partial)).toBe(true);
    pruneBackups(file, undefined, new Date(Date.now() + 61 * 60_000));
    expect(fs.existsSync(partial)).toBe(false);
    db.close();
  });
});

describe('restoring a backup', () => {
  it('from Settings: listed by name, restored into the open file, the current file kept first', async () => {
    const { db, file } = openTemp();
    const handlers = handlersOver(db, file);
    edit(db, 111);
    backupBeside(db, file, 'before-import');
    edit(db, 222);
    // Another window on the same file, open throughout.
    const other = openDataFile(file, { mustExist: true });

    const list = await dispatch(handlers, 'listBackups', {});
    if (!list.ok) throw new Error(JSON.stringify(list.error));
    const backups = (list.value as { backups: { name: string; label: string }[] }).backups;
    expect(backups).toHaveLength(1);
    expect(backups[0]!.label).toBe('before-import');

    const restored = await dispatch(handlers, 'restoreBackup', { name: backups[0]!.name });
    expect(restored).toMatchObject({ ok: true, value: { restored: backups[0]!.name } });
    expect(valueOf(db)).toBe(111);
    expect(valueOf(other)).toBe(111);
    expect(quickCheck(db)).toEqual([]);

    // The file as it was before the restore is the newest backup, and holds the later edit.
    const kept = listBackups(file)[0]!;
    expect(kept.label).toBe('before-restore');
    const copy = new Database(kept.path, { readonly: true });
    expect(copy.prepare(`SELECT value FROM figures WHERE id = ?`).pluck().get(ROBOTS)).toBe(222);
    copy.close();
    other.close();
    db.close();
  });

  it('refuses a name that is not a listed backup, a damaged backup and an empty one, changing nothing', async () => {
    const { db, file } = openTemp();
    const handlers = handlersOver(db, file);
    expect(await dispatch(handlers, 'restoreBackup', { name: '../data.sqlite' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(handlers, 'restoreBackup', { name: 'nothing.sqlite' })).toMatchObject({ ok: false, error: { code: 'BACKUP_NOT_FOUND' } });

    const damaged = backupBeside(db, file, 'before-import');
    damagePage(damaged, 'figures');
    const empty = path.join(tempDir(), 'empty.sqlite');
    fs.writeFileSync(empty, '');
    edit(db, 333);
    for (const [backup, code] of [
      [damaged, 'DB_DAMAGED'],
      [empty, 'DB_CORRUPT'],
    ] as const) {
      await expect(restoreBackup(db, file, backup)).rejects.toMatchObject({ code });
      expect(valueOf(db)).toBe(333);
    }
    db.close();
  });

  // Runs the real command line eight times: room for a loaded machine (never a speed assertion).
  it('with cluster-brief: backups lists them, restore puts one back, even over a damaged data file', { timeout: 240_000 }, () => {
    const { db, file } = openTemp();
    edit(db, 444);
    const backup = backupBeside(db, file, 'before-import');
    db.close();

    const listed = runCliProcess(['backups', '--db', file]);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(path.basename(backup));

    damagePage(file, 'figures');
    expect(runCliProcess(['info', '--db', file]).status).toBe(1);
    const result = runCliProcess(['restore', path.basename(backup), '--db', file]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const info = runCliProcess(['info', '--db', file]);
    expect(info.status).toBe(0);
    expect(info.stdout).toContain('integrity: ok');
    const restored = openDataFile(file, { mustExist: true });
    expect(valueOf(restored)).toBe(444);
    restored.close();

    // Not even an SQLite file any more: set aside whole, the backup put in its place.
    fs.writeFileSync(file, 'overwritten by something else');
    const over = runCliProcess(['restore', backup, '--db', file]);
    expect(over.status).toBe(0);
    expect(over.stdout).toContain('damaged');
    expect(runCliProcess(['info', '--db', file]).status).toBe(0);
    const aside = fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith('data.sqlite.damaged-'));
    expect(aside.map((n) => fs.readFileSync(path.join(path.dirname(file), n), 'utf8'))).toContain('overwritten by something else');

    const missing = runCliProcess(['restore', 'no-such-backup.sqlite', '--db', file]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('找不到备份');
    expect(missing.stderr).toContain('No such backup');
  });
});

describe('two writers and the file check', () => {
  it('finds the file whole after another connection wrote to it (full-text structure held from before)', () => {
    const { db: app, file } = openTemp();
    expect(quickCheck(app)).toEqual([]);
    // Another writer — the command line, a second window — changes a figure's note, which the full-text index holds.
    const other = openDataFile(file, { mustExist: true });
    updateFigure(other, newChange('命令行'), 19, { note: '另一个写入者的备注' });
    // The app's next check: FTS5 compared the index with its stale structure and called the file damaged,
    // refusing every write after ("fts5: checksum mismatch for table figures_fts").
    expect(quickCheck(app)).toEqual([]);
    other.close();
    expect(quickCheck(app)).toEqual([]);
    // And search in the app finds what the other writer wrote.
    expect(app.prepare(`SELECT rowid FROM figures_fts WHERE figures_fts MATCH ?`).pluck().all('另一个写入者的备注'.split('').join(' '))).toContain(19);
    app.close();
  });
});
