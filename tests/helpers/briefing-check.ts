/**
 * The briefing invariants, read back from the PDF with poppler as a person's tools would:
 * every string the document model prints is in the PDF's text (whitespace and line breaks aside),
 * and no word lies outside the page's content area (the running header and footer keep to their
 * bands, on one line each).
 */
import fs from 'node:fs';
import path from 'node:path';
import { cleanForPrint } from '../../electron/services/briefing/glyphs';
import { PAGE, TAIL_ABOVE, tailKeptWhole, type PageFrame } from '../../electron/services/briefing/pdf';
import { printedTexts } from '../../electron/services/briefing/render';
import { bulletinTailLines, walkBlocks, type Block, type BriefingDocument, type Line } from '../../shared/document';
import { horizontalRules, pdfPages, pdfTextIn, pdfWords } from './pdf';

const REPORT_PAGE = PAGE;

/** What comparing ignores: every kind of white space, and the joiners and selectors an emoji ligature swallows. */
export function squash(text: string): string {
  return cleanForPrint(text).replace(/\s|\u00a0|\u200d|\ufe0f|\u20e3/gu, '');
}

/** The words of every page's content area, in drawing order, pages joined (white space squashed out of each). */
export function bodyWords(file: string): string[] {
  const pages = pdfPages(file);
  const box = { x: 0, y: PAGE.top - 6, width: PAGE.width, height: PAGE.height - PAGE.top - PAGE.bottom + 10 };
  let out = '';
  for (let p = 1; p <= pages; p++) out += `${pdfTextIn(file, p, box)}\n`;
  return out.split(/\s+/).map(squash).filter(Boolean);
}

/**
 * Whether `s` is printed: found whole in the text, or — when a table row or paragraph breaks across a
 * page, and the row's other cells, the footer and the repeated header row are drawn between its
 * halves — as consecutive whole words, in order, starting with the end of one word and ending with
 * the start of another, with only other words between the pieces.
 */
export function isPrinted(s: string, joined: string, words: readonly string[]): boolean {
  if (joined.includes(s)) return true;
  const MAX_GAP = 400;
  // (position in s, next word index) pairs already known not to lead to a match: a greedy choice can
  // take a word that merely starts the rest (a table row's "petrochemicals" for a footnote's
  // "petrochemicals, modern …"), so the search backtracks, and remembers its dead ends.
  const dead = new Set<string>();
  const from = (p: number, j: number): boolean => {
    if (p >= s.length) return true;
    const key = `${p}:${j}`;
    if (dead.has(key)) return false;
    const rest = s.slice(p);
    for (let k = j; k < Math.min(words.length, j + MAX_GAP); k++) {
      const w = words[k]!;
      if (w.startsWith(rest)) return true;
      if (rest.startsWith(w) && from(p + w.length, k + 1)) return true;
    }
    dead.add(key);
    return false;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    for (let k = Math.min(w.length, s.length); k >= 1; k--) {
      if (s.startsWith(w.slice(w.length - k)) && from(k, i + 1)) return true;
    }
  }
  return false;
}

export interface Violation {
  what: string;
  detail: string;
}

/** Every printed body string must be found in the body text; the footer and marking in their bands. */
export function missingStrings(file: string, model: BriefingDocument): Violation[] {
  const words = bodyWords(file);
  const body = words.join('');
  const out: Violation[] = [];
  const footerTexts = new Set(model.footer.flatMap((r) => (r.t === 'text' ? [r.text] : [])));
  for (const t of printedTexts(model)) {
    if (t.text === model.running || t.text === model.marking || footerTexts.has(t.text)) continue;
    const s = squash(t.text);
    if (s && !isPrinted(s, body, words)) out.push({ what: 'missing', detail: `${t.from ? `${JSON.stringify(t.from.entity.slice(0, 40))} · ${t.from.field}: ` : '(template) '}${JSON.stringify(t.text.slice(0, 80))}${t.text.length > 80 ? '…' : ''} (${t.text.length} chars)` });
  }
  const pages = pdfPages(file);
  const top = pdfTextIn(file, 1, { x: 0, y: 0, width: PAGE.width, height: PAGE.top - 6 }) + (pages > 1 ? pdfTextIn(file, 2, { x: 0, y: 0, width: PAGE.width, height: PAGE.top - 6 }) : '');
  if (model.marking && !squash(top).includes(squash(model.marking))) out.push({ what: 'marking', detail: model.marking });
  return out;
}

