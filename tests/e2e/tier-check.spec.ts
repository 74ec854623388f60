/**
 * An analyst corrects 智能机器人's output below its tier: the industry's page says the figure and the
 * tier disagree, the briefing builder lists it and asks before exporting, and the PDF prints the figure.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures';

const pdfText = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

test('a figure that disagrees with its tier is shown on the industry and asked about before export', async ({ app, harness }) => {
  // A colleague's correction arrives in the data file (as the command line or another window would write it).
  const db = new Database(harness.dataFile);
  db.prepare(`UPDATE figures SET value = 95, qualifier = 'nearly' WHERE entity_id = 'smart-robots' AND metric = 'output_value'`).run();
  db.close();

  await app.getByRole('link', { name: '智能机器人', exact: true }).click();
  const notice = app.getByRole('status').filter({ hasText: '与产值档次（超过100亿元）不一致' });
  await expect(notice).toContainText('最新产值数据（近95亿元，2023）');
  await expect(notice).toContainText('按这一数据低于所有档次');

  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '简报生成', exact: true }).click();
  await app.getByRole('radiogroup', { name: '模板' }).getByRole('radio', { name: '一页简报' }).check();
  const warning = app.getByRole('status').filter({ hasText: '1个产业的最新产值数据与产值档次不一致' });
  await expect(warning).toContainText('智能机器人：近95亿元（2023），档次为超过100亿元');
  await app.screenshot({ path: path.join(ARTIFACTS, 'briefing-tier-warning.png'), fullPage: true });

  await app.getByRole('checkbox', { name: '导出后打开文件' }).uncheck();
  await app.getByRole('button', { name: '导出 PDF' }).click();
  await expect(app.getByText('有产值数据与产值档次不一致，简报将按最新数据印出。仍要导出吗？')).toBeVisible();
  await app.getByRole('button', { name: '取消' }).click();
  expect(fs.existsSync(harness.saveDir) ? fs.readdirSync(harness.saveDir) : []).toEqual([]);

  await app.getByRole('button', { name: '导出 PDF' }).click();
  await app.getByRole('button', { name: '仍然导出' }).click();
  await expect(app.getByRole('status').filter({ hasText: '已导出' })).toBeVisible({ timeout: 60_000 });
  const [file] = fs.readdirSync(harness.saveDir);
  expect(pdfText(path.join(harness.saveDir, file!))).toContain('近95亿元');

  // In English too.
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('status').filter({ hasText: '1 industry has a latest output figure that disagrees with its tier' })).toContainText('Smart robots: nearly 9.5 billion yuan (2023), tier over 10 billion yuan');
});
