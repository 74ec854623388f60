/**
 * Migration 5 (issue 12) on a file of every earlier schema version: the six metrics of the article
 * become catalog rows every figure points to, the 21 cities of Guangdong are there with their
 * GB/T 2260 codes, a figure cannot name a metric outside the catalog, and a metric in use cannot
 * be deleted.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../electron/services/db/migrations';
import { applyMigrations, openDataFile, registerFunctions, schemaVersion } from '../../electron/services/db/open';
import { DEFAULT_DATASET, seedIfNew } from '../../electron/services/db/seed';
import { tempDataFile } from '../helpers/files';

function fileAtVersion(version: number): string {
  const file = tempDataFile();
  const db = new Database(file);
  registerFunctions(db);
  applyMigrations(db, file, MIGRATIONS.filter((m) => m.version <= version));
  seedIfNew(db, { ...DEFAULT_DATASET });
  db.close();
  return file;
}

describe('migration 5 (metric catalog, cities)', () => {
  it.each(MIGRATIONS.filter((m) => m.version < 5).map((m) => m.version))('brings a file of schema %i up to the catalog', (version) => {
    const db = openDataFile(fileAtVersion(version));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const orphans = db.prepare(`SELECT count(*) FROM figures WHERE metric NOT IN (SELECT id FROM metrics)`).pluck().get();
    expect(orphans).toBe(0);
    expect(db.prepare(`SELECT id FROM metrics WHERE builtin = 1 ORDER BY sort_order`).pluck().all()).toEqual([
      'output_value', 'revenue', 'added_value', 'added_value_growth', 'gdp_share', 'enterprises',
    ]);
    const cities = db.prepare(`SELECT code, name_zh, name_en FROM cities ORDER BY sort_order`).all() as { code: string; name_zh: string }[];
    expect(cities).toHaveLength(21);
    expect(cities.find((c) => c.code === '440300')).toMatchObject({ name_zh: '深圳市', name_en: 'Shenzhen' });
    expect(db.prepare(`SELECT count(*) FROM figures WHERE city_code IS NOT NULL`).pluck().get()).toBe(0);

    // The catalog holds: no figure with an unknown metric, no deleting a metric in use, no unknown city.
    expect(() => db.prepare(`UPDATE figures SET metric = 'no_such_metric' WHERE id = 1`).run()).toThrow(/unknown metric/);
    expect(() => db.prepare(`UPDATE metrics SET deleted_at = 'x' WHERE id = 'output_value'`).run()).toThrow(/metric in use/);
    expect(() => db.prepare(`UPDATE figures SET city_code = '449900' WHERE id = 1`).run()).toThrow(/FOREIGN KEY/);
    db.prepare(`UPDATE figures SET city_code = '440300' WHERE id = 1`).run();
    db.close();
  });
});
