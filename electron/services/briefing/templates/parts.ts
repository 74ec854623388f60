/**
 * Blocks more than one template prints: the title block, province figures, the output and growth
 * charts, an entity's figures table, and the document's frame (header, footer, marking).
 */
import { BRIEFING_WORDS, longDate } from '../../../../shared/briefing-words';
import { text, type Block, type BriefingDocument, type Cell, type Line, type OutputRow, type PercentRow } from '../../../../shared/document';
import { TIER_LOWER_BOUND_100M_YUAN, type EntityDetail, type Figure } from '../../../../shared/domain';
import { formatValue, periodWords } from '../../../../shared/format';
import { growthFigures } from '../../../../shared/charts/province';
import { outputChartBottom, outputChartTop, outputLabelHeight } from '../../../../shared/charts/tiers';
import { MESSAGES } from '../../../../shared/i18n';
import { outputStatement } from '../../../../shared/output';
import { clip, lowerFirst, zhSpacing, type Composer } from '../compose';
import { CHART_FONT_SIZE, CHART_SCALE } from '../pdf';

/** A one-line field (title, subtitle, author) prints on its own lines only where the page wraps it: typed line breaks become spaces. */
const oneLine = (v: string): string => v.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');

export function titleBlock(c: Composer, title: string, opts: { kicker: boolean; maxTitle?: number }): Block[] {
  const r = { ...c.req, title: oneLine(c.req.title), subtitle: oneLine(c.req.subtitle), author: oneLine(c.req.author) };
  title = oneLine(title);
  const from = (field: 'title' | 'subtitle' | 'author') => c.origin(c.w.fields[field], field);
  const meta: Line = [
    ...(r.author ? [text(c.w.preparedBy('').trimEnd() + (c.main === 'en' ? ' ' : '')), text(r.author, { from: from('author') }), text('  ·  ')] : []),
    text(c.both ? `${BRIEFING_WORDS.zh.issuedOn(longDate(c.generatedOn, 'zh'))} / ${BRIEFING_WORDS.en.issuedOn(longDate(c.generatedOn, 'en'))}` : c.w.issuedOn(longDate(c.generatedOn, c.main))),
  ];
  return [
    ...(opts.kicker ? [{ type: 'paragraph', runs: c.inline(c.say((w) => w.kicker)), style: 'kicker' } as Block] : []),
    { type: 'paragraph', runs: [text(clip(title, opts.maxTitle ?? Infinity), r.title ? { from: from('title') } : {})], style: 'title' },
    ...(!r.title && c.both ? [{ type: 'paragraph', runs: [text(BRIEFING_WORDS.en.defaultTitle[r.template], { lang: 'en' })], style: 'subtitle' } as Block] : []),
    ...(r.subtitle ? [{ type: 'paragraph', runs: [text(r.subtitle, { from: from('subtitle') })], style: 'subtitle' } as Block] : []),
    { type: 'paragraph', runs: meta, style: 'meta' },
    { type: 'rule', strong: true },
  ];
}

/** The page frame: running header, marking, footer with 数据截至 and the page label. */
export function frame(c: Composer, layout: BriefingDocument['layout'], title: string, blocks: Block[], scale = 1, cover = false): BriefingDocument {
  const asOf = c.data.dataAsOf ?? c.generatedOn;
  const footer: Line = [text(c.both ? `${BRIEFING_WORDS.zh.dataAsOf(longDate(asOf, 'zh'))} · ${BRIEFING_WORDS.en.dataAsOf(longDate(asOf, 'en'))}` : c.w.dataAsOf(longDate(asOf, c.main)))];
  const pageLabel = c.both ? `${BRIEFING_WORDS.zh.pageOf} · ${BRIEFING_WORDS.en.pageOf}` : c.w.pageOf;
  // A bilingual report's running header names it in both languages, as its footer and page label do (a title the person typed,
  // as typed; the one-page brief has no page to run a header on).
  const running = c.both && !c.req.title && layout === 'report' ? `${title} · ${BRIEFING_WORDS.en.defaultTitle[c.req.template]}` : title;
  return { lang: c.lang, layout, cover, title, author: c.req.author, marking: c.req.marking, running, footer, pageLabel, blocks, scale };
}

/** Province-level figures as a table: what, period, value. */
export function provinceTable(c: Composer, figures: readonly Figure[] = c.data.province.figures): Block[] {
  if (figures.length === 0) return [];
  const owner = c.m.scope.province;
  const rows: Cell[][] = figures.map((f) => [c.cell(c.scopedMetric(f)), c.cell(c.say((_, __, l) => periodWords(f.period, l))), c.cell(c.figureValue(f, owner), 'right')]);
  return [{ type: 'table', columns: [{ width: '*' }, { width: 'auto' }, { width: 'auto', align: 'right' }], header: [c.headerCell((w) => w.metric), c.headerCell((w) => w.period), c.headerCell((w) => w.value, 'right')], rows }];
}

