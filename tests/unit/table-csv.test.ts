/**
 * CSV as bureaus and Excel write it: any grid of texts, every field quoted (delimiters, quotes and
 * line breaks inside), in UTF-8 with or without a BOM, UTF-16 or GBK, reads back cell for cell
 * (property, seed printed); the delimiter is found outside quotes.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvRows, decodeCsv } from '../../electron/services/tables/csv';
import { shownCell } from '../../electron/services/workbook/cells';
import { propertySeed } from '../helpers/seed';

const encode = (text: string, encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gbk'): Buffer =>
  encoding === 'gbk'
    ? iconv.encode(text, 'gbk')
    : encoding === 'utf-16le'
      ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
      : Buffer.concat([encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);

const readBack = (bytes: Buffer): string[][] => csvRows(decodeCsv(bytes).text).map((r) => r.cells.slice(1).map((c) => shownCell(c)));
const written = (grid: string[][], delimiter: string): string => grid.map((row) => row.map((v) => `"${v.replace(/"/g, '""')}"`).join(delimiter)).join('\r\n') + '\r\n';
/** What a cell of only spaces reads as: empty (as a spreadsheet program shows it). */
const expected = (grid: string[][]): string[][] => grid.map((row) => row.map((v) => (v.trim() === '' ? '' : v)));

describe('CSV reading', () => {
  it('gives back any grid of texts in any of the encodings (property, seed printed)', () => {
    const seed = propertySeed('TABLE_CSV_SEED', 1);
    const gbkText = fc.string({ unit: fc.constantFrom(...'产值亿元广州市深圳 ,;\t"\r\nabc123-…—％'.split('')), maxLength: 12, size: 'max' });
    const anyText = fc.string({ unit: 'grapheme', maxLength: 12, size: 'max' });
    const grid = (cell: fc.Arbitrary<string>): fc.Arbitrary<string[][]> =>
      fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }));
    try {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.record({ encoding: fc.constantFrom('utf-8' as const, 'utf-8-bom' as const, 'utf-16le' as const), grid: grid(anyText) }),
            // A GBK table has a header row in Chinese: bytes of a few characters (值, 元) alone are also valid UTF-8 (docs/tables.md).
            fc.record({ encoding: fc.constant('gbk' as const), grid: grid(gbkText).map((g) => [g[0]!.map((_, i) => `产业${i}`), ...g]) }),
          ),
          fc.constantFrom(',', '\t', ';'),
          ({ encoding, grid: g }, delimiter) => {
            expect(readBack(encode(written(g, delimiter), encoding))).toEqual(expected(g));
          },
        ),
        { seed, numRuns: 300 },
      );
    } catch (error) {
      throw new Error(`seed ${seed} (replay: TABLE_CSV_SEED=${seed}): ${(error as Error).message}`, { cause: error });
    }
  });

  it('finds the delimiter outside quotes, and says how the bytes were read', () => {
    const text = '"a\t\t\tb";"c"\r\n"1";"2"\r\n';
    expect(csvRows(text).map((r) => r.cells.slice(1).map((c) => shownCell(c)))).toEqual([['a\t\t\tb', 'c'], ['1', '2']]);
    expect(decodeCsv(iconv.encode('产值', 'gbk')).encoding).toBe('gb18030');
    expect(decodeCsv(Buffer.from('产值', 'utf8')).encoding).toBe('utf-8');
  });
});
