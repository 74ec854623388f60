/**
 * Saved mappings reused next year (columns matched by header text, a new year column included), and
 * the round trip property: any grid of numbers imported from a table reads back, value for value,
 * from the app's own workbook export.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../electron/services/workbook/export';
import { periodOfHeader } from '../../shared/table-import';
import { deleteTableMapping, findTableMapping, listTableMappings, saveTableMapping } from '../../electron/services/tables/mappings';
import path from 'node:path';
import { openTemp, tempDir } from '../helpers/files';
import { propertySeed } from '../helpers/seed';
import { handMadeXlsx, importFile, planFile, wideMapping, writeCsv } from '../helpers/tables';

describe('year headers of a wide table', () => {
  it('reads the ways yearbooks write a period, and nothing else', () => {
    const read = (headers: string[]): (string | null)[] => headers.map(periodOfHeader);
    expect(read(['2021', '2021年', '２０２１年', '2021年度', ' 2021 ', '2021-Q1', '2021Q4', '2021年第1季度', '2021年3季度', '2021-06', '2021年6月'])).toEqual([
      '2021', '2021', '2021', '2021', '2021', '2021-Q1', '2021-Q4', '2021-Q1', '2021-Q3', '2021-06', '2021-06',
    ]);
    expect(read(['产业', '20211', '2021-13', '2021年13月', '2021-Q5', '合计', '21年', '2021/2022'])).toEqual([null, null, null, null, null, null, null, null]);
  });
});

describe('saved mappings', () => {
  it('are named, listed, reused for next year’s table with one more year column, and deleted; a damaged setting reads as none', async () => {
    const { db, file } = openTemp();
    const mapping = wideMapping('产业集群', { metric: 'output_value', unit: '100m_yuan' }, 1, { 机器人: { entityId: 'smart-robots' } });
    saveTableMapping(db, '统计年鉴 产值表', mapping);
    saveTableMapping(db, '另一张表', { ...mapping, headerRow: 2 });
    expect(listTableMappings(db).map((m) => m.name)).toEqual(['另一张表', '统计年鉴 产值表']);

    const thisYear = writeCsv([['产业集群', '2022年', '2023年'], ['机器人', 95, 120]], 'gbk');
    expect((await importFile(db, file, thisYear, findTableMapping(db, '统计年鉴 产值表'))).added).toBe(1);
    const nextYear = writeCsv([['产业集群', '2022年', '2023年', '2024年'], ['机器人', 95, 120, 150]], 'gbk');
    const plan = await planFile(db, nextYear, findTableMapping(db, '统计年鉴 产值表'));
    expect(plan.counts).toEqual({ added: 1, changed: 0, unchanged: 2, skipped: 0 });
    expect(plan.changes.map((c) => [c.entityId, c.period, c.after.value])).toEqual([['smart-robots', '2024', 150]]);

    expect(deleteTableMapping(db, '另一张表').map((m) => m.name)).toEqual(['统计年鉴 产值表']);
    expect(() => deleteTableMapping(db, '另一张表')).toThrow(expect.objectContaining({ code: 'TABLE_MAPPING_NOT_FOUND' }));
    expect(() => saveTableMapping(db, ' ', mapping)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    db.prepare(`UPDATE settings SET value = '{"not": "a list"' WHERE key = 'table_mappings'`).run();
    expect(listTableMappings(db)).toEqual([]);
  });
});

describe('a table imported, then exported by the app', () => {
  it('gives back every number of the grid (property, seed printed)', async () => {
    const seed = propertySeed('TABLE_ROUND_TRIP_SEED', 1);
    const { db: probe } = openTemp();
    // Names two entities share (先进材料) are the analyst's to confirm: table-import.test.ts covers them.
    const entities = probe.prepare(`SELECT id, name_zh FROM entities e WHERE deleted_at IS NULL AND (SELECT count(*) FROM entities o WHERE o.name_zh = e.name_zh) = 1 ORDER BY sort_order`).all() as { id: string; name_zh: string }[];
    probe.close();
    const grids = fc.record({
      names: fc.uniqueArray(fc.constantFrom(...entities), { minLength: 1, maxLength: 5, selector: (e) => e.id }),
      years: fc.uniqueArray(fc.integer({ min: 2000, max: 2030 }), { minLength: 1, maxLength: 4 }),
      values: fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 20, maxLength: 20, size: 'max' }),
    });
    try {
      await fc.assert(
        fc.asyncProperty(grids, async ({ names, years, values }) => {
          const { db, file } = openTemp();
          const grid = names.map((e, r) => [e.name_zh, ...years.map((_, c) => values[(r * years.length + c) % values.length]!)]);
          const xlsx = await handMadeXlsx((sheet) => {
            sheet.addRow(['产业', ...years.map((y) => `${y}年`)]);
            for (const row of grid) sheet.addRow(row);
          });
          const result = await importFile(db, file, xlsx, wideMapping('产业', { metric: 'added_value_growth' }));
          expect(result.added).toBe(names.length * years.length);
          const out = path.join(tempDir(), 'export.xlsx');
          await exportWorkbook(db, out, { lang: 'zh-CN' });
          const book = new ExcelJS.Workbook();
          await book.xlsx.readFile(out);
          const exported = new Map<string, number>();
          book.getWorksheet('数据')!.eachRow((row, n) => {
            if (n > 1 && row.getCell(6).text === '增加值同比增长') exported.set(`${row.getCell(2).text} ${row.getCell(10).text}`, Number(row.getCell(7).value));
          });
          names.forEach((e, r) => years.forEach((y, c) => expect(exported.get(`${e.id} ${y}`), `${e.id} ${y}`).toBe((grid[r]![c + 1] as number) + 0)));
          db.close();
        }),
        { seed, numRuns: 12 },
      );
    } catch (error) {
      throw new Error(`seed ${seed} (replay: TABLE_ROUND_TRIP_SEED=${seed}): ${(error as Error).message}`, { cause: error });
    }
  }, 240_000);
});
