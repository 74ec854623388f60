/** Workbooks for tests: export one, edit it as another program would, convert it with LibreOffice. */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from '../../electron/services/db/open';
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