/** Words outside the content area, or a header or footer that wrapped onto a second line (`PAGE`: the page of the layout, pdf.ts pageOf). */
export function wordsOutside(file: string, PAGE: PageFrame = REPORT_PAGE): Violation[] {
  const { pages, words } = pdfWords(file);
  const out: Violation[] = [];
  const left = PAGE.left - 1.5;
  // Closing CJK punctuation after a word pdfmake had to cut may hang a few points into the margin, as in print.
  const right = PAGE.width - PAGE.right + 4;
  const contentTop = PAGE.top - 3;
  const contentBottom = PAGE.height - PAGE.bottom + 3;
  const headerLines = new Map<number, Set<number>>();
  const footerLines = new Map<number, Set<number>>();
  for (const w of words) {
    const page = pages[w.page - 1]!;
    if (Math.abs(page.width - PAGE.width) > 1 || Math.abs(page.height - PAGE.height) > 1) out.push({ what: 'page size', detail: `page ${w.page}: ${page.width}×${page.height}` });
    if (w.xMin < left || w.xMax > right) out.push({ what: 'outside left/right', detail: `page ${w.page} "${w.text}" x ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)}` });
    if (w.yMin >= contentTop - 0.5 && w.yMax <= contentBottom) continue;
    if (w.yMax <= contentTop && w.yMin >= PAGE.headerTop - 4) {
      headerLines.set(w.page, (headerLines.get(w.page) ?? new Set()).add(Math.round(w.yMin)));
      continue;
    }
    if (w.yMin >= PAGE.height - PAGE.bottom + PAGE.footerGap - 4 && w.yMax <= PAGE.height) {
      footerLines.set(w.page, (footerLines.get(w.page) ?? new Set()).add(Math.round(w.yMin)));
      continue;
    }
    out.push({ what: 'outside top/bottom', detail: `page ${w.page} "${w.text}" y ${w.yMin.toFixed(1)}–${w.yMax.toFixed(1)}` });
  }
  // One line each: a header or footer that wraps shows words on two different baselines (±2 pt for superscripts and mixed fonts).
  for (const [name, lines] of [['header', headerLines], ['footer', footerLines]] as const) {
    for (const [page, ys] of lines) {
      const sorted = [...ys].sort((a, b) => a - b);
      if (sorted.length > 0 && sorted[sorted.length - 1]! - sorted[0]! > 3) out.push({ what: `${name} wraps`, detail: `page ${page}: lines at ${sorted.join(', ')}` });
    }
  }
  return out;
}

