/**
 * Reading the figures sheet of a workbook (streaming, so large files stay within memory): find the
 * sheet and its columns by name in either language, turn every row into a figure input, and name
 * every problem by sheet, row, column and reason. References to entities and sources, and IDs, are
 * checked against the data file later (diff.ts).
 */
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import { FigureInput, Period, type Qualifier, type Scope, type Unit } from '../../../shared/domain';
import { AppError, type ErrorCode, type ErrorPayload } from '../../../shared/errors';
import { LANGS } from '../../../shared/i18n';
import { issueDetails } from '../../../shared/text';
import type { PercentConversion } from '../../../shared/workbook';
import { parseNumberText, shownCell, type Cell } from './cells';
import { RowTooLong, sheetRows, type SheetRow } from './sheet-xml';
import { openEntry, PartDamage, partDamaged, type ZipSummary } from './zip-check';
import { metricProblem } from '../../../shared/metrics';
import { type CatalogWords, FIGURE_COLUMNS, bothNames, columnLetter, enumLabels, enumLookup, header, normalizeWord, sheetName, type ColumnKey, type EnumColumn } from './layout';

export interface ReadLimits {
  maxRows: number;
  maxCellChars: number;
  maxProblems: number;
}

/** Documented limits (docs/workbooks.md, "Limits"). */
export const READ_LIMITS: Readonly<ReadLimits> = {
  /** Figure rows in one workbook. */
  maxRows: 200_000,
  /** Characters in any one cell of the figures sheet (a note or quote holds at most 5,000). */
  maxCellChars: 5_000,
  /** Problems listed before reading stops: the person fixes these first. */
  maxProblems: 500,
};

export interface ImportRow {
  /** The row number a person sees in the spreadsheet program. */
  row: number;
  /** The figure this row updates; null for a new figure. */
  id: number | null;
  input: FigureInput;
  /**
   * When the figure was last changed as the workbook has it (its 修改时间 column, epoch ms; null where
   * the column or the cell is missing): a figure changed in the data file after that is newer than the row.
   */
  changedAt: number | null;
}

export interface ReadResult {
  sheet: string;
  /** Where each imported field sits (column letter and the header as written), for later messages. */
  columns: Map<ColumnKey, { column: string; header: string }>;
  rows: ImportRow[];
  problems: ErrorPayload[];
  /** IDs of rows that could not be read: they are in the workbook, so never count as removed. */
  unreadIds: number[];
  /** Percent-formatted value cells read as percentages (0.052 shown as 5.2% → 5.2), for the preview. */
  percentCells: PercentConversion[];
}

interface Location {
  sheet: string;
  row: number;
  column: string;
  header: string;
}

const IMPORTED = FIGURE_COLUMNS.filter((c) => c.imported).map((c) => c.key);
const FIGURE_SHEET_NAMES = new Set(LANGS.map((l) => normalizeWord(sheetName('figures', l))));
const HEADER_KEYS = new Map<string, ColumnKey>(FIGURE_COLUMNS.flatMap((c) => LANGS.map((l) => [normalizeWord(header(c.key, l)), c.key] as const)));
const LOOKUPS = { scope: enumLookup('scope'), unit: enumLookup('unit'), qualifier: enumLookup('qualifier') };

/** What an ID cell holds, in each language's words. */
const EXPECTED_ID = { expectedZh: '正整数编号（1、2、3……）', expectedEn: 'a whole-number ID (1, 2, 3 ...)' };

const PLAIN_PERIOD = /^\d{4}(-(Q[1-4]|\d\d))?$/;

class TooManyProblems extends Error {}

/** What checkZip read of the workbook's parts: the sheets, the shared strings, the date system. */
export type WorkbookParts = Pick<ZipSummary, 'sheets' | 'sharedStrings' | 'date1904' | 'percentStyles'>;

/**
 * Reads the figures sheet. The zip is opened here (yauzl) and the sheet's XML scanned row by row
 * (sheet-xml.ts); the parts that follow the sheets in the zip (the sheet names, the shared strings)
 * come from `parts` (checkZip), the number formats that make a cell a date from exceljs' style reader.
 */
