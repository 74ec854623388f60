/**
 * What the three templates share when they build a briefing document (shared/document.ts): words in
 * the briefing's language or both, entity names, figures with their qualifier, unit and citation,
 * annotations labelled with what they are really about, goals, and the numbered source notes.
 * Every string from the data is recorded with its origin (the entity's name, the field), so a
 * refusal can say where the text is.
 */
import type { BriefingLang, BriefingRequest } from '../../../shared/briefing';
import { BRIEFING_WORDS, longDate, type BriefingWords } from '../../../shared/briefing-words';
import { DATES_JOINED, blockLines, numberNotes, text, walkBlocks, type Block, type Cell, type CiteRun, type Line, type Origin, type RunStyle, type TextRun } from '../../../shared/document';
import type { Annotation, Bilingual, EntityDetail, Figure, Milestone, Source } from '../../../shared/domain';
import { formatFigure, periodWords } from '../../../shared/format';
import { MESSAGES, type Messages } from '../../../shared/i18n';
import { outputStatement, tierOfAmount } from '../../../shared/output';
import type { BriefingData } from './data';

export type L = 'zh' | 'en';
const MSG: Record<L, Messages> = { zh: MESSAGES['zh-CN'], en: MESSAGES.en };

/** Something said in the briefing's language, and (bilingual) in English beneath or beside it. */
export interface Bi {
  runs: Line;
  second?: Line;
}

const CJK = /[\u3000-\u9fff\uf900-\ufaff]/;
const ZH_END = /[。，；：！？、）」』》]$/u;

/** "Share of Guangdong's GDP" → "share of Guangdong's GDP"; an acronym ("GDP growth") stays as it is. */
export function lowerFirst(v: string): string {
  return /^[A-Z][a-z]/.test(v) ? v.charAt(0).toLowerCase() + v.slice(1) : v;
}

/** One spacing rule in Chinese: no space between Chinese and digits ("20个战略性产业集群", not "20 个"). */
export function zhSpacing(v: string): string {
  return v.replace(/(\d) +(?=[\u4e00-\u9fff])/g, '$1').replace(/([\u4e00-\u9fff]) +(?=\d)/g, '$1');
}

/** Text cut to `max` characters (code points) with an ellipsis. */
export function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : cutAt(chars, Math.max(1, max - 1));
}

/**
 * The first `cut` characters and "…"; a Latin word the cut would split is left out whole (it goes
 * into the…, not into the ministe…), back to a space in the last two fifths; Chinese is cut anywhere.
 */
function cutAt(chars: readonly string[], cut: number): string {
  let at = cut;
  if (/[A-Za-z0-9]/.test(chars[at - 1] ?? '') && /[A-Za-z0-9]/.test(chars[at] ?? '')) {
    const space = chars.slice(0, at).lastIndexOf(' ');
    if (space >= at * 0.6) at = space;
  }
  return `${chars.slice(0, at).join('').trimEnd()}…`;
}

/** A character's width in half-width units: 2 for a wide (Chinese, full-width) one, else 1. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

/**
 * A value shortened to `units` half-width units with "…" (a Chinese character counts two): a line's
 * worth of an English title is twice as many characters as of a Chinese one. clip() by characters cut
 * "Clusters of strategic and future industries mapped out for …" where the line had room for the rest.
 */
export function clipWidth(value: string, units: number): string {
  let used = 0;
  const chars = [...value];
  for (let i = 0; i < chars.length; i++) {
    used += WIDE.test(chars[i]!) ? 2 : 1;
    if (used > units) return cutAt(chars, Math.max(1, i - 1));
  }
  return value;
}

/** An industry's name is printed whole in an annotation's byline up to this many characters, at any fit level. */
const NAME_KEPT = 60;

export class Composer {
  readonly lang: BriefingLang;
  /** The language of the running text: Chinese for zh and bilingual. */
  readonly main: L;
  readonly both: boolean;

  constructor(
    readonly req: BriefingRequest,
    readonly data: BriefingData,
    readonly generatedOn: string,
  ) {
    this.lang = req.lang;
    this.main = req.lang === 'en' ? 'en' : 'zh';
    this.both = req.lang === 'bilingual';
  }

  get w(): BriefingWords {
    return BRIEFING_WORDS[this.main];
  }

  get m(): Messages {
    return MSG[this.main];
  }

  // ---- words ---------------------------------------------------------------------------------------

