import path from 'node:path';
import { openDataFile } from '../../electron/services/db/open';
import { getProvince, listEntities } from '../../electron/services/db/read';
import { seriousViolations } from '../helpers/axe';
import { ARTIFACTS, expect, test } from './fixtures';

test('the overview shows the province figures and 27 entities in three groups', async ({ app }) => {
  await expect(app.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
  await expect(app.getByRole('article', { name: '10 个战略性新兴产业集群 · 营业收入' })).toContainText('近3万亿元');
  await expect(app.getByRole('article', { name: '20 个战略性产业集群 · 增加值同比增长' })).toContainText('5.2%');
  await expect(app.getByRole('article', { name: '20 个战略性产业集群 · 占全省 GDP 比重' })).toContainText('40%');

  const groups = [
    ['战略性支柱产业集群', 10],
    ['战略性新兴产业集群', 10],
    ['未来产业', 7],
  ] as const;
  let total = 0;
  for (const [name, count] of groups) {
    const items = app.getByRole('region', { name, exact: true }).getByRole('listitem');
    await expect(items).toHaveCount(count);
    total += count;
  }
  expect(total).toBe(27);
  await expect(app.getByRole('region', { name: '战略性支柱产业集群', exact: true })).toContainText('产值超万亿元');
  await app.screenshot({ path: path.join(ARTIFACTS, 'overview-zh.png'), fullPage: true });
});

test('opening 智能机器人 shows its tier and the sentence its figure comes from', async ({ app }) => {
  await app.getByRole('link', { name: '智能机器人', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: '智能机器人' })).toBeVisible();
  await expect(app.getByText('产值超百亿元')).toBeVisible();
  const figures = app.getByRole('table', { name: '数据' });
  await expect(figures).toContainText('超过100亿元');
  await expect(figures).toContainText('China Daily');
  await expect(figures).toContainText('2024-10-23');
  await expect(figures.getByRole('blockquote', { name: '原文' })).toContainText(
    'two industrial clusters — smart robots, as well as blockchain and quantum information — boast annual production capacities of over 10 billion yuan each',
  );
  await app.screenshot({ path: path.join(ARTIFACTS, 'entity-smart-robots-zh.png'), fullPage: true });
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: '智能机器人' })).toBeVisible();
});

test("every future industry's page shows the action plan's goals with their sources; a cluster's page does not", async ({ app, harness }) => {
  test.setTimeout(150_000); // seven pages opened afresh and axe twice, on a loaded machine
  const db = openDataFile(harness.dataFile, { mustExist: true });
  const province = getProvince(db);
  const future = listEntities(db, { category: 'future' });
  db.close();
  expect(province.milestones.length).toBeGreaterThan(0);
  for (const entity of future) {
    await app.goto(`${harness.origin}/#/entity/${entity.id}`);
    await expect(app.getByRole('heading', { level: 1, name: entity.name.zh })).toBeVisible();
    const goals = app.getByRole('region', { name: '未来产业发展目标' });
    for (const m of province.milestones) {
      const card = goals.getByRole('heading', { level: 3, name: `到 ${m.year} 年` }).locator('xpath=..');
      await expect(card).toContainText(m.text.zh);
      await card.getByText('来源', { exact: true }).click();
      await expect(card.getByRole('blockquote', { name: '原文' })).toHaveText(m.sourceQuote ?? '');
    }
  }
  expect(await seriousViolations(app)).toEqual([]);
  await app.screenshot({ path: path.join(ARTIFACTS, 'entity-future-zh.png'), fullPage: true });

  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  const last = future.at(-1);
  if (!last) throw new Error('the seed has no future industries');
  await app.goto(`${harness.origin}/#/entity/${last.id}`);
  await expect(app.getByRole('heading', { level: 1, name: last.name.en })).toBeVisible();
  const goals = app.getByRole('region', { name: 'Future industry goals' });
  for (const m of province.milestones) {
    const card = goals.getByRole('heading', { level: 3, name: `By ${m.year}` }).locator('xpath=..');
    await expect(card).toContainText(m.text.en);
    await card.getByText('Source', { exact: true }).click();
    await expect(card.getByRole('blockquote', { name: 'Quoted' })).toHaveText(m.sourceQuote ?? '');
  }
  expect(await seriousViolations(app)).toEqual([]);
  await app.screenshot({ path: path.join(ARTIFACTS, 'entity-future-en-dark.png'), fullPage: true });

  await app.goto(`${harness.origin}/#/`);
  await app.getByRole('link', { name: 'Smart robots', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Smart robots' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Future industry goals' })).toHaveCount(0);
});

test('switching to English shows every name in English, and the choice survives a reload', async ({ app }) => {
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(app.getByRole('link', { name: 'Smart robots', exact: true })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Future industries', exact: true }).getByRole('listitem')).toHaveCount(7);
  await expect(app.getByRole('article', { name: 'The 10 strategic emerging industry clusters · Revenue' })).toContainText('nearly 3 trillion yuan');
  await app.screenshot({ path: path.join(ARTIFACTS, 'overview-en.png'), fullPage: true });

  await app.getByRole('link', { name: 'Smart robots', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Smart robots' })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Figures' })).toContainText('over 10 billion yuan');
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'Smart robots' })).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
});

test('the harness refuses requests without the per-run token', async ({ harness, request }) => {
  const page = await request.get(`${harness.origin}/`, { maxRedirects: 0 });
  expect(page.status()).toBe(403);
  const rpc = await request.post(`${harness.origin}/__harness/rpc/listEntities`, { data: {}, headers: { 'x-cluster-brief': '1' } });
  expect(rpc.status()).toBe(403);
  const wrong = await request.get(`${harness.origin}/?token=${'0'.repeat(48)}`, { maxRedirects: 0 });
  expect(wrong.status()).toBe(403);
});
