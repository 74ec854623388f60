/**
 * No character may vanish, and none may print as a box. Before layout, characters that draw nothing
 * on purpose (zero-width spaces and joiners, soft hyphens, direction marks, stray variation
 * selectors) are removed from what prints — the stored text stays as it was — except the joiners and
 * selectors inside an emoji sequence. Every remaining character is set in the first font that has it:
 * Noto Sans SC, then Noto Sans (Latin Extended, Greek, Cyrillic), then Noto Emoji. A character no
 * font has stops the export with BRIEFING_MISSING_GLYPHS, naming its code point and where it is.
 */
import { AppError } from '../../../shared/errors';
import type { Origin } from '../../../shared/document';
import { glyphSources, type FontKey, type GlyphSource } from './fonts';

export type Coverage = FontKey | 'missing' | 'invisible';

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const FORMAT = /[\p{Cf}\p{Cc}]/u;
/** Soft hyphen, line and paragraph separators, variation selectors (written as an alternation: a class would combine them). */
const NEEDS_CLEANING = /\u00ad|\u2028|\u2029|[\u{fe00}-\u{fe0f}]/u;
const isVariationSelector = (cp: number): boolean => cp >= 0xfe00 && cp <= 0xfe0f;
const isTag = (cp: number): boolean => cp >= 0xe0020 && cp <= 0xe007f;
const isKeycapBase = (ch: string): boolean => /^[0-9#*]$/.test(ch);
/** English quotation marks: Noto Sans SC draws them full-width, so English text takes Noto Sans's. */
const CURLY_QUOTES = new Set(['\u201c', '\u201d', '\u2018', '\u2019']);

/**
 * The text as it prints: tabs become spaces, line and paragraph separators become line breaks, and
 * every invisible format or control character is dropped unless it belongs to an emoji sequence
 * (ZWJ between pictographs, VS16 after one, keycaps, tag sequences of flags); empty lines in a row
 * are one.
 */
export function cleanForPrint(text: string): string {
  if (!FORMAT.test(text) && !NEEDS_CLEANING.test(text)) return text;
  const chars = [...text];
  let out = '';
  let prev = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const cp = ch.codePointAt(0)!;
    const next = chars[i + 1] ?? '';
    let keep: string | null;
    if (ch === '\n') keep = ch;
    else if (ch === '\t') keep = ' ';
    else if (ch === '\r') keep = chars[i + 1] === '\n' ? null : '\n';
    else if (ch === '\u2028' || ch === '\u2029') keep = '\n';
    else if (ch === '\u00ad') keep = null;
    else if (ch === '\u200d') keep = PICTOGRAPHIC.test(prev) && PICTOGRAPHIC.test(next) ? ch : null;
    else if (isVariationSelector(cp)) keep = cp === 0xfe0f && (PICTOGRAPHIC.test(prev) || isKeycapBase(prev)) ? ch : null;
    else if (cp === 0x20e3) keep = isKeycapBase(prev) || prev === '\ufe0f' ? ch : null;
    else if (isTag(cp)) keep = PICTOGRAPHIC.test(prev) || isTag(prev.codePointAt(0) ?? 0) ? ch : null;
    else if (FORMAT.test(ch)) keep = null;
    else keep = ch;
    if (keep !== null) {
      out += keep;
      // A joiner keeps the pictograph before it as "previous" for the next character's decision.
      if (keep !== '\u200d') prev = keep;
    }
  }
  // At most one empty line in a row: a pasted quote of line breaks and joiners printed six blank pages.
  return out.replace(/\n(?:[ \u3000]*\n){2,}/g, '\n\n');
}

export class GlyphCoverage {
  private readonly cache = new Map<number, Coverage>();
  constructor(private readonly fonts: Record<FontKey, GlyphSource>) {}

