/**
 * The briefing document model: one small tree of blocks and runs that every template builds and
 * every renderer (the PDF today) consumes, in the manner of Pandoc's AST. Declared once, as zod
 * schemas; invariants that hold for every output ("every string we print is in the file") are
 * checked on this tree, once. Runs anywhere.
 */
import { z } from 'zod';

/** Where a printed string came from: the entity by its name in the document's language, and the field. */
export const Origin = z.object({ entity: z.string(), field: z.string() });
export type Origin = z.infer<typeof Origin>;

export const RunStyle = z.enum(['plain', 'strong', 'muted', 'second', 'warn', 'label', 'value']);
export type RunStyle = z.infer<typeof RunStyle>;

/** Text in one language; `lang` picks quotation marks and line breaking, `nowrap` keeps a number with its unit. */
export const TextRun = z.object({
  t: z.literal('text'),
  text: z.string(),
  style: RunStyle.optional(),
  lang: z.enum(['zh', 'en']).optional(),
  nowrap: z.boolean().optional(),
  from: Origin.optional(),
});
export type TextRun = z.infer<typeof TextRun>;

/** A citation: prints as a superscript note number, assigned in reading order when the document is done. */
export const CiteRun = z.object({
  t: z.literal('cite'),
  sourceId: z.number().int().positive(),
  quote: z.string().nullable(),
  quoteFrom: Origin.optional(),
  /** Further passages of the same source this one mark stands for (a chart's other figures from it), gathered in its note too. */
  more: z.array(z.object({ text: z.string(), from: Origin.optional() })).optional(),
  /** The note's number, set by numberNotes in reading order. */
  n: z.number().int().positive().optional(),
});
export type CiteRun = z.infer<typeof CiteRun>;

export const Run = z.discriminatedUnion('t', [TextRun, CiteRun]);
export type Run = z.infer<typeof Run>;

export const Line = z.array(Run);
export type Line = z.infer<typeof Line>;

export const ParagraphStyle = z.enum([
  'body', 'lead', 'meta', 'muted', 'small', 'caption', 'second', 'kicker', 'title', 'subtitle', 'coverTitle', 'coverSubtitle', 'coverMeta', 'marking',
  // The 简报 (bulletin layout): its title (小标宋), the 按语 (楷), a quoted source passage.
  'bulletinTitle', 'editorNote', 'quote',
]);
export type ParagraphStyle = z.infer<typeof ParagraphStyle>;

export const Cell = z.object({ lines: z.array(Line), align: z.enum(['left', 'right']).optional() });
export type Cell = z.infer<typeof Cell>;

export const Column = z.object({ width: z.union([z.number().positive(), z.literal('*'), z.literal('auto')]), align: z.enum(['left', 'right']).optional() });

/** Rows of the output chart: one per entity, its latest output-value figure or else its tier's lower bound. */
export const OutputRow = z.object({
  name: z.object({ zh: z.string(), en: z.string() }),
  category: z.enum(['pillar', 'emerging', 'future']),
  /** In 亿元 (100 million yuan). */
  value: z.number(),
  qualifier: z.enum(['exact', 'over', 'at_least', 'nearly', 'about', 'target']),
  fromTier: z.boolean(),
});
export type OutputRow = z.infer<typeof OutputRow>;

export const PercentRow = z.object({ label: z.object({ zh: z.string(), en: z.string() }), value: z.number(), qualifier: OutputRow.shape.qualifier });
export type PercentRow = z.infer<typeof PercentRow>;

// ---- 简报 (bulletin) charts: one metric of chosen entities across periods, or compared -----------
const Qual = OutputRow.shape.qualifier;
const ChartUnit = z.enum(['yuan', '10k_yuan', '100m_yuan', 'percent', 'count']);
/** One line per entity; a point per period (null where the entity has no figure for it). */
export const TrendSeries = z.object({ name: z.object({ zh: z.string(), en: z.string() }), points: z.array(z.object({ value: z.number(), qualifier: Qual }).nullable()) });
export type TrendSeries = z.infer<typeof TrendSeries>;
export const CompareRow = z.object({ name: z.object({ zh: z.string(), en: z.string() }), value: z.number(), qualifier: Qual, period: z.string() });
export type CompareRow = z.infer<typeof CompareRow>;

