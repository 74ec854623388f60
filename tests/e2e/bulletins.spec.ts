/**
 * 简报编发 (issue 10) through the browser harness, by role and label: the archive with the shipped
 * 示例, Settings' frame defaults in a new draft, autosave with undo, a save that fails and keeps the
 * text, and the journey of an issue from draft to 签发, export and 更正.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { officeConvert } from '../helpers/office';
import { pdfText } from '../helpers/pdf';
import { perform } from '../helpers/steps';
import { EDIT_FIGURE } from '../helpers/workflows';
import { seriousViolations } from '../helpers/axe';
import { openedDialog } from '../helpers/settled';
import { expectFirstPageDrawn, expectSamePicture, firstPageAgainstPdfjs, ZOOM } from '../helpers/preview';
import { ARTIFACTS, expect, test } from './fixtures';

// Each test writes and saves through a real data file, some with LibreOffice: three minutes each on a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true });

/** axe over the screen as it stands: no serious or critical violation. */
async function axeClean(page: Page, where: string): Promise<void> {
  expect.soft((await seriousViolations(page)).map((v) => `${where}: ${v}`)).toEqual([]);
}

/** In a draft's body: a level-1 heading, then a new paragraph, ready for typing. The body's textbox. */
async function startBody(page: Page, heading: string): Promise<Locator> {
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await page.getByRole('toolbar', { name: '正文编辑工具' }).getByRole('button', { name: '一级标题' }).click();
  await page.keyboard.type(heading);
  await page.keyboard.press('Enter');
  return body;
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

test('a draft created by Enter on its title opens with the keyboard in its body, not at the page’s start', async ({ app }) => {
  await nav(app, '简报编发').click();
  const title = app.getByRole('textbox', { name: '新简报标题' });
  await title.fill('键盘新建的一期');
  await title.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: '键盘新建的一期' })).toBeVisible();
  const body = app.getByRole('textbox', { name: '正文' });
  await expect(body).toBeFocused();
  await app.keyboard.type('本期第一句。');
  await expect(body).toContainText('本期第一句。');
});

test('a click into 标题 while a new draft’s page comes up keeps the keyboard there: the body does not take it a moment later', async ({ app }) => {
  // The page's clock held still, so that the title is focused before the body's own focus would come (under load, a fill
  // of 标题 went into 正文 that way).
  await app.clock.install();
  await app.clock.pauseAt(Date.now() + 60_000);
  await nav(app, '简报编发').click();
  await app.getByRole('textbox', { name: '新简报标题' }).fill('十一月简报');
  await app.getByRole('button', { name: '新建简报' }).click();
  const title = app.getByRole('textbox', { name: '标题', exact: true });
  await title.focus();
  await app.clock.runFor(2000);
  await app.keyboard.press('End');
  await app.keyboard.type('（初稿）');
  await expect(title).toHaveValue('十一月简报（初稿）');
  await expect(app.getByRole('textbox', { name: '正文' })).not.toContainText('初稿');
});

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
  // Its table names each figure by what it is about, not by an internal number ("数据 #1").
  const table = app.getByRole('group', { name: '表格：部分集群2023年产值规模' });
  await expect(table.getByRole('listitem').first()).toHaveText('新一代电子信息 · 产值 2023：超过1万亿元');
  await expect(table).not.toContainText('#');
  await axeClean(app, 'issued example');
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await expect(app.getByText('No. 1, 2024').first()).toBeVisible();
  // In English, in English words and punctuation (the issue's own caption and values stay as issued).
  const tableEn = app.getByRole('group', { name: 'Table: 部分集群2023年产值规模' });
  await expect(tableEn.getByRole('listitem').first()).toHaveText(/^New-generation electronics.* · Output value 2023: 超过1万亿元$/);
  await expect(app.getByRole('button', { name: 'Export Word' })).toBeVisible();
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Bulletins', exact: true }).click();
  await expect(app.getByRole('region', { name: 'Archive' }).getByRole('region', { name: '2024' })).toContainText('Example');
});

