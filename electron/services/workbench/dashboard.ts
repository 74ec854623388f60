/** The dashboard's numbers: tiers by category, the province level, open annotations and figures without a source. */
import type { DashboardData } from '../../../shared/workbench';
import type { DB } from '../db/open';
import { getProvince } from '../db/read';

export function dashboardData(db: DB): DashboardData {
  const tiers = db
    .prepare(`SELECT category, tier, count(*) AS count FROM entities WHERE deleted_at IS NULL GROUP BY category, tier ORDER BY category, tier`)
    .all() as DashboardData['tiers'];
  const openAnnotations = db
    .prepare(
      `SELECT e.category AS category, count(*) AS count
         FROM annotations a
         LEFT JOIN figures f ON a.target_type = 'figure' AND f.id = CAST(a.target_id AS INTEGER)
         LEFT JOIN entities e ON e.id = CASE a.target_type WHEN 'entity' THEN a.target_id ELSE f.entity_id END
        WHERE a.deleted_at IS NULL AND a.status = 'open'
        GROUP BY e.category`,
    )
    .all() as DashboardData['openAnnotations'];
  const withoutSource = db
    .prepare(
      `SELECT e.category AS category, count(*) AS count
         FROM figures f LEFT JOIN entities e ON e.id = f.entity_id
        WHERE f.source_id IS NULL AND f.deleted_at IS NULL AND (f.entity_id IS NULL OR e.deleted_at IS NULL)
        GROUP BY e.category`,
    )
    .all() as DashboardData['withoutSource'];
  const figures = (db.prepare(`SELECT count(*) AS n FROM figures WHERE deleted_at IS NULL`).get() as { n: number }).n;
  const sum = (rows: { count: number }[]): number => rows.reduce((n, r) => n + r.count, 0);
  return {
    tiers,
    province: getProvince(db).figures,
    openAnnotations,
    withoutSource,
    totals: { figures, openAnnotations: sum(openAnnotations), withoutSource: sum(withoutSource) },
  };
}
