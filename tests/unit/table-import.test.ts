/**
 * Statistical tables in (issue 12): yearbook tables made the ways analysts get them — written by
 * LibreOffice, hand-made with a %-formatted column, Excel's GBK CSV, a UTF-8 CSV with a BOM — mapped
 * onto figures, previewed, applied as one undoable batch, re-applied to no effect; and every refusal
 * naming sheet, row and column while the data file stays exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../shared/errors';
import { AppError } from '../../shared/errors';
import { applyTablePlan } from '../../electron/services/tables/apply';
import { readTable, TABLE_LIMITS } from '../../electron/services/tables/read';
import { planTableImport } from '../../electron/services/tables/plan';
import { undo, undoStateWithBatches } from '../../electron/services/db/undo';
import { describeChange } from '../../shared/history';
import { listDeleted } from '../../electron/services/workbench/lists';
import { setItemDeleted } from '../../electron/services/workbench/actions';
import { saveMetric } from '../../electron/services/workbench/actions';
import { fullDump, openTemp, tempDir } from '../helpers/files';
import { handMadeXlsx, importFile, libreOfficeXlsx, planFile, wideMapping, writeCsv, type Grid } from '../helpers/tables';
import { SKIP_LIBREOFFICE } from '../helpers/workbooks';

const YEARBOOK: Grid = [
  ['广东省战略性产业集群产值（亿元）', null, null, null],
  ['产业集群', '2021年', '2022年', '2023年'],
  ['智能机器人', 80, 95, 120],
  ['New energy', 4000, 4500, '5,200'],
  ['半导体与集成电路产业集群', 800, '-', 1100],
  ['全省', 150000, 160000, '…'],
  ['注：2023年为初步核算数。', null, null, null],
];

const value = (db: ReturnType<typeof openTemp>['db'], entity: string | null, period: string, metric = 'output_value'): number | undefined =>
  (
    db.prepare(`SELECT value FROM figures WHERE deleted_at IS NULL AND entity_id IS ? AND metric = ? AND period = ? ORDER BY id LIMIT 1`).get(entity, metric, period) as
      | { value: number }
      | undefined
  )?.value;

describe.skipIf(SKIP_LIBREOFFICE)('a wide yearbook table written by LibreOffice', () => {
  it('maps years across the top, names in either language, previews before → after with units, applies as one batch, undoes, and re-applies to no change', async () => {
    const { db, file } = openTemp();
    const xlsx = libreOfficeXlsx(YEARBOOK);
    const mapping = wideMapping('产业集群', { metric: 'output_value', unit: '100m_yuan' }, 2);
    const plan = await planFile(db, xlsx, mapping);
    expect(plan.problems).toEqual([]);
    expect(plan.periodColumns.map((p) => p.period)).toEqual(['2021', '2022', '2023']);
    // 10 values; the "-" and "…" cells skipped; the three 2023 output tiers stored ("over 100" for 智能机器人) become exact values.
    expect(plan.counts).toEqual({ added: 7, changed: 3, unchanged: 0, skipped: 2 });
    const robots = plan.changes.find((c) => c.entityId === 'smart-robots' && c.period === '2023')!;
    expect(robots).toMatchObject({ kind: 'changed', figureId: 19, row: 3, column: 'D', before: { value: 100, unit: '100m_yuan', qualifier: 'over' }, after: { value: 120, unit: '100m_yuan', qualifier: 'exact' } });
    expect(plan.changes.find((c) => c.entityId === 'new-energy' && c.period === '2023')!.after.value).toBe(5200);
    expect(plan.changes.find((c) => c.scope === 'province' && c.period === '2021')!.after.value).toBe(150000);

    const before = fullDump(db);
    const result = applyTablePlan(db, plan, { author: '李分析', dataFile: file, source: { kind: 'new', source: { title: '广东统计年鉴2024', publisher: '广东省统计局', author: null, publishedOn: '2024-10-01', url: null, excerpt: null } } });
    expect(result).toMatchObject({ added: 7, changed: 3 });
    expect(result.backupPath).toMatch(/before-table-import/);
    expect(value(db, 'smart-robots', '2023')).toBe(120);
    expect(value(db, 'semiconductors-ic', '2021')).toBe(800);
    expect(db.prepare(`SELECT count(DISTINCT batch_id) FROM revisions WHERE batch_id = ?`).pluck().get(result.batchId)).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM revisions WHERE batch_id = ?`).pluck().get(result.batchId)).toBe(11); // 10 figures + the new source
    // Undo names it by its file, not by its first row.
    expect(describeChange(undoStateWithBatches(db).undoWhat!, 'zh-CN')).toBe(`导入 ${path.basename(xlsx)}（11 项修改）`);
    const source = db.prepare(`SELECT title FROM sources WHERE id = ?`).pluck().get(result.sourceId);
    expect(source).toBe('广东统计年鉴2024');

    // The same table again: nothing to do.
    const again = await planFile(db, xlsx, mapping);
    expect(again.counts).toEqual({ added: 0, changed: 0, unchanged: 10, skipped: 2 });

    // Undo takes the whole import back: every figure as it was, the new source deleted.
    undo(db, '李分析');
    expect(value(db, 'smart-robots', '2023')).toBe(100);
    expect(value(db, 'semiconductors-ic', '2021')).toBeUndefined();
    // Who changed a figure when is the undo's own record; everything else is as before the import.
    type Rows = { rows: { figures: Record<string, unknown>[]; sources: Record<string, unknown>[] } };
    const live = (dump: string): Rows['rows'] => {
      const { rows } = JSON.parse(dump) as Rows;
      const strip = ({ changed_at: _a, changed_by: _b, ...rest }: Record<string, unknown>): Record<string, unknown> => rest;
      return { figures: rows.figures.filter((f) => f.deleted_at === null).map(strip), sources: rows.sources.filter((s) => s.deleted_at === null) };
    };
    expect(live(fullDump(db))).toEqual(live(before));
    // The figures the undone import had added are not in 已删除的内容: nobody deleted them (redo brings them back, all together).
    expect(listDeleted(db).filter((d) => d.targetType === 'figure')).toEqual([]);
    // A figure the person deleted is, and stays there after its restore is undone.
    const deleted = db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots' AND period = '2023' AND deleted_at IS NULL`).pluck().get() as number;
    setItemDeleted(db, { targetType: 'figure', targetId: String(deleted) }, true);
    expect(listDeleted(db).map((d) => d.targetId)).toEqual([String(deleted)]);
    setItemDeleted(db, { targetType: 'figure', targetId: String(deleted) }, false);
    undo(db, '李分析');
    expect(listDeleted(db).map((d) => d.targetId)).toEqual([String(deleted)]);
  }, 240_000);
});

describe('CSV encodings', () => {
  it('reads Excel’s GBK CSV and says so; a UTF-8 CSV with a BOM and a UTF-16 one read the same', async () => {
    const grid: Grid = [['产业', '2022', '2023'], ['智能机器人', 95, 120], ['生物医药与健康', '1,500.5', '１６００']];
    const tables = await Promise.all((['gbk', 'utf-8-bom', 'utf-16le', 'utf-8'] as const).map((enc) => readTable(writeCsv(grid, enc), null)));
    expect(tables.map((t) => t.encoding)).toEqual(['gb18030', 'utf-8-bom', 'utf-16le', 'utf-8']);
    const { db } = openTemp();
    for (const table of tables) {
      const plan = planTableImport(db, table, wideMapping('产业', { metric: 'revenue', unit: '100m_yuan' }));
      expect(plan.problems).toEqual([]);
      expect(plan.changes.map((c) => [c.entityId, c.period, c.after.value])).toEqual([
        ['smart-robots', '2022', 95],
        ['smart-robots', '2023', 120],
        ['biomedicine-health', '2022', 1500.5],
        ['biomedicine-health', '2023', 1600],
      ]);
    }
  });
});

describe('a hand-made workbook with a %-formatted column', () => {
  it('reads 0.052 in a % cell as 5.2 for a percent metric, and shows the conversion in the preview', async () => {
    const xlsx = await handMadeXlsx((sheet) => {
      sheet.addRow(['集群', '指标', '2023年']);
      sheet.addRow(['智能机器人', '增加值同比增长', 0.052]);
      sheet.addRow(['Smart home appliances', 'Added value growth, year on year', -0.013]);
      sheet.getColumn(3).numFmt = '0.0%';
    });
    const { db } = openTemp();
    const mapping = { ...wideMapping('集群', {}), columns: [{ header: '集群', role: 'entity' as const }, { header: '指标', role: 'metric' as const }] };
    const plan = await planFile(db, xlsx, mapping);
    expect(plan.problems).toEqual([]);
    expect(plan.changes.map((c) => [c.entityId, c.metric, c.after, c.percentCell])).toEqual([
      ['smart-robots', 'added_value_growth', { value: 5.2, unit: 'percent', qualifier: 'exact' }, 0.052],
      ['smart-home-appliances', 'added_value_growth', { value: -1.3, unit: 'percent', qualifier: 'exact' }, -0.013],
    ]);
  });

  it('refuses a %-formatted cell for a money metric, naming sheet, row and column', async () => {
    const xlsx = await handMadeXlsx((sheet) => {
      sheet.addRow(['集群', '2023']);
      sheet.addRow(['智能机器人', 0.5]);
      sheet.getCell('B2').numFmt = '0%';
    });
    const { db } = openTemp();
    const plan = await planFile(db, xlsx, wideMapping('集群', { metric: 'output_value', unit: '100m_yuan' }));
    expect(plan.problems).toHaveLength(1);
    expect(describeError(plan.problems[0]!, 'zh-CN')).toBe('工作表“表1”第 2 行 B 列（2023）：单元格设为百分比格式（显示为 50%），但此行的单位不是百分比。请去掉百分比格式并填写以本行单位计的数值。');
  });
});

describe('entity names the analyst confirms', () => {
  it('suggests the entities a name resembles, refuses it until confirmed, then maps it', async () => {
    const csv = writeCsv([['产业', '2023'], ['生物医药', 1800], ['机器人', 130], ['不存在的产业', 1], ['先进材料', 9000]], 'utf-8');
    const { db, file } = openTemp();
    const mapping = wideMapping('产业', { metric: 'output_value', unit: '100m_yuan' });
    const plan = await planFile(db, csv, mapping);
    expect(plan.unmatched.map((u) => [u.name, u.rows, u.suggestions[0]?.entityId ?? null])).toEqual([
      ['生物医药', [2], 'biomedicine-health'],
      ['机器人', [3], 'smart-robots'],
      ['不存在的产业', [4], null],
      // Two entities are called 先进材料 (a pillar cluster and a future industry): neither is guessed.
      ['先进材料', [5], 'advanced-materials'],
    ]);
    expect(plan.unmatched[3]!.suggestions.map((s) => s.entityId)).toEqual(['advanced-materials', 'future-advanced-materials']);
    expect(plan.problems.map((p) => describeError(p, 'en'))).toEqual([
      'Sheet "table", row 2, column A (产业): "生物医药" is not a known industry or cluster (did you mean: 生物医药与健康（biomedicine-health）? Confirm it in the wizard).',
      expect.stringContaining('Sheet "table", row 3, column A (产业): "机器人" is not a known industry or cluster (did you mean: 智能机器人（smart-robots）'),
      'Sheet "table", row 4, column A (产业): "不存在的产业" is not a known industry or cluster (pick an industry for it in the wizard).',
      'Sheet "table", row 5, column A (产业): "先进材料" is not a known industry or cluster (did you mean: 先进材料（advanced-materials）、先进材料（future-advanced-materials）? Confirm it in the wizard).',
    ]);
    const before = fullDump(db);
    expect(() => applyTablePlan(db, plan, { author: '李分析', dataFile: file, source: { kind: 'existing', id: 1 } })).toThrow(expect.objectContaining({ code: 'IMPORT_HAS_ERRORS' }));
    expect(fullDump(db)).toBe(before);

    const confirmed = { ...mapping, entityNames: { 生物医药: { entityId: 'biomedicine-health' }, 机器人: { entityId: 'smart-robots' }, 不存在的产业: { scope: 'province' as const }, 先进材料: { entityId: 'future-advanced-materials' } } };
    const result = await importFile(db, file, csv, confirmed);
    expect(result).toMatchObject({ added: 2, changed: 2 });
    expect(value(db, 'biomedicine-health', '2023')).toBe(1800);
    expect(value(db, 'future-advanced-materials', '2023')).toBe(9000);
    expect(value(db, 'advanced-materials', '2023')).toBe(10000);
  });

  it('leaves out the rows of a name the analyst chose to leave out (合计): skipped, not refused, nothing written for them', async () => {
    const csv = writeCsv([['产业', '2022', '2023'], ['智能机器人', 95, 130], ['合计', 95, 130]], 'utf-8');
    const { db, file } = openTemp();
    const mapping = wideMapping('产业', { metric: 'output_value', unit: '100m_yuan' });
    expect((await planFile(db, csv, mapping)).unmatched.map((u) => u.name)).toEqual(['合计']);
    const left = { ...mapping, entityNames: { 合计: { skip: true as const } } };
    const plan = await planFile(db, csv, left);
    expect(plan.problems).toEqual([]);
    expect(plan.unmatched).toEqual([]);
    expect(plan.counts.skipped).toBe(2);
    const figures = (): number => db.prepare(`SELECT count(*) FROM figures WHERE deleted_at IS NULL`).pluck().get() as number;
    const before = figures();
    expect(await importFile(db, file, csv, left)).toMatchObject({ added: 1, changed: 1 });
    expect(figures()).toBe(before + 1);
  });
});

describe('refusals name sheet, row and column and write nothing', () => {
  const refusedBy = async (make: () => Promise<string> | string, mapping = wideMapping('产业', { metric: 'output_value', unit: '100m_yuan' })): Promise<string[]> => {
    const { db, file } = openTemp();
    const before = fullDump(db);
    let words: string[];
    try {
      const plan = await planFile(db, await make(), mapping);
      words = plan.problems.map((p) => describeError(p, 'zh-CN'));
      expect(() => applyTablePlan(db, plan, { author: '李分析', dataFile: file, source: { kind: 'existing', id: 1 } })).toThrow(AppError);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      words = [describeError(error.toPayload(), 'zh-CN')];
    }
    expect(fullDump(db)).toBe(before);
    return words;
  };

  it('a formula', async () => {
    const words = await refusedBy(() =>
      handMadeXlsx((sheet) => {
        sheet.addRow(['产业', '2023']);
        sheet.addRow(['智能机器人', { formula: '100+20', result: 120 }]);
      }),
    );
    expect(words).toEqual(['工作表“表1”第 2 行 B 列（2023）：此处应为数值或文字，却是公式（=100+20）。请粘贴为值后再导入。']);
  });

  it('too many rows', async () => {
    const csv = writeCsv([['产业', '2023'], ...Array.from({ length: 30 }, () => ['智能机器人', 1])], 'utf-8');
    const { db } = openTemp();
    const before = fullDump(db);
    await expect(readTable(csv, null, { ...TABLE_LIMITS, maxRows: 20 })).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', details: { sheet: 'table', limit: 20 } });
    expect(fullDump(db)).toBe(before);
  });

  it('a number that is not one, and 万 left for the analyst to decide', async () => {
    const words = await refusedBy(() => writeCsv([['产业', '2022', '2023'], ['智能机器人', '1.234,5', '1.2万']], 'utf-8'));
    expect(words).toEqual([
      '工作表“table”第 2 行 B 列（2022）：“1.234,5”不是明确的数字（可接受 1234.5、1,234.5 或全角数字；不接受 1.234,5、空格分组、百分号或字母）。',
      '工作表“table”第 2 行 C 列（2023）：“1.2万”带有“万”或“亿”。本应用不替您换算：请写出完整数字（1.2万 写作 12000），或选用相应单位（万元、亿元）。',
    ]);
  });

  it('an unknown metric, a city that is not in Guangdong, a negative output value', async () => {
    const words = await refusedBy(
      () => writeCsv([['产业', '城市', '指标', '2023'], ['智能机器人', '广州', '幸福指数', 3], ['智能机器人', '长沙市', '产值', 3], ['智能机器人', '深圳', '产值', -3]], 'utf-8'),
      { ...wideMapping('产业', { unit: '100m_yuan' }), columns: [{ header: '产业', role: 'entity' }, { header: '城市', role: 'city' }, { header: '指标', role: 'metric' }] },
    );
    expect(words).toEqual([
      '工作表“table”第 2 行 C 列（指标）：“幸福指数”不是指标目录中的指标。请先在指标目录中添加它，或改用已有指标。',
      '工作表“table”第 3 行 B 列（城市）：“长沙市”不是广东省的地级市（可写“广州”“广州市”“Guangzhou”，全省写“全省”或“广东省”）。',
      '工作表“table”第 4 行 D 列（2023）：此指标不能为负数（-3）。',
    ]);
  });

  it('two columns mapped to one meaning', async () => {
    const words = await refusedBy(() => writeCsv([['产业', '行业', '2023'], ['智能机器人', '机器人', 1]], 'utf-8'), {
      ...wideMapping('产业', { metric: 'output_value', unit: '100m_yuan' }),
      columns: [
        { header: '产业', role: 'entity' },
        { header: '行业', role: 'entity' },
      ],
    });
    expect(words).toEqual(['工作表“table”第 1 行：列“产业”和列“行业”都被设为同一含义（产业）。每种含义只能对应一列；宽表的年份列不必设置。']);
  });

  it('a mapping naming a column the table lacks', async () => {
    const words = await refusedBy(() => writeCsv([['集群', '2023'], ['智能机器人', 1]], 'utf-8'));
    expect(words).toEqual(['工作表“table”第 1 行：标题行中找不到列“产业”（映射里有这一列，表格里没有）。']);
  });
});

describe('files and mappings that cannot be read are refused before anything is compared', () => {
  const refusal = async (file: string, mapping = wideMapping('产业', { metric: 'output_value', unit: '100m_yuan' }), limits = TABLE_LIMITS): Promise<{ code: string; zh: string; en: string }> => {
    const { db } = openTemp();
    const before = fullDump(db);
    const error = await readTable(file, mapping.sheet, limits)
      .then((table) => planTableImport(db, table, mapping))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(AppError);
    expect(fullDump(db)).toBe(before);
    const payload = (error as AppError).toPayload();
    return { code: payload.code, zh: describeError(payload, 'zh-CN'), en: describeError(payload, 'en') };
  };
  const named = (name: string, bytes: string | Buffer): string => {
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('another format, or an .xlsx that is not one', async () => {
    expect((await refusal(named('table.ods', 'PK'))).code).toBe('TABLE_UNSUPPORTED_FILE');
    expect((await refusal(named('table.xlsx', '产业,2023\n智能机器人,1\n'))).code).toBe('IMPORT_NOT_A_ZIP');
  });

  it('a header row below the end of the table, a mapping without a metric', async () => {
    const csv = writeCsv([['产业', '2023'], ['智能机器人', 1]], 'utf-8');
    expect(await refusal(csv, wideMapping('产业', { metric: 'output_value' }, 9))).toMatchObject({ code: 'TABLE_BAD_HEADER_ROW', zh: expect.stringContaining('工作表“table”第 9 行') });
    expect(await refusal(csv, wideMapping('产业', {}))).toMatchObject({ code: 'TABLE_MAPPING_INCOMPLETE', en: expect.stringContaining('metric missing') });
  });

  it('too many columns, too many cells, a CSV too large', async () => {
    const wide = writeCsv([['产业', ...Array.from({ length: 12 }, (_, i) => `${2000 + i}`)], ['智能机器人', ...Array.from({ length: 12 }, () => 1)]], 'utf-8');
    expect(await refusal(wide, undefined, { ...TABLE_LIMITS, maxColumns: 10 })).toMatchObject({ code: 'TABLE_TOO_MANY_COLUMNS', zh: expect.stringContaining('第 1 行') });
    expect(await refusal(wide, undefined, { ...TABLE_LIMITS, maxCells: 20 })).toMatchObject({ code: 'TABLE_TOO_MANY_CELLS', en: expect.stringContaining('row 2') });
    expect((await refusal(wide, undefined, { ...TABLE_LIMITS, maxCsvBytes: 10 })).code).toBe('TABLE_TOO_LARGE');
  });
});

describe('a preview goes stale', () => {
  it('refuses with ROWS_CHANGED when a figure it changes was edited after the preview, writing nothing', async () => {
    const csv = writeCsv([['产业', '2023'], ['智能机器人', 150]], 'utf-8');
    const { db, file } = openTemp();
    const plan = await planFile(db, csv, wideMapping('产业', { metric: 'output_value', unit: '100m_yuan' }));
    expect(plan.changes).toHaveLength(1);
    const other = await planFile(db, writeCsv([['产业', '2023'], ['智能机器人', 160]], 'utf-8'), wideMapping('产业', { metric: 'output_value', unit: '100m_yuan' }));
    applyTablePlan(db, other, { author: '王同事', dataFile: file, source: { kind: 'existing', id: 1 } });
    const before = fullDump(db);
    expect(() => applyTablePlan(db, plan, { author: '李分析', dataFile: file, source: { kind: 'existing', id: 1 } })).toThrow(expect.objectContaining({ code: 'ROWS_CHANGED' }));
    expect(fullDump(db)).toBe(before);
  });
});

describe('cities down the side, a metric the analyst added', () => {
  it('maps city names with or without 市, in English, and 全省 to province-wide; writes each figure’s city; a custom metric takes its own unit', async () => {
    const { db, file } = openTemp();
    saveMetric(db, { metric: { name: { zh: '专利授权量', en: 'Patents granted' }, kind: 'other', unitLabel: { zh: '件', en: 'patents' }, mayBeNegative: false, description: '' } });
    const metric = db.prepare(`SELECT id FROM metrics WHERE name_zh = '专利授权量'`).pluck().get() as string;
    const csv = writeCsv([['城市', '2022', '2023'], ['广州', 1200, 1350], ['深圳市', 3100, 3300], ['Foshan', 800, 900], ['全省', 9000, 9800], ['长沙', 1, 1]], 'gbk');
    const mapping = { ...wideMapping('城市', { entity: { entityId: 'smart-robots' }, metric }), columns: [{ header: '城市', role: 'city' as const }] };
    const refused = await planFile(db, csv, mapping);
    expect(refused.problems.map((p) => describeError(p, 'en'))).toEqual([expect.stringMatching(/^Sheet "table", row 6, column A \(城市\): "长沙" is not a prefecture-level city of Guangdong/)]);

    const table = writeCsv([['城市', '2022', '2023'], ['广州', 1200, 1350], ['深圳市', 3100, 3300], ['Foshan', 800, 900], ['全省', 9000, 9800]], 'gbk');
    const result = await importFile(db, file, table, mapping);
    expect(result.added).toBe(8);
    const rows = db.prepare(`SELECT city_code AS city, period, value, unit FROM figures WHERE metric = ? ORDER BY city_code IS NULL, city_code, period`).all(metric);
    expect(rows).toEqual([
      { city: '440100', period: '2022', value: 1200, unit: 'metric_unit' },
      { city: '440100', period: '2023', value: 1350, unit: 'metric_unit' },
      { city: '440300', period: '2022', value: 3100, unit: 'metric_unit' },
      { city: '440300', period: '2023', value: 3300, unit: 'metric_unit' },
      { city: '440600', period: '2022', value: 800, unit: 'metric_unit' },
      { city: '440600', period: '2023', value: 900, unit: 'metric_unit' },
      { city: null, period: '2022', value: 9000, unit: 'metric_unit' },
      { city: null, period: '2023', value: 9800, unit: 'metric_unit' },
    ]);
    // The same table again: the city is part of what a figure is about, so nothing changes.
    expect((await planFile(db, table, mapping)).counts).toEqual({ added: 0, changed: 0, unchanged: 8, skipped: 0 });
  });
});
