import { expect, test } from './fixtures';

// Assistive tech picks options by role and name: every option of a filter is in the page, not only
// the three around the active one that a virtual list exposes.
test('pick 战略性新兴产业集群 from the category filter by its name, and every period and metric too', async ({ app }) => {
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
  await expect(app.getByRole('heading', { level: 1, name: '数据工作台' })).toBeVisible();

  await app.getByRole('combobox', { name: '类别' }).click();
  const listbox = app.getByRole('listbox');
  await expect(listbox.getByRole('option')).toHaveCount(4);
  await listbox.getByRole('option', { name: '战略性新兴产业集群' }).click();
  const rows = app.getByRole('table', { name: '数据列表' }).getByRole('row');
  await expect(rows.filter({ hasText: '智能机器人' })).toBeVisible();
  await expect(rows.filter({ hasText: '新一代电子信息' })).toHaveCount(0);

  await app.getByRole('combobox', { name: '指标' }).click();
  const metrics = app.getByRole('listbox').filter({ has: app.getByRole('option', { name: '企业数量' }) });
  await expect(metrics.getByRole('option', { name: '企业数量' })).toBeAttached();
  await expect(metrics.getByRole('option', { name: '增加值同比增长' })).toBeAttached();
});
