/**
 * Text width in points, from the embedded fonts' own advance widths: how much of a running header
 * fits beside the marking, without laying the page out.
 */
import * as fontkit from 'fontkit';
import { fontFiles } from './fonts';

type Metrics = fontkit.Font;

let fonts: { regular: Metrics; bold: Metrics; latin: Metrics; latinBold: Metrics; emoji: Metrics } | undefined;

function load(file: string): Metrics {
  const font = fontkit.openSync(file);
  if (!('glyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not a single font`);
  return font;
}

function open(): NonNullable<typeof fonts> {
  if (!fonts) {
    const f = fontFiles();
    fonts = { regular: load(f.regular), bold: load(f.bold), latin: load(f.latinRegular), latinBold: load(f.latinBold), emoji: load(f.fallback) };
  }
  return fonts;
}

let serif: { regular: Metrics; bold: Metrics } | undefined;

/** Noto Serif SC, opened on first use (only the 简报 sets text in it). */
function openSerif(): NonNullable<typeof serif> {
  if (!serif) {
    const f = fontFiles();
    serif = { regular: load(f.serifRegular), bold: load(f.serifBold) };
  }
  return serif;
}

const widths = new Map<string, number>();

/**
 * The width of `text` set at `size` points, from the advances of the font that draws each character
 * (1.3 em for one none draws); `face` 'serif' measures the 简报's Noto Serif SC first.
 */
export function measureText(text: string, size: number, bold: boolean, face: 'sans' | 'serif' = 'sans'): number {
  const f = open();
  const [sans, latin] = bold ? [f.bold, f.latinBold] : [f.regular, f.latin];
  const primary = face === 'serif' ? openSerif()[bold ? 'bold' : 'regular'] : sans;
  let em = 0;
  for (const ch of text) {
    const key = `${face === 'serif' ? 's' : ''}${bold ? 'b' : 'r'}${ch}`;
    let w = widths.get(key);
    if (w === undefined) {
      const cp = ch.codePointAt(0)!;
      const font = primary.hasGlyphForCodePoint(cp) ? primary : latin.hasGlyphForCodePoint(cp) ? latin : f.emoji.hasGlyphForCodePoint(cp) ? f.emoji : null;
      w = font ? font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm : 1.3;
      widths.set(key, w);
    }
    em += w;
  }
  return em * size;
}

/** The text itself if it fits in `width` at `size`, else cut with an ellipsis so it does. */
export function fitText(value: string, size: number, width: number): string {
  if (measureText(value, size, false) <= width) return value;
  const chars = [...value];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measureText(`${chars.slice(0, mid).join('')}…`, size, false) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/**
 * The text in lines no wider than `width` at `size`: broken between words (Latin) or characters
 * (CJK), a word wider than the line broken where it must. Every character kept, in order.
 */
export function wrapText(value: string, size: number, width: number): string[] {
  const pieces = value.match(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]|[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]+|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line === '' && /^\s+$/.test(piece)) continue;
    if (line === '' || measureText(`${line}${piece}`.trimEnd(), size, false) <= width) {
      line += piece;
      continue;
    }
    lines.push(line.trimEnd());
    line = /^\s+$/.test(piece) ? '' : piece;
  }
  if (line.trim()) lines.push(line.trimEnd());
  // A single piece wider than the line (a long word): cut by characters.
  return lines.flatMap((l) => {
    if (measureText(l, size, false) <= width) return [l];
    const out: string[] = [];
    let part = '';
    for (const ch of l) {
      if (part && measureText(part + ch, size, false) > width) {
        out.push(part);
        part = '';
      }
      part += ch;
    }
    return part ? [...out, part] : out;
  });
}

/**
 * How many characters of the 简报's tail (14 pt) its labels' column takes, in the PDF and in Word
 * alike: at least three (报送：), else the widest label's width rounded up to whole characters
 * (报送（To）：), the same on every line so that the lists start under one another.
 */
export function tailLabelChars(labels: readonly string[]): number {
  return Math.max(3, ...labels.map((l) => Math.ceil((measureText(l.trimEnd(), 14, false) - 0.01) / 14)));
}
