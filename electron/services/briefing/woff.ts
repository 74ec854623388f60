/**
 * WOFF 1.0 to a plain sfnt (TrueType) font: each table inflated where it was compressed and the
 * table directory rebuilt with 4-byte alignment (W3C WOFF 1.0, section 5). The 简报's 楷 face (LXGW
 * WenKai, OFL-1.1) is served on npm as WOFF only, and pdfmake embeds TrueType reliably (WOFF2 draws
 * invisible glyphs: TECH-NOTES). Plain Node.
 */
import zlib from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

interface Table {
  tag: string;
  checksum: number;
  data: Buffer;
}

const padded = (n: number): number => (n + 3) & ~3;

/** The sfnt's byte length, read from the WOFF's directory without inflating anything. */
export function sfntLength(woff: Buffer): number {
  const count = tableCount(woff);
  let length = 12 + 16 * count;
  for (let i = 0; i < count; i++) length += padded(woff.readUInt32BE(44 + i * 20 + 12));
  return length;
}

export function woffToSfnt(woff: Buffer): Buffer {
  const count = tableCount(woff);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20;
    const tag = woff.toString('latin1', entry, entry + 4);
    const offset = woff.readUInt32BE(entry + 4);
    const stored = woff.readUInt32BE(entry + 8);
    const original = woff.readUInt32BE(entry + 12);
    if (offset + stored > woff.length) throw new Error(`WOFF table ${tag} runs past the end of the file`);
    const raw = woff.subarray(offset, offset + stored);
    const data = stored < original ? zlib.inflateSync(raw) : raw;
    if (data.length !== original) throw new Error(`WOFF table ${tag} inflates to ${data.length} bytes, not ${original}`);
    tables.push({ tag, checksum: woff.readUInt32BE(entry + 16), data });
  }
  let selector = 0;
  while (1 << (selector + 1) <= count) selector++;
  const searchRange = (1 << selector) * 16;
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // the sfnt version (flavor)
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(selector, 8);
  header.writeUInt16BE(count * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const entry = 12 + i * 16;
    header.write(t.tag, entry, 'latin1');
    header.writeUInt32BE(t.checksum, entry + 4);
    header.writeUInt32BE(offset, entry + 8);
    header.writeUInt32BE(t.data.length, entry + 12);
    parts.push(t.data, Buffer.alloc(padded(t.data.length) - t.data.length));
    offset += padded(t.data.length);
  });
  return Buffer.concat(parts);
}

function tableCount(woff: Buffer): number {
  if (woff.length < 44 || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font');
  const count = woff.readUInt16BE(12);
  if (44 + count * 20 > woff.length) throw new Error('WOFF table directory runs past the end of the file');
  return count;
}
