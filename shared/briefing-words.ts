/**
 * The words a briefing prints, in Chinese and English side by side: a bilingual briefing needs both
 * at once. Chinese runs digits and Chinese together without a space (20个集群, 2024年9月30日);
 * English counts take their plural. Runs anywhere.
 */
import type { BriefingTemplate } from './briefing';

export interface BriefingWords {
  kicker: string;
  defaultTitle: Record<BriefingTemplate, string>;
  preparedBy: (author: string) => string;
  issuedOn: (date: string) => string;
  dataAsOf: (date: string) => string;
  pageOf: string;
  contents: string;
  overview: string;
  overviewIntro: (clusters: number, future: number) => string;
  headlineFigures: string;
  keyPoints: string;
  outputChart: string;
  outputChartAxis: string;
  outputChartNote: string;
  /** Under an output chart that draws a figure given as "over" / "at least": it is drawn at its bound. */
  outputChartLowerBounds: string;
  chartOmitted: (count: number) => string;
  /** Chosen industries the output chart cannot draw (no output figure, no tier): named. */
  noOutput: (names: string) => string;
  /** Province-level figures past the headline boxes of the one-page brief. */
  headlineMore: (count: number) => string;
  /** After the caption of a chart that goes on from the one before (more rows than fit a page): 各集群年产值（续）. */
  continued: string;
  growthChart: string;
  /** The clusters of one output tier; `further`: after a higher tier's, whose clusters it does not count (另有 / A further). */
  tierCount: (count: number, value: string, further: boolean) => string;
  figureCount: (label: string, value: string) => string;
  sectionIntro: (count: number, category: string) => string;
  overviewTable: string;
  factSheets: string;
  withoutFigures: string;
  withoutFiguresIntro: (count: number) => string;
  /** A fact sheet of an industry with no figures says so where its table would be. */
  noFiguresYet: string;
  category: string;
  tier: string;
  metric: string;
  period: string;
  value: string;
  note: string;
  name: string;
  milestones: string;
  milestoneYear: (year: number) => string;
  futurePlan: (date: string) => string;
  annotations: string;
  annotationsShort: string;
  annotationsMore: (count: number) => string;
  annotationOn: (target: string, author: string, date: string) => string;
  sources: string;
  noSource: string;
  quotedPassages: string;
  sourcesMore: (count: number) => string;
  tierDisagrees: (tier: string) => string;
  fields: {
    name: string;
    title: string;
    subtitle: string;
    author: string;
    marking: string;
    note: string;
    sourceQuote: string;
    annotation: string;
    annotationAuthor: string;
    milestone: string;
    publisher: string;
    sourceTitle: string;
    sourceAuthor: string;
  };
}

const ZH_MONTHS = 12;

