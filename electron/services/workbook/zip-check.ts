/**
 * Checks an .xlsx file as a zip archive before any spreadsheet code reads it: not a zip, a truncated
 * or damaged zip, too many entries, too much data once unpacked, or an entry whose compression ratio
 * only a zip bomb has. Every part but the worksheets is inflated here, counting real bytes; the
 * worksheets are judged by their declared sizes here and inflated once, when read (openEntry), where
 * yauzl stops any entry at the size it declared — so a size a hostile file declares falsely is
 * caught either way.
 */
import fs from 'node:fs';
import yauzl from 'yauzl';
import { AppError } from '../../../shared/errors';

export interface ZipLimits {
  maxUncompressedBytes: number;
  maxEntries: number;
  maxRatio: number;
  ratioFloorBytes: number;
}

/** Documented limits (docs/workbooks.md, "Limits"). */
export const ZIP_LIMITS: Readonly<ZipLimits> = {
  /** Total unpacked size. A 100,000-figure export unpacks to roughly 60 MB. */
  maxUncompressedBytes: 512 * 1024 * 1024,
  /** An .xlsx holds about 15 parts; LibreOffice and Excel add a few. */
  maxEntries: 2000,
  /** Worksheet XML compresses 10–30 : 1; deflate cannot exceed about 1032 : 1, which only bombs approach. */
  maxRatio: 200,
  /** The ratio is only judged for entries that unpack to more than this (small parts compress oddly). */
  ratioFloorBytes: 1024 * 1024,
};

const openZip = (file: string): Promise<yauzl.ZipFile> =>
  new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );

/** Worksheet parts: read once, by openEntry, not here. */
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * Damage found inside one part of a workbook: a shared-string index with no string, bytes that are
 * not UTF-8, a character reference to no XML character. Whoever knows the part (and the cell) turns
 * it into IMPORT_DAMAGED naming them.
 */
export class PartDamage extends Error {
  constructor(
    readonly problem: 'dangling_string' | 'invalid_utf8' | 'bad_char_ref',
    readonly details: Record<string, string | number> = {},
  ) {
    super(`${problem} ${JSON.stringify(details)}`);
  }
}

/** IMPORT_DAMAGED for `part` of `file` (and `cell`, when known). */
export const partDamaged = (file: string, part: string, damage: PartDamage): AppError =>
  new AppError('IMPORT_DAMAGED', damage.message, { path: file, part, problem: damage.problem, ...damage.details });

/** Parts that are XML text (checked as UTF-8 while inflating); pictures and binary parts are not. */
const XML_PART = /\.(xml|rels|vml)$/i;

/** Checks a part's bytes as UTF-8 as they arrive, counting where it fails. */
function utf8Checker(): (chunk: Buffer, end?: boolean) => PartDamage | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  return (chunk, end = false) => {
    try {
      decoder.decode(chunk, { stream: !end });
    } catch {
      return new PartDamage('invalid_utf8', { offset });
    }
    offset += chunk.length;
    return null;
  };
}

/** An OLE2 compound file (legacy .xls, or an .xlsx locked with a password) starts with these bytes. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted .xlsx keeps inside its compound file (names are UTF-16LE there). */
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');

/** Which other spreadsheet format an OLE2 file is: an encrypted workbook, or Excel 97-2003 (its first 64 MB searched). */
function oleFormat(file: string): 'encrypted' | 'xls' {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(Math.min(fs.fstatSync(fd).size, 64 * 1024 * 1024));
    fs.readSync(fd, bytes, 0, bytes.length, 0);
    return bytes.includes(ENCRYPTED_STREAM) ? 'encrypted' : 'xls';
  } finally {
    fs.closeSync(fd);
  }
}

/** Which other spreadsheet format a zip holds (by its parts), or null for none known. */
function zipFormat(entries: string[]): 'xlsb' | 'ods' | null {
  if (entries.includes('xl/workbook.bin')) return 'xlsb';
  if (entries.includes('mimetype') && entries.includes('content.xml')) return 'ods';
  return null;
}

