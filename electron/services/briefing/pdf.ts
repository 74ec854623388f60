/**
 * The PDF writer of the briefing document model: a plain function from a BriefingDocument to a
 * pdfmake document definition. Nothing it makes can be silently dropped by pdfmake's layout: no
 * block is "unbreakable" and no table row is kept whole (pdfmake drops what does not fit on one
 * page of such a block); headings, captions and short paragraphs are kept with what follows them,
 * and short paragraphs are kept whole, through pdfmake's pageBreakBefore, which moves, never cuts.
 */
import type { EChartsOption } from 'echarts';
import type { Content, CustomTableLayout, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { CHART_COLORS } from '../../../shared/charts/style';
import { BULLETIN_RED, DATES_JOINED, bulletinTailLines, citeMark, type Block, type BriefingDocument, type BulletinHead, type BulletinTail, type Cell, type ChartSpec, type Line, type RunStyle } from '../../../shared/document';
import { chartOptionFor } from './chart-option';
import { FONT_FAMILY, KAI_FONT, PRIMARY_FONT, SERIF_FONT, kaiGlyphs, serifGlyphs } from './fonts';
import { cleanForPrint, glyphCoverage, unjoinedEmoji } from './glyphs';
import { breakLongStretches, breakLongWords, breakableGlue, type Inline, type InlineGroup } from './glue-breaks';
import { fitText, measureText, tailLabelChars } from './measure';
import { turnedTitle } from './title-lines';

/** Draws a chart as SVG; `key` names every input of `option` (so a renderer may reuse a drawing). */
export type ChartRenderer = (key: string, option: () => EChartsOption, size: { width: number; height: number }) => string;

/** The page: A4, margins in points; the header and footer live in the top and bottom margins. */
export const PAGE = { width: 595.28, height: 841.89, left: 56, right: 56, top: 64, bottom: 56, headerTop: 26, footerGap: 20 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const mm = (v: number): number => Math.round((v * 72 * 100) / 25.4) / 100;
/**
 * The 简报's page: A4 with the margins of GB/T 9704-2012 (top 37 mm, bottom 35 mm, left 28 mm, right
 * 26 mm); the page number ("— 1 —") sits 7 mm below the body, at the outside edge.
 */
export const BULLETIN_PAGE = { width: PAGE.width, height: PAGE.height, left: mm(28), right: mm(26), top: mm(37), bottom: mm(35), headerTop: 26, footerGap: mm(7) } as const;
export type PageFrame = typeof PAGE | typeof BULLETIN_PAGE;

/** The page of a layout. */
export function pageOf(layout: BriefingDocument['layout']): PageFrame {
  return layout === 'bulletin' ? BULLETIN_PAGE : PAGE;
}

/** Body text of the 简报: 三号 (16 pt). */
const BULLETIN_BODY = 16;
/** Tables and notes of the 简报. */
const BULLETIN_SMALL = 12;
/** One character of the 简报 tail's 14 pt (四号) text. */
const TAIL_CHAR = 14;

const NAVY = CHART_COLORS.pillar;
const INK = CHART_COLORS.text;
const MUTED = CHART_COLORS.muted;
const RULE = CHART_COLORS.rule;
const MARK = '#9a1b1b';

/** The id of every node of the running header and the footer: the keep rules look past them. */
const FRAME = 'frame-';
/**
 * What a chart leaves of a page for its caption and a heading before it (each may take two lines in a
 * bilingual document): a heading moved to the next page to stay with its chart finds room for both
 * there. With only the caption's room (60 pt), a tall chart (the tier chart of every cluster) went on
 * alone and left the heading by itself on a page.
 */
const CHART_ROOM = 130;

/** A chart is drawn at 1.3× its printed size, so its 11 px labels print at about 8.5 pt. */
export const CHART_SCALE = 1.3;
export const CHART_FONT_SIZE = 11;

/** The tallest chart a page of the layout holds, in pt: its body less CHART_ROOM. A taller chart is drawn squeezed to this. */
export function chartMaxHeight(layout: BriefingDocument['layout']): number {
  const page = pageOf(layout);
  return page.height - page.top - page.bottom - CHART_ROOM;
}
/** A chart is never squeezed below this share of the type area's height for the headings above it. */
const CHART_LEAST = 0.4;

/**
 * The height chart `b` of `doc` prints at, in pt: its own, at most what a page holds less CHART_ROOM, and
 * less again what the headings straight above it take beyond CHART_ROOM (sections with nothing in them,
 * a heading of several lines). The keep rule moves those headings on with the chart, so all of them must
 * fit on its page: with five before the tier chart of every cluster, the first went to a page of its own
 * (seed 777). Measured from the model, so the PDF and the Word file draw the chart at one size.
 */
export function chartHeight(doc: BriefingDocument, b: Extract<Block, { type: 'chart' }>): number {
  const page = pageOf(doc.layout);
  const body = page.height - page.top - page.bottom;
  const width = page.width - page.left - page.right;
  const bulletin = doc.layout === 'bulletin';
  // The document's own styles (as toPdfmake sets them) give each heading's size.
  const sheet = (bulletin ? { ...styles(1), ...bulletinStyles() } : styles(doc.scale)) as Record<string, { fontSize?: number }>;
  let above = 0;
  for (let k = doc.blocks.indexOf(b) - 1; k >= 0; k--) {
    const h = doc.blocks[k]!;
    if (h.type !== 'heading') break;
    // A line 1.45 em of the face at the document's line height; 24 pt of margins, more than any heading style has;
    // the 简报's level-1 and level-2 headings indented two characters.
    const size = sheet[`h${h.level}`]!.fontSize!;
    const room = width - (bulletin && h.level < 3 ? 2 * BULLETIN_BODY : 0);
    const text = [h.runs, ...(h.second ? [h.second] : [])].map((l) => l.map((r) => (r.t === 'text' ? r.text : '00')).join('')).join('  ');
    const lines = Math.max(1, Math.ceil(measureText(text, size, true, bulletin ? 'serif' : 'sans') / room));
    above += lines * size * (bulletin ? 1.26 : 1.4) * 1.45 + 24;
  }
  const caption = bulletin ? sheet['caption']!.fontSize! * 1.26 * 1.45 * (b.second ? 2 : 1) + 12 : 40;
  const most = chartMaxHeight(doc.layout) - Math.max(0, above + caption - CHART_ROOM);
  return Math.min(b.height, Math.max(most, CHART_LEAST * body));
}

/** The ids of the 简报 tail's first and last rules (tailToFoot), and the least space above the tail. */
const TAIL_TOP = 'tailtop-';
const TAIL_END = 'tailend-';
/** The space kept above the 简报's tail (版记), in points. */
export const TAIL_ABOVE = 24;
/** The ids of the words of a tail kept whole (see keepRule). */
const TAIL_KEPT = 'tailkept-';
/**
 * Whether a 简报 tail is kept whole and set at the page's foot: when its lines, measured at the tail's
 * 14 pt, fit the type area with a line to spare (a longer one runs over a page). Counted
 * in characters (400) it let a tail of 450 short names run over, its first rule alone at one page's
 * foot, its lists on the next, not at the foot.
 */
export function tailKeptWhole(b: BulletinTail): boolean {
  const lines = bulletinTailLines(b);
  const width = BULLETIN_PAGE.width - BULLETIN_PAGE.left - BULLETIN_PAGE.right;
  const labelWidth = tailLabelChars(lines.map((l) => l.label)) * TAIL_CHAR;
  const rows = lines.reduce((sum, l) => {
    const room = width - 2 * TAIL_CHAR - (l.label ? labelWidth : 0);
    return sum + cleanForPrint(l.text).split('\n').reduce((n, seg) => n + Math.max(1, Math.ceil(measureText(seg, TAIL_CHAR, false, 'serif') / room)), 0);
  }, 0);
  // Noto Serif SC's line is 1.44 em, set at 1.4; a rule and its space between lists.
  const height = TAIL_ABOVE + rows * TAIL_CHAR * 1.4 * 1.44 + lines.length * 12;
  return height <= 0.95 * (BULLETIN_PAGE.height - BULLETIN_PAGE.top - BULLETIN_PAGE.bottom);
}
/** A rule of the 简报's tail as tailToFoot sees and changes it. */
interface TailRule {
  id: string;
  margin: [number, number, number, number];
}

/**
 * Every table row is kept whole (dontBreakRows): pdfmake loses lines of a row it splits across pages.
 * So a table holds only short, bounded text (names, metrics, values); long text (notes, annotations)
 * is set as paragraphs.
 */
export function toPdfmake(doc: BriefingDocument, renderChart: ChartRenderer): TDocumentDefinitions {
  const w = new Writer(doc, renderChart);
  const content = doc.blocks.map((b) => w.block(b));
  w.finishContents();
  const page = pageOf(doc.layout);
  const width = page.width - page.left - page.right;
  const bulletin = doc.layout === 'bulletin';
  return {
    pageSize: 'A4',
    pageMargins: [page.left, page.top, page.right, page.bottom],
    info: { title: doc.title, author: doc.author || undefined, creator: 'Cluster Brief', producer: 'Cluster Brief' },
    language: doc.lang === 'en' ? 'en' : 'zh-CN',
    // GB/T 9704: 22 lines of 28 characters a page; Noto Serif SC's line is 1.44 em, so 1.26 × gives the 28.95 pt pitch.
    defaultStyle: bulletin ? { font: SERIF_FONT, fontSize: BULLETIN_BODY, lineHeight: 1.26, color: INK } : { font: PRIMARY_FONT, fontSize: 9.5 * doc.scale, lineHeight: 1.4, color: INK },
    styles: bulletin ? { ...styles(1), ...bulletinStyles() } : styles(doc.scale),
    header: (page: number) => w.header(page),
    footer: (page: number, pages: number) => w.footer(page, pages),
    content,
    pageBreakBefore: (node, query) => w.tailToFoot(node as NodeInfo, query as unknown as KeepQuery) || keepRule(node as NodeInfo, query as unknown as KeepQuery, width, bulletin ? BULLETIN_KEEP : REPORT_KEEP, w.rowCells),
  };
}

/** What pdfmake tells the keep rule of the nodes around the one it decides on (in the current layout). */
export interface KeepQuery {
  getFollowingNodesOnPage: () => NodeInfo[];
  getNodesOnNextPage?: () => NodeInfo[];
  getPreviousNodesOnPage?: () => NodeInfo[];
}

/** The fewest rows of a table carried onto the page where the table ends (its widows), when the table is long enough to spare them. */
export const TABLE_WIDOW_ROWS = 3;

interface NodeInfo {
  id?: string;
  text?: unknown;
  svg?: unknown;
  style?: unknown;
  pageNumbers: number[];
  startPosition?: { pageNumber?: number; verticalRatio: number; pageInnerHeight: number };
  /** Whether the node is a stack (pdfmake reports it as a boolean); a columns node's columns. */
  stack?: boolean;
  columns?: unknown;
}

/** A node's printed text, from pdfmake's own copy of its text (strings and inline runs). */
function plainText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map(plainText).join('');
  if (text && typeof text === 'object' && 'text' in text) return plainText((text as { text: unknown }).text);
  return '';
}

/**
 * How the keep rule sees a paragraph: the size and face its lines are measured at, the line pitch,
 * the paragraphs short enough to be kept whole, and the fewest lines a paragraph may leave at the
 * foot of a page or carry onto the next one.
 */
export interface KeepMetrics {
  fontSize: number;
  face: 'sans' | 'serif';
  /** Baseline to baseline, in points. */
  pitch: number;
  /** A paragraph of no more lines than this is moved whole rather than split. */
  shortLines: number;
  /** Fewest lines a split may leave on either page (0: only the start is checked, within 20 pt). */
  minLines: number;
  /** Paragraph styles set at another size than the body: their size and pitch. */
  styles?: Record<string, { fontSize: number; pitch: number }>;
}

/** The reports: a paragraph of up to 8 lines (at 9.5 pt) is kept whole; a longer one moves only when its start is at the very foot. */
export const REPORT_KEEP: KeepMetrics = { fontSize: 9.5, face: 'sans', pitch: 9.5 * 1.4, shortLines: 8, minLines: 0 };
/**
 * The 简报: 22 lines a page (16 pt on a 28.95 pt pitch, see defaultStyle), so keeping 8-line paragraphs
 * whole would leave a third of a page empty. A paragraph splits where it falls, unless that would
 * leave a single line on either page (orphan, widow) or it has only 2–3 lines: then it moves whole.
 */
export const BULLETIN_KEEP: KeepMetrics = {
  fontSize: BULLETIN_BODY,
  face: 'serif',
  pitch: 28.95,
  shortLines: 3,
  minLines: 2,
  // Noto Serif SC's line is 1.44 em; the sizes and line heights of bulletinStyles().
  styles: { quote: { fontSize: 14, pitch: 14 * 1.26 * 1.44 }, notes: { fontSize: BULLETIN_SMALL, pitch: BULLETIN_SMALL * 1.35 * 1.44 }, notesSmall: { fontSize: 10.5, pitch: 10.5 * 1.25 * 1.44 } },
};

/**
 * Headings and captions move to the next page when nothing follows them on theirs, or when what
 * follows is a paragraph this rule will move (pdfmake decides each node once, in order: a heading
 * decided before its paragraph moved would stay behind alone). A short paragraph split over two pages
 * moves whole, and so does one that would leave too few lines on either page. Decided from what
 * pdfmake reports of the nodes alone (ids, pages, start, text), so laying the same definition out
 * again gives the same pages. The one thing the rule writes is the widow rule's break: it marks the
 * cells of the row it moves (`rows`, the Writer's rowCells) in the definition it was made for.
 */
export function keepRule(node: NodeInfo, query: KeepQuery, width: number, metrics: KeepMetrics = REPORT_KEEP, rows?: ReadonlyMap<string, object[]>): boolean {
  const id = node.id ?? '';
  if (id.startsWith('keep-')) {
    // What follows in the body: not the running header or footer, not another kept node (a chart's
    // caption whose chart went on), and only what prints (a table may start here with nothing drawn).
    // A tagged node ("pos-") moved whole with its block reports its true page only for its first line.
    const page = node.pageNumbers[0];
    const following = query
      .getFollowingNodesOnPage()
      .filter((n) => !n.id?.startsWith(FRAME) && (n.text !== undefined || n.svg !== undefined) && (!n.id?.startsWith('pos-') || n.startPosition?.pageNumber === page));
    if (node.pageNumbers.length !== 1) return false;
    // A heading (or caption) needs some of what it introduces below it on its page: a table's first
    // rows, a chart, a list, or paragraphs of at least KEEP_BODY_LINES lines. What stays with it before
    // the page ends is counted; a paragraph that will move whole does not stay. "战略性支柱产业集群" with
    // its one-line introduction at the foot of a page, its table on the next, moves to that page.
    let lines = 0;
    let anchor = node;
    // This heading with nothing but headings above it on its page: the paragraph after it gains no room by moving.
    const heads = headsItsPage(node, query);
    for (const n of following) {
      // The 简报's tail, when it will move whole to the next page (tailToFoot), does not stay with it either.
      if (n.id?.startsWith(TAIL_KEPT)) {
        if ((query.getNodesOnNextPage?.() ?? []).some((x) => x.id?.startsWith(TAIL_KEPT) || x.id?.startsWith(TAIL_END))) break;
        return false;
      }
      // Another kept node. One that ends this one's section (the next annotation's byline after an
      // annotation's, a heading of the same level or above) with some of this one's text above it: the
      // section ends on this page — a one-line annotation before a long one went over with it and left
      // the appendix's heading alone. Any other (a level-2 heading under a level-1 one's introduction, a
      // chart's caption whose chart went on) goes on with this one's section.
      // A section with nothing in it (a heading straight before one of its own level) goes with the next one's.
      if (n.id?.startsWith('keep-')) {
        if (endsSectionOf(anchor, n)) {
          if (lines > 0) return false;
          anchor = n;
        }
        continue;
      }
      if (!n.id?.startsWith('para-')) return false;
      if (n.pageNumbers[0] !== page || (movesWhole(n, width, metrics) && !(heads && lines === 0))) break;
      if (n.pageNumbers.length > 1) return false;
      // An industry's category and tier line under its name is the heading's own, not what it introduces: 智能家电
      // with that line at a page's foot, its table on the next, stayed behind (a bilingual full report).
      if ((Array.isArray(n.style) ? n.style[0] : n.style) === 'meta') continue;
      lines += paragraphLines(n, width, metrics);
      if (lines >= KEEP_BODY_LINES) return false;
    }
    // At the very end of the document there is nothing to move it to.
    return lines === 0 || (query.getNodesOnNextPage?.().some((n) => !n.id?.startsWith(FRAME)) ?? false);
  }
  if (id.startsWith('row-') && rows) return carriesWidowRows(node, id, query, rows);
  return id.startsWith('para-') && movesWhole(node, width, metrics) && !headsItsPage(node, query);
}

/**
 * Whether nothing but headings, captions and an industry's category lines print above `node` on its
 * page: the page's body starts with it (or with the headings that introduce it). A paragraph there
 * that is too long for its page (its length is an estimate: unbreakable runs and emoji wrap early)
 * would find no more room on the next page, and moving it would leave the headings above it alone on
 * theirs — pdfmake decides each node once, so the heading, already decided, would stay ("(1) 工群"
 * alone on a page, its paragraph on the next; seed 1165063495).
 */
function headsItsPage(node: NodeInfo, query: KeepQuery): boolean {
  if (query.getPreviousNodesOnPage === undefined) return false;
  const page = node.pageNumbers[0];
  const above = query.getPreviousNodesOnPage().filter((n) => !n.id?.startsWith(FRAME) && (n.text !== undefined || n.svg !== undefined));
  return above.every((n) => n.pageNumbers[0] === page && (n.id?.startsWith('keep-') || (Array.isArray(n.style) ? n.style[0] : n.style) === 'meta'));
}

/** Whether kept node `next` starts a section beside `node`'s rather than inside it (see keepRule). */
function endsSectionOf(node: NodeInfo, next: NodeInfo): boolean {
  const style = (n: NodeInfo): string => String((Array.isArray(n.style) ? n.style[0] : n.style) ?? '');
  const level = (s: string): number => (/^h\d$/.test(s) ? Number(s[1]) : 0);
  const [a, b] = [style(node), style(next)];
  // A heading of the same level or above; any heading after an annotation's byline or a note's source line; the next of those.
  if (level(b)) return !level(a) || level(b) <= level(a);
  return a !== '' && a === b;
}

/** The fewest lines of body a heading keeps below it on its page, unless its section ends there. */
export const KEEP_BODY_LINES = 2;

/**
 * Whether a table should break before this row ("row-<table>-<row>-<rows>", on the row's first cell)
 * rather than where it fell: it is the row TABLE_WIDOW_ROWS from the end (half the rows, for a table
 * of fewer than six), and the rows after it that went onto the next page are fewer than that (one or
 * two rows alone at the head of a page). The break
 * is made only when at least two of the table's rows stay behind on this page. pdfmake moves a row
 * whole only when every cell of it asks to break, so each of its cells (the definition's own objects,
 * which pdfmake lays out) is marked; pdfmake then lays the document out again.
 */
function carriesWidowRows(node: NodeInfo, id: string, query: KeepQuery, rows: ReadonlyMap<string, object[]>): boolean {
  const [, table, row, count] = id.split('-');
  // A short table spares fewer: a table of four rows breaks two and two (its last row went over alone, 3 + 1).
  const widows = Math.min(TABLE_WIDOW_ROWS, Math.floor(Number(count) / 2));
  if (widows < 2 || Number(row) !== Number(count) - widows) return false;
  const page = node.startPosition?.pageNumber;
  if (page === undefined) return false;
  const ofTable = (n: NodeInfo, on: number): boolean => n.id?.startsWith(`row-${table}-`) === true && n.startPosition?.pageNumber === on;
  const carried = (query.getNodesOnNextPage?.() ?? []).filter((n) => ofTable(n, page + 1)).length;
  if (carried === 0 || carried >= widows) return false;
  // The rows staying behind: those with an id before this one, and the first row (laid out with the header, no id).
  const staying = (query.getPreviousNodesOnPage?.() ?? []).filter((n) => ofTable(n, page)).length + 1;
  if (staying < 2) return false;
  for (const cell of rows.get(id) ?? []) (cell as { pageBreak?: string }).pageBreak = 'before';
  return true;
}

/**
 * A paragraph's lines at the width of the text block, each of its own lines (an annotation of forty
 * short lines) counted: measured as one run it was "short" and moved whole, a page left empty.
 */
function paragraphLines(node: NodeInfo, width: number, metrics: KeepMetrics): number {
  const style = Array.isArray(node.style) ? node.style[0] : node.style;
  const { fontSize } = (typeof style === 'string' ? metrics.styles?.[style] : undefined) ?? metrics;
  return plainText(node.text)
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(measureText(line, fontSize, false, metrics.face) / width)), 0);
}

