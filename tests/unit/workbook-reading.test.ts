/**
 * Workbooks as an analyst reads them (issue 13): timestamps are real Excel dates in the computer's
 * own time zone, shown to the minute; the seeded dataset's author in the workbook's language only;
 * the import still reads such a workbook back unchanged and says each value's unit; a finished
 * export can be opened, and only a finished export.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUALIFIERS, UNITS } from '../../shared/domain';
import { qualifierOf, unitOf } from '../../shared/workbook';
import { folderHost } from '../../electron/services/host';
import { Jobs } from '../../electron/services/jobs';
import { workbookHandlers } from '../../electron/services/workbook/handlers';
import { createAnnotation } from '../../electron/services/db/annotations';
import { newChange } from '../../electron/services/db/revisions';
import { planWorkbookImport } from '../../electron/services/workbook/import';
import { SEED_AUTHOR } from '../../shared/format';
import { DEFAULT_DATASET } from '../../electron/services/db/seed';
import { openTemp, tempDir } from '../helpers/files';
import { editWorkbook, exportTo, rowOf } from '../helpers/workbooks';

const zone = process.env.TZ;
// Eight hours ahead of UTC, as in Guangdong: a UTC timestamp would show the wrong day after 16:00 UTC.
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

async function sheets(file: string): Promise<ExcelJS.Worksheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets;
}

describe('timestamps in the exported workbook', () => {
  it('are Excel dates in local time with a yyyy-mm-dd hh:mm format, on the figures, annotations and cover', async () => {
    const { db } = openTemp();
    db.prepare(`UPDATE figures SET changed_at = '2026-11-30T16:05:00.000Z', changed_by = '李分析' WHERE id = 1`).run();
    createAnnotation(db, newChange('李分析', new Date('2026-11-30T23:59:00.000Z')), { targetType: 'figure', targetId: '1', body: '核对', tags: [], status: 'open', includeInBriefing: false });
    const [cover, , figures, annotations] = await sheets(await exportTo(db, 'zh-CN'));

    const changedAt = figures!.getRow(2).getCell(17);
    expect(figures!.getRow(1).getCell(17).value).toBe('修改时间');
    // Read back as Excel shows it: 00:05 on 1 December in Guangdong.
    expect(changedAt.value).toBeInstanceOf(Date);
    expect((changedAt.value as Date).toISOString()).toBe('2026-12-01T00:05:00.000Z');
    expect(changedAt.numFmt).toBe('yyyy-mm-dd hh:mm');

    const created = annotations!.getRow(2).getCell(8);
    expect((created.value as Date).toISOString()).toBe('2026-12-01T07:59:00.000Z');
    expect(created.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(annotations!.getRow(2).getCell(9).numFmt).toBe('yyyy-mm-dd hh:mm');

    const generated = cover!.getRows(1, cover!.rowCount)!.find((r) => r.getCell(1).value === '生成时间')?.getCell(2);
    expect(generated?.value).toBeInstanceOf(Date);
    expect(generated?.numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('do not stop the workbook from being imported back unchanged, in either language', async () => {
    const { db } = openTemp();
    for (const lang of ['zh-CN', 'en'] as const) {
      const plan = await planWorkbookImport(db, await exportTo(db, lang));
      expect(plan.problems).toEqual([]);
      expect(plan.counts).toMatchObject({ changed: 0, added: 0, removed: 0 });
    }
  });
});

describe('the seeded dataset’s author', () => {
  it('is recorded under the name shared/format knows', () => {
    expect(DEFAULT_DATASET.author).toBe(SEED_AUTHOR.stored);
  });

  it('is written in the workbook’s language only', async () => {
    const { db } = openTemp();
    for (const [lang, name] of [
      ['zh-CN', '默认数据集'],
      ['en', 'Default dataset'],
    ] as const) {
      const figures = (await sheets(await exportTo(db, lang)))[2]!;
      const authors = new Set(figures.getColumn(16).values.slice(2));
      expect(authors).toEqual(new Set([name]));
    }
  });
});

describe('the import preview', () => {
  it('gives each changed value its unit, on both sides', async () => {
    const { db } = openTemp();
    const edited = await editWorkbook(await exportTo(db, 'zh-CN'), (book) => {
      const sheet = book.getWorksheet('数据')!;
      rowOf(sheet, 1).getCell(7).value = 12345;
      rowOf(sheet, 2).getCell(7).value = 1;
      // A money metric takes 元/万元/亿元 only (issue 12: the unit fits the metric's kind).
      rowOf(sheet, 2).getCell(8).value = '万元';
    });
    const plan = await planWorkbookImport(db, edited);
    expect(plan.problems).toEqual([]);
    const first = plan.changes.find((c) => c.figureId === 1)!;
    expect([unitOf(first, 'before'), unitOf(first, 'after')]).toEqual(['100m_yuan', '100m_yuan']);
    const second = plan.changes.find((c) => c.figureId === 2)!;
    expect([unitOf(second, 'before'), unitOf(second, 'after')]).toEqual(['100m_yuan', '10k_yuan']);
  });

  it('reads the unit of either side from a changed unit field, else the figure’s', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), fc.constantFrom(...UNITS), fc.constantFrom(...UNITS), fc.boolean(), (figureUnit, before, after, unitChanged) => {
        const change = { figure: { scope: 'province', entityId: null, entityName: null, metric: 'revenue', period: '2023', unit: figureUnit, qualifier: 'exact' } as const, fields: unitChanged ? [{ field: 'unit' as const, before, after }] : [] };
        expect(unitOf(change, 'before')).toBe(unitChanged ? before : figureUnit);
        expect(unitOf(change, 'after')).toBe(unitChanged ? after : figureUnit);
      }),
    );
  });

  it('reads the qualifier of either side from a changed qualifier field, else the figure’s', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUALIFIERS), fc.constantFrom(...QUALIFIERS), fc.constantFrom(...QUALIFIERS), fc.boolean(), (figureQualifier, before, after, changed) => {
        const change = { figure: { scope: 'province', entityId: null, entityName: null, metric: 'revenue', period: '2023', unit: '100m_yuan', qualifier: figureQualifier } as const, fields: changed ? [{ field: 'qualifier' as const, before, after }] : [] };
        expect(qualifierOf(change, 'before')).toBe(changed ? before : figureQualifier);
        expect(qualifierOf(change, 'after')).toBe(changed ? after : figureQualifier);
      }),
    );
  });
});

describe('opening a finished export', () => {
  it('opens only the file a finished workbook export wrote', async () => {
    const { db, file } = openTemp();
    const host = folderHost(tempDir(), path.join);
    const jobs = new Jobs();
    const handlers = workbookHandlers({ db, dataFile: file, appName: 'Cluster Brief', appVersion: '0.0.0-test', host, jobs });
    const started = (await handlers.startWorkbookExport({ lang: 'zh-CN' }))!;
    const done = await jobs.settle(started.id);
    expect(done.state).toBe('done');
    await handlers.openExportedWorkbook({ id: started.id });
    expect(host.opened).toEqual([done.path]);

    const other = jobs.start('briefing-export', async () => ({ path: '/etc/passwd' }));
    await jobs.settle(other.id);
    await expect(handlers.openExportedWorkbook({ id: other.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(handlers.openExportedWorkbook({ id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(host.opened).toHaveLength(1);
  });
});
