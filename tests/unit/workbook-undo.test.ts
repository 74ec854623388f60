/** Undo takes a whole workbook import back as one step, and redo applies it again (issue 4 + 3). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataFile } from '../../electron/services/db/open';
import { redo, undo, undoState, undoStateWithBatches } from '../../electron/services/db/undo';
import { describeChange } from '../../shared/history';
import { applyImportPlan, planWorkbookImport } from '../../electron/services/workbook/import';
import { openTemp } from '../helpers/files';
import { editWorkbook, exportTo, rowOf } from '../helpers/workbooks';

/** Figures 19 and 20 are smart robots' and blockchain's output values in the seeded file. */
const VALUE_COLUMN = 7;
const figures = (db: ReturnType<typeof openTemp>['db']): unknown[] =>
  db.prepare(`SELECT id, entity_id, metric, value, unit, qualifier, period, source_id, note, deleted_at FROM figures ORDER BY id`).all();

describe('undoing a workbook import', () => {
  it('takes every change of the import back in one step, redoes it in one step, and keeps working after reopening the file', async () => {
    const { db, file } = openTemp();
    const before = figures(db);
    const workbook = await exportTo(db, 'zh-CN');
    const edited = await editWorkbook(workbook, (book) => {
      const sheet = book.getWorksheet('数据')!;
      rowOf(sheet, 19).getCell(VALUE_COLUMN).value = 150;
      rowOf(sheet, 20).getCell(VALUE_COLUMN).value = 120.5;
    });
    const plan = await planWorkbookImport(db, edited);
    expect(plan.problems).toEqual([]);
    const result = applyImportPlan(db, plan, { author: '导入者', includeRemovals: false, dataFile: file });
    expect(result.changed).toBe(2);
    const imported = figures(db);
    expect(imported).not.toEqual(before);
    // Named by its file and its count, in both languages, not by its first row "and 1 more".
    const name = path.basename(edited);
    expect(describeChange(undoStateWithBatches(db).undoWhat!, 'zh-CN')).toBe(`导入 ${name}（2 项修改）`);
    expect(describeChange(undoStateWithBatches(db).undoWhat!, 'en')).toBe(`imported ${name} (2 changes)`);

    const undone = undo(db, '审核人');
    expect(undone.done).toBe(true);
    expect(undone.changes).toBe(2);
    expect(describeChange(undone.summary!, 'zh-CN')).toBe(`导入 ${name}（2 项修改）`);
    expect(describeChange(undoStateWithBatches(db).redoWhat!, 'en')).toBe(`imported ${name} (2 changes)`);
    expect(figures(db)).toEqual(before);

    db.close();
    const reopened = openDataFile(file);
    expect(undoState(reopened).canRedo).toBe(true);
    const redone = redo(reopened, '审核人');
    expect(redone.changes).toBe(2);
    expect(figures(reopened)).toEqual(imported);
    reopened.close();
  });
});