/** Whether a paragraph split over two pages is moved whole to the second (see keepRule). */
function movesWhole(node: NodeInfo, width: number, metrics: KeepMetrics): boolean {
  if (node.pageNumbers.length < 2) return false;
  const style = Array.isArray(node.style) ? node.style[0] : node.style;
  const { pitch } = (typeof style === 'string' ? metrics.styles?.[style] : undefined) ?? metrics;
  const lines = paragraphLines(node, width, metrics);
  if (lines <= metrics.shortLines) return true;
  const start = node.startPosition;
  if (start === undefined) return false;
  const room = (1 - start.verticalRatio) * start.pageInnerHeight;
  // An orphan: the paragraph starts within the last line and a half of its page.
  if (metrics.minLines === 0) return room < 20;
  const first = Math.floor(room / pitch);
  return first < metrics.minLines || lines - first < metrics.minLines;
}

class Writer {
  private next = 0;
  private readonly coverage = glyphCoverage();
  private readonly page: PageFrame;
  /** The width of the text block. */
  private readonly width: number;
  private readonly bulletin: boolean;
  /** The face runs are set in unless a style says otherwise: Noto Serif SC in the 简报, else Noto Sans SC. */
  private readonly face: 'primary' | 'serif';
  /** The font size tables are measured and set at. */
  private readonly tableSize: number;

