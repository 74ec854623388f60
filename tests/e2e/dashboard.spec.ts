import path from 'node:path';
import { seriousViolations } from '../helpers/axe';
import { ARTIFACTS, expect, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('the dashboard shows the province growth rates and the GDP share on their own charts, read out by value, in both languages and themes', async ({ app }) => {
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '仪表盘' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '仪表盘' })).toBeVisible();

  // Two charts, each named by its values (not "…的数据是1，0").
  const growth = app.getByRole('img', { name: '图表：增加值同比增长（2023）：20 个战略性产业集群 5.2%；10 个战略性新兴产业集群 9.2%。' });
  const share = app.getByRole('img', { name: '图表：占全省 GDP 比重（2023）：20 个战略性产业集群 40%。' });
  await expect(growth).toBeVisible();
  await expect(share).toBeVisible();
  await expect(growth.getByText('9.2%')).toBeVisible();
  await expect(app.getByRole('img', { name: /新一代电子信息 产值超万亿元/ })).toBeVisible();
  // Nothing to attend to in a new data file: no chart of zeros.
  await expect(app.getByRole('img', { name: /未解决批注（按类别）/ })).toHaveCount(0);
  // The GDP share's label is drawn whole, never 占全省 GDP 比 / 重.
  await expect(app.getByText('占全省 GDP 比重（2023）')).toBeVisible();
  expect(await seriousViolations(app)).toEqual([]);
  await app.screenshot({ path: path.join(ARTIFACTS, 'dashboard-zh-light.png'), fullPage: true });

  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await app.getByRole('radiogroup', { name: '主题' }).getByRole('radio', { name: '深色' }).check();
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(app.getByRole('img', { name: 'Chart: Added value growth, year on year (2023): The 20 strategic industry clusters 5.2%; The 10 strategic emerging industry clusters 9.2%.' })).toBeVisible();
  await expect(app.getByRole('img', { name: "Chart: Share of Guangdong's GDP (2023): The 20 strategic industry clusters 40%." })).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Every cluster's name on the output chart is drawn whole: a long one on two lines, none cut short.
  const tiers = app.getByRole('img', { name: /^Chart: Output tiers/ });
  await expect(tiers).toBeVisible();
  const drawn = await tiers.evaluate((el) => Array.from(el.querySelectorAll('svg text')).map((t) => t.textContent ?? ''));
  expect(drawn.filter((t) => /\.\.\.|…/.test(t)), 'words cut short on the output chart').toEqual([]);
  const names = await app.evaluate(async () => {
    const entities = await (window as unknown as { clusterBrief: { listEntities: (q: object) => Promise<{ name: { en: string }; tier: string | null }[]> } }).clusterBrief.listEntities({});
    return entities.filter((e) => e.tier !== null).map((e) => e.name.en);
  });
  expect(names.length).toBe(20);
  const joined = drawn.join(' ').replace(/\s+/g, ' ');
  expect(names.filter((n) => !joined.includes(n)), 'names not drawn whole on the output chart').toEqual([]);
  expect(await seriousViolations(app)).toEqual([]);
  await app.screenshot({ path: path.join(ARTIFACTS, 'dashboard-en-dark.png'), fullPage: true });
});

test("every chart writes its words in the app's own font, never the system's (which may have no Chinese)", async ({ app }) => {
  /** Each chart text on the page: its words, the first font it names, and whether that font is loaded for those words. */
  const chartTexts = (): Promise<{ text: string; first: string; loaded: boolean }[]> =>
    app.evaluate(() =>
      Array.from(document.querySelectorAll('[role="img"] svg text')).map((t) => {
        const style = getComputedStyle(t);
        const text = t.textContent ?? '';
        return { text, first: style.fontFamily.split(',')[0]!.trim().replace(/^["']|["']$/g, ''), loaded: document.fonts.check(`${style.fontSize} ${style.fontFamily}`, text) };
      }),
    );
  const expectAppFont = async (): Promise<void> => {
    const texts = await chartTexts();
    // Chinese words among them: the industries' names on the axis.
    expect(texts.filter((t) => /[\u4e00-\u9fff]/.test(t.text)).length).toBeGreaterThan(10);
    expect(texts.filter((t) => t.first !== 'Noto Sans SC' || !t.loaded)).toEqual([]);
  };
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '仪表盘' }).click();
  await expect(app.getByRole('img', { name: /新一代电子信息 产值超万亿元/ })).toBeVisible();
  await expect(app.getByRole('region', { name: '趋势对比' }).getByRole('img', { name: /^图表：产值趋势：/ })).toBeVisible();
  await expectAppFont();
  await app.goto(app.url().replace(/#.*$/, '#/entity/smart-robots'));
  await expect(app.getByRole('region', { name: '趋势' }).getByRole('img', { name: /^图表：产值趋势：/ })).toBeVisible();
  const texts = await chartTexts();
  // One period on record: the trend compares it, each bar named with its period.
  expect(texts.map((t) => t.text)).toContain('智能机器人（2023）');
  expect(texts.filter((t) => t.first !== 'Noto Sans SC' || !t.loaded)).toEqual([]);
});

test('an industry’s trend follows the theme as it changes: its words light on dark, dark on light', async ({ app }) => {
  // The data file follows the system's theme. The chart read the theme from the page before the app had set it,
  // so it drew near-black words on black after a reload or a change of the system's theme.
  await app.emulateMedia({ colorScheme: 'light' });
  await app.goto(`${app.url().split('#')[0]}#/entity/electronics-it`);
  const trend = app.getByRole('region', { name: '趋势' }).getByRole('img', { name: /^图表：/ });
  await expect(trend).toBeVisible();
  /** The darkest word of the chart, by its fill's luminance (0 black, 255 white). */
  const darkest = (): Promise<number> =>
    trend.evaluate((el) =>
      Math.min(
        ...Array.from(el.querySelectorAll('svg text')).map((t) => {
          const [r, g, b] = (getComputedStyle(t).fill.match(/\d+/g) ?? ['0', '0', '0']).map(Number);
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        }),
      ),
    );
  await expect.poll(darkest).toBeLessThan(110);
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(darkest).toBeGreaterThan(110);
});
