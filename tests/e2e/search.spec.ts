import { createFigure } from '../../electron/services/db/figures';
import { openDataFile } from '../../electron/services/db/open';
import { newChange } from '../../electron/services/db/revisions';
import { expect, test } from './fixtures';

test('find 量子科技 by "quantum" from the overview, and anything from any screen with Ctrl+K, in both languages', async ({ app }) => {
  // The overview's box: an industry without figures is found by its English name.
  const box = app.getByRole('searchbox', { name: '搜索全部内容' });
  await box.fill('quantum');
  const results = app.getByRole('region', { name: '搜索结果' });
  const industries = results.getByRole('region', { name: '产业' });
  await expect(industries.getByRole('listitem').filter({ hasText: '量子科技' })).toContainText('暂无数据');
  await expect(industries.getByRole('link', { name: /区块链与量子信息/ })).toBeVisible();
  // Snippets end between words: never "…quantu…".
  await expect(results.getByRole('region', { name: '数据' }).getByText(/blockchain and quantum information/).first()).toBeVisible();
  expect(await results.textContent()).not.toMatch(/quantu(?!m)/i);
  await industries.getByRole('link', { name: /量子科技/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: /量子科技/ })).toBeVisible();

  // Ctrl+K on another screen opens the same search.
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '数据工作台' })).toBeVisible();
  await app.keyboard.press('Control+k');
  const dialog = app.getByRole('dialog', { name: '搜索' });
  await expect(dialog.getByRole('searchbox', { name: '搜索全部内容' })).toBeFocused();
  await app.keyboard.type('机器人');
  await expect(dialog.getByRole('region', { name: '产业' }).getByRole('link', { name: /智能机器人/ })).toBeVisible();
  await dialog.getByRole('region', { name: '产业' }).getByRole('link', { name: /智能机器人/ }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('heading', { level: 1, name: /智能机器人/ })).toBeVisible();

  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await app.keyboard.press('Control+k');
  const en = app.getByRole('dialog', { name: 'Search' });
  await en.getByRole('searchbox', { name: 'Search everything' }).fill('量子');
  await expect(en.getByRole('region', { name: 'Industries' }).getByRole('listitem').filter({ hasText: 'Quantum technology' })).toContainText('No figures yet');
  await app.keyboard.press('Escape');
  await expect(en).toBeHidden();
});

test('a figure found by Ctrl+K opens in its edit panel, reached by the arrow keys, from the workbench too; closed, it stays closed after a reload', async ({ app }) => {
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '数据工作台' })).toBeVisible();
  await app.keyboard.press('Control+k');
  const dialog = app.getByRole('dialog', { name: '搜索' });
  await expect(dialog.getByRole('searchbox', { name: '搜索全部内容' })).toBeFocused();
  await app.keyboard.type('9.2');
  const figures = dialog.getByRole('region', { name: '数据' });
  const found = figures.getByRole('link', { name: /10 个战略性新兴产业集群 · 增加值同比增长 · 2023/ });
  await expect(found).toBeVisible();
  // Down from the box walks the results in order, Up walks back to the box.
  await app.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('link').first()).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(dialog.getByRole('searchbox', { name: '搜索全部内容' })).toBeFocused();
  await found.click();
  await expect(dialog).toBeHidden();
  // A province-level figure has no page of its own: its panel opens over the workbench.
  const panel = app.getByRole('dialog', { name: /^编辑数据 · 10 个战略性新兴产业集群 · 增加值同比增长 · 2023/ });
  await expect(panel.getByLabel('数值')).toHaveValue('9.2');
  await panel.getByRole('button', { name: '取消' }).click();
  await expect(panel).toBeHidden();
  // Closed, the workbench is not opened afresh by the next change around it (the language here): what was typed stays.
  const filter = app.getByRole('main').getByRole('searchbox', { name: '搜索' });
  await filter.fill('机器人');
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Figures workbench' })).toBeVisible();
  await expect(app.getByRole('main').getByRole('searchbox').first()).toHaveValue('机器人');
  await app.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: '数据工作台' })).toBeVisible();
  await expect(app.getByRole('dialog', { name: /^编辑数据/ })).toHaveCount(0);
});

test('a search with more results than it lists says so and shows more on request; the workbench takes the search from its address', async ({ app }) => {
  const box = app.getByRole('searchbox', { name: '搜索全部内容' });
  await box.fill('and');
  const results = app.getByRole('region', { name: '搜索结果' });
  const industries = results.getByRole('region', { name: '产业' });
  // Eleven industries have "and" in their English names; eight were listed, with no word of the rest.
  await expect(industries.getByRole('listitem')).toHaveCount(8);
  await results.getByRole('button', { name: '每类只列出了前 8 项：显示更多' }).click();
  await expect(industries.getByRole('listitem')).toHaveCount(11);
  await expect(industries.getByRole('link', { name: /生命健康/ })).toBeVisible();
  await expect(results.getByRole('button', { name: /显示更多/ })).toHaveCount(0);
  // Another search starts with the first few again.
  await box.fill('robots');
  await expect(industries.getByRole('listitem')).toHaveCount(1);
  await box.fill('and');
  await expect(industries.getByRole('listitem')).toHaveCount(8);

  await app.goto(`${new URL(app.url()).origin}/#/workbench?q=quantum`);
  await expect(app.getByRole('heading', { level: 1, name: '数据工作台' })).toBeVisible();
  await expect(app.getByRole('main').getByRole('searchbox', { name: '搜索' })).toHaveValue('quantum');
  await expect(app.getByRole('table', { name: '数据' })).toContainText('智能机器人');
  await expect(app.getByRole('table', { name: '数据' })).not.toContainText('新一代电子信息');
});