  constructor(
    private readonly doc: BriefingDocument,
    private readonly renderChart: ChartRenderer,
  ) {
    this.page = pageOf(doc.layout);
    this.width = this.page.width - this.page.left - this.page.right;
    this.bulletin = doc.layout === 'bulletin';
    this.face = this.bulletin ? 'serif' : 'primary';
    this.tableSize = this.bulletin ? BULLETIN_SMALL : 9.5 * doc.scale;
  }

  private frames = 0;
  /** Header and footer nodes need ids of their own (pdfmake refuses a repeated id). */
  private frameId(): string {
    return `${FRAME}${this.frames++}`;
  }

  /** Headings listed in the contents, by the id their printed node gets (see contents()). */
  private readonly tocEntries = new Map<Block, string>();

  /**
   * The contents: our own table (fixed widths, so a long unbroken name wraps inside its column), each
   * heading's page filled in by pdfmake from the heading's node (pageReference). The headings come
   * later in the document; their rows are filled when the last block is written (finishContents).
   */
  private contentsRows: TableCell[][] | null = null;
  private contents(b: Extract<Block, { type: 'contents' }>): Content {
    this.contentsRows = [];
    return {
      stack: [
        { text: this.line(b.title), style: 'h1' },
        { table: { widths: [this.width - 40, 28], dontBreakRows: true, body: this.contentsRows }, layout: 'contents' },
      ],
    } as Content;
  }

