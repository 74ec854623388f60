/**
 * A line may break beside a figure value. pdfmake treats adjacent runs with no white space between
 * them as one word (TextBreaker asks the line breaker about the last word of one run and the first of
 * the next), and it never cuts a `noWrap` run. So a value printed as one unbreakable run ("over
 * 1 trillion yuan") glued to Latin text on either side ("…yuan¹and…", "GDPover…") made one "word"
 * wider than the line, and it ran off the right margin.
 *
 * Wherever text is glued to a value (or to the note number after it), a zero-width space (U+200B, Noto
 * Sans draws it with no width) is put between them: the value stays whole and keeps its note number
 * and closing punctuation, the glued text can move to the next line (and is cut by pdfmake if it alone
 * is wider than the line). Glued means with no break opportunity between: letters and digits, but
 * also punctuation such as a closing quotation mark, which the line breaker never separates from what
 * is around it ("…yuan）”超过1万亿元…"). Nothing visible is added.
 */

/** One pdfmake inline: its text and its style properties. */
export interface Inline {
  text: string;
  [key: string]: unknown;
}

/** The inlines of one run of a line: a value printed whole, a note number (with its joiner), or text. */
export interface InlineGroup {
  kind: 'value' | 'cite' | 'text';
  inlines: Inline[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Where a line breaks anyway: white space, Chinese, Japanese and Korean characters. */
const BREAKS_ANYWAY = /[\s\u200b\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const OPENING = /[\p{Ps}\p{Pi}]/u;
/**
 * Where a line may break between two characters of a kind the line breaker always separates: white
 * space and CJK letters. Punctuation is not among them — nothing breaks after "（" or before "，" — so a
 * run of it (or of Latin letters, digits, a URL) is one unbreakable stretch.
 */
const LETTER_BREAKS = /[\s\u200b\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/**
 * An unbreakable stretch this long (characters) at the end of one text run, or the start of the next,
 * gets a break at the boundary: pdfmake cuts a word wider than the line, but not with what is glued to it
 * from the next run ("（（…（" + "，" ran 7.5 pt into the margin). Ordinary text ("China Daily" + "，")
 * is far shorter and keeps its punctuation with it.
 */
const LONG_STRETCH = 16;

/** The length of the unbreakable stretch at a text's start or end (see LETTER_BREAKS). */
function stretch(text: string, from: 'start' | 'end'): number {
  const chars = from === 'start' ? [...text] : [...text].reverse();
  const k = chars.findIndex((c) => LETTER_BREAKS.test(c));
  return k < 0 ? chars.length : k;
}

/** The characters of the text that would be glued on at its start (up to where a line breaks anyway). */
function gluedHead(text: string): string {
  const chars = [...text];
  const end = chars.findIndex((c) => BREAKS_ANYWAY.test(c));
  return chars.slice(0, end < 0 ? chars.length : end).join('');
}

function gluedTail(text: string): string {
  const chars = [...text];
  let start = chars.length;
  while (start > 0 && !BREAKS_ANYWAY.test(chars[start - 1]!)) start--;
  return chars.slice(start).join('');
}

/**
 * Where, in text following a value, a break goes: after the punctuation that closes on the value
 * (",", ")", ".", "”"), before the first letter, digit or opening mark; null when nothing is glued on.
 */
export function breakAfterValue(text: string): number | null {
  const head = gluedHead(text);
  if (!head) return null;
  let i = 0;
  for (const ch of head) {
    if (WORD_CHAR.test(ch) || OPENING.test(ch)) return i;
    i += ch.length;
  }
  return i;
}

/**
 * Where, in text before a value, a break goes: after the last letter or digit and any closing
 * punctuation, before the opening marks that lead into the value ("(", "“"); null when nothing is
 * glued on.
 */
export function breakBeforeValue(text: string): number | null {
  const tail = gluedTail(text);
  if (!tail) return null;
  const chars = [...tail];
  let k = chars.length;
  while (k > 0 && OPENING.test(chars[k - 1]!)) k--;
  return text.length - chars.slice(k).join('').length;
}

/** The inlines of a line, with a zero-width break wherever text is glued to a value or its note number. */
export function breakableGlue(groups: readonly InlineGroup[], zeroWidthBreak: () => Inline): Inline[] {
  const items = groups.map((g) => ({ kind: g.kind, inlines: [...g.inlines] }));
  const out: Inline[][] = items.map(() => []);
  // A value's "side": the value itself and a note number following it.
  const guarded = (k: number): boolean => items[k]?.kind === 'value' || (items[k]?.kind === 'cite' && items[k - 1]?.kind === 'value');
  for (let k = 0; k < items.length; k++) {
    const cur = items[k]!;
    const next = items[k + 1];
    if (!next) break;
    const lastText = cur.inlines.at(-1)?.text ?? '';
    const firstText = next.inlines[0]?.text ?? '';
    if (next.kind === 'cite') continue; // a note number stays with what it follows
    if (guarded(k) && next.kind === 'text') {
      const at = breakAfterValue(firstText);
      if (at !== null) next.inlines.splice(0, 1, ...split(next.inlines[0]!, at, zeroWidthBreak));
    } else if (cur.kind === 'text' && next.kind === 'value') {
      const at = breakBeforeValue(lastText);
      if (at !== null) cur.inlines.splice(cur.inlines.length - 1, 1, ...split(cur.inlines.at(-1)!, at, zeroWidthBreak));
    } else if (next.kind === 'value' && lastText && firstText && !BREAKS_ANYWAY.test([...lastText].at(-1)!) && !BREAKS_ANYWAY.test([...firstText][0]!)) {
      // A value (or its note number) right before another value.
      out[k]!.push(zeroWidthBreak());
    } else if (cur.kind === 'text' && next.kind === 'text' && longGlue(lastText, firstText)) {
      // Two runs of text glued into a stretch longer than a line may hold.
      out[k]!.push(zeroWidthBreak());
    }
  }
  return items.flatMap((g, k) => [...g.inlines, ...out[k]!]);
}

/** A stretch without a break longer than this (characters) is no word: it gets a break every BROKEN_EVERY characters. */
const NO_WORD = 40;
const BROKEN_EVERY = 20;

/**
 * Text with a zero-width break (U+200B) every BROKEN_EVERY characters of a stretch with no break
 * longer than NO_WORD (a pasted URL, 175 closing quotes, a row of "A"): pdfmake cuts such a stretch
 * itself, but in a paragraph with a first-line indent (the 简报's) every cut piece was indented and as
 * wide as the whole line, and ran past the margin. Words of any language are shorter and left whole.
 */
export function breakLongWords(text: string): string {
  if ([...text].length <= NO_WORD) return text;
  let out = '';
  let run: string[] = [];
  const flush = (): void => {
    out += run.length > NO_WORD ? run.map((c, i) => (i > 0 && i % BROKEN_EVERY === 0 ? `\u200b${c}` : c)).join('') : run.join('');
    run = [];
  };
  for (const ch of text) {
    if (LETTER_BREAKS.test(ch)) {
      flush();
      out += ch;
    } else run.push(ch);
  }
  flush();
  return out;
}

/** Whether two texts glued together make a stretch longer than a line may hold (see LONG_STRETCH). */
function longGlue(before: string, after: string): boolean {
  const [end, start] = [stretch(before, 'end'), stretch(after, 'start')];
  return end > 0 && start > 0 && (end >= LONG_STRETCH || start >= LONG_STRETCH);
}

/**
 * The runs of one text (a run per font: "Z" in Noto Serif SC, then 175 closing quotes in Noto Sans),
 * with a zero-width break between two glued into a long stretch: pdfmake cuts a run wider than the
 * line, never a word made of several runs.
 */
export function breakLongStretches<T extends Inline>(runs: readonly T[], zeroWidthBreak: () => T): T[] {
  return runs.flatMap((r, i) => (i > 0 && longGlue(runs[i - 1]!.text, r.text) ? [zeroWidthBreak(), r] : [r]));
}

/** An inline cut at `at` with a zero-width break between the halves (empty halves left out). */
function split(inline: Inline, at: number, zeroWidthBreak: () => Inline): Inline[] {
  const before = inline.text.slice(0, at);
  const after = inline.text.slice(at);
  return [...(before ? [{ ...inline, text: before }] : []), zeroWidthBreak(), ...(after ? [{ ...inline, text: after }] : [])];
}
