/**
 * The 简报 body editor (renderer/src/bulletin/editor/) on the 简报编发 page, through the browser
 * harness, by role and label: an analyst writes headings and bold text, inserts two figure references
 * found by typing Chinese and English, a trend chart and a table; the page saves what the editor handed
 * it, and the data file and a reload show it as written. Then the live references: a changed figure
 * shows 数据已更新 with 接受, a deleted one 数据已删除; cards are edited and removed from the keyboard.
 */
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import type { BulletinBlock } from '../../shared/bulletin';
import type { Bridge } from '../../shared/client';
import path from 'node:path';
import { seriousViolations } from '../helpers/axe';
import { ARTIFACTS, expect, test } from './fixtures';

// Each test is a long session of typing and dialogs; on a loaded 2-core machine that takes more than the default minute.
test.describe.configure({ timeout: 240_000 });

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true });

/** On 简报编发, start a draft with this title and wait for its page. */
async function newDraft(page: Page, title: string): Promise<void> {
  await nav(page, '简报编发').click();
  await page.getByRole('textbox', { name: '新简报标题' }).fill(title);
  await page.getByRole('button', { name: '新建简报' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** The blocks the data file holds for the draft with this title (what the page saved). */
function storedBlocks(dataFile: string, title: string): BulletinBlock[] | null {
  const db = new Database(dataFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT content FROM bulletins WHERE title = ? AND deleted_at IS NULL`).pluck().get(title) as string | undefined;
    return row ? (JSON.parse(row) as { blocks: BulletinBlock[] }).blocks : null;
  } finally {
    db.close();
  }
}

/** Opens 插入数据, types the search, and chooses the option whose text matches (by click or, with `keyboard`, arrows and Enter). */
async function insertFigure(page: Page, toolbar: Locator, search: string, option: RegExp, keyboard = false): Promise<void> {
  await toolbar.getByRole('button', { name: '插入数据' }).click();
  const dialog = page.getByRole('dialog', { name: '插入数据' });
  const box = dialog.getByRole('combobox', { name: /搜索数据/ });
  // The search takes the keys at once.
  await expect(box).toBeFocused();
  await box.fill(search);
  const wanted = dialog.getByRole('option', { name: option }).first();
  await expect(wanted).toBeVisible();
  if (keyboard) {
    const options = await dialog.getByRole('option').allTextContents();
    const index = options.findIndex((text) => option.test(text));
    for (let i = 0; i < index; i++) await box.press('ArrowDown');
    await box.press('Enter');
  } else {
    await wanted.click();
  }
  await expect(dialog).toBeHidden();
  // Writing goes on after the reference.
  await expect(page.getByRole('textbox', { name: '正文' })).toBeFocused();
}

test('an analyst writes the body: headings, bold, figures found in Chinese and English, a trend chart and a table; saved and reopened as written', async ({ app, harness }) => {
  const title = '机器人产业观察';
  await newDraft(app, title);
  const body = app.getByRole('textbox', { name: '正文' });
  const toolbar = app.getByRole('toolbar', { name: '正文编辑工具' });

  await body.click();
  await toolbar.getByRole('button', { name: '一级标题' }).click();
  await app.keyboard.type('总体情况');
  await app.keyboard.press('Enter');
  await expect(toolbar.getByRole('button', { name: '正文' })).toHaveAttribute('aria-pressed', 'true');
  await app.keyboard.type('2023年，智能机器人产业产值');
  await insertFigure(app, toolbar, '智能机器人', /^智能机器人 · 产值 · 2023/);
  await app.keyboard.type('；');
  // 加粗 pressed with the pointer leaves the focus in the text, so the next key typed is never lost.
  await app.evaluate(() => {
    const focused: string[] = [];
    (window as unknown as { focusedButtons: string[] }).focusedButtons = focused;
    document.addEventListener('focusin', (e) => e.target instanceof HTMLButtonElement && focused.push(e.target.textContent ?? ''), true);
  });
  await toolbar.getByRole('button', { name: '加粗' }).click();
  await app.keyboard.type('十大新兴产业集群营业收入');
  await toolbar.getByRole('button', { name: '加粗' }).click();
  expect(await app.evaluate(() => (window as unknown as { focusedButtons: string[] }).focusedButtons)).toEqual([]);
  await expect(body).toBeFocused();
  await insertFigure(app, toolbar, 'nearly 3 trillion yuan', /营业收入 · 2023 · 近3万亿元/, true);
  await app.keyboard.type('。');
  // A paragraph holding a reference cannot become a heading (the reference would be lost).
  await expect(toolbar.getByRole('button', { name: '一级标题' })).toBeDisabled();
  // …and the toolbar says why, as the buttons' description (they were off with no word).
  await expect(toolbar.getByRole('button', { name: '一级标题' })).toHaveAccessibleDescription('此段含引用的数据，不能设为标题（标题只含文字）。');
  await expect(toolbar.getByText('此段含引用的数据，不能设为标题（标题只含文字）。')).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(toolbar.getByText('此段含引用的数据，不能设为标题（标题只含文字）。')).toHaveCount(0);
  await toolbar.getByRole('button', { name: '二级标题' }).click();
  await app.keyboard.type('产值走势');
  await app.keyboard.press('Enter');

  await toolbar.getByRole('button', { name: '插入图表' }).click();
  const chartDialog = app.getByRole('dialog', { name: '插入图表' });
  await expect(chartDialog.getByRole('radio', { name: '趋势图' })).toBeChecked();
  const entities = chartDialog.getByRole('combobox', { name: '产业（1–5 个）' });
  for (const name of ['智能机器人', '新能源']) {
    await entities.fill(name);
    await app.getByRole('option', { name: new RegExp(`^${name}`) }).first().click();
  }
  await chartDialog.getByRole('textbox', { name: '标题' }).fill('重点产业产值走势');
  await chartDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(chartDialog).toBeHidden();

  await toolbar.getByRole('button', { name: '插入表格' }).click();
  const tableDialog = app.getByRole('dialog', { name: '插入表格' });
  const search = tableDialog.getByRole('combobox', { name: /搜索数据/ });
  await expect(search).toBeFocused();
  await search.fill('新能源');
  await tableDialog.getByRole('option', { name: /^新能源 · 产值 · 2023/ }).click();
  await search.fill('smart robots');
  await tableDialog.getByRole('option', { name: /^智能机器人 · 产值 · 2023/ }).click();
  await expect(tableDialog.getByRole('list', { name: '已选数据' }).getByRole('listitem')).toHaveCount(2);
  await tableDialog.getByRole('textbox', { name: '标题' }).fill('主要数据');
  await tableDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(tableDialog).toBeHidden();

  // What the editor shows: references named with their value as printed, the cards with what they print.
  const shows = async (): Promise<void> => {
    await expect(body.getByRole('heading', { level: 1, name: '总体情况' })).toBeVisible();
    await expect(body.getByRole('heading', { level: 2, name: '产值走势' })).toBeVisible();
    await expect(body.getByRole('group', { name: '数据引用：智能机器人 · 产值 2023：超过100亿元' })).toBeVisible();
    await expect(body.getByRole('group', { name: '数据引用：10 个战略性新兴产业集群 · 营业收入 2023：近3万亿元' })).toBeVisible();
    await expect(body.locator('strong', { hasText: '十大新兴产业集群营业收入' })).toBeVisible();
    await expect(body.getByRole('group', { name: '趋势图：重点产业产值走势' })).toContainText('指标：产值；产业：智能机器人、新能源');
    await expect(body.getByRole('group', { name: '表格：主要数据' }).getByRole('listitem')).toHaveText(['新能源 · 产值 2023：超过5000亿元', '智能机器人 · 产值 2023：超过100亿元']);
  };
  await shows();

  // The page saved what the editor handed it: the data file holds exactly these blocks.
  await expect
    .poll(() => storedBlocks(harness.dataFile, title)?.map((b) => (b.type === 'heading' ? `${b.type}${b.level}:${b.text}` : b.type)), { timeout: 20_000 })
    .toEqual(['heading1:总体情况', 'paragraph', 'heading2:产值走势', 'chart', 'table']);
  const stored = storedBlocks(harness.dataFile, title)!;
  const paragraph = stored[1] as Extract<BulletinBlock, { type: 'paragraph' }>;
  expect(paragraph.content.map((i) => (i.type === 'text' ? [i.text, i.bold ?? false] : [i.accepted.label?.zh, i.accepted.value, i.accepted.unit, i.accepted.qualifier]))).toEqual([
    ['2023年，智能机器人产业产值', false],
    ['智能机器人 · 产值', 100, '100m_yuan', 'over'],
    ['；', false],
    ['十大新兴产业集群营业收入', true],
    ['10 个战略性新兴产业集群 · 营业收入', 30000, '100m_yuan', 'nearly'],
    ['。', false],
  ]);
  expect(stored[3]).toEqual({ type: 'chart', chart: { kind: 'trend', metric: 'output_value', entityIds: ['smart-robots', 'new-energy'] }, caption: '重点产业产值走势' });
  const table = stored[4] as Extract<BulletinBlock, { type: 'table' }>;
  expect([table.caption, table.accepted.map((a) => a.label?.en)]).toEqual(['主要数据', ['New energy · Output value', 'Smart robots · Output value']]);

  await app.reload();
  await shows();
});

test('live references: a changed figure shows 数据已更新 with 接受, a deleted one 数据已删除; cards are edited and removed', async ({ app, harness }) => {
  const title = '引用状态';
  await newDraft(app, title);
  const body = app.getByRole('textbox', { name: '正文' });
  const toolbar = app.getByRole('toolbar', { name: '正文编辑工具' });
  await body.click();
  await app.keyboard.type('新能源产值');
  await insertFigure(app, toolbar, '新能源', /^新能源 · 产值 · 2023/);
  await app.keyboard.type('，机器人产值');
  await insertFigure(app, toolbar, 'smart robots', /^智能机器人 · 产值 · 2023/);
  await toolbar.getByRole('button', { name: '插入引文' }).click();
  const quoteDialog = app.getByRole('dialog', { name: '插入引文' });
  await quoteDialog.getByRole('combobox', { name: '来源' }).click();
  await app.getByRole('option', { name: /Clusters of strategic and future industries/ }).click();
  await quoteDialog.getByRole('textbox', { name: '引文内容' }).fill('Guangdong has set up 20 strategic industrial clusters.');
  await quoteDialog.getByRole('button', { name: /保\s*存/ }).click();
  await toolbar.getByRole('button', { name: '插入表格' }).click();
  const tableDialog = app.getByRole('dialog', { name: '插入表格' });
  await tableDialog.getByRole('combobox', { name: /搜索数据/ }).fill('新能源');
  await tableDialog.getByRole('option', { name: /^新能源 · 产值 · 2023/ }).click();
  await tableDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => storedBlocks(harness.dataFile, title)?.map((b) => b.type), { timeout: 20_000 }).toEqual(['paragraph', 'quote', 'table']);

  // The figures change elsewhere in the app (through the app's own client, as the workbench would).
  const ids = await app.evaluate(async () => {
    const api = (window as unknown as { clusterBrief: Bridge }).clusterBrief;
    const page = await api.listFigures({ metric: 'output_value', q: '新能源' });
    const energy = page.rows.find((r) => r.entityId === 'new-energy')!;
    const robots = (await api.listFigures({ metric: 'output_value', entityId: 'smart-robots' })).rows[0]!;
    const { scope, entityId, metric, unit, period, sourceId, sourceQuote, note } = await api.getFigure({ id: energy.id });
    await api.saveFigure({ id: energy.id, figure: { scope, entityId, metric, unit, period, sourceId, sourceQuote, note, value: 6000, qualifier: 'about' } });
    await api.deleteItem({ targetType: 'figure', targetId: String(robots.id) });
    return { energy: energy.id, robots: robots.id };
  });
  expect(ids.energy).toBeGreaterThan(0);
  await app.reload();
  const energy = body.getByRole('group', { name: /^数据引用：新能源 · 产值 2023：约6000亿元，数据已更新/ });
  await expect(energy).toContainText('【数据已更新 · 原为 超过5000亿元】');
  const robots = body.getByRole('group', { name: /^数据引用：智能机器人 · 产值 2023：超过100亿元，数据已删除/ });
  await expect(robots).toContainText('【数据已删除】');
  await axeClean(app, '[role="textbox"][aria-multiline="true"]'); // the marks read at 4.5:1 (light theme here, dark in the English test)

  const table = body.getByRole('group', { name: '表格：（无标题）' });
  await expect(table.getByRole('listitem')).toHaveText(['新能源 · 产值 2023：约6000亿元【数据已更新 · 原为 超过5000亿元】接受']);

  // Accepting in the sentence accepts the figure everywhere the draft uses it (the table too).
  await energy.getByRole('button', { name: '接受新数值：新能源 · 产值 2023' }).click();
  await expect(body.getByRole('group', { name: '数据引用：新能源 · 产值 2023：约6000亿元' })).toBeVisible();
  await expect(table.getByRole('listitem')).toHaveText(['新能源 · 产值 2023：约6000亿元']);
  await expect(body.getByText(/数据已更新/)).toHaveCount(0);

  // A figure moved to another industry and city with its value unchanged says what it is now, not "was" the same value.
  await app.evaluate(async (id) => {
    const api = (window as unknown as { clusterBrief: Bridge }).clusterBrief;
    const { scope, metric, unit, period, sourceId, sourceQuote, note, value, qualifier } = await api.getFigure({ id });
    await api.saveFigure({ id, figure: { scope, entityId: 'digital-creativity', metric, cityCode: '440300', unit, period, sourceId, sourceQuote, note, value, qualifier } });
  }, ids.energy);
  await app.reload();
  const moved = body.getByRole('group', { name: /^数据引用：新能源 · 产值 2023：约6000亿元，数据已更新/ });
  await expect(moved).toContainText('【数据已更新 · 现为 数字创意 · 产值（深圳市）】');
  await expect(table.getByRole('listitem')).toHaveText(['新能源 · 产值 2023：约6000亿元【数据已更新 · 现为 数字创意 · 产值（深圳市）】接受']);
  const refs = app.getByRole('region', { name: '引用的数据' });
  await expect(refs).toContainText('新能源 · 产值 → 数字创意 · 产值（深圳市）');
  await expect(refs.getByText('约6000亿元 → 约6000亿元')).toHaveCount(0);
  await moved.getByRole('button', { name: '接受新数值：新能源 · 产值 2023' }).click();
  await expect(body.getByRole('group', { name: '数据引用：数字创意 · 产值（深圳市） 2023：约6000亿元' })).toBeVisible();

  // Edit a card: its dialog opens with its values; then remove it with Delete once selected.
  const quote = body.getByRole('group', { name: /^引文：Clusters of strategic/ });
  await quote.getByRole('button', { name: '编辑引文' }).click();
  const quoteEdit = app.getByRole('dialog', { name: '插入引文' });
  await expect(quoteEdit.getByRole('textbox', { name: '引文内容' })).toHaveValue('Guangdong has set up 20 strategic industrial clusters.');
  await quoteEdit.getByRole('textbox', { name: '引文内容' }).fill('The province has established eight industrial clusters.');
  await quoteEdit.getByRole('button', { name: /保\s*存/ }).click();
  await expect(quote).toContainText('The province has established eight industrial clusters.');
  await quote.getByText('The province has established eight industrial clusters.').click();
  await app.keyboard.press('Delete');
  await expect(quote).toHaveCount(0);
  await expect.poll(() => storedBlocks(harness.dataFile, title)?.map((b) => b.type), { timeout: 20_000 }).toEqual(['paragraph', 'table']);

  // A double click on a card opens its dialog too; its Remove button takes it out.
  await table.getByRole('listitem').dblclick();
  const tableEdit = app.getByRole('dialog', { name: '插入表格' });
  await expect(tableEdit.getByRole('list', { name: '已选数据' }).getByRole('listitem')).toHaveCount(1);
  await tableEdit.getByRole('textbox', { name: '标题' }).fill('新能源数据');
  await tableEdit.getByRole('button', { name: /保\s*存/ }).click();
  const renamed = body.getByRole('group', { name: '表格：新能源数据' });
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: '删除表格' }).click();
  await expect(renamed).toHaveCount(0);
  await expect.poll(() => storedBlocks(harness.dataFile, title)?.map((b) => b.type), { timeout: 20_000 }).toEqual(['paragraph']);
});

test('in English and in the dark theme: the toolbar, dialogs and references are named in English, an English issue prints values in English, and axe finds nothing serious', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'dark' });
  await nav(app, '简报编发').click();
  await app.getByRole('textbox', { name: '新简报标题' }).fill('Cluster bulletin');
  await app.getByRole('radiogroup', { name: '简报语言' }).getByRole('radio', { name: '英文' }).check();
  await app.getByRole('button', { name: '新建简报' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Cluster bulletin' })).toBeVisible();
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();

  const body = app.getByRole('textbox', { name: 'Text', exact: true });
  const toolbar = app.getByRole('toolbar', { name: 'Text editing tools' });
  await body.click();
  await app.keyboard.type('Revenue of the ten emerging clusters reached ');
  await toolbar.getByRole('button', { name: 'Insert figure' }).click();
  const dialog = app.getByRole('dialog', { name: 'Insert figure' });
  await dialog.getByRole('combobox', { name: /Search figures/ }).fill('营业收入');
  await expect(dialog.getByRole('option', { name: /Revenue · 2023 · nearly 3 trillion yuan/ })).toBeVisible();
  await axeClean(app, '[role="dialog"]');
  await dialog.getByRole('option', { name: /Revenue · 2023 · nearly 3 trillion yuan/ }).click();
  await app.keyboard.type('.');
  const revenue = body.getByRole('group', { name: 'Figure reference: The 10 strategic emerging industry clusters · Revenue 2023: nearly 3 trillion yuan' });
  await expect(revenue).toContainText('nearly 3 trillion yuan');
  await expect(toolbar.getByRole('button', { name: 'Heading 1' })).toBeDisabled();
  await body.screenshot({ path: path.join(ARTIFACTS, 'bulletin-editor-en-dark.png') });

  // The toolbar is reached from the text with the keyboard (Shift+Tab lands on its last button).
  await app.keyboard.press('Shift+Tab');
  await expect(toolbar.getByRole('button', { name: 'Insert quotation' })).toBeFocused();
  await app.keyboard.press('Enter');
  const quote = app.getByRole('dialog', { name: 'Insert quotation' });
  await expect(quote.getByRole('textbox', { name: 'Quoted passage' })).toBeVisible();
  await axeClean(app, '[role="dialog"]');
  await quote.getByRole('button', { name: 'Cancel' }).click();
  await expect(quote).toBeHidden();
  await axeClean(app, '[role="toolbar"]', '[role="textbox"][aria-multiline="true"]');
});

/** axe over the given parts of the screen: no serious or critical violation. */
async function axeClean(page: Page, ...parts: string[]): Promise<void> {
  expect(await seriousViolations(page, ...parts)).toEqual([]);
}

test('two undos: Ctrl+Z in the editor takes back typing; the header 撤销 takes back a saved edit, the editor shows the stored draft and starts a fresh typing history', async ({ app, harness }) => {
  const title = '撤销测试';
  await newDraft(app, title);
  const body = app.getByRole('textbox', { name: '正文' });
  const paragraphs = (): string[] | undefined => storedBlocks(harness.dataFile, title)?.map((b) => (b.type === 'paragraph' ? b.content.map((i) => (i.type === 'text' ? i.text : '#')).join('') : b.type));
  await body.click();
  await app.keyboard.type('第一句。');
  await expect.poll(paragraphs, { timeout: 20_000 }).toEqual(['第一句。']);
  await app.keyboard.type('第二句。');
  await expect.poll(paragraphs, { timeout: 20_000 }).toEqual(['第一句。第二句。']);

  // In the editor, Ctrl+Z takes back the typing (as in any text field); the page saves the result.
  await app.keyboard.press('ControlOrMeta+z');
  await expect(body).toHaveText('第一句。');
  await expect.poll(paragraphs, { timeout: 20_000 }).toEqual(['第一句。']);

  // The header's 撤销 takes back that saved edit: the editor shows the stored draft again.
  const undoRedo = app.getByRole('group', { name: '撤销与重做' });
  await undoRedo.getByRole('button', { name: '撤销' }).click();
  await expect(body).toHaveText('第一句。第二句。');
  await expect.poll(paragraphs).toEqual(['第一句。第二句。']);
  // The editor's typing history starts again from what was loaded: Ctrl+Z has nothing to take back.
  await body.click();
  await app.keyboard.press('ControlOrMeta+z');
  await expect(body).toHaveText('第一句。第二句。');
  // Showing the stored draft was not saved as a new edit: 重做 still brings the later edit back.
  await undoRedo.getByRole('button', { name: '重做' }).click();
  await expect(body).toHaveText('第一句。');
  await expect.poll(paragraphs).toEqual(['第一句。']);
});

/** Pastes HTML into the focused editor as a browser paste event carries it (from Word, a web page, or another draft). */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate((markup) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', markup.replace(/<[^>]+>/g, ''));
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test('pasted text keeps what the format holds and drops the rest: headings of any level, lists, italics, links, images; a reference copied from another draft stays a reference', async ({ app, harness }) => {
  const title = '粘贴测试';
  await newDraft(app, title);
  const body = app.getByRole('textbox', { name: '正文' });
  await body.click();
  const accepted = { value: 100, unit: '100m_yuan', qualifier: 'over', period: '2023', sourceId: 1, sourceQuote: null, source: null, label: { zh: '智能机器人 · 产值', en: 'Smart robots · Output value' } };
  await pasteHtml(
    app,
    `<h3>三、下一步工作</h3><ul><li>加快<i>培育</i>集群</li><li><a href="https://example.com">推动</a>项目落地<img src="x.png"></li></ul>` +
      `<p>机器人产值<span data-figure-ref="" data-figure-id="${'19'}" data-accepted='${JSON.stringify(accepted)}'>超过100亿元</span>。<b>重点</b><span data-figure-ref="" data-figure-id="oops" data-accepted="{broken">坏的</span></p>`,
  );
  await expect(body.getByRole('heading', { level: 2, name: '三、下一步工作' })).toBeVisible();
  await expect(body.getByRole('group', { name: '数据引用：智能机器人 · 产值 2023：超过100亿元' })).toBeVisible();
  await expect
    .poll(() => storedBlocks(harness.dataFile, title), { timeout: 20_000 })
    .toEqual([
      { type: 'heading', level: 2, text: '三、下一步工作' },
      { type: 'paragraph', content: [{ type: 'text', text: '加快培育集群' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '推动项目落地' }] },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: '机器人产值' }, { type: 'figure', figureId: 19, accepted }, { type: 'text', text: '。' }, { type: 'text', text: '重点', bold: true }],
      },
    ]);
});

test('a pasted table keeps its cells apart, a row a paragraph; the copied document’s note numbers are left out', async ({ app, harness }) => {
  const title = '粘贴表格';
  await newDraft(app, title);
  await app.getByRole('textbox', { name: '正文' }).click();
  await pasteHtml(app, `<p>产值<sup>1</sup>稳步增长。</p><table><tr><th>集群</th><th>产值</th></tr><tr><td>新能源</td><td>超过5000亿元</td></tr></table>`);
  // The cells ran together ("集群产值新能源超过5000亿元"), and "产值1" read as part of a number.
  await expect
    .poll(() => storedBlocks(harness.dataFile, title), { timeout: 20_000 })
    .toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '产值稳步增长。' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '集群\u3000产值' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '新能源\u3000超过5000亿元' }] },
    ]);
});

test('a body over 2000 blocks is not saved, says what is over the limit and offers no Retry that could only fail again; cut back, it saves by itself', async ({ app, harness }) => {
  const title = '超长正文';
  await newDraft(app, title);
  const body = app.getByRole('textbox', { name: '正文' });
  await body.click();
  await pasteHtml(app, Array.from({ length: 2001 }, (_, i) => `<p>第${i + 1}段。</p>`).join(''));
  const failure = app.getByRole('alert').filter({ hasText: '保存失败' });
  await expect(failure).toBeVisible({ timeout: 30_000 });
  await expect(failure).toContainText('“正文（段落、标题、表格、图表）”超过 2000 项的上限');
  await expect(failure).toContainText('按上面所说修改后，会自动再保存');
  await expect(failure.getByRole('button', { name: '重试保存' })).toHaveCount(0);
  await body.click();
  await app.keyboard.press('ControlOrMeta+a');
  await app.keyboard.type('只留一段。');
  await expect(app.getByRole('status').filter({ hasText: '已保存' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => storedBlocks(harness.dataFile, title), { timeout: 20_000 }).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: '只留一段。' }] }]);
});

test('a title or 按语 pasted over its limit says how much was left out', async ({ app }) => {
  // The field cut a 255-character title to 200 and a 6,002-character 按语 to 5,000 without a word but its counter (trust review).
  await newDraft(app, '粘贴过长');
  const paste = async (name: string, text: string): Promise<void> => {
    await app.getByRole('textbox', { name, exact: true }).focus();
    await app.keyboard.press('ControlOrMeta+a');
    await app.evaluate((value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  };
  await paste('标题', '产'.repeat(255));
  await expect(app.getByRole('alert').filter({ hasText: '粘贴的文字超过 200 字的上限：末尾 55 字未粘贴' })).toBeVisible();
  // Typing again clears it.
  await app.getByRole('textbox', { name: '标题', exact: true }).fill('短标题');
  await expect(app.getByRole('alert').filter({ hasText: '粘贴的文字超过' })).toHaveCount(0);
  await paste('按语', '按'.repeat(6002));
  await expect(app.getByRole('alert').filter({ hasText: '粘贴的文字超过 5000 字的上限：末尾 1002 字未粘贴' })).toBeVisible();
});

test('when the sources cannot be read, nothing can be inserted without them: the editor says why and inserts again after 重试', async ({ app }) => {
  // The data file answers listSources with a typed error (as when another program holds it), once.
  let refuse = true;
  await app.route('**/__harness/rpc/listSources', async (route) => {
    if (!refuse) return route.continue();
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'DB_LOCKED', message: 'locked', details: {} } }) });
  });
  await newDraft(app, '来源读取失败');
  const toolbar = app.getByRole('toolbar', { name: '正文编辑工具' });
  const failure = app.getByRole('alert').filter({ hasText: '无法载入：数据文件正被另一个程序占用' });
  await expect(failure).toBeVisible();
  for (const name of ['插入数据', '插入图表', '插入表格', '插入引文']) await expect(toolbar.getByRole('button', { name })).toBeDisabled();
  await expect(toolbar.getByRole('button', { name: '加粗' })).toBeVisible();

  refuse = false;
  await failure.getByRole('button', { name: '重试' }).click();
  await expect(failure).toBeHidden();
  for (const name of ['插入数据', '插入图表', '插入表格', '插入引文']) await expect(toolbar.getByRole('button', { name })).toBeEnabled();
});

test('two windows on one draft: the second save is held back, naming the change; the analyst keeps theirs over it, or loads the other window’s', async ({ app, harness }) => {
  const title = '两个窗口的简报';
  await newDraft(app, title);
  const url = app.url();
  const other = await app.context().newPage();
  await other.goto(url);
  await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Window A types and its autosave stores the sentence.
  await app.getByRole('textbox', { name: '正文' }).click();
  await app.keyboard.type('甲补充的一句。');
  await expect(app.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect.poll(() => JSON.stringify(storedBlocks(harness.dataFile, title))).toContain('甲补充的一句。');

  // Window B, still showing the draft as it opened, types: its save replaced A's sentence without a word.
  await other.getByRole('textbox', { name: '正文' }).click();
  await other.keyboard.type('乙补充的一句。');
  const held = other.getByRole('alert').filter({ hasText: '这份简报已在另一处被修改' });
  await expect(held).toContainText('在你打开之后已被修改');
  expect(JSON.stringify(storedBlocks(harness.dataFile, title))).toContain('甲补充的一句。');
  expect(JSON.stringify(storedBlocks(harness.dataFile, title))).not.toContain('乙补充的一句。');

  // B keeps theirs over it.
  await held.getByRole('button', { name: '仍用这里的内容覆盖' }).click();
  await expect(other.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect.poll(() => JSON.stringify(storedBlocks(harness.dataFile, title))).toContain('乙补充的一句。');

  // A, still showing its own text, types again: held back in turn; it loads B's instead.
  await app.getByRole('textbox', { name: '正文' }).click();
  await app.keyboard.press('End');
  await app.keyboard.type('再补一句。');
  const heldA = app.getByRole('alert').filter({ hasText: '这份简报已在另一处被修改' });
  await expect(heldA).toBeVisible();
  await heldA.getByRole('button', { name: '载入另一处保存的内容（放弃这里的修改）' }).click();
  await expect(app.getByRole('textbox', { name: '正文' })).toContainText('乙补充的一句。');
  await expect(app.getByRole('textbox', { name: '正文' })).not.toContainText('再补一句。');
  await expect(heldA).toHaveCount(0);
  await other.close();
});

test('插入数据: Enter typed at once, before the results arrive, inserts the first of them', async ({ app }) => {
  await newDraft(app, '回车插入');
  const body = app.getByRole('textbox', { name: '正文' });
  const toolbar = app.getByRole('toolbar', { name: '正文编辑工具' });
  await body.click();
  await app.keyboard.type('产值');
  const dialog = app.getByRole('dialog', { name: '插入数据' });
  for (const [typed, inserted] of [
    ['智能机器人', 1],
    ['smart robots', 2],
  ] as const) {
    await toolbar.getByRole('button', { name: '插入数据' }).click();
    const box = dialog.getByRole('combobox', { name: /搜索数据/ });
    await expect(box).toBeFocused();
    // The search waits for a pause in typing: this Enter comes before any result is listed.
    await box.fill(typed);
    await box.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(body.getByRole('group', { name: /^数据引用：智能机器人 · / })).toHaveCount(inserted);
    await expect(body).toBeFocused();
  }
  await app.screenshot({ path: path.join(ARTIFACTS, 'bulletin-editor-enter-inserts-zh.png') });
  // Nothing found: Enter inserts nothing, and the dialog says so.
  await toolbar.getByRole('button', { name: '插入数据' }).click();
  await dialog.getByRole('combobox', { name: /搜索数据/ }).fill('没有这个产业');
  await dialog.getByRole('combobox', { name: /搜索数据/ }).press('Enter');
  await expect(dialog.getByText('没有找到数据。')).toBeVisible();
  await expect(body.getByRole('group', { name: /^数据引用：/ })).toHaveCount(2);
});
