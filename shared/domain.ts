/**
 * The domain vocabulary of Cluster Brief: every value that crosses a process boundary is described
 * here once, as a zod schema, and its TypeScript type is inferred from it.
 * Runs anywhere: no Node, no DOM, no Electron.
 */
import { z } from 'zod';
import { ErrorPayload } from './errors';
import { personText, problemIssue } from './text';

export const Category = z.enum(['pillar', 'emerging', 'future']);
export type Category = z.infer<typeof Category>;
export const CATEGORIES = Category.options;

/** Output-value tiers of the 2023 article: lower bounds of annual output value (产值). */
export const Tier = z.enum(['over_1t', 'over_500b', 'over_100b', 'over_10b']);
export type Tier = z.infer<typeof Tier>;
export const TIERS = Tier.options;
/** Each tier's lower bound in 亿元 (100 million yuan). */
export const TIER_LOWER_BOUND_100M_YUAN: Record<Tier, number> = {
  over_1t: 10000,
  over_500b: 5000,
  over_100b: 1000,
  over_10b: 100,
};

export const Qualifier = z.enum(['exact', 'over', 'at_least', 'nearly', 'about', 'target']);
export type Qualifier = z.infer<typeof Qualifier>;
export const QUALIFIERS = Qualifier.options;

/** metric_unit: the metric's own unit label (a catalog metric of kind 'other', issue 12). */
export const Unit = z.enum(['yuan', '10k_yuan', '100m_yuan', 'percent', 'count', 'metric_unit']);
export type Unit = z.infer<typeof Unit>;
export const UNITS = Unit.options;

/**
 * A metric's id in the catalog (issue 12: the metrics table; the six of the article are built in).
 * Any id of the table's pattern is well formed; whether it names a live metric is checked against
 * the catalog where data is written (UNKNOWN_METRIC).
 */
export const Metric = z.string().min(1).max(64).regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _');
export type Metric = z.infer<typeof Metric>;
/** The six metrics every data file's catalog starts with (migration 5). */
export const BUILTIN_METRICS = ['output_value', 'revenue', 'added_value', 'added_value_growth', 'gdp_share', 'enterprises'] as const;

/** A prefecture-level city of Guangdong by its GB/T 2260 code (the cities table; NULL: province-wide). */
export const CityCode = z.string().regex(/^44\d{4}$/, 'a GB/T 2260 code of Guangdong (44xxxx)');
export type CityCode = z.infer<typeof CityCode>;

/** Who a figure is about: one entity, a group of clusters, or the whole province. */
export const Scope = z.enum(['entity', 'province', 'strategic_clusters', 'pillar_clusters', 'emerging_clusters', 'future_industries']);
export type Scope = z.infer<typeof Scope>;

export const EntityId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');
export const RowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A reporting period: a year (2023), a quarter (2023-Q2) or a month (2023-06). */
export const Period = z.string().regex(/^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$/, 'YYYY, YYYY-Qn or YYYY-MM');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const IsoDateTime = z.string().min(10).max(40);

export const Bilingual = z.object({ zh: z.string().min(1).max(200), en: z.string().min(1).max(300) });
export type Bilingual = z.infer<typeof Bilingual>;

export const Source = z.object({
  id: RowId,
  title: z.string(),
  publisher: z.string(),
  author: z.string().nullable(),
  publishedOn: IsoDate.nullable(),
  url: z.string().nullable(),
  excerpt: z.string().nullable(),
});
export type Source = z.infer<typeof Source>;

export const Figure = z.object({
  id: RowId,
  scope: Scope,
  entityId: EntityId.nullable(),
  metric: Metric,
  value: z.number().finite(),
  unit: Unit,
  qualifier: Qualifier,
  period: Period,
  /** A city of Guangdong, or null: province-wide (snapshots recorded before issue 12 have none). */
  cityCode: CityCode.nullable().default(null),
  sourceId: RowId.nullable(),
  sourceQuote: z.string().nullable(),
  note: z.string().nullable(),
  changedAt: IsoDateTime,
  changedBy: z.string(),
});
export type Figure = z.infer<typeof Figure>;

