import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetDump } from '../../shared/domain';
import { LATEST_SCHEMA_VERSION } from '../../electron/services/db/migrations';
import { openDataFile } from '../../electron/services/db/open';
import { runCliProcess, tempDataFile } from '../helpers/files';

describe('the cluster-brief command line', () => {
  it('creates a data file with init and prints the whole dataset as documented JSON with list --json', () => {
    const file = tempDataFile();
    expect(runCliProcess(['init', '--db', file]).status).toBe(0);
    const result = runCliProcess(['list', '--json', '--db', file]);
    expect(result.status).toBe(0);
    const dump = DatasetDump.parse(JSON.parse(result.stdout));
    expect(dump.entities).toHaveLength(27);
    expect(dump.province.figures).toHaveLength(4);
    expect(dump.province.sources[0]).toMatchObject({ publisher: 'China Daily', publishedOn: '2024-10-23' });
    expect(dump.entities.find((e) => e.id === 'smart-robots')?.sources[0]?.publishedOn).toBe('2024-10-23');
    expect(dump.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('reads the file named by $CLUSTER_BRIEF_DB when no --db is given', () => {
    const file = tempDataFile();
    openDataFile(file).close();
    const result = runCliProcess(['list'], { CLUSTER_BRIEF_DB: file });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('智能机器人 / Smart robots');
    expect(result.stdout).toContain('近3万亿元');
  });

  it('says clearly, in both languages, that a missing file is missing, and does not create it', () => {
    const file = tempDataFile();
    const result = runCliProcess(['list', '--json', '--db', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('数据文件不存在');
    expect(result.stderr).toContain('does not exist');
    expect(result.stderr).toContain(file);
    expect(result.stdout).toBe('');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a corrupt file without touching it', () => {
    const file = tempDataFile();
    const junk = Buffer.from('PK\u0003\u0004 not a database at all '.repeat(200));
    fs.writeFileSync(file, junk);
    const result = runCliProcess(['list', '--db', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('损坏');
    expect(result.stderr).toContain('damaged');
    expect(fs.readFileSync(file).equals(junk)).toBe(true);
  });

  it('refuses a file whose SQLite pages are damaged', () => {
    const file = tempDataFile();
    openDataFile(file).close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, 100, Math.min(bytes.length, 20_000));
    fs.writeFileSync(file, bytes);
    const result = runCliProcess(['list', '--json', '--db', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/损坏|damaged/);
  });

  it('refuses a file locked by another program', () => {
    const file = tempDataFile();
    const holder = openDataFile(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec(`BEGIN EXCLUSIVE; UPDATE meta SET value = value; `);
    try {
      const result = runCliProcess(['list', '--db', file]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('占用');
      expect(result.stderr).toContain('in use by another program');
    } finally {
      holder.exec('COMMIT');
      holder.close();
    }
  });

  it('refuses a file from a newer version of the app', () => {
    const file = tempDataFile();
    const db = openDataFile(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const result = runCliProcess(['list', '--db', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('更新版本');
    expect(result.stderr).toContain(`schema ${LATEST_SCHEMA_VERSION + 1}`);
  });

  it('prints usage for an unknown command and exits 2', () => {
    const result = runCliProcess(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command');
  });
});