  /** A template phrase in the briefing's language, with its English beside it in a bilingual briefing. */
  say(pick: (w: BriefingWords, m: Messages, l: L) => string, style?: RunStyle): Bi {
    const one = (l: L, s?: RunStyle): TextRun => text(l === 'zh' ? zhSpacing(pick(BRIEFING_WORDS[l], MSG[l], l)) : pick(BRIEFING_WORDS[l], MSG[l], l), { lang: l, ...(s ? { style: s } : {}) });
    if (!this.both) return { runs: [one(this.main, style)] };
    const [zh, en] = [one('zh', style), one('en', 'second')];
    // What reads the same in both languages (a period, "5.2%") is said once.
    return zh.text === en.text ? { runs: [zh] } : { runs: [zh], second: [en] };
  }

  /** Both lines of a Bi joined on one line ("总览  Overview"), for headings and short labels. */
  inline(bi: Bi, gap = '  '): Line {
    return bi.second ? [...bi.runs, text(gap), ...bi.second] : bi.runs;
  }

  heading(level: 1 | 2 | 3, bi: Bi, toc = level < 3): Block {
    return { type: 'heading', level, runs: bi.runs, ...(bi.second ? { second: bi.second } : {}), toc };
  }

  /** The English of a small note is small too (set as 'second' it was larger than the Chinese above it). */
  paragraphs(bi: Bi, style: 'body' | 'lead' | 'meta' | 'muted' | 'small' = 'body'): Block[] {
    return [{ type: 'paragraph', runs: bi.runs, style }, ...(bi.second ? [{ type: 'paragraph', runs: bi.second, style: style === 'small' ? 'small' : 'second' } as Block] : [])];
  }

  cell(bi: Bi, align?: 'left' | 'right'): Cell {
    return { lines: [bi.runs, ...(bi.second ? [bi.second] : [])], ...(align ? { align } : {}) };
  }

  headerCell(pick: (w: BriefingWords) => string, align?: 'left' | 'right'): Cell {
    return this.cell(this.say((w) => pick(w), 'label'), align);
  }

  date(iso: string): Bi {
    return this.say((_, __, l) => longDate(iso, l));
  }

  dateText(iso: string): string {
    return this.both ? `${longDate(iso, 'zh')}${DATES_JOINED}${longDate(iso, 'en')}` : longDate(iso, this.main);
  }

  /** A date as runs that never break inside a date: bilingual, each language's date whole, a line break allowed between them ("2025年2 / 月15日" and "15 / January 2025" broke). */
  dateRuns(iso: string, extra: Omit<TextRun, 't' | 'text' | 'nowrap'> = {}): Line {
    return this.both
      ? [text(longDate(iso, 'zh'), { ...extra, nowrap: true }), text(DATES_JOINED, extra), text(longDate(iso, 'en'), { ...extra, nowrap: true })]
      : [text(longDate(iso, this.main), { ...extra, nowrap: true })];
  }

  // ---- data --------------------------------------------------------------------------------------

  /** The name a refusal uses for an entity: in the briefing's (main) language. */
  ownerName(e: EntityDetail | null): string {
    return e ? (this.main === 'en' ? e.name.en : e.name.zh) : this.m.scope.province;
  }

  origin(owner: string, field: keyof BriefingWords['fields']): Origin {
    return { entity: owner, field: this.w.fields[field] };
  }

  name(e: EntityDetail, max = Infinity): Bi {
    const from = this.origin(this.ownerName(e), 'name');
    const one = (l: L, style?: RunStyle): TextRun => text(clip(e.name[l], max), { lang: l, from, ...(style ? { style } : {}) });
    return this.both ? { runs: [one('zh')], second: [one('en', 'second')] } : { runs: [one(this.main)] };
  }

  /** A citation of a figure's (or goal's) source, or a visible "no source". */
  cite(sourceId: number | null, quote: string | null, owner: string): (CiteRun | TextRun)[] {
    if (sourceId === null) return [text(` (${this.w.noSource})`, { style: 'warn', lang: this.main })];
    return [{ t: 'cite', sourceId, quote, ...(quote ? { quoteFrom: this.origin(owner, 'sourceQuote') } : {}) }];
  }

