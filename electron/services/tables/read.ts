/**
 * Reading a statistical table: an .xlsx (any sheet, through the workbook import's zip checks and
 * streaming sheet reader) or a .csv (csv.ts). Limits as the workbook import has them, plus columns
 * and cells: a table that is not one a person made is refused before anything is compared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { TableEncoding } from '../../../shared/table-import';
import { shownCell } from '../workbook/cells';
import { columnLetter } from '../workbook/layout';
import { openSheetRows } from '../workbook/read';
import type { SheetRow } from '../workbook/sheet-xml';
import { RowTooLong } from '../workbook/sheet-xml';
import { checkZip, PartDamage, partDamaged, ZIP_LIMITS, type ZipLimits } from '../workbook/zip-check';
import { csvRows, decodeCsv } from './csv';

export interface TableLimits {
  /** A CSV's size on disk (an .xlsx is held to the zip limits). */
  maxCsvBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCells: number;
  maxCellChars: number;
}

/** Documented limits (docs/tables.md). */
export const TABLE_LIMITS: Readonly<TableLimits> = {
  maxCsvBytes: 64 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 1_000,
  maxCells: 2_000_000,
  maxCellChars: 5_000,
};

export interface ReadTable {
  file: string;
  format: 'xlsx' | 'csv';
  encoding: TableEncoding | null;
  sheets: string[];
  sheet: string;
  rows: SheetRow[];
  /** The widest row's last column number. */
  columnCount: number;
}

/** Reads `sheet` (null: the first) of the table in `file`, whole, within the limits. */
export async function readTable(file: string, sheet: string | null, limits: Readonly<TableLimits> = TABLE_LIMITS, zipLimits: Readonly<ZipLimits> = ZIP_LIMITS): Promise<ReadTable> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return readCsv(file, limits);
  if (ext !== '.xlsx') throw new AppError('TABLE_UNSUPPORTED_FILE', 'not xlsx or csv', { path: file });
  const parts = await checkZip(file, zipLimits);
  const names = parts.sheets.map((s) => s.name);
  const chosen = sheet === null ? parts.sheets[0] : parts.sheets.find((s) => s.name === sheet);
  if (!chosen) throw new AppError('TABLE_NO_SHEET', 'no such sheet', { sheet: sheet ?? '', sheets: names.join('、') });
  let part = 'xl/styles.xml';
  const rows: SheetRow[] = [];
  try {
    for await (const batch of await openSheetRows(file, parts, chosen, (p) => (part = p))) for (const row of batch) rows.push(row);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof PartDamage) throw partDamaged(file, part, error);
    if (error instanceof RowTooLong) throw new AppError('IMPORT_CELL_TOO_LONG', error.message, { sheet: chosen.name, row: error.row, length: error.length, limit: limits.maxCellChars });
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('IMPORT_NOT_A_WORKBOOK', reason, { path: file, reason, part });
  }
  return withinLimits({ file, format: 'xlsx', encoding: null, sheets: names, sheet: chosen.name, rows, columnCount: 0 }, limits);
}

function readCsv(file: string, limits: Readonly<TableLimits>): ReadTable {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    throw new AppError('NOT_FOUND', (error as Error).message, { what: 'file', id: file });
  }
  if (size > limits.maxCsvBytes) throw new AppError('TABLE_TOO_LARGE', 'csv too large', { path: file, limitMb: Math.round(limits.maxCsvBytes / 1024 / 1024) });
  const { text, encoding } = decodeCsv(fs.readFileSync(file));
  const name = path.basename(file, path.extname(file));
  return withinLimits({ file, format: 'csv', encoding, sheets: [name], sheet: name, rows: csvRows(text), columnCount: 0 }, limits);
}

/** Refuses a table beyond the limits, naming the sheet and the row where it went over; sets columnCount. */
function withinLimits(table: ReadTable, limits: Readonly<TableLimits>): ReadTable {
  let cells = 0;
  let rows = 0;
  for (const row of table.rows) {
    const width = row.cells.length - 1;
    if (width > limits.maxColumns) throw new AppError('TABLE_TOO_MANY_COLUMNS', 'too many columns', { sheet: table.sheet, row: row.number, limit: limits.maxColumns });
    if (width > table.columnCount) table.columnCount = width;
    if (row.cells.some((c) => c.kind !== 'empty')) rows++;
    if (rows > limits.maxRows) throw new AppError('IMPORT_TOO_MANY_ROWS', 'too many rows', { sheet: table.sheet, limit: limits.maxRows });
    cells += width;
    if (cells > limits.maxCells) throw new AppError('TABLE_TOO_MANY_CELLS', 'too many cells', { sheet: table.sheet, row: row.number, limit: limits.maxCells });
    row.cells.forEach((c, index) => {
      if (c.kind === 'text' && c.text.length > limits.maxCellChars)
        throw new AppError('IMPORT_CELL_TOO_LONG', 'cell too long', { sheet: table.sheet, row: row.number, column: columnLetter(index), length: c.text.length, limit: limits.maxCellChars });
    });
  }
  return table;
}

/** Characters of a cell the wizard's grid shows (a header or a number is far shorter; a long note is cut, with …). */
const GRID_CELL_CHARS = 200;

/** The first rows as text, for the wizard's grid. */
export function gridRows(table: ReadTable, count: number): { number: number; cells: string[] }[] {
  const shown = (text: string): string => (text.length > GRID_CELL_CHARS ? `${text.slice(0, GRID_CELL_CHARS)}…` : text);
  return table.rows.slice(0, count).map((r) => ({ number: r.number, cells: Array.from({ length: table.columnCount }, (_, i) => shown(shownCell(r.cells[i + 1] ?? { kind: 'empty' }))) }));
}
