/**
 * The figures table across all entities and the province level: one filtered, sorted page at a
 * time, fast at 100,000 figures (partial indexes of live rows in each sort order, migration 2),
 * with full-text search over names, notes, annotations and source excerpts, and whatever the global
 * search finds for the same words (a metric's name, a period, a value as printed: search.ts).
 */
import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import { ftsQuery, snippet } from '../../../shared/search';
import { FigureQuery, type FigureFacets, type FigureListRow, type FigurePage } from '../../../shared/workbench';
import type { DB } from '../db/open';
import { toFigure, type FigureRow } from '../db/rows';
import { figureMatch } from './search';

type FigureMatch = NonNullable<ReturnType<typeof figureMatch>>;

export type ParsedFigureQuery = z.output<typeof FigureQuery>;

/** Figure ids whose own text, entity, source or annotations match @match. */
const SEARCH_HITS = /* sql */ `
  SELECT rowid FROM figures_fts WHERE figures_fts MATCH @match
  UNION ALL SELECT f2.id FROM figures f2 WHERE f2.entity_id IN (SELECT entity_id FROM entities_fts WHERE entities_fts MATCH @match)
  UNION ALL SELECT f2.id FROM figures f2 WHERE f2.source_id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH @match)
  UNION ALL SELECT f2.id FROM figures f2 WHERE f2.city_code IN (SELECT city_code FROM cities_fts WHERE cities_fts MATCH @match)
  UNION ALL SELECT CAST(a.target_id AS INTEGER) FROM annotations a
         WHERE a.target_type = 'figure' AND a.deleted_at IS NULL AND a.id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH @match)
  UNION ALL SELECT f2.id FROM annotations a JOIN figures f2 ON f2.entity_id = a.target_id
         WHERE a.target_type = 'entity' AND a.deleted_at IS NULL AND a.id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH @match)`;

const OPEN_ANNOTATED = /* sql */ `
  SELECT CAST(a.target_id AS INTEGER) FROM annotations a WHERE a.target_type = 'figure' AND a.deleted_at IS NULL AND a.status = 'open'`;

/**
 * The SQL of one page (the ids in order, then their rows) and of the total, with parameters (`words`:
 * the global search's condition for the query's words, figureMatch in search.ts): the
 * bench runs the very same text. Filters are conditions on figures alone (entity filters as
 * IN-lists, an entity's deletion also deletes its figures), so SQLite can walk one index of live
 * figures in the sort order, and the joins run for the rows of one page only.
 */
export function buildFigureQuery(query: ParsedFigureQuery, words: FigureMatch | null = null): { idsSql: string; rowsSql: string; countSql: string; params: Record<string, string | number> } {
  const where: string[] = [query.deleted ? 'f.deleted_at IS NOT NULL' : 'f.deleted_at IS NULL'];
  const params: Record<string, string | number> = {};
  const add = (condition: string, values: Record<string, string | number> = {}): void => {
    where.push(condition);
    Object.assign(params, values);
  };
  if (query.level === 'province') add(`f.scope <> 'entity'`);
  if (query.level === 'entity') add(`f.scope = 'entity'`);
  if (query.entityId) add('f.entity_id = @entityId', { entityId: query.entityId });
  if (query.category) add('f.entity_id IN (SELECT id FROM entities WHERE category = @category)', { category: query.category });
  if (query.tier) add('f.entity_id IN (SELECT id FROM entities WHERE tier = @tier)', { tier: query.tier });
  if (query.metric) add('f.metric = @metric', { metric: query.metric });
  if (query.period) add('f.period = @period', { period: query.period });
  if (query.cityCode) add('f.city_code = @cityCode', { cityCode: query.cityCode });
  // Province-level figures are few: walk their own index rather than every figure without a source.
  if (query.noSource) add(query.level === 'province' ? '+f.source_id IS NULL' : 'f.source_id IS NULL');
  if (query.openAnnotations) add(`f.id IN (${OPEN_ANNOTATED})`);
  const match = query.q ? ftsQuery(query.q) : null;
  // The unary + keeps SQLite walking the sort order's index and probing the hits, which stays
  // bounded (one pass over live rows at worst) however many figures a common term matches.
  // With the figures the global search finds (its metric, period and value as printed, word by word),
  // read once by their own indexes inside the list of hits: the table lists every figure the search does.
  // Its figures under their own name (fw), not the outer f: so named, SQLite searched the note index by
  // rowid instead of reading every figure. The condition's literals are ids, codes and units (no "f.").
  if (match) add(`+f.id IN (${SEARCH_HITS}${words ? `\n  UNION ALL SELECT fw.id FROM figures fw WHERE ${words.where.replace(/\bf\./g, 'fw.')}` : ''})`, { match, ...words?.params });

  const dir = query.order === 'asc' ? 'ASC' : 'DESC';
  const name = query.lang === 'en' ? 'name_en' : 'name_zh';
  const order = {
    changedAt: `f.changed_at ${dir}, f.id ${dir}`,
    value: `f.value ${dir}, f.id ${dir}`,
    period: `f.period ${dir}, f.id ${dir}`,
    metric: `f.metric ${dir}, f.period ${dir}, f.id ${dir}`,
    entity: `coalesce((SELECT ${name} FROM entities WHERE id = f.entity_id), '') ${dir}, f.metric, f.period, f.id`,
  }[query.sort];
  // With no filter at all, count the narrowest index of live rows instead of the table.
  const countFrom = where.length === 1 && !query.deleted ? 'figures f INDEXED BY figures_live_by_entity' : 'figures f';
  return {
    idsSql: `SELECT f.id FROM figures f WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${query.limit} OFFSET ${query.offset}`,
    rowsSql: `SELECT f.*, e.name_zh, e.name_en, e.category, e.tier, s.title AS source_title,
                     (SELECT count(*) FROM annotations a
                       WHERE a.target_type = 'figure' AND a.target_id = CAST(f.id AS TEXT) AND a.deleted_at IS NULL AND a.status = 'open') AS open_annotations
                FROM figures f LEFT JOIN entities e ON e.id = f.entity_id LEFT JOIN sources s ON s.id = f.source_id
               WHERE f.id IN (SELECT value FROM json_each(@ids))`,
    // Counting visits every hit anyway: there, iterating the hits beats walking an index.
    countSql: `SELECT count(*) AS n FROM ${countFrom} WHERE ${where.join(' AND ').replace('+f.id IN', 'f.id IN')}`,
    params,
  };
}

