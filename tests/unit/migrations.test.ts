import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/services/db/migrations';
import { applyMigrations, openDataFile, schemaVersion } from '../../electron/services/db/open';
import { fullDump, tempDataFile } from '../helpers/files';

describe('the data file', () => {
  it('is created with every table, WAL, foreign keys and the latest schema version', () => {
    const file = tempDataFile();
    const db = openDataFile(file, { seed: false });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['annotations', 'entities', 'figures', 'meta', 'milestones', 'revisions', 'sources']));
    db.close();
    // A fresh file has no data to protect, so no backup is written.
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.before-v'))).toEqual([]);
  });

  it('refuses a figure for an entity that does not exist (foreign keys are on)', () => {
    const db = openDataFile(tempDataFile());
    expect(() =>
      db
        .prepare(`INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, changed_at, changed_by) VALUES ('entity', 'nope', 'revenue', 1, 'percent', 'exact', '2023', 'x', 'x')`)
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('writes a backup beside a file that holds data before migrating it, and keeps the data', () => {
    const file = tempDataFile();
    const db = openDataFile(file);
    const before = fullDump(db);
    const next = [...MIGRATIONS, { version: LATEST_SCHEMA_VERSION + 1, name: 'test column', sql: 'ALTER TABLE entities ADD COLUMN test_note TEXT' }];
    applyMigrations(db, file, next);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
    db.close();

    const backups = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(`data.before-v${LATEST_SCHEMA_VERSION + 1}-`));
    expect(backups).toHaveLength(1);
    const copy = new Database(path.join(path.dirname(file), backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(fullDump(copy)).toBe(before);
    copy.close();
  });

  it('rolls a failing migration back whole: version and data unchanged', () => {
    const file = tempDataFile();
    const db = openDataFile(file);
    const before = fullDump(db);
    const broken = [...MIGRATIONS, { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', sql: 'ALTER TABLE entities ADD COLUMN ok TEXT; THIS IS NOT SQL' }];
    expect(() => applyMigrations(db, file, broken)).toThrow();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(fullDump(db)).toBe(before);
    db.close();
  });

  it('refuses a file written by a newer schema, a file that is not SQLite, and a missing file when it must exist', () => {
    const newer = tempDataFile();
    const db = openDataFile(newer);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openDataFile(newer)).toThrow(expect.objectContaining({ code: 'DB_NEWER_SCHEMA' }));

    const garbage = tempDataFile();
    fs.writeFileSync(garbage, 'this is a spreadsheet, honestly'.repeat(100));
    expect(() => openDataFile(garbage)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
    expect(fs.readFileSync(garbage, 'utf8')).toMatch(/^this is a spreadsheet/);

    expect(() => openDataFile(tempDataFile(), { mustExist: true })).toThrow(expect.objectContaining({ code: 'DB_MISSING' }));
  });
});
