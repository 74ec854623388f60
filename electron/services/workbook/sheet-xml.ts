/**
 * Reading the rows of one worksheet part (xl/worksheets/sheetN.xml) straight from its XML, as the
 * stream inflates: each row's number and its cells by column, already classified (text, number,
 * date, formula, ...). A lean scanner rather than a general XML parser: a 100,000-row sheet reads
 * in a few hundred milliseconds instead of the seconds a full SAX pass with cell objects takes.
 *
 * Covers what Excel, WPS, LibreOffice and libraries write: shared, inline (rich) and formula
 * strings; numbers, booleans, errors, ISO dates and numbers in a date format; formulas (own and
 * shared); namespace prefixes (`<x:c>`); rows and cells without an `r` reference (they follow the
 * previous one); single or double quoted attributes; entities and CDATA.
 */
import type { Cell } from './cells';
import { classify } from './cells';
import { columnLetter } from './layout';
import { PartDamage, runsText, xmlText } from './zip-check';

export interface SheetRow {
  /** The row number a person sees in the spreadsheet program. */
  number: number;
  /** Cells by column number (1 = A); columns without a cell element are holes. */
  cells: Cell[];
}

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Whether cells of this style index show a date (numbers in such cells are date serials). */
  isDateStyle: (style: number) => boolean;
  /** Whether cells of this style index show a percentage (5.2% is the number 0.052 in the cell). */
  isPercentStyle: (style: number) => boolean;
  date1904: boolean;
}

/**
 * A row this long without its end is not one a person made: 18 cells of Excel's longest text (32,767
 * characters), every character escaped, stay below it. Bounds memory and the rescans of a cut-off row.
 */
export const MAX_ROW_CHARS = 4 * 1024 * 1024;

/** Thrown for a row longer than MAX_ROW_CHARS: the reader names the sheet and row. */
export class RowTooLong extends Error {
  constructor(
    readonly row: number,
    readonly length: number,
  ) {
    super(`row ${row} is longer than ${MAX_ROW_CHARS} characters`);
  }
}

const NAME = String.raw`(?:[A-Za-z_][\w.-]*:)?`;
const ROW = new RegExp(String.raw`<${NAME}row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/${NAME}row\s*>)`, 'g');
const CELL = new RegExp(String.raw`<${NAME}c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/${NAME}c\s*>)`, 'g');
const FORMULA = new RegExp(String.raw`<${NAME}f\b[^>]*?(?:\/>|>([\s\S]*?)<\/${NAME}f\s*>)`);
const VALUE = new RegExp(String.raw`<${NAME}v\b[^>]*?(?:\/>|>([\s\S]*?)<\/${NAME}v\s*>)`);
const INLINE = new RegExp(String.raw`<${NAME}is\b[^>]*?(?:\/>|>([\s\S]*?)<\/${NAME}is\s*>)`);
const attribute = (name: string): RegExp => new RegExp(String.raw`(?:^|\s)${name}\s*=\s*(?:"([^"]*)"|'([^']*)')`);
const R = attribute('r');
const S = attribute('s');
const T = attribute('t');
const REF = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

function attributeOf(tag: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) & ~32) - 64);
  return n;
}

/** Date serials count days from 1899-12-30 (or 1904-01-01), as exceljs reads them. */
const serialToDate = (serial: number, date1904: boolean): Date => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** A cell's value from its type (`t`), style index (`s`) and the decoded text of its <v>. */
function valueCell(type: string | undefined, style: number, text: string, context: SheetContext): Cell {
  switch (type) {
    case 's': {
      // An index past the table is damage, not an empty cell (an ID cell read as empty adds a figure).
      const index = /^\s*\d+\s*$/.test(text) ? Number(text) : -1;
      if (index < 0 || index >= context.sharedStrings.length) throw new PartDamage('dangling_string', { index: text.trim().slice(0, 20), count: context.sharedStrings.length });
      return classify(context.sharedStrings[index]);
    }
    case 'str':
    case 'inlineStr':
      return classify(text);
    case 'e':
      return { kind: 'other', shown: text };
    case 'b':
      return { kind: 'other', shown: Number.parseInt(text, 10) !== 0 ? 'TRUE' : 'FALSE' };
    case 'd': {
      const date = new Date(text);
      return Number.isNaN(date.getTime()) ? { kind: 'other', shown: text } : { kind: 'date', value: date };
    }
    default: {
      if (text.trim() === '') return { kind: 'empty' };
      const value = Number(text);
      if (style > 0 && Number.isFinite(value) && context.isDateStyle(style)) return { kind: 'date', value: serialToDate(value, context.date1904) };
      if (style > 0 && context.isPercentStyle(style)) return { kind: 'number', value, percent: true };
      return { kind: 'number', value };
    }
  }
}