const ZIP_MAGIC = [Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.from('PK\u0005\u0006', 'latin1')];

export interface ZipSummary {
  entries: string[];
  /** What the entries declare, each held to it when inflated. */
  uncompressedBytes: number;
  /** The sheets in workbook order: name and zip entry (xl/worksheets/sheet3.xml). */
  sheets: { name: string; entry: string }[];
  /** Dates count from 1904 (old Mac Excel) rather than 1900. */
  date1904: boolean;
  /** The shared-string table (xl/sharedStrings.xml), as plain text. */
  sharedStrings: string[];
  /** Cell style indexes whose number format shows a percentage (read here: exceljs drops the escapes that tell `General\%` from `0.0%`). */
  percentStyles: Set<number>;
}

/**
 * The parts kept while checking, with their size limits: exceljs' streaming reader does not always
 * take in the parts that come after the sheets in the zip (the workbook part, the shared strings),
 * so sheet names and shared strings are read here, and exceljs reads only the sheets.
 */
const KEPT_PARTS = new Map([
  ['xl/workbook.xml', 1024 * 1024],
  ['xl/_rels/workbook.xml.rels', 1024 * 1024],
  ['xl/sharedStrings.xml', 128 * 1024 * 1024],
  ['xl/styles.xml', 16 * 1024 * 1024],
]);

export async function checkZip(file: string, limits: Readonly<ZipLimits> = ZIP_LIMITS): Promise<ZipSummary> {
  const head = Buffer.alloc(8);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new AppError('NOT_FOUND', (error as Error).message, { what: 'file', id: file });
  }
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!ZIP_MAGIC.some((m) => m.equals(head.subarray(0, 4)))) {
    if (head.equals(OLE_MAGIC)) throw new AppError('IMPORT_WRONG_FORMAT', 'not an xlsx', { path: file, format: oleFormat(file) });
    throw new AppError('IMPORT_NOT_A_ZIP', 'not a zip', { path: file });
  }

  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (error) {
    throw new AppError('IMPORT_TRUNCATED', (error as Error).message, { path: file, reason: (error as Error).message });
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new AppError('IMPORT_TOO_MANY_ENTRIES', 'too many entries', { path: file, limit: limits.maxEntries });
    const entries: string[] = [];
    const naming = new Map<string, Buffer[]>();
    let declared = 0;
    let actual = 0;
    const tooLarge = (): AppError => new AppError('IMPORT_TOO_LARGE', 'too large', { path: file, limitMb: Number((limits.maxUncompressedBytes / 1024 / 1024).toFixed(2)) });
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown): void => {
        reject(error instanceof AppError ? error : new AppError('IMPORT_TRUNCATED', String((error as Error).message), { path: file, reason: (error as Error).message }));
      };
      zip.on('error', fail);
      zip.on('end', resolve);
      zip.on('entry', (entry) => {
        // Two entries of one name: programs may each read a different one.
        if (entries.includes(entry.fileName)) return fail(new AppError('IMPORT_DAMAGED', 'duplicate entry', { path: file, part: entry.fileName, problem: 'duplicate_entry' }));
        entries.push(entry.fileName);
        declared += entry.uncompressedSize;
        if (declared > limits.maxUncompressedBytes) return fail(tooLarge());
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
          return fail(new AppError('IMPORT_ZIP_BOMB', 'zip bomb', { path: file, entry: entry.fileName, ratio: Math.round(ratio), limit: limits.maxRatio }));
        }
        if (entry.fileName.endsWith('/') || WORKSHEET.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err) return fail(err);
          const keep: Buffer[] | null = entry.uncompressedSize <= (KEPT_PARTS.get(entry.fileName) ?? -1) ? [] : null;
          if (keep) naming.set(entry.fileName, keep);
          const utf8 = XML_PART.test(entry.fileName) ? utf8Checker() : null;
          const checked = (chunk: Buffer, end?: boolean): boolean => {
            const damage = utf8?.(chunk, end);
            if (damage) {
              stream.destroy();
              fail(partDamaged(file, entry.fileName, damage));
            }
            return !damage;
          };
          stream.on('data', (chunk: Buffer) => {
            if (!checked(chunk)) return;
            keep?.push(chunk);
            actual += chunk.length;
            if (actual > limits.maxUncompressedBytes) {
              stream.destroy();
              fail(tooLarge());
            }
          });
          stream.on('error', fail);
          stream.on('end', () => checked(Buffer.alloc(0), true) && zip.readEntry());
        });
      });
      zip.readEntry();
    });
    const other = zipFormat(entries);
    if (other) throw new AppError('IMPORT_WRONG_FORMAT', 'not an xlsx', { path: file, format: other });
    if (!entries.includes('xl/workbook.xml')) {
      throw new AppError('IMPORT_NOT_A_WORKBOOK', 'no xl/workbook.xml', { path: file, reason: 'no xl/workbook.xml', part: 'xl/workbook.xml' });
    }
    const text = (name: string): string => Buffer.concat(naming.get(name) ?? []).toString('utf8');
    const parsed = <T>(part: string, parse: () => T): T => {
      try {
        return parse();
      } catch (error) {
        throw error instanceof PartDamage ? partDamaged(file, part, error) : error;
      }
    };
    const workbook = text('xl/workbook.xml');
    return {
      entries,
      uncompressedBytes: declared,
      sheets: parsed('xl/workbook.xml', () => sheetsOf(workbook, text('xl/_rels/workbook.xml.rels'))),
      date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook),
      sharedStrings: parsed('xl/sharedStrings.xml', () => sharedStringsOf(text('xl/sharedStrings.xml'))),
      percentStyles: parsed('xl/styles.xml', () => percentStylesOf(text('xl/styles.xml'))),
    };
  } finally {
    zip.close();
  }
}