export const ChartSpec = z.discriminatedUnion('kind', [
  // `max`: the axis's end, the same in every chart of one set of rows split over several (each drew to its own largest bar).
  z.object({ kind: z.literal('output'), rows: z.array(OutputRow), omitted: z.number().int().nonnegative(), max: z.number().positive().optional() }),
  z.object({ kind: z.literal('percent'), rows: z.array(PercentRow) }),
  z.object({ kind: z.literal('trend'), unit: ChartUnit, periods: z.array(z.string()), series: z.array(TrendSeries) }),
  z.object({ kind: z.literal('compare'), unit: ChartUnit, rows: z.array(CompareRow) }),
]);
export type ChartSpec = z.infer<typeof ChartSpec>;

// ---- 简报 (bulletin) head and tail -------------------------------------------------------------

/**
 * 报头: the bulletin's name (large, red, centred), the issue line beneath it ('第3期', '第3期（总第15期）',
 * '增刊第1期'), the compiling unit (left) and the issue date in long form (right) above a red rule;
 * the marking top left and the copy number top right. Empty strings print nothing.
 */
export const BulletinHead = z.object({
  type: z.literal('bulletinHead'),
  name: z.string(),
  issueLine: z.string(),
  unit: z.string(),
  date: z.string(),
  marking: z.string(),
  copyNumber: z.string(),
});
export type BulletinHead = z.infer<typeof BulletinHead>;

/** 报尾: a rule, then 报送 / 抄送 lists and 共印N份, labelled in `lang` (both languages in a bilingual bulletin: 报送（To）：). */
export const BulletinTail = z.object({
  type: z.literal('bulletinTail'),
  lang: z.enum(['zh', 'en', 'bilingual']),
  sendTo: z.array(z.string()),
  copyTo: z.array(z.string()),
  copies: z.number().int().nonnegative().nullable(),
});
export type BulletinTail = z.infer<typeof BulletinTail>;

/** The red of the 红头 (pure red, as office templates set it): the head's name and the rule beneath it, in the PDF and in Word alike. */
export const BULLETIN_RED = '#ff0000';

export const BULLETIN_TAIL_WORDS = {
  zh: { sendTo: '报送：', copyTo: '抄送：', separator: '，', end: '。', copies: (n: number) => `共印${n}份` },
  en: { sendTo: 'To: ', copyTo: 'Cc: ', separator: '; ', end: '.', copies: (n: number) => `${n} ${n === 1 ? 'copy' : 'copies'} printed` },
  // As a bilingual form glosses its labels; the recipients are set as they were typed.
  bilingual: { sendTo: '报送（To）：', copyTo: '抄送（Cc）：', separator: '，', end: '。', copies: (n: number) => `共印${n}份（${n} ${n === 1 ? 'copy' : 'copies'} printed）` },
} as const;

/** The lines a tail prints, each a label and its text ("报送：" + "省政府办公厅，省发展改革委。"); both writers print these. */
export function bulletinTailLines(b: BulletinTail): { label: string; text: string; items: string[] }[] {
  const w = BULLETIN_TAIL_WORDS[b.lang];
  // A bilingual tail's list of names typed in English takes English punctuation.
  const punctuation = (items: string[]) => (b.lang === 'bilingual' && !items.some((i) => /\p{Script=Han}/u.test(i)) ? BULLETIN_TAIL_WORDS.en : w);
  const list = (label: string, items: string[]) => (items.length ? [{ label, text: `${items.join(punctuation(items).separator)}${punctuation(items).end}`, items }] : []);
  // No copies line for none: '共印0份' (a draft stored with 0 before the form refused it) said nothing.
  return [...list(w.sendTo, b.sendTo), ...list(w.copyTo, b.copyTo), ...(b.copies !== null && b.copies > 0 ? [{ label: '', text: w.copies(b.copies), items: [w.copies(b.copies)] }] : [])];
}