export async function readFiguresSheet(file: string, parts: WorkbookParts, words: CatalogWords, limits: Readonly<ReadLimits> = READ_LIMITS): Promise<ReadResult> {
  const sheet = parts.sheets.find((s) => FIGURE_SHEET_NAMES.has(normalizeWord(s.name)));
  if (!sheet) throw new AppError('IMPORT_MISSING_SHEET', 'no figures sheet', { sheet: bothNames(sheetName('figures', 'zh-CN'), sheetName('figures', 'en')) });
  const result: ReadResult = { sheet: sheet.name, columns: new Map(), rows: [], problems: [], unreadIds: [], percentCells: [] };
  /** The part being read, for messages about damage. */
  let part = 'xl/styles.xml';
  try {
    const rows = await openSheetRows(file, parts, sheet, (p) => (part = p));
    await readSheet(rows, sheet.name, result, words, limits);
  } catch (error) {
    if (error instanceof TooManyProblems) return result;
    if (error instanceof AppError) throw error;
    if (error instanceof PartDamage) throw partDamaged(file, part, error);
    if (error instanceof RowTooLong) throw new AppError('IMPORT_CELL_TOO_LONG', error.message, { sheet: sheet.name, row: error.row, length: error.length, limit: limits.maxCellChars });
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('IMPORT_NOT_A_WORKBOOK', reason, { path: file, reason, part });
  }
  return result;
}


/**
 * The rows of one sheet of any .xlsx, cells classified (dates and percentages by their number
 * formats). `reading` learns which part is being read, for messages about damage. Also used by the
 * statistical-table import (tables/read.ts).
 */
export async function openSheetRows(file: string, parts: WorkbookParts, sheet: { name: string; entry: string }, reading: (part: string) => void = () => {}): Promise<AsyncIterable<SheetRow[]>> {
  reading('xl/styles.xml');
  const styles = new StylesXform(true);
  const stylesPart = await openEntry(file, 'xl/styles.xml');
  if (stylesPart) await styles.parseStream(stylesPart);
  reading(sheet.entry);
  const source = await openEntry(file, sheet.entry);
  if (!source) throw new AppError('IMPORT_MISSING_SHEET', 'sheet part missing', { sheet: sheet.name });
  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (style: number): boolean => {
    let date = dateStyles.get(style);
    if (date === undefined) dateStyles.set(style, (date = isDateFormat(styles.getStyleModel(style)?.numFmt)));
    return date;
  };
  const isPercentStyle = (style: number): boolean => parts.percentStyles.has(style);
  return sheetRows(source, { sharedStrings: parts.sharedStrings, isDateStyle, isPercentStyle, date1904: parts.date1904 });
}

/** A number format that shows a date or time (exceljs' rule: y, m, d, h, s outside quotes and brackets). */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const EMPTY: Cell = { kind: 'empty' };

/** The imported cells of one row, by column key. */
type Cells = Record<ColumnKey, Cell>;