  /** Fills the contents' rows once every heading has its id. */
  finishContents(): void {
    if (!this.contentsRows) return;
    for (const [h, id] of this.tocEntries) {
      if (h.type !== 'heading') continue;
      const style = h.level === 1 ? 'tocH1' : h.level === 2 ? 'tocH2' : 'tocH3';
      const runs = [...this.line(h.runs), ...(h.second ? [{ text: '  ' }, ...this.line(h.second)] : [])];
      this.contentsRows.push([
        { text: runs, style, margin: [(h.level - 1) * 14, h.level === 1 ? 5 : 1, 0, 0] } as TableCell,
        { text: '0', pageReference: id, style: 'tocNumber', alignment: 'right', margin: [0, h.level === 1 ? 5 : 1, 0, 0] } as unknown as TableCell,
      ]);
    }
    if (this.contentsRows.length === 0) this.contentsRows.push([{ text: '' }, { text: '' }]);
  }

  private tables = 0;
  /** The cells of each table row the widow rule may move to the next page, by its first cell's id. */
  readonly rowCells = new Map<string, object[]>();

  /** Inside a table cell: pdfmake cannot move a node there to the next page (it loses the row's other cells), so no keep rule applies. */
  private inCell = 0;

  private id(kind: 'keep' | 'para', node: Record<string, unknown>): Content {
    if (this.inCell > 0) return node as unknown as Content;
    const id = `${kind}-${this.next++}`;
    node.id = id;
    return node as unknown as Content;
  }

  /**
   * A run's text split into font runs: Noto Sans SC, Noto Sans, Noto Emoji — or, in the serif face,
   * Noto Serif SC first and the same fallbacks for what it lacks. Every run names its font, so a
   * style's font (the 简报's 黑体 headings) and the document's default never decide for it.
   */
  private textRuns(value: string, given: 'zh' | 'en' | undefined, props: Record<string, unknown>, face: Face = this.face): Content[] {
    // Text of no language of its own (what the analyst typed, a head's name) in an English document is English: its curly
    // quotes are Latin ones. Taken from the CJK face they printed as full-width marks ("Guangdong’ s “dual-ten”").
    const lang = given ?? (this.doc.lang === 'en' ? 'en' : undefined);
    const clean = breakLongWords(quoteBreaks(unjoinedEmoji(cleanForPrint(value))));
    const named = (text: string, font: string): Content => ({ text, ...props, font }) as Content;
    if (face === 'serif' || face === 'kai') {
      const [glyphs, font] = face === 'kai' ? [kaiGlyphs(), KAI_FONT] : [serifGlyphs(), SERIF_FONT];
      const out: { text: string; font: string }[] = [];
      // Characters of one font in a row are one run: 175 closing quotes, each a run of its own, were one
      // word across 175 runs, which pdfmake never cuts, and it ran off the page.
      const add = (text: string, font: string): void => {
        const last = out.at(-1);
        if (last?.font === font) last.text += text;
        else out.push({ text, font });
      };
      for (const ch of clean) {
        const cp = ch.codePointAt(0)!;
        const enQuote = lang === 'en' && /[‘’“”]/.test(ch);
        if (!enQuote && (ch === '\n' || glyphs.hasGlyphForCodePoint(cp))) add(ch, font);
        else for (const r of this.coverage.runs(ch, lang)) add(r.text, FONT_FAMILY[r.font]);
      }
      return breakLongStretches(out, () => ({ text: '\u200b', font: FONT_FAMILY.latin })).map((r) => named(r.text, r.font as string));
    }
    if (this.coverage.allPrimary(clean, lang)) return [{ text: clean, ...props, ...(this.bulletin ? { font: PRIMARY_FONT } : {}) } as Content];
    const runs = this.coverage.runs(clean, lang).map((r) => ({ text: r.text, ...props, ...(r.font === 'primary' && !this.bulletin ? {} : { font: FONT_FAMILY[r.font] }) }));
    return breakLongStretches(runs, () => ({ text: '\u200b', ...props, font: FONT_FAMILY.latin })) as Content[];
  }

  /** A title's runs, turned between words into lines of about one length (title-lines.ts); any other paragraph's as they are. */
  private titleTurned(b: Extract<Block, { type: 'paragraph' }>): Line {
    const size = b.style === 'bulletinTitle' ? 22 : b.style === 'coverTitle' ? 30 : b.style === 'title' ? 20 * this.doc.scale : 0;
    if (!size) return b.runs;
    // 3 % under the measure: a line the measure puts at the edge must not be turned again by pdfmake.
    return turnedTitle(b.runs, this.width * 0.97, (t) => measureText(t, size, true, this.bulletin ? 'serif' : 'sans'));
  }

  line(runs: Line, face: Face = this.face): Content[] {
    const groups = runs.map((r, k): InlineGroup => ({ kind: r.t === 'cite' ? 'cite' : r.nowrap ? 'value' : 'text', inlines: this.runInlines(runs, k, face) as unknown as Inline[] }));
    return breakableGlue(groups, () => ({ text: '\u200b', font: FONT_FAMILY.latin })) as unknown as Content[];
  }

  /** One run's inlines; a note number carries a joiner before it where it must not begin a line. */
  private runInlines(runs: Line, k: number, face: Face): Content[] {
    const r = runs[k]!;
    // A note number never starts a line: a word joiner (U+2060, drawn by Noto Sans as nothing) before
    // it makes pdfmake keep it with the word it follows ("超过1000亿元¹", not "¹，" at a line's start).
    // Not when a letter or digit follows the number: that would glue on, and the whole chain could be
    // wider than the line ("…yuan¹and over 1 trillion yuan¹…" ran off the page).
    if (r.t === 'cite') {
      const next = runs[k + 1];
      const glue = next === undefined || next.t === 'cite' || !/^[\p{L}\p{N}]/u.test(next.text) || /^\p{Script=Han}/u.test(next.text);
      return [...(glue ? [{ text: '\u2060', font: FONT_FAMILY.latin, style: 'noteRef' } as Content] : []), { text: citeMark(runs, k), style: 'noteRef' } as Content];
    }
    const props: Record<string, unknown> = { ...runStyle(r.style) };
    if (r.nowrap) props.noWrap = true;
    // 楷 is not set bold: a strong run in a 楷 block (the 按语's label) is set in 黑体, the sans face.
    return this.textRuns(r.text, r.lang, props, face === 'kai' && r.style === 'strong' ? 'primary' : face);
  }

  private lines(lines: Line[], style?: string): Content {
    if (lines.length === 1) return { text: this.line(lines[0]!), ...(style ? { style } : {}) } as Content;
    return { stack: lines.map((l, i) => ({ text: this.line(l), ...(i > 0 ? { style: 'cellSecond' } : {}) })), ...(style ? { style } : {}) } as Content;
  }

  /**
   * The 简报's 楷 (按语, level-2 headings): LXGW WenKai in Chinese; an English issue sets that text in the serif face, as its
   * Word file sets it in Times New Roman — WenKai's Latin letters are rounded and near-monospaced (简报 review).
   */
  private get kai(): Face {
    return this.doc.lang === 'en' ? 'serif' : 'kai';
  }

