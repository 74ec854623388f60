/** Statistical tables for tests, made as analysts' programs make them: LibreOffice, exceljs, Excel's GBK CSV. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { EMPTY_FIXED, TableMapping } from '../../shared/table-import';
import type { DB } from '../../electron/services/db/open';
import { applyTablePlan } from '../../electron/services/tables/apply';
import { planTableImport, type TablePlan } from '../../electron/services/tables/plan';
import { readTable } from '../../electron/services/tables/read';
import { tempDir } from './files';
import { requireSoffice } from './workbooks';

export type Grid = (string | number | null)[][];

const csvText = (grid: Grid): string =>
  grid.map((row) => row.map((v) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\r\n') + '\r\n';

export function writeCsv(grid: Grid, encoding: 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le', name = 'table.csv'): string {
  const file = path.join(tempDir('cluster-brief-table-'), name);
  const text = csvText(grid);
  const bytes =
    encoding === 'gbk'
      ? iconv.encode(text, 'gbk')
      : encoding === 'utf-16le'
        ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
        : Buffer.concat([encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A UTF-8 CSV opened by LibreOffice Calc and saved as .xlsx (numbers become number cells, as in a real yearbook file). */
export function libreOfficeXlsx(grid: Grid, name = 'yearbook'): string {
  const csv = writeCsv(grid, 'utf-8', `${name}.csv`);
  const outDir = tempDir('cluster-brief-lo-out-');
  const profile = tempDir('cluster-brief-lo-profile-');
  const result = spawnSync(requireSoffice(), [`-env:UserInstallation=file://${profile}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, csv], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const out = path.join(outDir, `${name}.xlsx`);
  if (result.status !== 0 || !fs.existsSync(out)) throw new Error(`LibreOffice could not convert ${csv}: ${result.stderr}${result.stdout}`);
  return out;
}

/** An .xlsx made with exceljs: `edit` fills the sheet (formats, formulas). */
export async function handMadeXlsx(edit: (sheet: ExcelJS.Worksheet) => void, sheetName = '表1'): Promise<string> {
  const book = new ExcelJS.Workbook();
  edit(book.addWorksheet(sheetName));
  const file = path.join(tempDir('cluster-brief-table-'), 'hand-made.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

/** A wide mapping: entity names down column `entityHeader`, periods across the top. */
export function wideMapping(entityHeader: string, fixed: Partial<TableMapping['fixed']>, headerRow = 1, entityNames: TableMapping['entityNames'] = {}): TableMapping {
  return TableMapping.parse({ sheet: null, headerRow, columns: [{ header: entityHeader, role: 'entity' }], wide: true, fixed: { ...EMPTY_FIXED, ...fixed }, entityNames });
}

export async function planFile(db: DB, file: string, mapping: TableMapping): Promise<TablePlan> {
  return planTableImport(db, await readTable(file, mapping.sheet), mapping);
}

export async function importFile(db: DB, dataFile: string, file: string, mapping: TableMapping, sourceId = 1): Promise<ReturnType<typeof applyTablePlan>> {
  return applyTablePlan(db, await planFile(db, file, mapping), { author: '测试员', dataFile, source: { kind: 'existing', id: sourceId } });
}