/** Any cell element: its attributes (`tag`) and content (`body`, undefined when self-closed). */
function cellOf(tag: string, body: string | undefined, context: SheetContext): Cell {
  if (body === undefined) return { kind: 'empty' };
  const formula = body.includes('f') ? FORMULA.exec(body) : null;
  if (formula) return { kind: 'formula', formula: `=${xmlText(formula[1] ?? '')}` };
  const type = attributeOf(tag, T);
  if (type === 'inlineStr') {
    const inline = INLINE.exec(body);
    return classify(inline ? runsText(inline[1] ?? '') : '');
  }
  const v = VALUE.exec(body);
  if (!v || v[1] === undefined) return { kind: 'empty' };
  const s = attributeOf(tag, S);
  return valueCell(type, s === undefined ? 0 : Number.parseInt(s, 10), xmlText(v[1]), context);
}

/**
 * The form nearly every writer uses, `<c r="B2" s="3" t="s"><v>12</v></c>` (or self-closed), read
 * by one pattern at the cell's very position; anything else (formulas, inline strings, prefixes,
 * other attribute orders, entities) goes through the general pattern and cellOf.
 */
const PLAIN = /<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="(\w+)")?(?:\/>|><v>([^<&]*)<\/v><\/c>)/y;

function rowOf(tag: string, body: string | undefined, previous: number, context: SheetContext): SheetRow {
  const r = attributeOf(tag, R);
  const number = r !== undefined && /^\d+$/.test(r) ? Number(r) : previous + 1;
  const cells: Cell[] = [];
  if (body === undefined) return { number, cells };
  const text = body.includes('<!--') ? body.replace(/<!--[\s\S]*?-->/g, '') : body;
  let column = 0;
  let at = 0;
  try {
    for (;;) {
      PLAIN.lastIndex = at;
      const plain = PLAIN.exec(text);
      if (plain) {
        column = columnNumber(plain[1]!);
        const value = plain[4];
        cells[column] = value === undefined ? { kind: 'empty' } : valueCell(plain[3], plain[2] === undefined ? 0 : Number(plain[2]), value, context);
        at = PLAIN.lastIndex;
        continue;
      }
      CELL.lastIndex = at;
      const m = CELL.exec(text);
      if (!m) break;
      const ref = attributeOf(m[1]!, R);
      const letters = ref === undefined ? null : REF.exec(ref);
      column = letters ? columnNumber(letters[1]!) : column + 1;
      cells[column] = cellOf(m[1]!, m[2], context);
      at = CELL.lastIndex;
    }
  } catch (error) {
    // Damage inside a cell (a dangling shared string, a bad character reference): name the cell.
    if (error instanceof PartDamage && error.details.cell === undefined) error.details.cell = `${columnLetter(column)}${number}`;
    throw error;
  }
  return { number, cells };
}

/**
 * Yields the rows of a worksheet part as its bytes arrive, a batch per chunk read (one promise per
 * row would cost more than reading it); a part that is not worksheet XML yields nothing.
 */
export async function* sheetRows(source: AsyncIterable<Buffer>, context: SheetContext): AsyncGenerator<SheetRow[]> {
  // Fatal: bytes that are not UTF-8 are damage, not U+FFFD stored in a figure.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new PartDamage('invalid_utf8', { offset });
    } finally {
      offset += chunk?.length ?? 0;
    }
  };
  let pending = '';
  let previous = 0;
  const take = (text: string, rows: SheetRow[]): string => {
    ROW.lastIndex = 0;
    let consumed = 0;
    for (let m = ROW.exec(text); m; m = ROW.exec(text)) {
      const row = rowOf(m[1]!, m[2], previous, context);
      previous = row.number;
      consumed = ROW.lastIndex;
      rows.push(row);
    }
    return text.slice(consumed);
  };
  for await (const chunk of source) {
    const fresh = decode(chunk);
    const text = pending + fresh;
    // Scan up to the last row end seen (looked for in what just arrived: a long row is not searched
    // again and again); a row cut off by the end of the chunk waits for the next.
    const found = (pending.slice(-3) + fresh).lastIndexOf('row>');
    const last = found < 0 ? -1 : found + text.length - fresh.length - Math.min(3, pending.length);
    const rows: SheetRow[] = [];
    pending = last < 0 ? text : take(text.slice(0, last + 4), rows) + text.slice(last + 4);
    if (pending.length > MAX_ROW_CHARS) throw new RowTooLong(previous + 1, pending.length);
    if (rows.length > 0) yield rows;
  }
  const rows: SheetRow[] = [];
  take(pending + decode(), rows);
  if (rows.length > 0) yield rows;
}
