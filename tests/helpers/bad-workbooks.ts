/**
 * A corpus of workbooks an import must refuse or read with a note, each made from a real export of
 * the default dataset: changed part by part with jszip (and a hand-written zip where jszip cannot
 * go: two entries of one name), or converted by headless LibreOffice (.xls, .ods). Iterate CASES:
 * `build()` gives the file's bytes; importing them into a default data file gives `expectedCode`
 * (thrown, or the first problem of the preview), or no error (null) with the preview's notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import type { ErrorCode } from '../../shared/errors';
import { openTemp, tempDir } from './files';
import { exportTo, libreOfficeConvert, rowOf } from './workbooks';

export interface BadWorkbook {
  name: string;
  build(): Promise<Buffer>;
  /** The code an import gives (thrown, or the preview's first problem); null: imported, with a note. */
  expectedCode: ErrorCode | null;
  /** The details the error carries (a subset), for the tests' assertions. */
  expectedDetails?: Record<string, string | number>;
  /** Needs LibreOffice to build. */
  libreOffice?: boolean;
}

/** The figures sheet and the annotations sheet of an export (sheet order: cover, entities, figures, annotations, sources). */
export const FIGURES_PART = 'xl/worksheets/sheet3.xml';
export const ANNOTATIONS_PART = 'xl/worksheets/sheet4.xml';

let exported: Promise<Buffer> | null = null;
/** A Chinese export of the default dataset, made once per test file. */
export function baseExport(): Promise<Buffer> {
  exported ??= (async () => {
    const { db } = openTemp();
    const file = await exportTo(db, 'zh-CN');
    db.close();
    return fs.readFileSync(file);
  })();
  return exported;
}

