/**
 * The data checks (issue 12) at 100,000 and 1,000,000 figures: all nine through the service
 * (runChecks: one read transaction, names, acknowledgements, the tier rule of shared/output.ts,
 * findings mapped and capped) beside the very same SQL run on a bare better-sqlite3 connection,
 * alternating in the same run. Target at 100,000: ≤ 1.2× bare. 1,000,000 is reported, no target.
 * The data: the workbench bench's 100,000 figures, a third of them given a city, two catalog
 * metrics of the analysts' own, yearly series, and totals for the groups and the province.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHECK_IDS } from '../shared/checks';
import { forgetKept } from '../electron/services/checks/cache';
import { countChecks, runChecks } from '../electron/services/checks/run';
import { CHECK_SQL, checkParams } from '../electron/services/checks/queries';
import { openDataFile } from '../electron/services/db/open';
import { performance } from 'node:perf_hooks';
import { percentile, table, timeBoth } from './lib';
import { buildLargeFile } from './workbench.bench';

/** Cities, custom metrics and more yearly figures over the workbench bench's file, up to `total` figures. */
export function extend(file: string, total: number): void {
  const db = openDataFile(file);
  db.transaction(() => {
    db.exec(`
      INSERT INTO metrics (id, name_zh, name_en, kind, may_be_negative, sort_order, changed_at, changed_by) VALUES
        ('exports', '出口额', 'Exports', 'money', 0, 20, '2026-01-01', 'bench'),
        ('rd_share', '研发投入强度', 'R&D intensity', 'percent', 0, 21, '2026-01-01', 'bench');
      UPDATE figures SET city_code = (SELECT code FROM cities WHERE sort_order = 1 + figures.id % 21) WHERE scope = 'entity' AND id % 3 = 0;
      UPDATE figures SET metric = 'exports' WHERE id % 17 = 0 AND unit <> 'percent';
      UPDATE figures SET metric = 'rd_share' WHERE id % 19 = 0 AND unit = 'percent';
      UPDATE figures SET scope = 'emerging_clusters' WHERE scope = 'province' AND id % 100 = 0;
    `);
    // Copies of the 100,000 with later periods and other cities, until `total`.
    for (let round = 1; (db.prepare(`SELECT max(id) FROM figures`).pluck().get() as number) < total; round++) {
      const have = db.prepare(`SELECT max(id) FROM figures`).pluck().get() as number;
      db.prepare(
        `INSERT INTO figures (scope, entity_id, city_code, metric, value, unit, qualifier, period, source_id, source_quote, note, changed_at, changed_by)
         SELECT scope, entity_id,
                CASE WHEN city_code IS NULL THEN NULL ELSE (SELECT code FROM cities WHERE sort_order = 1 + (figures.id + @round) % 21) END,
                metric, value * (1 + (id % 7) / 10.0), unit, qualifier,
                CAST(substr(period, 1, 4) + @round AS TEXT) || substr(period, 5), source_id, source_quote, note, changed_at, changed_by
           FROM figures WHERE id <= min(100000, @left)`,
      ).run({ round, left: total - have });
    }
  })();
  db.pragma('optimize');
  db.close();
}

/**
 * The same file made realistic: every figure moved to its own (metric, entity, city, year) so
 * series are whole and keys unique, then about 1% of the figures given a defect (no source, a
 * ×10 value, a duplicate, a gap, a negative).
 */
export function realistic(file: string): void {
  const db = openDataFile(file);
  db.transaction(() => {
    db.exec(`
      CREATE TEMP TABLE m AS SELECT row_number() OVER (ORDER BY sort_order) - 1 AS k, id, kind FROM metrics WHERE kind IN ('money', 'percent', 'count');
      CREATE TEMP TABLE e AS SELECT row_number() OVER (ORDER BY sort_order) - 1 AS k, id FROM entities WHERE deleted_at IS NULL;
      CREATE TEMP TABLE c AS SELECT row_number() OVER (ORDER BY sort_order) AS k, code FROM cities;
    `);
    const [nm, ne, nc] = ['m', 'e', 'c'].map((t) => db.prepare(`SELECT count(*) FROM temp.${t}`).pluck().get() as number) as [number, number, number];
    const years = Math.ceil(100_000 / (nm * ne * (nc + 1)));
    // Whole numbers written into the SQL: a bound JS number is a REAL, and its division no integer one.
    db.exec(
      `UPDATE figures SET
         scope = 'entity',
         metric = (SELECT id FROM temp.m WHERE k = (figures.id - 1) % ${nm}),
         entity_id = (SELECT id FROM temp.e WHERE k = ((figures.id - 1) / ${nm}) % ${ne}),
         city_code = (SELECT code FROM temp.c WHERE k = ((figures.id - 1) / (${nm} * ${ne})) % (${nc} + 1)),
         period = CAST(2026 - ${years} + (figures.id - 1) / (${nm} * ${ne} * (${nc} + 1)) AS TEXT),
         unit = CASE (SELECT kind FROM temp.m WHERE k = (figures.id - 1) % ${nm}) WHEN 'percent' THEN 'percent' WHEN 'count' THEN 'count' ELSE '100m_yuan' END,
         value = CASE (SELECT kind FROM temp.m WHERE k = (figures.id - 1) % ${nm}) WHEN 'percent' THEN 5 + (figures.id % 40)
                 ELSE (100 + (figures.id % 97)) * CASE WHEN ((figures.id - 1) / (${nm} * ${ne})) % (${nc} + 1) = 0 THEN 30 ELSE 1 END END,
         qualifier = 'exact', source_id = 2 + figures.id % 200`,
    );
    db.exec(`
      UPDATE figures SET source_id = NULL WHERE id % 500 = 1;
      UPDATE figures SET value = value * 10 WHERE id % 500 = 101 AND unit <> 'percent';
      UPDATE figures SET value = -value WHERE id % 500 = 301 AND unit <> 'percent';
      DELETE FROM figures WHERE id % 500 = 401;
      INSERT INTO figures (scope, entity_id, city_code, metric, value, unit, qualifier, period, source_id, changed_at, changed_by)
        SELECT scope, entity_id, city_code, metric, value + 1, unit, qualifier, period, source_id, changed_at, changed_by FROM figures WHERE id % 500 = 201;
      DROP TABLE temp.m; DROP TABLE temp.e; DROP TABLE temp.c;
    `);
  })();
  db.pragma('optimize');
  db.close();
}

