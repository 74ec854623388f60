import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDataFile } from '../../electron/services/db/open';
import { exportWorkbook } from '../../electron/services/workbook/export';
import { ARTIFACTS, expect, startHarness, stopHarness, test, confirmAuthor } from './fixtures';

const xlsxIn = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx'));

/** The row of a figures sheet whose Entity ID / Metric cells match, by header name. */
function findRow(sheet: ExcelJS.Worksheet, entityId: string, metric: string): ExcelJS.Row {
  const col = headerIndex(sheet);
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(col('Entity ID')).value === entityId && row.getCell(col('Metric')).value === metric) return row;
  }
  throw new Error(`no row for ${entityId} ${metric}`);
}

function headerIndex(sheet: ExcelJS.Worksheet): (name: string) => number {
  const names = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  return (name) => {
    const i = names.indexOf(name);
    if (i < 1) throw new Error(`no column ${name}`);
    return i;
  };
}

/** The data file exported in English as another program would see it, edited by `edit`, saved as edited.xlsx (the file the page opens). */
async function editedExport(harness: { dataFile: string; dir: string }, edit: (figures: ExcelJS.Worksheet, col: (name: string) => number) => void): Promise<void> {
  const db = openDataFile(harness.dataFile);
  const file = path.join(harness.dir, 'source.xlsx');
  await exportWorkbook(db, file, { lang: 'en' });
  db.close();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const figures = book.getWorksheet('Figures')!;
  edit(figures, headerIndex(figures));
  await book.xlsx.writeFile(path.join(harness.dir, 'edited.xlsx'));
}

