/**
 * Every workbook of the bad-workbook corpus (tests/helpers/bad-workbooks.ts), imported into a real
 * default data file: refused with the expected code, its details naming the part or cell, words
 * wholly in each language, and the data file unchanged — or, for the two that import, the preview
 * saying what it read differently (a percent format) and what it left out (the 批注 sheet).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, describeError, type ErrorPayload } from '../../shared/errors';
import { importNotes } from '../../shared/workbook';
import { applyImportPlan, ImportPreviews, planWorkbookImport } from '../../electron/services/workbook/import';
import type { ImportPlan } from '../../electron/services/workbook/diff';
import { personText } from '../../shared/text';
import { CASES, FIGURES_PART, replaceCell, toFile, withParts } from '../helpers/bad-workbooks';
import { fullDump, openTemp } from '../helpers/files';
import { SKIP_LIBREOFFICE, addTrickyFigures, editWorkbook, exportTo } from '../helpers/workbooks';

/** What a person imports: the preview, or the error it ends with; and whether the data file moved. */
async function importOnce(name: string, bytes: Buffer): Promise<{ plan: ImportPlan | null; error: ErrorPayload | null; file: string; unchanged: boolean; dataFile: string }> {
  const { db, file: dataFile } = openTemp();
  const before = fullDump(db);
  const file = toFile(bytes, name.includes('.xls)') ? 'export.xls' : name.includes('.ods') ? 'export.ods' : 'workbook.xlsx');
  let plan: ImportPlan | null = null;
  let error: ErrorPayload | null = null;
  try {
    plan = await planWorkbookImport(db, file);
    if (plan.problems.length > 0) {
      error = plan.problems[0]!;
      // Applying a preview with problems is refused too, and writes nothing.
      expect(() => applyImportPlan(db, plan!, { author: 'tester', includeRemovals: false, dataFile })).toThrow(AppError);
    }
  } catch (thrown) {
    if (!(thrown instanceof AppError)) throw thrown;
    error = thrown.toPayload();
  }
  const unchanged = fullDump(db) === before;
  db.close();
  return { plan, error, file, unchanged, dataFile };
}

