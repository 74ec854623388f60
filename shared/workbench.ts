/**
 * What the workbench screens ask for and get back (issue 3): the figures table query and its rows,
 * history, undo/redo, settings and the dashboard's data. Runs anywhere.
 */
import { z } from 'zod';
import {
  Annotation,
  AnnotationStatus,
  AnnotationTarget,
  Bilingual,
  Category,
  CityCode,
  EntityId,
  Figure,
  Metric,
  Period,
  RowId,
  Source,
  Tier,
} from './domain';
import type { Lang } from './errors';
import { personText } from './text';

export const LangSchema = z.enum(['zh-CN', 'en']) satisfies z.ZodType<Lang>;

export const FIGURE_SORTS = ['changedAt', 'value', 'period', 'metric', 'entity'] as const;
export const FigureSort = z.enum(FIGURE_SORTS);
export type FigureSort = z.infer<typeof FigureSort>;

export const FigureQuery = z
  .object({
    q: z.string().max(200).optional(),
    level: z.enum(['entity', 'province']).optional(),
    category: Category.optional(),
    tier: Tier.optional(),
    metric: Metric.optional(),
    period: Period.optional(),
    /** Figures about one city of Guangdong (issue 12). */
    cityCode: CityCode.optional(),
    entityId: EntityId.optional(),
    openAnnotations: z.boolean().optional(),
    noSource: z.boolean().optional(),
    deleted: z.boolean().optional(),
    sort: FigureSort.default('changedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    lang: LangSchema.default('zh-CN'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    /** False for further pages of the same query: the total is known already, skip counting. */
    withTotal: z.boolean().default(true),
  })
  .strict();
export type FigureQuery = z.input<typeof FigureQuery>;

export const FigureListRow = Figure.extend({
  entityName: Bilingual.nullable(),
  category: Category.nullable(),
  tier: Tier.nullable(),
  sourceTitle: z.string().nullable(),
  openAnnotations: z.number().int(),
  deleted: z.boolean(),
  /** Where the search matched, when it matched in text the row does not show (an annotation, an excerpt). */
  snippet: z.string().nullable(),
});
export type FigureListRow = z.infer<typeof FigureListRow>;

export const FigurePage = z.object({ total: z.number().int().nullable(), offset: z.number().int(), rows: z.array(FigureListRow) });
export type FigurePage = z.infer<typeof FigurePage>;

export const FigureFacets = z.object({ periods: z.array(z.string()), tags: z.array(z.string()), authors: z.array(z.string()) });
export type FigureFacets = z.infer<typeof FigureFacets>;

export const RevisionTargetType = z.enum(['entity', 'figure', 'source', 'annotation', 'bulletin', 'metric', 'finding']);
export const Revision = z.object({
  id: RowId,
  batchId: z.string(),
  /** 'change' for a person's edit, 'undo' or 'redo' when the change was taken back or applied again. */
  batchKind: z.enum(['change', 'undo', 'redo']),
  targetType: RevisionTargetType,
  targetId: z.string(),
  action: z.enum(['create', 'update', 'delete', 'restore']),
  author: z.string(),
  at: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** The sources the snapshots name (sourceId), by id: title and publisher, so history never shows a bare id. */
  sourceNames: z.record(z.string(), z.string()),
  /** The industries the snapshots name (entityId), by id, in both languages: never a bare id such as semiconductors-ic. */
  entityNames: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })),
});
export type Revision = z.infer<typeof Revision>;

/** What one batch changed, in words a person reads ("修改 智能机器人 产值（2023）"): its main revision and how many others. */
export const BatchSummary = z.object({
  action: z.enum(['create', 'update', 'delete', 'restore']),
  targetType: RevisionTargetType,
  label: z.object({ zh: z.string(), en: z.string() }),
  more: z.number().int().min(0),
  /** A workbook or table import: the file it read and how many changes it made (it is named by these, not by its first row). */
  imported: z.object({ file: z.string(), count: z.number().int().min(1) }).optional(),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

export const UndoState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** The change undo (redo) would take back (apply again): the page sends it, so only that one is. */
  undoBatchId: z.string().nullable().optional(),
  redoBatchId: z.string().nullable().optional(),
  /** That change in words, for the buttons to say before they are pressed ("撤销：修改 智能机器人 · 产值 · 2023"). */
  undoWhat: BatchSummary.nullable().optional(),
  redoWhat: BatchSummary.nullable().optional(),
});
export type UndoState = z.infer<typeof UndoState>;

export const UndoResult = z.object({
  /** False when there was nothing to undo (or redo). */
  done: z.boolean(),
  changes: z.number().int(),
  state: UndoState,
  /** What was undone or redone (absent when nothing was). */
  summary: BatchSummary.optional(),
});
export type UndoResult = z.infer<typeof UndoResult>;

export const Theme = z.enum(['light', 'dark', 'system']);
export type Theme = z.infer<typeof Theme>;
export const Settings = z.object({
  /** Null until the person has confirmed a name on first start. */
  authorName: z.string().nullable(),
  /** The operating system's user name: the suggestion on first start. */
  defaultAuthorName: z.string(),
  lang: LangSchema,
  theme: Theme,
});
export type Settings = z.infer<typeof Settings>;
/** The name every change is recorded under: the text rule, at most 100 characters (settings, imports, the command line). */
export const AuthorName = personText({ max: 100, oneLine: true });
export const SettingsPatch = z
  .object({ authorName: AuthorName.optional(), lang: LangSchema.optional(), theme: Theme.optional() })
  .strict();

export const AnnotationQuery = z
  .object({
    status: AnnotationStatus.optional(),
    tag: z.string().max(40).optional(),
    author: z.string().max(100).optional(),
    targetType: AnnotationTarget.optional(),
    targetId: z.string().max(64).optional(),
  })
  .strict();
export const AnnotationListItem = Annotation.extend({ targetLabel: Bilingual });
export type AnnotationListItem = z.infer<typeof AnnotationListItem>;

export const DeletedItem = z.object({ targetType: RevisionTargetType, targetId: z.string(), label: Bilingual, deletedAt: z.string() });
export type DeletedItem = z.infer<typeof DeletedItem>;

/** The dashboard's numbers; shared/charts turns them into chart options (the app and the PDF briefing). */
export const DashboardData = z.object({
  tiers: z.array(z.object({ category: Category, tier: Tier.nullable(), count: z.number().int() })),
  province: z.array(Figure),
  openAnnotations: z.array(z.object({ category: Category.nullable(), count: z.number().int() })),
  withoutSource: z.array(z.object({ category: Category.nullable(), count: z.number().int() })),
  totals: z.object({ figures: z.number().int(), openAnnotations: z.number().int(), withoutSource: z.number().int() }),
});
export type DashboardData = z.infer<typeof DashboardData>;

export const SourceList = z.array(Source);
