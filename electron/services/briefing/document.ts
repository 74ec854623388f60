/**
 * The three briefing templates as pdfmake document definitions: one-page brief, full briefing and
 * fact sheet. Every figure prints through formatFigure (unit and qualifier) with a superscript
 * note number pointing to its numbered source. Every string taken from the data is recorded with
 * where it came from, so a character no font has can be named with its place before anything prints.
 */
import type { EChartsOption } from 'echarts';
import type { Content, ContentTable, CustomTableLayout, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { BriefingLang, BriefingRequest } from '../../../shared/briefing';
import { provinceChartOption, growthFigures } from '../../../shared/charts/province';
import { CHART_COLORS } from '../../../shared/charts/style';
import { tierChartOption, tieredEntities } from '../../../shared/charts/tiers';
import { CATEGORIES, TIER_LOWER_BOUND_100M_YUAN, TIERS, type Annotation, type Category, type EntityDetail, type Figure, type Milestone } from '../../../shared/domain';
import { formatFigure, formatValue } from '../../../shared/format';
import { MESSAGES, type Lang } from '../../../shared/i18n';
import type { BriefingData } from './data';
import { PRIMARY_FONT } from './fonts';
import type { PrintedText } from './glyphs';

/** Draws a chart as SVG; `key` names every input of `option` (so a renderer may reuse a drawing). */
export type ChartRenderer = (key: string, option: () => EChartsOption, size: { width: number; height: number }) => string;

export interface BuildInput {
  request: BriefingRequest;
  data: BriefingData;
  /** YYYY-MM-DD, printed in the footer. */
  generatedOn: string;
  renderChart: ChartRenderer;
}

export interface BuiltBriefing {
  doc: TDocumentDefinitions;
  /** Every string from the data or the request that the document prints, with its place. */
  printed: PrintedText[];
}

const A4_WIDTH = 595.28;
const MARGIN_X = 56;
const CONTENT_WIDTH = A4_WIDTH - 2 * MARGIN_X;
const NAVY = CHART_COLORS.pillar;
const INK = CHART_COLORS.text;
const MUTED = CHART_COLORS.muted;
const RULE = CHART_COLORS.rule;
const MARK = '#9a1b1b';

/** `{{name}}` placeholders in the resource strings. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** Numbered source notes in order of first citation: one note per (source, quoted sentence). */
class SourceNotes {
  readonly list: { sourceId: number; quote: string | null }[] = [];
  private readonly index = new Map<string, number>();
  /** withQuotes false: one note per source, without the quoted sentences (the one-page brief). */
  constructor(private readonly withQuotes: boolean) {}
  cite(sourceId: number | null, fullQuote: string | null): number | null {
    if (sourceId === null) return null;
    const quote = this.withQuotes ? fullQuote : null;
    const key = `${sourceId}\u0000${quote ?? ''}`;
    let n = this.index.get(key);
    if (n === undefined) {
      this.list.push({ sourceId, quote });
      n = this.list.length;
      this.index.set(key, n);
    }
    return n;
  }
}

export function buildBriefing(input: BuildInput): BuiltBriefing {
  return new Builder(input).build();
}

class Builder {
  private readonly req: BriefingRequest;
  private readonly data: BriefingData;
  private readonly lang: BriefingLang;
  /** The language of the running text: Chinese for zh and bilingual. */
  private readonly text: Lang;
  private readonly m: (typeof MESSAGES)[Lang];
  private readonly w: (typeof MESSAGES)[Lang]['briefing'];
  private readonly notes: SourceNotes;
  readonly printed: PrintedText[] = [];
  private readonly title: string;

  constructor(private readonly input: BuildInput) {
    this.req = input.request;
    this.data = input.data;
    this.lang = input.request.lang;
    this.text = this.lang === 'en' ? 'en' : 'zh-CN';
    this.m = MESSAGES[this.text];
    this.w = this.m.briefing;
    this.notes = new SourceNotes(this.req.template !== 'one-page');
    this.title = this.req.title ? this.p(this.req.title, 'briefing', 'title') : this.w.defaultTitle[this.req.template];
    if (this.req.subtitle) this.p(this.req.subtitle, 'briefing', 'subtitle');
    if (this.req.author) this.p(this.req.author, 'briefing', 'author');
    if (this.req.marking) this.p(this.req.marking, 'briefing', 'marking');
    this.p(this.data.dataVersion, 'data file', 'data version');
  }

  build(): BuiltBriefing {
    const content =
      this.req.template === 'one-page' ? this.onePage() : this.req.template === 'full' ? this.full() : this.factSheetDocument(this.data.entities[0]!);
    const doc: TDocumentDefinitions = {
      pageSize: 'A4',
      pageMargins: [MARGIN_X, 64, MARGIN_X, 56],
      info: { title: this.title, author: this.req.author || undefined, subject: this.w.kicker, creator: 'Cluster Brief', producer: 'Cluster Brief' },
      language: this.lang === 'en' ? 'en' : 'zh-CN',
      defaultStyle: { font: PRIMARY_FONT, fontSize: 9.5, lineHeight: 1.35, color: INK },
      styles: STYLES,
      // Page 1 carries the title itself: its header holds only the marking (the cover has its own).
      header: (page: number) => (page > 1 ? this.header() : this.req.template === 'full' || !this.req.marking ? null : this.markingHeader()),
      footer: (page: number, pages: number) => this.footer(page, pages),
      content,
    };
    return { doc, printed: this.printed };
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Quotation marks: the CJK font's curly quotes are full-width, so English text uses straight ones. */
  private quoted(text: string): string {
    return this.text === 'en' ? `"${text}"` : `“${text}”`;
  }

  private colon(): string {
    return this.text === 'en' ? ': ' : '：';
  }

  /** Records a string from the data or the request as printed, and returns it. */
  private p(text: string, entity: string, field: string): string {
    this.printed.push({ text, entity, field });
    return text;
  }

  private entityName(e: EntityDetail, field = 'name'): { main: string; en: string | null } {
    if (this.lang === 'en') return { main: this.p(e.name.en, e.id, `${field}.en`), en: null };
    const main = this.p(e.name.zh, e.id, `${field}.zh`);
    return { main, en: this.lang === 'bilingual' ? this.p(e.name.en, e.id, `${field}.en`) : null };
  }

  /** A name as one inline run: "新一代电子信息  New-generation …" in bilingual documents. */
  private nameInline(e: EntityDetail): Content[] {
    const n = this.entityName(e);
    return n.en ? [n.main, { text: `  ${n.en}`, style: 'enName' }] : [n.main];
  }

  /** A name as a table cell: the English name on a second line in bilingual documents. */
  private nameCell(e: EntityDetail): TableCell {
    const n = this.entityName(e);
    return n.en ? { stack: [n.main, { text: n.en, style: 'enNameSmall' }] } : { text: n.main };
  }

  private heading(text: string, style: 'h1' | 'h2' | 'h3', toc = false, extra: Content[] = []): Content {
    return { text: [text, ...extra], style, ...(toc ? { tocItem: true, tocStyle: style === 'h1' ? 'tocH1' : 'tocH2', tocMargin: style === 'h1' ? [0, 6, 0, 0] : [14, 1, 0, 0] } : {}) } as Content;
  }

  /** A figure as it prints: "近3万亿元" + superscript note number (or a visible "no source"). */
  private figureInline(f: Figure, entity: string): Content[] {
    const value = formatFigure(f, this.text);
    const n = this.notes.cite(f.sourceId, f.sourceQuote);
    if (f.sourceQuote) this.p(f.sourceQuote, entity, `figure ${f.id} source quote`);
    return n === null ? [value, { text: ` (${this.w.noSource})`, style: 'warn' }] : [value, { text: String(n), style: 'noteRef' }];
  }

  private figureLabel(f: Figure): string {
    return this.text === 'en' ? `${this.m.scope[f.scope]}: ${this.m.metric[f.metric]}` : `${this.m.scope[f.scope]}${this.m.metric[f.metric]}`;
  }

  private markingHeader(): Content {
    return { text: this.req.marking, style: 'markingSmall', alignment: 'right', margin: [MARGIN_X, 26, MARGIN_X, 0] };
  }

  private header(): Content {
    const marking = this.req.marking;
    return {
      margin: [MARGIN_X, 26, MARGIN_X, 0],
      stack: [
        {
          columns: [
            { text: this.title, style: 'running', width: '*' },
            ...(marking ? [{ text: marking, style: 'markingSmall', width: 'auto' } as Content] : []),
          ],
        },
        { canvas: [{ type: 'line', x1: 0, y1: 4, x2: CONTENT_WIDTH, y2: 4, lineWidth: 0.5, lineColor: RULE }] },
      ],
    };
  }

  private footer(page: number, pages: number): Content {
    const left = [fill(this.w.generatedOn, { date: this.input.generatedOn }), fill(this.w.dataVersion, { version: this.data.dataVersion })].join('  ·  ');
    return {
      margin: [MARGIN_X, 20, MARGIN_X, 0],
      columns: [
        { text: left, style: 'running', width: '*' },
        { text: fill(this.w.pageOf, { page, pages }), style: 'running', alignment: 'right', width: 'auto' },
      ],
    };
  }

  private rule(width = CONTENT_WIDTH, color: string = RULE, lineWidth = 0.5, margin: [number, number, number, number] = [0, 4, 0, 8]): Content {
    return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth, lineColor: color }], margin };
  }

  private table(widths: (number | string)[], head: string[], rows: TableCell[][], headerRows = 1): ContentTable {
    return {
      table: {
        headerRows,
        widths,
        dontBreakRows: true,
        body: [head.map((h) => ({ text: h, style: 'th' })), ...rows],
      },
      layout: 'briefing',
      margin: [0, 2, 0, 10],
    };
  }

  private chart(key: unknown[], option: () => EChartsOption, width: number, height: number, displayWidth: number): Content {
    const svg = this.input.renderChart(JSON.stringify([...key, width, height]), option, { width, height });
    return { svg, width: displayWidth, margin: [0, 2, 0, 2] };
  }

  private caption(text: string, notes: (number | null)[]): Content {
    const refs = [...new Set(notes.filter((n): n is number => n !== null))].sort((a, b) => a - b);
    return { text: [text, ...(refs.length ? [{ text: refs.join(','), style: 'noteRef' }] : [])], style: 'caption' };
  }

  // ---- shared blocks ---------------------------------------------------------------------------

  private titleBlock(kicker = true): Content[] {
    const meta = [this.req.author ? fill(this.w.preparedBy, { author: this.req.author }) : null, fill(this.w.generatedOn, { date: this.input.generatedOn })]
      .filter((x): x is string => x !== null)
      .join('  ·  ');
    return [
      ...(kicker ? [{ text: this.lang === 'bilingual' ? `${this.w.kicker}  ${MESSAGES.en.briefing.kicker}` : this.w.kicker, style: 'kicker' } as Content] : []),
      { text: this.title, style: 'docTitle' },
      ...(this.req.subtitle ? [{ text: this.req.subtitle, style: 'docSubtitle' } as Content] : []),
      { text: meta, style: 'meta' },
      this.rule(CONTENT_WIDTH, NAVY, 1.2, [0, 6, 0, 12]),
    ];
  }

  private headlineFigures(): Content {
    const figures = this.data.province.figures;
    const cells: TableCell[] = figures.map((f) => ({
      stack: [
        { text: `${this.figureLabel(f)} · ${f.period}`, style: 'figLabel' },
        { text: this.figureInline(f, 'province'), style: 'figBig' },
      ],
    }));
    if (cells.length === 0) return { text: '' };
    // English values are long ("nearly 3 trillion yuan"): two boxes a row instead of four.
    const perRow = this.text === 'en' ? 2 : 4;
    const body: TableCell[][] = [];
    for (let i = 0; i < cells.length; i += perRow) {
      const row = cells.slice(i, i + perRow);
      while (row.length < Math.min(perRow, cells.length)) row.push({ text: '' });
      body.push(row);
    }
    return {
      table: { widths: body[0]!.map(() => '*'), body },
      layout: 'headline',
      margin: [0, 0, 0, 12],
    };
  }

  private provinceTable(): Content {
    const rows = this.data.province.figures.map((f) => [
      { text: this.m.scope[f.scope] },
      { text: this.m.metric[f.metric] },
      { text: f.period },
      { text: this.figureInline(f, 'province'), alignment: 'right' as const },
    ]);
    return this.table(['*', '*', 'auto', 'auto'], [this.w.name, this.w.metric, this.w.period, this.w.value], rows);
  }

  private tierChart(width: number, height: number, display: number): Content[] {
    const tiered = tieredEntities(this.data.entities);
    if (tiered.length === 0) return [];
    const notes = tiered.map((e) => {
      const f = e.figures.find((x) => x.metric === 'output_value');
      return f ? this.notes.cite(f.sourceId, f.sourceQuote) : null;
    });
    tiered.forEach((e) => this.entityName(e, 'name (chart)'));
    const names = this.lang === 'bilingual' ? 'both' : this.lang;
    return [
      {
        stack: [this.caption(this.w.tierChart, notes), this.chart(
            ['tiers', this.text, names, tiered.map((e) => [e.id, e.name, e.category, e.tier, e.sortOrder])],
            () => tierChartOption(tiered, this.text, { fontFamily: PRIMARY_FONT, fontSize: 11, animation: false }, names),
            width,
            height,
            display,
          )],
        unbreakable: true,
      },
    ];
  }

  private growthChart(): Content[] {
    const figures = growthFigures(this.data.province.figures);
    if (figures.length === 0) return [];
    const notes = figures.map((f) => this.notes.cite(f.sourceId, f.sourceQuote));
    return [
      {
        stack: [
          this.caption(this.w.provinceChart, notes),
          this.chart(
            ['province', this.text, figures],
            () => provinceChartOption(figures, this.text, { fontFamily: PRIMARY_FONT, fontSize: 11, animation: false }),
            640,
            36 + figures.length * 34,
            CONTENT_WIDTH,
          ),
        ],
        unbreakable: true,
      },
    ];
  }

  /** Bullets: each province figure (unless shown just above), then how many clusters reach each tier. */
  private keyPoints(withProvince = true): Content {
    const items: Content[] = (withProvince ? this.data.province.figures : []).map((f) => ({
      text: [this.text === 'en' ? `${this.figureLabel(f)} (${f.period}): ` : `${this.figureLabel(f)}（${f.period}）：`, ...this.figureInline(f, 'province')],
    }));
    for (const tier of TIERS) {
      const inTier = this.data.entities.filter((e) => e.tier === tier);
      if (inTier.length === 0) continue;
      const refs = [
        ...new Set(
          inTier
            .map((e) => e.figures.find((f) => f.metric === 'output_value'))
            .map((f) => (f ? this.notes.cite(f.sourceId, f.sourceQuote) : null))
            .filter((n): n is number => n !== null),
        ),
      ];
      items.push({ text: [fill(this.w.tierCount, { count: inTier.length, value: formatValue(TIER_LOWER_BOUND_100M_YUAN[tier], '100m_yuan', 'over', this.text) }), ...(refs.length ? [{ text: refs.join(','), style: 'noteRef' }] : [])] });
    }
    return { ul: items, style: 'list', margin: [0, 0, 0, 8] };
  }

  private annotationTarget(a: Annotation, entity: EntityDetail | null): string {
    if (a.targetType === 'figure') {
      const f = entity ? entity.figures.find((x) => String(x.id) === a.targetId) : this.data.province.figures.find((x) => String(x.id) === a.targetId);
      const owner = entity ? this.entityName(entity, 'name').main : this.w.province;
      return f ? `${owner} · ${this.m.metric[f.metric]} ${f.period}` : owner;
    }
    return entity ? this.entityName(entity, 'name').main : this.w.province;
  }

  private annotationBlock(a: Annotation, entity: EntityDetail | null): Content {
    const where = entity ? entity.id : 'province';
    const line = fill(this.w.annotationOn, {
      target: this.annotationTarget(a, entity),
      author: this.p(a.author, where, `annotation ${a.id} author`),
      date: a.updatedAt.slice(0, 10),
    });
    return {
      stack: [
        { text: line, style: 'annotationMeta' },
        { text: this.p(a.body, where, `annotation ${a.id}`), style: 'annotationBody' },
      ],
      unbreakable: true,
      margin: [0, 0, 0, 8],
    };
  }

  private sourceNotes(style: 'notes' | 'notesSmall' = 'notes'): Content {
    const items: Content[] = this.notes.list.map(({ sourceId, quote }) => {
      const s = this.data.sources.get(sourceId);
      if (!s) return { text: `#${sourceId}` };
      const where = `source ${s.id}`;
      const parts = [
        this.p(s.publisher, where, 'publisher'),
        this.quoted(this.p(s.title, where, 'title')),
        s.author ? this.p(s.author, where, 'author') : null,
        s.publishedOn,
      ].filter((x): x is string => x !== null);
      return {
        text: [parts.join(this.text === 'en' ? ', ' : '，'), ...(quote ? [{ text: `${this.text === 'en' ? '. ' : '。'}${this.w.quoted}${this.colon()}${this.quoted(quote)}`, style: 'quote' }] : [])],
      };
    });
    return { ol: items, style };
  }

  private milestoneBlock(ms: Milestone): Content {
    const n = this.notes.cite(ms.sourceId, ms.sourceQuote);
    if (ms.sourceQuote) this.p(ms.sourceQuote, 'milestone', `${ms.year} source quote`);
    const body = this.text === 'en' ? ms.text.en : ms.text.zh;
    this.p(body, 'milestone', `${ms.year}`);
    const en = this.lang === 'bilingual' ? [{ text: this.p(ms.text.en, 'milestone', `${ms.year}.en`), style: 'enPara' } as Content] : [];
    return {
      stack: [
        { text: fill(this.w.milestoneYear, { year: ms.year }), style: 'h3' },
        { text: [body, ...(n !== null ? [{ text: String(n), style: 'noteRef' }] : [])], style: 'para' },
        ...en,
      ],
      unbreakable: true,
    };
  }

  // ---- entity fact sheet -------------------------------------------------------------------------

  private factSheetBody(e: EntityDetail, headingStyle: 'h1' | 'h2', toc: boolean): Content[] {
    const n = this.entityName(e);
    const tier = e.tier ? this.m.tier[e.tier] : this.m.tier.none;
    const facts: Content = {
      text: [{ text: `${this.w.category}${this.colon()}`, style: 'label' }, this.m.category[e.category], { text: `    ${this.w.tier}${this.colon()}`, style: 'label' }, tier],
      style: 'meta',
      margin: [0, 0, 0, 6],
    };
    const figureRows = e.figures.map((f) => [
      { text: this.m.metric[f.metric] },
      { text: f.period },
      { text: this.figureInline(f, e.id) },
      { text: f.note ? this.p(f.note, e.id, `figure ${f.id} note`) : '' },
    ]);
    const marked = this.data.annotations.filter((x) => x.entity?.id === e.id);
    return [
      {
        stack: [
          this.heading(n.main, headingStyle, toc, n.en ? [{ text: `  ${n.en}`, style: headingStyle === 'h1' ? 'enHeading' : 'enName' }] : []),
          facts,
          ...(figureRows.length
            ? [this.table([110, 44, '*', 120], [this.w.metric, this.w.period, this.w.value, this.w.note], figureRows)]
            : [{ text: this.w.noFigures, style: 'muted', margin: [0, 0, 0, 8] } as Content]),
        ],
        unbreakable: true,
        margin: [0, 0, 0, 6],
      },
      ...marked.map((x) => this.annotationBlock(x.annotation, x.entity)),
    ];
  }

  // ---- templates -------------------------------------------------------------------------------

  private onePage(): Content[] {
    const marked = this.data.annotations;
    const shown = marked.slice(0, 2);
    const tiered = tieredEntities(this.data.entities);
    const chartHeight = Math.max(120, 44 + tiered.length * (this.lang === 'bilingual' ? 23.5 : this.lang === 'en' ? 16 : 20));
    const chart = this.tierChart(680, chartHeight, CONTENT_WIDTH);
    const keyPoints = this.keyPoints(false);
    const annotations: Content[] = shown.length ? shown.map((x) => this.annotationBlock(x.annotation, x.entity)) : [{ text: this.w.annotationsNone, style: 'muted' }];
    const more: Content[] = marked.length > shown.length ? [{ text: fill(this.w.annotationsMore, { count: marked.length - shown.length }), style: 'muted' }] : [];
    return [
      ...this.titleBlock(false),
      this.headlineFigures(),
      ...chart,
      {
        columns: [
          { width: '*', stack: [{ text: this.w.keyPoints, style: 'h3' }, keyPoints] },
          {
            width: '*',
            stack: [
              { text: this.w.annotationsShort, style: 'h3' },
              ...annotations,
              ...more,
              { text: this.w.sources, style: 'h4', margin: [0, 8, 0, 2] },
              this.sourceNotes('notesSmall'),
            ],
          },
        ],
        columnGap: 18,
      },
    ];
  }

  private full(): Content[] {
    const cover: Content[] = [
      ...(this.req.marking ? [{ text: this.req.marking, style: 'marking' } as Content] : []),
      { text: this.w.kicker, style: 'coverKicker', margin: [0, this.req.marking ? 150 : 180, 0, 10] },
      ...(this.lang === 'bilingual' ? [{ text: MESSAGES.en.briefing.kicker, style: 'coverKickerEn' } as Content] : []),
      { text: this.title, style: 'coverTitle' },
      ...(this.req.subtitle ? [{ text: this.req.subtitle, style: 'coverSubtitle' } as Content] : []),
      this.rule(80, NAVY, 2.5, [0, 18, 0, 18]),
      ...(this.req.author ? [{ text: fill(this.w.preparedBy, { author: this.req.author }), style: 'coverMeta' } as Content] : []),
      { text: fill(this.w.generatedOn, { date: this.input.generatedOn }), style: 'coverMeta' },
      { text: fill(this.w.dataVersion, { version: this.data.dataVersion }), style: 'coverMeta', pageBreak: 'after' },
    ];
    const contents: Content[] = [
      {
        toc: { title: { text: this.w.contents, style: 'h1' }, numberStyle: 'tocNumber' },
        pageBreak: 'after',
      } as Content,
    ];
    const overview: Content[] = [
      this.heading(this.w.overview, 'h1', true),
      { text: this.w.overviewIntro, style: 'para' },
      { text: this.w.headlineFigures, style: 'h2' },
      this.provinceTable(),
      ...this.growthChart(),
      ...this.tierChart(640, Math.max(120, 44 + tieredEntities(this.data.entities).length * (this.lang === 'zh' ? 20 : 26)), CONTENT_WIDTH),
      { text: this.w.keyPoints, style: 'h2' },
      this.keyPoints(),
    ];
    const sections = CATEGORIES.flatMap((c) => this.categorySection(c));
    const milestones: Content[] = this.data.province.milestones.length
      ? [this.heading(this.w.milestones, 'h1', true, []), ...this.futurePlanLine(), ...this.data.province.milestones.map((m) => this.milestoneBlock(m))]
      : [];
    const appendix: Content[] = [
      { ...(this.heading(this.w.annotations, 'h1', true) as object), pageBreak: 'before' } as Content,
      ...(this.data.annotations.length ? this.data.annotations.map((x) => this.annotationBlock(x.annotation, x.entity)) : [{ text: this.w.annotationsNone, style: 'muted' } as Content]),
    ];
    // Source notes last: every citation above has been numbered by now.
    const body = [...overview, ...sections, ...milestones, ...appendix];
    const notes: Content[] = [this.heading(this.w.sources, 'h1', true), this.sourceNotes()];
    return [...cover, ...contents, ...body, ...notes];
  }

  private futurePlanLine(): Content[] {
    return this.data.futurePlanIssuedOn ? [{ text: fill(this.w.futurePlan, { date: this.data.futurePlanIssuedOn }), style: 'para' }] : [];
  }

  private categorySection(category: Category): Content[] {
    const entities = this.data.entities.filter((e) => e.category === category);
    if (entities.length === 0) return [];
    const rows = entities.map((e) => {
      const f = e.figures.find((x) => x.metric === 'output_value');
      return [this.nameCell(e), f ? { text: this.figureInline(f, e.id) } : { text: e.tier ? this.m.tier[e.tier] : this.m.tier.none, style: 'muted' }];
    });
    return [
      { ...(this.heading(this.m.category[category], 'h1', true) as object), pageBreak: 'before' } as Content,
      { text: fill(this.w.sectionIntro, { category: this.m.category[category].toLowerCase(), count: entities.length }), style: 'para' },
      ...(category === 'future' ? this.futurePlanLine() : []),
      this.table(['*', 160], [this.w.name, this.m.metric.output_value], rows),
      { text: this.w.factSheets, style: 'h2', margin: [0, 6, 0, 6] },
      ...entities.flatMap((e) => this.factSheetBody(e, 'h2', true)),
    ];
  }

  private factSheetDocument(e: EntityDetail): Content[] {
    const group = this.data.province.figures.filter(
      (f) => f.scope === 'strategic_clusters' || (e.category === 'pillar' && f.scope === 'pillar_clusters') || (e.category === 'emerging' && f.scope === 'emerging_clusters') || (e.category === 'future' && f.scope === 'future_industries'),
    );
    const groupRows = e.category === 'future' ? [] : group.map((f) => [{ text: this.figureLabel(f) }, { text: f.period }, { text: this.figureInline(f, 'province') }]);
    return [
      ...this.titleBlock(),
      ...this.factSheetBody(e, 'h1', false),
      ...(groupRows.length ? [{ text: this.w.headlineFigures, style: 'h2' } as Content, this.table(['*', 44, 140], [this.w.metric, this.w.period, this.w.value], groupRows)] : []),
      ...(e.category === 'future' ? [...this.futurePlanLine(), ...this.data.province.milestones.map((m) => this.milestoneBlock(m))] : []),
      this.rule(CONTENT_WIDTH, RULE, 0.5, [0, 8, 0, 4]),
      { text: this.w.sources, style: 'h4' },
      this.sourceNotes('notesSmall'),
    ];
  }
}

