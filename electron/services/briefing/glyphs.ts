/**
 * No character may vanish. Every printed string is split into runs by font coverage: Noto Sans SC
 * where it has the glyph, the fallback font (monochrome Noto Emoji) where only that one has it.
 * A character neither font has stops the export with BRIEFING_MISSING_GLYPHS, naming the
 * characters and where they came from.
 */
import type { Content } from 'pdfmake/interfaces';
import { AppError } from '../../../shared/errors';
import { FALLBACK_FONT, glyphSources, type GlyphSource } from './fonts';

export type Coverage = 'primary' | 'fallback' | 'missing' | 'invisible';

/** Characters that draw nothing on purpose: line breaks, joiners, variation selectors. */
function isInvisible(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x09 || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

export class GlyphCoverage {
  private readonly cache = new Map<number, Coverage>();
  constructor(
    private readonly primary: GlyphSource,
    private readonly fallback: GlyphSource,
  ) {}

  of(char: string): Coverage {
    const cp = char.codePointAt(0)!;
    let c = this.cache.get(cp);
    if (c === undefined) {
      c = isInvisible(cp)
        ? 'invisible'
        : this.primary.hasGlyphForCodePoint(cp)
          ? 'primary'
          : this.fallback.hasGlyphForCodePoint(cp)
            ? 'fallback'
            : 'missing';
      this.cache.set(cp, c);
    }
    return c;
  }

  /** True when the primary font draws every character (the common case, checked fast). */
  allPrimary(text: string): boolean {
    for (const ch of text) {
      const c = this.of(ch);
      if (c !== 'primary' && c !== 'invisible') return false;
    }
    return true;
  }

  missing(text: string): string[] {
    const out: string[] = [];
    for (const ch of text) if (this.of(ch) === 'missing') out.push(ch);
    return out;
  }

  /** Consecutive characters drawn by the same font; invisible characters join the run they are in. */
  runs(text: string): { text: string; fallback: boolean }[] {
    const out: { text: string; fallback: boolean }[] = [];
    for (const ch of text) {
      const c = this.of(ch);
      const fallback = c === 'fallback' || (c === 'invisible' && out.length > 0 && out[out.length - 1]!.fallback);
      const last = out[out.length - 1];
      if (last && last.fallback === fallback) last.text += ch;
      else out.push({ text: ch, fallback });
    }
    return out;
  }
}

let shared: GlyphCoverage | undefined;
export function glyphCoverage(): GlyphCoverage {
  if (!shared) {
    const { primary, fallback } = glyphSources();
    shared = new GlyphCoverage(primary, fallback);
  }
  return shared;
}

/** A string that will be printed, and where it came from (entity id and field), for error messages. */
export interface PrintedText {
  text: string;
  entity: string;
  field: string;
}

/** How a code point is named in a message: the character and its U+ number (a blank one is still named). */
export function describeChar(ch: string): string {
  return `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** Throws BRIEFING_MISSING_GLYPHS when any printed string holds a character no embedded font has. */
export function assertPrintable(texts: readonly PrintedText[], coverage: GlyphCoverage = glyphCoverage()): void {
  const chars = new Set<string>();
  const places = new Set<string>();
  for (const t of texts) {
    if (coverage.allPrimary(t.text)) continue;
    const missing = coverage.missing(t.text);
    if (missing.length === 0) continue;
    missing.forEach((ch) => chars.add(ch));
    places.add(`${t.entity} · ${t.field}`);
  }
  if (chars.size === 0) return;
  const characters = [...chars].map(describeChar).join(', ');
  const where = [...places].slice(0, 8).join('; ') + (places.size > 8 ? `; +${places.size - 8}` : '');
  throw new AppError('BRIEFING_MISSING_GLYPHS', `no font has ${characters}`, { characters, where });
}

type Node = Content | Content[] | undefined;

/**
 * Rewrites every text in a document's content so characters only the fallback font has are set
 * in that font. Strings fully covered by the primary font (nearly all) are left as they are.
 */
export function withFallbackRuns<T extends Node>(node: T, coverage: GlyphCoverage = glyphCoverage(), missing?: Set<string>): T {
  return visit(node, coverage, missing) as T;
}

function fallbackRuns(s: string, coverage: GlyphCoverage, missing: Set<string> | undefined): (string | { text: string; font: string })[] {
  if (missing) for (const ch of coverage.missing(s)) missing.add(ch);
  return coverage.runs(s).map((r) => (r.fallback ? { text: r.text, font: FALLBACK_FONT } : r.text));
}

const CONTAINERS = ['stack', 'columns', 'ul', 'ol'] as const;

function visit(node: unknown, coverage: GlyphCoverage, missing: Set<string> | undefined): unknown {
  if (typeof node === 'string') return coverage.allPrimary(node) ? node : { text: fallbackRuns(node, coverage, missing) };
  if (Array.isArray(node)) return node.map((n) => visit(n, coverage, missing));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if ('svg' in obj || 'image' in obj || 'canvas' in obj || 'qr' in obj) return node;
  const out: Record<string, unknown> = { ...obj };
  if (typeof obj.text === 'string') {
    if (!coverage.allPrimary(obj.text)) out.text = fallbackRuns(obj.text, coverage, missing);
  } else if (Array.isArray(obj.text)) {
    out.text = obj.text.map((part: unknown) => visit(part, coverage, missing));
  }
  for (const key of CONTAINERS) if (key in obj) out[key] = visit(obj[key], coverage, missing);
  if (obj.table && typeof obj.table === 'object') {
    const table = obj.table as { body: unknown[][] };
    out.table = { ...table, body: table.body.map((row) => row.map((cell) => visit(cell, coverage, missing))) };
  }
  if (obj.toc && typeof obj.toc === 'object') {
    const toc = obj.toc as { title?: unknown };
    out.toc = toc.title === undefined ? toc : { ...toc, title: visit(toc.title, coverage, missing) };
  }
  return out;
}
