/**
 * A 20,000-cell wide statistical table (500 rows of industry × city, 40 year columns) imported into a
 * fresh copy of a data file: through the service (read the .xlsx through the workbook import's zip
 * checks and sheet reader, map and match names, compare, quick_check, back up, write set-based with
 * revisions and one undo batch) beside a bare baseline measured in the same run, alternating — exceljs'
 * streaming reader over the same file plus prepared inserts in one transaction. Target (issue 12): ≤ 1.5×.
 * Each run gets its own copy of the data file, made before the clock starts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openDataFile } from '../electron/services/db/open';
import { EMPTY_FIXED, TableMapping } from '../shared/table-import';
import { applyTablePlan } from '../electron/services/tables/apply';
import { planTableImport } from '../electron/services/tables/plan';
import { readTable } from '../electron/services/tables/read';
import { measureAfterGc, percentile, table } from './lib';

const ROWS = 500;
const YEARS = Array.from({ length: 40 }, (_, i) => 1984 + i);
const RUNS = Number(process.env.BENCH_TABLE_RUNS ?? 7);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-bench-table-'));
const template = path.join(dir, 'template.sqlite');
const seeded = openDataFile(template);
const entities = seeded.prepare(`SELECT id, name_zh AS name FROM entities e WHERE deleted_at IS NULL AND (SELECT count(*) FROM entities o WHERE o.name_zh = e.name_zh) = 1`).all() as { id: string; name: string }[];
const cities = seeded.prepare(`SELECT code, name_zh AS name FROM cities ORDER BY sort_order`).all() as { code: string; name: string }[];
seeded.pragma('wal_checkpoint(TRUNCATE)');
seeded.close();

// The table: industry and city down the side, years across the top, values as a yearbook prints them.
const xlsx = path.join(dir, 'yearbook.xlsx');
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('产值');
sheet.addRow(['产业', '城市', ...YEARS.map((y) => `${y}年`)]);
const rows: { entity: string; city: string }[] = [];
for (let r = 0; r < ROWS; r++) {
  const e = entities[r % entities.length]!;
  const c = cities[Math.floor(r / entities.length) % cities.length]!;
  rows.push({ entity: e.id, city: c.code });
  sheet.addRow([e.name, c.name, ...YEARS.map((y, i) => Math.round(((r * 7919 + i * 104729) % 100000) * 1.37) / 100 + y / 1000)]);
}

const mapping = TableMapping.parse({
  sheet: null,
  headerRow: 1,
  columns: [
    { header: '产业', role: 'entity' },
    { header: '城市', role: 'city' },
  ],
  wide: true,
  fixed: { ...EMPTY_FIXED, metric: 'output_value', unit: '100m_yuan' },
  entityNames: {},
});

function freshCopy(name: string): string {
  const file = path.join(dir, `${name}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(template, file);
  return file;
}

async function throughService(): Promise<number> {
  const file = freshCopy('service');
  const db = openDataFile(file, { mustExist: true });
  try {
    return await measureAfterGc(async () => {
      const plan = planTableImport(db, await readTable(xlsx, null), mapping);
      if (plan.problems.length > 0) throw new Error(JSON.stringify(plan.problems.slice(0, 3)));
      const result = applyTablePlan(db, plan, { author: 'bench', dataFile: file, source: { kind: 'existing', id: 1 } });
      if (result.added !== ROWS * YEARS.length) throw new Error(`added ${result.added}`);
    });
  } finally {
    db.close();
  }
}

async function bare(): Promise<number> {
  const file = freshCopy('bare');
  const db = openDataFile(file, { mustExist: true });
  try {
    return await measureAfterGc(async () => {
      const entityOf = new Map(entities.map((e) => [e.name, e.id]));
      const cityOf = new Map(cities.map((c) => [c.name, c.code]));
      const insert = db.prepare(
        `INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, city_code, source_id, changed_at, changed_by)
         VALUES ('entity', ?, 'output_value', ?, '100m_yuan', 'exact', ?, ?, 1, ?, 'bench')`,
      );
      const at = new Date().toISOString();
      const write = db.transaction((batch: { entity: string; city: string; values: number[] }[]) => {
        for (const r of batch) r.values.forEach((v, i) => insert.run(r.entity, v, String(YEARS[i]), r.city, at));
      });
      const batch: { entity: string; city: string; values: number[] }[] = [];
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsx, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
      for await (const ws of reader)
        for await (const row of ws) {
          if (row.number === 1) continue;
          const values = row.values as (string | number)[];
          batch.push({ entity: entityOf.get(String(values[1]))!, city: cityOf.get(String(values[2]))!, values: values.slice(3).map(Number) });
        }
      write(batch);
      const n = db.prepare(`SELECT count(*) FROM figures WHERE changed_by = 'bench'`).pluck().get();
      if (n !== ROWS * YEARS.length) throw new Error(`bare wrote ${String(n)}`);
    });
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  await book.xlsx.writeFile(xlsx);
  // One warm-up of each, then alternate.
  await throughService();
  await bare();
  const service: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    service.push(await throughService());
    baseline.push(await bare());
  }
  const [s, b] = [percentile(service, 50), percentile(baseline, 50)];
  console.log(`\n## Statistical table import (issue 12): ${ROWS} rows × ${YEARS.length} years = ${ROWS * YEARS.length} cells, ${RUNS} runs each, alternating\n`);
  console.log(
    table([
      { path: 'service: readTable + planTableImport + applyTablePlan (quick_check, backup, revisions, one batch)', 'p50 ms': s, 'min ms': Math.min(...service), 'max ms': Math.max(...service) },
      { path: 'bare: exceljs streaming read + prepared inserts in one transaction', 'p50 ms': b, 'min ms': Math.min(...baseline), 'max ms': Math.max(...baseline) },
      { path: 'ratio (target ≤ 1.5×)', 'p50 ms': s / b, 'min ms': Math.min(...service) / Math.min(...baseline), 'max ms': '' },
    ]),
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