/** Writes a failing document next to the test results, so a person can look at it. */
export function keepForInspection(pdf: Buffer, name: string, dir: string, extension = 'pdf'): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.${extension}`);
  fs.writeFileSync(file, pdf);
  return file;
}

// ---- 简报 print rules (issue 10): what must never end a page ------------------------------------

/** A line's printed text (its cites left out). */
function lineText(line: Line): string {
  return line.map((r) => (r.t === 'text' ? r.text : '')).join('');
}

/** Compared without white space or digits (note numbers print as digits beside a caption or value). */
const bare = (s: string): string => squash(s).replace(/[0-9]/g, '');

/**
 * Headings, captions, table header rows and a note's source line that end a page's body (a heading whose text went on, or
 * with its category line, a caption whose table or chart did, a header row whose first row did, a source line whose quoted
 * passage did): each is the last line of its
 * page (or, wrapped, the last two). `frame`: the page of the layout.
 */
export function strandedLines(file: string, model: BriefingDocument, frame: PageFrame): Violation[] {
  const kept: string[] = [];
  let previous: Block | undefined;
  for (const b of walkBlocks(model.blocks)) {
    // An industry's category line under its name is the heading's own: the two ending a page strand the heading.
    if (b.type === 'paragraph' && b.style === 'meta' && previous?.type === 'heading') kept.push(lineText(b.runs));
    previous = b;
    if (b.type === 'heading') kept.push(lineText([...b.runs, ...(b.second ?? [])]));
    if (b.type === 'paragraph' && b.style === 'caption') kept.push(lineText(b.runs));
    if (b.type === 'chart') kept.push(lineText(b.caption));
    if (b.type === 'table') for (let i = 0; i < Math.max(...b.header.map((c) => c.lines.length)); i++) kept.push(b.header.map((c) => lineText(c.lines[i] ?? [])).join(''));
    // A source's line with its quoted passages after it: "1. China Daily，…" at a page's foot, its passage on the next.
    if (b.type === 'notes') for (const item of b.items) if (item.lines.length > 1) kept.push(lineText(item.lines[0]!));
  }
  const candidates = kept.map(bare).filter((k) => k.length >= 4);
  const { pages, words } = pdfWords(file);
  // The table of contents lists the headings, the last of them at its page's foot: not a heading stranded there.
  const contents = [...walkBlocks(model.blocks)].flatMap((b) => (b.type === 'contents' ? [bare(lineText(b.title))] : []));
  const out: Violation[] = [];
  for (let p = 1; p <= pages.length; p++) {
    const body = words.filter((w) => w.page === p && w.yMin >= frame.top - 3 && w.yMax <= frame.height - frame.bottom + 3);
    const top = Math.min(...body.map((w) => w.yMin));
    if (contents.some((title) => bare(body.filter((w) => w.yMin <= top + 6).map((w) => w.text).join('')) === title)) continue;
    // Lines from the bottom up (a superscript sits a few points above its line).
    const lines: string[] = [];
    let rest = body;
    while (rest.length > 0 && lines.length < 2) {
      const y = Math.max(...rest.map((w) => w.yMax));
      lines.push(bare(rest.filter((w) => w.yMax >= y - 6).sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join('')));
      rest = rest.filter((w) => w.yMax < y - 6);
    }
    const [last = '', before = ''] = lines;
    if (last === '') continue;
    const hit = candidates.find((k) => k === last || (k.endsWith(last) && `${before}${last}`.endsWith(k)));
    if (hit !== undefined) out.push({ what: 'stranded', detail: `page ${p} ends with "${hit}"` });
  }
  return out;
}

/**
 * Where the 简报's tail (版记) printed, against GB/T 9704: on the last page, its closing rule on the
 * type area's last line (within 2 pt of its foot), and — when it is short enough to be kept whole — not
 * split over two pages. A long tail that runs over is not checked for its place. No tail, nothing to say.
 */
export function tailPlacement(file: string, model: BriefingDocument, frame: PageFrame): Violation[] {
  const tail = model.blocks.find((b) => b.type === 'bulletinTail');
  if (tail?.type !== 'bulletinTail') return [];
  const lines = bulletinTailLines(tail);
  if (lines.length === 0) return [];
  const pages = pdfPages(file);
  const box = { x: 0, y: frame.top - 6, width: frame.width, height: frame.height - frame.top - frame.bottom + 10 };
  const texts = Array.from({ length: pages }, (_, i) => squash(pdfTextIn(file, i + 1, box)));
  // The tail's first line's start and last line's end, searched from the end (the tail is the
  // document's last block); a long line runs over a page (抄送 of fifty offices).
  const pageOf = (l: (typeof lines)[number], end: boolean): number => {
    const line = squash(`${l.label}${l.text}`);
    const key = end ? line.slice(-8) : line.slice(0, 8);
    return texts.findLastIndex((t) => t.includes(key)) + 1;
  };
  const [first, last] = [pageOf(lines[0]!, false), pageOf(lines.at(-1)!, true)];
  const out: Violation[] = [];
  const kept = tailKeptWhole(tail);
  if (first === 0 || last === 0) return [{ what: 'tail', detail: `not found (first line on page ${first}, last on ${last})` }];
  if (last !== pages) out.push({ what: 'tail', detail: `ends on page ${last} of ${pages}` });
  if (first !== last) {
    // Split is a fault when the renderer meant to keep it whole (its estimate, `kept`) and it measures short enough on the
    // pages; a tail the estimate calls long is let run over (one that would fit is not yet flagged).
    const { words } = pdfWords(file);
    const foot = frame.height - frame.bottom;
    const body = (p: number) => words.filter((w) => w.page === p && w.yMin >= frame.top - 6 && w.yMax <= foot + 3);
    const lineOf = (p: number, l: (typeof lines)[number], end: boolean) => {
      const line = squash(`${l.label}${l.text}`);
      const key = end ? line.slice(-8) : line.slice(0, 8);
      // The page's lines top to bottom, joined: the key may run over from one line to the next.
      const rows: (typeof words)[] = [];
      for (const w of [...body(p)].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin)) {
        const row = rows.at(-1);
        if (row && w.yMax - row[0]!.yMax < 6) row.push(w);
        else rows.push([w]);
      }
      const texts = rows.map((r) => squash(r.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join('')));
      const joined = texts.join('');
      const at = end ? joined.lastIndexOf(key) + key.length - 1 : joined.indexOf(key);
      if (at < 0 || (end && at < key.length - 1)) return undefined;
      let offset = 0;
      return rows.find((_, i) => (offset += texts[i]!.length) > at);
    };
    const start = lineOf(first, lines[0]!, false);
    const end = lineOf(last, lines.at(-1)!, true);
    if (!start || !end) return [{ what: 'tail', detail: `its first or last line not found on pages ${first}–${last}` }];
    // From its first rule (with the space kept above it) to its closing rule, less the foot left empty on the first page.
    const top = Math.min(...start.map((w) => w.yMin));
    const bottom = Math.max(...end.map((w) => w.yMax));
    const opening = horizontalRules(file, first, frame.top - 3, top).at(-1)?.y ?? top;
    const closing = horizontalRules(file, last, bottom, foot + 3)[0]?.y ?? bottom;
    const height = TAIL_ABOVE + Math.max(...body(first).map((w) => w.yMax)) - opening + (last - first - 1) * (foot - frame.top) + closing - frame.top;
    const fits = height <= foot - frame.top;
    if (kept && fits) out.push({ what: 'tail', detail: `split over pages ${first}–${last}` });
    // One too long for a page runs over from where the body ends, never from the head of a page of its own
    // when the page before had room for its space, its rule and its first line (two lines, to be safe).
    else if (!body(first).some((w) => w.yMax < top - 3) && first > 1) {
      const room = foot - Math.max(...body(first - 1).map((w) => w.yMax));
      const line = Math.max(...start.map((w) => w.yMax - w.yMin));
      if (room >= TAIL_ABOVE + 2 * line) out.push({ what: 'tail', detail: `${height.toFixed(0)} pt long, begins page ${first} with nothing above it, ${room.toFixed(0)} pt left on page ${first - 1}` });
    }
    return out;
  }
  const foot = frame.height - frame.bottom;
  const closing = horizontalRules(file, pages, frame.top, frame.height).at(-1);
  if (!closing || Math.abs(closing.y - foot) > 2) out.push({ what: 'tail', detail: `closing rule at ${closing?.y ?? '—'} pt, the type area ends at ${foot.toFixed(1)} pt (page ${pages})` });
  return out;
}

/**
 * Words printed over one another (a chart's legend over its first label, as the bilingual tier chart
 * printed its two-line legend): two words of a page whose boxes cross by more than a point across and
 * by more than half the shorter one's height (the boxes are the fonts' full heights, so the lines of a
 * two-line label touch without overlapping that much).
 */
export function overlappingWords(file: string): Violation[] {
  const { words } = pdfWords(file);
  const out: Violation[] = [];
  const byPage = new Map<number, typeof words>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const [page, list] of byPage) {
    const sorted = [...list].sort((a, b) => a.xMin - b.xMin);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      for (let j = i + 1; j < sorted.length && sorted[j]!.xMin < a.xMax - 1; j++) {
        const b = sorted[j]!;
        const across = Math.min(a.xMax, b.xMax) - b.xMin;
        const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (across > 1 && down > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) out.push({ what: 'overlap', detail: `page ${page}: “${a.text}” and “${b.text}”` });
      }
    }
  }
  return out;
}

/** Pages with nothing printed in their body (a page number alone): a reader takes them for a fault. */
export function emptyPages(file: string, frame: PageFrame): Violation[] {
  const { pages, words } = pdfWords(file);
  const body = (w: (typeof words)[number]): boolean => w.yMin >= frame.top - 6 && w.yMax <= frame.height - frame.bottom + 6;
  return pages.flatMap((_, i) => (words.some((w) => w.page === i + 1 && body(w)) ? [] : [{ what: 'empty page', detail: `page ${i + 1} of ${pages.length}` }]));
}

/** The page whose body holds `text` (white space aside), or 0. */
export function pageHolding(file: string, text: string, frame: PageFrame): number {
  const pages = pdfPages(file);
  const box = { x: 0, y: frame.top - 6, width: frame.width, height: frame.height - frame.top - frame.bottom + 10 };
  for (let p = 1; p <= pages; p++) if (squash(pdfTextIn(file, p, box)).includes(squash(text))) return p;
  return 0;
}

/**
 * The English words (four letters or more) of `texts` that a PDF prints cut in two at a line's end
 * ("reac" / "hed", as LibreOffice did with Latin runs marked Chinese): a word whose two pieces are both
 * printed words and neither a word of the texts. Returns the words looked at too, so a test can say
 * there were enough.
 */
export function englishWordsCut(file: string, texts: readonly string[]): { english: string[]; cut: string[] } {
  const bareWord = (w: string): string => w.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
  const printed = new Set(pdfWords(file).words.map((w) => bareWord(w.text)));
  const words = texts.flatMap((t) => t.split(/\s+/)).map(bareWord);
  const english = words.filter((w) => /^[A-Za-z]{4,}$/.test(w));
  // Every word the document prints, short ones too: "areas" is not cut where "are" and "as" are words of its own text.
  const vocabulary = new Set(words);
  const cut = english.filter((w) => [...w].some((_, i) => i >= 2 && i <= w.length - 2 && printed.has(w.slice(0, i)) && printed.has(w.slice(i)) && !vocabulary.has(w.slice(0, i)) && !vocabulary.has(w.slice(i))));
  return { english, cut: [...new Set(cut)] };
}

/**
 * Where the blocks of a report landed, read back from the PDF: each block's page, found by its opening
 * text (a table by each row's first cell) in the pages' body text in drawing order, searching forward
 * from where the block before it was found — so a name printed twice (a chart's label, a row) is found
 * where the document put it. The contents are passed over (they list every heading). A block not
 * found (its opening printed otherwise than in the model, e.g. cut by a line's end inside an unbroken
 * word) has page 0, and the search goes on from where it was.
 */
export interface PlacedBlock {
  block: Block;
  page: number;
  /** A table's rows, each row's page. */
  rows?: number[];
}

export function placeBlocks(file: string, model: BriefingDocument, frame: PageFrame): PlacedBlock[] {
  const pages = pdfPages(file);
  const box = { x: 0, y: frame.top - 6, width: frame.width, height: frame.height - frame.top - frame.bottom + 10 };
  const texts = Array.from({ length: pages }, (_, i) => squash(pdfTextIn(file, i + 1, box)));
  let page = 1;
  let at = 0;
  const find = (text: string): number => {
    const key = squash(text).slice(0, 12);
    if (key === '') return 0;
    for (let p = page; p <= pages; p++) {
      const i = texts[p - 1]!.indexOf(key, p === page ? at : 0);
      if (i >= 0) {
        page = p;
        at = i + key.length;
        return p;
      }
    }
    return 0;
  };
  const out: PlacedBlock[] = [];
  for (const block of model.blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        out.push({ block, page: find(lineText(block.runs)) });
        break;
      case 'list':
        out.push({ block, page: find(lineText(block.items[0]?.runs ?? [])) });
        break;
      case 'figures':
        out.push({ block, page: find(lineText(block.items[0]?.label[0] ?? [])) });
        break;
      case 'chart':
        out.push({ block, page: find(lineText(block.caption)) });
        break;
      case 'table': {
        const rows = block.rows.map((r) => find(r[0]?.lines.map(lineText).join('') ?? ''));
        out.push({ block, page: rows[0] ?? 0, rows });
        break;
      }
      case 'contents': {
        // Past the contents: the last heading it lists, then the next page.
        find(lineText(block.title));
        const headings = model.blocks.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.toc);
        const last = headings.at(-1);
        if (last && find(lineText(last.runs)) > 0) {
          page += 1;
          at = 0;
        }
        out.push({ block, page });
        break;
      }
      default:
        out.push({ block, page: 0 });
    }
  }
  return out;
}

/**
 * Tables whose last page carries fewer than `widows` of their rows, though the table has rows enough
 * to carry more (at least twice as many).
 */
export function widowRows(placed: readonly PlacedBlock[], widows: number): Violation[] {
  const out: Violation[] = [];
  for (const p of placed) {
    // A short table spares fewer (half its rows): four rows break two and two, not three and one.
    const spare = p.rows ? Math.min(widows, Math.floor(p.rows.length / 2)) : 0;
    if (p.block.type !== 'table' || !p.rows || spare < 2 || p.rows.includes(0)) continue;
    const last = p.rows.at(-1)!;
    const carried = p.rows.filter((r) => r === last).length;
    if (last !== p.rows[0] && carried < spare) out.push({ what: 'widow rows', detail: `the table of "${lineText(p.block.rows[0]![0]!.lines[0] ?? [])}" … ends with ${carried} row(s) alone on page ${last}` });
  }
  return out;
}

/**
 * Headings whose section goes on to the next page with less than `minLines` lines of it below the
 * heading on its own page: no table, chart, list or figures of it there, only paragraphs shorter than
 * that (measured at `lineWidth` in the body size, as the document sets them). Sub-headings are part
 * of a section, not its body.
 */
export function thinSectionStarts(placed: readonly PlacedBlock[], minLines: number, lineWidth: (text: string) => number): Violation[] {
  const out: Violation[] = [];
  placed.forEach((h, i) => {
    if (h.block.type !== 'heading' || h.page === 0) return;
    const level = h.block.level;
    const section: PlacedBlock[] = [];
    for (const p of placed.slice(i + 1)) {
      if (p.block.type === 'heading' && p.block.level <= level) break;
      if (p.block.type === 'pageBreak') break;
      section.push(p);
    }
    const body = section.filter((p) => p.block.type !== 'heading' && p.block.type !== 'rule');
    if (body.length === 0 || body.some((p) => p.page === 0)) return;
    const lastPage = Math.max(...body.map((p) => (p.rows ? Math.max(...p.rows) : p.page)));
    if (lastPage === h.page) return;
    const here = body.filter((p) => p.page === h.page);
    if (here.some((p) => p.block.type !== 'paragraph')) return;
    const lines = here.reduce((n, p) => n + (p.block.type === 'paragraph' ? lineWidth(lineText(p.block.runs)) : 0), 0);
    if (lines < minLines) out.push({ what: 'thin section start', detail: `"${lineText(h.block.runs)}" on page ${h.page} has ${lines} line(s) of its section under it; the rest is on page ${lastPage}` });
  });
  return out;
}