  /**
   * One note mark per source for figures shown together (a chart's bars), in the order first met: each
   * mark stands for every passage its figures quote, gathered in the note (a chart of eight clusters from
   * one article cited only the first cluster's sentence).
   */
  citeEach(figures: readonly { sourceId: number; quote: string | null; owner: string }[]): CiteRun[] {
    const bySource = new Map<number, CiteRun>();
    for (const f of figures) {
      const run = { t: 'cite' as const, sourceId: f.sourceId, quote: f.quote, ...(f.quote ? { quoteFrom: this.origin(f.owner, 'sourceQuote') } : {}) };
      const first = bySource.get(f.sourceId);
      if (!first) bySource.set(f.sourceId, run);
      else if (f.quote && first.quote !== f.quote && !first.more?.some((m) => m.text === f.quote)) (first.more ??= []).push({ text: f.quote, from: this.origin(f.owner, 'sourceQuote') });
    }
    return [...bySource.values()];
  }

  /** A figure's value as it prints: "近3万亿元" with its note, and "nearly 3 trillion yuan" beneath in bilingual. */
  figureValue(f: Pick<Figure, 'value' | 'unit' | 'qualifier' | 'sourceId' | 'sourceQuote'> & { metric?: string; unitLabel?: Bilingual | null }, owner: string): Bi {
    // A 简报's figure carries its (frozen) unit label; a report's is looked up in the catalog.
    const label = f.unitLabel ?? ('metric' in f && typeof f.metric === 'string' ? (this.data.catalog.metric(f.metric)?.unitLabel ?? null) : null);
    const value = (l: L, style?: RunStyle): TextRun => text(formatFigure(f, l === 'zh' ? 'zh-CN' : 'en', label), { lang: l, nowrap: true, style: style ?? 'value' });
    const runs: Line = [value(this.main), ...this.cite(f.sourceId, f.sourceQuote, owner)];
    const en = value('en', 'second');
    return this.both && en.text !== (runs[0] as TextRun).text ? { runs, second: [en] } : { runs };
  }

  /** A figure's metric as a table row names it, and its city where it is one city's ("产值（深圳市）"): not the cluster's whole. */
  metricName(f: Figure): Bi {
    return this.say((_, __, l) => this.metricOf(f, l));
  }

  /** A figure's metric in language l, and its city where it is one city's: "产值（深圳市）", "Output value (Shenzhen)". */
  metricOf(f: Figure, l: L): string {
    const city = this.data.catalog.cityName(f.cityCode ?? null, l === 'zh' ? 'zh-CN' : 'en');
    const metric = this.metricWord(f.metric, l);
    return city === null ? metric : l === 'zh' ? `${metric}（${city}）` : `${metric} (${city})`;
  }

  /**
   * What a province-level figure is about: "十大战略性新兴产业集群营业收入", and its city where it is one city's
   * ("…增加值同比增长（深圳市）"): a city's figure printed as the whole group's (integrity review).
   */
  scopedMetric(f: Figure): Bi {
    return this.say((_, m, l) => (l === 'en' ? `${m.scope[f.scope]}: ${lowerFirst(this.metricOf(f, l))}` : `${m.scope[f.scope]}${this.metricOf(f, l)}`));
  }

  /** A metric's name from the catalog in language l. */
  metricWord(metric: string, l: L): string {
    return this.data.catalog.metricName(metric, l === 'zh' ? 'zh-CN' : 'en');
  }

  source(id: number): Source | undefined {
    return this.data.sources.get(id);
  }

  /** What an annotation is about, by its real scope: an entity, one of its figures, or a province-level figure's group. */
  annotationTarget(a: Annotation, entity: EntityDetail | null, maxName = Infinity): string {
    const pick = (l: L): string => {
      const m = MSG[l];
      if (a.targetType === 'figure') {
        const f = (entity ? entity.figures : this.data.province.figures).find((x) => String(x.id) === a.targetId);
        const owner = entity ? clip(entity.name[l], maxName) : f ? m.scope[f.scope] : m.scope.province;
        const label = f ? `${owner} · ${this.metricOf(f, l)} ${periodWords(f.period, l)}` : owner;
        return l === 'zh' && !entity ? zhSpacing(label) : label;
      }
      return entity ? clip(entity.name[l], maxName) : m.scope.province;
    };
    return this.both ? `${pick('zh')} ${pick('en')}` : pick(this.main);
  }