  block(b: Block): Content {
    switch (b.type) {
      case 'heading': {
        const style = `h${b.level}`;
        // The 简报's level-1 headings are 黑体 (the sans face), level-2 楷 (LXGW WenKai); its notes heading is level 3, 黑体.
        const face: Face = !this.bulletin ? this.face : b.level === 2 ? this.kai : 'primary';
        const second = b.second ? [{ text: '  ' }, ...this.line(b.second, face).map((c) => ({ ...(c as object), style: `${style}Second` }))] : [];
        // An English level-2 heading in the serif face is bold, as Word's Heading 2 is: in regular weight it read as a paragraph.
        const weight = this.bulletin && b.level === 2 && face === 'serif' ? { bold: true } : {};
        const node = this.id('keep', { text: [...this.line(b.runs, face), ...second], style, ...weight }) as { id?: string };
        if (b.toc && node.id) this.tocEntries.set(b, node.id);
        return node as Content;
      }
      case 'paragraph':
        // A caption (the 简报's table captions) is kept with what follows it, as a heading is.
        // The 简报's 按语 is set in 楷, as the format sets an editor's note.
        return this.id(b.style === 'caption' ? 'keep' : 'para', { text: this.line(this.titleTurned(b), this.bulletin && b.style === 'editorNote' ? this.kai : this.face), style: b.style });
      case 'list':
        return { ul: b.items.map((i) => this.id('para', { text: [...this.line(i.runs), ...(i.second ? [{ text: '\n' }, ...this.line(i.second)] : [])] })), style: 'list' } as Content;
      case 'figures':
        return this.figures(b);
      case 'table':
        return this.table(b);
      case 'chart':
        return this.chart(b);
      case 'annotation':
        return { stack: [this.id('keep', { text: this.line(b.meta), style: 'annotationMeta' }), this.id('para', { text: this.line(b.body), style: 'annotationBody' })], margin: [0, 0, 0, 8 * this.doc.scale] } as Content;
      case 'notes': {
        // Paragraphs, not a table or a list: a note with long quoted passages breaks across pages like
        // any paragraph (pdfmake loses lines of a table row it splits, and draws a list's number late).
        const style = b.compact || b.small ? 'notesSmall' : 'notes';
        return {
          stack: b.items.flatMap((item) =>
            item.lines.map((l, i) =>
              // A source's line is kept with its first quoted passage, as a heading with its text: "1. China Daily，…" stood at
              // a page's foot, its three-line passage moved whole to the next (简报 review).
              i === 0 ? this.id(item.lines.length > 1 ? 'keep' : 'para', { text: [{ text: `${item.n}. ` }, ...this.line(l)], style }) : this.id('para', { text: this.line(l), style: [style, 'noteQuote'] }),
            ),
          ),
        } as Content;
      }
      case 'rule':
        return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: b.strong ? this.width : this.width, y2: 0, lineWidth: b.strong ? 1.2 : 0.5, lineColor: b.strong ? NAVY : RULE }], margin: b.strong ? [0, 6, 0, 12] : [0, 6, 0, 4] } as Content;
      case 'contents':
        return this.contents(b);
      case 'pageBreak':
        return { text: '', pageBreak: 'after' } as Content;
      case 'bulletinHead':
        return this.bulletinHead(b);
      case 'bulletinTail':
        return this.bulletinTail(b);
      case 'columns':
        // A one-row table, not pdfmake's columns: columns that run onto another page can lose a whole column.
        return this.cells(() => ({
          // Numbers, never "*": pdfmake drops a "*" cell's whole text when one word is wider than the cell.
          table: { widths: b.columns.map(() => (this.width - 18 * (b.columns.length - 1)) / b.columns.length), dontBreakRows: true, body: [b.columns.map((col) => ({ stack: col.map((x) => this.block(x)) }))] },
          layout: 'columns',
        })) as Content;
    }
  }

  /** Builds a table's cells with the keep rules off (see inCell). */
  private cells<T>(build: () => T): T {
    this.inCell++;
    try {
      return build();
    } finally {
      this.inCell--;
    }
  }

  private cell(c: Cell, header = false): TableCell {
    if (c.lines.length === 0) return { text: '' };
    // A cell's line is one line of print: a line break inside a run (a name brought in with 56 of them)
    // made a row taller than the page, and pdfmake dropped the whole row without a word.
    const lines = c.lines.map((l) => l.map((r) => (r.t === 'text' && /\n/.test(r.text) ? { ...r, text: oneLine(r.text) } : r)));
    return { ...(this.lines(lines, header ? 'th' : undefined) as object), ...(c.align ? { alignment: c.align } : {}) } as TableCell;
  }

  /**
   * Column widths in points: an "auto" column is as wide as its widest line (measured with the
   * embedded fonts, at most 45% of the page), "*" columns share the rest. pdfmake's own "auto" sizes
   * a column by its longest unbreakable word, so a long URL in a name could push a table off the page.
   */
  private widths(b: Extract<Block, { type: 'table' }>): number[] {
    const size = this.tableSize;
    const face = this.face === 'serif' ? 'serif' : 'sans';
    // The header row prints at th's size: 0.9 × in reports, the table's own size in the 简报.
    const headerSize = this.bulletin ? size : size * 0.9;
    const padding = 12;
    const lineWidth = (line: Line, header: boolean): number =>
      line.reduce((sum, r, k) => sum + (r.t === 'cite' ? measureText(citeMark(line, k), size * 0.75, true, face) : measureText(oneLine(r.text), header ? headerSize : size, header || r.style === 'value' || r.style === 'strong', face)), 0);
    const fixed = b.columns.map((c, i) => {
      if (c.width !== 'auto') return c.width;
      const cells = [b.header[i], ...b.rows.map((r) => r[i])].filter((x): x is Cell => x !== undefined);
      const widest = Math.max(0, ...cells.flatMap((cell, k) => cell.lines.map((l) => lineWidth(l, k === 0))));
      return Math.min(Math.ceil(widest + padding), this.width * 0.45);
    });
    const stars = fixed.filter((w) => w === '*').length;
    const used = fixed.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
    const share = stars ? Math.max(40, (this.width - used) / stars - padding) : 0;
    // Numbers, never "*" or "auto": pdfmake drops a cell's whole text when one word is wider than a "*" cell.
    return fixed.map((w) => (w === '*' ? share : Math.max(10, w - padding)));
  }

  private table(b: Extract<Block, { type: 'table' }>): Content {
    const widths = this.widths(b);
    const body = this.cells(() => [b.header.map((c) => this.cell(c, true)), ...b.rows.map((r) => r.map((c) => this.cell(c)))]);
    // The header row and the first row are laid out together and moved whole when they do not fit:
    // tagged, so a heading or caption before the table sees where the table really starts.
    for (const cell of body.slice(0, 2).flat()) this.tag(cell);
    // The rows after the first carry an id on their first cell, which the widow rule reads (keepRule).
    // A cell of two lines is a stack: its first line is tagged too, so the page pdfmake reports for the
    // cell is corrected when its row is moved whole to the next page (see tag()).
    const table = this.tables++;
    body.slice(2).forEach((cells, i) => {
      const id = `row-${table}-${i + 1}-${b.rows.length}`;
      this.tag(cells[0]);
      (cells[0] as { id?: string }).id = id;
      this.rowCells.set(id, cells as object[]);
    });
    return {
      // keepWithHeaderRows: the header row never stands alone at the foot of a page (its first row goes with it).
      table: { headerRows: 1, keepWithHeaderRows: 1, widths, dontBreakRows: true, body },
      layout: 'briefing',
      ...(this.bulletin ? { fontSize: this.tableSize, lineHeight: 1.3 } : {}),
      margin: [0, 2, 0, 10],
    } as Content;
  }

  /**
   * Gives text nodes kept in a block that pdfmake moves whole ids of their own ("pos-", which no keep
   * rule acts on): pdfmake corrects the page it reports of a moved node only for nodes with an id.
   * The 简报 tail's words get another prefix (TAIL_KEPT), which the heading rule knows.
   */
  private tag(node: unknown, prefix = 'pos-'): void {
    if (!node || typeof node !== 'object') return;
    const n = node as { text?: unknown; stack?: unknown[]; columns?: unknown[]; id?: string };
    if (Array.isArray(n.stack)) n.stack.forEach((x) => this.tag(x, prefix));
    else if (Array.isArray(n.columns)) n.columns.forEach((x) => this.tag(x, prefix));
    else if (n.text !== undefined && n.text !== '') n.id = `${prefix}${this.next++}`;
  }

  private figures(b: Extract<Block, { type: 'figures' }>): Content {
    // English values are long ("nearly 3 trillion yuan" does not break): two boxes a row.
    const perRow = this.doc.lang === 'en' ? 2 : 4;
    const n = Math.min(perRow, b.items.length);
    // Each box's text width: the page less the 8 pt paddings between boxes (none at the outer edges).
    const width = (this.width - 16 * (n - 1)) / n;
    // A label turns between words, in lines of about one length ("…营业收 / 入 · 2023" split a word; "· 2023" stood alone).
    const size = 7.5 * this.doc.scale;
    const label = (lines: Line[]): Line[] => lines.map((l) => turnedTitle(l, width * 0.97, (t) => measureText(t, size, false)));
    const cells: TableCell[] = this.cells(() => b.items.map((i) => ({ stack: [this.lines(label(i.label), 'figLabel'), this.lines(i.value, 'figBig')] }) as TableCell));
    const body: TableCell[][] = [];
    for (let i = 0; i < cells.length; i += perRow) {
      const row = cells.slice(i, i + perRow);
      while (row.length < n) row.push({ text: '' });
      body.push(row);
    }
    return { table: { widths: body[0]!.map(() => width), body, dontBreakRows: true }, layout: 'headline', margin: [0, 0, 0, 10] } as Content;
  }

  private chart(b: Extract<Block, { type: 'chart' }>): Content {
    const names = b.lang === 'bilingual' ? 'both' : b.lang;
    const fontSize = CHART_FONT_SIZE;
    const width = Math.round(this.width * CHART_SCALE);
    const height = Math.round(chartHeight(this.doc, b) * CHART_SCALE);
    const option = (spec: ChartSpec): EChartsOption => chartOptionFor(spec, names, fontSize, width);
    const svg = this.renderChart(JSON.stringify([b.spec, names, width, height]), () => option(b.spec), { width, height });
    const caption = this.id('keep', { text: [...this.line(b.caption), ...(b.second ? [{ text: '  ' }, ...this.line(b.second)] : [])], style: 'caption' });
    return { stack: [caption, { svg, width: this.width, margin: [0, 2, 0, 6] }] } as Content;
  }

  // ---- the 简报's head and tail --------------------------------------------------------------------

  /**
   * Two texts on one line, one at each edge (a borderless one-row table: pdfmake's columns can lose a
   * column). The right one (a date, a copy number) gets the room it needs, up to 70% of the line.
   */
  /** `rightLines`: the right side's lines (a bilingual date, a language a line), as wide as the longest. */
  private pair(left: string, right: string, style: string, size: number, bold: boolean, rightLines: string[] = [right]): Content {
    const room = this.width - 18;
    const rightWidth = Math.min(room * 0.7, Math.ceil(Math.max(...rightLines.map((l) => measureText(oneLine(l), size, bold, 'serif'))) * 1.05) + 2);
    const runs = (lines: string[]): Content[] => lines.flatMap((l, i) => [...(i > 0 ? [{ text: '\n' } as Content] : []), ...(this.textRuns(oneLine(l), undefined, {}) as Content[])]);
    const cell = (lines: string[], alignment: 'left' | 'right'): TableCell => ({ text: lines.join('') ? runs(lines) : '', style, alignment }) as TableCell;
    return { table: { widths: [room - rightWidth, rightWidth], dontBreakRows: true, body: [[cell([left], 'left'), cell(rightLines, 'right')]] }, layout: 'columns' } as Content;
  }

  /** 报头: marking and copy number; the name, large, red and centred; the issue line; unit and date; the red rule. */
  private bulletinHead(b: BulletinHead): Content {
    const name = oneLine(b.name);
    // On one line where it can be (up to 36 pt); a very long name wraps at 20 pt.
    const nameSize = Math.max(20, Math.min(36, Math.floor((this.width / Math.max(1, measureText(name, 1, true, 'serif'))) * 10) / 10));
    // A name that wraps is turned between words into lines of about one length, as a title is: "…Clusters / Bulletin" left a lone word (简报 review).
    // A name set to fit the line (the Chinese 红头, shrunk to it) is left whole.
    const turned =
      measureText(name, nameSize, true, 'serif') <= this.width
        ? name
        : turnedTitle([{ t: 'text', text: name }], this.width * 0.97, (t) => measureText(t, nameSize, true, 'serif'))
            .map((r) => (r.t === 'text' ? r.text : ''))
            .join('');
    return {
      stack: [
        ...(b.marking || b.copyNumber ? [this.pair(b.marking, b.copyNumber, 'headMarking', 14, true)] : []),
        { text: this.textRuns(turned, undefined, {}), style: 'headName', fontSize: nameSize },
        ...(b.issueLine ? [{ text: this.textRuns(oneLine(b.issueLine), undefined, {}), style: 'headIssue' }] : []),
        // A bilingual date a language a line: on one, it left the 编印单位 a column too narrow ("…产业集 / 群处").
        this.pair(b.unit, b.date, 'headUnit', 14, false, b.date.split(DATES_JOINED)),
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: this.width, y2: 0, lineWidth: 2, lineColor: BULLETIN_RED }], margin: [0, 4, 0, 20] },
      ],
    } as Content;
  }

  /**
   * 报尾: a rule, 报送 / 抄送 and 共印N份, a rule; kept together at the last page's foot when it is short enough to (tailToFoot).
   * As GB/T 9704 sets 抄送 (and as Word's tail, docx-bulletin.ts): one character in from either side, a
   * line that runs on aligned with the first character after the colon.
   */
  private bulletinTail(b: BulletinTail): Content {
    // Thick (1 pt) first and last, thin (½ pt) between the lines, as GB/T 9704 and Word's tail (docx-bulletin.ts).
    const rule = (top: number, bottom: number, lineWidth = 1): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: this.width, y2: 0, lineWidth, lineColor: INK }], margin: [0, top, 0, bottom] }) as Content;
    const lines = bulletinTailLines(b);
    const inset: [number, number, number, number] = [TAIL_CHAR, 2, TAIL_CHAR, 2];
    const lang = b.lang === 'en' ? 'en' : 'zh';
    // The labels' column: 报送： is three characters; a longer label (报送（To）：) takes the whole characters it needs, the same on every line.
    const labelWidth = tailLabelChars(lines.map((l) => l.label)) * TAIL_CHAR;
    const line = (l: (typeof lines)[number]): Content =>
      (l.label
        ? // The text's width in points, never "*": a word wider than a "*" column (a pasted URL in 抄送) ran past the page's edge uncut.
          { columns: [{ width: labelWidth, text: this.textRuns(l.label.trimEnd(), lang, {}) }, { width: this.width - 2 * TAIL_CHAR - labelWidth, text: this.textRuns(l.text, lang, {}) }], columnGap: 0, style: 'tail', margin: inset }
        : { text: this.textRuns(l.text, lang, {}), style: 'tail', alignment: 'right', margin: inset }) as Content;
    const stack = [rule(TAIL_ABOVE, 4), ...lines.flatMap((l, i) => (i > 0 ? [rule(3, 3, 0.5), line(l)] : [line(l)])), rule(4, 0)];
    // Kept together and set at the page's foot by tailToFoot (no pdfmake "unbreakable": the places it
    // reports inside such a block are not where the block lands). Only a tail short enough to fit a page.
    const short = tailKeptWhole(b);
    // Its words tagged, so that a heading just before a tail that will move goes with it (keepRule).
    if (short) stack.forEach((x) => this.tag(x, TAIL_KEPT));
    this.tail = { top: this.refusing(stack[0]!, TAIL_TOP), end: this.refusing(stack.at(-1)!, TAIL_END), short, moved: false, alone: false, set: false };
    return { stack } as Content;
  }

  /** The tail's first and last rules, for tailToFoot (null until the tail is written): whether it moved to the next page, whether it is set. */
  private tail: { top: TailRule; end: TailRule; short: boolean; moved: boolean; alone: boolean; set: boolean } | null = null;

  /**
   * A rule of the tail, with an id tailToFoot knows it by, whose page break is the tail's own: it
   * breaks before the tail's first rule once tailToFoot moved the tail, and refuses pdfmake's mark.
   */
  private refusing(rule: Content, prefix: string): TailRule {
    const node = rule as unknown as TailRule;
    node.id = `${prefix}${this.next++}`;
    const first = prefix === TAIL_TOP;
    Object.defineProperty(node, 'pageBreak', { get: () => (first && this.tail?.moved ? 'before' : undefined), set: () => undefined, enumerable: false });
    return node;
  }

  /**
   * The 简报's tail (版记) at the foot of the last page, its closing rule on the text's last line, as
   * GB/T 9704 sets it: on the page where the body ends when it fits there, else whole at the foot of the
   * next page — never at the head of an otherwise empty page, never split.
   *
   * pdfmake has no way to push a block to a page's foot; this is done in the keep rules' pass. Once the
   * layout is done, pdfmake asks about each node in turn, once, in order (pageBreakBefore), and lays
   * the document out again when an answer is yes. Asked about the tail's first rule, when the tail runs
   * over onto the next page, this moves it whole to that page (the rule's page break becomes "before").
   * Asked about its closing rule, when the whole tail is on one page with nothing after it, this adds
   * the room left below to the space above the tail. pdfmake would then mark the asked rule to break
   * before it; the rules refuse that mark (refusing), so each yes only lays the document out again, and
   * everything before the tail was decided before the tail was asked about.
   */
  tailToFoot(node: NodeInfo, query: KeepQuery): boolean {
    const tail = this.tail;
    if (!tail || tail.set) return false;
    const after = (n: NodeInfo): boolean => !n.id?.startsWith(FRAME);
    if (node.id === tail.top.id) {
      const split = (query.getNodesOnNextPage?.() ?? []).some((n) => n.id === tail.end.id);
      // Its first rule alone at the foot of a page, the tail on the next ones, goes with it, however long the tail.
      const alone = !query.getFollowingNodesOnPage().some(after);
      if (!(split && tail.short) && !alone) return false;
      tail.moved = true;
      tail.alone = alone;
      return true;
    }
    if (node.id !== tail.end.id) return false;
    tail.set = true;
    const start = node.startPosition;
    const previous = query.getPreviousNodesOnPage?.() ?? [];
    const top = previous.findIndex((n) => n.id === tail.top.id);
    const last = !query.getFollowingNodesOnPage().some(after) && !(query.getNodesOnNextPage?.() ?? []).some(after);
    // Moved to a page of its own and still run over: it is longer than a page (its length was an estimate;
    // long unbroken words and emoji wrap early). It goes back to where the body ends and runs over from there,
    // rather than leave the rest of that page empty and begin a page of its own anyway.
    if (top < 0 && tail.moved && !tail.alone) {
      tail.moved = false;
      return true;
    }
    if (!start || top < 0 || !last) return false;
    // A tail that begins its page with no space above it got there because that space did not fit
    // where the body ended, and pdfmake drops it at the head of the next page. The tail then breaks
    // the page itself from now on, so that the space is kept (and counted here). (A tail that begins
    // a page with its space above kept, after a page the body filled, needs no break: one would leave
    // that page blank.) What pdfmake reports on the page before the tail: its leaves, not the stacks.
    const begins = !previous.slice(0, top).some((n) => after(n) && !n.stack && n.columns === undefined);
    const above = previous[top]!.startPosition;
    const dropped = begins && !tail.moved && above !== undefined && above.verticalRatio * above.pageInnerHeight < TAIL_ABOVE / 2;
    // The closing rule is drawn where it starts (a line has no height); half a point is kept for its stroke.
    const room = (1 - start.verticalRatio) * start.pageInnerHeight - 0.5 - (dropped ? TAIL_ABOVE : 0);
    if (room < 1) return false;
    tail.top.margin = [0, TAIL_ABOVE + room, 0, tail.top.margin[3]];
    if (dropped) tail.moved = true;
    return true;
  }

  // ---- the page frame ------------------------------------------------------------------------------

  /** Marking at the right, never wrapped; the running title on the left, cut with an ellipsis to the room left. */
  header(page: number): Content | null {
    if (this.bulletin) return null; // the 简报 prints its marking in its head, and has no running header
    const { marking, running, cover } = this.doc;
    const showRunning = page > 1;
    if (!marking && !showRunning) return null;
    if (cover && page === 1) return null; // the cover carries its own marking
    const mark = oneLine(marking);
    const markSize = mark ? Math.min(8.5, (this.width * 0.6) / Math.max(1, measureText(mark, 1, true))) : 0;
    const markWidth = mark ? measureText(mark, markSize, true) + 2 : 0;
    const room = this.width - markWidth - 12;
    const title = showRunning ? fitText(oneLine(running), 7.5, room) : '';
    return {
      id: this.frameId(),
      margin: [PAGE.left, PAGE.headerTop, PAGE.right, 0],
      stack: [
        {
          id: this.frameId(),
          columns: [
            { id: this.frameId(), text: this.textRuns(title, undefined, {}), style: 'running', width: '*', noWrap: true },
            ...(mark ? [{ id: this.frameId(), text: this.textRuns(mark, undefined, {}), style: 'markingSmall', fontSize: markSize, width: markWidth, noWrap: true, alignment: 'right' } as Content] : []),
          ],
        },
        ...(showRunning ? [{ id: this.frameId(), canvas: [{ type: 'line', x1: 0, y1: 4, x2: this.width, y2: 4, lineWidth: 0.5, lineColor: RULE }] } as Content] : []),
      ],
    } as Content;
  }

  footer(page: number, pages: number): Content {
    if (this.bulletin) {
      // "— 1 —" at the outside edge, one character in: odd pages right, even pages left.
      const inset = 14;
      return { id: this.frameId(), text: `\u2014 ${page} \u2014`, style: 'pageNumber', alignment: page % 2 === 1 ? 'right' : 'left', margin: [this.page.left + inset, this.page.footerGap, this.page.right + inset, 0] } as Content;
    }
    const label = this.doc.pageLabel.replace(/\{\{page\}\}/g, String(page)).replace(/\{\{pages\}\}/g, String(pages));
    const labelWidth = measureText(label, 7.5, false) + 4;
    return {
      id: this.frameId(),
      margin: [PAGE.left, PAGE.footerGap, PAGE.right, 0],
      columns: [
        { id: this.frameId(), text: this.line(this.doc.footer), style: 'running', width: '*' },
        { id: this.frameId(), text: label, style: 'running', alignment: 'right', width: labelWidth, noWrap: true },
      ],
    } as Content;
  }
}

