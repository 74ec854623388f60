/**
 * The adversarial suite's two corpora (issue 11, "what done means" 9), iterated by
 * tests/unit/adversarial-corpora.test.ts through the command line a person would use:
 *   - DAMAGED_FILE_CASES — damaged data files: garbage planted over an index page and over table
 *     pages of a real file (tests/helpers/damage.ts), a 0-byte file, a file cut off halfway, a
 *     file whose header was overwritten.
 *   - HOSTILE_WORKBOOK_CASES — the workbook corpus of tests/helpers/bad-workbooks.ts (made from a
 *     real export: parts edited, zips written by hand, files converted by LibreOffice), each with
 *     the words that name its problem in both languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '../../shared/errors';
import { CASES as BAD_WORKBOOKS, type BadWorkbook } from './bad-workbooks';
import { damagePage } from './damage';

/** Words a message must hold to name the problem: one line with every `zh` word, another with every `en` word. */
export interface Says {
  zh: string[];
  en: string[];
}

/** A data file damaged on purpose: `damage` receives a healthy, closed data file (the default dataset) and spoils it in place. */
export interface DamagedFileCase {
  name: string;
  damage: (file: string) => void;
  says: Says;
}

/**
 * A hostile workbook: `make` writes it into `dir` and returns its path. `outcome`: 'refused' (exit 1
 * with a reason in both languages, nothing written) or 'imported' (exit 0, read right, with a note
 * in both languages saying what was read differently or left out). `says`: the reason or the note.
 */
export interface HostileWorkbookCase {
  name: string;
  outcome: 'refused' | 'imported';
  make: (dir: string) => string | Promise<string>;
  says: Says;
  /** Needs LibreOffice to build (slow: the short run leaves these to the workbook tests). */
  libreOffice: boolean;
}

const DAMAGED: Says = { zh: ['数据文件已损坏', 'cluster-brief restore'], en: ['The data file is damaged', 'cluster-brief restore'] };

/** Garbage over the file's bytes from `offset` on, `length` of them. */
function overwrite(file: string, offset: number, length: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, offset);
  } finally {
    fs.closeSync(fd);
  }
}

export const DAMAGED_FILE_CASES: DamagedFileCase[] = [
  { name: 'garbage over an index page (figures_by_entity)', damage: (f) => damagePage(f, 'figures_by_entity'), says: DAMAGED },
  { name: 'garbage over an index page no command reads (entities_by_category)', damage: (f) => damagePage(f, 'entities_by_category'), says: DAMAGED },
  { name: 'garbage over a table page (figures)', damage: (f) => damagePage(f, 'figures'), says: DAMAGED },
  { name: 'garbage over a table page (entities)', damage: (f) => damagePage(f, 'entities'), says: DAMAGED },
  { name: 'a 0-byte file', damage: (f) => fs.truncateSync(f, 0), says: { zh: ['文件为空'], en: ['the file is empty'] } },
  { name: 'a file cut off halfway', damage: (f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)), says: DAMAGED },
  { name: 'a header overwritten', damage: (f) => overwrite(f, 0, 100), says: { zh: ['不是 SQLite 数据库'], en: ['not an SQLite database'] } },
];

/** The words that name each refusal of the workbook corpus; the location (part, cell, row and column) is added from the case's details. */
const REFUSAL_WORDS: Partial<Record<ErrorCode, Says>> = {
  IMPORT_DAMAGED: { zh: ['工作簿已损坏'], en: ['The workbook is damaged'] },
  IMPORT_INVALID_FIGURE: { zh: ['工作表“数据”'], en: ['Sheet "数据"'] },
  IMPORT_PERCENT_UNIT: { zh: ['百分比格式'], en: ['percent format'] },
  IMPORT_WRONG_FORMAT: { zh: ['本应用只能导入 .xlsx'], en: ['this app imports .xlsx only'] },
  IMPORT_NOT_A_ZIP: { zh: ['不是 Excel 工作簿'], en: ['Not an Excel workbook'] },
  IMPORT_TRUNCATED: { zh: ['工作簿文件不完整或已损坏'], en: ['The workbook file is incomplete or damaged'] },
};

const FORMAT_WORDS: Record<string, Says> = {
  xls: { zh: ['（.xls）'], en: ['(.xls)'] },
  xlsb: { zh: ['（.xlsb）'], en: ['(.xlsb)'] },
  ods: { zh: ['（.ods）'], en: ['(.ods)'] },
  encrypted: { zh: ['加密'], en: ['encrypted'] },
};

/** The notes of the two workbooks that import (shared/i18n importer.percentConverted and annotationsIgnored). */
const NOTE_WORDS: Record<string, Says> = {
  '5.2 typed into a %-formatted cell of a percent figure (read as 5.2)': { zh: ['设为百分比格式，已按百分数读取', '导入为 6.2'], en: ['read as a percentage', 'imported as 6.2'] },
  'an annotation added in the 批注 sheet (not imported, and said so)': { zh: ['“批注”工作表中有 1 处修改未导入'], en: ['1 edit in the 批注 (Annotations) sheet was not imported'] },
};

function wordsFor(c: BadWorkbook): Says {
  if (c.expectedCode === null) {
    const note = NOTE_WORDS[c.name];
    if (!note) throw new Error(`no note words for the workbook case "${c.name}"`);
    return note;
  }
  const base = REFUSAL_WORDS[c.expectedCode];
  if (!base) throw new Error(`no words for ${c.expectedCode} (workbook case "${c.name}")`);
  const d = c.expectedDetails ?? {};
  const where: Says[] = [
    typeof d.part === 'string' ? { zh: [d.part], en: [d.part] } : null,
    typeof d.cell === 'string' ? { zh: [`单元格 ${d.cell}`], en: [`cell ${d.cell}`] } : null,
    d.row !== undefined && d.column !== undefined ? { zh: [`第 ${d.row} 行 ${d.column} 列`], en: [`row ${d.row}, column ${d.column}`] } : null,
    typeof d.format === 'string' ? (FORMAT_WORDS[d.format] ?? null) : null,
  ].filter((w): w is Says => w !== null);
  return { zh: [...base.zh, ...where.flatMap((w) => w.zh)], en: [...base.en, ...where.flatMap((w) => w.en)] };
}

/** The name a person would have given the file: what LibreOffice saved keeps its own extension. */
function fileNameOf(c: BadWorkbook): string {
  return c.name.includes('(.xls)') ? 'export.xls' : c.name.includes('(.ods)') ? 'export.ods' : 'workbook.xlsx';
}

export const HOSTILE_WORKBOOK_CASES: HostileWorkbookCase[] = BAD_WORKBOOKS.map((c) => ({
  name: c.name,
  outcome: c.expectedCode === null ? 'imported' : 'refused',
  make: async (dir) => {
    const file = path.join(dir, fileNameOf(c));
    fs.writeFileSync(file, await c.build());
    return file;
  },
  says: wordsFor(c),
  libreOffice: c.libreOffice ?? false,
}));