/** The local date as YYYY-MM-DD. */
export function localDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** 2024-09-30 → 2024年9月30日 / 30 September 2024; anything else is returned as it is. */
export function longDate(iso: string, lang: 'zh' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > ZH_MONTHS) return iso;
  return lang === 'zh' ? `${y}年${mo}月${d}日` : `${d} ${EN_MONTHS[mo - 1]} ${y}`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const BRIEFING_WORDS: Record<'zh' | 'en', BriefingWords> = {
  zh: {
    kicker: '广东省战略性产业集群与未来产业',
    defaultTitle: { 'one-page': '产业集群一页简报', full: '广东产业集群简报', 'fact-sheet': '产业概况' },
    preparedBy: (a) => `编写：${a}`,
    issuedOn: (d) => `印发日期：${d}`,
    dataAsOf: (d) => `数据截至${d}`,
    pageOf: '第{{page}}页，共{{pages}}页',
    contents: '目录',
    overview: '总览',
    overviewIntro: (c, f) => `本简报汇总广东省${c}个战略性产业集群和${f}个未来产业的最新数据。每个数字均注明单位和限定词，上标编号指向文末的来源注释。`,
    headlineFigures: '全省主要数据',
    keyPoints: '要点',
    outputChart: '各集群年产值',
    outputChartAxis: '年产值',
    outputChartNote: '有产值数据的按最新数据绘制，其余按产值档次下限绘制（“超过”）。',
    outputChartLowerBounds: '标有“超过”“不低于”的数值为下限，按下限绘制，实际数值更大。',
    chartOmitted: (n) => `另有${n}个集群未列入图中，见完整简报。`,
    noOutput: (names) => `${names}尚无产值数据，未列入图中。`,
    headlineMore: (n) => `另有${n}项全省数据，见完整简报。`,
    continued: '（续）',
    growthChart: '增加值同比增长',
    tierCount: (n, v, further) => `${further ? '另有' : ''}${n}个集群年产值${v}`,
    figureCount: (label, v) => `${label}：${v}`,
    sectionIntro: (n, c) => `${c}共${n}个。`,
    overviewTable: '年产值一览',
    factSheets: '产业概况',
    withoutFigures: '暂无具体数据的产业',
    withoutFiguresIntro: (n) => `以下${n}个产业目前只有名称和类别，尚无具体数据。`,
    noFiguresYet: '尚无具体数据。',
    category: '类别',
    tier: '产值档次',
    metric: '指标',
    period: '时期',
    value: '数值',
    note: '备注',
    name: '名称',
    milestones: '未来产业发展目标',
    milestoneYear: (y) => `到${y}年`,
    // The source says only "another action plan for future industries": no formal title is put in book-title marks that the source does not give.
    futurePlan: (d) => `省政府于${d}印发未来产业行动计划`,
    annotations: '附录：批注',
    annotationsShort: '批注',
    annotationsMore: (n) => `另有${n}条批注，见完整简报。`,
    annotationOn: (t, a, d) => `${t} · ${a} · ${d}`,
    sources: '来源注释',
    noSource: '无来源',
    quotedPassages: '引文',
    sourcesMore: (n) => `另有${n}条来源，见完整简报。`,
    tierDisagrees: (tier) => `与产值档次（${tier}）不一致`,
    fields: {
      name: '名称',
      title: '标题',
      subtitle: '副标题',
      author: '编写人',
      marking: '密级标注',
      note: '备注',
      sourceQuote: '来源原文',
      annotation: '批注',
      annotationAuthor: '批注作者',
      milestone: '发展目标',
      publisher: '来源发布者',
      sourceTitle: '来源标题',
      sourceAuthor: '来源作者',
    },
  },
  en: {
    kicker: "Guangdong's strategic industry clusters and future industries",
    defaultTitle: { 'one-page': 'Industry clusters at a glance', full: "Guangdong's industry clusters: a briefing", 'fact-sheet': 'Fact sheet' },
    preparedBy: (a) => `Prepared by ${a}`,
    issuedOn: (d) => `Issued ${d}`,
    dataAsOf: (d) => `Data as of ${d}`,
    pageOf: 'Page {{page}} of {{pages}}',
    contents: 'Contents',
    overview: 'Overview',
    overviewIntro: (c, f) =>
      `This briefing brings together the latest figures on Guangdong's ${plural(c, 'strategic industry cluster', 'strategic industry clusters')} and ${plural(f, 'future industry', 'future industries')}. Every number carries its unit and qualifier, and a superscript number pointing to its source in the notes at the end.`,
    headlineFigures: 'Province-level figures',
    keyPoints: 'Key points',
    outputChart: 'Annual output value of each cluster',
    outputChartAxis: 'Output value',
    outputChartNote: 'Drawn from the latest output figure where there is one, else from the lower bound of the output tier ("over").',
    outputChartLowerBounds: 'Values marked "over" or "at least" are lower bounds, drawn at the bound: the true values are larger.',
    chartOmitted: (n) => `${plural(n, 'more cluster is', 'more clusters are')} in the full briefing, not in this chart.`,
    noOutput: (names) => `No output value is on record for ${names}: not in the chart.`,
    headlineMore: (n) => `${plural(n, 'more province-level figure appears', 'more province-level figures appear')} in the full briefing.`,
    continued: ' (continued)',
    growthChart: 'Added value growth, year on year',
    tierCount: (n, v, further) => `${further ? 'A further ' : ''}${plural(n, 'cluster', 'clusters')} with output value ${v}`,
    figureCount: (label, v) => `${label}: ${v}`,
    sectionIntro: (n, c) => `${n} ${c.charAt(0).toLowerCase()}${c.slice(1)}.`,
    overviewTable: 'Output value at a glance',
    factSheets: 'Fact sheets',
    withoutFigures: 'Industries without figures yet',
    withoutFiguresIntro: (n) => `${plural(n, 'industry has', 'industries have')} a name and a category but no figures yet.`,
    noFiguresYet: 'No figures recorded yet.',
    category: 'Category',
    tier: 'Output tier',
    metric: 'Metric',
    period: 'Period',
    value: 'Value',
    note: 'Note',
    name: 'Name',
    milestones: 'Goals for future industries',
    milestoneYear: (y) => `By ${y}`,
    futurePlan: (d) => `The provincial action plan for future industries was issued on ${d}`,
    annotations: 'Appendix: annotations',
    annotationsShort: 'Annotations',
    annotationsMore: (n) => `${plural(n, 'more annotation appears', 'more annotations appear')} in the full briefing.`,
    annotationOn: (t, a, d) => `${t} · ${a} · ${d}`,
    sources: 'Source notes',
    noSource: 'no source',
    quotedPassages: 'Quoted',
    sourcesMore: (n) => `${plural(n, 'more source is', 'more sources are')} listed in the full briefing.`,
    tierDisagrees: (tier) => `disagrees with the output tier (${tier})`,
    fields: {
      name: 'name',
      title: 'title',
      subtitle: 'subtitle',
      author: 'author',
      marking: 'marking',
      note: 'note',
      sourceQuote: 'source quote',
      annotation: 'annotation',
      annotationAuthor: 'annotation author',
      milestone: 'goal',
      publisher: 'source publisher',
      sourceTitle: 'source title',
      sourceAuthor: 'source author',
    },
  },
};
