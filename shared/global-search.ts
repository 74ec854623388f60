/**
 * The one search over everything (Ctrl/⌘+K, and the box on the overview): entities by name (with
 * or without figures), figures by what they read as — industry, metric, city, period, value as
 * printed (超过100亿元, over 10 billion yuan) — and by their note and quoted sentence, annotations,
 * and sources, in either language. What is asked and what comes back; the matching rules are in
 * electron/services/workbench/search.ts.
 */
import { z } from 'zod';
import { AnnotationStatus, AnnotationTarget, Bilingual, Category, CityCode, EntityId, Metric, Period, Qualifier, RowId, Scope, Unit } from './domain';

export const SearchQuery = z
  .object({
    q: z.string().max(200),
    /** Hits per kind. */
    limit: z.number().int().min(1).max(50).default(8),
  })
  .strict();

export const EntityHit = z.object({ entityId: EntityId, name: Bilingual, category: Category, figures: z.number().int().nonnegative() });
export const FigureHit = z.object({
  figureId: RowId,
  entityId: EntityId.nullable(),
  entityName: Bilingual.nullable(),
  scope: Scope,
  metric: Metric,
  period: Period,
  value: z.number(),
  unit: Unit,
  qualifier: Qualifier,
  snippet: z.string().nullable(),
});
export const AnnotationHit = z.object({
  annotationId: RowId,
  targetType: AnnotationTarget,
  /** The entity the annotation is about, or whose figure it is about (null: a province-level figure). */
  entityId: EntityId.nullable(),
  entityName: Bilingual.nullable(),
  status: AnnotationStatus,
  snippet: z.string(),
});
export const SourceHit = z.object({
  sourceId: RowId,
  title: z.string(),
  publisher: z.string(),
  /** An entity with a figure that cites the source, to open from the hit (null: none, or province only). */
  entityId: EntityId.nullable(),
  snippet: z.string().nullable(),
});

/** A city of Guangdong by its zh/en name or code (issue 12), with how many live figures are about it. */
export const CityHit = z.object({ code: CityCode, name: Bilingual, figures: z.number().int().nonnegative() });

export const SearchResults = z.object({
  entities: z.array(EntityHit),
  cities: z.array(CityHit),
  figures: z.array(FigureHit),
  annotations: z.array(AnnotationHit),
  sources: z.array(SourceHit),
});

export type SearchQuery = z.input<typeof SearchQuery>;
export type EntityHit = z.infer<typeof EntityHit>;
export type CityHit = z.infer<typeof CityHit>;
export type FigureHit = z.infer<typeof FigureHit>;
export type AnnotationHit = z.infer<typeof AnnotationHit>;
export type SourceHit = z.infer<typeof SourceHit>;
export type SearchResults = z.infer<typeof SearchResults>;