/** A field printed on one line: its line breaks become spaces. */
function oneLine(value: string): string {
  return cleanForPrint(value).replace(/\s*\n\s*/g, ' ').trim();
}


const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * A break opportunity (U+200B, drawn with no width) after a closing curly quote and before an opening
 * one, next to a Chinese character, where Chinese typesetting breaks and pdfmake's line breaker (UAX #14
 * before its rule LB19a) never does: a title of 284 characters, "A”镕”镕”镕…", was one unbreakable
 * word and ran off the page, its closing 》 lost. A closing quote still never begins a line, nor an
 * opening one ends it.
 */
export function quoteBreaks(text: string): string {
  if (!/[“”‘’]/.test(text)) return text;
  const chars = [...text];
  let out = '';
  chars.forEach((ch, i) => {
    if ((ch === '“' || ch === '‘') && i > 0 && CJK_LETTER.test(chars[i - 1]!)) out += '\u200b';
    out += ch;
    if ((ch === '”' || ch === '’') && i + 1 < chars.length && CJK_LETTER.test(chars[i + 1]!)) out += '\u200b';
  });
  return out;
}

function runStyle(style: RunStyle | undefined): Record<string, unknown> {
  switch (style) {
    case 'strong':
      return { bold: true };
    case 'muted':
    case 'label':
      return { color: MUTED };
    case 'second':
      return { color: MUTED };
    case 'warn':
      return { color: MARK };
    case 'value':
      return { bold: true };
    default:
      return {};
  }
}

