/**
 * Workbooks and the metric catalog (issue 12), on real files: a custom metric with its own unit and
 * figures with cities go out in an export, through LibreOffice (a spreadsheet program no one here
 * wrote) and back in with no difference; a city changed in the sheet comes back as that change; a
 * metric or city the catalog does not know is refused naming sheet, row and column, writing nothing.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planWorkbookImport } from '../../electron/services/workbook/import';
import { fullDump, runCliProcess, tempDataFile, tempDir } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { robotsFigure } from '../helpers/catalog';
import { SKIP_LIBREOFFICE, editWorkbook, exportTo, libreOfficeConvert, libreOfficeFiguresCsv, requireSoffice, rowOf } from '../helpers/workbooks';

const PATENTS = { name: { zh: '专利授权量', en: 'Patents granted' }, kind: 'other', unitLabel: { zh: '件', en: 'patents' }, mayBeNegative: false, description: '' } as const;

async function fileWithCatalogFigures(): Promise<{ file: string; ids: number[] }> {
  const file = tempDataFile();
  const { db, call } = openWithHandlers(file);
  await call('saveMetric', { metric: PATENTS });
  const a = (await call('saveFigure', { figure: robotsFigure({ metric: 'patents_granted', value: 1250, unit: 'metric_unit', cityCode: '440300' }) })) as { id: number };
  const b = (await call('saveFigure', { figure: robotsFigure({ value: 88.5, cityCode: '440100' }) })) as { id: number };
  db.close();
  return { file, ids: [a.id, b.id] };
}

describe('workbooks with the catalog', () => {
  it('carry a custom metric and cities out and back; a changed city is the one difference; unknown ones are refused by cell', async () => {
    const { file, ids } = await fileWithCatalogFigures();
    const { db } = openWithHandlers(file);
    const exported = await exportTo(db, 'en');
    const unchanged = await planWorkbookImport(db, exported);
    expect(unchanged.problems).toEqual([]);
    expect(unchanged.counts).toMatchObject({ changed: 0, added: 0, removed: 0 });

    const moved = await editWorkbook(exported, (book) => {
      const sheet = book.worksheets.find((s) => s.name === 'Figures')!;
      rowOf(sheet, ids[1]!).getCell(18).value = '佛山市';
    });
    const plan = await planWorkbookImport(db, moved);
    expect(plan.problems).toEqual([]);
    expect(plan.changes.map((c) => [c.figureId, c.fields])).toEqual([[ids[1], [{ field: 'cityCode', before: '440100', after: '440600' }]]]);

    const dump = fullDump(db);
    const unknown = await editWorkbook(exported, (book) => {
      const sheet = book.worksheets.find((s) => s.name === 'Figures')!;
      rowOf(sheet, ids[0]!).getCell(6).value = 'Rainfall';
      rowOf(sheet, ids[1]!).getCell(18).value = '449900';
    });
    const refused = await planWorkbookImport(db, unknown);
    expect(refused.problems.map((p) => [p.code, p.details?.column, p.details?.metric ?? p.details?.city])).toEqual([
      ['UNKNOWN_METRIC', 'F', 'Rainfall'],
      ['UNKNOWN_CITY', 'R', '449900'],
    ]);
    expect(refused.problems[0]!.details).toMatchObject({ sheet: 'Figures', row: expect.any(Number) });
    expect(fullDump(db)).toBe(dump);
    db.close();
  });
});

describe.skipIf(SKIP_LIBREOFFICE)('a catalog workbook through LibreOffice', () => {
  beforeAll(() => {
    requireSoffice();
  });

  it('LibreOffice shows the metric, its own unit and the city; its re-save imports with no difference', async () => {
    const { file, ids } = await fileWithCatalogFigures();
    const exported = path.join(tempDir(), 'catalog.xlsx');
    const run = runCliProcess(['export', 'xlsx', '--out', exported, '--lang', 'zh', '--db', file]);
    expect(run.stderr).toBe('');
    const [header, ...rows] = libreOfficeFiguresCsv(exported);
    expect(header!.slice(17)).toEqual(['城市代码', '城市']);
    const patents = rows.find((r) => r[0] === String(ids[0]))!;
    expect([patents[5], patents[6], patents[7], patents[17], patents[18]]).toEqual(['专利授权量', '1250', '指标单位', '440300', '深圳市']);

    const resaved = libreOfficeConvert(exported, 'xlsx:Calc MS Excel 2007 XML');
    const dry = runCliProcess(['import', 'xlsx', resaved, '--dry-run', '--db', file]);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toMatch(/changed 0, added 0, removed 0, unchanged \d+/);
  });
});