async function readSheet(sheet: AsyncIterable<SheetRow[]>, name: string, { rows, problems, unreadIds, columns: located, percentCells }: ReadResult, words: CatalogWords, limits: Readonly<ReadLimits>): Promise<void> {
  let columns: Map<ColumnKey, { index: number; header: string }> | null = null;
  /** Where each imported column is, once the header row is read. */
  let indexes: [ColumnKey, number][] = [];
  /** The 修改时间 column, not imported: read to tell a row older than the figure it names. */
  let changedAtIndex = -1;
  let count = 0;
  const report = (code: ErrorCode, details: Record<string, string | number | null>): void => {
    problems.push({ code, message: code, details });
    if (problems.length >= limits.maxProblems) throw new TooManyProblems();
  };
  let rowOk = true;
  let rowId: number | null = null;
  for await (const batch of sheet) {
    for (const row of batch) {
      if (!rowOk && rowId !== null) unreadIds.push(rowId);
      rowOk = true;
      rowId = null;
      if (columns === null) {
        columns = headerColumns(row, name, report);
        if (columns === null) return;
        for (const [key, c] of columns) located.set(key, { column: columnLetter(c.index), header: c.header });
        // An optional column the workbook lacks (the city, in one exported before issue 12) reads as empty.
        indexes = IMPORTED.map((key) => [key, columns!.get(key)?.index ?? -1]);
        changedAtIndex = columns.get('changedAt')?.index ?? -1;
        continue;
      }
      const cols = columns;
      const cells = {} as Cells;
      let empty = true;
      for (const [key, index] of indexes) {
        const cell = row.cells[index] ?? EMPTY;
        cells[key] = cell;
        if (cell.kind !== 'empty') empty = false;
      }
      if (empty) continue;
      if (++count > limits.maxRows) throw new AppError('IMPORT_TOO_MANY_ROWS', 'too many rows', { sheet: name, limit: limits.maxRows });

      rowId = readId(cells.id, () => null);
      rowOk = false;
      const at = (key: ColumnKey): Location => ({ sheet: name, row: row.number, column: columnLetter(cols.get(key)!.index), header: cols.get(key)!.header });
      let ok = true;
      const bad = (code: ErrorCode, key: ColumnKey, extra: Record<string, string | number | null> = {}): null => {
        ok = false;
        report(code, { ...at(key), value: shownCell(cells[key]), ...extra });
        return null;
      };
      row.cells.forEach((c, index) => {
        if (c.kind === 'text' && c.text.length > limits.maxCellChars) {
          ok = false;
          report('IMPORT_CELL_TOO_LONG', { sheet: name, row: row.number, column: columnLetter(index), header: headerAt(cols, index), length: c.text.length, limit: limits.maxCellChars });
        }
      });
      if (!ok) continue;
      for (const key of IMPORTED) if (cells[key].kind === 'formula') bad('IMPORT_FORMULA', key);
      if (!ok) continue;

      const id = readId(cells.id, () => bad('IMPORT_BAD_VALUE', 'id', EXPECTED_ID));
      const entityId = readText(cells.entityId);
      const scope = readEnum('scope', cells, bad) as Scope | null;
      // A metric by its id or its name in either language; one the catalog does not hold is refused by name.
      const metricCell = cells.metric;
      const metric = metricCell.kind === 'empty' ? bad('IMPORT_REQUIRED', 'metric') : (words.metricOf(shownCell(metricCell)) ?? bad('UNKNOWN_METRIC', 'metric', { metric: shownCell(metricCell) }));
      const cityCell = cells.cityCode;
      const cityCode = cityCell.kind === 'empty' ? null : (words.cityOf(shownCell(cityCell)) ?? bad('UNKNOWN_CITY', 'cityCode', { city: shownCell(cityCell) }));
      const unit = readEnum('unit', cells, bad) as Unit | null;
      const qualifier = readEnum('qualifier', cells, bad) as Qualifier | null;
      let value = readValue(cells.value, bad);
      // 5.2 typed into a %-formatted cell is 0.052 in the file: a percent figure is 5.2; any other unit cannot be a percentage.
      let converted: PercentConversion | null = null;
      if (value !== null && unit !== null && cells.value.kind === 'number' && cells.value.percent) {
        const percent = Number((value * 100).toPrecision(15));
        if (unit === 'percent') converted = { row: row.number, cell: `${at('value').column}${row.number}`, from: value, to: percent };
        value = unit === 'percent' ? percent : bad('IMPORT_PERCENT_UNIT', 'value', { value: `${percent}%` });
      }
      const period = readPeriod(cells.period, bad);
      const sourceId = readId(cells.sourceId, () => bad('IMPORT_BAD_VALUE', 'sourceId', EXPECTED_ID));
      const sourceQuote = readText(cells.sourceQuote);
      const note = readText(cells.note);
      if (!ok || scope === null || metric === null || unit === null || qualifier === null || value === null || period === null) continue;
      if (scope === 'entity' && entityId === null) {
        bad('IMPORT_INVALID_FIGURE', 'entityId', { problem: 'entity_needed' });
        continue;
      }
      if (scope !== 'entity' && entityId !== null) {
        bad('IMPORT_INVALID_FIGURE', 'entityId', { problem: 'entity_not_allowed' });
        continue;
      }
      const def = words.metricDefs.find((m) => m.id === metric);
      const problem = def ? metricProblem(def, { value, unit }) : null;
      if (problem) {
        bad('IMPORT_INVALID_FIGURE', problem === 'negative' ? 'value' : 'unit', { problem, metric: def!.name.zh });
        continue;
      }
      const parsed = FigureInput.safeParse({ scope, entityId, metric, value, unit, qualifier, period, cityCode, sourceId, sourceQuote, note });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const key = (IMPORTED as readonly string[]).includes(String(issue?.path[0])) ? (issue!.path[0] as ColumnKey) : 'value';
        const { where: _where, ...problem } = issueDetails(issue);
        bad('IMPORT_INVALID_FIGURE', key, problem);
        continue;
      }
      rows.push({ row: row.number, id, input: parsed.data, changedAt: readInstant(row.cells[changedAtIndex] ?? EMPTY) });
      if (converted) percentCells.push(converted);
      rowOk = true;
    }
  }
  if (!rowOk && rowId !== null) unreadIds.push(rowId);
  if (columns === null) report('IMPORT_MISSING_COLUMN', { sheet: name, row: 1, header: bothNames(header('id', 'zh-CN'), header('id', 'en')) });
}

function headerAt(cols: Map<ColumnKey, { index: number; header: string }>, index: number): string | null {
  for (const c of cols.values()) if (c.index === index) return c.header;
  return null;
}

