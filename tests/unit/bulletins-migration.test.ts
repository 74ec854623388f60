/**
 * Migration 4 (简报) brings a data file of every earlier schema version up to date keeping every row
 * it held: the change log is rebuilt (so it may name a bulletin) with the same rows and indexes,
 * the bulletins table and its search index are added, and the frame defaults are set. A file that
 * holds data never receives the shipped example: it comes with a new file's default dataset only.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../electron/services/db/migrations';
import { applyMigrations, openDataFile, registerFunctions, schemaVersion } from '../../electron/services/db/open';
import { DEFAULT_DATASET, seedIfNew } from '../../electron/services/db/seed';
import { saveNewDraft } from '../../electron/services/bulletins/actions';
import { draftContent } from '../helpers/bulletins';
import { tempDataFile } from '../helpers/files';

const KEPT = ['sources', 'entities', 'figures', 'milestones', 'annotations', 'revisions', 'meta'] as const;

/** A file at schema `version` holding the default dataset (without the example: no bulletins table yet) and some history. */
function fileAtVersion(version: number): { file: string; rows: Record<string, unknown[]> } {
  const file = tempDataFile();
  const db = new Database(file);
  registerFunctions(db);
  applyMigrations(db, file, MIGRATIONS.filter((m) => m.version <= version));
  seedIfNew(db, { ...DEFAULT_DATASET });
  db.prepare(`UPDATE figures SET value = 120, changed_by = '李分析' WHERE id = 19`).run();
  db.prepare(
    `INSERT INTO revisions (batch_id, target_type, target_id, action, author, at, before_json, after_json)
     VALUES ('b-1', 'figure', '19', 'update', '李分析', '2026-01-05T08:00:00.000Z', json_object('value', 100), json_object('value', 120))`,
  ).run();
  db.prepare(`INSERT INTO annotations (target_type, target_id, body, author, created_at, updated_at) VALUES ('entity', 'smart-robots', '核对年报', '李分析', 'x', 'x')`).run();
  if (version >= 2) db.prepare(`INSERT INTO settings (key, value) VALUES ('author_name', '李分析')`).run();
  if (version >= 3) db.prepare(`INSERT INTO briefing_definitions (name, template, lang, created_at, updated_at) VALUES ('周报', 'one-page', 'zh', 'x', 'x')`).run();
  const rows = Object.fromEntries(KEPT.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
  db.close();
  return { file, rows };
}

describe('migration 4 (简报)', () => {
  it.each(MIGRATIONS.filter((m) => m.version < 4).map((m) => m.version))('brings a file of schema %i up to date, keeping every row', (version) => {
    const { file, rows } = fileAtVersion(version);
    const db = openDataFile(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    // Every row with every value it had (later versions may add columns: figures.city_code in 5).
    for (const table of KEPT) {
      const now = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
      expect(now.map((row) => Object.fromEntries(Object.keys(rows[table]![0] as object).map((k) => [k, row[k]]))), table).toEqual(rows[table]);
    }
    // The example is never written into a file that held data; the frame defaults are there.
    expect(db.prepare(`SELECT count(*) FROM bulletins`).pluck().get()).toBe(0);
    expect(JSON.parse(db.prepare(`SELECT value FROM settings WHERE key = 'bulletin_frame'`).pluck().get() as string)).toMatchObject({ name: '广东省战略性产业集群工作简报' });
    // The rebuilt change log keeps its indexes and now takes a bulletin's revision.
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM revisions WHERE target_type = 'figure' AND target_id = '19'`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('revisions_by_target');
    const draft = saveNewDraft(db, draftContent(db, '迁移后的第一份草稿', [19]));
    expect(db.prepare(`SELECT target_type, action FROM revisions WHERE target_id = ? AND target_type = 'bulletin'`).all(String(draft.id))).toEqual([{ target_type: 'bulletin', action: 'create' }]);
    expect(db.prepare(`SELECT rowid FROM bulletins_fts WHERE bulletins_fts MATCH ?`).pluck().all('"迁" "移"')).toEqual([draft.id]);
    db.close();
  });

  it('a new data file gets the example with its dataset; opening it again adds nothing', () => {
    const file = tempDataFile();
    openDataFile(file).close();
    const db = openDataFile(file);
    expect(db.prepare(`SELECT kind, year, number FROM bulletins`).all()).toEqual([{ kind: 'issued', year: 2024, number: 1 }]);
    db.close();
  });
});