test.describe('a workbook round trip through the page', () => {
  test.use({ openFiles: ['edited.xlsx'] });

  test('export from the header, edit the file as another program would, preview, apply, see the new value', async ({ app, harness }) => {
    await app.getByRole('button', { name: '导出 Excel' }).click();
    const dialog = app.getByRole('dialog', { name: '导出 Excel 工作簿' });
    await dialog.getByRole('radio', { name: 'English' }).check();
    await dialog.getByRole('button', { name: '开始导出' }).click();
    await expect(dialog.getByRole('status')).toContainText('已导出');
    await expect(dialog.getByRole('progressbar', { name: '导出进度' })).toHaveAttribute('aria-valuenow', '100');
    await app.screenshot({ path: path.join(ARTIFACTS, 'workbook-export-done-zh.png') });
    // Finished: what comes next is opening the file or closing, not exporting again (issue 13).
    await expect(dialog.getByRole('button', { name: '开始导出' })).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: '关闭' })).toBeVisible();
    await dialog.getByRole('button', { name: '打开' }).click();
    await expect(dialog).toBeHidden();

    const [exported] = xlsxIn(harness.saveDir);
    expect(exported).toBeDefined();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(harness.saveDir, exported!));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Cover', 'Entities', 'Figures', 'Annotations', 'Sources']);
    const figures = book.getWorksheet('Figures')!;
    const col = headerIndex(figures);
    const robots = findRow(figures, 'smart-robots', 'Output value');
    expect(robots.getCell(col('Entity (Chinese)')).value).toBe('智能机器人');
    expect(robots.getCell(col('Value')).value).toBe(100);
    expect(robots.getCell(col('Unit')).value).toBe('100 million yuan');
    expect(robots.getCell(col('Qualifier')).value).toBe('Over (lower bound)');
    expect(robots.getCell(col('Source date')).value).toBe('2024-10-23');

    // Another program changes one value and one note, and saves.
    robots.getCell(col('Value')).value = 150;
    robots.getCell(col('Note')).value = '=checked against the 2024 yearbook';
    await book.xlsx.writeFile(path.join(harness.dir, 'edited.xlsx'));

    await app.getByRole('link', { name: '导入 Excel' }).click();
    await expect(app.getByRole('heading', { level: 1, name: '从 Excel 工作簿导入' })).toBeVisible();
    await app.getByRole('button', { name: '选择工作簿…' }).click();
    const changes = app.getByRole('table', { name: '导入差异' });
    await expect(changes).toContainText('智能机器人 · 产值 · 2023');
    // The value as the app writes it, with its qualifier: still a lower bound.
    await expect(changes).toContainText('数值：超过100亿元 → 超过150亿元');
    await expect(changes).toContainText('备注：（空） → =checked against the 2024 yearbook');
    await expect(app.getByText('修改 1 条，新增 0 条，删除 0 条，未变 23 条')).toBeVisible();
    await app.screenshot({ path: path.join(ARTIFACTS, 'workbook-import-preview-zh.png'), fullPage: true });
    await app.getByRole('button', { name: '应用导入' }).click();
    await expect(app.getByRole('status').filter({ hasText: '导入完成' })).toContainText('导入完成：修改 1 条，新增 0 条，删除 0 条。');
    await expect(app.getByText('导入前已备份数据文件')).toBeVisible();
    // The header's 撤销 names the import at once, by its file and count (it named the edit before the import, and refused).
    await expect(app.getByRole('button', { name: '撤销', exact: true })).toHaveAttribute('title', '撤销：导入 edited.xlsx（1 项修改）（Ctrl/⌘+Z）');

    await app.goto(`${harness.origin}/#/entity/smart-robots`);
    const table = app.getByRole('table', { name: '数据' });
    await expect(table).toContainText('超过150亿元');
    await expect(table).toContainText('=checked against the 2024 yearbook');
  });

  test('keeps a figure changed here after the workbook was exported, saying so, unless the person chooses to overwrite it', async ({ app, harness }) => {
    await editedExport(harness, (figures, col) => {
      // The workbook is a day old: its copy of smart robots' output was last changed a day before the app's.
      const robots = findRow(figures, 'smart-robots', 'Output value');
      const exported = robots.getCell(col('Changed at')).value as Date;
      robots.getCell(col('Changed at')).value = new Date(exported.getTime() - 86_400_000);
      // The older workbook changes another figure.
      findRow(figures, 'new-energy', 'Output value').getCell(col('Value')).value = 5600;
    });

    // Since then, someone noted something on smart robots' output in the app.
    await app.goto(`${harness.origin}/#/entity/smart-robots`);
    await app.getByRole('button', { name: '编辑 智能机器人 · 产值 · 2023' }).click();
    const panel = app.getByRole('dialog', { name: '编辑数据 · 智能机器人 · 产值 · 2023' });
    await panel.getByLabel('备注').fill('备注测试');
    await panel.getByRole('button', { name: '保存' }).click();
    await expect(app.getByRole('alert').filter({ hasText: '已保存' })).toBeVisible();
    await app.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    await app.getByRole('link', { name: '导入 Excel' }).click();
    await app.getByRole('button', { name: '选择工作簿…' }).click();
    await expect(app.getByText('有 1 条数据在导出这个工作簿之后已在本应用中修改过：导入将保留应用中的数据，不用工作簿中较旧的值覆盖。')).toBeVisible();
    const changes = app.getByRole('table', { name: '导入差异' });
    await expect(changes.getByRole('row').filter({ hasText: '智能机器人' })).toContainText(/应用中较新（.+，.+）：保留/);
    await expect(app.getByRole('checkbox', { name: '仍用工作簿中的值覆盖这 1 条较新的数据' })).not.toBeChecked();
    await app.screenshot({ path: path.join(ARTIFACTS, 'workbook-import-newer-zh.png'), fullPage: true });
    await app.getByRole('button', { name: '应用导入' }).click();
    await expect(app.getByRole('status').filter({ hasText: '导入完成' })).toContainText('修改 1 条');
    await app.goto(`${harness.origin}/#/entity/smart-robots`);
    await expect(app.getByRole('table', { name: '数据' })).toContainText('备注测试');
    await app.goto(`${harness.origin}/#/entity/new-energy`);
    await expect(app.getByRole('table', { name: '数据' })).toContainText('超过5600亿元');
  });

  test('takes an applied import back from its done step', async ({ app, harness }) => {
    await editedExport(harness, (figures, col) => {
      findRow(figures, 'smart-robots', 'Output value').getCell(col('Value')).value = 150;
    });

    await app.getByRole('link', { name: '导入 Excel' }).click();
    await app.getByRole('button', { name: '选择工作簿…' }).click();
    await expect(app.getByRole('table', { name: '导入差异' })).toContainText('数值：超过100亿元 → 超过150亿元');
    await app.getByRole('button', { name: '应用导入' }).click();
    await expect(app.getByRole('status').filter({ hasText: '导入完成' })).toBeVisible();
    // The header's 撤销 names the import by its file, not by its first row.
    const headerUndo = app.getByRole('group', { name: '撤销与重做' }).getByRole('button', { name: '撤销' });
    await expect(headerUndo).toHaveAttribute('title', '撤销：导入 edited.xlsx（1 项修改）（Ctrl/⌘+Z）');
    await app.getByRole('button', { name: '撤销这次导入' }).click();
    await expect(app.getByRole('status').filter({ hasText: '已撤销这次导入。' })).toBeVisible();
    await expect(app.getByRole('button', { name: '撤销这次导入' })).toHaveCount(0);
    await app.goto(`${harness.origin}/#/entity/smart-robots`);
    await expect(app.getByRole('table', { name: '数据' })).toContainText('超过100亿元');
    await expect(app.getByRole('table', { name: '数据' })).not.toContainText('超过150亿元');
  });
});

