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

const wordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch) && !/\p{Script=Han}/u.test(ch);

/** Where a kept end may start: at the start of its word (Latin letters and digits, a short word) and its opening bracket. */
function endStart(chars: readonly string[], at: number): number {
  let start = at;
  while (start > 0 && at - start < 16 && wordChar(chars[start - 1]) && wordChar(chars[start])) start--;
  if (wordChar(chars[start - 1]) && wordChar(chars[start])) start = at;
  if (start > 0 && /[（(［[【《“"‘']/u.test(chars[start - 1]!)) start--;
  return start;
}

/**
 * The text's beginning and its end from `at` on ("粤港澳大湾区…（广州片区）"), if that end fits `width`
 * with some of the beginning: the beginning cut between words where it can be.
 */
function keepEnd(chars: readonly string[], at: number, size: number, width: number): string | null {
  const start = endStart(chars, at);
  const end = chars.slice(start).join('');
  for (const betweenWords of [true, false]) {
    for (let head = start - 1; head > 0; head--) {
      if (betweenWords && wordChar(chars[head - 1]) && wordChar(chars[head])) continue;
      const label = `${chars.slice(0, head).join('').trimEnd()}…${end}`;
      if (measureText(label, size, false) <= width) return label;
    }
  }
  return null;
}

/** The text from `at` on, cut to `width` at both ends ("…（广州片区）…"). */
function keepMiddle(chars: readonly string[], at: number, size: number, width: number): string | null {
  const label = fitText(`…${chars.slice(endStart(chars, at)).join('')}`, size, width);
  return label.length > 1 ? label : null;
}

const commonPrefix = (a: readonly string[], b: readonly string[]): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * Each text cut to `width` (fitText), except that texts which would cut alike keep what tells them
 * apart: their end from where they differ, after as much of their beginning as fits
 * ("粤港澳大湾区…（广州片区）" and "粤港澳大湾区…（深圳片区）", both of which cut from the end to
 * "粤港澳大湾区新一代信息技…"), else a middle stretch from there. Only texts that still read alike after
 * that are given more width, as little as tells them apart (at most their whole text): different
 * texts never get the same label.
 */
export function fitDistinct(values: readonly string[], size: number, width: number): string[] {
  const chars = values.map((v) => [...v]);
  const out = values.map((v) => fitText(v, size, width));
  for (let round = 0; ; round++) {
    const clashes = out.map((label, i) => values.flatMap((v, j) => (out[j] === label && v !== values[i] ? [j] : [])));
    if (clashes.every((c) => c.length === 0)) return out;
    // Each further round, the texts still alike get a quarter more width.
    const room = width * (1 + round * 0.25);
    clashes.forEach((others, i) => {
      if (others.length === 0) return;
      // Where it parts from the text most like it (its last character, if it is the other's beginning).
      const at = Math.min(chars[i]!.length - 1, Math.max(...others.map((j) => commonPrefix(chars[i]!, chars[j]!))));
      if (measureText(values[i]!, size, false) <= room) out[i] = values[i]!;
      else out[i] = keepEnd(chars[i]!, at, size, room) ?? keepMiddle(chars[i]!, at, size, room) ?? fitText(values[i]!, size, room);
    });
  }
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
