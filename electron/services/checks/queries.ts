/**
 * The data checks as SQL: one named query per check over the live figures (deleted_at IS NULL).
 * Every query returns the same columns, one row per finding:
 *   subject       a stable key: what the finding is about and each offending figure's id, value,
 *                 unit and period (an edit to any of them gives a new subject: the finding re-opens)
 *   scope, entity_id, city_code, metric, period   where it is
 *   figures       JSON array of the offending figures ({ id, value, unit, period, qualifier, changedAt })
 *   figure_count  how many figures in all
 *   facts         JSON object of what was measured (FindingFacts), or NULL
 * Series are (scope, entity, city, metric) and, where values are compared, their unit basis (元,
 * 万元 and 亿元 converted to 元). Target figures are no actual values: series checks leave them out.
 * figures may hold pairs (a gap's two sides): read them flattened one level.
 * Each query is an index search or one pass over figures (tests/unit/checks-plans.test.ts).
 */
import type { CheckId } from '../../../shared/checks';

/** A figure's value in its basis unit: money in 元, anything else as stored. */
const AMOUNT = (f: string): string => `(${f}.value * CASE ${f}.unit WHEN '10k_yuan' THEN 1e4 WHEN '100m_yuan' THEN 1e8 ELSE 1.0 END)`;
/** The unit basis values are compared within: every money unit is one basis. */
const BASIS = (f: string): string => `CASE WHEN ${f}.unit IN ('yuan', '10k_yuan', '100m_yuan') THEN 'yuan' ELSE ${f}.unit END`;
/** A figure as a finding lists it. */
const FIGURE = (f: string): string =>
  `json_object('id', ${f}.id, 'value', ${f}.value, 'unit', ${f}.unit, 'period', ${f}.period, 'qualifier', ${f}.qualifier, 'changedAt', ${f}.changed_at)`;
/** What of a figure the subject keeps: id, value, unit and period. */
const PRINT = (f: string): string => `(${f}.id || ':' || printf('%!.15g', ${f}.value) || ${f}.unit || '@' || ${f}.period)`;
/** A series: who (entity, or the group's scope), which city (- for province-wide), which metric. */
const SERIES = (f: string): string => `(coalesce(${f}.entity_id, ${f}.scope) || '/' || coalesce(${f}.city_code, '-') || '/' || ${f}.metric)`;

