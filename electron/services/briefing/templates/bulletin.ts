/**
 * The 简报 template: an issue's stored content (shared/bulletin.ts) and its figures, resolved live or
 * frozen (../bulletin-figures.ts), become a BriefingDocument in the bulletin layout: the head (报头),
 * the title, the 按语, numbered sections (一、 / （一）), paragraphs whose figure references print with
 * qualifier, unit and a note to their source, charts, tables of figures, quoted passages, the source
 * notes at the end of the body, and the tail (报尾). A reference that resolves to nothing refuses the
 * whole bulletin, naming the place: 第2节第3段 / section 2, paragraph 3.
 */
import { catalogOf } from '../../../../shared/metrics';
import type { BulletinBlock, BulletinContent, BulletinInline, IssueNumber } from '../../../../shared/bulletin';
import { blockLines, bulletinTailLines, text, walkBlocks, type Block, type BriefingDocument, type BulletinTail, type Cell, type CompareRow, type Line, type Origin, type TrendSeries } from '../../../../shared/document';
import { Metric, type EntityDetail, type Figure, type Source, type Unit } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { chartPeriodKind, PERIOD_KINDS, periodKind, type PeriodKind } from '../../../../shared/yoy';
import { formatFigure, periodWords } from '../../../../shared/format';
import type { BulletinResolver, ResolvedFigure } from '../bulletin-figures';
import { Composer, type L } from '../compose';
import { outputChart } from './parts';

const ZH_KINDS: Record<PeriodKind, string> = { year: '年度', quarter: '季度', month: '月度' };
const EN_KINDS: Record<PeriodKind, string> = { year: 'annual', quarter: 'quarterly', month: 'monthly' };
const WORDS = {
  zh: {
    editorNote: '按语：',
    notes: '注释',
    item: '项目',
    text: '正文',
    caption: '图表标题',
    quote: '引文',
    title: '标题',
    draft: '（未签发）',
    noFigures: '所选产业暂无该指标的数据。',
    lowerBounds: '注：标有“超过”“不低于”的数值为下限，实际数值高于图中位置。',
    entitiesGone: '注：本图所列产业中有的在签发前已被删除，未绘出。',
    noneOf: (names: readonly string[]) => `注：${names.join('、')}没有可绘入本图的数据，未绘出。`,
    otherKinds: (drawn: PeriodKind, left: readonly PeriodKind[]) => `注：本图只绘${ZH_KINDS[drawn]}数据，另有${left.map((k) => ZH_KINDS[k]).join('、')}数据未绘出。`,
    place: (section: number, index: number, what: string) => `${section ? `第${section}节` : '正文开头'}第${index}${what === 'paragraph' ? '段' : what === 'table' ? '个表格' : what === 'chart' ? '幅图表' : '段引文'}`,
  },
  en: {
    editorNote: "Editor's note: ",
    notes: 'Notes',
    item: 'Item',
    text: 'text',
    caption: 'caption',
    quote: 'quotation',
    title: 'title',
    draft: '(Draft)',
    noFigures: 'The chosen industries have no figures for this metric.',
    lowerBounds: 'Values marked “over” or “at least” are lower bounds: the true values lie above where they are drawn.',
    entitiesGone: 'Some industries this chart lists had been deleted before the issue was issued and are not drawn.',
    noneOf: (names: readonly string[]) => `${names.join(', ')}: no figures this chart can draw, so not drawn.`,
    otherKinds: (drawn: PeriodKind, left: readonly PeriodKind[]) => `Only ${EN_KINDS[drawn]} figures are drawn; ${left.map((k) => EN_KINDS[k]).join(' and ')} figures are left out.`,
    place: (section: number, index: number, what: string) => `${section ? `section ${section}` : 'opening text'}, ${what} ${index}`,
  },
} as const;

