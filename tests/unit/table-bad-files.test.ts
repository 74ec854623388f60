/**
 * The bad-workbook corpus (tests/helpers/bad-workbooks.ts: damaged parts, other formats, bombs,
 * truncation) opened as statistical tables: every one is read or refused with a typed error in
 * both languages, never an internal error; a damaged or foreign file is refused as the workbook
 * import refuses it (the reader never opens the data file).
 */
import { describe, expect, it } from 'vitest';
import { AppError, describeError } from '../../shared/errors';
import { readTable } from '../../electron/services/tables/read';
import { CASES, toFile } from '../helpers/bad-workbooks';

describe('bad workbooks as statistical tables', () => {
  for (const c of CASES.filter((w) => !w.libreOffice)) {
    it(`reads or refuses, typed: ${c.name}`, async () => {
      const file = toFile(await c.build(), 'table.xlsx');
      const outcome = await readTable(file, '数据').then(
        (table) => ({ read: table.rows.length }),
        (error: unknown) => error,
      );
      /** Refusals of the file itself (not of a figure the workbook import would build from a cell): the same here. */
      const fileLevel = c.expectedCode !== null && !['IMPORT_INVALID_FIGURE', 'IMPORT_PERCENT_UNIT', 'IMPORT_DUPLICATE_ID', 'IMPORT_BAD_VALUE'].includes(c.expectedCode);
      if (fileLevel) expect(outcome, c.name).toBeInstanceOf(AppError);
      if (outcome instanceof AppError) {
        expect(outcome.code).not.toBe('INTERNAL');
        expect(describeError(outcome.toPayload(), 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
        expect(describeError(outcome.toPayload(), 'en')).not.toMatch(/undefined/);
        if (fileLevel) expect(outcome.code).toBe(c.expectedCode);
      } else {
        expect(outcome).toMatchObject({ read: expect.any(Number) });
      }
    }, 60_000);
  }
});
