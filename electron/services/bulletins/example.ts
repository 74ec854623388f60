/**
 * The worked example shipped with the default dataset: an issued 简报 marked 示例, written only from
 * the seeded article's facts (China Daily, 2024-10-23), to show the format. It is written with the
 * seed, into a new file only; a file that holds data never receives it (see seed.ts).
 */
import type { BulletinBlock, BulletinContent, BulletinInline } from '../../../shared/bulletin';
import { referenceLabel } from '../../../shared/bulletin-ref';
import type { Figure } from '../../../shared/domain';
import type { DB } from '../db/open';
import { FALLBACK_FRAME } from './frame';
import { freeze, nextNumber } from './issue';
import { currentRef } from './references';
import { bodyText } from './text';

export const EXAMPLE_TITLE = '示例：2023年全省战略性产业集群发展情况';

function figureId(db: DB, where: { scope: string; metric: string; entityId?: string }): number {
  const id = db
    .prepare(`SELECT id FROM figures WHERE scope = ? AND metric = ? AND entity_id IS ? AND period = '2023' AND deleted_at IS NULL ORDER BY id LIMIT 1`)
    .pluck()
    .get(where.scope, where.metric, where.entityId ?? null) as number | undefined;
  if (id === undefined) throw new Error(`example bulletin: the seed has no ${where.scope} ${where.metric} ${where.entityId ?? ''}`);
  return id;
}

/** A reference as the editor inserts it: the figure's current value and source, and its label ("新一代电子信息 · 产值"), which the app shows for it. */
function ref(db: DB, id: number): BulletinInline {
  const accepted = currentRef(db, id);
  if (!accepted) throw new Error(`example bulletin: figure ${id} is not live`);
  const about = db
    .prepare(
      `SELECT f.scope, f.metric, e.name_zh AS entity_zh, e.name_en AS entity_en, m.name_zh AS metric_zh, m.name_en AS metric_en
         FROM figures f LEFT JOIN entities e ON e.id = f.entity_id JOIN metrics m ON m.id = f.metric
        WHERE f.id = ?`,
    )
    .get(id) as { scope: Figure['scope']; metric: Figure['metric']; entity_zh: string | null; entity_en: string | null; metric_zh: string; metric_en: string };
  const entityName = about.entity_zh !== null && about.entity_en !== null ? { zh: about.entity_zh, en: about.entity_en } : null;
  return { type: 'figure', figureId: id, accepted: { ...accepted, label: referenceLabel(about, entityName, { zh: about.metric_zh, en: about.metric_en }) } };
}

const text = (t: string): BulletinInline => ({ type: 'text', text: t });

export function exampleContent(db: DB): BulletinContent {
  const growth = figureId(db, { scope: 'strategic_clusters', metric: 'added_value_growth' });
  const share = figureId(db, { scope: 'strategic_clusters', metric: 'gdp_share' });
  const revenue = figureId(db, { scope: 'emerging_clusters', metric: 'revenue' });
  const emergingGrowth = figureId(db, { scope: 'emerging_clusters', metric: 'added_value_growth' });
  const tableIds = ['electronics-it', 'new-energy', 'semiconductors-ic', 'smart-robots'].map((entityId) => figureId(db, { scope: 'entity', metric: 'output_value', entityId }));
  const sourceId = db.prepare(`SELECT source_id FROM figures WHERE id = ?`).pluck().get(growth) as number;
  const quote = db.prepare(`SELECT source_quote FROM figures WHERE id = ?`).pluck().get(revenue) as string;
  const blocks: BulletinBlock[] = [
    { type: 'heading', level: 1, text: '总体情况' },
    {
      type: 'paragraph',
      content: [text('2023年，全省20个战略性产业集群增加值同比增长'), ref(db, growth), text('，占全省地区生产总值的'), ref(db, share), text('。')],
    },
    {
      type: 'paragraph',
      content: [
        text('十大战略性新兴产业集群营业收入达'),
        ref(db, revenue),
        text('，增加值同比增长'),
        ref(db, emergingGrowth),
        text('，增速接近全省地区生产总值增速的两倍，成为全省经济增长的新引擎。'),
      ],
    },
    { type: 'heading', level: 1, text: '部分集群产值规模' },
    { type: 'table', caption: '部分集群2023年产值规模', figureIds: tableIds, accepted: tableIds.map((id) => (ref(db, id) as Extract<BulletinInline, { type: 'figure' }>).accepted) },
    { type: 'chart', chart: { kind: 'tiers' }, caption: '20个战略性产业集群产值规模分档' },
    { type: 'quote', sourceId, text: quote },
  ];
  return {
    format: 'cluster-brief/bulletin',
    formatVersion: 1,
    lang: 'zh',
    // A whole 报尾 too (报送, 抄送, 共印): the example shows every part of the format, each marked as an example.
    frame: { ...FALLBACK_FRAME, unit: '示例编印单位', sendTo: ['示例报送单位'], copyTo: ['示例抄送单位一', '示例抄送单位二'], copies: 20 },
    title: EXAMPLE_TITLE,
    editorNote: '本期为示例，仅用于展示简报格式，内容全部取自默认数据集所引用的《中国日报》2024年10月23日报道。',
    blocks,
  };
}

/**
 * Writes the example as issued (2024年第1期, on the article's date, by the dataset's author), with
 * its frozen data. Like the rest of the seed it has no history: nothing to undo in a new file.
 */
export function writeExampleBulletin(db: DB, author: string, issuedAt: Date): number {
  const content = exampleContent(db);
  const year = issuedAt.getFullYear();
  const at = issuedAt.toISOString();
  return Number(
    db
      .prepare(
        `INSERT INTO bulletins (kind, content, title, body_text, year, number, supplement, issued_at, frozen, created_at, created_by, changed_at, changed_by)
         VALUES ('issued', @content, @title, @bodyText, @year, @number, 0, @at, @frozen, @at, @author, @at, @author)`,
      )
      .run({ content: JSON.stringify(content), title: content.title, bodyText: bodyText(content), year, number: nextNumber(db, year, false), at, frozen: JSON.stringify(freeze(db, content)), author })
      .lastInsertRowid,
  );
}
