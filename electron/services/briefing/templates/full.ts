/**
 * The full briefing: a cover, contents, the province overview (figures, growth and output charts,
 * key points), one section per category — an output table of every industry, fact sheets only for
 * industries with more to say than their output value, and the industries without figures grouped
 * in one table — the goals for future industries, the annotations appendix and the source notes.
 */
import { text, type Block, type BriefingDocument, type Cell, type Line } from '../../../../shared/document';
import { formatValue, periodWords } from '../../../../shared/format';
import { CATEGORIES, type Category, type EntityDetail } from '../../../../shared/domain';
import { latestOutputFigure, outputStatement } from '../../../../shared/output';
import type { Bi, Composer } from '../compose';
import { entityFacts, figuresTable, frame, growthChart, outputChart, provinceTable } from './parts';
import { BRIEFING_WORDS, longDate } from '../../../../shared/briefing-words';
import { chartMaxHeight } from '../pdf';

export function fullBriefing(c: Composer): BriefingDocument {
  const title = c.req.title || c.w.defaultTitle.full;
  const entities = c.data.entities;
  const cover: Block[] = [
    ...(c.req.marking ? [{ type: 'paragraph', runs: [text(c.req.marking, { from: c.origin(c.w.fields.marking, 'marking') })], style: 'marking' } as Block] : []),
    { type: 'paragraph', runs: c.say((w) => w.kicker).runs, style: 'kicker' },
    ...(c.both ? [{ type: 'paragraph', runs: [text(BRIEFING_WORDS.en.kicker, { lang: 'en' })], style: 'kicker' } as Block] : []),
    { type: 'paragraph', runs: [text(title, c.req.title ? { from: c.origin(c.w.fields.title, 'title') } : {})], style: 'coverTitle' },
    // A bilingual report's own title in English beneath the Chinese (the cover had the Chinese alone), as titleBlock does.
    ...(!c.req.title && c.both ? [{ type: 'paragraph', runs: [text(BRIEFING_WORDS.en.defaultTitle.full, { lang: 'en' })], style: 'coverSubtitle' } as Block] : []),
    ...(c.req.subtitle ? [{ type: 'paragraph', runs: [text(c.req.subtitle, { from: c.origin(c.w.fields.subtitle, 'subtitle') })], style: 'coverSubtitle' } as Block] : []),
    { type: 'rule', strong: true },
    ...(c.req.author ? [{ type: 'paragraph', runs: [text(c.w.preparedBy('').trimEnd() + (c.main === 'en' ? ' ' : '')), text(c.req.author, { from: c.origin(c.w.fields.author, 'author') })], style: 'coverMeta' } as Block] : []),
    { type: 'paragraph', runs: [text(c.both ? `${BRIEFING_WORDS.zh.issuedOn(longDate(c.generatedOn, 'zh'))} / ${BRIEFING_WORDS.en.issuedOn(longDate(c.generatedOn, 'en'))}` : c.w.issuedOn(longDate(c.generatedOn, c.main)))], style: 'coverMeta' },
    { type: 'pageBreak' },
    { type: 'contents', title: c.inline(c.say((w) => w.contents)) },
    { type: 'pageBreak' },
  ];
  const clusters = entities.filter((e) => e.category !== 'future').length;
  const future = entities.length - clusters;
  const overview: Block[] = [
    c.heading(1, c.say((w) => w.overview)),
    ...c.paragraphs(c.say((w) => w.overviewIntro(clusters, future))),
    c.heading(2, c.say((w) => w.headlineFigures)),
    ...provinceTable(c),
    ...growthChart(c),
    // Every industry, in as many charts as it takes for each to fit a page at its rows' height.
    ...outputChart(c, entities, Infinity, 17, chartMaxHeight('report')),
    ...keyPoints(c, entities),
  ];
  const sections = CATEGORIES.flatMap((cat) => categorySection(c, cat));
  const annotations = c.data.annotations.length
    ? [c.heading(1, c.say((w) => w.annotations)), ...c.data.annotations.map((x) => c.annotation(x.annotation, x.entity))]
    : [];
  const blocks: Block[] = [...cover, ...overview, ...sections, ...annotations, c.heading(1, c.say((w) => w.sources)), { type: 'notes', compact: false, items: [] }];
  c.finishNotes(blocks);
  return frame(c, 'report', title, blocks, 1, true);
}

