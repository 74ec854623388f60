/**
 * An edit saved while an import is under way is never lost. The import's staleness check runs inside
 * its write transaction, row by row: the seam `afterBackup` puts a colleague's edit, from a second
 * connection to the same file, exactly between the import's backup and its transaction — the moment
 * at which the old check let the import overwrite it.
 */
import type ExcelJS from 'exceljs';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupBeside } from '../../electron/services/db/backup';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { restoreBackup } from '../../electron/services/db/restore';
import type { ImportPlan } from '../../electron/services/workbook/diff';
import { applyImportPlan, planWorkbookImport } from '../../electron/services/workbook/import';
import { colleagueSaves } from '../helpers/concurrent';
import { openTemp, tempDataFile } from '../helpers/files';
import { editWorkbook, exportTo, rowOf } from '../helpers/workbooks';

const VALUE = 7;
const valueOf = (db: DB, id: number): number => (db.prepare(`SELECT value FROM figures WHERE id = ?`).get(id) as { value: number }).value;

/** A workbook that sets figure id's value to 1000 + id, for each of `ids`. */
async function workbookChanging(db: DB, ids: readonly number[]): Promise<string> {
  return editWorkbook(await exportTo(db, 'zh-CN'), (book: ExcelJS.Workbook) => {
    const sheet = book.getWorksheet('数据')!;
    for (const id of ids) rowOf(sheet, id).getCell(VALUE).value = 1000 + id;
  });
}

describe('an import and an edit saved during its backup', () => {
  it('keeps the edit: the import refuses, naming the figure, and writes nothing', async () => {
    const { db, file } = openTemp();
    const plan = await planWorkbookImport(db, await workbookChanging(db, [19, 20]));
    const batches = db.prepare(`SELECT count(*) AS n FROM batches`).pluck().get();

    let error: unknown;
    try {
      applyImportPlan(db, plan, { author: '李分析', includeRemovals: false, dataFile: file, afterBackup: () => colleagueSaves(file, 19, 123) });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'ROWS_CHANGED', details: { count: 1, ids: '19', since: 'preview' } });
    expect(valueOf(db, 19)).toBe(123);
    expect(valueOf(db, 20)).not.toBe(1020);
    expect(db.prepare(`SELECT count(*) AS n FROM batches`).pluck().get()).toBe((batches as number) + 1);
    db.close();
  });

  it('is not blocked by an edit to a figure it does not write, and both changes stay', async () => {
    const { db, file } = openTemp();
    const plan = await planWorkbookImport(db, await workbookChanging(db, [19]));
    const result = applyImportPlan(db, plan, { author: '李分析', includeRemovals: false, dataFile: file, afterBackup: () => colleagueSaves(file, 20, 456) });
    expect(result.changed).toBe(1);
    expect(valueOf(db, 19)).toBe(1019);
    expect(valueOf(db, 20)).toBe(456);
    db.close();
  });

  it('is refused as stale when a backup restored since the preview took the history back, even once new edits reuse its revision ids', async () => {
    const { db, file } = openTemp();
    const whole = backupBeside(db, file, 'before-import');
    colleagueSaves(file, 21, 5.9);
    const plan = await planWorkbookImport(db, await workbookChanging(db, [19]));
    await restoreBackup(db, file, whole);
    colleagueSaves(file, 19, 123);
    expect(() => applyImportPlan(db, plan, { author: '李分析', includeRemovals: false, dataFile: file })).toThrow(expect.objectContaining({ code: 'IMPORT_STALE_PREVIEW' }));
    expect(valueOf(db, 19)).toBe(123);
    db.close();
  });

  it('for any figures the workbook changes and any a colleague edits meanwhile: refuses exactly the overlap, else writes; no edit is lost', async () => {
    // One seeded file, copied for each run: the plan is made once per workbook on a fresh copy.
    const seeded = tempDataFile();
    openDataFile(seeded).close();
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(ids, ids, async (imported, edited) => {
        const file = path.join(path.dirname(tempDataFile()), 'data.sqlite');
        fs.copyFileSync(seeded, file);
        const db = openDataFile(file, { mustExist: true });
        try {
          const plan: ImportPlan = await planWorkbookImport(db, await workbookChanging(db, imported));
          const seededValues = new Map(imported.map((id) => [id, valueOf(db, id)]));
          const overlap = imported.filter((id) => edited.includes(id)).sort((a, b) => a - b);
          const run = (): unknown =>
            applyImportPlan(db, plan, {
              author: '李分析',
              includeRemovals: false,
              dataFile: file,
              afterBackup: () => edited.forEach((id) => colleagueSaves(file, id, 2000 + id)),
            });
          if (overlap.length > 0) expect(run).toThrow(expect.objectContaining({ code: 'ROWS_CHANGED', details: expect.objectContaining({ ids: overlap.join(', ') }) }));
          else run();
          for (const id of edited) expect(valueOf(db, id)).toBe(2000 + id);
          // Refused: nothing of the import was written; else all of it.
          for (const id of imported.filter((i) => !edited.includes(i))) expect(valueOf(db, id)).toBe(overlap.length > 0 ? seededValues.get(id) : 1000 + id);
        } finally {
          db.close();
        }
      }),
      { numRuns: 12, verbose: 1 },
    );
  });
});
