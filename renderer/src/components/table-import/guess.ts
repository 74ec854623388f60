/**
 * The table import's first guesses: which row holds the headers, and what each column holds, from the
 * words of its header (城市, 指标, 单位, 年份, 数值, 产业…) and years across the top.
 */
import { EMPTY_FIXED, periodOfHeader, type TableGrid, type TableMapping } from '../../../../shared/table-import';

/** The row that most likely holds the headers: the first with a year header, else the first with two cells filled. */
export function guessHeaderRow(grid: TableGrid): number {
  const years = grid.rows.find((r) => r.cells.some((c) => periodOfHeader(c) !== null));
  return (years ?? grid.rows.find((r) => r.cells.filter((c) => c.trim() !== '').length >= 2) ?? grid.rows[0])?.number ?? 1;
}

const ROLE_WORDS: [RegExp, TableMapping['columns'][number]['role']][] = [
  [/城市|地市|地区|city/i, 'city'],
  [/指标|metric|indicator/i, 'metric'],
  [/单位|unit/i, 'unit'],
  [/年份|期间|period|year/i, 'period'],
  [/数值|value|金额/i, 'value'],
  [/产业|集群|行业|industry|cluster|sector/i, 'entity'],
];

/** A first mapping for the header row: roles from header words, wide when years run across the top. */
export function guessMapping(grid: TableGrid, headerRow: number): TableMapping {
  const headers = (grid.rows.find((r) => r.number === headerRow)?.cells ?? []).map((c) => c.trim()).filter((h) => h !== '');
  const wide = headers.some((h) => periodOfHeader(h) !== null);
  const columns = headers.flatMap((header) => {
    if (periodOfHeader(header) !== null) return [];
    const role = ROLE_WORDS.find(([words]) => words.test(header))?.[1];
    return role ? [{ header, role }] : [];
  });
  // No column named as the industry's: the first is taken as it, unless its header says what it is (地区: the city).
  if (!columns.some((c) => c.role === 'entity') && headers[0] && periodOfHeader(headers[0]) === null && !columns.some((c) => c.header === headers[0])) columns.unshift({ header: headers[0], role: 'entity' });
  return { sheet: grid.sheet, headerRow, columns: columns.filter((c, i) => columns.findIndex((o) => o.header === c.header) === i), wide, fixed: EMPTY_FIXED, entityNames: {} };
}