/** Writes bytes to a fresh temporary .xlsx (or other) file, for code that reads files. */
export function toFile(bytes: Buffer, name = 'bad.xlsx'): string {
  const file = path.join(tempDir('cluster-brief-bad-'), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The export with some parts rewritten: `edit` gets each part's text and returns the new text or bytes. */
export async function withParts(edit: Record<string, (xml: string) => string | Buffer>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await baseExport());
  for (const [name, change] of Object.entries(edit)) zip.file(name, change(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** One cell element of a sheet replaced (`A2` → `<c r="A2" t="s"><v>99999</v></c>`). */
export const replaceCell = (ref: string, cell: string) => (xml: string): string => {
  const pattern = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`);
  if (!pattern.test(xml)) throw new Error(`no cell ${ref}`);
  return xml.replace(pattern, cell);
};

/** The text with `marker` replaced by bytes that are not UTF-8 (a lone continuation byte and a cut-off sequence). */
const invalidUtf8 = (marker: string) => (xml: string): Buffer => {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker}`);
  return Buffer.concat([Buffer.from(xml.slice(0, at), 'utf8'), Buffer.from([0xe6, 0x96, 0x28, 0x80]), Buffer.from(xml.slice(at + marker.length), 'utf8')]);
};

/** A zip written by hand (stored entries), so that two entries may share a name, as jszip never allows. */
export function storedZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, data);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(data.length, 20);
    head.writeUInt32LE(data.length, 24);
    head.writeUInt16LE(fileName.length, 28);
    head.writeUInt32LE(offset, 42);
    central.push(head, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Every part of the export, in order, as bytes. */
async function exportParts(): Promise<{ name: string; data: Buffer }[]> {
  const zip = await JSZip.loadAsync(await baseExport());
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  return Promise.all(names.map(async (name) => ({ name, data: await zip.file(name)!.async('nodebuffer') })));
}

/** The export opened and changed with exceljs' full reader and writer, as another program would save it. */
async function withBook(edit: (figures: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const bytes = await baseExport();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  edit(book.getWorksheet('数据')!, book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A percent format on this cell only (exceljs shares one style object among cells read with the same style). */
function percentFormat(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style, numFmt: '0.0%' };
}

/** The export converted by headless LibreOffice (`xls`, `ods`). */
async function converted(to: 'xls' | 'ods'): Promise<Buffer> {
  return fs.readFileSync(libreOfficeConvert(toFile(await baseExport(), 'export.xlsx'), to));
}

/**
 * The head of an OLE2 compound file whose directory names the streams of an encrypted .xlsx
 * (EncryptionInfo, EncryptedPackage), as Excel writes a workbook with an open password. Hand-made:
 * LibreOffice here cannot save with a password from the command line.
 */
function encryptedWorkbook(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const directory = Buffer.alloc(512);
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
    const utf16 = Buffer.from(`${name}\u0000`, 'utf16le');
    utf16.copy(directory, i * 128);
    directory.writeUInt16LE(utf16.length, i * 128 + 64);
    directory.writeUInt8(i === 0 ? 5 : 2, i * 128 + 66);
  });
  return Buffer.concat([header, directory]);
}

export const CASES: BadWorkbook[] = [
  {
    name: 'a dangling shared-string index in an ID cell',
    build: () => withParts({ [FIGURES_PART]: replaceCell('A2', '<c r="A2" t="s"><v>99999</v></c>') }),
    expectedCode: 'IMPORT_DAMAGED',
    expectedDetails: { part: FIGURES_PART, cell: 'A2', problem: 'dangling_string', index: '99999' },
  },
  {
    name: 'a dangling shared-string index in a source-quote cell',
    build: () => withParts({ [FIGURES_PART]: replaceCell('N3', '<c r="N3" t="s"><v>-1</v></c>') }),
    expectedCode: 'IMPORT_DAMAGED',
    expectedDetails: { part: FIGURES_PART, cell: 'N3', problem: 'dangling_string' },
  },
  {
    name: 'invalid UTF-8 in the shared strings',
    build: () => withParts({ 'xl/sharedStrings.xml': invalidUtf8('智能机器人') }),
    expectedCode: 'IMPORT_DAMAGED',
    expectedDetails: { part: 'xl/sharedStrings.xml', problem: 'invalid_utf8' },
  },
  {
    name: 'invalid UTF-8 in the figures sheet',
    build: () => withParts({ [FIGURES_PART]: (xml) => invalidUtf8('MARK')(replaceCell('N2', '<c r="N2" t="inlineStr"><is><t>MARK</t></is></c>')(xml)) }),
    expectedCode: 'IMPORT_DAMAGED',
    expectedDetails: { part: FIGURES_PART, problem: 'invalid_utf8' },
  },
  {
    name: 'an out-of-range character reference (&#x110000;) in a cell',
    build: () => withParts({ [FIGURES_PART]: replaceCell('N2', '<c r="N2" t="inlineStr"><is><t>quote &#x110000;</t></is></c>') }),
    expectedCode: 'IMPORT_DAMAGED',
    expectedDetails: { part: FIGURES_PART, cell: 'N2', problem: 'bad_char_ref', ref: '&#x110000;' },
  },
  {
    name: 'a character reference to NUL (&#0;) in the shared strings',
    build: () => withParts({ 'xl/sharedStrings.xml': (xml) => xml.replace('智能机器人', '智能&#0;机器人') }),
    expectedCode: 'IMPORT_DAMAGED',
    expectedDetails: { part: 'xl/sharedStrings.xml', problem: 'bad_char_ref', ref: '&#0;' },
  },
  {
    name: 'a C1 control character (U+0085) in a source quote',
    build: () => withParts({ [FIGURES_PART]: replaceCell('N2', '<c r="N2" t="inlineStr"><is><t>line&#x85;end</t></is></c>') }),
    expectedCode: 'IMPORT_INVALID_FIGURE',
    expectedDetails: { row: 2, column: 'N', problem: 'control', char: 'U+0085', position: 5 },
  },
  {
    name: 'two zip entries with the name of the figures sheet',
    build: async () => {
      const parts = await exportParts();
      const sheet = parts.find((p) => p.name === FIGURES_PART)!;
      const other = Buffer.from(sheet.data.toString('utf8').replace('<c r="G2" s="6"><v>10000</v></c>', '<c r="G2" s="6"><v>1</v></c>'), 'utf8');
      return storedZip([...parts, { name: FIGURES_PART, data: other }]);
    },
    expectedCode: 'IMPORT_DAMAGED',
    expectedDetails: { part: FIGURES_PART, problem: 'duplicate_entry' },
  },
  {
    name: 'a negative output value',
    build: () => withBook((sheet) => void (rowOf(sheet, 1).getCell(7).value = -100)),
    expectedCode: 'IMPORT_INVALID_FIGURE',
    expectedDetails: { row: 2, column: 'G', problem: 'negative' },
  },
  {
    name: 'a percent format on an amount in 亿元',
    build: () =>
      withBook((sheet) => {
        const cell = rowOf(sheet, 1).getCell(7);
        cell.value = 0.5;
        percentFormat(cell);
      }),
    expectedCode: 'IMPORT_PERCENT_UNIT',
    expectedDetails: { row: 2, column: 'G', value: '50%' },
  },
  {
    name: '5.2 typed into a %-formatted cell of a percent figure (read as 5.2)',
    build: () =>
      withBook((sheet) => {
        const cell = rowOf(sheet, 21).getCell(7);
        cell.value = 0.062;
        percentFormat(cell);
      }),
    expectedCode: null,
  },
  {
    name: 'an annotation added in the 批注 sheet (not imported, and said so)',
    build: () => withBook((_sheet, book) => void book.getWorksheet('批注')!.addRow([null, '数据', 'ID 1', '请与统计年鉴核对', '李', '待处理', '', '', ''])),
    expectedCode: null,
  },
  { name: 'an Excel 97-2003 workbook (.xls) made by LibreOffice', build: () => converted('xls'), expectedCode: 'IMPORT_WRONG_FORMAT', expectedDetails: { format: 'xls' }, libreOffice: true },
  { name: 'an OpenDocument spreadsheet (.ods) made by LibreOffice', build: () => converted('ods'), expectedCode: 'IMPORT_WRONG_FORMAT', expectedDetails: { format: 'ods' }, libreOffice: true },
  {
    name: 'an Excel binary workbook (.xlsb)',
    build: async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>');
      zip.file('xl/workbook.bin', Buffer.from([0x83, 0x01, 0x00]));
      return zip.generateAsync({ type: 'nodebuffer' });
    },
    expectedCode: 'IMPORT_WRONG_FORMAT',
    expectedDetails: { format: 'xlsb' },
  },
  { name: 'a workbook with an open password (encrypted)', build: async () => encryptedWorkbook(), expectedCode: 'IMPORT_WRONG_FORMAT', expectedDetails: { format: 'encrypted' } },
  { name: 'a text file named .xlsx', build: async () => Buffer.from('id,value\n1,2\n'), expectedCode: 'IMPORT_NOT_A_ZIP' },
  { name: 'an export cut off halfway', build: async () => (await baseExport()).subarray(0, 6000), expectedCode: 'IMPORT_TRUNCATED' },
];