test('Settings ▸ 简报 frame defaults are what a new draft starts from; a draft deleted goes to the trash and comes back', async ({ app }) => {
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
  await section.getByRole('button', { name: '设为简报默认设置' }).click();
  await expect(section.getByRole('status')).toHaveText(/已保存简报默认设置/);
  await axeClean(app, 'settings');
  // English issues have defaults of their own: an English head out of the box (it was the Chinese one).
  await section.getByRole('radiogroup', { name: '默认设置用于' }).getByText('英文简报').click();
  await expect(section.getByRole('textbox', { name: '报头名称' })).toHaveValue('Guangdong Strategic Industry Clusters Bulletin');
  await section.getByRole('textbox', { name: '编印单位' }).fill('Development Zone Economic Bureau');
  await section.getByRole('button', { name: '设为简报默认设置' }).click();
  await expect(section.getByRole('status')).toHaveText(/已保存简报默认设置/);
  await section.getByRole('radiogroup', { name: '默认设置用于' }).getByText('中文与双语简报').click();
  await expect(section.getByRole('textbox', { name: '报头名称' })).toHaveValue('广州开发区产业集群简报');
  // What is typed and not saved yet survives a look at the other set (it was thrown away).
  await section.getByRole('textbox', { name: '编印单位' }).fill('开发区经济发展局（未保存）');
  await section.getByRole('radiogroup', { name: '默认设置用于' }).getByText('英文简报').click();
  await expect(section.getByRole('textbox', { name: '编印单位' })).toHaveValue('Development Zone Economic Bureau');
  await section.getByRole('radiogroup', { name: '默认设置用于' }).getByText('中文与双语简报').click();
  await expect(section.getByRole('textbox', { name: '编印单位' })).toHaveValue('开发区经济发展局（未保存）');
  await expect(section.getByRole('button', { name: '设为简报默认设置' })).toBeEnabled();
  await newDraft(app, 'Cluster update, Q1', '英文');
  await app.getByRole('button', { name: /报头与报尾（Guangdong Strategic Industry Clusters Bulletin）/ }).click();
  await expect(app.getByRole('textbox', { name: '编印单位' })).toHaveValue('Development Zone Economic Bureau');
  // Switched to Chinese, a head still as the English defaults left it takes the Chinese defaults (it kept the English head).
  await app.getByRole('radiogroup', { name: '简报语言' }).getByRole('radio', { name: '中文', exact: true }).check();
  await expect(app.getByRole('textbox', { name: '报头名称' })).toHaveValue('广州开发区产业集群简报');
  await expect(app.getByRole('textbox', { name: '编印单位' })).toHaveValue('开发区经济发展局');
  // An edited head is kept through a change of language, and the page says so, with the other head a click away
  // (the English issue printed the Chinese 报头 without a word).
  await app.getByRole('textbox', { name: '编印单位' }).fill('开发区经济发展局综合处');
  await app.getByRole('radiogroup', { name: '简报语言' }).getByRole('radio', { name: '英文', exact: true }).check();
  const kept = app.getByRole('status').filter({ hasText: '报头和报尾改过，仍是原来的' });
  await expect(kept).toContainText('“广州开发区产业集群简报”');
  await expect(app.getByRole('textbox', { name: '报头名称' })).toHaveValue('广州开发区产业集群简报');
  await kept.getByRole('button', { name: '换成这种语言的默认报头和报尾' }).click();
  await expect(app.getByRole('textbox', { name: '编印单位' })).toHaveValue('Development Zone Economic Bureau');
  await expect(kept).toHaveCount(0);

  await newDraft(app, '第一季度集群运行情况');
  await app.getByRole('button', { name: /报头与报尾（广州开发区产业集群简报）/ }).click();
  await expect(app.getByRole('textbox', { name: '报头名称' })).toHaveValue('广州开发区产业集群简报');
  await expect(app.getByRole('textbox', { name: '编印单位' })).toHaveValue('开发区经济发展局');
  await expect(app.getByRole('spinbutton', { name: '共印份数' })).toHaveValue('35');
  const sendTo = app.getByRole('group', { name: /报头与报尾/ }).or(app.locator('body'));
  await expect(sendTo.getByText('区委办公室', { exact: true }).first()).toBeVisible();
  await expect(sendTo.getByText('各街道办事处', { exact: true }).first()).toBeVisible();
  await axeClean(app, 'draft with frame open');
  // With the head and tail filled in, 签发 warns of nothing about them; it does say the body is still empty.
  await app.getByRole('button', { name: '签发…' }).click();
  const complete = await openedDialog(app, '签发本期简报');
  await expect(complete.getByRole('status')).toContainText('将编为');
  await expect(complete.getByText('编印单位为空', { exact: false })).toHaveCount(0);
  await expect(complete.getByText('报送、抄送和印数都没有填写', { exact: false })).toHaveCount(0);
  await expect(complete.getByText('正文为空：本期简报还没有任何内容。')).toBeVisible();
  await complete.getByRole('button', { name: '取消' }).click();

  // 删除草稿 asks first, then the draft is in Settings' trash, from where it comes back.
  await app.getByRole('button', { name: '删除草稿' }).click();
  await app.getByRole('tooltip').getByRole('button', { name: '删除草稿' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '简报编发' })).toBeVisible();
  await expect(app.getByRole('region', { name: '草稿' }).getByRole('link', { name: '第一季度集群运行情况' })).toHaveCount(0);
  await nav(app, '设置').click();
  await app.getByRole('button', { name: '恢复 第一季度集群运行情况' }).click();
  await nav(app, '简报编发').click();
  await expect(app.getByRole('region', { name: '草稿' }).getByRole('link', { name: '第一季度集群运行情况' })).toBeVisible();
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

  // Issued as a supplement (增刊), numbered apart from the year's regular issues.
  await app.getByRole('button', { name: '签发…' }).click();
  const dialog = await openedDialog(app, '签发本期简报');
  const year = new Date().getFullYear();
  // The dialog says which 期号 it will take, before it is pressed, and again when 增刊 is ticked.
  await expect(dialog.getByRole('status')).toHaveText(new RegExp(`^将编为 ${year}年第\\d+期，签发日期 ${year}年\\d+月\\d+日。$`));
  await dialog.getByRole('checkbox', { name: '作为增刊（单独编号）' }).check();
  await expect(dialog.getByRole('status')).toContainText(`将编为 ${year}年增刊第1期`);
  // The built-in frame has no 编印单位 and no tail: said before 签发, which still goes ahead.
  const incomplete = dialog.getByRole('alert').or(dialog.locator('.ant-alert-warning'));
  await expect(incomplete).toContainText('编印单位为空');
  await expect(incomplete).toContainText('报送、抄送和印数都没有填写：印出的简报将没有版记。');
  await dialog.getByRole('button', { name: '签发', exact: true }).click();
  await expect(app.getByText(`${year}年增刊第1期`).first()).toBeVisible();
  await nav(app, '简报编发').click();
  const listed = app.getByRole('region', { name: `${year}年` }).getByRole('listitem').filter({ hasText: '集群月报（十一月）' });
  await expect(listed).toContainText(`${year}年增刊第1期`);
  await expect(listed).toContainText('增刊');
});

