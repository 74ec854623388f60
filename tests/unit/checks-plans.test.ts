/**
 * Each data check reads the figures table once or through an index (issue 12): EXPLAIN QUERY PLAN
 * of every check's query on a real data file at the latest schema, no second pass over figures and
 * no full scan inside another loop.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../shared/checks';
import { LATEST_SCHEMA_VERSION } from '../../electron/services/db/migrations';
import { schemaVersion } from '../../electron/services/db/open';
import { CHECK_SQL, checkParams } from '../../electron/services/checks/queries';
import { openChecksApp, plant } from '../helpers/checks';

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** The figures table's aliases in the checks' SQL. */
const FIGURES = /^(SCAN|SEARCH) (f|p|d)\b/;

describe('the checks’ query plans', () => {
  it.each(CHECK_IDS)('%s: one pass over figures at most, every other read of it through an index', (id) => {
    const { db } = openChecksApp();
    for (let i = 0; i < 200; i++) plant(db, { metric: 'revenue', value: i, unit: '100m_yuan', period: String(2000 + (i % 25)), cityCode: i % 2 ? '440300' : null });
    db.pragma('optimize');
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${CHECK_SQL[id]}`).all(checkParams(id, new Date())) as PlanRow[];
    const reads = plan.filter((r) => FIGURES.test(r.detail));
    expect(reads.length, plan.map((r) => r.detail).join('\n')).toBeGreaterThan(0);
    const scans = reads.filter((r) => r.detail.startsWith('SCAN'));
    expect(scans.length, plan.map((r) => r.detail).join('\n')).toBeLessThanOrEqual(1);
    for (const r of reads.filter((x) => x.detail.startsWith('SEARCH'))) expect(r.detail).toMatch(/USING (INDEX|COVERING INDEX|INTEGER PRIMARY KEY)/);
    // A full pass is never inside another loop: nothing before it in its own query level reads a table row by row.
    for (const scan of scans) {
      const outer = plan.filter((r) => r.parent === scan.parent && r.id < scan.id && /^(SCAN|SEARCH) /.test(r.detail));
      expect(outer.map((r) => r.detail)).toEqual([]);
      expect(plan.some((r) => r.detail.includes('CORRELATED') && r.id < scan.id)).toBe(false);
    }
  });
});