export function styles(scale: number): TDocumentDefinitions['styles'] {
  const s = (n: number): number => Math.round(n * scale * 100) / 100;
  return {
    kicker: { fontSize: s(8.5), color: MUTED, characterSpacing: 0.5, margin: [0, 0, 0, 4] },
    title: { fontSize: s(20), bold: true, color: NAVY, lineHeight: 1.2 },
    subtitle: { fontSize: s(11.5), color: INK, margin: [0, 2, 0, 0] },
    meta: { fontSize: s(8.5), color: MUTED, margin: [0, 4, 0, 0] },
    coverTitle: { fontSize: 30, bold: true, color: NAVY, lineHeight: 1.2, margin: [0, 8, 0, 0] },
    coverSubtitle: { fontSize: 15, color: INK, margin: [0, 8, 0, 0] },
    coverMeta: { fontSize: 10, color: MUTED, lineHeight: 1.6 },
    marking: { fontSize: 12, bold: true, color: MARK, alignment: 'right', margin: [0, 0, 0, 150] },
    markingSmall: { bold: true, color: MARK },
    running: { fontSize: 7.5, color: MUTED },
    h1: { fontSize: s(16), bold: true, color: NAVY, margin: [0, 14, 0, 8] },
    h1Second: { fontSize: s(11), bold: false, color: MUTED },
    h2: { fontSize: s(12.5), bold: true, color: NAVY, margin: [0, 10, 0, 5] },
    h2Second: { fontSize: s(9.5), bold: false, color: MUTED },
    h3: { fontSize: s(10.5), bold: true, color: INK, margin: [0, 8, 0, 3] },
    h3Second: { fontSize: s(8.5), bold: false, color: MUTED },
    body: { margin: [0, 0, 0, 6] },
    lead: { fontSize: s(10.5), margin: [0, 0, 0, 8] },
    second: { fontSize: s(8.5), color: MUTED, margin: [0, -3, 0, 8] },
    muted: { color: MUTED, margin: [0, 0, 0, 6] },
    small: { fontSize: s(8), color: MUTED, margin: [0, 0, 0, 4] },
    caption: { fontSize: s(9.5), bold: true, color: INK, margin: [0, 10, 0, 2] },
    cellSecond: { fontSize: s(8), color: MUTED },
    noteRef: { sup: true, fontSize: s(7), color: NAVY, bold: true },
    th: { fontSize: s(8.5), bold: true, color: MUTED },
    figLabel: { fontSize: s(7.5), color: MUTED, lineHeight: 1.2 },
    figBig: { fontSize: s(14), bold: true, color: NAVY, margin: [0, 3, 0, 0] },
    list: { fontSize: s(9.5), lineHeight: 1.4, margin: [0, 0, 0, 8] },
    annotationMeta: { fontSize: s(7.5), color: MUTED },
    annotationBody: { fontSize: s(9) },
    notes: { fontSize: s(8.5), color: INK, lineHeight: 1.35 },
    notesSmall: { fontSize: s(7.5), color: INK, lineHeight: 1.25 },
    noteQuote: { color: MUTED, margin: [12, 1, 0, 2] },
    tocH1: { fontSize: 10.5, bold: true },
    tocH2: { fontSize: 9.5, color: INK },
    tocH3: { fontSize: 9, color: MUTED },
    tocNumber: { fontSize: 9, color: MUTED },
  };
}

