/**
 * A long 简报 issue as an analyst writes one for a half-year review (about ten pages): six sections
 * with sub-sections, paragraphs of analysis around some forty figure references, three charts (the
 * tier chart, a trend, a comparison), three tables and three quoted passages. Written from the seeded
 * dataset plus a few earlier years the analyst records from the department's own survey (so the
 * trend chart has periods to draw). Used by bench/bulletin.bench.ts and the print tests.
 */
import type { BulletinBlock, BulletinContent, BulletinInline } from '../../shared/bulletin';
import type { DB } from '../../electron/services/db/open';
import { saveFigure } from '../../electron/services/workbench/actions';
import { figureRef, seededFigure } from './bulletins';

/** The clusters the trend chart follows, with the output values (亿元) the survey gives for 2021 and 2022. */
const SURVEY: Record<string, [number, number]> = { 'smart-robots': [62, 80], 'semiconductors-ic': [760, 890], 'new-energy': [3900, 4600] };

/** Records the survey's earlier years (one new source, six figures); call once per data file, before `longBulletin`. */
export function recordSurveyYears(db: DB): void {
  let sourceId: number | null = null;
  for (const [entityId, values] of Object.entries(SURVEY)) {
    values.forEach((value, i) => {
      const figure = { scope: 'entity' as const, entityId, metric: 'output_value' as const, value, unit: '100m_yuan' as const, qualifier: 'about' as const, period: String(2021 + i), sourceId, sourceQuote: null, note: null };
      const saved = saveFigure(db, sourceId === null ? { figure, newSource: { title: '全省战略性产业集群运行监测调查', publisher: '省产业集群工作专班办公室', author: null, publishedOn: '2024-03-15', url: null, excerpt: null } } : { figure });
      sourceId = saved.sourceId;
    });
  }
}

const t = (text: string): BulletinInline => ({ type: 'text', text });

interface Cluster {
  id: string;
  zh: string;
}

/** Seeded clusters by category, in the seed's order. */
function clusters(db: DB, category: 'pillar' | 'emerging'): Cluster[] {
  return db.prepare(`SELECT id, name_zh AS zh FROM entities WHERE category = ? AND deleted_at IS NULL ORDER BY sort_order`).all(category) as Cluster[];
}

const READINGS = [
  '产业链配套较为完整，但关键零部件仍有短板。',
  '产能主要集中在珠三角核心区，区域布局有所优化。',
  '企业反映用地、用能和人才引进方面仍有困难。',
  '新产品不断涌现，但国际市场需求波动仍需关注。',
];

/** A paragraph on two clusters: their output values (references) and the analyst's reading. */
function clusterParagraph(db: DB, pair: Cluster[], k: number): BulletinBlock {
  const content: BulletinInline[] = pair.flatMap((c, i) => [t(`${i === 0 ? '' : '；'}${c.zh}集群2023年年产值`), figureRef(db, seededFigure(db, { entityId: c.id, metric: 'output_value' }))]);
  return { type: 'paragraph', content: [...content, t(`。${READINGS[k % READINGS.length]}`)] };
}

/** The clusters two by two, each pair a paragraph. */
function pairs(db: DB, list: Cluster[], from: number): BulletinBlock[] {
  const out: BulletinBlock[] = [];
  for (let i = 0; i < list.length; i += 2) out.push(clusterParagraph(db, list.slice(i, i + 2), from + i / 2));
  return out;
}

