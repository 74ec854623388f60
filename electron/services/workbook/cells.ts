/**
 * What a spreadsheet cell holds, whichever program saved it (Excel, WPS, LibreOffice: shared or
 * inline strings, rich text, numbers, dates as serials, formulas), and how text becomes a number.
 */
import type ExcelJS from 'exceljs';

export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** `percent`: the cell's number format shows it as a percentage (the cell holds 0.052 for 5.2%). */
  | { kind: 'number'; value: number; percent?: true }
  | { kind: 'date'; value: Date }
  | { kind: 'formula'; formula: string }
  | { kind: 'other'; shown: string };

export function classify(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'other', shown: String(value).toUpperCase() };
  if (value instanceof Date) return { kind: 'date', value };
  if ('formula' in value || 'sharedFormula' in value) {
    const f = value as { formula?: string; sharedFormula?: string };
    return { kind: 'formula', formula: `=${f.formula ?? f.sharedFormula ?? ''}` };
  }
  if ('richText' in value) return classify(value.richText.map((r) => r.text ?? '').join(''));
  if ('text' in value && typeof value.text === 'string') return classify(value.text);
  if ('error' in value) return { kind: 'other', shown: String(value.error) };
  return { kind: 'other', shown: JSON.stringify(value).slice(0, 60) };
}

/** A number typed as text: the one rule of shared/number-text.ts, the figure form's too. */
export { parseNumberText } from '../../../shared/number-text';

/** What a person typed, for messages. */
export function shownCell(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.value.toISOString().slice(0, 10);
    case 'formula':
      return cell.formula;
    case 'other':
      return cell.shown;
  }
}
