import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, type ErrorPayload } from '../../shared/errors';
import { updateFigure } from '../../electron/services/db/figures';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { newChange } from '../../electron/services/db/revisions';
import { parseNumberText } from '../../electron/services/workbook/cells';
import { sameNumber } from '../../electron/services/workbook/diff';
import { applyImportPlan, planWorkbookImport } from '../../electron/services/workbook/import';
import { READ_LIMITS } from '../../electron/services/workbook/read';
import { ZIP_LIMITS, checkZip } from '../../electron/services/workbook/zip-check';
import { fullDump, openTemp, runCliProcess, tempDir } from '../helpers/files';
import { editWorkbook, exportTo, rowOf } from '../helpers/workbooks';

/** Figure 19 is smart robots' output value (over 100 亿元, 2023) in the seeded data file. */
const ROBOTS = 19;
const VALUE = 7;
const NOTE = 15;

async function setup(): Promise<{ db: DB; file: string; workbook: string }> {
  const { db, file } = openTemp();
  return { db, file, workbook: await exportTo(db, 'zh-CN') };
}

const figuresSheet = (book: ExcelJS.Workbook): ExcelJS.Worksheet => book.getWorksheet('数据')!;
const texts = (problems: ErrorPayload[], lang: 'zh-CN' | 'en' = 'zh-CN'): string[] => problems.map((p) => describeError(p, lang));

async function problemsOf(db: DB, workbook: string): Promise<string[]> {
  const before = fullDump(db);
  const plan = await planWorkbookImport(db, workbook);
  expect(fullDump(db)).toBe(before);
  return texts(plan.problems);
}

async function refusal(db: DB, workbook: string, limits: Parameters<typeof planWorkbookImport>[2] = {}): Promise<ErrorPayload> {
  const before = fullDump(db);
  const error = await planWorkbookImport(db, workbook, limits).then(
    () => null,
    (e: unknown) => e as ErrorPayload,
  );
  expect(error, 'the import should have been refused').not.toBeNull();
  expect(fullDump(db)).toBe(before);
  return error!;
}

describe('numbers typed as text', () => {
  it.each([
    ['1234.5', 1234.5],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['１２３', 123],
    ['１，２３４．５', 1234.5],
    ['  -12 ', -12],
    ['.5', 0.5],
  ])('accepts %j as %d', (text, value) => expect(parseNumberText(text)).toBe(value));

  it.each(['1.234,5', '1,23', '1,2', '1 234.5', '1 200', '12a', '5%', '1e5', '1.2e3', '0x10', 'Infinity', '1.234.567', '', '--1', '1,2345'])('refuses %j', (text) => expect(parseNumberText(text)).toBeNull());
});

describe('numbers a spreadsheet kept to 15 digits', () => {
  it.each([
    [0.1 + 0.2, 0.3, true],
    [123456789012345.6, 123456789012345.7, true],
    [1e-300 * 3.0000000000000004, 3e-300, true],
    [1, 1 + 1e-13, false],
    [100, 1234.5, false],
    [-2.5, 2.5, false],
    [0, -0, true],
  ])('%d and %d are the same: %s', (a, b, same) => {
    expect(sameNumber(a, b)).toBe(same);
    expect(sameNumber(b, a)).toBe(same);
  });
});

