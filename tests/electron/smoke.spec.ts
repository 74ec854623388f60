/** The real app in a real Electron: it starts on a temporary data file and shows the overview. */
import fs from 'node:fs';
import { expect, skipWithoutRuntime, test } from './electron-app';

skipWithoutRuntime();

test('the app starts on a temporary data file and shows the overview', async ({ running: { page, dataFile } }) => {
  await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
  for (const [name, count] of [
    ['战略性支柱产业集群', 10],
    ['战略性新兴产业集群', 10],
    ['未来产业', 7],
  ] as const) {
    await expect(page.getByRole('region', { name, exact: true }).getByRole('listitem')).toHaveCount(count);
  }
  await expect(page.getByRole('article', { name: '10 个战略性新兴产业集群 · 营业收入' })).toContainText('近3万亿元');
  // The app seeded the file it was given, and nothing else.
  expect(fs.existsSync(dataFile)).toBe(true);
  expect(fs.statSync(dataFile).size).toBeGreaterThan(0);
});

test('the app reads the data through the preload client: opening 智能机器人 shows its source', async ({ running: { page } }) => {
  await page.getByRole('link', { name: '查看 智能机器人' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '智能机器人' })).toBeVisible();
  await expect(page.getByRole('table', { name: '数据' })).toContainText('China Daily');
});
