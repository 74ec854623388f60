/**
 * Checks an .xlsx file as a zip archive before any spreadsheet code reads it: not a zip, a truncated
 * or damaged zip, too many entries, too much data once unpacked, or an entry whose compression ratio
 * only a zip bomb has. Every entry is inflated once here, counting real bytes, so sizes a hostile
 * file declares falsely are caught too (yauzl also compares them with the declared sizes).
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

/** Documented limits (README, "Importing workbooks"). */
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

const ZIP_MAGIC = [Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.from('PK\u0005\u0006', 'latin1')];

export interface ZipSummary {
  entries: string[];
  uncompressedBytes: number;
}

export async function checkZip(file: string, limits: Readonly<ZipLimits> = ZIP_LIMITS): Promise<ZipSummary> {
  const head = Buffer.alloc(4);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new AppError('NOT_FOUND', (error as Error).message, { what: 'file', id: file });
  }
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!ZIP_MAGIC.some((m) => m.equals(head))) throw new AppError('IMPORT_NOT_A_ZIP', 'not a zip', { path: file });

  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (error) {
    throw new AppError('IMPORT_TRUNCATED', (error as Error).message, { path: file, reason: (error as Error).message });
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new AppError('IMPORT_TOO_MANY_ENTRIES', 'too many entries', { path: file, limit: limits.maxEntries });
    const entries: string[] = [];
    let declared = 0;
    let actual = 0;
    const tooLarge = (): AppError => new AppError('IMPORT_TOO_LARGE', 'too large', { path: file, limitMb: Math.round(limits.maxUncompressedBytes / 1024 / 1024) });
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown): void => {
        reject(error instanceof AppError ? error : new AppError('IMPORT_TRUNCATED', String((error as Error).message), { path: file, reason: (error as Error).message }));
      };
      zip.on('error', fail);
      zip.on('end', resolve);
      zip.on('entry', (entry) => {
        entries.push(entry.fileName);
        declared += entry.uncompressedSize;
        if (declared > limits.maxUncompressedBytes) return fail(tooLarge());
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
          return fail(new AppError('IMPORT_ZIP_BOMB', 'zip bomb', { path: file, entry: entry.fileName, ratio: Math.round(ratio), limit: limits.maxRatio }));
        }
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err) return fail(err);
          stream.on('data', (chunk: Buffer) => {
            actual += chunk.length;
            if (actual > limits.maxUncompressedBytes) {
              stream.destroy();
              fail(tooLarge());
            }
          });
          stream.on('error', fail);
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
    if (!entries.includes('xl/workbook.xml')) {
      throw new AppError('IMPORT_NOT_A_WORKBOOK', 'no xl/workbook.xml', { path: file, reason: 'no xl/workbook.xml' });
    }
    return { entries, uncompressedBytes: actual };
  } finally {
    zip.close();
  }
}
