/**
 * A new analyst's first day (issue 13), through the browser harness on a new data file: first start,
 * find an industry, edit a figure with a new source, annotate it and resolve the note, read the
 * dashboard, build, preview and export a briefing, export the workbook, edit it as another program
 * would and import it back, switch to English and the dark theme, reload. Every step leaves a
 * screenshot in test-results/artifacts/first-day/ (a CI artifact), and axe finds no serious or
 * critical violation on any screen, charts included, in either theme.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectFirstPageDrawn } from '../helpers/preview';
import { seriousViolations } from '../helpers/axe';
import { openedDialog } from '../helpers/settled';
import { pickActiveOption } from '../helpers/workflows';
import { ARTIFACTS, confirmAuthor, expect, test } from './fixtures';

test.describe.configure({ timeout: 360_000 });
test.use({ openFiles: ['edited.xlsx'] });

const SHOTS = path.join(ARTIFACTS, 'first-day');
const ROBOTS = '智能机器人 · 产值 · 2023';
const NOTE = '请与统计局年报核对后再写入部长简报';

/** One step of the day: its screenshot, and axe over the whole screen as it stands. */
function journal(page: Page): (name: string) => Promise<void> {
  let n = 0;
  fs.mkdirSync(SHOTS, { recursive: true });
  return async (name) => {
    n++;
    await page.screenshot({ path: path.join(SHOTS, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
    expect.soft((await seriousViolations(page)).map((v) => `${name}: ${v}`)).toEqual([]);
  };
}

function headerIndex(sheet: ExcelJS.Worksheet): (name: string) => number {
  const names = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  return (name) => names.indexOf(name);
}

test("a new analyst's first day, in Chinese and English, light and dark, with a screenshot of each step", async ({ page, harness }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const shot = journal(page);
  const nav = (name: string) => page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true });

  await test.step('first start: the app asks whose name the changes go under', async () => {
    await page.goto(harness.url);
    await expect(page.getByRole('dialog', { name: '欢迎使用产业集群简报工作台' })).toBeVisible();
    await shot('first-start');
    await confirmAuthor(page, '新分析员');
    await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
    await shot('overview');
  });

  await test.step('find an industry: "quantum" on the overview, then Ctrl+K from anywhere', async () => {
    await page.getByRole('searchbox', { name: '搜索全部内容' }).fill('quantum');
    const industries = page.getByRole('region', { name: '搜索结果' }).getByRole('region', { name: '产业' });
    await expect(industries.getByRole('link', { name: /量子科技/ })).toBeVisible();
    await shot('search-overview');
    await industries.getByRole('link', { name: /量子科技/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /量子科技/ })).toBeVisible();
    await shot('entity-quantum');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: '搜索' });
    await dialog.getByRole('searchbox', { name: '搜索全部内容' }).fill('机器人');
    await expect(dialog.getByRole('link', { name: /智能机器人/ }).first()).toBeVisible();
    await shot('search-dialog');
    await dialog.getByRole('region', { name: '产业' }).getByRole('link', { name: /智能机器人/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /智能机器人/ })).toBeVisible();
  });

  const robotsRow = () => page.getByRole('table', { name: '数据列表' }).getByRole('row').filter({ hasText: '智能机器人' });
  await test.step('edit a figure with a new source', async () => {
    await nav('工作台').click();
    await expect(robotsRow()).toContainText('超过100亿元');
    await shot('workbench');
    await page.getByRole('button', { name: `编辑 ${ROBOTS}` }).click();
    const panel = page.getByRole('dialog', { name: `编辑数据 · ${ROBOTS}` });
    await panel.getByLabel('数值').fill('120');
    await panel.getByLabel('来源', { exact: true }).click();
    await panel.getByLabel('来源', { exact: true }).fill('新建来源');
    await pickActiveOption(page, '新建来源');
    const source = panel.getByRole('group', { name: '新来源' });
    await source.getByLabel('标题').fill('广东统计年鉴 2025');
    await source.getByLabel('发布方').fill('广东省统计局');
    await source.getByLabel('发布日期').fill('2025-03-01');
    await shot('figure-editor');
    await panel.getByRole('button', { name: '保存' }).click();
    await expect(robotsRow()).toContainText('超过120亿元');
    await expect(robotsRow()).toContainText('广东统计年鉴 2025');
  });

  await test.step('annotate the figure for a colleague, then resolve the note', async () => {
    await page.getByRole('tab', { name: '批注' }).click();
    const add = page.getByRole('region', { name: '添加批注' });
    await add.getByLabel('批注内容').fill(NOTE);
    await add.getByRole('button', { name: '添加批注' }).click();
    const open = page.getByRole('listitem', { name: `未解决 · ${NOTE}` });
    await expect(open).toContainText('新分析员');
    await shot('annotation-open');
    await open.getByRole('button', { name: '标记为已解决' }).click();
    await expect(page.getByRole('listitem', { name: `已解决 · ${NOTE}` })).toBeVisible();
    // The resolved note's tag and the figure's history (创建 / 修改 tags) pass axe as well: their green read 3.99:1.
    await shot('annotation-resolved');
    await page.getByRole('dialog', { name: `编辑数据 · ${ROBOTS}` }).getByRole('tab', { name: '修改历史' }).click();
    await expect(page.getByRole('dialog', { name: `编辑数据 · ${ROBOTS}` }).getByRole('tabpanel', { name: '修改历史' })).toContainText('广东统计年鉴 2025');
    await shot('figure-history');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: `编辑数据 · ${ROBOTS}` })).toBeHidden();
    await nav('批注').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await shot('annotations');
    // The note is found by the global search too.
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: '搜索' }).getByRole('searchbox').fill('统计局年报');
    await expect(page.getByRole('dialog', { name: '搜索' }).getByRole('region', { name: '批注' })).toContainText('已解决');
    await page.keyboard.press('Escape');
  });

  await test.step('read the dashboard', async () => {
    await nav('仪表盘').click();
    await expect(page.getByRole('img', { name: /增加值同比增长（2023）：20 个战略性产业集群 5\.2%/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /占全省 GDP 比重（2023）/ })).toBeVisible();
    await shot('dashboard');
  });

  await test.step('build, preview and export a one-page briefing', async () => {
    await nav('简报生成').click();
    await expect(page.getByRole('textbox', { name: '编写人' })).toHaveValue('新分析员');
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('产业集群周报（第48周）');
    await page.getByRole('button', { name: '预览' }).click();
    await expect(page.getByRole('status').filter({ hasText: /第 [12] 步/ })).toBeVisible();
    await expectFirstPageDrawn(page, { name: '第 1 页，共 1 页', text: /^产业集群周报（第48周）/ });
    await expect(page.getByText('共 1 页', { exact: false })).toBeVisible();
    await shot('briefing-preview');
    await page.getByRole('checkbox', { name: '导出后打开文件' }).uncheck();
    await page.getByRole('button', { name: '导出 PDF' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已导出' })).toBeVisible({ timeout: 60_000 });
    const [pdf] = fs.readdirSync(harness.saveDir).filter((f) => f.endsWith('.pdf'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(harness.saveDir, pdf!), '-'], { encoding: 'utf8' });
    expect(text).toContain('产业集群周报（第48周）');
    expect(text).toContain('新分析员');
  });

  await test.step('export the workbook, edit it as another program would, and import it back', async () => {
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const dialog = await openedDialog(page, '导出 Excel 工作簿');
    await dialog.getByRole('radio', { name: 'English' }).check();
    await dialog.getByRole('button', { name: '开始导出' }).click();
    await expect(dialog.getByRole('status')).toContainText('已导出');
    await shot('workbook-exported');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    const [xlsx] = fs.readdirSync(harness.saveDir).filter((f) => f.endsWith('.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(harness.saveDir, xlsx!));
    const figures = book.getWorksheet('Figures')!;
    const col = headerIndex(figures);
    let edited = 0;
    figures.eachRow((row, r) => {
      if (r > 1 && row.getCell(col('Entity ID')).value === 'smart-robots' && row.getCell(col('Metric')).value === 'Output value') {
        expect(row.getCell(col('Value')).value).toBe(120);
        row.getCell(col('Value')).value = 150;
        edited++;
      }
    });
    expect(edited).toBe(1);
    await book.xlsx.writeFile(path.join(harness.dir, 'edited.xlsx'));

    await nav('导入 Excel').click();
    await page.getByRole('button', { name: '选择工作簿…' }).click();
    await expect(page.getByRole('table', { name: '导入差异' })).toContainText(ROBOTS);
    await shot('import-preview');
    await page.getByRole('button', { name: '应用导入' }).click();
    await expect(page.getByRole('status').filter({ hasText: '导入完成' })).toBeVisible();
    await shot('import-applied');
  });

  const EN_SCREENS: [string, RegExp | string][] = [
    ['Overview', 'Overview'],
    ['Workbench', 'Figures workbench'],
    ['Dashboard', 'Dashboard'],
    ['Annotations', 'All annotations'],
    ['Briefings', 'Briefing builder'],
    ['Import Excel', 'Import from an Excel workbook'],
    ['Settings', 'Settings'],
  ];
  await test.step('switch to English and the dark theme; every screen passes axe there too', async () => {
    await page.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
    const enNav = page.getByRole('navigation', { name: 'Main navigation' });
    await enNav.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    for (const [link, heading] of EN_SCREENS) {
      await enNav.getByRole('link', { name: link, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      if (link === 'Dashboard') await expect(page.getByRole('img', { name: /Added value growth, year on year \(2023\)/ })).toBeVisible();
      await shot(`dark-en-${link.toLowerCase().replace(/\s+/g, '-')}`);
    }
    // A change undone and redone, in the figure's history, in the dark (its purple 撤销 / 重做 tags and the drawer's tabs read 3.2–3.4:1).
    await enNav.getByRole('link', { name: 'Workbench', exact: true }).click();
    const header = page.getByRole('banner');
    await header.getByRole('button', { name: /^Undo/ }).click();
    await expect(header.getByRole('button', { name: /^Redo/ })).toBeEnabled();
    await header.getByRole('button', { name: /^Redo/ }).click();
    await page.getByRole('button', { name: 'Edit Smart robots · Output value · 2023' }).click();
    const drawer = page.getByRole('dialog', { name: 'Edit figure · Smart robots · Output value · 2023' });
    await shot('dark-en-figure-editor');
    await drawer.getByRole('tab', { name: 'History' }).click();
    await expect(drawer.getByRole('tabpanel', { name: 'History' })).toContainText(/Redo|Undo/);
    await shot('dark-en-figure-history');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Search' }).getByRole('searchbox', { name: 'Search everything' }).fill('quantum');
    await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('link', { name: /Quantum technology/ })).toBeVisible();
    await shot('dark-en-search');
    await page.keyboard.press('Escape');
  });

  await test.step('reload: the language, the theme and the imported value are all still there', async () => {
    await page.goto(`${harness.origin}/#/entity/smart-robots`);
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('table').filter({ hasText: 'Output value' }).first()).toContainText('over 15 billion yuan');
    await shot('after-reload');
  });

  expect(problems, 'errors thrown in the page').toEqual([]);
});