/** The 简报's styles, over the report's: 三号 body in the serif face, 黑体/楷 headings, 小标宋 title (GB/T 9704 sizes). */
export function bulletinStyles(): TDocumentDefinitions['styles'] {
  return {
    headMarking: { font: PRIMARY_FONT, fontSize: 14, bold: true, color: INK },
    headName: { font: SERIF_FONT, bold: true, color: BULLETIN_RED, alignment: 'center', lineHeight: 1.15, margin: [0, 28, 0, 10] },
    headIssue: { fontSize: 16, alignment: 'center', margin: [0, 0, 0, 14] },
    headUnit: { fontSize: 14 },
    bulletinTitle: { fontSize: 22, bold: true, alignment: 'center', lineHeight: 1.3, margin: [0, 6, 0, 16] },
    editorNote: { fontSize: BULLETIN_BODY, leadingIndent: 32, margin: [0, 0, 0, 10] },
    body: { fontSize: BULLETIN_BODY, leadingIndent: 32, margin: [0, 0, 0, 4] },
    quote: { fontSize: 14, color: INK, margin: [32, 2, 16, 8] },
    small: { fontSize: BULLETIN_SMALL, color: MUTED, margin: [0, 0, 0, 4] },
    second: { fontSize: 12, color: MUTED, margin: [0, -2, 0, 6] },
    // Level-1 and level-2 headings indented two characters, as the body and as Word's heading styles (docx.ts).
    h1: { font: PRIMARY_FONT, fontSize: BULLETIN_BODY, bold: true, color: INK, leadingIndent: 2 * BULLETIN_BODY, margin: [0, 10, 0, 6] },
    h1Second: { fontSize: 12, bold: false, color: MUTED },
    h2: { fontSize: BULLETIN_BODY, bold: false, color: INK, leadingIndent: 2 * BULLETIN_BODY, margin: [0, 6, 0, 4] },
    h2Second: { fontSize: 12, bold: false, color: MUTED },
    caption: { fontSize: 14, bold: true, color: INK, alignment: 'center', margin: [0, 10, 0, 2] },
    noteRef: { sup: true, fontSize: 14, color: INK, bold: false },
    th: { fontSize: BULLETIN_SMALL, bold: true, color: INK },
    cellSecond: { fontSize: 10, color: MUTED },
    h3: { fontSize: 14, bold: true, color: INK, margin: [0, 14, 0, 4] },
    notes: { fontSize: BULLETIN_SMALL, color: INK, lineHeight: 1.35 },
    notesSmall: { fontSize: 10.5, color: INK, lineHeight: 1.25 },
    tail: { fontSize: TAIL_CHAR, lineHeight: 1.4 },
    pageNumber: { font: SERIF_FONT, fontSize: 14, color: INK },
  };
}

/** The faces a run can be set in: Noto Sans SC (黑体), Noto Serif SC (宋/仿宋), LXGW WenKai (楷). */
type Face = 'primary' | 'serif' | 'kai';

/** Table layouts: light horizontal rules only, like a printed statistical table. */
export const TABLE_LAYOUTS: Record<string, CustomTableLayout> = {
  contents: {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: () => 0,
    paddingRight: (i: number) => (i === 0 ? 12 : 0),
    paddingTop: () => 1,
    paddingBottom: () => 1,
  },
  columns: {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: (i: number) => (i === 0 ? 0 : 9),
    paddingRight: (i: number, node) => (i === (node.table.body[0]?.length ?? 1) - 1 ? 0 : 9),
    paddingTop: () => 0,
    paddingBottom: () => 0,
  },
  briefing: {
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : i === 1 ? 0.6 : 0.3),
    vLineWidth: () => 0,
    hLineColor: (i: number) => (i <= 1 ? '#8c959f' : RULE),
    paddingLeft: (i: number) => (i === 0 ? 0 : 6),
    paddingRight: () => 6,
    paddingTop: () => 3.5,
    paddingBottom: () => 3.5,
  },
  headline: {
    hLineWidth: (i: number) => (i === 0 ? 1.2 : 0.5),
    vLineWidth: (i, node) => (i === 0 || i === (node.table.body[0]?.length ?? 0) ? 0 : 0.5),
    hLineColor: (i: number) => (i === 0 ? NAVY : RULE),
    vLineColor: () => RULE,
    paddingLeft: (i: number) => (i === 0 ? 0 : 8),
    paddingRight: (i: number, node) => (i === (node.table.body[0]?.length ?? 1) - 1 ? 0 : 8),
    paddingTop: () => 6,
    paddingBottom: () => 8,
  },
};
