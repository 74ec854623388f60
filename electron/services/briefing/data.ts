/**
 * What a briefing prints, read from the data file in one transaction: the chosen entities with
 * their figures, the province level, the annotations marked for the briefing, and the data version.
 */
import { catalogOf, type Catalog } from '../../../shared/metrics';
import { listCities, readMetrics } from '../db/metrics';
import type { Annotation, EntityDetail, ProvinceOverview, Source } from '../../../shared/domain';
import type { DB } from '../db/open';
import { dataVersion, getEntity, getProvince, listEntities } from '../db/read';
import { toAnnotation, type AnnotationRow } from '../db/rows';

export interface BriefingData {
  entities: EntityDetail[];
  province: ProvinceOverview;
  /** Annotations with include_in_briefing = 1, on the chosen entities, their figures or province figures. */
  annotations: { annotation: Annotation; entity: EntityDetail | null }[];
  sources: Map<number, Source>;
  futurePlan: { issuedOn: string; quote: string | null } | null;
  /** The newest change to any figure, as YYYY-MM-DD (the footer's 数据截至). */
  dataAsOf: string | null;
  dataVersion: string;
  /** The metric catalog and the cities (issue 12): every metric is named from it. */
  catalog: Catalog;
}

/** Empty `entityIds` = every entity, in the usual order; otherwise the given ones, in the usual order. */
export function readBriefingData(db: DB, entityIds: readonly string[]): BriefingData {
  return db.transaction(() => {
    const wanted = new Set(entityIds);
    const ids = entityIds.length === 0 ? listEntities(db).map((e) => e.id) : orderLikeList(db, wanted);
    const entities = ids.map((id) => getEntity(db, id));
    const province = getProvince(db);
    const annotations = [
      ...provinceAnnotations(db).map((annotation) => ({ annotation, entity: null })),
      ...entities.flatMap((entity) => entity.annotations.filter((a) => a.includeInBriefing && a.status === 'open').map((annotation) => ({ annotation, entity }))),
    ];
    const sources = new Map<number, Source>();
    for (const s of [...province.sources, ...entities.flatMap((e) => e.sources)]) sources.set(s.id, s);
    const meta = (key: string): string | null => (db.prepare(`SELECT value FROM meta WHERE key = ?`).get(key) as { value: string } | undefined)?.value ?? null;
    const issuedOn = meta('future_plan_issued_on');
    const asOf = db.prepare(`SELECT max(changed_at) AS at FROM figures WHERE deleted_at IS NULL`).get() as { at: string | null };
    return {
      entities,
      province,
      annotations,
      sources,
      futurePlan: issuedOn ? { issuedOn, quote: meta('future_plan_quote') } : null,
      dataAsOf: asOf.at ? localDay(asOf.at) : null,
      dataVersion: dataVersion(db),
      catalog: catalogOf(readMetrics(db), listCities(db)),
    };
  })();
}

/** The requested ids in the overview's order; unknown ids are kept so getEntity can refuse them by name. */
function orderLikeList(db: DB, wanted: Set<string>): string[] {
  const known = listEntities(db).map((e) => e.id);
  return [...known.filter((id) => wanted.has(id)), ...[...wanted].filter((id) => !known.includes(id))];
}

function provinceAnnotations(db: DB): Annotation[] {
  const rows = db
    .prepare(
      `SELECT a.* FROM annotations a
         JOIN figures f ON a.target_type = 'figure' AND a.target_id = CAST(f.id AS TEXT)
        WHERE a.include_in_briefing = 1 AND a.status = 'open' AND a.deleted_at IS NULL
          AND f.scope <> 'entity' AND f.deleted_at IS NULL
        ORDER BY a.created_at, a.id`,
    )
    .all() as AnnotationRow[];
  return rows.map(toAnnotation);
}

/** An ISO timestamp as the local calendar day (YYYY-MM-DD). */
function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
