import { expect, test } from './fixtures';

// Long user journeys on a shared 2-core machine: give them room (never a speed assertion).
test.describe.configure({ timeout: 150_000 });

test('add an industry with a figure, edit it, delete it, restore it, and undo from the Edit menu', async ({ app }) => {
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
  await app.getByRole('button', { name: '新增产业' }).click();
  const form = app.getByRole('dialog', { name: '新增产业' });
  await form.getByLabel('标识').fill('Low Altitude');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('标识须为小写英文单词加连字符，且未被使用。')).toBeVisible();
  await form.getByLabel('标识').fill('low-altitude');
  await form.getByLabel('中文名称').fill('低空经济');
  await form.getByLabel('英文名称').fill('Low-altitude economy');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '低空经济' })).toBeVisible();

  await app.getByRole('button', { name: '新增数据' }).click();
  const panel = app.getByRole('dialog', { name: '新增数据' });
  await panel.getByLabel('时期').fill('2024');
  await panel.getByLabel('数值').fill('500');
  await panel.getByRole('button', { name: '保存' }).click();
  await expect(panel).toBeHidden();
  await expect(app.getByRole('table', { name: '数据' })).toContainText('500亿元');
  await expect(app.getByRole('table', { name: '数据' })).toContainText('无来源');

  await app.getByRole('button', { name: '编辑产业' }).click();
  const edit = app.getByRole('dialog', { name: '编辑产业' });
  await edit.getByLabel('英文名称').fill('Low-altitude economy and aerospace');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(app.getByText('Low-altitude economy and aerospace', { exact: true })).toBeVisible();
  const history = app.getByRole('region', { name: '低空经济 的修改历史' });
  // The entity's history holds its figure's creation too, named by what it measures (issue 13).
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await expect(history.getByRole('listitem').first()).toContainText('Low-altitude economy and aerospace');
  await expect(history.getByRole('listitem').nth(1)).toContainText('数据：产值（2024）');
  // The creation names the industry, not its id, and shows the value with its unit once: no 单位 row beside it.
  const creation = history.getByRole('listitem').nth(1);
  await expect(creation.getByRole('definition').filter({ hasText: /^低空经济$/ })).toHaveCount(1);
  await expect(creation).not.toContainText('low-altitude');
  await expect(creation.getByRole('definition').filter({ hasText: '500亿元' })).toHaveCount(1);
  expect(await creation.getByRole('term').allTextContents()).not.toContain('单位');
  // "Restore this version" on the creation brings the first English name back, as a new change.
  // Asked first (one click replaced it): the question names the version's time; 保留当前版本 is where the keyboard starts.
  await history.getByRole('listitem').nth(2).getByRole('button', { name: '恢复到此版本' }).click();
  const ask = app.getByRole('tooltip').filter({ hasText: /^恢复到 .+ 的这个版本？当前内容将被替换（可撤销）。/ });
  await expect(ask.getByRole('button', { name: '保留当前版本' })).toBeFocused();
  await ask.getByRole('button', { name: '恢复到此版本' }).click();
  await expect(app.getByText('Low-altitude economy', { exact: true })).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(4);
  await expect(app.getByRole('alert').filter({ hasText: '已恢复到所选版本' })).toBeVisible();
  await app.keyboard.press('Control+z');
  await expect(app.getByText('Low-altitude economy and aerospace', { exact: true })).toBeVisible();

  // By keyboard: Enter on 删除产业 puts the focus on the confirmation's 取消 (it stayed behind, seven Tabs away);
  // Enter there cancels; the next time Tab reaches the danger button.
  const remove = app.getByRole('button', { name: '删除产业' });
  await remove.focus();
  await app.keyboard.press('Enter');
  const confirm = app.getByRole('tooltip');
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(app.getByRole('heading', { level: 1, name: '低空经济' })).toBeVisible();
  // The focus is back on 删除产业 (it fell to the page's start), and Escape closes it the same way.
  await expect(remove).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(remove).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: '删除产业' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
  // Said, with the way back (it only jumped to the overview).
  await expect(app.getByRole('alert').filter({ hasText: '已删除：产业 低空经济（可撤销，或在“设置 ▸ 已删除的内容”中恢复）' })).toBeVisible();
  await expect(app.getByRole('region', { name: '未来产业', exact: true }).getByRole('listitem')).toHaveCount(7);

  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await app.getByRole('button', { name: '恢复 低空经济', exact: true }).click();
  await expect(app.getByText('没有已删除的内容。')).toBeVisible();
  await expect(app.getByRole('alert').filter({ hasText: '已恢复：低空经济' })).toBeVisible();
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '总览' }).click();
  await expect(app.getByRole('region', { name: '未来产业', exact: true }).getByRole('listitem')).toHaveCount(8);

  // The Edit menu's "Undo change" reaches the page as a menu command (a window event in the harness).
  await app.evaluate(() => window.dispatchEvent(new CustomEvent('cluster-brief:menu', { detail: 'undo' })));
  await expect(app.getByRole('region', { name: '未来产业', exact: true }).getByRole('listitem')).toHaveCount(7);
  await app.evaluate(() => window.dispatchEvent(new CustomEvent('cluster-brief:menu', { detail: 'redo' })));
  await expect(app.getByRole('region', { name: '未来产业', exact: true }).getByRole('listitem')).toHaveCount(8);
  await app.getByRole('link', { name: '低空经济', exact: true }).click();
  await expect(app.getByRole('table', { name: '数据' })).toContainText('500亿元');
});