function keyPoints(c: Composer, entities: readonly EntityDetail[]): Block[] {
  const items = c.keyPointsByTier(entities);
  return items.length ? [c.heading(2, c.say((w) => w.keyPoints)), { type: 'list', items }] : [];
}

/** Whether an entity has more to say than the one output value its row in the section table shows. */
function needsFactSheet(e: EntityDetail): boolean {
  const output = latestOutputFigure(e);
  return e.figures.some((f) => f !== output || f.note);
}

function categorySection(c: Composer, category: Category): Block[] {
  const all = c.data.entities.filter((e) => e.category === category);
  if (all.length === 0) return [];
  const stated = all.filter((e) => outputStatement(e) !== null);
  const bare = all.filter((e) => e.figures.length === 0 && outputStatement(e) === null);
  const sheets = all.filter((e) => needsFactSheet(e));
  const blocks: Block[] = [c.heading(1, c.say((_, m) => m.category[category])), ...c.paragraphs(c.say((w, m) => w.sectionIntro(all.length, m.category[category])))];
  if (stated.length) {
    const rows: Cell[][] = stated.map((e) => {
      const s = outputStatement(e)!;
      const value = s.figure ? c.figureValue(s.figure, c.ownerName(e)) : tierValue(c, s.value);
      return [c.cell(c.name(e)), c.cell(s.figure ? c.say((_, __, l) => periodWords(s.figure!.period, l)) : c.say((w) => w.tier)), c.cell(value, 'right')];
    });
    blocks.push(c.heading(2, c.say((w) => w.overviewTable)), {
      type: 'table',
      columns: [{ width: '*' }, { width: 'auto' }, { width: 'auto', align: 'right' }],
      header: [c.headerCell((w) => w.name), c.headerCell((w) => w.period), c.cell(c.say((_, m) => m.metric.output_value, 'label'), 'right')],
      rows,
    });
  }
  if (category === 'future') {
    blocks.push(...c.futurePlan());
  }
  if (sheets.length) {
    blocks.push(c.heading(2, c.say((w) => w.factSheets)));
    for (const e of sheets) blocks.push(c.heading(3, c.name(e), true), ...entityFacts(c, e), ...figuresTable(c, e, e.figures));
  }
  if (bare.length) {
    blocks.push(c.heading(2, c.say((w) => w.withoutFigures)), ...c.paragraphs(c.say((w) => w.withoutFiguresIntro(bare.length)), 'muted'), {
      type: 'table',
      columns: [{ width: '*' }],
      header: [c.headerCell((w) => w.name)],
      rows: bare.map((e) => [c.cell(c.name(e))]),
    });
  }
  if (category === 'future' && c.data.province.milestones.length) {
    blocks.push(c.heading(2, c.say((w) => w.milestones)), ...c.data.province.milestones.flatMap((m) => c.milestone(m)));
  }
  return blocks;
}

/** A tier's lower bound as a value: "超过1万亿元" (a tier has no figure to cite). */
function tierValue(c: Composer, bound: number): Bi {
  const bi = c.say((_, __, l) => formatValue(bound, '100m_yuan', 'over', l === 'zh' ? 'zh-CN' : 'en'));
  const nowrap = (line: Line): Line => line.map((r) => (r.t === 'text' ? { ...r, nowrap: true } : r));
  return { runs: nowrap(bi.runs), ...(bi.second ? { second: nowrap(bi.second) } : {}) };
}
