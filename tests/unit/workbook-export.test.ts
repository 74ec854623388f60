import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { exportWorkbook } from '../../electron/services/workbook/export';
import { openTemp, tempDir } from '../helpers/files';
import { openDataFile } from '../../electron/services/db/open';
import { addTrickyFigures, exportTo, rowOf } from '../helpers/workbooks';

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

describe('exporting a workbook', () => {
  it('writes cover, entities, figures, annotations and sources, with styled frozen headers, filters, widths, validations and notes', async () => {
    const { db } = openTemp();
    const ids = addTrickyFigures(db);
    const book = await readBook(await exportTo(db, 'zh-CN'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['封面', '产业', '数据', '批注', '来源']);

    const cover = book.getWorksheet('封面')!;
    const coverText = cover.getSheetValues().flat().map(String).join('\n');
    expect(coverText).toContain('数据工作簿');
    expect(coverText).toContain('china-daily-2024-10-23+r4');
    expect(coverText).toContain('Clusters of strategic and future industries mapped out for economic leadership');
    expect(coverText).toContain('接近（略低于）');
    expect(coverText).toContain('近100亿元');

    const entities = book.getWorksheet('产业')!;
    expect(entities.rowCount).toBe(28);
    expect(entities.getRow(1).values).toEqual([undefined, 'ID', '中文名称', '英文名称', '类别', '产值档次']);

    const figures = book.getWorksheet('数据')!;
    expect(figures.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Issue 12 added the city code and name at the end (Q → S).
    expect(figures.autoFilter).toBe('A1:S1');
    expect(figures.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(figures.getColumn(14).width).toBe(50);
    expect(figures.rowCount).toBe(1 + 24 + 4);
    const header = (figures.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(['ID', '产业编号', '产业（中文）', '产业（英文）', '范围', '指标', '数值', '单位', '限定词', '时期', '来源编号', '来源标题', '来源日期', '原文', '备注', '修改人', '修改时间', '城市代码', '城市']);

    const row = rowOf(figures, ids.precise);
    expect(row.getCell(7).value).toBe(1234.5678901234);
    expect(row.getCell(7).numFmt).toBe('General" 亿元"');
    expect(row.getCell(16).value).toBe('tester');
    expect(String(row.getCell(7).note)).toContain('统计年鉴');
    expect(rowOf(figures, ids.sum).getCell(7).value).toBe(0.1 + 0.2);
    expect(rowOf(figures, ids.sum).getCell(7).numFmt).toBe('General"%"');

    const validation = (address: string): ExcelJS.DataValidation | undefined =>
      (figures as ExcelJS.Worksheet & { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }).dataValidations.find(address);
    expect(validation('E5')).toMatchObject({ type: 'list', formulae: ['"产业,全省,20 个战略性产业集群,10 个战略性支柱产业集群,10 个战略性新兴产业集群,未来产业"'] });
    expect(validation('I29')?.formulae?.[0]).toContain('超过（下限）');
    expect(validation('H2')?.formulae?.[0]).toContain('亿元');
    expect(validation('B3')?.formulae).toEqual(["'产业'!$A$2:$A$28"]);

    const annotations = book.getWorksheet('批注')!;
    expect(annotations.getRow(2).getCell(4).value).toBe('Check against the yearly release 统计年鉴');
    expect(book.getWorksheet('来源')!.getRow(2).getCell(2).value).toBe('Clusters of strategic and future industries mapped out for economic leadership');
  });

  it('writes text that looks like a formula as plain text, and numbers with every digit', async () => {
    const { db } = openTemp();
    const ids = addTrickyFigures(db);
    const file = await exportTo(db, 'en');
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
      expect(await zip.file(name)!.async('string'), name).not.toMatch(/<f[ >]/);
    }
    const figures = (await readBook(file)).getWorksheet('Figures')!;
    const cells = (id: number): ExcelJS.Cell[] => [rowOf(figures, id).getCell(14), rowOf(figures, id).getCell(15)];
    for (const cell of [...cells(ids.precise), ...cells(ids.sum), ...cells(ids.formulaText), ...cells(ids.control)]) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
    expect(cells(ids.formulaText).map((c) => c.value)).toEqual(['=1+1', "=cmd|' /C calc'!A0"]);
    expect(cells(ids.precise).map((c) => c.value)).toEqual(['=HYPERLINK("http://example.com","x")', '+1 -2']);
    expect(rowOf(figures, ids.control).getCell(14).value).toBe('TAB\tinside');
    expect(rowOf(figures, ids.control).getCell(15).value).toBe('CR\ninside');
    expect(rowOf(figures, ids.precise).getCell(7).value).toBe(1234.5678901234);
    expect(rowOf(figures, ids.sum).getCell(7).value).toBe(0.30000000000000004);
    expect(rowOf(figures, ids.precise).getCell(8).value).toBe('100 million yuan');
  });

  it('leaves nothing at the destination when cancelled, and keeps a file that was already there', async () => {
    const { db } = openTemp();
    const insert = db.prepare(
      `INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, source_id, changed_at, changed_by)
       VALUES ('entity', 'smart-robots', 'revenue', ?, '100m_yuan', 'exact', '2023', 1, '2026-01-01T00:00:00Z', 't')`,
    );
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(i);
    })();
    const dir = tempDir();
    const target = path.join(dir, 'out.xlsx');
    fs.writeFileSync(target, 'the previous export');
    let calls = 0;
    const cancelled = exportWorkbook(db, target, {
      lang: 'zh-CN',
      progress: () => {
        if (++calls === 2) throw new AppError('CANCELLED', 'cancelled');
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']);
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous export');
  });

  it('writes one state of the file while another writer commits between its pages (an import from the command line)', async () => {
    const { db, file } = openTemp();
    const insert = db.prepare(
      `INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, source_id, changed_at, changed_by)
       VALUES ('entity', 'smart-robots', 'revenue', 7777, '100m_yuan', 'exact', '2023', 1, '2026-01-01T00:00:00Z', 't')`,
    );
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run();
    })();
    const before = db.prepare(`SELECT count(*) FROM figures WHERE deleted_at IS NULL`).pluck().get() as number;
    const target = path.join(tempDir(), 'out.xlsx');
    let imported = false;
    await exportWorkbook(db, target, {
      lang: 'zh-CN',
      progress: (done) => {
        if (done === 0 || imported) return;
        // The first page is written; the import commits every value and one more figure.
        const other = openDataFile(file, { mustExist: true });
        other.transaction(() => {
          other.prepare(`UPDATE figures SET value = 5555 WHERE value = 7777`).run();
          insert.run.call(other.prepare(insert.source));
        })();
        other.close();
        imported = true;
      },
    });
    expect(imported).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    const sheet = book.getWorksheet('数据')!;
    const values = new Set<unknown>();
    for (let r = 2; r <= sheet.rowCount; r++) values.add(sheet.getRow(r).getCell(7).value);
    // Rows of the first page at 7777 and the rest at 5555 was a state the file never held.
    expect(values.has(7777)).toBe(true);
    expect(values.has(5555)).toBe(false);
    expect(sheet.rowCount - 1).toBe(before);
    db.close();
  });

  it('fails with a clear error and leaves nothing when the destination cannot be written', async () => {
    const { db } = openTemp();
    const target = path.join(tempDir(), 'no-such-folder', 'out.xlsx');
    await expect(exportWorkbook(db, target, { lang: 'zh-CN' })).rejects.toMatchObject({ code: 'WORKBOOK_WRITE_FAILED', details: { path: target } });
    expect(fs.existsSync(path.dirname(target))).toBe(false);
  });
});