/** The header row: every imported column must be there, under its name in either language. */
function headerColumns(row: SheetRow, sheet: string, report: (code: ErrorCode, details: Record<string, string | number | null>) => void): Map<ColumnKey, { index: number; header: string }> | null {
  const columns = new Map<ColumnKey, { index: number; header: string }>();
  row.cells.forEach((cell, index) => {
    const text = shownCell(cell);
    const key = HEADER_KEYS.get(normalizeWord(text));
    if (key && !columns.has(key)) columns.set(key, { index, header: text });
  });
  const missing = IMPORTED.filter((key) => !columns.has(key) && !FIGURE_COLUMNS.find((c) => c.key === key)?.optional);
  for (const key of missing) report('IMPORT_MISSING_COLUMN', { sheet, row: row.number, header: bothNames(header(key, 'zh-CN'), header(key, 'en')) });
  return missing.length === 0 ? columns : null;
}

/**
 * The instant a 修改时间 cell names: an Excel date-time (a serial number of days, written as the
 * exporting machine's local wall time: export.ts excelLocalTime), or ISO text (workbooks exported
 * before it was a date). Null for anything else.
 */
function readInstant(cell: Cell): number | null {
  const wall = (utcFields: Date): number =>
    new Date(utcFields.getUTCFullYear(), utcFields.getUTCMonth(), utcFields.getUTCDate(), utcFields.getUTCHours(), utcFields.getUTCMinutes(), utcFields.getUTCSeconds(), utcFields.getUTCMilliseconds()).getTime();
  if (cell.kind === 'number' && Number.isFinite(cell.value) && cell.value > 0) return wall(new Date(Math.round((cell.value - 25569) * 86_400_000)));
  if (cell.kind === 'date') return cell.value.getTime();
  if (cell.kind === 'text') {
    const at = Date.parse(cell.text);
    return Number.isNaN(at) ? null : at;
  }
  return null;
}

function readText(cell: Cell): string | null {
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'text':
      return cell.text;
    default:
      return shownCell(cell);
  }
}

function readId(cell: Cell, fail: () => null): number | null {
  if (cell.kind === 'empty') return null;
  const n = cell.kind === 'number' ? cell.value : cell.kind === 'text' && /^\s*[0-9０-９]+\s*$/.test(cell.text) ? Number(cell.text.normalize('NFKC').trim()) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : fail();
}

function readEnum(column: EnumColumn, cells: Cells, bad: (code: ErrorCode, key: ColumnKey, extra?: Record<string, string | number | null>) => null): string | null {
  const cell = cells[column];
  if (cell.kind === 'empty') return bad('IMPORT_REQUIRED', column);
  const code = cell.kind === 'text' ? (LOOKUPS[column].get(cell.text) ?? LOOKUPS[column].get(normalizeWord(cell.text))) : undefined;
  return code ?? bad('IMPORT_BAD_VALUE', column, { expectedZh: enumLabels(column, 'zh-CN').join('、'), expectedEn: enumLabels(column, 'en').join('; ') });
}

function readValue(cell: Cell, bad: (code: ErrorCode, key: ColumnKey) => null): number | null {
  if (cell.kind === 'empty') return bad('IMPORT_REQUIRED', 'value');
  if (cell.kind === 'number') return Number.isFinite(cell.value) ? cell.value : bad('IMPORT_BAD_NUMBER', 'value');
  if (cell.kind === 'text') return parseNumberText(cell.text) ?? bad('IMPORT_BAD_NUMBER', 'value');
  return bad('IMPORT_BAD_NUMBER', 'value');
}

/**
 * A period: text `2023`, `2023-Q2`, `2023-06` (full-width folded); a whole-number year typed into
 * the cell; or a date a spreadsheet made of `2023-06` (the first of a month, read as that month).
 */
function readPeriod(cell: Cell, bad: (code: ErrorCode, key: ColumnKey, extra?: Record<string, string | number | null>) => null): string | null {
  if (cell.kind === 'empty') return bad('IMPORT_REQUIRED', 'period');
  let text: string | null = null;
  if (cell.kind === 'text') text = PLAIN_PERIOD.test(cell.text) ? cell.text : cell.text.normalize('NFKC').trim().toUpperCase();
  if (cell.kind === 'number' && Number.isInteger(cell.value)) text = String(cell.value);
  if (cell.kind === 'date' && cell.value.getUTCDate() === 1) text = cell.value.toISOString().slice(0, 7);
  return text !== null && Period.safeParse(text).success ? text : bad('IMPORT_BAD_VALUE', 'period', { expectedZh: '年份（2023）、季度（2023-Q2）或月份（2023-06）', expectedEn: 'a year (2023), quarter (2023-Q2) or month (2023-06)' });
}
