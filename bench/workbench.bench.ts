/**
 * The workbench at 100,000 figures: the figures query (filter + sort + page) and full-text search
 * through the service code, each beside the very same SQL run directly on better-sqlite3 in the
 * same run, and the time until the first page of the table is painted in Chromium (harness).
 * Targets (issue 3): query p95 ≤ 5 ms, search p95 ≤ 20 ms, first paint ≤ 1 s. Issue 12: the data
 * has cities, 25 years of periods and custom metrics; every query and search through the service
 * ≤ 1.1× the same SQL (the ratio column). BENCH_FIGURES=1000000 runs it at a million figures.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILTIN_METRICS, QUALIFIERS, type Unit } from '../shared/domain';
import { openDataFile } from '../electron/services/db/open';
import { buildFigureQuery, listFigures } from '../electron/services/workbench/query';
import { figureMatch } from '../electron/services/workbench/search';
import { updateSettings } from '../electron/services/workbench/settings';
import { FigureQuery } from '../shared/workbench';
import { ftsQuery } from '../shared/search';
import { table, timeBoth } from './lib';
import { firstPaint } from './first-paint';

const FIGURES = Number(process.env.BENCH_FIGURES ?? 100_000);
/** Timed runs per measurement (fewer for a million figures), and whether to measure the first paint. */
const TIMES = Number(process.env.BENCH_TIMES ?? 200);
const PAINT = process.env.BENCH_SKIP_PAINT !== '1';

/** The table's filters one at a time, newest changes first (the table's default order); the query-plan test checks each uses an index. */
export const FILTERS: readonly [string, Parameters<typeof listFigures>[1]][] = [
  ['filter: metric (patents, custom)', { metric: 'patents_granted', limit: 100 }],
  ['filter: entity (smart robots)', { entityId: 'smart-robots', limit: 100 }],
  ['filter: city (深圳市)', { cityCode: '440300', limit: 100 }],
  ['filter: period (2019)', { period: '2019', limit: 100 }],
  ['filter: scope (province level)', { level: 'province', limit: 100 }],
];

/** The catalog the generated figures use: the six built-ins and two an analyst added (issue 12). */
const METRICS = [...BUILTIN_METRICS, 'rd_spending', 'patents_granted'] as const;
const UNIT_OF: Record<(typeof METRICS)[number], Unit> = {
  output_value: '100m_yuan',
  revenue: '100m_yuan',
  added_value: '10k_yuan',
  added_value_growth: 'percent',
  gdp_share: 'percent',
  enterprises: 'count',
  rd_spending: '100m_yuan',
  patents_granted: 'metric_unit',
};

/**
 * A data file with the seeded dataset plus generated figures, sources and annotations up to
 * `total` figures: three in five entity figures are about one of the 21 cities, periods span 25
 * years (years, quarters, months), and two custom metrics are in the catalog and used.
 */