describe('importing a workbook', () => {
  it('finds no difference in an unedited export, in either language', async () => {
    const { db, workbook } = await setup();
    for (const file of [workbook, await exportTo(db, 'en')]) {
      const plan = await planWorkbookImport(db, file);
      expect(plan.problems).toEqual([]);
      expect(plan.counts).toEqual({ changed: 0, added: 0, removed: 0, unchanged: 24, newer: 0 });
    }
  });

  it('shows changed, added and removed figures with before and after, reading numbers as text and dates as periods', async () => {
    const { db, file, workbook } = await setup();
    const edited = await editWorkbook(workbook, (book) => {
      const sheet = figuresSheet(book);
      rowOf(sheet, ROBOTS).getCell(VALUE).value = '1,234.5';
      rowOf(sheet, ROBOTS).getCell(NOTE).value = { richText: [{ text: '核对' }, { font: { bold: true }, text: '统计年鉴' }] };
      rowOf(sheet, 20).getCell(VALUE).value = '１２３';
      rowOf(sheet, 1).getCell(1).value = '1';
      const added = sheet.addRow([null, 'smart-robots', '智能机器人', 'Smart robots', '产业', 'Revenue', 88.5, '亿元', 'about', new Date(Date.UTC(2024, 5, 1)), 1]);
      added.getCell(10).numFmt = 'yyyy-mm';
      sheet.spliceRows(rowOf(sheet, 2).number, 1);
    });
    const plan = await planWorkbookImport(db, edited);
    expect(texts(plan.problems)).toEqual([]);
    expect(plan.counts).toEqual({ changed: 2, added: 1, removed: 1, unchanged: 21, newer: 0 });
    expect(plan.changes.find((c) => c.figureId === ROBOTS)?.fields).toEqual([
      { field: 'value', before: 100, after: 1234.5 },
      { field: 'note', before: null, after: '核对统计年鉴' },
    ]);
    expect(plan.changes.find((c) => c.figureId === 20)?.fields).toEqual([{ field: 'value', before: 100, after: 123 }]);
    const added = plan.changes.find((c) => c.kind === 'added')!;
    expect(added.figure).toMatchObject({ entityId: 'smart-robots', metric: 'revenue', period: '2024-06', entityName: { zh: '智能机器人', en: 'Smart robots' } });
    expect(added.fields.filter((f) => f.after !== null).map((f) => [f.field, f.after])).toEqual([
      ['entityId', 'smart-robots'],
      ['scope', 'entity'],
      ['metric', 'revenue'],
      ['value', 88.5],
      ['unit', '100m_yuan'],
      ['qualifier', 'about'],
      ['period', '2024-06'],
      ['sourceId', 1],
    ]);
    expect(plan.changes.find((c) => c.kind === 'removed')).toMatchObject({ figureId: 2, row: null });

    // Applied without removals: one backup, one transaction, one revision batch under the author.
    const result = applyImportPlan(db, plan, { author: 'Wang Fang', includeRemovals: false, dataFile: file });
    expect(result).toMatchObject({ changed: 2, added: 1, removed: 0 });
    expect(fs.existsSync(result.backupPath!)).toBe(true);
    expect(path.dirname(result.backupPath!)).toBe(path.dirname(file));
    const batch = db.prepare(`SELECT action, author, target_id FROM revisions WHERE batch_id = ? ORDER BY id`).all(result.batchId) as { action: string; author: string }[];
    expect(batch.map((r) => r.action)).toEqual(['update', 'update', 'create']);
    expect(new Set(batch.map((r) => r.author))).toEqual(new Set(['Wang Fang']));
    expect((db.prepare(`SELECT count(DISTINCT batch_id) AS n FROM revisions`).get() as { n: number }).n).toBe(1);
    expect(db.prepare(`SELECT value, note, changed_by FROM figures WHERE id = ?`).get(ROBOTS)).toEqual({ value: 1234.5, note: '核对统计年鉴', changed_by: 'Wang Fang' });
    expect(db.prepare(`SELECT deleted_at FROM figures WHERE id = 2`).get()).toEqual({ deleted_at: null });
    const backup = openDataFile(result.backupPath!, { mustExist: true });
    expect(backup.prepare(`SELECT value FROM figures WHERE id = ?`).get(ROBOTS)).toEqual({ value: 100 });
    backup.close();
  });

  it('treats a value a spreadsheet rounded to 15 digits as the same, and keeps the stored full precision when other cells change', async () => {
    const { db, file } = await setup();
    db.transaction(() => {
      updateFigure(db, newChange('t'), ROBOTS, { value: 0.1 + 0.2 });
      updateFigure(db, newChange('t'), 20, { value: 0.1 + 0.2 });
    })();
    const workbook = await exportTo(db, 'zh-CN');
    // What LibreOffice writes back: 15 significant digits; one row also gets a note.
    const edited = await editWorkbook(workbook, (book) => {
      const sheet = figuresSheet(book);
      rowOf(sheet, ROBOTS).getCell(VALUE).value = 0.3;
      rowOf(sheet, ROBOTS).getCell(NOTE).value = 'checked';
      rowOf(sheet, 20).getCell(VALUE).value = 0.3;
    });
    const plan = await planWorkbookImport(db, edited);
    expect(plan.counts).toMatchObject({ changed: 1, unchanged: 23 });
    expect(plan.changes.map((c) => [c.figureId, c.fields.map((f) => f.field)])).toEqual([[ROBOTS, ['note']]]);
    applyImportPlan(db, plan, { author: 't', includeRemovals: false, dataFile: file });
    expect(db.prepare(`SELECT id, value, note FROM figures WHERE id IN (?, ?) ORDER BY id`).all(ROBOTS, 20)).toEqual([
      { id: ROBOTS, value: 0.30000000000000004, note: 'checked' },
      { id: 20, value: 0.30000000000000004, note: null },
    ]);
  });

  it('removes figures missing from the workbook only when asked', async () => {
    const { db, file, workbook } = await setup();
    const edited = await editWorkbook(workbook, (book) => {
      const sheet = figuresSheet(book);
      sheet.spliceRows(rowOf(sheet, 3).number, 1);
    });
    const result = applyImportPlan(db, await planWorkbookImport(db, edited), { author: 't', includeRemovals: true, dataFile: file });
    expect(result).toMatchObject({ changed: 0, added: 0, removed: 1 });
    expect(db.prepare(`SELECT deleted_at IS NOT NULL AS gone FROM figures WHERE id = 3`).get()).toEqual({ gone: 1 });
    expect(db.prepare(`SELECT action FROM revisions WHERE batch_id = ?`).all(result.batchId)).toEqual([{ action: 'delete' }]);
  });

  it('refuses to apply a preview once a figure it writes has changed, and writes nothing', async () => {
    const { db, file, workbook } = await setup();
    const edited = await editWorkbook(workbook, (book) => {
      rowOf(figuresSheet(book), ROBOTS).getCell(VALUE).value = 150;
    });
    const plan = await planWorkbookImport(db, edited);
    updateFigure(db, newChange('someone else'), ROBOTS, { value: 101 });
    const before = fullDump(db);
    expect(() => applyImportPlan(db, plan, { author: 't', includeRemovals: false, dataFile: file })).toThrow(expect.objectContaining({ code: 'ROWS_CHANGED' }));
    expect(fullDump(db)).toBe(before);
  });

  it('names sheet, row, column and reason for every bad cell, in both languages, and writes nothing', async () => {
    const { db, file, workbook } = await setup();
    const edited = await editWorkbook(workbook, (book) => {
      const sheet = figuresSheet(book);
      sheet.getCell('G2').value = { formula: 'G3*2', result: 20000 } as ExcelJS.CellFormulaValue;
      sheet.getCell('G3').value = '1.234,5';
      sheet.getCell('G4').value = '12a';
      sheet.getCell('G5').value = '1 234.5';
      sheet.getCell('I6').value = 'roughly';
      sheet.getCell('J7').value = '2023-13';
      sheet.getCell('B8').value = 'no-such-cluster';
      sheet.getCell('A9').value = 7;
      sheet.getCell('A10').value = 9999;
      sheet.getCell('O11').value = 'x'.repeat(READ_LIMITS.maxCellChars + 1);
      sheet.getCell('F12').value = null;
      sheet.getCell('E13').value = '全省';
      sheet.getCell('K14').value = 77;
    });
    const before = fullDump(db);
    const plan = await planWorkbookImport(db, edited);
    const zh = texts(plan.problems);
    expect(zh).toEqual([
      '工作表“数据”第 2 行 G 列（数值）：此处应为数值或文字，却是公式（=G3*2）。请粘贴为值后再导入。',
      expect.stringContaining('工作表“数据”第 3 行 G 列（数值）：“1.234,5”不是明确的数字'),
      expect.stringContaining('工作表“数据”第 4 行 G 列（数值）：“12a”不是明确的数字'),
      expect.stringContaining('工作表“数据”第 5 行 G 列（数值）：“1 234.5”不是明确的数字'),
      expect.stringContaining('工作表“数据”第 6 行 I 列（限定词）：“roughly”不是有效的值（应为：准确值、超过（下限）'),
      '工作表“数据”第 7 行 J 列（时期）：“2023-13”不是有效的值（应为：年份（2023）、季度（2023-Q2）或月份（2023-06））。',
      '工作表“数据”第 11 行 O 列（备注）：文字过长（5001 个字符，上限 5000）。',
      '工作表“数据”第 12 行 F 列（指标）：此项不能为空。',
      '工作表“数据”第 13 行 B 列（产业编号）：全省或集群组的数据不能填写产业编号。',
      '工作表“数据”第 8 行 B 列（产业编号）：数据文件中没有编号为 no-such-cluster 的产业。',
      '工作表“数据”第 9 行 A 列（ID）：编号 7 已在第 8 行出现过。',
      '工作表“数据”第 10 行 A 列（ID）：数据文件中没有编号为 9999 的数据。',
      '工作表“数据”第 14 行 K 列（来源编号）：数据文件中没有编号为 77 的来源。',
    ]);
    // The values a cell may take are listed in the reader's language only.
    expect(zh[4]).not.toMatch(/[A-Za-z]{3,}(?!.*”不是)/);
    expect(texts(plan.problems, 'en')[4]).toMatch(/\(expected: Exact; .*\)\.$/);
    expect(texts(plan.problems, 'en')[0]).toBe('Sheet "数据", row 2, column G (数值): a formula (=G3*2) where a value belongs. Paste it as a value and import again.');
    expect(() => applyImportPlan(db, plan, { author: 't', includeRemovals: false, dataFile: file })).toThrow(expect.objectContaining({ code: 'IMPORT_HAS_ERRORS' }));
    expect(fullDump(db)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('before-import'))).toEqual([]);
  });

  it('reads inline strings, columns in another order, and English labels, as other programs may write them', async () => {
    const { db } = openTemp();
    const written = path.join(tempDir(), 'written.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: written, useSharedStrings: false });
    const sheet = book.addWorksheet('Figures');
    sheet.addRow(['Note', 'ID', 'Entity ID', 'Scope', 'Metric', 'Value', 'Unit', 'Qualifier', 'Period', 'Source ID', 'Quoted sentence']).commit();
    sheet.addRow(['inline', ROBOTS, 'smart-robots', 'Industry', 'Output value', '150', '100 million yuan', 'over', '2023', 1, null]).commit();
    sheet.commit();
    await book.commit();
    // Rewrite every text cell as an inline string (<is><t>…</t></is>), as some writers do.
    const zip = await JSZip.loadAsync(fs.readFileSync(written));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const inline = xml.replace(/t="str"><v>([^<]*)<\/v>/g, 't="inlineStr"><is><t>$1</t></is>');
    expect(inline).toContain('<is><t>smart-robots</t></is>');
    zip.file('xl/worksheets/sheet1.xml', inline);
    const file = path.join(tempDir(), 'inline.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const plan = await planWorkbookImport(db, file);
    expect(plan.problems).toEqual([]);
    expect(plan.changes.find((c) => c.figureId === ROBOTS)?.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['value', 100, 150],
      ['sourceQuote', expect.stringContaining('smart robots'), null],
      ['note', null, 'inline'],
    ]);
  });
});