  annotation(a: Annotation, entity: EntityDetail | null, limits: { body?: number; name?: number } = {}): Block {
    const owner = this.ownerName(entity);
    const author = text(clip(a.author, limits.name ?? Infinity), { from: this.origin(owner, 'annotationAuthor'), style: 'muted' });
    // The industry is named whole up to 60 characters at every fit level (the English one-page brief printed
    // "New-generation electronics and… · 李研究": which industry, the reader could not tell); an author is cut to the level's length.
    const targetChars = limits.name === undefined ? Infinity : Math.max(limits.name, NAME_KEPT);
    const meta: Line = [text(`${this.annotationTarget(a, entity, targetChars)} · `, { style: 'muted' }), author, text(' · ', { style: 'muted' }), ...this.dateRuns(a.updatedAt.slice(0, 10), { style: 'muted' })];
    const body = text(clip(a.body, limits.body ?? Infinity), { from: this.origin(owner, 'annotation') });
    return { type: 'annotation', meta, body: [body] };
  }

  /** A sentence with its citation placed before a closing Chinese punctuation mark ("…成形¹。"). */
  sentence(value: string, l: L, from: Origin, cite: (CiteRun | TextRun)[], style?: RunStyle): Line {
    const s = style ? { style } : {};
    if (l === 'zh' && ZH_END.test(value)) {
      const chars = [...value];
      const last = chars.pop()!;
      return [text(chars.join(''), { lang: l, from, ...s }), ...cite, text(last, { lang: l, from, ...s })];
    }
    return [text(value, { lang: l, from, ...s }), ...cite];
  }

  milestone(ms: Milestone): Block[] {
    const from = { entity: this.w.milestoneYear(ms.year), field: this.w.fields.milestone };
    const cite = this.cite(ms.sourceId, ms.sourceQuote, this.w.milestones);
    const runs = this.sentence(ms.text[this.main], this.main, from, cite);
    const blocks: Block[] = [this.heading(3, this.say((w) => w.milestoneYear(ms.year)), false), { type: 'paragraph', runs, style: 'body' }];
    if (this.both) blocks.push({ type: 'paragraph', runs: [text(ms.text.en, { lang: 'en', from: { entity: BRIEFING_WORDS.en.milestoneYear(ms.year), field: BRIEFING_WORDS.en.fields.milestone }, style: 'second' })], style: 'second' });
    return blocks;
  }

  /** "省政府于2024年9月30日印发未来产业行动计划¹。", cited like every dated statement: in the words of its source, which gives the plan no title. */
  futurePlan(): Block[] {
    const plan = this.data.futurePlan;
    if (!plan) return [];
    const sourceId = this.data.province.milestones.find((m) => m.sourceId !== null)?.sourceId ?? null;
    const cite = this.cite(sourceId, plan.quote, this.w.milestones);
    const line = (l: L): Line => [text(BRIEFING_WORDS[l].futurePlan(longDate(plan.issuedOn, l)), { lang: l }), ...(l === this.main ? cite : []), text(l === 'zh' ? '。' : '.', { lang: l })];
    return [{ type: 'paragraph', runs: line(this.main), style: 'body' }, ...(this.both ? [{ type: 'paragraph', runs: line('en'), style: 'second' } as Block] : [])];
  }

  /** The statement of each entity's output, and how many entities reach each tier, judged by the figures. */
  keyPointsByTier(entities: readonly EntityDetail[]): { runs: Line; second?: Line }[] {
    const groups = new Map<number, { count: number; cites: (CiteRun | TextRun)[] }>();
    const order = [10000, 5000, 1000, 100];
    for (const e of entities) {
      const s = outputStatement(e);
      if (!s || e.category === 'future') continue;
      const tier = tierOfAmount(s.value, s.qualifier);
      const bound = tier ? order[['over_1t', 'over_500b', 'over_100b', 'over_10b'].indexOf(tier)]! : null;
      if (bound === null) continue;
      const g = groups.get(bound) ?? { count: 0, cites: [] };
      g.count++;
      if (s.figure?.sourceId && !g.cites.some((c) => c.t === 'cite' && c.sourceId === s.figure!.sourceId)) g.cites.push(...this.cite(s.figure.sourceId, s.figure.sourceQuote, this.ownerName(e)));
      groups.set(bound, g);
    }
    // Each cluster is counted in its highest tier only: after the first, a tier's count is "另有" / "A further"
    // (as the source article says "In addition, three…"); "7 clusters over 100 billion" read as all that exceed it, 18.
    return order
      .filter((b) => groups.has(b))
      .map((bound, i) => {
        const g = groups.get(bound)!;
        const line = (l: L): Line => {
          const value = formatFigure({ value: bound, unit: '100m_yuan', qualifier: 'over' }, l === 'zh' ? 'zh-CN' : 'en');
          const words = BRIEFING_WORDS[l].tierCount(g.count, value, i > 0);
          const [head, tail] = [words.slice(0, words.lastIndexOf(value)), value];
          return [text(head, { lang: l }), text(tail, { lang: l, nowrap: true }), ...(l === this.main ? g.cites : [])];
        };
        return this.both ? { runs: line('zh'), second: line('en').map((r) => (r.t === 'text' ? { ...r, style: 'second' as const } : r)) } : { runs: line(this.main) };
      });
  }