export function buildLargeFile(file: string, total = FIGURES): void {
  const db = openDataFile(file);
  const entities = (db.prepare(`SELECT id FROM entities`).all() as { id: string }[]).map((e) => e.id);
  const cities = db.prepare(`SELECT code FROM cities ORDER BY sort_order`).pluck().all() as string[];
  const at = '2026-01-01T00:00:00.000Z';
  db.transaction(() => {
    db.prepare(
      `INSERT INTO metrics (id, name_zh, name_en, kind, unit_label_zh, unit_label_en, may_be_negative, sort_order, changed_at, changed_by) VALUES
         ('rd_spending', '研发经费支出', 'R&D spending', 'money', NULL, NULL, 0, 7, @at, 'bench'),
         ('patents_granted', '专利授权量', 'Patents granted', 'other', '件', 'patents', 0, 8, @at, 'bench')`,
    ).run({ at });
    const source = db.prepare(`INSERT INTO sources (title, publisher, published_on, excerpt, created_at) VALUES (?, ?, ?, ?, ?)`);
    for (let i = 0; i < 200; i++) source.run(`广东统计年鉴 Yearbook ${2000 + (i % 25)} vol ${i}`, i % 2 ? '广东省统计局' : 'Guangdong Statistics Bureau', `${2000 + (i % 25)}-06-30`, `产值与营业收入 output value and revenue, table ${i}`, at);
    const figure = db.prepare(
      `INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, city_code, source_id, source_quote, note, changed_at, changed_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const existing = (db.prepare(`SELECT count(*) AS n FROM figures`).get() as { n: number }).n;
    for (let i = existing; i < total; i++) {
      const province = i % 50 === 0;
      const year = 2000 + (i % 25);
      const period = i % 3 === 0 ? `${year}` : i % 3 === 1 ? `${year}-Q${1 + (i % 4)}` : `${year}-${String(1 + (i % 12)).padStart(2, '0')}`;
      const metric = METRICS[i % METRICS.length]!;
      figure.run(
        province ? 'province' : 'entity',
        province ? null : entities[i % entities.length],
        metric,
        Math.round(((i * 7919) % 100000) * 1.37) / 10,
        UNIT_OF[metric],
        QUALIFIERS[i % QUALIFIERS.length],
        period,
        !province && i % 5 >= 2 ? cities[(i * 13) % cities.length] : null,
        i % 7 === 0 ? null : 2 + (i % 200),
        i % 4 === 0 ? `第${i}号表：产值统计 figure ${i} from the yearbook` : null,
        i % 10 === 0 ? `核对 ${i}：与季度数据一致 checked against quarterly data` : null,
        new Date(Date.parse(at) + i * 60_000).toISOString(),
        i % 3 ? '李分析' : 'Wang',
      );
    }
    const annotation = db.prepare(
      `INSERT INTO annotations (target_type, target_id, body, author, tags, status, created_at, updated_at) VALUES ('figure', ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < 3000; i++) {
      annotation.run(String(1 + ((i * 31) % total)), `请与统计局年报核对 ${i} — check before the minister's brief`, i % 2 ? '李分析' : 'Wang', '["核对"]', i % 3 ? 'open' : 'resolved', at, at);
    }
  })();
  updateSettings(db, { authorName: 'bench' });
  db.pragma('optimize');
  db.close();
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-bench-'));
  const file = path.join(dir, 'data.sqlite');
  const t0 = performance.now();
  buildLargeFile(file);
  process.stdout.write(`data file with ${FIGURES.toLocaleString('en-US')} figures (cities, 25 years, 2 custom metrics) built in ${((performance.now() - t0) / 1000).toFixed(1)} s\n\n`);

  const db = openDataFile(file);
  const bare = new Database(file, { readonly: true });
  const rows: Record<string, string | number>[] = [];
  const measure = async (name: string, input: Parameters<typeof listFigures>[1]): Promise<void> => {
    // The same SQL, with the global search's condition for the words as listFigures builds it (a few small lookups).
    const parsed = FigureQuery.parse(input);
    const { idsSql, rowsSql, countSql, params } = buildFigureQuery(parsed, parsed.q ? figureMatch(db, parsed.q, parsed.deleted) : null);
    const ids = bare.prepare(idsSql).pluck();
    const page = bare.prepare(rowsSql);
    const count = bare.prepare(countSql);
    const [service, direct] = await timeBoth(
      () => listFigures(db, input),
      () => [page.all({ ids: JSON.stringify(ids.all(params)) }), count.get(params)],
      TIMES,
      Math.min(20, TIMES),
    );
    const result = listFigures(db, input);
    rows.push({
      measurement: name,
      matches: result.total ?? 'n/a',
      'service p50 ms': service.p50,
      'service p95 ms': service.p95,
      'same SQL p50 ms': direct.p50,
      'same SQL p95 ms': direct.p95,
      'ratio p50': service.p50 / direct.p50,
    });
  };
  await measure('query: emerging clusters, revenue, by value desc, rows 201–300', { category: 'emerging', metric: 'revenue', sort: 'value', order: 'desc', offset: 200, limit: 100 });
  await measure('query: all, newest changes first, rows 1–100', { sort: 'changedAt', order: 'desc', limit: 100 });
  await measure('query: open annotations, by period, rows 1–100', { openAnnotations: true, sort: 'period', order: 'desc', limit: 100 });
  await measure('query: province level, no source, rows 1–100', { level: 'province', noSource: true, sort: 'changedAt', limit: 100 });
  // Issue 12: each filter alone (metric, entity, city, period, scope), and a city with a custom metric by value.
  for (const [name, input] of FILTERS) await measure(name, input);
  await measure('query: 深圳市, R&D spending (custom), by value desc', { cityCode: '440300', metric: 'rd_spending', sort: 'value', order: 'desc', limit: 100 });
  await measure('search: 机器人 (Chinese name)', { q: '机器人', limit: 100 });
  await measure('search: 深圳 (a city)', { q: '深圳', limit: 100 });
  await measure('search: Foshan (a city, English)', { q: 'Foshan', limit: 100 });
  await measure('search: quantum (English name)', { q: 'quantum', limit: 100 });
  await measure('search: 统计局 年报 (annotations)', { q: '统计局 年报', limit: 100 });
  await measure('search: yearbook 2019 (source titles)', { q: 'yearbook 2019', limit: 100 });
  await measure('search: 产值 (a metric, by its name)', { q: '产值', limit: 100 });
  await measure('search: 亿元 (a unit, as values print)', { q: '亿元', limit: 100 });
  process.stdout.write(table(rows));
  process.stdout.write(`\nFTS expression for "机器人": ${ftsQuery('机器人')}\n`);
  db.close();
  bare.close();

  if (PAINT) {
    const paint = await firstPaint(file);
    process.stdout.write(`\n${table([{ measurement: `first painted table page in Chromium (harness, ${FIGURES.toLocaleString('en-US')} figures)`, ...paint }])}`);
  }
  process.stdout.write('\nTargets: query p95 ≤ 5 ms, search p95 ≤ 20 ms, first paint ≤ 1000 ms.\n');
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1]?.endsWith("workbench.bench.ts")) void main();