/** Each check's own SQL on a bare connection: p50 of `times` runs and how many rows it gives. */
function perCheck(file: string, label: string, times = 5): Record<string, string | number>[] {
  const bare = new Database(file, { readonly: true });
  const now = new Date();
  const rows = CHECK_IDS.map((id) => {
    const statement = bare.prepare(CHECK_SQL[id]);
    const params = checkParams(id, now);
    let found = 0;
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      found = statement.all(params).length;
      samples.push(performance.now() - t0);
    }
    return { data: label, check: id, rows: found, 'bare SQL p50 ms': percentile(samples, 50) };
  });
  bare.close();
  return rows;
}

async function measure(file: string, label: string, times: number): Promise<Record<string, string | number>> {
  const db = openDataFile(file);
  const bare = new Database(file, { readonly: true });
  const now = new Date();
  const statements = CHECK_IDS.map((id) => ({ statement: bare.prepare(CHECK_SQL[id]), params: checkParams(id, now) }));
  let findings = 0;
  const [service, base] = await timeBoth(
    () => {
      forgetKept(db); // a full run each time: what the first look after an edit costs
      findings = runChecks(db, { now }).checks.reduce((n, c) => n + c.open.total + c.acknowledged.total, 0);
    },
    () => bare.transaction(() => statements.map(({ statement, params }) => statement.all(params)))(),
    times,
    2,
  );
  // Asked again with nothing changed (the page after the card, a second window): the kept rows.
  const [kept, counts] = await timeBoth(
    () => runChecks(db, { now }),
    () => countChecks(db, { now }),
    times,
    2,
  );
  db.close();
  bare.close();
  return {
    measurement: `all 9 checks, ${label}`,
    'findings': findings,
    'service p50 ms': service.p50,
    'bare SQL p50 ms': base.p50,
    'ratio p50': service.p50 / base.p50,
    'service p95 ms': service.p95,
    'bare SQL p95 ms': base.p95,
    'ratio p95': service.p95 / base.p95,
    'kept: page p50 ms': kept.p50,
    'kept: card counts p50 ms': counts.p50,
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-checks-bench-'));
  const rows: Record<string, string | number>[] = [];
  const file = path.join(dir, 'data.sqlite');
  buildLargeFile(file);
  extend(file, 100_000);
  const runs = Number(process.env.BENCH_CHECKS_RUNS ?? 15);
  const checks = perCheck(file, 'bench (defect-heavy)');
  rows.push(await measure(file, '100,000 figures (defect-heavy)', runs));
  const real = path.join(dir, 'realistic.sqlite');
  fs.copyFileSync(file, real);
  realistic(real);
  checks.push(...perCheck(real, 'realistic (~1% defects)'));
  rows.push(await measure(real, '100,000 figures (realistic, ~1% defects)', runs));
  fs.rmSync(dir, { recursive: true, force: true });
  // The 100,000 rows first: the 1,000,000 one takes minutes on a shared machine.
  process.stdout.write(`${table(checks)}\n${table(rows)}`);

  if (process.env.BENCH_CHECKS_MILLION !== '0') {
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-checks-bench-'));
    const bigFile = path.join(big, 'data.sqlite');
    buildLargeFile(bigFile);
    extend(bigFile, 1_000_000);
    process.stdout.write(`\n${table([await measure(bigFile, '1,000,000 figures', 3)])}`);
    fs.rmSync(big, { recursive: true, force: true });
  }
  process.stdout.write('\nTarget: all checks through the service ≤ 1.2× their bare SQL at 100,000 figures; 1,000,000 reported only.\n');
}

if (process.argv[1]?.endsWith('checks.bench.ts')) void main();