export const STYLES: TDocumentDefinitions['styles'] = {
  kicker: { fontSize: 8.5, color: MUTED, characterSpacing: 0.5, margin: [0, 0, 0, 4] },
  docTitle: { fontSize: 20, bold: true, color: NAVY, lineHeight: 1.2 },
  docSubtitle: { fontSize: 11.5, color: INK, margin: [0, 2, 0, 0] },
  meta: { fontSize: 8.5, color: MUTED, margin: [0, 4, 0, 0] },
  label: { color: MUTED },
  coverKicker: { fontSize: 11, color: MUTED, characterSpacing: 1 },
  coverKickerEn: { fontSize: 10, color: MUTED, margin: [0, 0, 0, 10] },
  coverTitle: { fontSize: 30, bold: true, color: NAVY, lineHeight: 1.2 },
  coverSubtitle: { fontSize: 15, color: INK, margin: [0, 8, 0, 0] },
  coverMeta: { fontSize: 10, color: MUTED, lineHeight: 1.6 },
  marking: { fontSize: 12, bold: true, color: MARK, alignment: 'right' },
  markingSmall: { fontSize: 8.5, bold: true, color: MARK },
  running: { fontSize: 7.5, color: MUTED },
  h1: { fontSize: 17, bold: true, color: NAVY, margin: [0, 0, 0, 10] },
  h2: { fontSize: 12.5, bold: true, color: NAVY, margin: [0, 12, 0, 6] },
  h3: { fontSize: 10.5, bold: true, color: INK, margin: [0, 8, 0, 4] },
  h4: { fontSize: 8.5, bold: true, color: MUTED, margin: [0, 2, 0, 2] },
  enHeading: { fontSize: 11, bold: false, color: MUTED },
  enName: { fontSize: 8.5, bold: false, color: MUTED },
  enNameSmall: { fontSize: 7.5, color: MUTED, lineHeight: 1.15 },
  enPara: { fontSize: 8.5, color: MUTED, margin: [0, 0, 0, 8] },
  para: { margin: [0, 0, 0, 8] },
  muted: { color: MUTED },
  warn: { color: MARK, fontSize: 8 },
  caption: { fontSize: 9, bold: true, color: INK, margin: [0, 10, 0, 2] },
  noteRef: { sup: true, fontSize: 6.5, color: NAVY },
  th: { fontSize: 8, bold: true, color: MUTED },
  figLabel: { fontSize: 7.5, color: MUTED, lineHeight: 1.2 },
  figBig: { fontSize: 15, bold: true, color: NAVY, margin: [0, 3, 0, 0] },
  list: { fontSize: 9, lineHeight: 1.4 },
  annotationMeta: { fontSize: 7.5, color: MUTED },
  annotationBody: { fontSize: 9 },
  notes: { fontSize: 8.5, color: INK, lineHeight: 1.35 },
  notesSmall: { fontSize: 7, color: MUTED, lineHeight: 1.25 },
  quote: { color: MUTED },
  tocH1: { fontSize: 10.5, bold: true },
  tocH2: { fontSize: 9, color: INK },
  tocNumber: { fontSize: 9, color: MUTED },
};

/** Table layouts: light horizontal rules only, like a printed statistical table. */
export const TABLE_LAYOUTS: Record<string, CustomTableLayout> = {
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
    paddingRight: () => 8,
    paddingTop: () => 6,
    paddingBottom: () => 8,
  },
};
