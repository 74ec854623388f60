/**
 * 数据核查 (issue 12): an analyst types a figure 5× the year before in the workbench, finds it on the
 * Data checks page with a link to the figure, acknowledges it with a note and sees it listed as
 * acknowledged; the page reads the same in English and in the dark theme, and axe finds nothing serious.
 */
import path from 'node:path';
import { runChecks } from '../../electron/services/checks/run';
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
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Checks' }).click();
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

test('every out-of-date finding is acknowledged at once with one note, by keyboard; one undo opens them all again; one changed meanwhile is left open and counted', async ({ app, harness }) => {
  // A fresh install: every seeded series whose latest figure is more than two years old is listed as out of date.
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据核查' }).click();
  const stale = app.getByRole('region', { name: /数据过旧/ });
  const openTag = stale.getByText(/^\d+ 条待处理$/);
  await expect(openTag).toBeVisible();
  const count = Number((await openTag.textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(1);
  const listed = stale.getByRole('table', { name: '数据过旧：待处理' }).getByRole('button', { name: /^确认：/ });
  await expect(listed).toHaveCount(count);

  // By keyboard: the section's 确认本项全部 opens a dialog that says how many, and the note is required.
  const all = stale.getByRole('button', { name: '确认本项全部：数据过旧' });
  await all.focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: '确认“数据过旧”的全部待处理结果' });
  await expect(dialog).toContainText(`将确认本项列出的全部 ${count} 条待处理结果，每条都记下同一条说明。`);
  await expect(dialog.getByLabel('确认说明')).toBeFocused();
  await dialog.getByRole('button', { name: `确认 ${count} 条` }).click();
  await expect(dialog.getByText('请填写确认说明。')).toBeVisible();
  await dialog.getByLabel('确认说明').fill('2025 年数据尚未发布，已与省统计局确认');
  expect(await seriousViolations(app, '[role="dialog"]')).toEqual([]);
  await app.screenshot({ path: path.join(ARTIFACTS, 'checks-all-zh-light.png') });
  await dialog.getByRole('button', { name: `确认 ${count} 条` }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByText(`已确认 ${count} 条。`)).toBeVisible();

  // None open; the keyboard is on the section's heading, which says so.
  await expect(stale.getByText('未发现问题')).toBeVisible();
  await expect(stale.getByText(`已确认 ${count} 条`)).toBeVisible();
  await expect(all).toBeHidden();
  await expect(app.getByRole('heading', { level: 2, name: /数据过旧/ })).toBeFocused();

  // The header's 撤销 says what it takes back, and takes all of them back in one step.
  const undo = app.getByRole('group', { name: '撤销与重做' }).getByRole('button', { name: '撤销' });
  await expect(undo).toHaveAttribute('title', `撤销：确认 ${count} 条核查结果「数据过旧」（Ctrl/⌘+Z）`);
  await undo.click();
  await expect(app.getByText(`已撤销：确认 ${count} 条核查结果「数据过旧」`)).toBeVisible();
  await expect(stale.getByText(`${count} 条待处理`)).toBeVisible();
  await expect(listed).toHaveCount(count);

  // In English and the dark theme, while another program edits one of the listed figures: it is left open, and the answer says so.
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await app.getByRole('radiogroup', { name: '主题' }).getByRole('radio', { name: '深色' }).check();
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Checks' }).click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  const staleEn = app.getByRole('region', { name: /Out of date/ });
  await staleEn.getByRole('button', { name: 'Acknowledge all: Out of date' }).click();
  const dialogEn = app.getByRole('dialog', { name: 'Acknowledge all open findings: Out of date' });
  await expect(dialogEn).toContainText(`All ${count} open findings listed for this check will be acknowledged, each with this same note.`);
  await dialogEn.getByLabel('Note').fill('No 2025 release yet; confirmed with the provincial statistics bureau');
  // The messages of the undo and the acknowledgement before it have gone: the dialog as it is looked at.
  await expect(app.getByText(/^已/)).toHaveCount(0);
  expect(await seriousViolations(app, '[role="dialog"]')).toEqual([]);
  await app.screenshot({ path: path.join(ARTIFACTS, 'checks-all-en-dark.png') });

  const db = openDataFile(harness.dataFile);
  const edited = runChecks(db, { only: ['stale'] }).checks[0]!.open.items[0]!.figures[0]!.id;
  db.prepare(`UPDATE figures SET value = value + 1 WHERE id = ?`).run(edited);
  db.close();
  await dialogEn.getByRole('button', { name: `Acknowledge ${count} findings` }).click();
  await expect(dialogEn).toBeHidden();
  await expect(app.getByText(`${count - 1} findings acknowledged. 1 listed finding had changed since (edited elsewhere, or already acknowledged) and was left as it is.`)).toBeVisible();
  await expect(staleEn.getByText('1 open')).toBeVisible();
  await expect(staleEn.getByText(`${count - 1} acknowledged`)).toBeVisible();
  await app.screenshot({ path: path.join(ARTIFACTS, 'checks-all-en-dark-changed.png') });
});
