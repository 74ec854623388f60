/**
 * A CSV as a statistical bureau or Excel writes it. Encoding, in this order: a byte-order mark
 * (UTF-8, UTF-16 LE/BE); else bytes that are valid UTF-8; else GB18030 (a superset of GBK, what Excel
 * on Chinese Windows writes "CSV" in). The delimiter is the one of comma, tab and semicolon found
 * most in the first line. Quoted fields (RFC 4180) may hold delimiters, doubled quotes and line breaks.
 * Every cell is text: numbers are read later by the documented rules (workbook/cells.ts).
 */
import iconv from 'iconv-lite';
import type { TableEncoding } from '../../../shared/table-import';
import type { Cell } from '../workbook/cells';
import type { SheetRow } from '../workbook/sheet-xml';

export function decodeCsv(bytes: Buffer): { text: string; encoding: TableEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

const DELIMITERS = [',', '\t', ';'] as const;

/** The first record with its quoted fields left out: a delimiter inside quotes does not count. */
function firstRecord(text: string): string {
  let out = '';
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted) out += c;
  }
  return out;
}

function delimiterOf(text: string): string {
  const first = firstRecord(text);
  let best: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = first.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

const cellOf = (text: string): Cell => (text.trim() === '' ? { kind: 'empty' } : { kind: 'text', text });

/** The rows of a decoded CSV, numbered from 1 as a spreadsheet program shows them (a quoted line break stays in its cell). */
export function csvRows(text: string): SheetRow[] {
  const delimiter = delimiterOf(text);
  const rows: SheetRow[] = [];
  let cells: Cell[] = [];
  let field = '';
  let quoted = false;
  let number = 1;
  let i = 0;
  const endField = (): void => {
    cells.push(cellOf(field));
    field = '';
  };
  const endRow = (): void => {
    endField();
    // Cells by column number (1 = A), as the worksheet reader gives them.
    rows.push({ number, cells: [{ kind: 'empty' }, ...cells] });
    cells = [];
    number++;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === delimiter) endField();
    else if (c === '\n' || c === '\r') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}
