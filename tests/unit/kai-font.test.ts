/**
 * The 简报 sets its level-2 headings and 按语 in 楷 (LXGW WenKai, OFL-1.1), as the format asks: the
 * font ships as WOFF and is converted to TrueType once (woff.ts). The converted font is the same
 * font — every table byte for byte, every glyph — and the 简报's PDF embeds it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kaiFontFile } from '../../electron/services/briefing/fonts';
import { sfntLength, woffToSfnt } from '../../electron/services/briefing/woff';
import { exportBulletin } from '../../electron/services/bulletins/export';
import { openDataFile } from '../../electron/services/db/open';
import { tempDataFile } from '../helpers/files';

interface OpenedFont {
  familyName: string;
  numGlyphs: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
}
const requireHere = createRequire(__filename);
const fontkit = requireHere('fontkit') as { create(buffer: Buffer): OpenedFont };
const WOFF = requireHere.resolve('@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff');

function fontsOf(pdf: Buffer): string {
  const file = `${tempDataFile()}.pdf`;
  fs.writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

describe('the 楷 face', () => {
  it('converts the WOFF to a TrueType font with every table and glyph of the original', () => {
    const woff = fs.readFileSync(WOFF);
    const ttf = woffToSfnt(woff);
    expect(ttf.length).toBe(sfntLength(woff));
    const converted = fontkit.create(ttf);
    const original = fontkit.create(woff);
    expect(converted.familyName).toBe('LXGW WenKai');
    expect(converted.numGlyphs).toBe(original.numGlyphs);
    for (const ch of '按语一二三（一）广东省战略性产业集群Aa1。，') expect(converted.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    // Each table as the WOFF holds it, inflated: the same bytes at the offset the new directory gives.
    const count = ttf.readUInt16BE(4);
    for (let i = 0; i < count; i++) {
      const tag = ttf.toString('latin1', 12 + i * 16, 16 + i * 16);
      const offset = ttf.readUInt32BE(12 + i * 16 + 8);
      const length = ttf.readUInt32BE(12 + i * 16 + 12);
      const entry = 44 + i * 20;
      const stored = woff.subarray(woff.readUInt32BE(entry + 4), woff.readUInt32BE(entry + 4) + woff.readUInt32BE(entry + 8));
      const table = stored.length < woff.readUInt32BE(entry + 12) ? zlib.inflateSync(stored) : stored;
      expect(ttf.subarray(offset, offset + length).equals(table), tag).toBe(true);
      expect(offset % 4, tag).toBe(0);
    }
    expect(() => woffToSfnt(Buffer.from('not a font at all, but long enough to have a header of forty-four bytes'))).toThrow(/not a WOFF/);
  });

  it('is written once into the temporary folder and found there again', () => {
    const file = kaiFontFile();
    expect(file).not.toBeNull();
    expect(fs.statSync(file!).size).toBe(sfntLength(fs.readFileSync(WOFF)));
  });

  it('is embedded in a 简报 (its 按语 and level-2 headings)', async () => {
    const db = openDataFile(tempDataFile());
    const example = db.prepare(`SELECT id FROM bulletins ORDER BY id LIMIT 1`).pluck().get() as number;
    const { bytes } = await exportBulletin(db, example, 'pdf');
    db.close();
    expect(fontsOf(bytes)).toMatch(/LXGWWenKai-Regular/);
  });
});
