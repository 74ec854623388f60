/**
 * 数据核查 (issue 12): an analyst types a figure 5× the year before in the workbench, finds it on the
 * Data checks page with a link to the figure, acknowledges it with a note and sees it listed as
 * acknowledged; the page reads the same in English and in the dark theme, and axe finds nothing serious.
 */
import path from 'node:path';
import { openDataFile } from '../../electron/services/db/open';
import { seriousViolations } from '../helpers/axe';
import { ARTIFACTS, expect, test } from './fixtures';

test.describe.configure({ timeout: 150_000 });

const ROBOTS = '智能机器人 · 产值 · 2023';

test('a figure 5× its previous year is found, opened, acknowledged with a note and listed as acknowledged', async ({ app, harness }) => {
  // Last year's statistical table is already in the file: 智能机器人 produced 100 亿元 in 2022.
  // (through the app's own connection code: the search index's triggers call its functions)
  const db = openDataFile(harness.dataFile);
  db.prepare(
    `INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, source_id, changed_at, changed_by)
     VALUES ('entity', 'smart-robots', 'output_value', 100, '100m_yuan', 'exact', '2022', 1, '2026-01-01T00:00:00.000Z', '测试分析员')`,
  ).run();
  db.close();

  // In the workbench, 2023's output is typed as 500 亿元: five times 2022's.
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
  await app.getByRole('button', { name: `编辑 ${ROBOTS}` }).click();
  const panel = app.getByRole('dialog', { name: `编辑数据 · ${ROBOTS}` });
  await panel.getByLabel('数值').fill('500');
  await panel.getByRole('button', { name: '保存' }).click();
  await expect(panel.getByRole('region', { name: `${ROBOTS} 的修改历史` }).getByRole('listitem').first()).toContainText('超过500亿元');
  await panel.getByRole('button', { name: '取消' }).click();

  // The dashboard's card counts it and leads to the page.
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '仪表盘' }).click();
  await expect(app.getByRole('list', { name: '数据核查' }).getByRole('link', { name: /同比异常波动 1/ })).toBeVisible();
  await app.getByRole('link', { name: '查看数据核查' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '数据核查' })).toBeVisible();

  const jumps = app.getByRole('region', { name: /同比异常波动/ });
  await expect(jumps.getByText('1 条待处理')).toBeVisible();
  const row = jumps.getByRole('table', { name: '同比异常波动：待处理' }).getByRole('row').filter({ hasText: '×5' });
  await expect(row).toContainText('智能机器人');
  await expect(app.getByRole('region', { name: /缺少来源/ }).getByText('未发现问题')).toBeVisible();
  expect(await seriousViolations(app)).toEqual([]);
  await app.screenshot({ path: path.join(ARTIFACTS, 'checks-zh-light.png'), fullPage: true });

  // The figure opens in the workbench's drawer, from the finding.
  // Named by what it is, its period once; it reads as its period, not as "#24".
  const figureLink = row.getByRole('button', { name: '打开数据：智能机器人 · 产值 · 2023', exact: true });
  await expect(figureLink).toHaveText('2023');
  await figureLink.click();
  const drawer = app.getByRole('dialog', { name: /编辑数据 · 智能机器人 · 产值 · 2023/ });
  await expect(drawer.getByLabel('数值')).toHaveValue('500');
  await drawer.getByRole('button', { name: '取消' }).click();
  await expect(drawer).toBeHidden();

  // Acknowledged with a note: the note is required.
  await row.getByRole('button', { name: `确认：${ROBOTS}` }).click();
  const dialog = app.getByRole('dialog', { name: '确认这条核查结果' });
  // The note takes the keys at once, with or without motion.
  await expect(dialog.getByLabel('确认说明')).toBeFocused();
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(dialog.getByText('请填写确认说明。')).toBeVisible();
  await dialog.getByLabel('确认说明').fill('2023 年起统计口径扩大，已与省统计局核对');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(dialog).toBeHidden();
  await expect(jumps.getByText('未发现问题')).toBeVisible();
  await expect(jumps.getByText('已确认 1 条')).toBeVisible();
  // Its row is gone: the keyboard is at the next finding's 确认, or the heading, not back at the page's start.
  await expect.poll(() => app.evaluate(() => (document.activeElement?.matches('button[data-acknowledge], h1') ? 'kept' : document.activeElement?.tagName))).toBe('kept');

  await app.getByRole('switch', { name: '显示已确认的结果' }).click();
  const acknowledged = jumps.getByRole('table', { name: '同比异常波动：已确认' });
  await expect(acknowledged.getByRole('row').filter({ hasText: '×5' })).toContainText('测试分析员');
  await expect(acknowledged).toContainText('2023 年起统计口径扩大，已与省统计局核对');

  // The same page in English and in the dark theme.
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await app.getByRole('radiogroup', { name: '主题' }).getByRole('radio', { name: '深色' }).check();
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Data checks' }).click();
  const jumpsEn = app.getByRole('region', { name: /Year-on-year jump/ });
  await expect(jumpsEn.getByText('1 acknowledged')).toBeVisible();
  await app.getByRole('switch', { name: 'Show acknowledged findings' }).click();
  await expect(jumpsEn.getByRole('table', { name: 'Year-on-year jump: acknowledged' })).toContainText('Smart robots');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await seriousViolations(app)).toEqual([]);
  await app.screenshot({ path: path.join(ARTIFACTS, 'checks-en-dark.png'), fullPage: true });

  // Withdrawing it opens it again, by keyboard.
  const withdraw = jumpsEn.getByRole('button', { name: 'Withdraw the acknowledgement: Smart robots · Output value · 2023' });
  await withdraw.focus();
  await app.keyboard.press('Enter');
  await expect(jumpsEn.getByText('1 open')).toBeVisible();
});