test('a save that fails keeps what was typed, says why, and saves on Retry; 预览 meanwhile says so and shows no pages', async ({ app, harness }) => {
  await newDraft(app, '待保存的简报');
  const drawer = app.getByRole('dialog', { name: '预览：待保存的简报' });
  await app.getByRole('button', { name: '预览', exact: true }).click();
  await expectFirstPageDrawn(app, { name: /^第 1 页，共 \d+ 页$/, text: /待保存的简报/ });
  await drawer.getByRole('button', { name: '关闭预览' }).click();
  // Another program holds the data file's write lock: the app's save waits, then fails (DB_LOCKED).
  const other = new Database(harness.dataFile);
  other.exec('BEGIN IMMEDIATE');
  try {
    await app.getByRole('textbox', { name: '按语' }).fill('这段按语在保存失败后仍然保留。');
    const failure = app.getByRole('alert').filter({ hasText: '保存失败' });
    await expect(failure).toBeVisible({ timeout: 30_000 });
    await expect(failure).toContainText('已输入的内容仍保留在此页面');
    // The service's typed refusal, in the person's language.
    await expect(failure).toContainText('数据文件正被另一个程序占用');
    await expect(app.getByRole('textbox', { name: '按语' })).toHaveValue('这段按语在保存失败后仍然保留。');
    // 预览 cannot show what was not saved: it says so, and the pages of the earlier preview are gone.
    await app.getByRole('button', { name: '预览', exact: true }).click();
    await expect(drawer.getByRole('alert')).toContainText('最新的修改还没有保存', { timeout: 30_000 });
    await expect(drawer.getByRole('img', { name: /^第 1 页/ })).toHaveCount(0);
    await drawer.getByRole('button', { name: '关闭预览' }).click();
  } finally {
    other.exec('COMMIT');
    other.close();
  }
  await app.getByRole('button', { name: '重试保存' }).click();
  await expect(app.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await app.reload();
  await expect(app.getByRole('textbox', { name: '按语' })).toHaveValue('这段按语在保存失败后仍然保留。');
});

/** A screenshot a person should look at (test-results/artifacts/bulletins/, a CI artifact). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = path.join(ARTIFACTS, 'bulletins');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Text as a reader finds it, whitespace (line breaks, pdftotext's spacing) removed. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** Exports the issue shown as PDF or Word and returns the saved file, read from the page's notice. */
async function exportAs(page: Page, button: '导出 PDF' | '导出 Word'): Promise<string> {
  const notices = page.getByRole('status').filter({ hasText: '已导出：' });
  const before = await notices.count();
  await page.getByRole('button', { name: button }).click();
  await expect(notices).toHaveCount(before === 0 ? 1 : before);
  const notice = page.getByRole('status').filter({ hasText: button === '导出 PDF' ? /\.pdf$/ : /\.docx$/ });
  await expect(notice).toBeVisible({ timeout: 60_000 });
  const file = ((await notice.textContent()) ?? '').replace(/^.*已导出：/, '').trim();
  expect(fs.existsSync(file), `${file} exists`).toBe(true);
  return file;
}

/** In the open draft's editor, 插入数据: search and pick the figure whose option starts with `option`. */
async function insertFigure(page: Page, search: string, option: RegExp): Promise<void> {
  await page.getByRole('toolbar', { name: '正文编辑工具' }).getByRole('button', { name: '插入数据' }).click();
  const dialog = page.getByRole('dialog', { name: '插入数据' });
  await dialog.getByRole('combobox', { name: /搜索数据/ }).fill(search);
  await dialog.getByRole('option', { name: option }).click();
  await expect(dialog).toBeHidden();
}

test('leaving a draft saves it at once; a save that fails on the way out is kept and offered back', async ({ app, harness }) => {
  await newDraft(app, '离开前的简报');
  const note = app.getByRole('textbox', { name: '按语' });
  const reopen = async (): Promise<void> => {
    await app.getByRole('region', { name: '草稿' }).getByRole('link', { name: '离开前的简报' }).click();
    await expect(app.getByRole('heading', { level: 1, name: '离开前的简报' })).toBeVisible();
  };
  // Typed and left at once, before the pause ends.
  await note.fill('离开时保存。');
  await nav(app, '简报编发').click();
  await reopen();
  await expect(note).toHaveValue('离开时保存。');

  // Left while another program holds the write lock: the save fails, the text is kept in the window.
  const other = new Database(harness.dataFile);
  other.exec('BEGIN IMMEDIATE');
  try {
    await note.fill('锁定时离开，仍不丢失。');
    await nav(app, '简报编发').click();
    await expect(app.getByText('离开简报页面时保存失败')).toBeVisible({ timeout: 30_000 });
  } finally {
    other.exec('COMMIT');
    other.close();
  }
  await reopen();
  await expect(note).toHaveValue('离开时保存。');
  const kept = app.getByRole('alert').filter({ hasText: '上次离开时有未能保存的内容' });
  await kept.getByRole('button', { name: '恢复未保存的内容' }).click();
  await expect(note).toHaveValue('锁定时离开，仍不丢失。');
  await expect(kept).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: '已保存' })).toBeVisible({ timeout: 30_000 });
  await app.reload();
  await expect(note).toHaveValue('锁定时离开，仍不丢失。');
});