/** The head's strings in reading order (marking, copy number, name, issue line, unit, date — a bilingual one a language a line, as it prints), those that print. */
export function bulletinHeadTexts(b: BulletinHead): string[] {
  return [b.marking, b.copyNumber, b.name, b.issueLine, b.unit, ...b.date.split(DATES_JOINED)].filter((v) => v !== '');
}

export const Block: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), runs: Line, second: Line.optional(), toc: z.boolean() }),
    z.object({ type: z.literal('paragraph'), runs: Line, style: ParagraphStyle }),
    z.object({ type: z.literal('list'), items: z.array(z.object({ runs: Line, second: Line.optional() })) }),
    z.object({ type: z.literal('figures'), items: z.array(z.object({ label: z.array(Line), value: z.array(Line) })) }),
    z.object({ type: z.literal('table'), columns: z.array(Column), header: z.array(Cell), rows: z.array(z.array(Cell)) }),
    z.object({ type: z.literal('chart'), caption: Line, second: Line.optional(), spec: ChartSpec, lang: z.enum(['zh', 'en', 'bilingual']), height: z.number().positive() }),
    z.object({ type: z.literal('annotation'), meta: Line, body: Line }),
    z.object({ type: z.literal('notes'), compact: z.boolean(), small: z.boolean().optional(), items: z.array(z.object({ n: z.number().int().positive(), lines: z.array(Line) })) }),
    z.object({ type: z.literal('rule'), strong: z.boolean() }),
    z.object({ type: z.literal('contents'), title: Line }),
    z.object({ type: z.literal('pageBreak') }),
    z.object({ type: z.literal('columns'), columns: z.array(z.array(Block)) }),
    BulletinHead,
    BulletinTail,
  ]),
);
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; runs: Line; second?: Line; toc: boolean }
  | { type: 'paragraph'; runs: Line; style: ParagraphStyle }
  | { type: 'list'; items: { runs: Line; second?: Line }[] }
  | { type: 'figures'; items: { label: Line[]; value: Line[] }[] }
  | { type: 'table'; columns: { width: number | '*' | 'auto'; align?: 'left' | 'right' }[]; header: Cell[]; rows: Cell[][] }
  | { type: 'chart'; caption: Line; second?: Line; spec: ChartSpec; lang: 'zh' | 'en' | 'bilingual'; height: number }
  | { type: 'annotation'; meta: Line; body: Line }
  /** compact: one line per source, no quoted passages (the one-page brief); small: in the small type of a one-sheet page. */
  | { type: 'notes'; compact: boolean; small?: boolean; items: { n: number; lines: Line[] }[] }
  | { type: 'rule'; strong: boolean }
  | { type: 'contents'; title: Line }
  | { type: 'pageBreak' }
  | { type: 'columns'; columns: Block[][] }
  | BulletinHead
  | BulletinTail;

export const BriefingDocument = z.object({
  lang: z.enum(['zh', 'en', 'bilingual']),
  /** one-page: the title block is on the page and there is no running header on page 1. */
  layout: z.enum(['one-page', 'report', 'bulletin']),
  title: z.string(),
  author: z.string(),
  /** Page 1 is a cover: it prints the marking itself, and no header. */
  cover: z.boolean(),
  /** Printed on every page, top right, never wrapped. */
  marking: z.string(),
  /** Running header (pages after the first): the title, cut with an ellipsis to one line. */
  running: z.string(),
  /** Footer, left: e.g. 数据截至2026年11月28日. */
  footer: Line,
  /** Footer, right: page x of y in the document's language(s); {{page}} and {{pages}} are filled per page. */
  pageLabel: z.string(),
  blocks: z.array(Block),
  /** The font size scale for the one-page fit (1 = normal). */
  scale: z.number().positive().max(1),
});
export type BriefingDocument = z.infer<typeof BriefingDocument>;

export function text(value: string, extra: Omit<TextRun, 't' | 'text'> = {}): TextRun {
  return { t: 'text', text: value, ...extra };
}

// ---- source notes ------------------------------------------------------------------------------