test.describe('a workbook with errors', () => {
  test.use({ openFiles: ['broken.xlsx'] });

  test('lists each error with sheet, row and column, and offers no way to apply', async ({ app, harness }) => {
    const db = openDataFile(harness.dataFile);
    const source = path.join(harness.dir, 'source.xlsx');
    await exportWorkbook(db, source, { lang: 'zh-CN' });
    db.close();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(source);
    const sheet = book.getWorksheet('数据')!;
    sheet.getCell('G3').value = { formula: 'G2*2', result: 20000 } as ExcelJS.CellFormulaValue;
    sheet.getCell('G4').value = '1.234,5';
    await book.xlsx.writeFile(path.join(harness.dir, 'broken.xlsx'));

    await app.getByRole('link', { name: '导入 Excel' }).click();
    await app.getByRole('button', { name: '选择工作簿…' }).click();
    const errors = app.getByRole('table', { name: '工作簿错误' });
    await expect(errors.getByRole('row')).toHaveCount(3);
    await expect(errors.getByRole('row').nth(1)).toContainText('数据3G');
    await expect(errors).toContainText('工作表“数据”第 3 行 G 列（数值）：此处应为数值或文字，却是公式（=G2*2）');
    await expect(errors).toContainText('工作表“数据”第 4 行 G 列（数值）：“1.234,5”不是明确的数字');
    await expect(app.getByRole('button', { name: '应用导入' })).toBeDisabled();
    await app.screenshot({ path: path.join(ARTIFACTS, 'workbook-import-errors-zh.png'), fullPage: true });

    await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
    await expect(app.getByRole('table', { name: 'Workbook errors' })).toContainText('Sheet "数据", row 3, column G (数值): a formula (=G2*2) where a value belongs');
  });
});

test('a long export shows its progress and can be cancelled, leaving no file behind', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-e2e-'));
  const dataFile = path.join(dir, 'data.sqlite');
  const db = openDataFile(dataFile);
  const insert = db.prepare(
    `INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, source_id, source_quote, note, changed_at, changed_by)
     VALUES ('entity', 'smart-robots', 'revenue', ?, '100m_yuan', 'exact', '2023', 1, 'bench', NULL, '2026-01-01T00:00:00Z', 'test')`,
  );
  db.transaction(() => {
    for (let i = 0; i < 150_000; i++) insert.run(i + 0.5);
  })();
  db.close();
  const harness = await startHarness(dataFile);
  try {
    await page.goto(harness.url);
    await confirmAuthor(page);
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Excel 工作簿' });
    await dialog.getByRole('button', { name: '开始导出' }).click();
    await expect(dialog.getByRole('status')).toContainText('已写入');
    await expect(dialog.getByRole('progressbar', { name: '导出进度' })).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog.getByRole('status')).toContainText('已取消导出，目标位置未留下任何文件。');
    expect(fs.readdirSync(harness.saveDir)).toEqual([]);
  } finally {
    await stopHarness(harness);
  }
});

test.describe('a workbook read with notes', () => {
  test.use({ openFiles: ['notes.xlsx'] });

  test('shows a %-formatted value read as a percentage, and says the 批注 sheet edits were not imported', async ({ app, harness }) => {
    const db = openDataFile(harness.dataFile);
    const source = path.join(harness.dir, 'source.xlsx');
    await exportWorkbook(db, source, { lang: 'zh-CN' });
    db.close();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(source);
    // 6.2% typed into the value cell of the province's added value growth (figure 21, 5.2 %).
    const growth = book.getWorksheet('数据')!.getRows(2, 30)!.find((r) => r.getCell(1).value === 21)!.getCell(7);
    growth.value = 0.062;
    growth.style = { ...growth.style, numFmt: '0.0%' };
    book.getWorksheet('批注')!.addRow([null, '数据', 'ID 1', '请与统计年鉴核对', '李', '待处理', '', '', '']);
    await book.xlsx.writeFile(path.join(harness.dir, 'notes.xlsx'));

    await app.getByRole('link', { name: '导入 Excel' }).click();
    await app.getByRole('button', { name: '选择工作簿…' }).click();
    await expect(app.getByText(`1 个数值单元格设为百分比格式，已按百分数读取（第一个：G${growth.row} 中为 0.062，显示为 6.2%，导入为 6.2）。`)).toBeVisible();
    const percent = app.getByRole('table', { name: '按百分数读取的数值单元格' });
    await expect(percent).toContainText(`G${growth.row}`);
    await expect(percent).toContainText('6.2');
    await expect(app.getByText('“批注”工作表中有 1 处修改未导入：批注请在应用中编辑。')).toBeVisible();
    await expect(app.getByRole('table', { name: '导入差异' })).toContainText('数值：5.2% → 6.2%');
    await app.screenshot({ path: path.join(ARTIFACTS, 'workbook-import-notes-zh.png'), fullPage: true });

    await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
    await expect(app.getByText('1 edit in the 批注 (Annotations) sheet was not imported: edit annotations in the app.')).toBeVisible();
    await expect(app.getByRole('table', { name: 'Value cells read as percentages' })).toContainText(`G${growth.row}`);
  });
});
