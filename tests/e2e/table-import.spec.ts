/**
 * The statistical-table wizard as an analyst uses it: a yearbook's wide table (years across the top,
 * saved as CSV by Excel on Chinese Windows, so GBK) chosen through the Host's open dialog, its header
 * row picked, the metric and unit given for the whole table, a new source, a name confirmed from the
 * suggestions, the preview read with units, applied, and the figures seen on the industry's page.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ARTIFACTS, expect, test } from './fixtures';

const YEARBOOK = ['广东省战略性产业集群产值（亿元）,,', '产业集群,2022年,2023年', '机器人,95,120', '新能源,4500,"5,200"', '合计,4595,"5,320"', ''].join('\r\n');

test.describe('a yearbook table through the import wizard', () => {
  test.use({ openFiles: ['yearbook.csv'] });

  test('choose the file, pick the header row, map it, confirm a name, preview with units, apply, see the figures', async ({ app, harness }) => {
    fs.writeFileSync(path.join(harness.dir, 'yearbook.csv'), iconv.encode(YEARBOOK, 'gbk'));
    await app.getByRole('link', { name: '导入统计表' }).click();
    await expect(app.getByRole('heading', { level: 1, name: '导入统计表' })).toBeVisible();
    await app.getByRole('button', { name: '选择表格文件…' }).click();

    // Step 2: the encoding is said; the row with the years is offered as the header row.
    await expect(app.getByText('GBK / GB18030')).toBeVisible();
    await expect(app.getByRole('table', { name: '表格的前几行' })).toContainText('广东省战略性产业集群产值（亿元）');
    await expect(app.getByRole('radio', { name: '第 2 行为标题行' })).toBeChecked();
    await expect(app.getByText('共 5 行、3 列，全部显示在下面。')).toBeVisible();
    await app.getByRole('button', { name: '下一步' }).click();

    // Step 3: the name column is recognised, the years are periods; the metric and unit are the whole table's.
    await expect(app.getByRole('combobox', { name: '“产业集群”列的含义' })).toBeVisible();
    await expect(app.getByRole('status').filter({ hasText: '识别出的期间列' })).toContainText('2022年 → 2022；2023年 → 2023');
    // A year column's choice says it holds that year's values (it read 不导入 just above the line saying the opposite).
    const year = app.getByRole('combobox', { name: '“2022年”列的含义' }).locator('xpath=ancestor::*[contains(@class, "ant-select")][1]');
    await expect(year).toContainText('期间列（宽表）：2022');
    await app.getByRole('combobox', { name: '指标', exact: true }).click();
    await app.getByRole('option', { name: '产值', exact: true }).click();
    await app.getByRole('combobox', { name: '单位', exact: true }).click();
    await app.getByRole('option', { name: '亿元', exact: true }).click();
    await app.getByRole('textbox', { name: '映射名称' }).fill('统计年鉴 产值');
    await app.getByRole('button', { name: '保存映射' }).click();
    await expect(app.getByRole('button', { name: '使用“统计年鉴 产值”' })).toBeVisible();
    await app.getByRole('button', { name: '下一步' }).click();

    // Step 4: a new source. A date that is none is said at the field, and 下一步 waits; 2024/10/1 is a date.
    await app.getByRole('textbox', { name: '标题' }).fill('广东统计年鉴2024');
    await app.getByRole('textbox', { name: '发布方' }).fill('广东省统计局');
    await app.getByRole('textbox', { name: '发布日期（YYYY-MM-DD）' }).fill('2024/13/01');
    await expect(app.getByText('不是日期：请填写如 2024-10-23 的日期，或留空。')).toBeVisible();
    await expect(app.getByRole('button', { name: '下一步' })).toBeDisabled();
    await app.getByRole('textbox', { name: '发布日期（YYYY-MM-DD）' }).fill('2024/10/1');
    await expect(app.getByText('不是日期：请填写如 2024-10-23 的日期，或留空。')).toBeHidden();
    await app.getByRole('button', { name: '下一步' }).click();

    // Step 5: "机器人" is no industry's name; the suggestion is confirmed, then the preview has no refusals.
    await expect(app.getByRole('table', { name: '被拒绝的单元格' })).toContainText('“机器人”不是已知的产业或集群');
    await expect(app.getByRole('combobox', { name: '为“机器人”选择产业' })).toBeVisible();
    await expect(app.getByRole('button', { name: '应用导入' })).toBeDisabled();
    // The 合计 row is left out, not taken as some group (the total of two rows is no group's figure).
    await app.getByRole('combobox', { name: '为“合计”选择产业' }).click();
    await app.getByRole('option', { name: '不导入这些行（如合计、小计）' }).click();
    await app.getByRole('button', { name: '确认并重新预览' }).click();
    await expect(app.getByRole('table', { name: '被拒绝的单元格' })).toHaveCount(0);
    await expect(app.getByText('新增 2 条，修改 2 条，未变 0 条，跳过空白或不导入的单元格 2 个')).toBeVisible();
    const changes = app.getByRole('table', { name: '将新增或修改的数据' });
    await expect(changes.getByRole('row').filter({ hasText: '智能机器人' }).filter({ hasText: '2023' })).toContainText('超过100亿元 → 120亿元');
    await expect(changes.getByRole('row').filter({ hasText: '新能源' }).filter({ hasText: '2023' })).toContainText('超过5000亿元 → 5200亿元');
    await app.screenshot({ path: path.join(ARTIFACTS, 'table-import-preview-zh.png'), fullPage: true });
    await app.getByRole('button', { name: '应用导入' }).click();
    await expect(app.getByRole('status').filter({ hasText: '导入完成' })).toContainText('导入完成：新增 2 条，修改 2 条。');
    await expect(app.getByRole('button', { name: '撤销这次导入' })).toBeVisible();

    await app.goto(`${harness.origin}/#/entity/smart-robots`);
    const figures = app.getByRole('table', { name: '数据' });
    await expect(figures).toContainText('120亿元');
    await expect(figures).toContainText('95亿元');
  });
});

test.describe('in English, a workbook of several sheets with a %-formatted column', () => {
  test.use({ openFiles: ['growth.xlsx'] });

  test('pick the second sheet, map it, choose an existing source, and see the % cell converted in the preview', async ({ app, harness }) => {
    const book = new ExcelJS.Workbook();
    const notes = book.addWorksheet('说明');
    for (let i = 1; i <= 40; i++) notes.addRow([`Note ${i}`, 'provincial statistics bureau']);
    const sheet = book.addWorksheet('Growth');
    sheet.addRow(['Cluster', '2023']);
    sheet.addRow(['Smart robots', 0.052]);
    sheet.getCell('B2').numFmt = '0.0%';
    await book.xlsx.writeFile(path.join(harness.dir, 'growth.xlsx'));

    await app.getByRole('button', { name: 'English' }).click();
    await app.getByRole('link', { name: 'Import table' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Import a statistical table' })).toBeVisible();
    await app.getByRole('button', { name: 'Choose a table file…' }).click();
    await expect(app.getByText('40 rows and 2 columns; the first 30 are shown below.')).toBeVisible();
    await app.getByRole('combobox', { name: 'Sheet' }).click();
    await app.getByRole('option', { name: 'Growth' }).click();
    await expect(app.getByRole('table', { name: 'The first rows of the table' })).toContainText('Smart robots');
    await expect(app.getByRole('radio', { name: 'Row 1 is the header row' })).toBeChecked();
    await expect(app.getByText('2 rows and 2 columns, all shown below.')).toBeVisible();
    await app.getByRole('button', { name: 'Next' }).click();

    await expect(app.getByRole('combobox', { name: 'What column “Cluster” holds' })).toBeVisible();
    await app.getByRole('combobox', { name: 'Metric', exact: true }).click();
    await app.getByRole('option', { name: 'Added value growth, year on year' }).click();
    // The table's one period can be typed key by key: kept while partial ("202"), said when it is not one yet.
    const period = app.getByRole('textbox', { name: 'Period', exact: true });
    await period.pressSequentially('202');
    await expect(period).toHaveValue('202');
    await expect(app.getByText('A period is a year (2023), a quarter (2023-Q2) or a month (2023-06).')).toBeVisible();
    await period.pressSequentially('3');
    await expect(period).toHaveValue('2023');
    await expect(app.getByText('A period is a year (2023), a quarter (2023-Q2) or a month (2023-06).')).toBeHidden();
    await period.clear();
    // Away to another screen mid-way and back: the import is where it was left, the metric still chosen.
    await app.getByRole('link', { name: 'Settings' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await app.getByRole('link', { name: 'Import table' }).click();
    await expect(app.getByRole('combobox', { name: 'What column “Cluster” holds' })).toBeVisible();
    await expect(app.getByRole('combobox', { name: 'Metric', exact: true }).locator('xpath=ancestor::*[contains(@class,"ant-select")][1]')).toContainText('Added value growth, year on year');
    await app.getByRole('button', { name: 'Next' }).click();

    await app.getByRole('radio', { name: 'Choose an existing source' }).check();
    await app.getByRole('combobox', { name: 'Choose an existing source' }).click();
    await app.getByRole('option').first().click();
    await app.getByRole('button', { name: 'Next' }).click();

    await expect(app.getByText('1 to add, 0 to change, 0 unchanged; empty or left-out cells skipped: 0')).toBeVisible();
    await expect(app.getByRole('table', { name: 'Figures to add or change' })).toContainText('0.052 (cell formatted as percent) → 5.2%');
    await app.getByRole('button', { name: 'Apply import' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported: 1 added, 0 changed.');
    await app.getByRole('button', { name: 'Undo this import' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'undone' })).toContainText('This import was undone.');
  });
});
