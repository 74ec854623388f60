/**
 * 简报 issues as the data file keeps them: a draft or an issued (签发) issue with its 期号 and its
 * frozen data, the archive's list items, and the live-reference report of a draft. Runs anywhere;
 * the content itself is shared/bulletin.ts.
 */
import { z } from 'zod';
import { BulletinContent, FigureSnapshotRef, IssueNumber } from './bulletin';
import { Bilingual, Category, Metric, RowId, Scope } from './domain';

/** A referenced figure as it was when the issue was issued: its snapshot and what it measures. */
export const FrozenFigure = FigureSnapshotRef.extend({
  figureId: RowId,
  scope: Scope,
  entityId: z.string().max(64).nullable(),
  entityName: Bilingual.nullable(),
  metric: Metric,
});
export type FrozenFigure = z.infer<typeof FrozenFigure>;

/** The entities a chart block shows (names, tiers) and the figures it plots, as issued. */
export const FrozenChart = z.object({
  block: z.number().int().min(0),
  entities: z.array(z.object({ id: z.string().max(64), name: Bilingual, tier: z.string().max(20).nullable(), category: Category.optional() })),
  figures: z.array(FrozenFigure),
});
export type FrozenChart = z.infer<typeof FrozenChart>;

/** Everything an issued issue prints besides its text: export reads this, never live data. */
export const BulletinFreeze = z.object({
  figures: z.array(FrozenFigure),
  sources: z.array(
    z.object({ id: RowId, title: z.string(), publisher: z.string(), author: z.string().nullable(), publishedOn: z.string().nullable(), url: z.string().nullable() }),
  ),
  charts: z.array(FrozenChart),
});
export type BulletinFreeze = z.infer<typeof BulletinFreeze>;

export const BulletinKind = z.enum(['draft', 'issued']);
export type BulletinKind = z.infer<typeof BulletinKind>;

export const BulletinId = RowId;

/** 期号 of an issued issue: 2026年第3期 (增刊第1期), 总第M期 when counted (shared/bulletin.ts). */
export const IssueMark = IssueNumber;
export type IssueMark = IssueNumber;

export const BulletinRecord = z.object({
  id: BulletinId,
  kind: BulletinKind,
  content: BulletinContent,
  title: z.string(),
  issue: IssueMark.nullable(),
  issuedAt: z.string().nullable(),
  correctionOf: BulletinId.nullable(),
  frozen: BulletinFreeze.nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  changedAt: z.string(),
  changedBy: z.string(),
  deletedAt: z.string().nullable(),
});
export type BulletinRecord = z.infer<typeof BulletinRecord>;

/** A row of a list (drafts, the archive, search results): no content. */
export const BulletinListItem = BulletinRecord.pick({ id: true, kind: true, title: true, issue: true, issuedAt: true, correctionOf: true, changedAt: true, changedBy: true }).extend({
  /** The matching words of a search, with the match in 【】. */
  snippet: z.string().nullable(),
  /** The 期号 of the issue a 更正 corrects, to cite it with its year (correctionLabel); null otherwise. */
  correctionOfIssue: IssueMark.nullable(),
});
export type BulletinListItem = z.infer<typeof BulletinListItem>;

/** Where a reference sits: a paragraph's inline (block, inline) or a table's cell (block, cell). */
export const ReferencePlace = z.object({ block: z.number().int().min(0), inline: z.number().int().min(0).nullable(), cell: z.number().int().min(0).nullable() });
export type ReferencePlace = z.infer<typeof ReferencePlace>;

/** A draft's references whose figure changed since the analyst accepted it (数据已更新) or was deleted (broken). */
export const ReferenceReport = z.object({
  kind: BulletinKind,
  changed: z.array(z.object({ place: ReferencePlace, figureId: RowId, accepted: FigureSnapshotRef, current: FigureSnapshotRef })),
  broken: z.array(z.object({ place: ReferencePlace, figureId: RowId, accepted: FigureSnapshotRef })),
});
export type ReferenceReport = z.infer<typeof ReferenceReport>;

export const IssueOptions = z
  .object({
    /** 增刊: numbered apart from the regular issues of the year. */
    supplement: z.boolean().default(false),
    /** Also count 总第M期 across all years. */
    withTotal: z.boolean().default(false),
  })
  .strict();
export type IssueOptions = z.infer<typeof IssueOptions>;

/** "2026-3" (第3期 of 2026) or "2026-S1" (增刊第1期), as the command line names an issue; null for anything else. */
export function parseIssueRef(text: string): { year: number; supplement: boolean; number: number } | null {
  const m = /^(\d{4})-(S?)(\d{1,5})$/.exec(text);
  return m ? { year: Number(m[1]), supplement: m[2] === 'S', number: Number(m[3]) } : null;
}

/**
 * 期号 in words: 2026年第3期（总第12期） / No. 3, 2026 (No. 12 overall); supplements 2026年增刊第1期 /
 * Supplement No. 1, 2026. Issues are numbered per year, so wherever an issue is cited — a 更正, the
 * archive, the command line — its 期号 names the year. Only the 报头 prints "第3期" alone, as the
 * format does: the 印发日期 beside it gives the year (templates/bulletin.ts issueLine).
 */
export function issueLabel(mark: IssueMark, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return `${mark.year}年${mark.supplement ? '增刊' : ''}第${mark.number}期${mark.total !== null ? `（总第${mark.total}期）` : ''}`;
  return `${mark.supplement ? 'Supplement ' : ''}No. ${mark.number}, ${mark.year}${mark.total !== null ? ` (No. ${mark.total} overall)` : ''}`;
}

/** How a 更正 cites the issue it corrects: 更正2026年第3期 / Correction to No. 3, 2026. */
export function correctionLabel(mark: IssueMark, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? `更正${issueLabel({ ...mark, total: null }, 'zh')}` : `Correction to ${issueLabel({ ...mark, total: null }, 'en')}`;
}

/** What an issue exports to (i10-export): PDF, or Word for finishing in Word or WPS. */
export const BULLETIN_FORMATS = ['pdf', 'docx'] as const;
export const BulletinFormat = z.enum(BULLETIN_FORMATS);
export type BulletinFormat = z.infer<typeof BulletinFormat>;
/** Where it was saved (null: the person cancelled), its size, whether it was opened. */
export const BulletinExportResult = z.object({ path: z.string().nullable(), bytes: z.number().int().nonnegative(), opened: z.boolean() });
export type BulletinExportResult = z.infer<typeof BulletinExportResult>;

/** The file name offered in the save dialog: "简报-2026-3.pdf" for an issued one, "简报-草稿-12-2026-11-30.docx" for a draft. */
export function suggestedBulletinFileName(b: Pick<BulletinRecord, 'id' | 'issue' | 'content'>, format: BulletinFormat, date: string): string {
  const word = b.content.lang === 'en' ? 'bulletin' : '简报';
  const which = b.issue ? `${b.issue.year}-${b.issue.supplement ? 'S' : ''}${b.issue.number}` : `${b.content.lang === 'en' ? 'draft' : '草稿'}-${b.id}-${date}`;
  return `${word}-${which}.${format}`;
}
