/**
 * Trends (issue 12): an industry's figures across years on its page, with the year-on-year change
 * computed and said to be computed; the dashboard compares up to five industries on one metric.
 */
import path from 'node:path';
import { seriousViolations } from '../helpers/axe';
import { ARTIFACTS, expect, test } from './fixtures';

test.describe.configure({ timeout: 150_000 });

test('an industry page draws its output value across years, with the year-on-year change marked computed', async ({ app, harness }) => {
  await app.goto(`${harness.origin}/#/entity/smart-robots`);
  await expect(app.getByRole('heading', { level: 1, name: '智能机器人' })).toBeVisible();
  // The seeded 2023 alone is one point: the page says there is no trend yet, until other years come.
  const onePeriod = app.getByText('只有 2023 一个时期的数据，还画不出趋势：图中比较的是 2023 的数值。录入其他时期的数据后即可看到趋势。');
  await expect(onePeriod).toBeVisible();
  // Two measured years beside the seeded 2023 bound ("超过100亿元"), and one quarter.
  for (const [period, value] of [
    ['2021', '80'],
    ['2022', '100'],
    ['2023-Q2', '30'],
  ] as const) {
    await app.getByRole('button', { name: '新增数据' }).click();
    const panel = app.getByRole('dialog', { name: '新增数据' });
    await panel.getByLabel('时期').fill(period);
    await panel.getByLabel('数值').fill(value);
    await panel.getByRole('button', { name: '保存' }).click();
    await expect(panel).toBeHidden();
  }
  const trend = app.getByRole('region', { name: '趋势' });
  await expect(trend.getByRole('combobox', { name: '指标' })).toBeVisible();
  await expect(onePeriod).toHaveCount(0);
  // The chart reads its values, and the change where both years are measured, as computed.
  await expect(trend.getByRole('img', { name: '图表：产值趋势：智能机器人 2021 80亿元，2022 100亿元（同比 +25%（计算值）），2023 超过100亿元。' })).toBeVisible();
  // 2023 is a lower bound (超过100亿元): drawn as ▲, and the chart says what that means.
  await expect(trend.getByText('▲ 为下限（“超过”“不低于”）：实际数值高于图中位置，线段的升降不代表实际变化。')).toBeVisible();
  const changes = trend.getByRole('list', { name: '同比变化（计算值，不存储）' });
  await expect(changes.getByRole('listitem')).toHaveText(['2022：同比 +25%（计算值）']);
  // Years and a quarter never share an axis: the quarter is left out, and the page says so.
  await expect(trend.getByText('另有 1 条按其他周期记录或单位不可比的数据未画入此图。')).toBeVisible();
  await trend.screenshot({ path: path.join(ARTIFACTS, 'entity-trend.png') });

  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  const trendEn = app.getByRole('region', { name: 'Trend' });
  await expect(trendEn.getByText('1 more figure, recorded by another kind of period or in a unit that does not compare, is not drawn here.')).toBeVisible();
  await expect(trendEn.getByRole('list', { name: 'Year-on-year change (computed, not stored)' }).getByRole('listitem')).toHaveText(['2022: YoY +25% (computed)']);
  await expect(trendEn.getByRole('img', { name: /^Chart: Output value: trend: Smart robots 2021 8 billion yuan, 2022 10 billion yuan \(YoY \+25% \(computed\)\), 2023 over 10 billion yuan\.$/ })).toBeVisible();
});

test('the dashboard compares up to five industries on one metric', async ({ app }) => {
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '仪表盘' }).click();
  const compare = app.getByRole('region', { name: '趋势对比' });
  const chart = compare.getByRole('img', { name: /^图表：产值趋势：/ });
  await expect(chart).toBeVisible();
  // 先进材料 is named with its category, as in its choice: a future industry bears the same name.
  const names = ['新一代电子信息', '绿色石化', '智能家电', '汽车', '先进材料（战略性支柱产业集群）'];
  for (const name of names) await expect(chart).toHaveAccessibleName(new RegExp(`${name} 2023 超过1万亿元`));
  // Five industries "over 1 trillion" in 2023 only would be one dot on a line chart: the card says the chart compares 2023's values, in both languages.
  await expect(compare.getByText('只有 2023 一个时期的数据，还画不出趋势：图中比较的是 2023 的数值。录入其他时期的数据后即可看到趋势。')).toBeVisible();
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('region', { name: 'Trends compared' }).getByText('Only 2023 is on record, so there is no trend to draw yet: the chart compares the values of 2023. Add figures for other periods to see a trend.')).toBeVisible();
  await app.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();

  // A sixth industry cannot be taken while five are chosen.
  const industries = compare.getByRole('combobox', { name: '对比的产业（最多五个）' });
  await industries.click();
  await industries.fill('智能机器人');
  await expect(app.getByRole('option', { name: '智能机器人' })).toHaveAttribute('aria-disabled', 'true');
  await app.keyboard.press('Escape');
  await expect(chart).not.toHaveAccessibleName(/智能机器人/);
  // With the last one taken away (Backspace in the box), it can.
  await industries.click();
  await app.keyboard.press('Backspace');
  await industries.fill('智能机器人');
  await app.getByRole('option', { name: '智能机器人' }).click();
  await app.keyboard.press('Escape');
  await expect(chart).toHaveAccessibleName(/智能机器人 2023 超过100亿元/);
  await expect(chart).not.toHaveAccessibleName(/先进材料/);
  for (const name of names.slice(0, 4)) await expect(chart).toHaveAccessibleName(new RegExp(`${name} 2023 超过1万亿元`));
  await compare.screenshot({ path: path.join(ARTIFACTS, 'dashboard-trends.png') });
  // In the dark theme and English too (one period: the values compared as bars).
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await app.getByRole('radiogroup', { name: '主题' }).getByRole('radio', { name: '深色' }).check();
  await app.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
  const compareEn = app.getByRole('region', { name: 'Trends compared' });
  await expect(compareEn.getByRole('img', { name: /^Chart: Output value: trend: / })).toBeVisible();
  await compareEn.screenshot({ path: path.join(ARTIFACTS, 'dashboard-trends-en-dark.png') });
  expect(await seriousViolations(app)).toEqual([]);
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Light' }).check();
  await app.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '仪表盘' }).click();

  // A metric none of them has says so.
  const metric = compare.getByRole('combobox', { name: '指标' });
  await metric.click();
  await app.getByRole('option', { name: '企业数量' }).click();
  await expect(compare.getByText('所选产业没有这一指标的数据。')).toBeVisible();
});