  /** Which font draws a character (of already cleaned text). */
  of(char: string): Coverage {
    const cp = char.codePointAt(0)!;
    let c = this.cache.get(cp);
    if (c === undefined) {
      c =
        cp === 0x0a || cp === 0x200d || isVariationSelector(cp) || cp === 0x20e3 || isTag(cp)
          ? 'invisible'
          : this.fonts.primary.hasGlyphForCodePoint(cp)
            ? 'primary'
            : this.fonts.latin.hasGlyphForCodePoint(cp)
              ? 'latin'
              : this.fonts.emoji.hasGlyphForCodePoint(cp)
                ? 'emoji'
                : 'missing';
      this.cache.set(cp, c);
    }
    return c;
  }

  /** True when the primary font draws every character (the common case, checked fast). */
  allPrimary(text: string, lang?: 'zh' | 'en'): boolean {
    for (const ch of text) {
      const c = this.of(ch);
      if (c !== 'primary' && c !== 'invisible') return false;
      if (lang === 'en' && CURLY_QUOTES.has(ch)) return false;
    }
    return true;
  }

  missing(text: string): string[] {
    const out: string[] = [];
    for (const ch of cleanForPrint(text)) if (this.of(ch) === 'missing' && !out.includes(ch)) out.push(ch);
    return out;
  }

  /** Consecutive characters set in the same font; joiners and selectors stay in the run they are in. */
  runs(text: string, lang?: 'zh' | 'en'): { text: string; font: FontKey }[] {
    const out: { text: string; font: FontKey }[] = [];
    for (const ch of text) {
      const c = this.of(ch);
      const last = out[out.length - 1];
      const font: FontKey = c === 'invisible' ? (last?.font ?? 'primary') : c === 'missing' ? 'primary' : lang === 'en' && CURLY_QUOTES.has(ch) ? 'latin' : c;
      if (last && last.font === font) last.text += ch;
      else out.push({ text: ch, font });
    }
    return out;
  }
}

let shared: GlyphCoverage | undefined;
/**
 * An emoji sequence as the PDF can print it: pdfkit draws each code point alone, so a zero-width
 * joiner printed as a boxed cross between the emoji it joins (👨‍👩‍👧 as 👨⊠👩⊠👧) and a skin-tone
 * modifier as a square of its own. Each emoji of a sequence prints side by side, in the base tone.
 * (Word shapes the sequences itself: its text keeps them.)
 */
export function unjoinedEmoji(text: string): string {
  return text.replace(/\u200d|[\u{1f3fb}-\u{1f3ff}]/gu, '');
}

export function glyphCoverage(): GlyphCoverage {
  shared ??= new GlyphCoverage(glyphSources());
  return shared;
}

/** A string that will be printed, and where it came from, for error messages. */
export interface PrintedText {
  text: string;
  from?: Origin;
}

/** How a code point is named in a message: the character and its U+ number (a blank one is still named). */
export function describeChar(ch: string): string {
  return `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * Throws BRIEFING_MISSING_GLYPHS when any printed string holds a character no embedded font has,
 * naming the characters and, for text from the data, the entity (by its name in the briefing's
 * language) and the field.
 */
export function assertPrintable(texts: readonly PrintedText[], templateWords: string, coverage: GlyphCoverage = glyphCoverage()): void {
  const chars = new Set<string>();
  const places = new Set<string>();
  for (const t of texts) {
    if (coverage.allPrimary(t.text)) continue;
    const missing = coverage.missing(t.text);
    if (missing.length === 0) continue;
    missing.forEach((ch) => chars.add(ch));
    places.add(t.from ? `${t.from.entity} · ${t.from.field}` : templateWords);
  }
  if (chars.size === 0) return;
  const characters = [...chars].map(describeChar).join(', ');
  const where = [...places].slice(0, 8).join('; ') + (places.size > 8 ? `; +${places.size - 8}` : '');
  throw new AppError('BRIEFING_MISSING_GLYPHS', `no font has ${characters}`, { characters, where });
}