export const AnnotationTarget = z.enum(['entity', 'figure']);
export const AnnotationStatus = z.enum(['open', 'resolved']);
export const Annotation = z.object({
  id: RowId,
  targetType: AnnotationTarget,
  targetId: z.string(),
  body: z.string(),
  author: z.string(),
  tags: z.array(z.string()),
  status: AnnotationStatus,
  includeInBriefing: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Annotation = z.infer<typeof Annotation>;

export const EntitySummary = z.object({
  id: EntityId,
  name: Bilingual,
  category: Category,
  tier: Tier.nullable(),
  sortOrder: z.number().int(),
});
export type EntitySummary = z.infer<typeof EntitySummary>;

export const EntityDetail = EntitySummary.extend({
  /** When the entity's own row last changed, as read for its page (a save from its form is refused over a later change). */
  changedAt: IsoDateTime.optional(),
  figures: z.array(Figure),
  sources: z.array(Source),
  annotations: z.array(Annotation),
});
export type EntityDetail = z.infer<typeof EntityDetail>;

export const Milestone = z.object({
  id: RowId,
  year: z.number().int(),
  text: Bilingual.extend({ zh: z.string().min(1).max(2000), en: z.string().min(1).max(2000) }),
  sourceId: RowId.nullable(),
  sourceQuote: z.string().nullable(),
  sortOrder: z.number().int(),
});
export type Milestone = z.infer<typeof Milestone>;

export const ProvinceOverview = z.object({
  figures: z.array(Figure),
  milestones: z.array(Milestone),
  sources: z.array(Source),
});
export type ProvinceOverview = z.infer<typeof ProvinceOverview>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataFile: z.string(),
  schemaVersion: z.number().int(),
  dataVersion: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** A long-running piece of work (export, import), polled by the page for progress. */
export const JobStatus = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number(),
  total: z.number(),
  path: z.string().nullable(),
  summary: z.record(z.string(), z.union([z.string(), z.number()])),
  error: ErrorPayload.nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;

/** The whole dataset, as `cluster-brief list --json` prints it. */
export const DatasetDump = z.object({
  format: z.literal('cluster-brief/dataset'),
  formatVersion: z.literal(1),
  schemaVersion: z.number().int(),
  dataVersion: z.string(),
  entities: z.array(EntityDetail),
  province: ProvinceOverview,
});
export type DatasetDump = z.infer<typeof DatasetDump>;

/** What a person (or an import) supplies to create or change a figure; checked again in main. */
export const FigureInput = z
  .object({
    scope: Scope,
    entityId: EntityId.nullable(),
    metric: Metric,
    value: z.number().finite().gt(-1e15).lt(1e15),
    unit: Unit,
    qualifier: Qualifier,
    period: Period,
    cityCode: CityCode.nullable().default(null),
    sourceId: RowId.nullable(),
    sourceQuote: personText({ max: 5000, required: false }).nullable(),
    note: personText({ max: 5000, required: false }).nullable(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if ((f.scope === 'entity') !== (f.entityId !== null)) ctx.addIssue(problemIssue('entity_needed', ['entityId']));
  });
/** cityCode may be left out (province-wide), as every caller before issue 12 does. */
export type FigureInput = z.input<typeof FigureInput>;

/** A figure as the revisions table keeps it: the whole row, deleted or not. */
export const FigureSnapshot = Figure.extend({ deletedAt: IsoDateTime.nullable() });
export type FigureSnapshot = z.infer<typeof FigureSnapshot>;

// ---- Workbench (issue 3): what a person supplies for entities, sources and annotations, and the
// whole objects the revisions table keeps for them (each with its deletedAt).

export const EntityInput = z
  .object({
    id: EntityId,
    name: z.object({ zh: personText({ max: 200, oneLine: true }), en: personText({ max: 300, oneLine: true }) }),
    category: Category,
    tier: Tier.nullable(),
    sortOrder: z.number().int().min(0).max(1_000_000),
  })
  .strict();
export type EntityInput = z.infer<typeof EntityInput>;
export const EntitySnapshot = EntitySummary.extend({ changedAt: IsoDateTime, changedBy: z.string(), deletedAt: IsoDateTime.nullable() });
export type EntitySnapshot = z.infer<typeof EntitySnapshot>;

export const SourceInput = z
  .object({
    title: personText({ max: 500, oneLine: true }),
    publisher: personText({ max: 300, oneLine: true }),
    author: personText({ max: 300, required: false, oneLine: true }).nullable(),
    publishedOn: IsoDate.refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), { params: { problem: 'bad_format' } }).nullable(),
    url: z.string().url().max(2000).refine((u) => /^https?:\/\//i.test(u), { params: { problem: 'bad_format' } }).nullable(),
    excerpt: personText({ max: 5000, required: false }).nullable(),
  })
  .strict();
export type SourceInput = z.infer<typeof SourceInput>;
export const SourceSnapshot = Source.extend({ createdAt: IsoDateTime, deletedAt: IsoDateTime.nullable() });
export type SourceSnapshot = z.infer<typeof SourceSnapshot>;

export const AnnotationInput = z
  .object({
    targetType: AnnotationTarget,
    targetId: z.string().min(1).max(64),
    body: personText({ max: 20000 }),
    tags: z.array(personText({ max: 40, oneLine: true })).max(20),
    status: AnnotationStatus,
    includeInBriefing: z.boolean(),
  })
  .strict();
export type AnnotationInput = z.infer<typeof AnnotationInput>;
export const AnnotationSnapshot = Annotation.extend({ deletedAt: IsoDateTime.nullable() });
export type AnnotationSnapshot = z.infer<typeof AnnotationSnapshot>;
