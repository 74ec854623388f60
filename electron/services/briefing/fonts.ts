/**
 * The fonts a briefing embeds, all from npm packages that ship with the app (OFL-1.1):
 * Noto Sans SC (Chinese and basic Latin, regular and bold), Noto Sans (Latin Extended, Greek,
 * Cyrillic, and the proportional quotation marks of English text), monochrome Noto Emoji, and for
 * the 简报 Noto Serif SC (宋/仿宋) and LXGW WenKai (楷, converted from the WOFF it ships as).
 * pdfmake gets them by absolute file path, never from its virtual file system: svg-to-pdfkit can
 * only load a font for chart labels from a real path (TECH-NOTES).
 */
import * as fontkit from 'fontkit';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { sfntLength, woffToSfnt } from './woff';

const requireHere = createRequire(__filename);

/** The names the document definition and the chart SVG use for the fonts, in the order they are tried. */
export const PRIMARY_FONT = 'NotoSansSC';
export const LATIN_FONT = 'NotoSans';
export const FALLBACK_FONT = 'NotoEmoji';
/** The 简报's serif face (Noto Serif SC): body and titles where the format asks for 仿宋/宋 and 楷. */
export const SERIF_FONT = 'NotoSerifSC';
/** The 简报's 楷 face (LXGW WenKai): level-2 headings and the 按语, where the format asks for 楷体. */
export const KAI_FONT = 'LXGWWenKai';

export type FontKey = 'primary' | 'latin' | 'emoji';
export const FONT_FAMILY: Record<FontKey, string> = { primary: PRIMARY_FONT, latin: LATIN_FONT, emoji: FALLBACK_FONT };

export interface FontFiles {
  regular: string;
  bold: string;
  latinRegular: string;
  latinBold: string;
  fallback: string;
  serifRegular: string;
  serifBold: string;
  /** LXGW WenKai as TrueType (kaiFontFile), or Noto Serif SC where it could not be written. */
  kai: string;
}

export function fontFiles(): FontFiles {
  return {
    regular: requireHere.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: requireHere.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
    latinRegular: requireHere.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
    latinBold: requireHere.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
    fallback: requireHere.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'),
    serifRegular: requireHere.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
    serifBold: requireHere.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
    kai: kaiFontFile() ?? requireHere.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  };
}

let kaiFile: string | null | undefined;

/**
 * LXGW WenKai (OFL-1.1) ships on npm as WOFF (@fontsource/lxgw-wenkai; its "500" file is the
 * Regular cut). pdfmake and the chart labels need TrueType by file path, so the WOFF is converted
 * once into the temporary folder (under a name that carries its size, written under a temporary name
 * and renamed into place, so two processes never read a half-written font) and reused. Where that
 * folder cannot be written, null: the 简报 then sets 楷 in the serif face, as before.
 */
export function kaiFontFile(): string | null {
  if (kaiFile !== undefined) return kaiFile;
  try {
    const woffPath = requireHere.resolve('@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff');
    // Only the WOFF's header and table directory are read unless the font must be converted.
    const head = readHead(woffPath, 44 + 20 * 64);
    const length = sfntLength(head);
    const dir = path.join(os.tmpdir(), 'cluster-brief-fonts');
    const file = path.join(dir, `LXGWWenKai-Regular-${fs.statSync(woffPath).size}-${length}.ttf`);
    if (!fs.existsSync(file) || fs.statSync(file).size !== length) {
      fs.mkdirSync(dir, { recursive: true });
      const partial = `${file}.${process.pid}.${Date.now()}.part`;
      fs.writeFileSync(partial, woffToSfnt(fs.readFileSync(woffPath)));
      fs.renameSync(partial, file);
    }
    kaiFile = file;
  } catch {
    kaiFile = null;
  }
  return kaiFile;
}

type Family = { normal: string; bold: string; italics: string; bolditalics: string };

/** pdfmake's font table: family → file per style (italics are not used; they map to upright). */
export function pdfmakeFonts(files: FontFiles = fontFiles()): Record<string, Family> {
  const family = (normal: string, bold: string): Family => ({ normal, bold, italics: normal, bolditalics: bold });
  return {
    [PRIMARY_FONT]: family(files.regular, files.bold),
    [LATIN_FONT]: family(files.latinRegular, files.latinBold),
    [FALLBACK_FONT]: family(files.fallback, files.fallback),
    [SERIF_FONT]: family(files.serifRegular, files.serifBold),
    // One cut: 楷 is never set bold in the format (a bold run in it is set in 黑体 instead).
    [KAI_FONT]: family(files.kai, files.kai),
  };
}

/** Only the font files may be read from disk while a PDF is made. */
export function fontAccessPolicy(files: FontFiles = fontFiles()): (file: string) => boolean {
  const allowed = new Set(Object.values(files).map((f) => path.resolve(f)));
  return (file) => allowed.has(path.resolve(file));
}

export interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

let opened: Record<FontKey, GlyphSource> | undefined;

/** The fonts' character maps, opened once per process. A character counts for a family only when both its cuts have it. */
export function glyphSources(): Record<FontKey, GlyphSource> {
  if (!opened) {
    const files = fontFiles();
    const both = (a: GlyphSource, b: GlyphSource): GlyphSource => ({ hasGlyphForCodePoint: (cp) => a.hasGlyphForCodePoint(cp) && b.hasGlyphForCodePoint(cp) });
    opened = {
      primary: both(openFont(files.regular), openFont(files.bold)),
      latin: both(openFont(files.latinRegular), openFont(files.latinBold)),
      emoji: openFont(files.fallback),
    };
  }
  return opened;
}

let serif: GlyphSource | undefined;
let kai: GlyphSource | undefined;

function readHead(file: string, bytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, bytes, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** The 楷 face's character map, opened on first use. */
export function kaiGlyphs(): GlyphSource {
  kai ??= openFont(fontFiles().kai);
  return kai;
}

/** Noto Serif SC's character map (both cuts), opened on first use: only the 简报 sets text in it. */
export function serifGlyphs(): GlyphSource {
  if (!serif) {
    const files = fontFiles();
    const [a, b] = [openFont(files.serifRegular), openFont(files.serifBold)];
    serif = { hasGlyphForCodePoint: (cp) => a.hasGlyphForCodePoint(cp) && b.hasGlyphForCodePoint(cp) };
  }
  return serif;
}

function openFont(file: string): GlyphSource {
  const font = fontkit.openSync(file);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not a single font`);
  return font;
}
