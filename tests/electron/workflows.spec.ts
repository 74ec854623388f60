/**
 * An analyst's day in the real app: edit a figure, export a PDF briefing and an Excel workbook into a
 * temporary folder. The screens are being built on other branches, so each test is `test.fixme`
 * with its steps left empty: after merging, fill in the steps (roles, names and labels of the real
 * screen; see tests/helpers/steps.ts) and remove the `.fixme`. Everything after the steps — the
 * native save dialog answered with a temporary path, and the checks on the data file and on the
 * files written — is already here.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { perform, type Step } from '../helpers/steps';
import { answerSaveDialog, expect, skipWithoutRuntime, test } from './electron-app';

skipWithoutRuntime();

/**
 * Workbench (issue 3): on 智能机器人's page, change its 2023 output value from "over 100" to 123
 * (亿元) and save. Fill in: open the figure's editor, fill the value field, save.
 */
const EDIT_FIGURE: Step[] = [];
const EDITED_VALUE = 123;

/** PDF export (issue 5): start a briefing export; the app then asks where to save. Fill in. */
const EXPORT_PDF: Step[] = [];

/** Excel export (issue 4): start a workbook export; the app then asks where to save. Fill in. */
const EXPORT_WORKBOOK: Step[] = [];

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

// Missing screen: figure editing (workbench, issue 3).
test.fixme('an analyst edits a figure, and the data file holds the new value', async ({ running: { page, dataFile } }) => {
  expect(robotsOutputValue(dataFile)).toBe(100);
  await page.getByRole('link', { name: '查看 智能机器人' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '智能机器人' })).toBeVisible();
  await perform(page, EDIT_FIGURE, 'editing a figure');
  await expect(page.getByRole('table', { name: '数据' })).toContainText(String(EDITED_VALUE));
  await expect.poll(() => robotsOutputValue(dataFile)).toBe(EDITED_VALUE);
});

// Missing screen: PDF briefing export (issue 5).
test.fixme('an analyst exports a PDF briefing into a folder of their choice', async ({ running: { app, page, dir } }) => {
  const file = path.join(dir, '简报 briefing.pdf');
  await answerSaveDialog(app, file);
  await perform(page, EXPORT_PDF, 'exporting a PDF');
  const bytes = await savedFile(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(file); // poppler's pdftotext where installed (CI installs it)
  if (text !== null) expect(text).toContain('智能机器人');
});

// Missing screen: Excel workbook export (issue 4).
test.fixme('an analyst exports an Excel workbook into a folder of their choice', async ({ running: { app, page, dir } }) => {
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