/** Latin words left in a Chinese line once the path, the part, the cell and product and format names are taken out. */
function latinWords(zh: string, error: ErrorPayload, file: string): string[] {
  let rest = zh.split(file).join('');
  for (const v of Object.values(error.details ?? {})) if (typeof v === 'string' && /[/.]|^[A-Z]+\d+$/.test(v)) rest = rest.split(v).join('');
  rest = rest.replace(/\b(Excel|WPS|LibreOffice|OpenDocument|UTF|NUL|ID|xlsx|xlsb|xls|ods|zip)\b/g, '');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

describe('the bad-workbook corpus', () => {
  for (const c of CASES.filter((x) => x.expectedCode !== null)) {
    it.skipIf(c.libreOffice && SKIP_LIBREOFFICE)(`refuses ${c.name}, naming it in both languages, and changes nothing`, async () => {
      const { error, file, unchanged, dataFile } = await importOnce(c.name, await c.build());
      expect(error?.code, c.name).toBe(c.expectedCode);
      if (c.expectedDetails) expect(error!.details).toMatchObject(c.expectedDetails);
      expect(unchanged).toBe(true);
      expect(fs.readdirSync(path.dirname(dataFile)).filter((f) => f.includes('before-import'))).toEqual([]);
      const zh = describeError(error!, 'zh-CN');
      const en = describeError(error!, 'en');
      expect(latinWords(zh, error!, file), zh).toEqual([]);
      expect(zh).not.toMatch(/\?|undefined|null/);
      expect(en).not.toMatch(/\?|undefined|null|[\u4e00-\u9fff]{3,}(?![^"]*")/);
      for (const v of Object.values(c.expectedDetails ?? {})) if (typeof v === 'string' && /^[A-Z]+\d+$|\//.test(v)) expect([zh, en].every((m) => m.includes(v)), `${v} named`).toBe(true);
    });
  }

  it('words a dangling index in an ID cell exactly', async () => {
    const c = CASES.find((x) => x.name === 'a dangling shared-string index in an ID cell')!;
    const { error, file } = await importOnce(c.name, await c.build());
    expect(describeError(error!, 'zh-CN')).toBe(
      `工作簿已损坏，已拒绝：${file}，内部文件 xl/worksheets/sheet3.xml 的单元格 A2 引用了不存在的共享字符串（索引 99999，共享字符串表只有 ${error!.details!.count} 项）。请在 Excel、WPS 或 LibreOffice 中打开并另存为 .xlsx 后重试。未做任何更改。`,
    );
    expect(describeError(error!, 'en')).toContain(`part xl/worksheets/sheet3.xml, cell A2 refers to a shared string that does not exist (index 99999; the table has ${error!.details!.count} items)`);
  });

  it.skipIf(SKIP_LIBREOFFICE)('names a real .xls as Excel 97-2003 and says to save it as .xlsx', async () => {
    const c = CASES.find((x) => x.expectedDetails?.format === 'xls')!;
    const { error, file } = await importOnce(c.name, await c.build());
    expect(describeError(error!, 'zh-CN')).toBe(`${file} 是 Excel 97-2003 工作簿（.xls），本应用只能导入 .xlsx。请在 Excel、WPS 或 LibreOffice 中打开它，另存为“Excel 工作簿（.xlsx）”后再导入。未做任何更改。`);
    expect(describeError(error!, 'en')).toBe(`${file} is an Excel 97-2003 workbook (.xls); this app imports .xlsx only. Open it in Excel, WPS or LibreOffice and save it as "Excel Workbook (.xlsx)", then import that. Nothing was changed.`);
  });

  it('reads 6.2% typed into a percent figure as 6.2, shows the conversion, and imports it', async () => {
    const c = CASES.find((x) => x.name.startsWith('5.2 typed'))!;
    const { db, file: dataFile } = openTemp();
    const plan = await planWorkbookImport(db, toFile(await c.build()));
    expect(plan.problems).toEqual([]);
    const [conversion] = plan.percentConversions;
    expect(plan.percentConversions).toHaveLength(1);
    expect(conversion).toMatchObject({ cell: `G${conversion!.row}`, from: 0.062, to: 6.2 });
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({ kind: 'changed', figureId: 21, fields: [{ field: 'value', before: 5.2, after: 6.2 }] });
    const preview = new ImportPreviews().add(plan);
    expect(preview).toMatchObject({ percentConversionCount: 1, percentConversions: [conversion] });
    expect(importNotes(preview, 'zh-CN')).toEqual([`1 个数值单元格设为百分比格式，已按百分数读取（第一个：${conversion!.cell} 中为 0.062，显示为 6.2%，导入为 6.2）。`]);
    expect(importNotes(preview, 'en')).toEqual([`1 value cell has a percent format and was read as a percentage: ${conversion!.cell} holds 0.062, shown as 6.2%, imported as 6.2.`]);
    applyImportPlan(db, plan, { author: 'tester', includeRemovals: false, dataFile });
    expect(db.prepare(`SELECT value FROM figures WHERE id = 21`).pluck().get()).toBe(6.2);
  });

  it('says how many edits in the 批注 sheet were not imported, and why', async () => {
    const c = CASES.find((x) => x.name.startsWith('an annotation added'))!;
    const { plan, error, unchanged } = await importOnce(c.name, await c.build());
    expect(error).toBeNull();
    expect(unchanged).toBe(true);
    expect(plan!.ignoredAnnotationEdits).toBe(1);
    expect(plan!.counts).toEqual({ changed: 0, added: 0, removed: 0, unchanged: 24, newer: 0 });
    const notes = { ...plan!, percentConversionCount: 0 };
    expect(importNotes(notes, 'zh-CN')).toEqual(['“批注”工作表中有 1 处修改未导入：批注请在应用中编辑。']);
    expect(importNotes(notes, 'en')).toEqual(['1 edit in the 批注 (Annotations) sheet was not imported: edit annotations in the app.']);
    expect(importNotes({ ...notes, ignoredAnnotationEdits: 3 }, 'en')).toEqual(['3 edits in the 批注 (Annotations) sheet were not imported: edit annotations in the app.']);
  });

  it('counts errors with the right noun', () => {
    const one = { code: 'IMPORT_HAS_ERRORS', message: '', details: { count: 1 } } as const;
    expect(describeError(one, 'en')).toBe('The workbook has 1 error; nothing was written. Correct them and preview again.');
    expect(describeError({ ...one, details: { count: 2 } }, 'en')).toMatch(/^The workbook has 2 errors;/);
    expect(describeError(one, 'zh-CN')).toMatch(/^工作簿有 1 处错误/);
  });

  it('leaves out what it does not know of a cell instead of writing "column ?"', () => {
    const message = describeError({ code: 'IMPORT_CELL_TOO_LONG', message: '', details: { sheet: '数据', row: 7, length: 9_000_000, limit: 5000 } }, 'en');
    expect(message).toBe('Sheet "数据", row 7: the text is too long (9000000 characters, limit 5000).');
  });
});

/** XML 1.0's Char production. */
const isXmlChar = (cp: number): boolean => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
/** Text as an XML writer would put it in a cell, except that characters XML has no room for become character references (as a careless writer makes them). */
const xmlEscaped = (s: string): string =>
  [...s].map((ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : isXmlChar(ch.codePointAt(0)!) ? ch : `&#x${ch.codePointAt(0)!.toString(16)};`)).join('');

describe('any text typed into a cell', () => {
  it('is imported under the text rule, or refused with a typed error naming the cell; never an internal error, never a write', async () => {
    const { db } = openTemp();
    const stored = db.prepare(`SELECT source_quote FROM figures WHERE id = 1`).pluck().get() as string;
    const rule = personText({ max: 5000, required: false });
    const before = fullDump(db);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\u0001', '\t', '\n', '\r', ' ', '\u0085', '\u007f', 'e\u0301', '\ud800', '\ufffe', '&', '<', '统', '\u{1F600}'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 30, size: 'max' }),
        async (raw) => {
          const bytes = await withParts({ [FIGURES_PART]: replaceCell('N2', `<c r="N2" t="inlineStr"><is><t xml:space="preserve">${xmlEscaped(raw)}</t></is></c>`) });
          let plan: ImportPlan | null;
          let error: ErrorPayload | null;
          try {
            plan = await planWorkbookImport(db, toFile(bytes));
            error = plan.problems[0] ?? null;
          } catch (thrown) {
            if (!(thrown instanceof AppError)) throw thrown;
            plan = null;
            error = thrown.toPayload();
          }
          expect(fullDump(db)).toBe(before);
          if ([...raw].some((ch) => !isXmlChar(ch.codePointAt(0)!))) {
            expect(error).toMatchObject({ code: 'IMPORT_DAMAGED', details: { cell: 'N2', problem: 'bad_char_ref' } });
            return;
          }
          const expected = raw.trim() === '' ? { success: true as const, data: null } : rule.safeParse(raw);
          if (!expected.success) {
            expect(error).toMatchObject({ code: 'IMPORT_INVALID_FIGURE', details: { row: 2, column: 'N', problem: 'control' } });
            return;
          }
          expect(error).toBeNull();
          const change = plan!.changes.find((c) => c.figureId === 1);
          if (expected.data === stored) expect(change).toBeUndefined();
          else expect(change!.fields.find((f) => f.field === 'sourceQuote')!.after).toBe(expected.data);
        },
      ),
      { numRuns: 40, verbose: 1 },
    );
  });
});

describe('edits in the 批注 sheet', () => {
  it('are counted when a text, status or tag list changes or a row goes, and an untouched export counts none', async () => {
    const { db } = openTemp();
    addTrickyFigures(db);
    db.prepare(
      `INSERT INTO annotations (target_type, target_id, body, author, tags, status, created_at, updated_at)
       VALUES ('entity', 'smart-robots', '核对机器人产值\n第二行', 'Wang', '["a","b"]', 'resolved', '2026-11-03T00:00:00Z', '2026-11-03T00:00:00Z'),
              ('entity', 'new-energy', 'keep', 'Wang', '[]', 'open', '2026-11-04T00:00:00Z', '2026-11-04T00:00:00Z')`,
    ).run();
    const exported = await exportTo(db, 'en');
    expect((await planWorkbookImport(db, exported)).ignoredAnnotationEdits).toBe(0);
    const edited = await editWorkbook(exported, (book) => {
      const sheet = book.getWorksheet('Annotations')!;
      sheet.getRow(2).getCell(6).value = '已解决'; // status, in the other language
      sheet.getRow(3).getCell(7).value = 'a，b'; // the same tags, a full-width comma: no edit
      sheet.getRow(3).getCell(4).value = '核对机器人产值\r\n第二行 '; // the same text: no edit
      sheet.spliceRows(4, 1); // a row deleted
    });
    const plan = await planWorkbookImport(db, edited);
    expect(plan.ignoredAnnotationEdits).toBe(2);
    expect(plan.counts.changed + plan.counts.added).toBe(0);
  });
});