const NAME = String.raw`(?:[A-Za-z_][\w.-]*:)?`;
const ITEM = new RegExp(String.raw`<${NAME}si\b[^>]*?(?:\/>|>([\s\S]*?)<\/${NAME}si\s*>)`, 'g');
const PHONETIC = new RegExp(String.raw`<${NAME}rPh\b[\s\S]*?<\/${NAME}rPh\s*>`, 'g');
const RUN = new RegExp(String.raw`<${NAME}t\b[^>]*?(?:\/>|>([\s\S]*?)<\/${NAME}t\s*>)`, 'g');

/** Each <si> item's text (see runsText). */
export function sharedStringsOf(xml: string): string[] {
  return [...xml.matchAll(ITEM)].map((m) => runsText(m[1] ?? ''));
}

/** The text of a string item (<si>, or a cell's <is>): its <t> runs joined, without phonetic guides (<rPh>). */
export function runsText(body: string): string {
  const runs = (body.includes('rPh') ? body.replace(PHONETIC, '') : body).matchAll(RUN);
  let text = '';
  for (const m of runs) text += xmlText(m[1] ?? '');
  return text;
}

const attributes = (tag: string): Map<string, string> => new Map([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const ENTITY = /&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi;
/** XML 1.0's Char production: what a character reference may stand for. */
const isXmlChar = (cp: number): boolean =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

/** A character reference's character; one to no XML character (`&#x110000;`, `&#0;`, a lone surrogate) is damage. */
function charRef(e: string): string {
  const cp = Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1));
  if (!Number.isInteger(cp) || !isXmlChar(cp)) throw new PartDamage('bad_char_ref', { ref: `&${e.length > 20 ? `${e.slice(0, 20)}...` : e};` });
  return String.fromCodePoint(cp);
}

const decodeEntities = (s: string): string =>
  s.replace(ENTITY, (_, e: string) => (e[0] === '#' ? charRef(e) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()]!));

/** The characters an XML text stands for: entities and character references decoded, CDATA sections as they are. */
export function xmlText(s: string): string {
  if (!s.includes('&') && !s.includes('<')) return s;
  if (!s.includes('<![CDATA[')) return decodeEntities(s);
  return s
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
    .join('');
}

