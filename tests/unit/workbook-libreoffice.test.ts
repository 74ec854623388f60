/**
 * The round trip an analyst's workbook takes: exported by the command line, opened and saved by
 * LibreOffice (a spreadsheet program no one here wrote), edited, and imported back — first as a
 * dry run that prints the exact difference, then for real as one revision batch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDataFile } from '../../electron/services/db/open';
import { fullDump, openTemp, runCliProcess, tempDir } from '../helpers/files';
import { SKIP_LIBREOFFICE, addTrickyFigures, editWorkbook, libreOfficeConvert, libreOfficeFiguresCsv, requireSoffice, rowOf } from '../helpers/workbooks';

const sig15 = (n: number): number => Number(n.toPrecision(15));
const lineEnds = (s: string): string => s.replace(/\r\n?/g, '\n');

describe.skipIf(SKIP_LIBREOFFICE)('a workbook round trip through LibreOffice', () => {
  beforeAll(() => {
    requireSoffice();
  });

  it('LibreOffice reads the same values and literal texts; an edited re-save imports with the exact difference, as one batch', async () => {
    const { db, file } = openTemp();
    const ids = addTrickyFigures(db);
    const figures = db.prepare(`SELECT id, value, source_quote, note FROM figures WHERE deleted_at IS NULL ORDER BY id`).all() as {
      id: number;
      value: number;
      source_quote: string | null;
      note: string | null;
    }[];
    db.close();
    const exported = path.join(tempDir(), 'figures.xlsx');
    const run = runCliProcess(['export', 'xlsx', '--out', exported, '--lang', 'zh', '--db', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    // What LibreOffice sees: every value (to the 15 digits a spreadsheet keeps), and formula-like text as text.
    const [header, ...rows] = libreOfficeFiguresCsv(exported);
    expect(header!.slice(0, 7)).toEqual(['ID', '产业编号', '产业（中文）', '产业（英文）', '范围', '指标', '数值']);
    expect(rows).toHaveLength(figures.length);
    for (const f of figures) {
      const row = rows.find((r) => r[0] === String(f.id))!;
      expect(sig15(Number(row[6])), `value of figure ${f.id}`).toBe(sig15(f.value));
      expect(lineEnds(row[13]!), `quote of figure ${f.id}`).toBe(lineEnds(f.source_quote ?? ''));
      expect(lineEnds(row[14]!), `note of figure ${f.id}`).toBe(lineEnds(f.note ?? ''));
    }
    expect(rows.find((r) => r[0] === String(ids.formulaText))!.slice(13, 15)).toEqual(['=1+1', "=cmd|' /C calc'!A0"]);
    expect(rows.find((r) => r[0] === String(ids.precise))![6]).toBe('1234.5678901234');

    // Saved again by LibreOffice (its own shared strings, styles and number writing): nothing differs.
    const resaved = libreOfficeConvert(exported, 'xlsx:Calc MS Excel 2007 XML');
    const unchanged = runCliProcess(['import', 'xlsx', resaved, '--dry-run', '--db', file]);
    expect(unchanged.stderr).toBe('');
    expect(unchanged.stdout).toBe(`workbook: ${resaved}\nchanged 0, added 0, removed 0, unchanged 28\n`);

    // Someone edits the re-saved file: two values (one typed as text), a note, a deleted row, a new row.
    const edited = await editWorkbook(resaved, (book) => {
      const sheet = book.getWorksheet('数据')!;
      rowOf(sheet, 19).getCell(7).value = 150;
      rowOf(sheet, ids.precise).getCell(7).value = '2,345.5';
      rowOf(sheet, ids.formulaText).getCell(15).value = '@checked';
      sheet.spliceRows(rowOf(sheet, 3).number, 1);
      sheet.addRow([null, 'new-energy', null, null, '产业', '营业收入', '１２３', '亿元', '约数', '2024', null, null, null, null, '新增']);
    });
    const before = fullDump(openDataFile(file, { mustExist: true }));
    const dry = runCliProcess(['import', 'xlsx', edited, '--dry-run', '--db', file]);
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toBe(
      [
        `workbook: ${edited}`,
        'changed 3, added 1, removed 0, unchanged 24',
        '1 figure missing from the workbook is kept (--include-removals removes them)',
        '~ changed #19 row 19: smart-robots output_value 2023',
        '    value: 100 → 150',
        '~ changed #25 row 25: smart-robots revenue 2024',
        '    value: 1234.5678901234 → 2345.5',
        '~ changed #27 row 27: smart-robots added_value_growth 2025',
        `    note: "=cmd|' /C calc'!A0" → "@checked"`,
        '+ added row 29: new-energy revenue 2024',
        '    entityId: (empty) → "new-energy"',
        '    scope: (empty) → "entity"',
        '    metric: (empty) → "revenue"',
        '    value: (empty) → 123',
        '    unit: (empty) → "100m_yuan"',
        '    qualifier: (empty) → "about"',
        '    period: (empty) → "2024"',
        '    note: (empty) → "新增"',
        '',
      ].join('\n'),
    );
    const withRemovals = runCliProcess(['import', 'xlsx', edited, '--dry-run', '--include-removals', '--db', file]);
    expect(withRemovals.stdout).toContain('changed 3, added 1, removed 1, unchanged 24\n');
    expect(withRemovals.stdout).toContain('- removed #3: smart-home-appliances output_value 2023\n    entityId: "smart-home-appliances" → (empty)\n    scope: "entity" → (empty)\n');
    const afterDryRuns = openDataFile(file, { mustExist: true });
    expect(fullDump(afterDryRuns)).toBe(before);
    afterDryRuns.close();

    // For real: one backup, one batch under the importing author.
    const applied = runCliProcess(['import', 'xlsx', edited, '--include-removals', '--author', 'Chen Jing', '--db', file]);
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    const batchId = /batch: (\S+)/.exec(applied.stdout)?.[1];
    const backup = /backup: (.+)/.exec(applied.stdout)?.[1];
    expect(fs.existsSync(backup!)).toBe(true);
    const after = openDataFile(file, { mustExist: true });
    const batch = after.prepare(`SELECT action, target_id, author FROM revisions WHERE batch_id = ? ORDER BY id`).all(batchId) as { action: string; target_id: string; author: string }[];
    expect(batch.map((r) => `${r.action} ${r.target_id}`)).toEqual(['update 19', 'update 25', 'update 27', 'create 29', 'delete 3']);
    expect(new Set(batch.map((r) => r.author))).toEqual(new Set(['Chen Jing']));
    expect(after.prepare(`SELECT value FROM figures WHERE id IN (19, 25, 29) ORDER BY id`).all()).toEqual([{ value: 150 }, { value: 2345.5 }, { value: 123 }]);
    // Importing the same file again: its row without an ID is new again, and the figure it made is not in the file.
    after.close();
    expect(runCliProcess(['import', 'xlsx', edited, '--dry-run', '--include-removals', '--db', file]).stdout).toContain('changed 0, added 1, removed 1, unchanged 27\n');
  }, 240_000);
});