test('a search that finds more figures than it can list says so and opens them all in the workbench', async ({ app, harness }) => {
  // 55 figures noted "sampling check" (another program on the same file), more than the search's 50.
  const other = openDataFile(harness.dataFile, { mustExist: true });
  other.transaction(() => {
    for (let i = 0; i < 55; i++)
      createFigure(other, newChange('王同事'), { scope: 'entity', entityId: 'smart-robots', metric: 'output_value', value: i + 1, unit: '100m_yuan', qualifier: 'exact', period: String(1960 + i), cityCode: null, sourceId: null, sourceQuote: null, note: 'sampling check' });
  })();
  other.close();
  await app.reload();
  await app.getByRole('searchbox', { name: '搜索全部内容' }).fill('sampling');
  const results = app.getByRole('region', { name: '搜索结果' });
  await results.getByRole('button', { name: '每类只列出了前 8 项：显示更多' }).click();
  await expect(results.getByRole('region', { name: '数据' }).getByRole('listitem')).toHaveCount(50);
  await expect(results).toContainText('数据只列出了前 50 项。');
  await results.getByRole('link', { name: '在工作台中查看全部' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '数据工作台' })).toBeVisible();
  await expect(app.getByRole('main').getByRole('searchbox', { name: '搜索' })).toHaveValue('sampling');
  await expect(app.getByRole('main')).toContainText('共 55 条数据');
});

test('在工作台中查看全部 after a search by a value as printed opens every figure found: the workbench finds them by the same words', async ({ app, harness }) => {
  // 55 figures that print 约7亿元, with no note or quote that says so (another program on the same file).
  const other = openDataFile(harness.dataFile, { mustExist: true });
  other.transaction(() => {
    for (let i = 0; i < 55; i++)
      createFigure(other, newChange('王同事'), { scope: 'entity', entityId: 'smart-robots', metric: 'revenue', value: 7, unit: '100m_yuan', qualifier: 'about', period: String(1960 + i), cityCode: null, sourceId: null, sourceQuote: null, note: null });
  })();
  other.close();
  await app.reload();
  await app.getByRole('searchbox', { name: '搜索全部内容' }).fill('约7亿元');
  const results = app.getByRole('region', { name: '搜索结果' });
  await results.getByRole('button', { name: '每类只列出了前 8 项：显示更多' }).click();
  await expect(results).toContainText('数据只列出了前 50 项。');
  await results.getByRole('link', { name: '在工作台中查看全部' }).click();
  await expect(app.getByRole('main').getByRole('searchbox', { name: '搜索' })).toHaveValue('约7亿元');
  await expect(app.getByRole('main')).toContainText('共 55 条数据');
  // A metric's name in the workbench's own box, in English too: 营业收入 / revenue, not only words of notes.
  await app.getByRole('main').getByRole('searchbox', { name: '搜索' }).fill('智能机器人 营业收入 1999');
  await expect(app.getByRole('main')).toContainText('共 1 条数据');
  await expect(app.getByRole('table', { name: '数据' })).toContainText('约7亿元');
});

test('a figure is found by its metric\'s name: 产值 in Ctrl+K lists 智能机器人\'s output value, which no note or quote of it says', async ({ app }) => {
  await app.keyboard.press('Control+k');
  const dialog = app.getByRole('dialog', { name: '搜索' });
  await expect(dialog.getByRole('searchbox', { name: '搜索全部内容' })).toBeFocused();
  await app.keyboard.type('产值');
  const figures = dialog.getByRole('region', { name: '数据' });
  await expect(figures.getByRole('listitem').first()).toBeVisible();
  // Every industry's 产值 is listed (more than the first eight), 智能机器人's among them.
  await dialog.getByRole('button', { name: '每类只列出了前 8 项：显示更多' }).click();
  const robots = figures.getByRole('link', { name: '智能机器人 · 产值 · 2023：超过100亿元' });
  await expect(robots).toBeVisible();
  await robots.click();
  await expect(dialog).toBeHidden();
  const panel = app.getByRole('dialog', { name: /^编辑数据 · 智能机器人 · 产值 · 2023/ });
  await expect(panel.getByLabel('数值')).toHaveValue('100');
});