/** Built-in number formats that show a percentage: 9 `0%`, 10 `0.00%`. */
const BUILTIN_PERCENT = new Set([9, 10]);
const NUM_FMT = new RegExp(String.raw`<${NAME}numFmt\b[^>]*>`, 'g');
const CELL_XFS = new RegExp(String.raw`<${NAME}cellXfs\b[^>]*>([\s\S]*?)<\/${NAME}cellXfs\s*>`);
const XF = new RegExp(String.raw`<${NAME}xf\b[^>]*>`, 'g');

/**
 * A format code that shows a percentage: a section with a digit placeholder (`0`, `#`, `?`) and a %
 * outside quotes, brackets and backslash escapes — `0%`, `0.0%`, `#,##0.00%`, what Excel and
 * LibreOffice give a cell typed as 5.2%. `General"%"` (this app's export) and `General\%` (the same,
 * saved by LibreOffice) only add the sign; so does `General%`, which is what a tool that drops
 * escapes (exceljs) makes of them: a person typing a percentage never gets it.
 */
export function isPercentFormat(code: string): boolean {
  return code
    .replace(/\\./g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .split(';')
    .some((section) => section.includes('%') && /[0#?]/.test(section));
}

/** The cell style indexes (positions in <cellXfs>) whose number format shows a percentage. */
export function percentStylesOf(stylesXml: string): Set<number> {
  const percentIds = new Set(BUILTIN_PERCENT);
  for (const [tag] of stylesXml.matchAll(NUM_FMT)) {
    const a = attributes(tag);
    if (isPercentFormat(xmlText(a.get('formatCode') ?? ''))) percentIds.add(Number(a.get('numFmtId')));
    else percentIds.delete(Number(a.get('numFmtId')));
  }
  const styles = new Set<number>();
  const xfs = CELL_XFS.exec(stylesXml)?.[1] ?? '';
  [...xfs.matchAll(XF)].forEach(([tag], index) => {
    if (percentIds.has(Number(attributes(tag).get('numFmtId') ?? 0))) styles.add(index);
  });
  return styles;
}

/** The sheets the workbook part lists, with the zip entry each one's relationship points to. */
export function sheetsOf(workbookXml: string, relsXml: string): { name: string; entry: string }[] {
  const targets = new Map<string, string>();
  for (const [tag] of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(tag);
    const target = a.get('Target') ?? '';
    if (a.get('Id')) targets.set(a.get('Id')!, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: { name: string; entry: string }[] = [];
  for (const [tag] of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(tag);
    const entry = targets.get(a.get('r:id') ?? '');
    if (entry && a.has('name')) sheets.push({ name: xmlText(a.get('name')!), entry });
  }
  return sheets;
}

/**
 * One entry of a zip (already checked by checkZip) as its inflated bytes; null when there is none.
 * Damage found while inflating — bad data, or more or fewer bytes than the entry declares — ends the
 * reading with IMPORT_TRUNCATED; leaving the loop early closes the file.
 */
export async function openEntry(file: string, name: string): Promise<AsyncIterable<Buffer> | null> {
  const zip = await openZip(file);
  const stream = await new Promise<NodeJS.ReadableStream | null>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(null));
    zip.on('entry', (entry) => {
      if (entry.fileName !== name) return zip.readEntry();
      zip.openReadStream(entry, (err, found) => (err ? reject(err) : resolve(found)));
    });
    zip.readEntry();
  }).catch((error: unknown) => {
    zip.close();
    throw damaged(file, error);
  });
  if (!stream) {
    zip.close();
    return null;
  }
  return (async function* () {
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
    } catch (error) {
      throw damaged(file, error);
    } finally {
      (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
      zip.close();
    }
  })();
}

const damaged = (file: string, error: unknown): AppError =>
  error instanceof AppError ? error : new AppError('IMPORT_TRUNCATED', String((error as Error).message), { path: file, reason: (error as Error).message });
