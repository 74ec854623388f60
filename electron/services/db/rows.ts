/**
 * Typed row mappers: the one place where snake_case columns become domain objects.
 */
import type { Annotation, EntitySummary, Figure, FigureSnapshot, Milestone, Source } from '../../../shared/domain';

export interface SourceRow {
  id: number;
  title: string;
  publisher: string;
  author: string | null;
  published_on: string | null;
  url: string | null;
  excerpt: string | null;
}
export const toSource = (r: SourceRow): Source => ({
  id: r.id,
  title: r.title,
  publisher: r.publisher,
  author: r.author,
  publishedOn: r.published_on,
  url: r.url,
  excerpt: r.excerpt,
});

export interface EntityRow {
  id: string;
  name_zh: string;
  name_en: string;
  category: string;
  tier: string | null;
  sort_order: number;
}
export const toEntity = (r: EntityRow): EntitySummary => ({
  id: r.id,
  name: { zh: r.name_zh, en: r.name_en },
  category: r.category as EntitySummary['category'],
  tier: r.tier as EntitySummary['tier'],
  sortOrder: r.sort_order,
});

export interface FigureRow {
  id: number;
  scope: string;
  entity_id: string | null;
  metric: string;
  value: number;
  unit: string;
  qualifier: string;
  period: string;
  city_code: string | null;
  source_id: number | null;
  source_quote: string | null;
  note: string | null;
  changed_at: string;
  changed_by: string;
}
/** Each field of a figure snapshot and its column, in the order snapshots are written (SQL that builds or compares figures uses it). */
export const FIGURE_COLUMN = {
  id: 'id',
  scope: 'scope',
  entityId: 'entity_id',
  metric: 'metric',
  value: 'value',
  unit: 'unit',
  qualifier: 'qualifier',
  period: 'period',
  cityCode: 'city_code',
  sourceId: 'source_id',
  sourceQuote: 'source_quote',
  note: 'note',
  changedAt: 'changed_at',
  changedBy: 'changed_by',
  deletedAt: 'deleted_at',
} as const satisfies { [K in keyof FigureSnapshot]-?: string };

export const toFigure = (r: FigureRow): Figure => ({
  id: r.id,
  scope: r.scope as Figure['scope'],
  entityId: r.entity_id,
  metric: r.metric as Figure['metric'],
  value: r.value,
  unit: r.unit as Figure['unit'],
  qualifier: r.qualifier as Figure['qualifier'],
  period: r.period,
  cityCode: r.city_code,
  sourceId: r.source_id,
  sourceQuote: r.source_quote,
  note: r.note,
  changedAt: r.changed_at,
  changedBy: r.changed_by,
});

export interface AnnotationRow {
  id: number;
  target_type: string;
  target_id: string;
  body: string;
  author: string;
  tags: string;
  status: string;
  include_in_briefing: number;
  created_at: string;
  updated_at: string;
}
export const toAnnotation = (r: AnnotationRow): Annotation => ({
  id: r.id,
  targetType: r.target_type as Annotation['targetType'],
  targetId: r.target_id,
  body: r.body,
  author: r.author,
  tags: JSON.parse(r.tags) as string[],
  status: r.status as Annotation['status'],
  includeInBriefing: r.include_in_briefing === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface MilestoneRow {
  id: number;
  year: number;
  text_zh: string;
  text_en: string;
  source_id: number | null;
  source_quote: string | null;
  sort_order: number;
}
export const toMilestone = (r: MilestoneRow): Milestone => ({
  id: r.id,
  year: r.year,
  text: { zh: r.text_zh, en: r.text_en },
  sourceId: r.source_id,
  sourceQuote: r.source_quote,
  sortOrder: r.sort_order,
});
