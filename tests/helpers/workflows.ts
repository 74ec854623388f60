/**
 * An analyst's everyday workflows as step lists (tests/helpers/steps.ts): the same lists drive the
 * browser harness (tests/e2e/steps.spec.ts, which runs everywhere) and the real app
 * (tests/electron/workflows.spec.ts, where an Electron runtime exists).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Step } from './steps';

const NAV = { role: 'navigation', name: '主导航' } as const;
const ROBOTS = '智能机器人 · 产值 · 2023';
const EDITOR = { role: 'dialog', name: `编辑数据 · ${ROBOTS}` } as const;
const WORKBOOK_DIALOG = { role: 'dialog', name: '导出 Excel 工作簿' } as const;

export const EDITED_VALUE = 123;

/** In the workbench, change 智能机器人's 2023 output value to 123 (亿元) and save. */
export const EDIT_FIGURE: Step[] = [
  { click: '工作台', role: 'link', within: NAV },
  { see: '数据工作台' },
  { click: `编辑 ${ROBOTS}` },
  { fill: '数值', value: String(EDITED_VALUE), within: EDITOR },
  { click: '保存', within: EDITOR },
  { seeText: `超过${EDITED_VALUE}亿元`, within: { role: 'table', name: '数据列表' } },
  { click: '取消', within: EDITOR },
];

/** Export the one-page brief as a PDF (the app then asks where to save), without opening it. */
export const EXPORT_PDF: Step[] = [
  { click: /^简报生成$/, role: 'link', within: NAV },
  { see: '简报生成' },
  { click: '导出后打开文件', role: 'checkbox' },
  { click: '导出 PDF' },
  { seeText: '已导出' },
];

/**
 * Preview the one-page brief: pdf.js parses it in its worker (loaded from the app's own files — in
 * Electron, from file://) and page 1 appears as an image named by its page number.
 */
export const PREVIEW_PDF: Step[] = [
  { click: /^简报生成$/, role: 'link', within: NAV },
  { see: '简报生成' },
  { click: '预览' },
  { see: /^第 1 页，共 \d+ 页$/, role: 'img', within: { role: 'region', name: '简报预览页面' } },
];

/** Export the Excel workbook (the app then asks where to save). */
export const EXPORT_WORKBOOK: Step[] = [
  { click: '导出 Excel' },
  { click: '开始导出', within: WORKBOOK_DIALOG },
  { seeText: '已导出', within: WORKBOOK_DIALOG },
];

/**
 * A new data file asks for the author name on first start (the operating system's user name is
 * suggested); accept a name so the test's changes are recorded under it.
 */
export async function confirmAuthor(page: Page, name = '测试分析员'): Promise<void> {
  const welcome = page.getByRole('dialog', { name: '欢迎使用产业集群简报工作台' });
  // The first screen of a new page: the whole bundle loads and the data file opens first, which takes
  // far longer than one step on a loaded 2-core machine (seen over 10 s with six test runners beside it).
  await expect(welcome.getByLabel('作者姓名')).not.toHaveValue('', { timeout: 60_000 });
  await welcome.getByLabel('作者姓名').fill(name);
  await welcome.getByRole('button', { name: '开始使用' }).click();
  await expect(welcome).toBeHidden();
}

/**
 * Enter on an open select once the option it will pick is the active one: pressed before the list had
 * filtered to what was typed (a loaded machine), Enter picked the option active before, and the test waited
 * for a field that never came.
 */
export async function pickActiveOption(page: Page, text: string): Promise<void> {
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option-active')).toContainText(text);
  await page.keyboard.press('Enter');
}

/** In an open figure panel, choose 新建来源 and fill its title and publisher; returns the new source's fields. */
export async function fillNewSource(page: Page, panel: Locator, source: { title: string; publisher: string }): Promise<Locator> {
  await panel.getByLabel('来源', { exact: true }).click();
  await panel.getByLabel('来源', { exact: true }).fill('新建来源');
  await pickActiveOption(page, '新建来源');
  const fields = panel.getByRole('group', { name: '新来源' });
  await fields.getByLabel('标题').fill(source.title);
  await fields.getByLabel('发布方').fill(source.publisher);
  return fields;
}
