/**
 * The header on a laptop screen (1280 and 1366 px wide): every link and button on one row, inside
 * the window, in Chinese and in English (English used to wrap onto a second row below 1536 px), in
 * the light and the dark theme; each item found by its role and name, and reached by the keyboard.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seriousViolations } from '../helpers/axe';
import { ARTIFACTS, expect, test } from './fixtures';

const WORDS = {
  zh: { nav: '主导航', title: '产业集群简报工作台', links: ['总览', '工作台', '仪表盘', '数据核查', '批注', '简报编发', '简报生成', '导入 Excel', '导入统计表', '设置'], buttons: ['导出 Excel', '撤销', '重做', '中文', 'English'] },
  en: { nav: 'Main navigation', title: 'Cluster Brief', links: ['Overview', 'Workbench', 'Dashboard', 'Checks', 'Annotations', 'Bulletins', 'Briefings', 'Import Excel', 'Import table', 'Settings'], buttons: ['Export Excel', 'Undo', 'Redo', '中文', 'English'] },
};

/** Every item of the header, by role and name, with where it is on the screen. */
async function headerItems(app: Page, lang: 'zh' | 'en'): Promise<{ name: string; x: number; y: number; width: number; height: number }[]> {
  const words = WORDS[lang];
  const banner = app.getByRole('banner');
  const nav = banner.getByRole('navigation', { name: words.nav });
  const items = [
    { name: words.title, locator: banner.getByRole('link', { name: words.title, exact: true }) },
    ...words.links.map((name) => ({ name, locator: nav.getByRole('link', { name, exact: true }) })),
    ...words.buttons.map((name) => ({ name, locator: banner.getByRole('button', { name, exact: true }) })),
  ];
  const boxes = [];
  for (const { name, locator } of items) {
    await expect(locator, name).toBeVisible();
    boxes.push({ name, ...(await locator.boundingBox())! });
  }
  return boxes;
}

/** Every item on one row (the same top within 2 px) and inside the window. */
async function oneRowInside(app: Page, lang: 'zh' | 'en'): Promise<void> {
  const { width, height } = app.viewportSize()!;
  const items = await headerItems(app, lang);
  const top = items[0]!.y;
  for (const item of items) {
    expect(Math.abs(item.y - top), `${lang} ${width}px: "${item.name}" top ${item.y} vs ${top}`).toBeLessThanOrEqual(2);
    expect(item.x, `${lang} ${width}px: "${item.name}" starts inside the window`).toBeGreaterThanOrEqual(0);
    expect(item.x + item.width, `${lang} ${width}px: "${item.name}" ends inside the window`).toBeLessThanOrEqual(width);
    expect(item.y + item.height, `${lang} ${width}px: "${item.name}" inside the window`).toBeLessThanOrEqual(height);
  }
  expect(await app.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'page wider than the window by (px)').toBeLessThanOrEqual(0);
}

for (const [width, height] of [
  [1280, 800],
  [1366, 900],
] as const) {
  test(`at ${width}×${height} the header is one row inside the window, in Chinese and in English, light and dark`, async ({ app }) => {
    await app.setViewportSize({ width, height });
    const shot = (name: string): Promise<Buffer> => app.screenshot({ path: path.join(ARTIFACTS, `header-${name}-${width}.png`), clip: { x: 0, y: 0, width, height: 100 } });

    await oneRowInside(app, 'zh');
    await shot('zh');
    await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
    await oneRowInside(app, 'en');
    await shot('en');

    // The dark theme, on the settings page (the gear the current page).
    await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await app.emulateMedia({ colorScheme: 'dark' });
    await oneRowInside(app, 'en');
    await expect(app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
    await shot('en-dark');
    expect(await seriousViolations(app, 'header')).toEqual([]);
    await app.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await oneRowInside(app, 'zh');
    await shot('zh-dark');
  });
}

test('the keyboard reaches every item of the header in order, the gear and the arrows by their names', async ({ app }) => {
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await app.getByRole('banner').getByRole('link', { name: 'Cluster Brief' }).focus();
  const reached: string[] = [];
  for (let i = 0; i < 16; i++) {
    await app.keyboard.press('Tab');
    reached.push(await app.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.closest('header') ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    }));
  }
  // Undo and redo are disabled until something is changed: the keyboard passes them by.
  expect(reached.filter((name) => name !== '').slice(0, 13)).toEqual([...WORDS.en.links, 'Export Excel', '中文', 'English']);
});
