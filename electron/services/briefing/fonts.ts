/**
 * The fonts a briefing embeds, all from npm packages that ship with the app (OFL-1.1):
 * Noto Sans SC (Chinese and Latin, regular and bold) and monochrome Noto Emoji as the fallback.
 * pdfmake gets them by absolute file path, never from its virtual file system: svg-to-pdfkit can
 * only load a font for chart labels from a real path (TECH-NOTES).
 */
import * as fontkit from 'fontkit';
import { createRequire } from 'node:module';
import path from 'node:path';

const requireHere = createRequire(__filename);

/** The names the document definition and the chart SVG use for the fonts. */
export const PRIMARY_FONT = 'NotoSansSC';
export const FALLBACK_FONT = 'NotoEmoji';

export interface FontFiles {
  regular: string;
  bold: string;
  fallback: string;
}

export function fontFiles(): FontFiles {
  return {
    regular: requireHere.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: requireHere.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
    fallback: requireHere.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'),
  };
}

/** pdfmake's font table: family → file per style (italics are not used; they map to upright). */
export function pdfmakeFonts(files: FontFiles = fontFiles()): Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> {
  return {
    [PRIMARY_FONT]: { normal: files.regular, bold: files.bold, italics: files.regular, bolditalics: files.bold },
    [FALLBACK_FONT]: { normal: files.fallback, bold: files.fallback, italics: files.fallback, bolditalics: files.fallback },
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

let opened: { primary: GlyphSource; fallback: GlyphSource } | undefined;

/** The fonts' character maps, opened once per process. A character is "primary" only when both cuts have it. */
export function glyphSources(): { primary: GlyphSource; fallback: GlyphSource } {
  if (!opened) {
    const files = fontFiles();
    const regular = openFont(files.regular);
    const bold = openFont(files.bold);
    opened = {
      primary: { hasGlyphForCodePoint: (cp) => regular.hasGlyphForCodePoint(cp) && bold.hasGlyphForCodePoint(cp) },
      fallback: openFont(files.fallback),
    };
  }
  return opened;
}

function openFont(file: string): GlyphSource {
  const font = fontkit.openSync(file);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not a single font`);
  return font;
}