describe('broken and hostile files change nothing', () => {
  it('not a zip', async () => {
    const { db } = openTemp();
    const file = path.join(tempDir(), 'figures.xlsx');
    fs.writeFileSync(file, 'ID,Value\n1,2\n');
    const error = await refusal(db, file);
    expect(error.code).toBe('IMPORT_NOT_A_ZIP');
    expect(describeError(error, 'zh-CN')).toContain('不是 Excel 工作簿');
  });

  it('a truncated zip', async () => {
    const { db, workbook } = await setup();
    const file = path.join(tempDir(), 'cut.xlsx');
    const bytes = fs.readFileSync(workbook);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const error = await refusal(db, file);
    expect(error.code).toBe('IMPORT_TRUNCATED');
    expect(describeError(error, 'en')).toContain('incomplete or damaged');
  });

  it('a zip bomb: an entry with an absurd compression ratio', async () => {
    const { db } = openTemp();
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(40 * 1024 * 1024, 0x20));
    const file = path.join(tempDir(), 'bomb.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    const error = await refusal(db, file);
    expect(error).toMatchObject({ code: 'IMPORT_ZIP_BOMB', details: { entry: 'xl/worksheets/sheet1.xml', limit: ZIP_LIMITS.maxRatio } });
    expect(describeError(error, 'zh-CN')).toContain('压缩炸弹');
  });

  it('a sheet that unpacks to more than it declares is stopped at its declared size', async () => {
    const { db, workbook } = await setup();
    const bytes = fs.readFileSync(workbook);
    // Halve the uncompressed size the central directory declares for the figures sheet.
    const name = Buffer.from('xl/worksheets/sheet3.xml');
    let at = -1;
    for (let i = bytes.indexOf(0x02014b50 & 0xff); i >= 0; i = bytes.indexOf(0x50, i + 1)) {
      if (bytes.readUInt32LE(i) === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name)) at = i;
    }
    expect(at, 'central directory entry of the figures sheet').toBeGreaterThan(0);
    bytes.writeUInt32LE(Math.floor(bytes.readUInt32LE(at + 24) / 2), at + 24);
    const file = path.join(tempDir(), 'lying.xlsx');
    fs.writeFileSync(file, bytes);
    const error = await refusal(db, file);
    expect(error).toMatchObject({ code: 'IMPORT_TRUNCATED', details: { path: file, reason: expect.stringMatching(/too many bytes/) } });
    expect(describeError(error, 'en')).toContain('incomplete or damaged');
  });

  it('too much data once unpacked, and too many entries (limits lowered for the test)', async () => {
    const { db, workbook } = await setup();
    const large = await refusal(db, workbook, { zip: { ...ZIP_LIMITS, maxUncompressedBytes: 20_000 } });
    expect(describeError(large, 'en')).toBe(`The workbook unpacks to more than the 0.02 MB limit: ${workbook}. Nothing was changed.`);
    const many = await refusal(db, workbook, { zip: { ...ZIP_LIMITS, maxEntries: 5 } });
    expect(describeError(many, 'zh-CN')).toBe(`工作簿内部文件超过 5 个：${workbook}。未做任何更改。`);
    const zip = await checkZip(workbook);
    expect(zip.entries).toContain('xl/worksheets/sheet3.xml');
    expect(zip.sheets).toEqual(['封面', '产业', '数据', '批注', '来源'].map((name, i) => ({ name, entry: `xl/worksheets/sheet${i + 1}.xml` })));
  });

  it('a zip that is not a workbook', async () => {
    const { db } = openTemp();
    const zip = new JSZip();
    zip.file('word/document.xml', '<document/>');
    const file = path.join(tempDir(), 'letter.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    expect((await refusal(db, file)).code).toBe('IMPORT_NOT_A_WORKBOOK');
  });

  it('a missing figures sheet', async () => {
    const { db, workbook } = await setup();
    const edited = await editWorkbook(workbook, (book) => {
      figuresSheet(book).name = 'Data';
    });
    const error = await refusal(db, edited);
    expect(describeError(error, 'zh-CN')).toBe('工作簿中没有工作表“数据 / Figures”。请导入由本应用导出的工作簿，且不要重命名工作表。');
  });

  it('a renamed header', async () => {
    const { db, workbook } = await setup();
    const edited = await editWorkbook(workbook, (book) => {
      figuresSheet(book).getCell('G1').value = '金额';
    });
    expect(await problemsOf(db, edited)).toEqual(['工作表“数据”第 1 行缺少列标题“数值 / Value”（可能被重命名或删除）。']);
  });

  it('more rows than the limit (lowered for the test)', async () => {
    const { db, workbook } = await setup();
    const error = await refusal(db, workbook, { read: { ...READ_LIMITS, maxRows: 10 } });
    expect(describeError(error, 'zh-CN')).toBe('工作表“数据”超过 10 行的上限。请分批导入。');
  });

  it('through the command line: errors on stderr in both languages, exit 1, data file untouched', async () => {
    const { db, file, workbook } = await setup();
    const edited = await editWorkbook(workbook, (book) => {
      figuresSheet(book).getCell('G2').value = { formula: 'SUM(G3:G9)', result: 1 } as ExcelJS.CellFormulaValue;
    });
    db.close();
    const before = fs.readFileSync(file);
    const result = runCliProcess(['import', 'xlsx', edited, '--db', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('工作表“数据”第 2 行 G 列（数值）：此处应为数值或文字，却是公式（=SUM(G3:G9)）');
    expect(result.stderr).toContain('Sheet "数据", row 2, column G (数值): a formula (=SUM(G3:G9)) where a value belongs');
    expect(result.stdout).toBe('');
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    const notZip = runCliProcess(['import', 'xlsx', file, '--db', file]);
    expect(notZip.status).toBe(1);
    expect(notZip.stderr).toContain('Not an Excel workbook');
  });
});

describe('a workbook older than the data file', () => {
  /** A minute after now: an edit made in the app after the workbook was exported. */
  const later = (): Date => new Date(Date.now() + 60_000);

  it('keeps a figure changed in the app after the export, unless told to overwrite it; the rest of the workbook applies', async () => {
    const { db, file, workbook } = await setup();
    // In the app, after the export: a note on smart robots' output.
    updateFigure(db, newChange('王分析', later()), ROBOTS, { note: '备注测试' });
    // In the older workbook: another figure's value (the row for ROBOTS still has no note).
    const edited = await editWorkbook(workbook, (book) => {
      rowOf(figuresSheet(book), 20).getCell(VALUE).value = 123;
    });
    const plan = await planWorkbookImport(db, edited);
    expect(plan.counts.newer).toBe(1);
    const robots = plan.changes.find((c) => c.figureId === ROBOTS)!;
    // The preview shows it, marked newer in the data file, with when and by whom.
    expect(robots.fields).toEqual([{ field: 'note', before: '备注测试', after: null }]);
    expect(robots.newer).toEqual({ at: expect.any(String), by: '王分析' });
    expect(plan.changes.find((c) => c.figureId === 20)?.newer).toBeNull();

    applyImportPlan(db, plan, { author: 't', includeRemovals: false, dataFile: file });
    const note = (id: number): unknown => db.prepare(`SELECT note FROM figures WHERE id = ?`).pluck().get(id);
    const value = (id: number): unknown => db.prepare(`SELECT value FROM figures WHERE id = ?`).pluck().get(id);
    expect(note(ROBOTS)).toBe('备注测试');
    expect(value(20)).toBe(123);

    // Chosen: the workbook's value is written over the newer one.
    const again = await planWorkbookImport(db, edited);
    applyImportPlan(db, again, { author: 't', includeRemovals: false, overwriteNewer: true, dataFile: file });
    expect(note(ROBOTS)).toBeNull();
    db.close();
  });

  it('finds nothing newer in a workbook just exported, nor after an import of it', async () => {
    const { db, file, workbook } = await setup();
    const edited = await editWorkbook(workbook, (book) => {
      rowOf(figuresSheet(book), ROBOTS).getCell(VALUE).value = 150;
    });
    const plan = await planWorkbookImport(db, edited);
    expect(plan.counts).toMatchObject({ changed: 1, newer: 0 });
    applyImportPlan(db, plan, { author: 't', includeRemovals: false, dataFile: file });
    const fresh = await exportTo(db, 'en');
    expect((await planWorkbookImport(db, fresh)).counts).toMatchObject({ changed: 0, newer: 0 });
    db.close();
  });

  it('says so on the command line, and keeps the newer figure unless --overwrite-newer', async () => {
    const { db, file, workbook } = await setup();
    updateFigure(db, newChange('王分析', later()), ROBOTS, { note: '备注测试' });
    db.close();
    const edited = await editWorkbook(workbook, (book) => {
      rowOf(figuresSheet(book), 20).getCell(VALUE).value = 123;
    });
    const run = runCliProcess(['import', 'xlsx', edited, '--db', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("1 figure was changed in the data file after the workbook's copy: kept (--overwrite-newer writes the workbook's)");
    expect(run.stdout).toContain('1 条数据在工作簿导出后已在应用中修改，保留应用中的数据');
    expect(run.stdout).toMatch(/~ changed #19 row \d+: smart-robots output_value 2023 \(newer in the data file: .+ by 王分析; kept\)/);
    const reopened = openDataFile(file, { mustExist: true });
    expect(reopened.prepare(`SELECT note FROM figures WHERE id = ?`).pluck().get(ROBOTS)).toBe('备注测试');
    reopened.close();
  });
});