/**
 * The headline boxes of the one-page brief: up to `max` of the groups' own province-level figures (a city's figure is that
 * city's part: it took a box as the group's), and how many more there are (a fifth figure pushed the fourth out unsaid).
 */
export function headlineFigures(c: Composer, max: number): Block[] {
  const own = c.data.province.figures.filter((f) => (f.cityCode ?? null) === null);
  const figures = own.slice(0, max);
  if (figures.length === 0) return [];
  const owner = c.m.scope.province;
  const more = own.length - figures.length;
  return [
    {
      type: 'figures',
      items: figures.map((f) => {
        const label = c.scopedMetric(f);
        const value = c.figureValue(f, owner);
        return { label: [[...label.runs, text(` · ${periodWords(f.period, c.main)}`)], ...(label.second ? [label.second] : [])], value: [value.runs, ...(value.second ? [value.second] : [])] };
      }),
    },
    ...(more > 0 ? c.paragraphs(c.say((w) => w.headlineMore(more)), 'small') : []),
  ];
}

type OutputCite = { sourceId: number; quote: string | null; owner: string };

/** Output rows of the chosen entities: their latest output figure, else their tier's lower bound; biggest first, each with its figure's source. */
export function outputRows(c: Composer, entities: readonly EntityDetail[]): { rows: OutputRow[]; cites: (OutputCite | null)[] } {
  const rows: { row: OutputRow; cite: OutputCite | null; order: number }[] = [];
  for (const e of entities) {
    const s = outputStatement(e);
    if (!s) continue;
    const row: OutputRow = { name: e.name, category: e.category, value: s.value, qualifier: s.qualifier, fromTier: s.figure === null };
    rows.push({ row, cite: s.figure?.sourceId ? { sourceId: s.figure.sourceId, quote: s.figure.sourceQuote, owner: c.ownerName(e) } : null, order: e.sortOrder });
  }
  rows.sort((a, b) => b.row.value - a.row.value || a.order - b.order);
  return { rows: rows.map((r) => r.row), cites: rows.map((r) => r.cite) };
}

/** The chosen industries the output chart cannot draw (no output figure and no tier), named: a brief of three future industries printed none of them, unsaid. */
export function notDrawn(c: Composer, entities: readonly EntityDetail[]): Block[] {
  const missing = entities.filter((e) => !outputStatement(e));
  if (missing.length === 0) return [];
  return c.paragraphs(c.say((w, _, l) => w.noOutput(missing.map((e) => e.name[l]).join(l === 'zh' ? '、' : ', '))), 'small');
}

/**
 * `maxHeight` (pt): the tallest one chart may be. Its rows close up to fit it, down to what a name's
 * lines need; more rows than that go on in further charts at `rowHeight`, captioned as continued (80
 * rows were squeezed into one page's chart, their names and values printed over each other).
 */
export function outputChart(c: Composer, entities: readonly EntityDetail[], maxRows: number, rowHeight: number, maxHeight = Infinity): Block[] {
  const { rows, cites } = outputRows(c, entities);
  if (rows.length === 0) return [];
  const shown = rows.slice(0, maxRows);
  // Above and below the bars: the legend (one category's too: it was drawn over the first name with no
  // room kept) and the axis, whose ticks take two lines in both languages; at least what the chart keeps.
  const names = c.both ? 'both' : c.main;
  const frameHeight = Math.max(c.both ? 84 : 70, Math.ceil((outputChartTop(new Set(shown.map((r) => r.category)).size, names) + outputChartBottom(names)) / CHART_SCALE));
  const pitch = c.both ? Math.max(17, rowHeight * 1.5) : rowHeight;
  // Closed up, a row keeps its name's lines and a gap of 4 px (or the height asked, if less).
  const least = Math.min(pitch, (outputLabelHeight(names, CHART_FONT_SIZE) + 4) / CHART_SCALE);
  const closed = Math.min(pitch, (maxHeight - frameHeight) / shown.length);
  const perChart = closed >= least ? shown.length : Math.max(1, Math.floor((maxHeight - frameHeight) / pitch));
  const charts = Math.ceil(shown.length / perChart);
  const size = Math.ceil(shown.length / charts);
  const parts = Array.from({ length: charts }, (_, i) => shown.slice(i * size, (i + 1) * size)).filter((part) => part.length > 0);
  const rowPitch = charts === 1 ? closed : pitch;
  // Charts of one set of rows share one scale: a continued chart of 100亿元 bars drew them as long as the first one's 1万亿元.
  const max = charts > 1 ? niceCeiling(Math.max(...shown.map((r) => r.value))) : undefined;
  return [
    ...parts.map((part, i): Block => {
      const caption = c.say((w) => (i === 0 ? w.outputChart : `${w.outputChart}${w.continued}`), 'strong');
      // The sources of the rows drawn, and only those (rows past maxRows are counted in a note, not drawn), each
      // standing for every drawn row's passage.
      const citeRuns = c.citeEach(cites.slice(i * size, i * size + part.length).filter((x): x is OutputCite => x !== null));
      const omitted = i === parts.length - 1 ? rows.length - shown.length : 0;
      return { type: 'chart', caption: [...caption.runs, ...citeRuns], ...(caption.second ? { second: caption.second } : {}), spec: { kind: 'output', rows: part, omitted, ...(max !== undefined ? { max } : {}) }, lang: c.lang, height: frameHeight + part.length * rowPitch };
    }),
    ...(shown.some((r) => r.fromTier) ? c.paragraphs(c.say((w) => w.outputChartNote), 'small') : []),
    // Eight clusters "over 1 trillion yuan" drew as eight equal bars, as if measured alike.
    ...(shown.some((r) => !r.fromTier && (r.qualifier === 'over' || r.qualifier === 'at_least')) ? c.paragraphs(c.say((w) => w.outputChartLowerBounds), 'small') : []),
    ...(rows.length > shown.length ? c.paragraphs(c.say((w) => w.chartOmitted(rows.length - shown.length)), 'small') : []),
  ];
}

