/**
 * The global search (Ctrl/⌘+K, the overview's box): entities by name whether or not they have
 * figures, figures by their note and quoted sentence, annotations by body and tags, sources by
 * title, publisher and excerpt; the same FTS5 indexes and matching rules as the figures table
 * (shared/search.ts). Each kind is one prepared query; snippets are cut between words.
 */
import type { z } from 'zod';
import { SearchQuery, type SearchResults } from '../../../shared/global-search';
import { ftsQuery, lead, snippet } from '../../../shared/search';
import type { DB } from '../db/open';
import { toFigure, type FigureRow } from '../db/rows';

/** Best match first (bm25: a short name that is mostly the term ranks above a long one that mentions it). */
const ENTITIES = /* sql */ `
  SELECT e.id, e.name_zh, e.name_en, e.category,
         (SELECT count(*) FROM figures f WHERE f.entity_id = e.id AND f.deleted_at IS NULL) AS figures
    FROM entities_fts JOIN entities e ON e.id = entities_fts.entity_id
   WHERE entities_fts MATCH @match AND e.deleted_at IS NULL
   ORDER BY entities_fts.rank, e.sort_order, e.id
   LIMIT @limit`;

const CITIES = /* sql */ `
  SELECT c.code, c.name_zh, c.name_en,
         (SELECT count(*) FROM figures f WHERE f.city_code = c.code AND f.deleted_at IS NULL) AS figures
    FROM cities_fts JOIN cities c ON c.code = cities_fts.city_code
   WHERE cities_fts MATCH @match
   ORDER BY cities_fts.rank, c.sort_order
   LIMIT @limit`;

const FIGURES = /* sql */ `
  SELECT f.*, e.name_zh, e.name_en
    FROM figures f LEFT JOIN entities e ON e.id = f.entity_id
   WHERE f.deleted_at IS NULL AND (f.entity_id IS NULL OR e.deleted_at IS NULL)
     AND f.id IN (SELECT rowid FROM figures_fts WHERE figures_fts MATCH @match)
   ORDER BY e.sort_order NULLS FIRST, f.metric, f.period DESC, f.id
   LIMIT @limit`;

const ANNOTATIONS = /* sql */ `
  SELECT a.id, a.target_type, a.status, a.body, a.tags,
         coalesce(e.id, fe.id) AS entity_id, coalesce(e.name_zh, fe.name_zh) AS name_zh, coalesce(e.name_en, fe.name_en) AS name_en
    FROM annotations a
    LEFT JOIN entities e ON a.target_type = 'entity' AND e.id = a.target_id
    LEFT JOIN figures f ON a.target_type = 'figure' AND f.id = CAST(a.target_id AS INTEGER)
    LEFT JOIN entities fe ON fe.id = f.entity_id
   WHERE a.deleted_at IS NULL AND a.id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH @match)
   ORDER BY a.status = 'resolved', a.id DESC
   LIMIT @limit`;

const SOURCES = /* sql */ `
  SELECT s.id, s.title, s.publisher, s.excerpt,
         (SELECT f.entity_id FROM figures f JOIN entities e ON e.id = f.entity_id
           WHERE f.source_id = s.id AND f.deleted_at IS NULL AND e.deleted_at IS NULL ORDER BY e.sort_order LIMIT 1) AS entity_id
    FROM sources s
   WHERE s.deleted_at IS NULL AND s.id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH @match)
   ORDER BY s.id
   LIMIT @limit`;

type Named = { name_zh: string | null; name_en: string | null };
const nameOf = (r: Named): { zh: string; en: string } | null => (r.name_zh !== null && r.name_en !== null ? { zh: r.name_zh, en: r.name_en } : null);

export function searchEverything(db: DB, raw: z.input<typeof SearchQuery>): SearchResults {
  const { q, limit } = SearchQuery.parse(raw);
  const match = ftsQuery(q);
  if (!match) return { entities: [], cities: [], figures: [], annotations: [], sources: [] };
  const params = { match, limit };
  const entities = db.prepare(ENTITIES).all(params) as (Named & { id: string; category: 'pillar' | 'emerging' | 'future'; figures: number })[];
  const cities = db.prepare(CITIES).all(params) as { code: string; name_zh: string; name_en: string; figures: number }[];
  const figures = db.prepare(FIGURES).all(params) as (FigureRow & Named)[];
  const annotations = db.prepare(ANNOTATIONS).all(params) as (Named & { id: number; target_type: 'entity' | 'figure'; status: 'open' | 'resolved'; body: string; tags: string; entity_id: string | null })[];
  const sources = db.prepare(SOURCES).all(params) as { id: number; title: string; publisher: string; excerpt: string | null; entity_id: string | null }[];
  return {
    entities: entities.map((e) => ({ entityId: e.id, name: { zh: e.name_zh!, en: e.name_en! }, category: e.category, figures: e.figures })),
    cities: cities.map((c) => ({ code: c.code, name: { zh: c.name_zh, en: c.name_en }, figures: c.figures })),
    figures: figures.map((r) => {
      const f = toFigure(r);
      return {
        figureId: f.id,
        entityId: f.entityId,
        entityName: nameOf(r),
        scope: f.scope,
        metric: f.metric,
        period: f.period,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        snippet: snippet(f.note, q) ?? snippet(f.sourceQuote, q),
      };
    }),
    annotations: annotations.map((a) => ({
      annotationId: a.id,
      targetType: a.target_type,
      entityId: a.entity_id,
      entityName: nameOf(a),
      status: a.status,
      snippet: snippet(a.body, q) ?? lead(a.body),
    })),
    sources: sources.map((s) => ({ sourceId: s.id, title: s.title, publisher: s.publisher, entityId: s.entity_id, snippet: snippet(s.excerpt, q) })),
  };
}
