/**
 * The step lists the real-Electron workflows use (tests/helpers/workflows.ts), run here in Chromium
 * through the harness, so they are proven on today's screens even where no Electron runtime exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { perform } from '../helpers/steps';
import { EDIT_FIGURE, EXPORT_PDF, EXPORT_WORKBOOK, PREVIEW_PDF } from '../helpers/workflows';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 150_000 });

test('step lists drive the page by role, name and label', async ({ app }) => {
  await perform(app, [
    { see: '总览' },
    { click: /^智能机器人$/, role: 'link' },
    { see: '智能机器人' },
    { seeText: 'China Daily', within: { role: 'table', name: '数据' } },
    { click: 'English', within: { role: 'group', name: '界面语言' } },
    { see: 'Smart robots' },
  ]);
  await expect(perform(app, [], 'an unwritten screen')).rejects.toThrow(/No steps written yet for an unwritten screen/);
});

test('the workflow steps edit a figure, preview and export a PDF, and export a workbook', async ({ app, harness }) => {
  await perform(app, EDIT_FIGURE, 'editing a figure');
  await perform(app, PREVIEW_PDF, 'previewing a PDF');
  await perform(app, EXPORT_PDF, 'exporting a PDF');
  await perform(app, EXPORT_WORKBOOK, 'exporting a workbook');
  const saved = fs.readdirSync(harness.saveDir);
  const pdf = saved.find((f) => f.endsWith('.pdf'));
  const xlsx = saved.find((f) => f.endsWith('.xlsx'));
  expect(pdf, `a PDF in ${saved.join(', ')}`).toBeDefined();
  expect(xlsx, `a workbook in ${saved.join(', ')}`).toBeDefined();
  expect(fs.readFileSync(path.join(harness.saveDir, pdf!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(fs.readFileSync(path.join(harness.saveDir, xlsx!)).subarray(0, 2).toString('latin1')).toBe('PK');
});