/** A section's number as an analyst may type it before a heading: 一、 / 1. / 1、; a subsection's: （一） / (1) / 1). */
const TYPED_SECTION_NUMBER = /^\s*(?:[一二三四五六七八九十百零]+、|\d+[.、．](?!\d)\s*)/u;
const TYPED_SUBSECTION_NUMBER = /^\s*(?:[（(][一二三四五六七八九十百零\d]+[）)]\s*|\d+[)）]\s*)/u;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function zhNumeral(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  const rest = n % 100;
  return `${d[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${d[rest]}` : rest < 20 ? `一${zhNumeral(rest)}` : zhNumeral(rest)}`;
}

/**
 * The 报头's issue line: 第3期, 第3期（总第15期）, 增刊第1期 / No. 3, No. 3 (No. 15 overall), Supplement No. 1.
 * Without the year, as the 简报 format prints it (GB/T 9704 practice: the year is in the 印发日期 on
 * the line below); wherever an issue is cited elsewhere, its 期号 carries the year (shared/bulletin-store.ts issueLabel).
 */
export function issueLine(n: IssueNumber | null, lang: BulletinContent['lang']): string {
  const zh = n === null ? WORDS.zh.draft : n.supplement ? `增刊第${n.number}期` : `第${n.number}期${n.total ? `（总第${n.total}期）` : ''}`;
  const en = n === null ? WORDS.en.draft : n.supplement ? `Supplement No. ${n.number}` : `No. ${n.number}${n.total ? ` (No. ${n.total} overall)` : ''}`;
  return lang === 'zh' ? zh : lang === 'en' ? en : `${zh}  ${en}`;
}

export interface BulletinIssue {
  /** 期号; null for a draft. */
  number: IssueNumber | null;
  /** 印发日期 (YYYY-MM-DD): the day it was issued, or today for a draft. */
  date: string;
}

/** Where the build is in the content, for refusals and for the origin of every printed string. */
interface Place {
  section: number;
  counts: Record<'paragraph' | 'table' | 'chart' | 'quote', number>;
}

/**
 * The 按语 as typed, without a label of its own at its start ("按：", "编者按：", "Editor's note:"):
 * the issue prints its own "按语：" before it, and printed "按语：按：…".
 */
export function withoutNoteLabel(note: string): string {
  return note.replace(/^\s*(?:(?:编者)?按语?|editor[’']?s\s+note|note)\s*[：:]\s*/iu, '');
}

export function bulletinDocument(content: BulletinContent, resolver: BulletinResolver, issue: BulletinIssue): BriefingDocument {
  return new BulletinBuilder(content, resolver, issue).build();
}

class BulletinBuilder {
  private readonly c: Composer;
  private readonly sources = new Map<number, Source>();
  private readonly words: (typeof WORDS)[L];
  private readonly place: Place = { section: 0, counts: { paragraph: 0, table: 0, chart: 0, quote: 0 } };
  private sub = 0;

  constructor(
    private readonly content: BulletinContent,
    private readonly resolver: BulletinResolver,
    private readonly issue: BulletinIssue,
  ) {
    const request = { template: 'full' as const, entityIds: [], lang: content.lang, title: content.title, subtitle: '', author: content.frame.unit, marking: content.frame.marking };
    const data = { entities: [], province: { figures: [], milestones: [], sources: [] }, annotations: [], sources: this.sources, futurePlan: null, dataAsOf: null, dataVersion: '', catalog: catalogOf([]) };
    this.c = new Composer(request, data, issue.date);
    this.words = WORDS[this.c.main];
  }

  build(): BriefingDocument {
    const { content, c } = this;
    const f = content.frame;
    const blocks: Block[] = [
      { type: 'bulletinHead', name: f.name, issueLine: issueLine(this.issue.number, content.lang), unit: f.unit, date: c.dateText(this.issue.date), marking: f.marking, copyNumber: f.copyNumber },
      { type: 'paragraph', runs: [text(content.title, { from: this.origin(this.words.title) })], style: 'bulletinTitle' },
    ];
    const note = withoutNoteLabel(content.editorNote);
    // A bilingual issue labels its 按语 and notes in both languages, as its head and tail (报送（To）：); they printed in Chinese alone.
    const label = (zh: string, en: string): string => (c.both ? `${zh.replace(/：$/, '')}（${en.replace(/:\s*$/, '')}）${zh.endsWith('：') ? '：' : ''}` : c.main === 'zh' ? zh : en);
    if (note.trim()) blocks.push({ type: 'paragraph', runs: [text(label(WORDS.zh.editorNote, WORDS.en.editorNote), { style: 'strong', lang: c.main }), text(note, { from: this.origin(this.c.main === 'zh' ? '按语' : "editor's note") })], style: 'editorNote' });
    for (const b of content.blocks) blocks.push(...this.block(b));
    if (blocks.some((b) => b.type !== 'bulletinHead' && hasCite(b))) {
      blocks.push({ type: 'heading', level: 3, runs: [text(label(WORDS.zh.notes, WORDS.en.notes), { lang: c.main })], toc: false }, { type: 'notes', compact: false, items: [] });
      c.finishNotes(blocks);
    }
    // A tail with nothing to print is left out (not two rules with nothing between), in both writers.
    const tail: BulletinTail = { type: 'bulletinTail', lang: content.lang, sendTo: f.sendTo, copyTo: f.copyTo, copies: f.copies };
    if (bulletinTailLines(tail).length > 0) blocks.push(tail);
    return { lang: content.lang, layout: 'bulletin', title: content.title, author: f.unit, cover: false, marking: '', running: '', footer: [], pageLabel: '', blocks, scale: 1 };
  }

  /** The place in words ("第2节第3段"): the origin of what prints there, so a refusal can name it. */
  private origin(field: string, what?: keyof Place['counts']): Origin {
    const entity = what ? this.words.place(this.place.section, this.place.counts[what], what) : this.content.title.slice(0, 40);
    return { entity, field };
  }

  private broken(what: keyof Place['counts'], ref: 'figure' | 'source' | 'entity', id: number | string): AppError {
    return new AppError('BULLETIN_BROKEN_REFERENCE', `${this.words.place(this.place.section, this.place.counts[what], what)} refers to a missing ${ref} ${id}`, {
      section: this.place.section,
      index: this.place.counts[what],
      block: what,
      what: ref,
      id,
    });
  }

  private block(b: BulletinBlock): Block[] {
    const c = this.c;
    switch (b.type) {
      case 'heading': {
        let number: string;
        if (b.level === 1) {
          this.place.section++;
          this.place.counts = { paragraph: 0, table: 0, chart: 0, quote: 0 };
          this.sub = 0;
          number = c.main === 'zh' ? `${zhNumeral(this.place.section)}、` : `${this.place.section}. `;
        } else {
          this.sub++;
          number = c.main === 'zh' ? `（${zhNumeral(this.sub)}）` : `(${this.sub}) `;
        }
        // A number typed before the heading ("一、总体情况") gives way to the one the issue gives it: it printed "一、一、总体情况".
        const typed = b.text.replace(b.level === 1 ? TYPED_SECTION_NUMBER : TYPED_SUBSECTION_NUMBER, '') || b.text;
        return [{ type: 'heading', level: b.level, runs: [text(number, { lang: c.main }), text(typed, { from: this.origin(c.main === 'zh' ? '标题' : 'heading') })], toc: false }];
      }
      case 'paragraph':
        this.place.counts.paragraph++;
        return [{ type: 'paragraph', runs: b.content.flatMap((i) => this.inline(i)), style: 'body' }];
      case 'quote': {
        this.place.counts.quote++;
        const source = this.resolver.source(b.sourceId);
        if (!source) throw this.broken('quote', 'source', b.sourceId);
        this.sources.set(source.id, source);
        return [{ type: 'paragraph', runs: [...c.quoted(b.text, this.origin(this.words.quote, 'quote')), { t: 'cite', sourceId: source.id, quote: null }], style: 'quote' }];
      }
      case 'table':
        this.place.counts.table++;
        return this.table(b);
      case 'chart':
        this.place.counts.chart++;
        return this.chart(b);
    }
  }

  /** A resolved figure, its source recorded for the notes; a missing figure or source refuses the bulletin. */
  private resolve(id: number, where: keyof Place['counts']): ResolvedFigure {
    const f = this.resolver.figure(id);
    if (!f) throw this.broken(where, 'figure', id);
    if (f.sourceId !== null) {
      if (!f.source) throw this.broken(where, 'source', f.sourceId);
      this.sources.set(f.sourceId, f.source);
    }
    return f;
  }

  /**
   * Text as written; a figure reference as its value with qualifier and unit and a note to its source,
   * kept on one line (and the English value beside it, bilingual). Values glued to one another or to
   * text may still break between them: the PDF writer puts a zero-width break there (glue-breaks.ts).
   */
  private inline(i: BulletinInline): Line {
    const c = this.c;
    if (i.type === 'text') return [text(i.text, { from: this.origin(this.words.text, 'paragraph'), ...(i.bold ? { style: 'strong' as const } : {}) })];
    const f = this.resolve(i.figureId, 'paragraph');
    const owner = this.words.place(this.place.section, this.place.counts.paragraph, 'paragraph');
    const runs: Line = [text(formatFigure(f, c.main === 'zh' ? 'zh-CN' : 'en', f.unitLabel), { lang: c.main, nowrap: true }), ...c.cite(f.sourceId, f.sourceQuote, owner)];
    const en = formatFigure(f, 'en', f.unitLabel);
    // Bilingual: the English value beside the Chinese one, where they differ.
    if (c.both && en !== formatFigure(f, 'zh-CN', f.unitLabel)) runs.push(text(`（${en}）`, { lang: 'en', style: 'second', nowrap: true }));
    return runs;
  }

  private caption(value: string, what: 'table' | 'chart'): Block[] {
    return value.trim() ? [{ type: 'paragraph', runs: [text(value, { from: this.origin(this.words.caption, what) })], style: 'caption' }] : [];
  }

  private table(b: Extract<BulletinBlock, { type: 'table' }>): Block[] {
    const c = this.c;
    const owner = this.words.place(this.place.section, this.place.counts.table, 'table');
    const rows: Cell[][] = b.figureIds.map((id) => {
      const f = this.resolve(id, 'table');
      const label = f.label ? c.say((_, __, l) => f.label![l]) : c.say(() => '—');
      return [c.cell(label), c.cell(c.say((_, __, l) => periodWords(f.period, l))), c.cell(c.figureValue(f, owner), 'right')];
    });
    return [
      ...this.caption(b.caption, 'table'),
      {
        type: 'table',
        columns: [{ width: '*' }, { width: 'auto' }, { width: 'auto', align: 'right' }],
        header: [c.cell(c.say((_, __, l) => WORDS[l].item, 'label')), c.headerCell((w) => w.period), c.headerCell((w) => w.value, 'right')],
        rows,
      },
    ];
  }

  private chart(b: Extract<BulletinBlock, { type: 'chart' }>): Block[] {
    const c = this.c;
    const choice = b.chart;
    const captionRuns = (cites: Line, fallback: Line): Line => (b.caption.trim() ? [text(b.caption, { from: this.origin(this.words.caption, 'chart') })] : fallback).concat(cites);
    if (choice.kind === 'tiers') {
      // Rows of 12 pt, as the one-page brief's when it is full: at 18 pt the chart of 20 clusters took a page of its own, leaving the
      // page before it half empty (the shipped 示例's page 2 held a heading and a four-row table).
      const made = outputChart(c, this.resolver.entities([]), 30, 12);
      // The sources its caption cites are the notes' (a 简报 whose only citation was this chart printed its note as "#1").
      for (const x of made) {
        if (x.type !== 'chart') continue;
        for (const r of x.caption) {
          if (r.t !== 'cite') continue;
          const source = this.resolver.source(r.sourceId);
          if (!source) throw this.broken('chart', 'source', r.sourceId);
          this.sources.set(source.id, source);
        }
      }
      return made.map((x) => {
        if (x.type !== 'chart') return x;
        const { second, ...rest } = x;
        return b.caption.trim() ? { ...rest, caption: captionRuns(x.caption.filter((r) => r.t === 'cite'), []) } : { ...rest, ...(second ? { second } : {}) };
      });
    }
    const entities = this.resolver.entities(choice.entityIds);
    const missing = choice.entityIds.find((id) => !entities.some((e) => e.id === id));
    if (missing !== undefined && !this.resolver.frozen) throw this.broken('chart', 'entity', missing);
    // An issued issue prints what was frozen, and says what is not there.
    const gone = missing !== undefined ? c.paragraphs(c.say((_, __, l) => WORDS[l].entitiesGone), 'small') : [];
    if (gone.length && entities.length === 0) return [...this.caption(b.caption, 'chart'), ...gone];
    const metric = Metric.safeParse(choice.metric);
    // The cluster's own figures: a target is a plan, not a value reached (drawn among them, 目标1.7万亿元 in 2024 read as
    // reached, and ranked first), and a city's figure is that city's part (深圳 60亿元 read as the cluster's fall).
    const drawable = (f: Figure): boolean => metric.success && f.metric === metric.data && f.qualifier !== 'target' && (f.cityCode ?? null) === null;
    const picked = entities.map((e) => ({ e, figures: e.figures.filter(drawable) }));
    const first = picked.flatMap((p) => p.figures)[0]?.unit;
    // A metric with a unit label of its own ('metric_unit') has no chart unit yet (issue 12).
    const unit = first === 'metric_unit' ? undefined : first;
    if (!unit) return [...this.caption(b.caption, 'chart'), ...c.paragraphs(c.say((_, __, l) => WORDS[l].noFigures), 'small')];
    const inChartUnit = picked.map((p) => ({ e: p.e, figures: p.figures.filter((f) => sameKind(f.unit, unit)).map((f) => ({ ...f, value: inUnit(f.value, f.unit, unit), unit })) }));
    // Periods of one kind, as the app's trend draws them: 2023's full year joined to 2024's quarters read as one falling and rising
    // line, and a compared 2025-Q1 (newer than 2024 by its key) was ranked against others' full years. The chart says what it left out.
    const all = inChartUnit.flatMap((p) => p.figures);
    const kind = chartPeriodKind(all) ?? 'year';
    const kept = inChartUnit.map((p) => ({ e: p.e, figures: p.figures.filter((f) => periodKind(f.period) === kind) }));
    // A chosen industry with nothing to draw is named beneath the chart (a compare of four drew two bars, unsaid; a trend listed an empty line).
    const usable = kept.filter((p) => p.figures.length > 0);
    const empty = kept.filter((p) => p.figures.length === 0).map((p) => p.e);
    const emptyNote = empty.length ? c.paragraphs(c.say((_, __, l) => WORDS[l].noneOf(empty.map((e) => e.name[l]))), 'small') : [];
    const left = PERIOD_KINDS.filter((k) => k !== kind && all.some((f) => periodKind(f.period) === k));
    const kindsNote = left.length ? c.paragraphs(c.say((_, __, l) => WORDS[l].otherKinds(kind, left)), 'small') : [];
    const periods = [...new Set(usable.flatMap((p) => p.figures.map((f) => f.period)))].sort();
    // The caption cites the sources of the figures drawn, and only those (a compare chart draws each cluster's newest).
    const drawnCaption = (drawn: readonly { e: EntityDetail; figures: readonly Figure[] }[]): Line => captionRuns(this.chartCites(drawn.flatMap((p) => p.figures), drawn), []);
    // A trend of one period would be a column of dots, equal values hiding each other: its values are compared instead.
    // A lower bound ("超过") drawn where its value is reads as the value itself: the chart says so beneath it.
    const boundsNote = (drawn: readonly { figures: readonly Figure[] }[]): Block[] =>
      drawn.some((p) => p.figures.some((f) => f.qualifier === 'over' || f.qualifier === 'at_least')) ? c.paragraphs(c.say((_, __, l) => WORDS[l].lowerBounds), 'small') : [];
    if (choice.kind === 'trend' && periods.length > 1) {
      const drawn = usable.map((p) => ({ e: p.e, figures: periods.flatMap((period) => p.figures.filter((f) => f.period === period).slice(-1)) }));
      const series: TrendSeries[] = drawn.map((p) => ({ name: p.e.name, points: periods.map((period) => latest(p.figures.filter((f) => f.period === period))) }));
      return [{ type: 'chart', caption: drawnCaption(drawn), spec: { kind: 'trend', unit, periods, series }, lang: c.lang, height: 300 }, ...boundsNote(drawn), ...kindsNote, ...emptyNote, ...gone];
    }
    const drawn = usable.flatMap((p) => {
      const newest = p.figures.reduce<Figure | undefined>((best, f) => (!best || f.period > best.period ? f : best), undefined);
      return newest ? [{ e: p.e, figures: [newest] }] : [];
    });
    const rows: CompareRow[] = drawn.map(({ e, figures: [f] }) => ({ name: e.name, value: f!.value, qualifier: f!.qualifier, period: f!.period })).sort((a, b2) => b2.value - a.value);
    return [{ type: 'chart', caption: drawnCaption(drawn), spec: { kind: 'compare', unit, rows }, lang: c.lang, height: 24 + rows.length * (c.both ? 40 : 28) }, ...boundsNote(drawn), ...kindsNote, ...emptyNote, ...gone];
  }

  /** One note per source of the figures a chart draws. */
  private chartCites(figures: readonly Figure[], owners: readonly { e: EntityDetail; figures: readonly Figure[] }[]): Line {
    const cited: { sourceId: number; quote: string | null; owner: string }[] = [];
    for (const f of figures) {
      if (f.sourceId === null) continue;
      if (!this.sources.has(f.sourceId) || !cited.some((x) => x.sourceId === f.sourceId)) {
        const source = this.resolver.source(f.sourceId);
        if (!source) throw this.broken('chart', 'source', f.sourceId);
        this.sources.set(source.id, source);
      }
      const owner = owners.find((o) => o.figures.includes(f))?.e;
      cited.push({ sourceId: f.sourceId, quote: f.sourceQuote, owner: owner ? this.c.ownerName(owner) : '' });
    }
    // One mark per source, standing for every drawn figure's passage.
    return this.c.citeEach(cited);
  }
}

function hasCite(b: Block): boolean {
  for (const x of walkBlocks([b])) for (const line of blockLines(x)) if (line.some((r) => r.t === 'cite')) return true;
  return false;
}

const YUAN: Partial<Record<Unit, number>> = { yuan: 1, '10k_yuan': 1e4, '100m_yuan': 1e8 };
/** Amounts in any yuan unit can share a chart; percentages and counts only with their own kind. */
function sameKind(a: Unit, b: Unit): boolean {
  return a === b || (YUAN[a] !== undefined && YUAN[b] !== undefined);
}
function inUnit(value: number, from: Unit, to: Unit): number {
  return from === to ? value : Number.parseFloat(((value * YUAN[from]!) / YUAN[to]!).toPrecision(15));
}
function latest(figures: readonly Figure[]): { value: number; qualifier: Figure['qualifier'] } | null {
  const f = figures[figures.length - 1];
  return f ? { value: f.value, qualifier: f.qualifier } : null;
}