export interface NoteEntry {
  n: number;
  sourceId: number;
  quotes: { text: string; from?: Origin }[];
}

/** Every block in reading order (columns left to right), flattened. */
export function* walkBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const b of blocks) {
    yield b;
    if (b.type === 'columns') for (const c of b.columns) yield* walkBlocks(c);
  }
}

/** Every text run of a document's body in reading order, with where it came from. */
export function* bodyTexts(blocks: readonly Block[]): Generator<TextRun> {
  for (const b of walkBlocks(blocks)) for (const line of blockLines(b)) for (const r of line) if (r.t === 'text') yield r;
}

/** Every line of a block in reading order. */
export function blockLines(b: Block): Line[] {
  switch (b.type) {
    case 'heading':
      return [b.runs, ...(b.second ? [b.second] : [])];
    case 'paragraph':
      return [b.runs];
    case 'list':
      return b.items.flatMap((i) => [i.runs, ...(i.second ? [i.second] : [])]);
    case 'figures':
      return b.items.flatMap((i) => [...i.label, ...i.value]);
    case 'table':
      return [...b.header, ...b.rows.flat()].flatMap((c) => c.lines);
    case 'chart':
      return [b.caption, ...(b.second ? [b.second] : [])];
    case 'annotation':
      return [b.meta, b.body];
    case 'contents':
      return [b.title];
    case 'notes':
      return b.items.flatMap((i) => i.lines);
    case 'bulletinHead':
      return bulletinHeadTexts(b).map((v) => [text(v)]);
    case 'bulletinTail':
      return bulletinTailLines(b).map((l) => [...(l.label ? [text(l.label)] : []), ...l.items.map((item) => text(item))]);
    default:
      return [];
  }
}

/**
 * Numbers the citations in reading order (setting each cite's `n`): one note per source, the quoted
 * passages gathered under it in the order first cited. Returns the notes and the number of each source.
 */
export function numberNotes(blocks: readonly Block[]): { notes: NoteEntry[]; numberOf: Map<number, number> } {
  const notes: NoteEntry[] = [];
  const numberOf = new Map<number, number>();
  for (const b of walkBlocks(blocks)) {
    for (const line of blockLines(b)) {
      for (const r of line) {
        if (r.t !== 'cite') continue;
        let n = numberOf.get(r.sourceId);
        if (n === undefined) {
          n = notes.length + 1;
          numberOf.set(r.sourceId, n);
          notes.push({ n, sourceId: r.sourceId, quotes: [] });
        }
        r.n = n;
        const entry = notes[n - 1]!;
        if (r.quote && !entry.quotes.some((q) => q.text === r.quote)) entry.quotes.push({ text: r.quote, ...(r.quoteFrom ? { from: r.quoteFrom } : {}) });
        for (const m of r.more ?? []) if (!entry.quotes.some((q) => q.text === m.text)) entry.quotes.push(m);
      }
      sortAdjacentCites(line);
    }
  }
  return { notes, numberOf };
}

/** Note numbers side by side (a chart's sources) in ascending order: "1,2", never "2,1". */
function sortAdjacentCites(line: Line): void {
  for (let i = 0; i < line.length; i++) {
    if (line[i]!.t !== 'cite') continue;
    let j = i;
    while (line[j + 1]?.t === 'cite') j++;
    if (j > i) line.splice(i, j - i + 1, ...(line.slice(i, j + 1) as CiteRun[]).sort((a, b) => (a.n ?? 0) - (b.n ?? 0)));
    i = j;
  }
}

/**
 * A note number as it prints: side by side with the one before it, after a comma ("1,2"), so that two
 * notes never read as one ("21").
 */
export function citeMark(line: Line, k: number): string {
  const r = line[k]!;
  const n = r.t === 'cite' ? String(r.n ?? '?') : '';
  return k > 0 && line[k - 1]!.t === 'cite' ? `,${n}` : n;
}


/** Between a bilingual date's two languages ("2026年12月3日 / 3 December 2026"); the 简报's head sets each on a line of its own. */
export const DATES_JOINED = ' / ';
