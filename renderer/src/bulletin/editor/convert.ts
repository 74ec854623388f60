/**
 * The stored blocks (shared/bulletin.ts) ⇄ the editor's document (ProseMirror JSON of nodes.ts). Pure
 * functions over plain JSON: no DOM, no editor instance.
 *
 * From blocks to the editor every valid block is kept as it is. From the editor to blocks the result
 * always parses with BulletinBlock, by these rules:
 * - adjacent text runs with the same emphasis are merged; a run is bold only when true (never `bold: false`);
 * - empty paragraphs and empty headings are left out (blank lines do not print);
 * - a run over 20,000 characters is split into runs of at most 20,000; a paragraph of more than 500
 *   inlines is split into paragraphs of at most 500; a heading over 200 characters keeps its first 200
 *   and the rest follows as a paragraph — nothing typed is lost, and no split cuts a surrogate pair;
 * - a node whose attributes do not make a valid block or reference (only a damaged paste can make one:
 *   the dialogs check what they insert) is left out, as is any node type the format does not know.
 * So blocks → editor → blocks is the identity on canonical blocks (what this direction produces), and
 * any other valid blocks come back in their canonical form.
 */
import type { JSONContent } from '@tiptap/core';
import { BulletinBlock, BulletinInline } from '../../../../shared/bulletin';
import { CHART, FIGURE_REF, QUOTE, TABLE } from './nodes';

export const RUN_MAX = 20000;
export const INLINES_MAX = 500;
export const HEADING_MAX = 200;

type TextRun = Extract<BulletinInline, { type: 'text' }>;

export function blocksToDoc(blocks: readonly BulletinBlock[]): JSONContent {
  const content = blocks.map(blockToNode);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function blockToNode(block: BulletinBlock): JSONContent {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', attrs: { level: block.level }, ...(block.text ? { content: [{ type: 'text', text: block.text }] } : {}) };
    case 'paragraph': {
      const content = block.content.flatMap(inlineToNode);
      return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
    }
    case 'chart':
      return { type: CHART, attrs: { chart: structuredClone(block.chart), caption: block.caption } };
    case 'table':
      return { type: TABLE, attrs: { caption: block.caption, figureIds: [...block.figureIds], accepted: structuredClone(block.accepted) } };
    case 'quote':
      return { type: QUOTE, attrs: { sourceId: block.sourceId, text: block.text } };
  }
}

function inlineToNode(inline: BulletinInline): JSONContent[] {
  if (inline.type === 'figure') return [{ type: FIGURE_REF, attrs: { figureId: inline.figureId, accepted: structuredClone(inline.accepted) } }];
  if (inline.text === '') return []; // ProseMirror has no empty text nodes
  return [{ type: 'text', text: inline.text, ...(inline.bold ? { marks: [{ type: 'bold' }] } : {}) }];
}

export function docToBlocks(doc: JSONContent): BulletinBlock[] {
  return (doc.content ?? []).flatMap(nodeToBlocks);
}

/** A top-level node of the editor's document, as ProseMirror gives it (unchanged nodes stay the same object across edits). */
export interface DocChildren {
  forEach(f: (node: { toJSON(): unknown }) => void): void;
}

/**
 * docToBlocks for an editor after each edit: the blocks of a top-level node that did not change are
 * reused (ProseMirror keeps it as the same object), so an edit converts only what it touched. The
 * result equals docToBlocks of the whole document (a test checks it).
 */
export class BlockReader {
  private readonly cache = new WeakMap<object, BulletinBlock[]>();

  read(doc: DocChildren): BulletinBlock[] {
    const out: BulletinBlock[] = [];
    doc.forEach((node) => {
      let blocks = this.cache.get(node);
      if (!blocks) {
        blocks = nodeToBlocks(node.toJSON() as JSONContent);
        this.cache.set(node, blocks);
      }
      out.push(...blocks);
    });
    return out;
  }
}

/** Same stored blocks? Cheap when they share objects (BlockReader's reuse, a page handing back what it got). */
export function sameBlocks(a: readonly BulletinBlock[], b: readonly BulletinBlock[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i] || JSON.stringify(x) === JSON.stringify(b[i])));
}

function nodeToBlocks(node: JSONContent): BulletinBlock[] {
  switch (node.type) {
    case 'heading':
      return headingBlocks(node);
    case 'paragraph':
      return paragraphBlocks(inlinesOf(node));
    default: {
      const block = blockOfNode(node);
      return block ? [block] : [];
    }
  }
}

