/** `cluster-brief backup`: a consistent, complete copy of the data file, even while the app has it open. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateFigure } from '../../electron/services/db/figures';
import { backupBeside } from '../../electron/services/db/backup';
import { openDataFile } from '../../electron/services/db/open';
import { newChange } from '../../electron/services/db/revisions';
import { fullDump, openTemp, runCliProcess, tempDataFile, tempDir } from '../helpers/files';

describe('cluster-brief backup', () => {
  it('copies everything, including an edit still in the write-ahead log of an open connection, into one file', () => {
    const { db, file } = openTemp();
    try {
      const id = (db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots'`).get() as { id: number }).id;
      db.transaction(() => updateFigure(db, newChange('李分析'), id, { value: 123, note: '备份前的修改' }))();
      expect(fs.existsSync(`${file}-wal`)).toBe(true);

      const target = path.join(tempDir(), 'nested', '集群简报备份.sqlite');
      const result = runCliProcess(['backup', '--db', file, '--out', target]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(target);
      expect(fs.existsSync(`${target}-wal`)).toBe(false);

      const copy = openDataFile(target, { mustExist: true });
      try {
        expect(fullDump(copy)).toBe(fullDump(db));
        expect(copy.prepare(`SELECT value, note FROM figures WHERE id = ?`).get(id)).toEqual({ value: 123, note: '备份前的修改' });
      } finally {
        copy.close();
      }
    } finally {
      db.close();
    }
  });

  it('never overwrites an existing file', () => {
    const { db, file } = openTemp();
    db.close();
    const target = path.join(tempDir(), 'old-backup.sqlite');
    fs.writeFileSync(target, 'an older backup');
    const result = runCliProcess(['backup', '--db', file, '--out', target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('文件已存在');
    expect(result.stderr).toContain('already exists');
    expect(fs.readFileSync(target, 'utf8')).toBe('an older backup');
  });

  it('needs --out, and a data file that exists', () => {
    expect(runCliProcess(['backup', '--db', tempDataFile()]).status).toBe(2);
    const missing = tempDataFile();
    const target = path.join(tempDir(), 'b.sqlite');
    const result = runCliProcess(['backup', '--db', missing, '--out', target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('does not exist');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('the backup written before an import or a migration', () => {
  it('gets its own name when another was written within the same second, and holds the data of its moment', () => {
    const { db, file } = openTemp();
    const first = backupBeside(db, file, 'before-import');
    updateFigure(db, newChange('t'), 19, { value: 555 });
    const second = backupBeside(db, file, 'before-import');
    const third = backupBeside(db, file, 'before-import');
    expect(new Set([first, second, third]).size).toBe(3);
    for (const f of [first, second, third]) expect(path.dirname(f)).toBe(path.dirname(file));
    const valueIn = (f: string): unknown => {
      const copy = openDataFile(f, { mustExist: true });
      const v = (copy.prepare(`SELECT value FROM figures WHERE id = 19`).get() as { value: number }).value;
      copy.close();
      return v;
    };
    expect([valueIn(first), valueIn(second), valueIn(third)]).toEqual([100, 555, 555]);
  });
});