test.describe('the journey of an issue', () => {
  test.describe.configure({ timeout: 300_000 });

  test('write an issue with two figure references, a trend chart and a table; issue it; a changed figure marks a new draft and leaves the issued one as it was; export PDF and Word', async ({ app, harness }) => {
    const TITLE = '2023年部分战略性产业集群运行情况';
    const ROBOTS = /^智能机器人 · 产值 · 2023 · 超过100亿元/;
    const ENERGY = /^新能源 · 产值 · 2023 · 超过5000亿元/;
    const year = new Date().getFullYear();
    let firstPdf = '';

    await test.step('write the draft: a heading, a sentence with two figures, a trend chart, a table', async () => {
      await newDraft(app, TITLE);
      await app.getByRole('textbox', { name: '按语' }).fill('本期数据均引自默认数据集。');
      const body = await startBody(app, '总体情况');
      await app.keyboard.type('2023年，智能机器人产业集群产值');
      await insertFigure(app, '智能机器人', ROBOTS);
      await app.keyboard.type('，新能源产业集群产值');
      await insertFigure(app, '新能源', ENERGY);
      await app.keyboard.type('。');

      await app.getByRole('toolbar', { name: '正文编辑工具' }).getByRole('button', { name: '插入图表' }).click();
      const chart = await openedDialog(app, '插入图表');
      await chart.getByRole('radio', { name: '趋势图' }).check();
      const entities = chart.getByRole('combobox', { name: '产业（1–5 个）' });
      await entities.fill('智能机器人');
      await app.keyboard.press('Enter');
      await entities.fill('新能源');
      await app.keyboard.press('Enter');
      await app.keyboard.press('Escape');
      await chart.getByRole('textbox', { name: '标题' }).fill('两个集群的产值趋势');
      await chart.getByRole('button', { name: '保存' }).click();
      await expect(chart).toBeHidden();

      await app.getByRole('toolbar', { name: '正文编辑工具' }).getByRole('button', { name: '插入表格' }).click();
      const table = app.getByRole('dialog', { name: '插入表格' });
      await table.getByRole('combobox', { name: /搜索数据/ }).fill('智能机器人');
      await table.getByRole('option', { name: ROBOTS }).click();
      await table.getByRole('combobox', { name: /搜索数据/ }).fill('新能源');
      await table.getByRole('option', { name: ENERGY }).click();
      await expect(table.getByRole('list', { name: '已选数据' }).getByRole('listitem')).toHaveCount(2);
      await table.getByRole('textbox', { name: '标题' }).fill('部分集群产值规模');
      await table.getByRole('button', { name: '保存' }).click();
      await expect(table).toBeHidden();

      await expect(body.getByRole('group', { name: /数据引用：智能机器人 · 产值 2023：超过100亿元/ })).toBeVisible();
      await expect(app.getByRole('status').filter({ hasText: '已保存' })).toBeVisible({ timeout: 30_000 });
      await expect(app.getByText('引用的数据均为最新。')).toBeVisible();
      await axeClean(app, 'draft with editor');
      await shot(app, '1-draft-written');
    });

    await test.step('the draft is stored as written: reopening it shows the same references', async () => {
      await nav(app, '简报编发').click();
      await app.getByRole('region', { name: '草稿' }).getByRole('link', { name: TITLE }).click();
      const body = app.getByRole('textbox', { name: '正文' });
      await expect(body.getByRole('group', { name: /超过100亿元/ })).toBeVisible();
      await expect(body.getByRole('group', { name: /超过5000亿元/ })).toBeVisible();
      await expect(body).toContainText('两个集群的产值趋势');
      await expect(body).toContainText('部分集群产值规模');
    });

    await test.step('签发: the dialog says what freezes; the issue opens read-only with its 期号', async () => {
      await app.getByRole('button', { name: '签发…' }).click();
      const dialog = app.getByRole('dialog', { name: '签发本期简报' });
      await expect(dialog).toContainText('不能再修改');
      await axeClean(app, 'issue dialog');
      await shot(app, '2-issue-dialog');
      await dialog.getByRole('button', { name: '签发', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(app.getByText(`${year}年第1期`).first()).toBeVisible();
      await expect(app.getByText(/本期已于 .+ 签发/)).toBeVisible();
      await expect(app.getByRole('textbox', { name: '标题', exact: true })).toHaveCount(0);
      await expect(app.getByRole('textbox', { name: '正文' })).toHaveAttribute('contenteditable', 'false');
      await axeClean(app, 'issued issue');
      await shot(app, '3-issued');
    });

    await test.step('export the issued issue as PDF and Word', async () => {
      firstPdf = await exportAs(app, '导出 PDF');
      const text = squeeze(pdfText(firstPdf));
      for (const words of [TITLE, '第1期', `${year}年`, '超过100亿元', '超过5000亿元', '部分集群产值规模', '两个集群的产值趋势']) expect(text).toContain(squeeze(words));
      const docx = await exportAs(app, '导出 Word');
      expect(path.extname(docx)).toBe('.docx');
      const [txt] = officeConvert([docx], 'txt', harness.dir);
      const words = squeeze(fs.readFileSync(txt!, 'utf8'));
      for (const w of [TITLE, '超过100亿元', '超过5000亿元']) expect(words).toContain(squeeze(w));
    });

    await test.step('change a referenced figure in the workbench', async () => {
      await perform(app, EDIT_FIGURE, 'editing 智能机器人 2023 output value');
    });

    await test.step('the issued issue is unchanged, on the page and in a new export', async () => {
      await nav(app, '简报编发').click();
      await app.getByRole('region', { name: `${year}年` }).getByRole('link', { name: TITLE }).click();
      const body = app.getByRole('textbox', { name: '正文' });
      await expect(body.getByRole('group', { name: /超过100亿元/ })).toBeVisible();
      await expect(body).not.toContainText('超过123亿元');
      const again = await exportAs(app, '导出 PDF');
      expect(again).toBe(firstPdf);
      expect(squeeze(pdfText(again))).toContain(squeeze('超过100亿元'));
      expect(squeeze(pdfText(again))).not.toContain('超过123亿元');
    });

    await test.step('更正: a new draft that references the figure shows 数据已更新 until accepted', async () => {
      await app.getByRole('button', { name: '更正本期…' }).click();
      await expect(app.getByRole('heading', { level: 1, name: `更正：${TITLE}` })).toBeVisible();
      await expect(app.getByText(`本期是对${year}年第1期《${TITLE}》的更正。`)).toBeVisible();
      const body = app.getByRole('textbox', { name: '正文' });
      await expect(body.getByRole('group', { name: /数据引用：智能机器人 · 产值 2023：超过123亿元，数据已更新/ })).toBeVisible();
      const refs = app.getByRole('region', { name: '引用的数据' });
      await expect(refs).toContainText('数据已更新');
      await expect(refs).toContainText('超过100亿元 → 超过123亿元');
      await axeClean(app, 'correction draft with an updated figure');
      await shot(app, '4-correction-updated-figure');
      // One 接受 takes the new value everywhere the figure is referenced (the sentence and the table).
      await refs.getByRole('button', { name: /^接受 智能机器人 · 产值 的新数值 超过123亿元/ }).first().click();
      await expect(refs).toContainText('引用的数据均为最新。');
      await expect(body.getByRole('group', { name: /数据引用：智能机器人 · 产值 2023：超过123亿元/ })).toBeVisible();
      await expect(body.getByRole('group', { name: /数据已更新/ })).toHaveCount(0);

      // The correction is issued in turn, counted overall too (总第M期).
      await app.getByRole('button', { name: '签发…' }).click();
      const dialog = await openedDialog(app, '签发本期简报');
      await dialog.getByRole('checkbox', { name: '同时标注总期号（总第M期）' }).check();
      await dialog.getByRole('button', { name: '签发', exact: true }).click();
      await expect(app.getByText(new RegExp(`${year}年第2期（总第\\d+期）`)).first()).toBeVisible();
      await expect(app.getByText(`本期是对${year}年第1期《${TITLE}》的更正。`)).toBeVisible();
    });

    await test.step('the archive lists the issue and its correction under their year; search finds it', async () => {
      await nav(app, '简报编发').click();
      const archive = app.getByRole('region', { name: '归档' });
      await expect(archive.getByRole('region', { name: `${year}年` })).toContainText(`${year}年第1期`);
      const correction = archive.getByRole('region', { name: `${year}年` }).getByRole('listitem').filter({ hasText: `更正：${TITLE}` });
      await expect(correction).toContainText(`更正 ${year}年第1期`);
      await shot(app, '5-archive');
      await archive.getByRole('searchbox', { name: '搜索已签发的简报' }).fill('运行情况');
      await archive.getByRole('searchbox', { name: '搜索已签发的简报' }).press('Enter');
      const results = archive.getByRole('region', { name: '搜索结果' });
      await expect(results.getByRole('link', { name: TITLE, exact: true })).toBeVisible();
      await expect(results.getByRole('link', { name: `更正：${TITLE}` })).toBeVisible();
    });
  });
});

test('预览 shows an issue as it prints, before 签发: what was just typed, the 红头 on page 1, the tail at the last page’s foot; in English too, and for an issued one', async ({ app }) => {
  const TITLE = '集群运行周报';
  await newDraft(app, TITLE);
  await app.getByRole('button', { name: /报头与报尾/ }).click();
  await app.getByRole('combobox', { name: '报送' }).fill('省委办公厅');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Escape');
  await app.getByRole('spinbutton', { name: '共印份数' }).fill('40');
  await startBody(app, '总体情况');
  // Pressed right after typing, before the autosave: the preview saves first and shows this sentence.
  await app.keyboard.type('全省产业集群发展态势良好，预览前刚写下这一句。');
  await app.getByRole('button', { name: '预览', exact: true }).click();
  const drawer = app.getByRole('dialog', { name: `预览：${TITLE}` });
  await expect(drawer).toBeVisible();
  const first = await expectFirstPageDrawn(app, { name: /^第 1 页，共 \d+ 页$/, text: new RegExp(`内部资料 注意保存[\\s\\S]*广东省战略性产业集群工作简报[\\s\\S]*${TITLE}[\\s\\S]*一、总体情况[\\s\\S]*预览前刚写下这一句`) });
  const count = Number(/共 (\d+) 页/.exec((await first.getAttribute('aria-label')) ?? '')?.[1]);
  const last = app.getByRole('img', { name: `第 ${count} 页，共 ${count} 页` });
  await drawer.getByRole('region', { name: '简报预览页面' }).focus();
  await app.keyboard.press('End');
  await expect(last).toHaveAttribute('data-painted', 'true', { timeout: 30_000 });
  await expect(last).toHaveAccessibleDescription(/报送：省委办公厅。[\s\S]*共印40份/);
  await expect(app.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await app.screenshot({ path: path.join(ARTIFACTS, 'bulletins', '6-preview.png') });
  await axeClean(app, 'preview drawer');
  await drawer.getByRole('button', { name: '关闭预览' }).click();
  await expect(drawer).toBeHidden();

  // The same from the English interface (the issue itself stays Chinese).
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await app.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(app.getByRole('dialog', { name: `Preview: ${TITLE}` })).toBeVisible();
  await expectFirstPageDrawn(app, { name: /^Page 1 of \d+$/, text: new RegExp(`${TITLE}[\\s\\S]*预览前刚写下这一句`) });
  await app.getByRole('button', { name: 'Close the preview' }).click();
  await app.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();

  // An issued issue previews its frozen text: the shipped 示例.
  await nav(app, '简报编发').click();
  await app.getByRole('region', { name: '归档' }).getByRole('link', { name: '示例：2023年全省战略性产业集群发展情况' }).click();
  await app.getByRole('button', { name: '预览', exact: true }).click();
  const example = await expectFirstPageDrawn(app, { name: /^第 1 页，共 \d+ 页$/, text: /第1期[\s\S]*示例：2023年全省战略性产业集群发展情况/ });
  // Drawn at once from the service's record of page 1 (its red head, the serif and kai faces), the page pdf.js draws.
  await expect(example).toHaveAttribute('data-drawn-from', 'record');
  expectSamePicture(await firstPageAgainstPdfjs(app, example, ZOOM), '示例 page 1');
});

test('a deleted figure breaks a draft: listed with its paragraph, and 签发 and export refuse in the person’s language; a whole draft exports', async ({ app }) => {
  const TITLE = '机器人产业专报';
  await newDraft(app, TITLE);
  const body = await startBody(app, '产业规模');
  await app.keyboard.type('智能机器人产业集群产值');
  await insertFigure(app, '智能机器人', /^智能机器人 · 产值 · 2023 · 超过100亿元/);
  await expect(app.getByRole('status').filter({ hasText: '已保存' })).toBeVisible({ timeout: 30_000 });

  // A draft exports like an issued issue (the file named as a draft).
  const draftPdf = await exportAs(app, '导出 PDF');
  expect(path.basename(draftPdf)).toMatch(/^简报-草稿-\d+-.*\.pdf$/);
  expect(squeeze(pdfText(draftPdf))).toContain(squeeze('智能机器人产业集群产值超过100亿元'));

  await nav(app, '工作台').click();
  await app.getByRole('button', { name: '编辑 智能机器人 · 产值 · 2023' }).click();
  await app.getByRole('dialog', { name: '编辑数据 · 智能机器人 · 产值 · 2023' }).getByRole('button', { name: '删除这条数据' }).click();
  await app.getByRole('tooltip').getByRole('button', { name: '删除这条数据' }).click();
  await expect(app.getByRole('dialog', { name: '编辑数据 · 智能机器人 · 产值 · 2023' })).toBeHidden();

  await nav(app, '简报编发').click();
  await app.getByRole('region', { name: '草稿' }).getByRole('link', { name: TITLE }).click();
  const refs = app.getByRole('region', { name: '引用的数据' });
  await expect(refs.getByRole('alert')).toContainText('有 1 处引用的数据已被删除');
  await expect(refs.getByRole('alert')).toContainText('第1节第1段：智能机器人 · 产值（原为 超过100亿元）已被删除。所在段落：智能机器人产业集群产值超过100亿元');
  await expect(body.getByRole('group', { name: /数据已删除/ })).toBeVisible();
  await axeClean(app, 'draft with a broken reference');

  await app.getByRole('button', { name: '签发…' }).click();
  const dialog = app.getByRole('dialog', { name: '签发本期简报' });
  // Said before 签发 is pressed, which waits until the reference is dealt with (pressed, it only said "未签发").
  await expect(dialog.getByRole('note').filter({ hasText: '签发前须先处理引用的数据' })).toContainText('有 1 处引用的数据已被删除');
  await expect(dialog.getByRole('button', { name: '签发', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(app.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(app.getByRole('textbox', { name: '标题', exact: true })).toBeEditable();

  await app.getByRole('button', { name: '导出 Word' }).click();
  await expect(app.getByRole('region', { name: '签发与导出' }).getByRole('alert')).toContainText('简报第1节第1段引用的数据');
  // 预览 says the same in its drawer, and shows no pages.
  await app.getByRole('button', { name: '预览', exact: true }).click();
  const refused = app.getByRole('dialog', { name: `预览：${TITLE}` });
  // The refusal names the figure, not its number.
  await expect(refused.getByRole('alert')).toContainText('简报第1节第1段引用的数据“智能机器人 · 产值（2023）”已被删除');
  await expect(refused.getByRole('img', { name: /^第 1 页/ })).toHaveCount(0);
  // The pane says there is no preview, not "press 预览" under the refusal of the press just made.
  await expect(refused.getByText('没有可显示的预览，原因见提示信息。')).toBeVisible();
  await expect(refused.getByText('点击“预览”在此查看 PDF。')).toHaveCount(0);
  await refused.getByRole('button', { name: '关闭预览' }).click();

  // The same refusal in English.
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await app.getByRole('button', { name: 'Issue…' }).click();
  const en = app.getByRole('dialog', { name: 'Issue this bulletin' });
  await expect(en.getByRole('note').filter({ hasText: 'Deal with the referenced figures first' })).toContainText('1 referenced figure has been deleted');
  await expect(en.getByRole('button', { name: 'Issue', exact: true })).toBeDisabled();
  await en.getByRole('button', { name: 'Cancel', exact: true }).click();
  await app.getByRole('button', { name: 'Preview', exact: true }).click();
  const refusedEn = app.getByRole('dialog', { name: `Preview: ${TITLE}` });
  await expect(refusedEn.getByRole('alert')).toContainText('The figure “Smart robots · Output value (2023)” referenced in section 1, paragraph 1 has been deleted');
});

test('the draft page in English and the dark theme: axe finds nothing serious, and the keyboard reaches 签发 and export', async ({ app }) => {
  await nav(app, '设置').click();
  await app.getByRole('radiogroup', { name: '主题' }).getByRole('radio', { name: '深色' }).check();
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Bulletins', exact: true }).click();
  await app.getByRole('textbox', { name: 'Title of the new bulletin' }).fill('Cluster bulletin');
  await app.getByRole('radiogroup', { name: 'Bulletin language' }).getByRole('radio', { name: 'Chinese and English' }).check();
  await app.getByRole('button', { name: 'New bulletin' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Cluster bulletin' })).toBeVisible();
  await expect(app.getByRole('radiogroup', { name: 'Bulletin language' }).getByRole('radio', { name: 'Chinese and English' })).toBeChecked();
  await app.getByRole('button', { name: /Head and tail/ }).click();
  await axeClean(app, 'draft, English, dark');

  // From the title, Tab alone reaches the issue button and both exports.
  await app.getByRole('textbox', { name: 'Title', exact: true }).focus();
  const reached = new Set<string>();
  for (let i = 0; i < 80 && reached.size < 3; i++) {
    await app.keyboard.press('Tab');
    const name = await app.evaluate(() => (document.activeElement instanceof HTMLButtonElement ? (document.activeElement.textContent ?? '').trim() : ''));
    if (['Issue…', 'Export PDF', 'Export Word'].includes(name)) reached.add(name);
  }
  expect([...reached].sort()).toEqual(['Export PDF', 'Export Word', 'Issue…']);
  await app.keyboard.press('Shift+Tab');
  await app.keyboard.press('Shift+Tab');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Issue this bulletin' })).toBeVisible();
  await axeClean(app, 'issue dialog, English, dark');
  await app.getByRole('dialog', { name: 'Issue this bulletin' }).getByRole('button', { name: 'Cancel' }).click();

  // The preview drawer, English and dark.
  await app.getByRole('button', { name: 'Preview', exact: true }).click();
  await expectFirstPageDrawn(app, { name: /^Page 1 of \d+$/, text: /Cluster bulletin/ });
  await app.screenshot({ path: path.join(ARTIFACTS, 'bulletins', '7-preview-en-dark.png') });
  await axeClean(app, 'preview drawer, English, dark');
});
