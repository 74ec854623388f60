import Database from 'better-sqlite3';
import { backupBeside, listBackups } from '../../electron/services/db/backup';
import { updateFigure } from '../../electron/services/db/figures';
import { openDataFile } from '../../electron/services/db/open';
import { newChange } from '../../electron/services/db/revisions';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seriousViolations } from '../helpers/axe';
import { damagePage } from '../helpers/damage';
import { confirmAuthor, expect, startHarness, stopHarness, test } from './fixtures';

test.describe.configure({ timeout: 150_000 });
// The analyst's own clock (UTC+8, no summer time), so the backup's time on the screen can be checked.
test.use({ timezoneId: 'Asia/Shanghai' });

/** Figure 19: smart robots' output value, 100 (亿元) as seeded. */
const valueIn = (file: string): unknown => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT value FROM figures WHERE id = 19`).pluck().get();
  } finally {
    db.close();
  }
};

test('list the backups in Settings and restore one: the data goes back, the current file is kept first', async ({ app, harness }) => {
  // A backup taken before an import, then a change after it — by another program on the same file.
  const other = openDataFile(harness.dataFile, { mustExist: true });
  const backup = backupBeside(other, harness.dataFile, 'before-import');
  other.transaction(() => updateFigure(other, newChange('王同事'), 19, { value: 777 }))();
  other.close();

  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  const section = app.getByRole('region', { name: '备份' });
  const restoreButtons = section.getByRole('button', { name: /^恢复此备份/ });
  await expect(restoreButtons).toHaveCount(1);
  await expect(section).toContainText('导入前');
  // Taken at, in the analyst's time (as every other time in the app), to the second: two backups can share a minute.
  const taken = listBackups(harness.dataFile)[0]!.takenAt;
  const shanghai = new Date(Date.parse(taken) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  await expect(section.getByRole('listitem').first()).toContainText(shanghai);
  await expect(section).not.toContainText('UTC');
  await section.getByRole('button', { name: `恢复此备份 ${backup.split('/').pop()}` }).click();
  const confirm = app.getByRole('dialog', { name: '用此备份替换当前数据？' });
  await expect(confirm).toContainText('当前数据文件会先备份');
  await confirm.getByRole('button', { name: '恢复' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.getByText(/已恢复 .*恢复前的数据已备份为/)).toBeVisible();

  expect(valueIn(harness.dataFile)).toBe(100);
  await expect(restoreButtons).toHaveCount(2);
  await expect(section.getByRole('listitem').first()).toContainText('恢复前');
  const kept = listBackups(harness.dataFile)[0]!;
  expect(valueIn(kept.path)).toBe(777);

  // The same section in English.
  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('region', { name: 'Backups' }).getByRole('listitem').first()).toContainText('Before a restore');
});

test('a damaged data file: the app says so with the way out, and restoring the newest good backup clears it', async ({ page }) => {
  // A file with a backup taken while it was whole, then damaged in an index the screens do not read.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-e2e-'));
  const file = path.join(dir, 'data.sqlite');
  const db = openDataFile(file);
  const backup = backupBeside(db, file, 'before-import');
  db.close();
  damagePage(file, 'entities_by_category');
  const harness = await startHarness(file);
  try {
    await page.goto(harness.url);
    await confirmAuthor(page);
    // The author name's save is refused too, in the same typed words (a passing message): the notice is the alert with the way out.
    const notice = page.getByRole('alert').filter({ hasText: '数据文件已损坏' }).filter({ has: page.getByRole('link', { name: '前往备份' }) });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('恢复最新的完好备份');
    await notice.getByRole('link', { name: '前往备份' }).click();
    const section = page.getByRole('region', { name: '备份' });
    await section.getByRole('button', { name: `恢复此备份 ${path.basename(backup)}` }).click();
    await page.getByRole('dialog', { name: '用此备份替换当前数据？' }).getByRole('button', { name: '恢复' }).click();
    await expect(notice).toBeHidden();
  } finally {
    await stopHarness(harness);
  }
});

test('back up now before something risky: progress, then the backup named with its time and size, first in the list; axe in light and dark', async ({ app, harness }) => {
  // An older backup is there already: the new one must come first.
  const other = openDataFile(harness.dataFile, { mustExist: true });
  backupBeside(other, harness.dataFile, 'before-import', new Date(Date.now() - 86_400_000));
  other.close();

  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  const section = app.getByRole('region', { name: '备份' });
  await expect(section.getByRole('button', { name: /^恢复此备份/ })).toHaveCount(1);
  await section.getByRole('button', { name: '立即备份' }).click();

  const made = section.getByRole('status').filter({ hasText: '已备份' });
  await expect(made).toBeVisible();
  const newest = listBackups(harness.dataFile)[0]!;
  expect(newest.label).toBe('manual');
  const shanghai = new Date(Date.parse(newest.takenAt) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  await expect(made).toContainText(shanghai);
  await expect(made).toContainText(newest.name);
  await expect(made).toContainText(/\d+(\.\d)? [KM]B/);
  const first = section.getByRole('listitem').first();
  await expect(first).toContainText('手动备份');
  await expect(first).toContainText(newest.name);
  await expect(section.getByRole('button', { name: /^恢复此备份/ })).toHaveCount(2);
  // The copy is the data file as it is.
  expect(valueIn(newest.path)).toBe(valueIn(harness.dataFile));
  expect((await seriousViolations(app)).map((v) => `light: ${v}`)).toEqual([]);

  await app.emulateMedia({ colorScheme: 'dark' });
  await app.getByRole('button', { name: 'English' }).click();
  const english = app.getByRole('region', { name: 'Backups' });
  await english.getByRole('button', { name: 'Back up now' }).click();
  await expect(english.getByRole('button', { name: /^Restore this backup/ })).toHaveCount(3);
  await expect(english.getByRole('status').filter({ hasText: 'Backed up' })).toContainText(listBackups(harness.dataFile)[0]!.name);
  await expect(english.getByRole('listitem').first()).toContainText('Manual backup');
  expect((await seriousViolations(app)).map((v) => `dark: ${v}`)).toEqual([]);
});
