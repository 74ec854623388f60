/**
 * An issue of the office's 简报 (bulletin), as the analyst writes it: the content the editor produces
 * and the data file stores (validated JSON), before it is resolved against the data into a
 * BriefingDocument (shared/document.ts) for the PDF and Word writers. Runs anywhere.
 *
 * Figure references are stored by figure id; while an issue is a draft they are resolved live (with
 * the value the analyst last accepted kept beside them, so a changed figure can be marked "数据已更新");
 * issuing (签发) freezes every referenced value, unit, qualifier and source into the issue.
 */
import { z } from 'zod';
import { Qualifier, RowId, Unit } from './domain';

const Text = (max: number) => z.string().max(max);

/** What a reference showed when the analyst last accepted it (or when the issue was frozen). */
export const FigureSnapshotRef = z.object({
  value: z.number().finite(),
  unit: Unit,
  qualifier: Qualifier,
  period: z.string().max(20),
  sourceId: RowId.nullable(),
  sourceQuote: z.string().max(5000).nullable(),
  /** Publisher, title, author, date of the source: frozen with the issue so the note never changes. */
  source: z
    .object({ publisher: z.string().max(300), title: z.string().max(500), author: z.string().max(300).nullable(), publishedOn: z.string().max(10).nullable() })
    .nullable(),
  /** What the figure is about ("智能机器人 · 年产值"), frozen too so a table row keeps its name (added by i10-pdf). */
  label: z.object({ zh: z.string().max(300), en: z.string().max(300) }).optional(),
  /** The metric's own unit ("件" / "patents") when the unit is 'metric_unit' (issue 12), frozen with the value. */
  unitLabel: z.object({ zh: z.string().max(20), en: z.string().max(40) }).optional(),
  /**
   * What the figure was about when accepted: its industry (null: a province-level group), metric and city. A figure
   * moved to another industry, metric or city is marked 数据已更新 like a new value (the sentence around it said
   * 智能机器人产值 of what had become 区块链与量子信息's 营业收入). References saved before it have none.
   */
  about: z.object({ entityId: z.string().max(64).nullable(), metric: z.string().max(64), cityCode: z.string().max(12).nullable() }).optional(),
});
export type FigureSnapshotRef = z.infer<typeof FigureSnapshotRef>;

/** Inline content of a paragraph: text with optional emphasis, or a reference to a figure. */
export const BulletinInline = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: Text(20000), bold: z.boolean().optional() }),
  z.object({ type: z.literal('figure'), figureId: RowId, accepted: FigureSnapshotRef }),
]);
export type BulletinInline = z.infer<typeof BulletinInline>;

export const ChartChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tiers') }),
  /** One metric for chosen entities across periods. */
  z.object({ kind: z.literal('trend'), metric: z.string().max(64), entityIds: z.array(z.string().max(64)).min(1).max(5) }),
  /** Chosen entities compared on one metric (latest period). */
  z.object({ kind: z.literal('compare'), metric: z.string().max(64), entityIds: z.array(z.string().max(64)).min(1).max(30) }),
]);
export type ChartChoice = z.infer<typeof ChartChoice>;

export const BulletinBlock = z.discriminatedUnion('type', [
  /** A section heading: level 1 (一、 黑体) or level 2 ((一) 楷体). */
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), text: Text(200) }),
  z.object({ type: z.literal('paragraph'), content: z.array(BulletinInline).max(500) }),
  z.object({ type: z.literal('chart'), chart: ChartChoice, caption: Text(200) }),
  z.object({ type: z.literal('table'), caption: Text(200), figureIds: z.array(RowId).min(1).max(200), accepted: z.array(FigureSnapshotRef).max(200) }),
  /** A passage quoted from a source, printed with its note. */
  z.object({ type: z.literal('quote'), sourceId: RowId, text: Text(5000) }),
]);
export type BulletinBlock = z.infer<typeof BulletinBlock>;

/** The head and tail the format asks for; names and lists come from Settings as defaults. */
export const BulletinFrame = z.object({
  /** 报头: e.g. 广东省战略性产业集群工作简报 (red, large, centred). */
  name: Text(60).min(1),
  /** 编印单位. */
  unit: Text(100),
  /** 内部资料 注意保存, or a classification (top left). */
  marking: Text(40),
  /** 编号, when copies are controlled (top right). */
  copyNumber: Text(20),
  /** 报送 (superiors) and 抄送 (others). */
  sendTo: z.array(Text(100)).max(50),
  copyTo: z.array(Text(100)).max(50),
  /** 共印N份. */
  copies: z.number().int().min(0).max(100000).nullable(),
});
export type BulletinFrame = z.infer<typeof BulletinFrame>;

/** Which frame defaults a bulletin starts from: its own for English issues, the Chinese ones for Chinese and bilingual issues (their head is Chinese). */
export type FrameLang = 'zh' | 'en';
export const frameLangOf = (lang: 'zh' | 'en' | 'bilingual'): FrameLang => (lang === 'en' ? 'en' : 'zh');

export const BulletinContent = z.object({
  format: z.literal('cluster-brief/bulletin'),
  formatVersion: z.literal(1),
  lang: z.enum(['zh', 'en', 'bilingual']),
  frame: BulletinFrame,
  title: Text(200).min(1),
  /** 按语 (editor's note), optional. */
  editorNote: Text(5000),
  blocks: z.array(BulletinBlock).max(2000),
});
export type BulletinContent = z.infer<typeof BulletinContent>;

/** How an issue is numbered: 第N期 within its year (and 总第M期), or a supplement (增刊) numbered apart. */
export const IssueNumber = z.object({
  year: z.number().int().min(2000).max(2100),
  number: z.number().int().positive(),
  total: z.number().int().positive().nullable(),
  supplement: z.boolean(),
});
export type IssueNumber = z.infer<typeof IssueNumber>;

/** Where a block is, as the issue and its refusals name it: its section (0: before the first 一、) and its number among the blocks of its kind there. */
export interface BlockPlace {
  section: number;
  index: number;
  kind: 'paragraph' | 'table' | 'chart' | 'quote';
}

/**
 * The place of block `at` (counted from 0), counted as the issue counts it (templates/bulletin.ts): a
 * level-1 heading starts a section, and paragraphs, tables, charts and quotations are numbered apiece
 * within it. "第 2 段" from the block's index counted the headings, tables and charts before it, and
 * sent the analyst to the wrong paragraph. Null for a heading.
 */
export function blockPlace(blocks: readonly BulletinBlock[], at: number): BlockPlace | null {
  let section = 0;
  const counts = { paragraph: 0, table: 0, chart: 0, quote: 0 };
  for (let i = 0; i <= at && i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'heading') {
      if (b.level === 1) {
        section++;
        counts.paragraph = counts.table = counts.chart = counts.quote = 0;
      }
      if (i === at) return null;
      continue;
    }
    counts[b.type]++;
    if (i === at) return { section, index: counts[b.type], kind: b.type };
  }
  return null;
}

