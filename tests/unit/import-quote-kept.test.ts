/**
 * A workbook import that changes a figure's value and leaves its source and quoted sentence as they
 * were marks the change 原句未改: the sentence still states the old number (5.2 → 5.3 kept "a
 * year-on-year increase of 5.2 percent", unsaid; first-week review). A change of the sentence too, or
 * of the source, is not marked.
 */
import type ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planWorkbookImport } from '../../electron/services/workbook/import';
import { tempDir } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { editWorkbook, exportTo, rowOf } from '../helpers/workbooks';

const column = (sheet: ExcelJS.Worksheet, name: string): number => (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '')).indexOf(name);

describe('an import that changes a value under the same quoted sentence', () => {
  it('marks that change, and not one whose sentence or source changes too', async () => {
    const { db } = openWithHandlers(path.join(tempDir(), 'data.sqlite'));
    const quoted = db.prepare(`SELECT id, value FROM figures WHERE source_quote IS NOT NULL AND deleted_at IS NULL ORDER BY id LIMIT 2`).all() as { id: number; value: number }[];
    expect(quoted.length).toBe(2);
    const [same, both] = quoted as [{ id: number; value: number }, { id: number; value: number }];
    const file = await editWorkbook(await exportTo(db), (book) => {
      const sheet = book.getWorksheet('数据')!;
      rowOf(sheet, same.id).getCell(column(sheet, '数值')).value = same.value + 1;
      rowOf(sheet, both.id).getCell(column(sheet, '数值')).value = both.value + 1;
      rowOf(sheet, both.id).getCell(column(sheet, '原文')).value = '新的原句，写有新的数值。';
    });
    const plan = await planWorkbookImport(db, file);
    expect(plan.problems).toEqual([]);
    const byId = new Map(plan.changes.map((c) => [c.figureId, c]));
    expect(byId.get(same.id)?.quoteKept).toBe(true);
    expect(byId.get(both.id)?.quoteKept).toBeUndefined();
    expect(byId.get(both.id)?.fields.map((f) => f.field).sort()).toEqual(['sourceQuote', 'value']);
    db.close();
  });
});
