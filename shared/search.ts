/**
 * Full-text search over both languages. SQLite's unicode61 tokenizer splits English into words but
 * keeps a run of Chinese characters as one token, so text is indexed with every Han character as
 * its own token and a Chinese query becomes a phrase of characters ("机器人" → "机 器 人"): any
 * substring of a Chinese name matches, and English words match by prefix. The same rules pick what
 * to highlight in the page. Runs anywhere.
 */

const HAN = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** The text as it goes into the index: Han characters spaced apart, everything else unchanged. */
export function searchText(text: string | null | undefined): string {
  return (text ?? '').replace(HAN, ' $1 ');
}

/** The words of a query, each a list of index tokens; empty when there is nothing to search for. */
export function queryTerms(query: string): string[][] {
  return query
    .trim()
    .split(/\s+/)
    .map((term) => searchText(term).match(WORD) ?? [])
    .filter((tokens) => tokens.length > 0)
    .slice(0, 8);
}

/**
 * An FTS5 MATCH expression for what a person typed: every term must match, a term is a phrase of
 * its tokens, and its last token matches as a prefix. Returns null when nothing searchable is left.
 */
export function ftsQuery(query: string): string | null {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  return terms.map((tokens) => `"${tokens.join(' ')}"*`).join(' AND ');
}

/** The text cut into plain and matching parts, for highlighting what a search found. */
export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  const needles = query
    .trim()
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map((t) => t.toLowerCase());
  if (needles.length === 0 || text.length === 0) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const marks = new Array<boolean>(text.length).fill(false);
  for (const needle of needles) {
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      marks.fill(true, at, at + needle.length);
    }
  }
  const parts: { text: string; match: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.match === marks[i]) last.text += text[i];
    else parts.push({ text: text[i]!, match: marks[i]! });
  }
  return parts;
}

/** A letter or digit of a script written with spaces between words (not a Han character). */
const SPACED = /[\p{L}\p{N}]/u;
const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const isSpacedWordChar = (c: string | undefined): boolean => c !== undefined && SPACED.test(c) && !HAN_CHAR.test(c);
const isLowSurrogate = (c: string | undefined): boolean => c !== undefined && c >= '\udc00' && c <= '\udfff';

/** True when a cut at `at` falls inside a word (English) or inside one character (a surrogate pair). */
export function cutsInside(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  return isLowSurrogate(text[at]) || (isSpacedWordChar(text[at - 1]) && isSpacedWordChar(text[at]));
}

/**
 * A short piece of `text` around the first place the query matches, or null when it does not. The
 * piece starts and ends between words (English) or between characters (Chinese), never inside one:
 * "…quantum information…", not "…quantu…".
 */
export function snippet(text: string | null, query: string, width = 60): string | null {
  if (!text) return null;
  const parts = highlightParts(text, query);
  const first = parts.findIndex((p) => p.match);
  if (first === -1) return null;
  const start = parts.slice(0, first).reduce((n, p) => n + p.text.length, 0);
  const end = start + parts[first]!.text.length;
  let from = Math.max(0, start - Math.floor(width / 3));
  let to = Math.min(text.length, Math.max(from + width, end));
  // Widen the start back to its word's beginning, unless that reaches past the match's own word.
  while (from > 0 && cutsInside(text, from)) from--;
  // Shorten the end to the last whole word, but never into the match; else widen it to the word's end.
  let shorter = to;
  while (shorter > end && cutsInside(text, shorter)) shorter--;
  if (!cutsInside(text, shorter)) to = shorter;
  while (to < text.length && cutsInside(text, to)) to++;
  const piece = text.slice(from, to).trim();
  return `${from > 0 ? '…' : ''}${piece}${to < text.length ? '…' : ''}`;
}

/** The beginning of `text`, at most about `width` characters, cut between words or characters. */
export function lead(text: string, width = 60): string {
  if (text.length <= width) return text;
  let to = width;
  while (to > 1 && cutsInside(text, to)) to--;
  if (cutsInside(text, to)) to = width;
  return `${text.slice(0, to).trimEnd()}…`;
}