type PageRow = FigureRow & {
  deleted_at: string | null;
  name_zh: string | null;
  name_en: string | null;
  category: FigureListRow['category'];
  tier: FigureListRow['tier'];
  source_title: string | null;
  open_annotations: number;
};

/** Prepared statements by SQL text, per connection: the table asks the same few shapes again and again. */
const statements = new WeakMap<DB, Map<string, Statement>>();
function prepared(db: DB, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size > 200) cache.clear();
    cache.set(sql, (statement = db.prepare(sql)));
  }
  return statement;
}

export function listFigures(db: DB, raw: z.input<typeof FigureQuery>): FigurePage {
  const query = FigureQuery.parse(raw);
  const { idsSql, rowsSql, countSql, params } = buildFigureQuery(query, query.q ? figureMatch(db, query.q, query.deleted) : null);
  const ids = prepared(db, idsSql).pluck().all(params) as number[];
  const byId = new Map((prepared(db, rowsSql).all({ ids: JSON.stringify(ids) }) as PageRow[]).map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is PageRow => r !== undefined);
  const total = !query.withTotal ? null : query.offset === 0 && ids.length < query.limit ? ids.length : (prepared(db, countSql).get(params) as { n: number }).n;
  const found = query.q ? searchSnippets(db, rows, query.q) : new Map<number, string>();
  return {
    total,
    offset: query.offset,
    rows: rows.map((r) => toListRow(r, found.get(r.id) ?? null)),
  };
}

/**
 * One row of the table: the figure, with the table's own fields added to it. Not a spread of
 * `toFigure(r)` into a new object: that made every page's rows survive young-generation
 * collections (4 ms pauses, measured by `npm run bench -- workbench`).
 */
function toListRow(r: PageRow, snippet: string | null): FigureListRow {
  return Object.assign(toFigure(r), {
    entityName: r.name_zh !== null && r.name_en !== null ? { zh: r.name_zh, en: r.name_en } : null,
    category: r.category,
    tier: r.tier,
    sourceTitle: r.source_title,
    openAnnotations: r.open_annotations,
    deleted: r.deleted_at !== null,
    snippet,
  });
}

/** For each row of the page, the first piece of text the table does not show where the query occurs. */
function searchSnippets(db: DB, rows: PageRow[], q: string): Map<number, string> {
  const sourceIds = JSON.stringify([...new Set(rows.map((r) => r.source_id).filter((id) => id !== null))]);
  const excerpts = new Map(
    (prepared(db, `SELECT id, excerpt FROM sources WHERE id IN (SELECT value FROM json_each(@ids))`).all({ ids: sourceIds }) as { id: number; excerpt: string | null }[]).map((r) => [r.id, r.excerpt]),
  );
  const bodies = new Map<string, string[]>();
  const targets = JSON.stringify([...rows.map((r) => `figure:${r.id}`), ...rows.map((r) => `entity:${r.entity_id ?? ''}`)]);
  const annotations = prepared(
    db,
    `SELECT target_type || ':' || target_id AS target, body FROM annotations
      WHERE deleted_at IS NULL AND target_type || ':' || target_id IN (SELECT value FROM json_each(@targets))
      ORDER BY id`,
  ).all({ targets }) as { target: string; body: string }[];
  for (const a of annotations) bodies.set(a.target, [...(bodies.get(a.target) ?? []), a.body]);

  const found = new Map<number, string>();
  for (const r of rows) {
    const texts = [r.note, r.source_quote, r.source_id === null ? null : (excerpts.get(r.source_id) ?? null), ...(bodies.get(`figure:${r.id}`) ?? []), ...(bodies.get(`entity:${r.entity_id}`) ?? [])];
    for (const text of texts) {
      const piece = snippet(text, q);
      if (piece) {
        found.set(r.id, piece);
        break;
      }
    }
  }
  return found;
}

export function figureFacets(db: DB): FigureFacets {
  const column = (sql: string): string[] => (db.prepare(sql).all() as { v: string }[]).map((r) => r.v);
  return {
    periods: column(`SELECT DISTINCT period AS v FROM figures WHERE deleted_at IS NULL ORDER BY period DESC`),
    tags: column(`SELECT DISTINCT j.value AS v FROM annotations a, json_each(a.tags) j WHERE a.deleted_at IS NULL ORDER BY 1`),
    authors: column(`SELECT DISTINCT author AS v FROM annotations WHERE deleted_at IS NULL ORDER BY 1`),
  };
}