export const CHECK_SQL: Record<CheckId, string> = {
  no_source: /* sql */ `
    SELECT 'no_source|' || ${PRINT('f')} AS subject,
           f.scope, f.entity_id, f.city_code, f.metric, f.period,
           json_array(${FIGURE('f')}) AS figures, 1 AS figure_count, NULL AS facts
      FROM figures f
     WHERE f.source_id IS NULL AND f.deleted_at IS NULL
     ORDER BY f.id`,

  // The candidates only: each tiered entity's own province-wide output-value figures. Which is the
  // latest and whether it disagrees is decided by shared/output.ts (outputStatement), the one rule
  // the entity page and the briefing warnings use.
  tier_mismatch: /* sql */ `
    SELECT e.id AS entity_id, e.tier, f.id, f.scope, f.metric, f.value, f.unit, f.qualifier, f.period,
           f.source_id, f.source_quote, f.note, f.changed_at, f.changed_by
      FROM entities e
      JOIN figures f ON f.entity_id = e.id AND f.metric = 'output_value' AND f.deleted_at IS NULL
                    AND f.scope = 'entity' AND f.city_code IS NULL
     WHERE e.deleted_at IS NULL AND e.tier IS NOT NULL
     ORDER BY e.sort_order, f.id`,

  // The keys that repeat first (one pass, counting only), then their figures through the entity index.
  duplicate: /* sql */ `
    WITH repeated AS (
      SELECT f.scope, f.entity_id, f.city_code, f.metric, f.period, f.qualifier = 'target' AS target
        FROM figures f
       WHERE f.deleted_at IS NULL
       GROUP BY f.scope, f.entity_id, f.city_code, f.metric, f.period, f.qualifier = 'target'
      HAVING count(*) > 1
    )
    SELECT 'duplicate|' || ${SERIES('r')} || '@' || r.period || '|' || group_concat(${PRINT('d')}, ',' ORDER BY d.id) AS subject,
           r.scope, r.entity_id, r.city_code, r.metric, r.period,
           json_group_array(${FIGURE('d')} ORDER BY d.id) AS figures, count(*) AS figure_count, NULL AS facts
      FROM repeated r
      JOIN figures d ON d.entity_id IS r.entity_id AND d.metric = r.metric AND d.period = r.period AND d.deleted_at IS NULL
                    AND d.scope = r.scope AND d.city_code IS r.city_code AND (d.qualifier = 'target') = r.target
     GROUP BY r.scope, r.entity_id, r.city_code, r.metric, r.period, r.target
     ORDER BY min(d.id)`,

  // Only ids and years go through the window; the figures are read (by id) for the gaps found.
  series_gap: /* sql */ `
    WITH steps AS (
      SELECT f.id, f.scope, f.entity_id, f.city_code, f.metric, CAST(f.period AS INTEGER) AS year,
             lag(CAST(f.period AS INTEGER)) OVER series AS prev_year,
             lag(f.id) OVER series AS prev_id
        FROM figures f
       WHERE f.deleted_at IS NULL AND f.qualifier <> 'target' AND f.period GLOB '[0-9][0-9][0-9][0-9]'
      WINDOW series AS (PARTITION BY f.scope, f.entity_id, f.city_code, f.metric ORDER BY f.period, f.id)
    )
    SELECT 'series_gap|' || ${SERIES('s')} || '|' || group_concat(${PRINT('p')} || '>' || ${PRINT('c')}, ',' ORDER BY s.year) AS subject,
           s.scope, s.entity_id, s.city_code, s.metric, NULL AS period,
           json_group_array(json_array(${FIGURE('p')}, ${FIGURE('c')}) ORDER BY s.year) AS figures, 2 * count(*) AS figure_count,
           json_object('missing', json_group_array(CASE WHEN s.year - s.prev_year = 2 THEN CAST(s.prev_year + 1 AS TEXT)
                                                        ELSE (s.prev_year + 1) || '–' || (s.year - 1) END ORDER BY s.year)) AS facts
      FROM steps s JOIN figures p ON p.id = s.prev_id JOIN figures c ON c.id = s.id
     WHERE s.year - s.prev_year > 1
     GROUP BY s.scope, s.entity_id, s.city_code, s.metric
     ORDER BY min(s.id)`,

  // Percent metrics are left to percent_range: a growth rate tripling is no sign of a wrong unit.
  // CROSS JOIN: figures first, read in one pass from figures_live_series_values (a metric at a time
  // through another index costs a table row per figure).
  yoy_jump: /* sql */ `
    WITH steps AS (
      SELECT f.id, f.scope, f.entity_id, f.city_code, f.metric, f.period, ${AMOUNT('f')} AS amount, CAST(f.period AS INTEGER) AS year,
             lag(f.id) OVER series AS prev_id,
             lag(${AMOUNT('f')}) OVER series AS prev_amount,
             lag(CAST(f.period AS INTEGER)) OVER series AS prev_year
        FROM figures f CROSS JOIN metrics m ON m.id = f.metric
       WHERE f.deleted_at IS NULL AND f.qualifier <> 'target' AND f.period GLOB '[0-9][0-9][0-9][0-9]' AND m.kind <> 'percent'
      WINDOW series AS (PARTITION BY f.scope, f.entity_id, f.city_code, f.metric, ${BASIS('f')} ORDER BY f.period, f.id)
    )
    SELECT 'yoy_jump|' || ${SERIES('s')} || '|' || ${PRINT('p')} || '>' || ${PRINT('c')} AS subject,
           s.scope, s.entity_id, s.city_code, s.metric, s.period,
           json_array(${FIGURE('p')}, ${FIGURE('c')}) AS figures, 2 AS figure_count,
           CASE WHEN s.amount * s.prev_amount < 0 THEN json_object('signFlip', json('true'))
                ELSE json_object('ratio', s.amount / s.prev_amount) END AS facts
      FROM steps s JOIN figures p ON p.id = s.prev_id JOIN figures c ON c.id = s.id
     WHERE s.year = s.prev_year + 1
       AND (s.amount * s.prev_amount < 0 OR (s.amount * s.prev_amount > 0 AND (s.amount / s.prev_amount > 3 OR s.amount / s.prev_amount < 1.0 / 3)))
     ORDER BY s.id`,

  // Negative values of a metric that may not be negative are the negative check's. The window reads
  // figures_live_series_values alone (CROSS JOIN: figures first); offending rows are read by id.
  percent_range: /* sql */ `
    WITH series AS (
      SELECT f.id, f.value, m.may_be_negative,
             sum(f.value < 1) OVER series AS below_one, count(*) OVER series AS n
        FROM figures f CROSS JOIN metrics m ON m.id = f.metric
       WHERE m.kind = 'percent' AND f.unit = 'percent' AND f.deleted_at IS NULL
      WINDOW series AS (PARTITION BY f.scope, f.entity_id, f.city_code, f.metric)
    )
    SELECT 'percent_range|' || ${PRINT('c')} AS subject,
           c.scope, c.entity_id, c.city_code, c.metric, c.period,
           json_array(${FIGURE('c')}) AS figures, 1 AS figure_count,
           json_object('below', CASE WHEN s.value > 0 AND s.value < 1 THEN 'fraction' ELSE 'range' END) AS facts
      FROM series s JOIN figures c ON c.id = s.id
     WHERE s.value > 100 OR (s.may_be_negative = 1 AND s.value < -100)
        OR (s.value > 0 AND s.value < 1 AND s.below_one = 1 AND s.n >= 2)
     ORDER BY s.id`,

  negative: /* sql */ `
    SELECT 'negative|' || ${PRINT('f')} AS subject,
           f.scope, f.entity_id, f.city_code, f.metric, f.period,
           json_array(${FIGURE('f')}) AS figures, 1 AS figure_count, NULL AS facts
      FROM figures f JOIN metrics m ON m.id = f.metric
     WHERE f.deleted_at IS NULL AND f.value < 0 AND m.may_be_negative = 0
     ORDER BY f.id`,

  // Parts: the cities of an entity, of the province or of a group (same scope and entity, each with
  // a city), and the clusters of a group (entity figures of its categories, province-wide or of the
  // group total's city). A total that is a lower bound (over, at least) is not compared.
  parts_exceed_total: /* sql */ `
    WITH totals AS MATERIALIZED (
      SELECT f.id, f.scope, f.entity_id, f.city_code, f.metric, f.period, f.qualifier, f.value, f.unit,
             ${AMOUNT('f')} AS amount, ${BASIS('f')} AS basis
        FROM figures f CROSS JOIN metrics m ON m.id = f.metric
       WHERE f.deleted_at IS NULL AND m.kind IN ('money', 'count') AND f.qualifier IN ('exact', 'nearly', 'about')
    ),
    groups (scope, category) AS (
      VALUES ('pillar_clusters', 'pillar'), ('emerging_clusters', 'emerging'), ('strategic_clusters', 'pillar'),
             ('strategic_clusters', 'emerging'), ('future_industries', 'future')
    ),
    -- Each place a total stands (and its unit basis) once; its parts are searched through figures_live_by_entity
    -- (CROSS JOIN keeps the keys outside: the planner otherwise scans every figure with a city, or every
    -- entity figure of the metric and period, for each key).
    keys AS MATERIALIZED (SELECT DISTINCT scope, entity_id, city_code, metric, period, basis FROM totals),
    parts AS MATERIALIZED (
      SELECT k.scope, k.entity_id, k.city_code, k.metric, k.period, k.basis, p.id, p.value, p.unit, p.qualifier, p.changed_at, ${AMOUNT('p')} AS amount
        FROM keys k CROSS JOIN figures p INDEXED BY figures_live_by_entity ON p.entity_id IS k.entity_id AND p.metric = k.metric AND p.period = k.period
       WHERE k.city_code IS NULL AND p.scope = k.scope AND p.city_code IS NOT NULL AND p.deleted_at IS NULL AND p.qualifier <> 'target'
         AND ${BASIS('p')} = k.basis
      UNION ALL
      SELECT k.scope, k.entity_id, k.city_code, k.metric, k.period, k.basis, p.id, p.value, p.unit, p.qualifier, p.changed_at, ${AMOUNT('p')} AS amount
        FROM keys k CROSS JOIN groups g ON g.scope = k.scope CROSS JOIN entities e ON e.category = g.category
       CROSS JOIN figures p ON p.entity_id = e.id AND p.metric = k.metric AND p.period = k.period
       WHERE k.entity_id IS NULL AND p.scope = 'entity' AND p.city_code IS k.city_code AND p.deleted_at IS NULL AND p.qualifier <> 'target'
         AND ${BASIS('p')} = k.basis
    ),
    sums AS (
      SELECT scope, entity_id, city_code, metric, period, basis, sum(amount) AS sum, count(*) AS n, sum(id) AS id_sum
        FROM parts
       GROUP BY scope, entity_id, city_code, metric, period, basis
    ),
    exceeding AS (
      SELECT t.*, s.sum, s.n, s.id_sum
        FROM totals t
        JOIN sums s ON s.scope = t.scope AND s.entity_id IS t.entity_id AND s.city_code IS t.city_code
                   AND s.metric = t.metric AND s.period = t.period AND s.basis = t.basis
       WHERE s.sum > t.amount * (1 + 1e-9)
    )
    -- The parts' figures are gathered for the totals they exceed only (and the total's own row read by id).
    SELECT 'parts_exceed_total|' || ${PRINT('t')} || '|n=' || t.n || '|sum=' || printf('%!.15g', t.sum) || '|ids=' || t.id_sum AS subject,
           t.scope, t.entity_id, t.city_code, t.metric, t.period,
           json_insert(json_group_array(${FIGURE('pt')} ORDER BY pt.id), '$[#]', ${FIGURE('tf')}) AS figures, t.n + 1 AS figure_count,
           json_object('sum', t.sum, 'total', t.amount, 'parts', t.n) AS facts
      FROM exceeding t JOIN figures tf ON tf.id = t.id
      JOIN parts pt ON pt.scope = t.scope AND pt.entity_id IS t.entity_id AND pt.city_code IS t.city_code
                   AND pt.metric = t.metric AND pt.period = t.period AND pt.basis = t.basis
     GROUP BY t.id
     ORDER BY t.id`,

  // Latest by period within the series; max() makes the bare id that of that row. The grouping reads
  // figures_live_series_values alone; the latest figure of a stale series is read by id.
  stale: /* sql */ `
    WITH latest AS (
      SELECT f.scope, f.entity_id, f.city_code, f.metric, max(f.period) AS period, f.id
        FROM figures f
       WHERE f.deleted_at IS NULL AND f.qualifier <> 'target'
       GROUP BY f.scope, f.entity_id, f.city_code, f.metric
      HAVING CAST(substr(max(f.period), 1, 4) AS INTEGER) < @year - 2
    )
    SELECT 'stale|' || ${SERIES('l')} || '|' || ${PRINT('f')} AS subject,
           l.scope, l.entity_id, l.city_code, l.metric, l.period,
           json_array(${FIGURE('f')}) AS figures, 1 AS figure_count, NULL AS facts
      FROM latest l JOIN figures f ON f.id = l.id
     ORDER BY l.scope, l.entity_id, l.city_code, l.metric`,
};

/** The parameters a check's query takes: only the stale check needs today's year. */
export const checkParams = (id: CheckId, now: Date): Record<string, number> => (id === 'stale' ? { year: now.getUTCFullYear() } : {});