/** The least of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten that is at least `v` (an axis's end). */
function niceCeiling(v: number): number {
  if (!(v > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  return [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((s) => s * power).find((n) => n >= v * (1 - 1e-9)) ?? 10 * power;
}

/** Added-value growth of the province-level groups, one bar each. */
export function growthChart(c: Composer): Block[] {
  const figures = growthFigures(c.data.province.figures);
  if (figures.length === 0) return [];
  const rows: PercentRow[] = figures.map((f) => ({
    label: { zh: zhSpacing(`${MESSAGES['zh-CN'].scope[f.scope]}（${periodWords(f.period, 'zh')}）`), en: `${MESSAGES.en.scope[f.scope]} (${periodWords(f.period, 'en')})` },
    value: f.value,
    qualifier: f.qualifier,
  }));
  const caption = c.say((w) => w.growthChart, 'strong');
  const seen = new Set<number>();
  const cites = figures.filter((f) => f.sourceId !== null && !seen.has(f.sourceId) && seen.add(f.sourceId)).flatMap((f) => c.cite(f.sourceId, f.sourceQuote, c.m.scope.province));
  return [{ type: 'chart', caption: [...caption.runs, ...cites], ...(caption.second ? { second: caption.second } : {}), spec: { kind: 'percent', rows }, lang: c.lang, height: 24 + rows.length * (c.both ? 42 : 30) }];
}

/**
 * An entity's figures: metric, period, value (with its note number); the analyst's notes follow the
 * table as paragraphs. A table row is kept whole on a page (pdfmake loses lines of a row it splits),
 * so only short, bounded text goes into cells.
 */
export function figuresTable(c: Composer, e: EntityDetail, figures: readonly Figure[]): Block[] {
  if (figures.length === 0) return [];
  const owner = c.ownerName(e);
  const rows: Cell[][] = figures.map((f) => [c.cell(c.metricName(f)), c.cell(c.say((_, __, l) => periodWords(f.period, l))), c.cell(c.figureValue(f, owner), 'right')]);
  const notes: Block[] = figures
    .filter((f) => f.note)
    .map((f) => {
      const label = c.say((w, _, l) => (l === 'zh' ? `${w.note}（${c.metricOf(f, l)}，${periodWords(f.period, l)}）：` : `${w.note} (${lowerFirst(c.metricOf(f, l))}, ${periodWords(f.period, l)}): `), 'muted');
      return { type: 'paragraph', runs: [...c.inline(label, ' '), text(f.note!, { from: c.origin(owner, 'note') })], style: 'body' } as Block;
    });
  return [
    {
      type: 'table',
      columns: [{ width: 'auto' }, { width: 'auto' }, { width: 'auto', align: 'right' }],
      header: [c.headerCell((w) => w.metric), c.headerCell((w) => w.period), c.headerCell((w) => w.value, 'right')],
      rows,
    },
    ...notes,
  ];
}

/** Category and tier of an entity, on one line. */
export function entityFacts(c: Composer, e: EntityDetail): Block[] {
  // One form for amounts and tiers: the tier prints as its lower bound, like any "over" figure.
  const tier = (l: 'zh' | 'en'): string => {
    const lang = l === 'zh' ? 'zh-CN' : 'en';
    return e.tier ? formatValue(TIER_LOWER_BOUND_100M_YUAN[e.tier], '100m_yuan', 'over', lang) : MESSAGES[lang].tier.none;
  };
  // A future industry has no output tier to name (its fact sheet said "Output tier: No tier"); a cluster without one says so.
  const tierPart = (w: { tier: string }, l: 'zh' | 'en'): string => (!e.tier && e.category === 'future' ? '' : `    ${w.tier}${l === 'zh' ? '：' : ': '}${tier(l)}`);
  return c.paragraphs(c.say((w, m, l) => `${w.category}${l === 'zh' ? '：' : ': '}${m.category[e.category]}${tierPart(w, l)}`), 'meta');
}
