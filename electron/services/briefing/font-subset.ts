/**
 * Small font files for resvg (chart-png.ts). resvg, through fontdb, reads and parses a font file from
 * disk for every text element it lays out: a chart's ~50 labels in the 10 MB Noto Sans SC were 50
 * reads of it (~0.3 s a chart on an idle machine, several seconds on a busy one). A file holding only
 * the characters a drawing uses is read in microseconds. fontkit's subset keeps the outlines and
 * metrics but no character map, so one is added (format 12), and the original's name and OS/2 tables
 * are copied, so resvg finds the subset under the same family, weight and line metrics. Files are
 * written once per face and set of characters into a temporary folder of this process, removed at exit.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';

const written = new Map<string, string>();
const opened = new Map<string, { font: fontkit.Font; tables: Map<string, Buffer> }>();
let folder: string | undefined;

/** The path of a font file holding the glyphs of `text` (and basic Latin) from `file`, cut from it once. */
export function subsetFontFile(file: string, text: string): string {
  const { font, tables } = open(file);
  const chars = [...new Set([...text, ...' 0123456789.,:;%+-–—()（）/·abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'])]
    .map((c) => c.codePointAt(0)!)
    .filter((cp) => font.hasGlyphForCodePoint(cp))
    .sort((a, b) => a - b);
  const key = createHash('sha1').update(file).update(String.fromCodePoint(...chars)).digest('hex').slice(0, 20);
  const hit = written.get(key);
  if (hit) return hit;
  const subset = font.createSubset();
  const map = chars.map((cp) => [cp, subset.includeGlyph(font.glyphForCodePoint(cp).id)] as const);
  const base = readTables(Buffer.from(subset.encode()));
  for (const tag of ['name', 'OS/2']) {
    const table = tables.get(tag);
    if (table) base.set(tag, table);
  }
  base.set('cmap', cmap12(map));
  folder ??= makeFolder();
  const out = path.join(folder, `${key}.ttf`);
  fs.writeFileSync(out, writeTables(base));
  written.set(key, out);
  return out;
}

function open(file: string): { font: fontkit.Font; tables: Map<string, Buffer> } {
  let hit = opened.get(file);
  if (!hit) {
    const font = fontkit.openSync(file);
    if (!('createSubset' in font)) throw new Error(`${file} is a font collection, not a single font`);
    hit = { font, tables: readTables(fs.readFileSync(file)) };
    opened.set(file, hit);
  }
  return hit;
}

function makeFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-fonts-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An sfnt's tables by tag. */
function readTables(sfnt: Buffer): Map<string, Buffer> {
  const count = sfnt.readUInt16BE(4);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const offset = sfnt.readUInt32BE(at + 8);
    tables.set(sfnt.toString('latin1', at, at + 4), sfnt.subarray(offset, offset + sfnt.readUInt32BE(at + 12)));
  }
  return tables;
}

/** A TrueType file of `tables`: directory sorted by tag, each table 4-byte aligned with its checksum. */
function writeTables(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const head = Buffer.alloc(12 + tags.length * 16);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt16BE(tags.length, 4);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(tags.length * 16 - power * 16, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const padded = Buffer.alloc(Math.ceil(data.length / 4) * 4);
    data.copy(padded);
    let sum = 0;
    for (let k = 0; k < padded.length; k += 4) sum = (sum + padded.readUInt32BE(k)) >>> 0;
    const at = 12 + i * 16;
    head.write(tag, at, 'latin1');
    head.writeUInt32BE(sum, at + 4);
    head.writeUInt32BE(offset, at + 8);
    head.writeUInt32BE(data.length, at + 12);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** A cmap with one Windows Unicode (3, 10) format-12 subtable: each character to its glyph in the subset. */
function cmap12(map: readonly (readonly [number, number])[]): Buffer {
  const table = Buffer.alloc(12 + 16 + map.length * 12);
  table.writeUInt16BE(0, 0);
  table.writeUInt16BE(1, 2);
  table.writeUInt16BE(3, 4);
  table.writeUInt16BE(10, 6);
  table.writeUInt32BE(12, 8);
  table.writeUInt16BE(12, 12);
  table.writeUInt32BE(16 + map.length * 12, 16);
  table.writeUInt32BE(map.length, 24);
  map.forEach(([cp, glyph], i) => {
    const at = 28 + i * 12;
    table.writeUInt32BE(cp, at);
    table.writeUInt32BE(cp, at + 4);
    table.writeUInt32BE(glyph, at + 8);
  });
  return table;
}