  // ---- source notes ----------------------------------------------------------------------------------

  /** One note per source, numbered in reading order, its quoted passages under it; fills every notes block. */
  finishNotes(blocks: Block[], limit = Infinity): void {
    const { notes } = numberNotes(blocks);
    if (notes.length > limit) {
      // A page too small for every source (the one-page brief) lists the first `limit` and says how many more, unnumbered;
      // the marks of those not listed are taken out, not left pointing to nothing (marks 6–11 under a list of 1–4, and 5 on
      // the "another 7 sources" line).
      const listed = new Set(notes.slice(0, limit).map((note) => note.sourceId));
      for (const b of walkBlocks(blocks)) {
        for (const line of blockLines(b)) {
          for (let i = line.length - 1; i >= 0; i--) {
            const r = line[i]!;
            if (r.t === 'cite' && !listed.has(r.sourceId)) line.splice(i, 1);
          }
        }
      }
      const at = blocks.findIndex((b) => b.type === 'notes');
      const more: Block = { type: 'paragraph', runs: [text(this.w.sourcesMore(notes.length - limit), { style: 'muted', lang: this.main })], style: 'small' };
      if (at >= 0) blocks.splice(at + 1, 0, more);
    }
    for (const b of walkBlocks(blocks)) {
      if (b.type !== 'notes') continue;
      b.items = notes.slice(0, limit).map((note) => ({ n: note.n, lines: this.noteLines(note.sourceId, b.compact ? [] : note.quotes, b.compact ? 120 : Infinity) }));
    }
  }

  /** A source's note; `max` (half-width units) shortens the publisher, title and author to about a line each (the one-page brief). */
  private noteLines(sourceId: number, quotes: { text: string; from?: Origin }[], max: number): Line[] {
    const found = this.source(sourceId);
    if (!found) return [[text(`#${sourceId}`)]];
    const short = (v: string): string => (max === Infinity ? v : clipWidth(v.replace(/\s+/g, ' ').trim(), max));
    const s = { ...found, publisher: short(found.publisher), title: short(found.title), author: found.author === null ? null : short(found.author) };
    const owner = s.publisher;
    const zh = this.main === 'zh';
    const sep = zh ? '，' : ', ';
    const title = CJK.test(s.title) ? [text('《'), text(s.title, { from: this.origin(owner, 'sourceTitle') }), text('》')] : this.quoted(s.title, this.origin(owner, 'sourceTitle'));
    const head: Line = [
      text(s.publisher, { from: this.origin(owner, 'publisher') }),
      text(sep),
      ...title,
      ...(s.author ? [text(sep), text(s.author, { from: this.origin(owner, 'sourceAuthor') })] : []),
      ...(s.publishedOn ? [text(sep), ...this.dateRuns(s.publishedOn)] : []),
      text(zh ? '。' : '.'),
    ];
    const label = this.both ? `${BRIEFING_WORDS.zh.quotedPassages} ${BRIEFING_WORDS.en.quotedPassages}` : this.w.quotedPassages;
    return [head, ...quotes.map((q): Line => [text(`${label}${zh ? '：' : ': '}`, { style: 'muted', lang: this.main }), ...this.quoted(q.text, q.from, 'muted')])];
  }

  /** A passage in its own language's quotation marks: Chinese text in “”, English in English quotes (set in the Latin font). */
  quoted(value: string, from: Origin | undefined, style?: RunStyle): Line {
    const l: L = CJK.test(value) ? 'zh' : 'en';
    const s = style ? { style } : {};
    return [text('\u201c', { lang: l, ...s }), text(value, { lang: l, ...(from ? { from } : {}), ...s }), text('\u201d', { lang: l, ...s })];
  }
}