/** The ten-page issue: ~40 figure references, 3 charts, 3 tables, 3 quotations, in six sections. */
export function longBulletin(db: DB): BulletinContent {
  const growth = seededFigure(db, { scope: 'strategic_clusters', metric: 'added_value_growth' });
  const share = seededFigure(db, { scope: 'strategic_clusters', metric: 'gdp_share' });
  const revenue = seededFigure(db, { scope: 'emerging_clusters', metric: 'revenue' });
  const emergingGrowth = seededFigure(db, { scope: 'emerging_clusters', metric: 'added_value_growth' });
  const pillar = clusters(db, 'pillar');
  const emerging = clusters(db, 'emerging');
  const province = [growth, share, revenue, emergingGrowth];
  const quoteOf = (id: number): { sourceId: number; text: string } => db.prepare(`SELECT source_id AS sourceId, source_quote AS text FROM figures WHERE id = ?`).get(id) as { sourceId: number; text: string };
  const table = (caption: string, ids: number[]): BulletinBlock => {
    const refs = ids.map((id) => figureRef(db, id)).flatMap((r) => (r.type === 'figure' ? [r.accepted] : []));
    return { type: 'table', caption, figureIds: ids, accepted: refs };
  };
  const outputs = (list: Cluster[]): number[] => list.map((c) => seededFigure(db, { entityId: c.id, metric: 'output_value' }));
  const p = (...content: BulletinInline[]): BulletinBlock => ({ type: 'paragraph', content });
  const r = (id: number): BulletinInline => figureRef(db, id);

  const blocks: BulletinBlock[] = [
    { type: 'heading', level: 1, text: '总体运行情况' },
    p(t('2023年，全省坚持制造业当家，20个战略性产业集群增加值同比增长'), r(growth), t('，占全省地区生产总值的'), r(share), t('，对全省经济的支撑作用进一步增强。从季度走势看，集群增加值增速逐季回升，四季度增速高于全年平均水平。')),
    p(t('十大战略性新兴产业集群营业收入达'), r(revenue), t('，增加值同比增长'), r(emergingGrowth), t('，增速接近全省地区生产总值增速的两倍，成为全省经济增长的新引擎。新兴集群增加值增速'), r(emergingGrowth), t('高于20个集群整体增速'), r(growth), t('，结构调整成效初步显现。')),
    { type: 'quote', ...quoteOf(revenue) },
    { type: 'heading', level: 2, text: '集群规模分档' },
    p(t('按年产值分档，全省已形成8个万亿元级产业集群，超高清视频显示、新能源、数字创意集群年产值超过5000亿元，其余集群多数超过1000亿元。集群规模分布见图1。')),
    { type: 'chart', chart: { kind: 'tiers' }, caption: '图1 20个战略性产业集群年产值分档' },
    p(t('总体看，支柱产业集群规模大、韧性强，新兴产业集群成长快、潜力足，“双十”集群协同发展的格局基本形成。')),
    { type: 'heading', level: 1, text: '战略性支柱产业集群' },
    p(t('十大战略性支柱产业集群合计占全省规模以上工业增加值的比重保持在六成以上，是稳住全省工业基本盘的“压舱石”。各集群情况如下。')),
    { type: 'heading', level: 2, text: '万亿元级集群' },
    ...pairs(db, pillar.slice(0, 8), 0),
    { type: 'heading', level: 2, text: '其他支柱集群' },
    ...pairs(db, pillar.slice(8), 1),
    table('表1 战略性支柱产业集群2023年年产值', outputs(pillar)),
    { type: 'heading', level: 1, text: '战略性新兴产业集群' },
    p(t('十大战略性新兴产业集群营业收入'), r(revenue), t('，增加值增长'), r(emergingGrowth), t('。其中半导体与集成电路、新能源、智能机器人集群增长较快，监测调查显示三个集群近三年年产值持续上升（见图2）。')),
    { type: 'chart', chart: { kind: 'trend', metric: 'output_value', entityIds: ['smart-robots', 'semiconductors-ic', 'new-energy'] }, caption: '图2 三个新兴集群年产值走势' },
    ...pairs(db, emerging, 2),
    table('表2 战略性新兴产业集群2023年年产值', outputs(emerging)),
    { type: 'quote', ...quoteOf(outputs(emerging)[8]!) },
    { type: 'heading', level: 1, text: '重点集群比较' },
    p(t('选取年产值超过1000亿元的部分新兴集群进行比较（见图3）。新能源集群年产值'), r(outputs(emerging)[0]!), t('，数字创意集群年产值'), r(outputs(emerging)[1]!), t('，半导体与集成电路集群年产值'), r(outputs(emerging)[2]!), t('，梯次发展态势明显。')),
    { type: 'chart', chart: { kind: 'compare', metric: 'output_value', entityIds: emerging.slice(0, 8).map((c) => c.id) }, caption: '图3 部分新兴集群年产值比较' },
    p(t('比较来看，新兴集群与万亿元级支柱集群相比规模仍有差距，但增加值增速'), r(emergingGrowth), t('明显高于集群整体的'), r(growth), t('，后发优势正在显现。')),
    { type: 'heading', level: 1, text: '存在的问题' },
    { type: 'heading', level: 2, text: '关键核心技术仍有短板' },
    p(t('部分集群高端芯片、工业软件、核心零部件对外依存度较高，产业链供应链安全稳定面临挑战。半导体与集成电路集群年产值'), r(outputs(emerging)[2]!), t('，与万亿元级集群相比差距明显，自主可控能力有待提升。')),
    { type: 'heading', level: 2, text: '区域发展不够平衡' },
    p(t('集群产值主要集中在广州、深圳、佛山、东莞等地，粤东粤西粤北地区集群规模偏小，产业承接和配套能力仍需加强。')),
    { type: 'heading', level: 2, text: '新兴集群规模偏小' },
    p(t('智能机器人、区块链与量子信息集群年产值分别为'), r(outputs(emerging)[8]!), t('和'), r(outputs(emerging)[9]!), t('，尚处于培育阶段，龙头企业数量不多，产业生态有待完善。')),
    { type: 'heading', level: 1, text: '下一步工作建议' },
    p(t('一是强化集群培育。落实“链长制”，围绕20个战略性产业集群精准招商，推动集群增加值占全省地区生产总值比重由'), r(share), t('进一步提高。')),
    p(t('二是突破关键技术。聚焦新兴集群短板，组织实施重点领域研发计划，力争新兴集群营业收入在'), r(revenue), t('的基础上再上新台阶。')),
    p(t('三是优化区域布局。推动珠三角地区产业有序转移，支持粤东粤西粤北地区建设承接产业转移主平台。')),
    p(t('四是加强监测分析。完善集群统计监测制度，按季度跟踪主要指标，为省委、省政府决策提供参考。')),
    table('表3 全省战略性产业集群主要指标', province),
    { type: 'quote', ...quoteOf(growth) },
  ];
  return {
    format: 'cluster-brief/bulletin',
    formatVersion: 1,
    lang: 'zh',
    frame: {
      name: '广东省战略性产业集群工作简报',
      unit: '省产业集群工作专班办公室',
      marking: '内部资料 注意保存',
      copyNumber: '000128',
      sendTo: ['省委办公厅', '省政府办公厅', '省人大常委会办公厅', '省政协办公厅'],
      copyTo: ['各地级以上市人民政府', '省发展改革委', '省工业和信息化厅', '省科技厅', '省商务厅', '省统计局'],
      copies: 120,
    },
    title: '2023年全省战略性产业集群发展情况分析',
    editorNote: '现将2023年全省战略性产业集群主要数据及分析印发，供各地各部门研究工作时参考。文中数据除注明外均引自公开报道，监测调查数据为初步数。',
    blocks,
  };
}
