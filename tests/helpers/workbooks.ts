/** Workbooks for tests: export one, edit it as another program would, convert it with LibreOffice. */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createFigure } from '../../electron/services/db/figures';
import type { DB } from '../../electron/services/db/open';
import { newChange } from '../../electron/services/db/revisions';
import { exportWorkbook } from '../../electron/services/workbook/export';
import { tempDir } from './files';

export async function exportTo(db: DB, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<string> {
  const file = path.join(tempDir('cluster-brief-wb-'), `export-${lang}.xlsx`);
  await exportWorkbook(db, file, { lang });
  return file;
}

/** Opens `file` with exceljs' full reader, lets `edit` change it, and saves it as a new file. */
export async function editWorkbook(file: string, edit: (book: ExcelJS.Workbook) => void | Promise<void>, name = 'edited.xlsx'): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  await edit(book);
  const out = path.join(tempDir('cluster-brief-wb-'), name);
  await book.xlsx.writeFile(out);
  return out;
}

/** The row of the figures sheet holding figure `id` (column A). */
export function rowOf(sheet: ExcelJS.Worksheet, id: number): ExcelJS.Row {
  for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === id) return sheet.getRow(r);
  throw new Error(`no row for figure ${id}`);
}

/** LibreOffice, when installed; a test that needs it fails loudly without it unless told to skip. */
export const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/usr/local/bin/soffice'].find((p) => fs.existsSync(p)) ?? null;
export const SKIP_LIBREOFFICE = SOFFICE === null && process.env.CLUSTER_BRIEF_SKIP_LIBREOFFICE === '1';
export function requireSoffice(): string {
  if (SOFFICE === null) {
    throw new Error('LibreOffice is not installed (apt-get install libreoffice-calc). Set CLUSTER_BRIEF_SKIP_LIBREOFFICE=1 to skip the LibreOffice round trip knowingly.');
  }
  return SOFFICE;
}

/** Converts with headless LibreOffice in a private profile; `to` is a filter such as `xlsx:Calc MS Excel 2007 XML`. */
export function libreOfficeConvert(file: string, to: string): string {
  const outDir = tempDir('cluster-brief-lo-out-');
  const profile = tempDir('cluster-brief-lo-profile-');
  const result = spawnSync(requireSoffice(), [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const produced = fs.readdirSync(outDir);
  if (result.status !== 0 || produced.length === 0) throw new Error(`LibreOffice could not convert ${file}: ${result.stderr}${result.stdout}`);
  return path.join(outDir, produced[0]!);
}

/** The figures sheet (the third) as LibreOffice reads it, saved as CSV with raw (not formatted) values. */
export function libreOfficeFiguresCsv(file: string): string[][] {
  const csv = libreOfficeConvert(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3');
  return parseCsv(fs.readFileSync(csv, 'utf8'));
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Figures whose text a spreadsheet could take for a formula, and numbers that must keep every digit. */
export function addTrickyFigures(db: DB): { precise: number; sum: number; formulaText: number; control: number } {
  const ctx = newChange('tester');
  const base = { scope: 'entity', entityId: 'smart-robots', metric: 'revenue', unit: '100m_yuan', qualifier: 'exact', sourceId: 1 } as const;
  const precise = createFigure(db, ctx, { ...base, value: 1234.5678901234, period: '2024', sourceQuote: '=HYPERLINK("http://example.com","x")', note: '+1 -2' }).id;
  const sum = createFigure(db, ctx, { ...base, scope: 'province', entityId: null, metric: 'gdp_share', unit: 'percent', qualifier: 'about', value: 0.1 + 0.2, period: '2024-Q1', sourceQuote: '-5+3', note: '@SUM(A1:A9)' }).id;
  // A growth rate: the one metric that may be negative (METRIC_MAY_BE_NEGATIVE).
  const formulaText = createFigure(db, ctx, { ...base, metric: 'added_value_growth', unit: 'percent', value: -7, period: '2025', sourceQuote: '=1+1', note: '=cmd|\' /C calc\'!A0' }).id;
  // Tab and line ends inside the text (the text rule trims them at the ends, and makes "\r" a "\n").
  const control = createFigure(db, ctx, { ...base, metric: 'enterprises', unit: 'count', value: 12, period: '2024-06', sourceQuote: 'TAB\tinside', note: 'CR\rinside' }).id;
  db.prepare(
    `INSERT INTO annotations (target_type, target_id, body, author, tags, status, created_at, updated_at)
     VALUES ('figure', ?, 'Check against the yearly release 统计年鉴', 'Li', '["check"]', 'open', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')`,
  ).run(String(precise));
  return { precise, sum, formulaText, control };
}
