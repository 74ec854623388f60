/**
 * 简报编发 (issue 10) through the browser harness, by role and label: the archive with the shipped
 * 示例, Settings' frame defaults in a new draft, autosave with undo, a save that fails and keeps the
 * text, and the journey of an issue from draft to 签发, export and 更正.
 */
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true });

/** axe over the screen as it stands: no serious or critical violation. */
async function axeClean(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect.soft(bad.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** On 简报编发, start a draft with this title (and language) and wait for its page. */
async function newDraft(page: Page, title: string, lang = '中文'): Promise<void> {
  await nav(page, '简报编发').click();
  await expect(page.getByRole('heading', { level: 1, name: '简报编发' })).toBeVisible();
  await page.getByRole('textbox', { name: '新简报标题' }).fill(title);
  await page.getByRole('radiogroup', { name: '简报语言' }).getByRole('radio', { name: lang }).check();
  await page.getByRole('button', { name: '新建简报' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
}

test('the archive lists the shipped 示例 under its year, marked 示例, and finds it by search', async ({ app }) => {
  await nav(app, '简报编发').click();
  const archive = app.getByRole('region', { name: '归档' });
  const year2024 = archive.getByRole('region', { name: '2024年' });
  const example = year2024.getByRole('listitem').filter({ hasText: '示例：2023年全省战略性产业集群发展情况' });
  await expect(example).toContainText('2024年第1期');
  await expect(example).toContainText('示例');
  await expect(example).toContainText('印发日期 2024-10-23');
  await axeClean(app, 'archive');

  await archive.getByRole('combobox', { name: '按年份筛选' }).click();
  await app.getByRole('option', { name: '2024年' }).click();
  await expect(year2024).toBeVisible();

  await archive.getByRole('searchbox', { name: '搜索已签发的简报' }).fill('新引擎');
  await archive.getByRole('searchbox', { name: '搜索已签发的简报' }).press('Enter');
  const results = archive.getByRole('region', { name: '搜索结果' });
  await expect(results.getByRole('link', { name: '示例：2023年全省战略性产业集群发展情况' })).toBeVisible();
  await archive.getByRole('searchbox', { name: '搜索已签发的简报' }).fill('量子隧穿不存在的词');
  await archive.getByRole('searchbox', { name: '搜索已签发的简报' }).press('Enter');
  await expect(archive.getByText('没有找到包含“量子隧穿不存在的词”的已签发简报。')).toBeVisible();

  // The example opens read-only with its 期号, and says so in English too.
  await archive.getByRole('searchbox', { name: '搜索已签发的简报' }).fill('');
  await year2024.getByRole('link', { name: '示例：2023年全省战略性产业集群发展情况' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '示例：2023年全省战略性产业集群发展情况' })).toBeVisible();
  await expect(app.getByText(/本期已于 2024-10-23 由 .+ 签发/)).toBeVisible();
  await expect(app.getByRole('button', { name: '签发…' })).toHaveCount(0);
  await axeClean(app, 'issued example');
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await expect(app.getByText('No. 1, 2024').first()).toBeVisible();
  await expect(app.getByRole('button', { name: 'Export Word' })).toBeVisible();
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Bulletins', exact: true }).click();
  await expect(app.getByRole('region', { name: 'Archive' }).getByRole('region', { name: '2024' })).toContainText('Example');
});

test('Settings ▸ 简报 frame defaults are what a new draft starts from', async ({ app }) => {
  await nav(app, '设置').click();
  const section = app.getByRole('region', { name: '简报' });
  await section.getByRole('textbox', { name: '报头名称' }).fill('广州开发区产业集群简报');
  await section.getByRole('textbox', { name: '编印单位' }).fill('开发区经济发展局');
  await section.getByRole('combobox', { name: '报送' }).fill('区委办公室');
  await app.keyboard.press('Enter');
  await section.getByRole('combobox', { name: '报送' }).fill('区政府办公室');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Escape');
  await section.getByRole('combobox', { name: '抄送' }).fill('各街道办事处');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Escape');
  await section.getByRole('spinbutton', { name: '共印份数' }).fill('35');
  await section.getByRole('button', { name: '保存简报默认设置' }).click();
  await expect(section.getByRole('status')).toHaveText(/已保存简报默认设置/);
  await axeClean(app, 'settings');

  await newDraft(app, '第一季度集群运行情况');
  await app.getByRole('button', { name: /报头与报尾（广州开发区产业集群简报）/ }).click();
  await expect(app.getByRole('textbox', { name: '报头名称' })).toHaveValue('广州开发区产业集群简报');
  await expect(app.getByRole('textbox', { name: '编印单位' })).toHaveValue('开发区经济发展局');
  await expect(app.getByRole('spinbutton', { name: '共印份数' })).toHaveValue('35');
  const sendTo = app.getByRole('group', { name: /报头与报尾/ }).or(app.locator('body'));
  await expect(sendTo.getByText('区委办公室', { exact: true }).first()).toBeVisible();
  await expect(sendTo.getByText('各街道办事处', { exact: true }).first()).toBeVisible();
  await axeClean(app, 'draft with frame open');
});

test('a draft saves itself after a pause; the header undo takes the save back and the page shows it', async ({ app }) => {
  await newDraft(app, '集群月报');
  const title = app.getByRole('textbox', { name: '标题', exact: true });
  await title.fill('集群月报（十一月）');
  await expect(app.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: '集群月报（十一月）' })).toBeVisible();
  await app.getByRole('textbox', { name: '按语' }).fill('请各地对照核实。');
  await expect(app.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

  // Undo in the header: the note's save is taken back, the field shows the stored draft again.
  await app.getByRole('group', { name: '撤销与重做' }).getByRole('button', { name: '撤销' }).click();
  await expect(app.getByRole('textbox', { name: '按语' })).toHaveValue('');
  await expect(title).toHaveValue('集群月报（十一月）');
  await app.getByRole('group', { name: '撤销与重做' }).getByRole('button', { name: '重做' }).click();
  await expect(app.getByRole('textbox', { name: '按语' })).toHaveValue('请各地对照核实。');

  // Leaving and coming back finds it as saved; the draft is listed.
  await nav(app, '简报编发').click();
  await app.getByRole('region', { name: '草稿' }).getByRole('link', { name: '集群月报（十一月）' }).click();
  await expect(app.getByRole('textbox', { name: '按语' })).toHaveValue('请各地对照核实。');
});

test('a save that fails keeps what was typed, says why, and saves on Retry', async ({ app, harness }) => {
  await newDraft(app, '待保存的简报');
  // Another program holds the data file's write lock: the app's save waits, then fails (DB_LOCKED).
  const other = new Database(harness.dataFile);
  other.exec('BEGIN IMMEDIATE');
  try {
    await app.getByRole('textbox', { name: '按语' }).fill('这段按语在保存失败后仍然保留。');
    const failure = app.getByRole('alert').filter({ hasText: '保存失败' });
    await expect(failure).toBeVisible({ timeout: 30_000 });
    await expect(failure).toContainText('已输入的内容仍保留在此页面');
    await expect(app.getByRole('textbox', { name: '按语' })).toHaveValue('这段按语在保存失败后仍然保留。');
  } finally {
    other.exec('COMMIT');
    other.close();
  }
  await app.getByRole('button', { name: '重试保存' }).click();
  await expect(app.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await app.reload();
  await expect(app.getByRole('textbox', { name: '按语' })).toHaveValue('这段按语在保存失败后仍然保留。');
});
