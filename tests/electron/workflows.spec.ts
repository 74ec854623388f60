/**
 * An analyst's day in the real app: edit a figure, export a PDF briefing and an Excel workbook into a
 * temporary folder, with the native save dialog answered with a temporary path. The steps are the
 * shared lists in tests/helpers/workflows.ts, which tests/e2e/steps.spec.ts also runs in Chromium.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { perform } from '../helpers/steps';
import { EDITED_VALUE, EDIT_FIGURE, EXPORT_PDF, EXPORT_WORKBOOK, PREVIEW_PDF } from '../helpers/workflows';
import { answerSaveDialog, expect, skipWithoutRuntime, test } from './electron-app';

skipWithoutRuntime();

function robotsOutputValue(dataFile: string): number {
  const db = new Database(dataFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT value FROM figures WHERE entity_id = 'smart-robots' AND metric = 'output_value'`).get() as { value: number }).value;
  } finally {
    db.close();
  }
}

async function savedFile(file: string): Promise<Buffer> {
  await expect.poll(() => fs.existsSync(file) && fs.statSync(file).size > 0, { timeout: 60_000, message: `${file} is written` }).toBe(true);
  return fs.readFileSync(file);
}

function pdfText(file: string): string | null {
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout : null;
}

test('an analyst edits a figure, and the data file holds the new value', async ({ running: { page, dataFile } }) => {
  expect(robotsOutputValue(dataFile)).toBe(100);
  await perform(page, EDIT_FIGURE, 'editing a figure');
  await expect.poll(() => robotsOutputValue(dataFile)).toBe(EDITED_VALUE);
});

test('an analyst previews the one-page brief: pdf.js runs from the files of the app in its file:// page', async ({ running: { page } }) => {
  await perform(page, PREVIEW_PDF, 'previewing a PDF');
  await expect(page.locator('canvas[data-page="1"][data-painted="true"]')).toHaveCount(1, { timeout: 60_000 });
});

test('an analyst exports a PDF briefing into a folder of their choice', async ({ running: { app, page, dir } }) => {
  const file = path.join(dir, '简报 briefing.pdf');
  await answerSaveDialog(app, file);
  await perform(page, EXPORT_PDF, 'exporting a PDF');
  const bytes = await savedFile(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(file); // poppler's pdftotext where installed (CI installs it)
  if (text !== null) expect(text).toContain('智能机器人');
});

test('an analyst exports an Excel workbook into a folder of their choice', async ({ running: { app, page, dir } }) => {
  const file = path.join(dir, '数据 figures.xlsx');
  await answerSaveDialog(app, file);
  await perform(page, EXPORT_WORKBOOK, 'exporting a workbook');
  const bytes = await savedFile(file);
  expect(bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text))));
  expect(cells.some((text) => text.includes('智能机器人'))).toBe(true);
});