/** The block a chart, table or quotation node stands for; null when its attributes do not make a valid one. */
export function blockOfNode(node: JSONContent): BulletinBlock | null {
  const a = node.attrs ?? {};
  const candidate =
    node.type === CHART
      ? { type: 'chart', chart: a.chart, caption: a.caption }
      : node.type === TABLE
        ? { type: 'table', caption: a.caption, figureIds: a.figureIds, accepted: a.accepted }
        : node.type === QUOTE
          ? { type: 'quote', sourceId: a.sourceId, text: a.text }
          : null;
  const parsed = BulletinBlock.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** The attributes of the node standing for a chart, table or quotation block. */
export function nodeOfBlock(block: Extract<BulletinBlock, { type: 'chart' | 'table' | 'quote' }>): JSONContent {
  return blockToNode(block);
}

function headingBlocks(node: JSONContent): BulletinBlock[] {
  const text = (node.content ?? []).map((n) => (n.type === 'text' ? (n.text ?? '') : '')).join('');
  if (text === '') return [];
  const level = node.attrs?.level === 1 ? 1 : 2;
  const cut = safeCut(text, HEADING_MAX);
  const heading: BulletinBlock = { type: 'heading', level, text: text.slice(0, cut) };
  return cut < text.length ? [heading, ...paragraphBlocks([{ type: 'text', text: text.slice(cut) }])] : [heading];
}

/** The paragraph's inlines, runs merged and split to the limit. */
function inlinesOf(node: JSONContent): BulletinInline[] {
  const out: BulletinInline[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'text') {
      const text = child.text ?? '';
      if (text === '') continue;
      const bold = (child.marks ?? []).some((m) => m.type === 'bold');
      const last = out[out.length - 1];
      if (last?.type === 'text' && (last.bold ?? false) === bold) last.text += text;
      else out.push(bold ? { type: 'text', text, bold: true } : { type: 'text', text });
    } else if (child.type === FIGURE_REF) {
      const parsed = BulletinInline.safeParse({ type: 'figure', figureId: child.attrs?.figureId, accepted: child.attrs?.accepted });
      if (parsed.success) out.push(parsed.data);
    }
  }
  return out.flatMap((inline): BulletinInline[] => (inline.type === 'text' ? splitRun(inline) : [inline]));
}

function splitRun(run: TextRun): TextRun[] {
  const parts: TextRun[] = [];
  let rest = run.text;
  while (rest.length > RUN_MAX) {
    const cut = safeCut(rest, RUN_MAX);
    parts.push({ ...run, text: rest.slice(0, cut) });
    rest = rest.slice(cut);
  }
  parts.push({ ...run, text: rest });
  return parts;
}

function paragraphBlocks(inlines: BulletinInline[]): BulletinBlock[] {
  const out: BulletinBlock[] = [];
  for (let i = 0; i < inlines.length; i += INLINES_MAX) out.push({ type: 'paragraph', content: inlines.slice(i, i + INLINES_MAX) });
  return out;
}

/** Where to cut a string at most `max` UTF-16 units long without splitting a surrogate pair. */
function safeCut(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/**
 * A numbered list's numbers written into its items ("1. 加快…"), each list counted on its own from its `start`:
 * the body holds no lists, and an item pasted as a paragraph lost its number ("第2条" then named nothing).
 */
function numberedLists(html: string): string {
  const lists: { ordered: boolean; n: number }[] = [];
  return html.replace(/<(\/?)(ol|ul|li)\b([^>]*)>/giu, (tag, close: string, name: string, attrs: string) => {
    const kind = name.toLowerCase();
    if (kind === 'li') {
      const list = lists[lists.length - 1];
      return close || !list?.ordered ? tag : `${tag}${++list.n}. `;
    }
    if (close) lists.pop();
    else lists.push({ ordered: kind === 'ol', n: Number(/\bstart\s*=\s*["']?(-?\d+)/i.exec(attrs)?.[1] ?? 1) - 1 });
    return tag;
  });
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * A pasted <sup> of digits: a note number of the copied document is left out — this issue numbers its
 * own notes, and "产值1" read as part of the number; an exponent (m², 10⁸: a digit right after a Latin
 * letter or digit, not linked, bracketed or in a note's style) is kept as superscript digits. Every
 * such <sup> was left out: "12万m²" printed "12万m", "10⁸元" "10元".
 */
function pastedSup(html: string): string {
  return html.replace(/(<a\b[^>]*>\s*)?<sup\b([^>]*)>((?:(?!<\/sup>)[\s\S])*)<\/sup>/giu, (whole, link: string | undefined, attrs: string, inner: string, at: number) => {
    const text = inner.replace(/<[^>]*>/g, '');
    if (!/^[\d,，\s*†‡[\]（）()]+$/u.test(text) || !/\d/.test(text)) return whole;
    const before = html.slice(0, at).replace(/<[^>]*>/g, '').slice(-1);
    const note = link !== undefined || /<a\b/i.test(inner) || /[[\]（）()*†‡,，]/u.test(text) || /foot|end|note|ref/i.test(attrs + inner) || !/^[A-Za-z0-9]$/.test(before);
    return note ? (link ?? '') : text.trim().replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
  });
}

/**
 * Pasted HTML made fit for the 简报's body: a table's rows become paragraphs with their cells set apart
 * by an ideographic space (the body holds no pasted tables, and the cells ran together: "单元格A单元格B"),
 * the copied document's note numbers left out, its exponents kept (pastedSup), and a numbered list's
 * numbers kept in its items (numberedLists).
 */
export function pastedHtml(html: string): string {
  return numberedLists(pastedSup(html))
    .replace(/<\/?(?:table|thead|tbody|tfoot|colgroup|col|caption)\b[^>]*>/giu, '')
    .replace(/<tr\b[^>]*>/giu, '<p>')
    .replace(/<\/tr>/giu, '</p>')
    .replace(/<t[dh]\b[^>]*>/giu, '')
    .replace(/<\/t[dh]>/giu, '\u3000')
    .replace(/\u3000\s*<\/p>/gu, '</p>');
}
