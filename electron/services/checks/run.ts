/**
 * Runs the data checks in one read transaction and turns their rows into findings: names from the
 * entities, cities and metrics tables, acknowledged ones set apart, each list capped at `limit`
 * (with its total). The tier check's rule is shared/output.ts's, as on the entity page.
 */
import { CHECK_IDS, CHECK_TEXT, FINDING_FIGURES, FindingFacts, FindingFigure, type CheckId, type CheckCounts, type CheckResult, type ChecksReport, type Finding } from '../../../shared/checks';
import type { Bilingual } from '../../../shared/domain';
import { outputStatement } from '../../../shared/output';
import type { DB } from '../db/open';
import { toFigure, type FigureRow } from '../db/rows';
import { statement } from '../db/statements';
import { liveAcknowledgements } from './acknowledgements';
import { cachedRows } from './cache';
import { CHECK_SQL, checkParams } from './queries';

/** A finding's row as every check's query returns it (queries.ts). */
export interface FindingRow {
  subject: string;
  scope: Finding['scope'];
  entity_id: string | null;
  city_code: string | null;
  metric: string;
  period: string | null;
  figures: string;
  figure_count: number;
  facts: string | null;
}

interface Names {
  entities: Map<string, Bilingual>;
  cities: Map<string, Bilingual>;
  metrics: Map<string, Bilingual>;
}

function names(db: DB): Names {
  const read = (sql: string): Map<string, Bilingual> => new Map((statement(db, sql).all() as { id: string; zh: string; en: string }[]).map((r) => [r.id, { zh: r.zh, en: r.en }]));
  return {
    entities: read(`SELECT id, name_zh AS zh, name_en AS en FROM entities`),
    cities: read(`SELECT code AS id, name_zh AS zh, name_en AS en FROM cities`),
    metrics: read(`SELECT id, name_zh AS zh, name_en AS en FROM metrics`),
  };
}

/**
 * The rows of one check, as its query (or, for the tier check, the shared rule over its query) gives
 * them; kept until the data changes (cache.ts). Call inside a transaction.
 */
export function findingRows(db: DB, id: CheckId, now: Date): FindingRow[] {
  return cachedRows(db, id, now, () => (id === 'tier_mismatch' ? tierRows(db) : (statement(db, CHECK_SQL[id]).all(checkParams(id, now)) as FindingRow[])));
}

/** Each tiered entity's output figures through outputStatement: a finding where the latest disagrees with the tier. */
function tierRows(db: DB): FindingRow[] {
  const rows = statement(db, CHECK_SQL.tier_mismatch).all() as (FigureRow & { tier: NonNullable<Finding['facts']['tier']> })[];
  const byEntity = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byEntity.get(r.entity_id!);
    if (list) list.push(r);
    else byEntity.set(r.entity_id!, [r]);
  }
  const found: FindingRow[] = [];
  for (const [entityId, figures] of byEntity) {
    const tier = figures[0]!.tier;
    const s = outputStatement({ tier, figures: figures.map(toFigure) });
    if (!s?.disagreesWithTier || !s.figure) continue;
    const f = s.figure;
    const figure: FindingFigure = { id: f.id, value: f.value, unit: f.unit, period: f.period, qualifier: f.qualifier, changedAt: f.changedAt };
    found.push({
      subject: `tier_mismatch|${entityId}|${tier}|${f.id}:${f.value}${f.unit}@${f.period}`,
      scope: 'entity',
      entity_id: entityId,
      city_code: null,
      metric: 'output_value',
      period: f.period,
      figures: JSON.stringify([figure]),
      figure_count: 1,
      facts: JSON.stringify({ tier, figureTier: s.disagreesWithTier.figureTier }),
    });
  }
  return found;
}

function toFinding(checkId: CheckId, r: FindingRow, n: Names, acknowledged: Finding['acknowledged']): Finding {
  const figures = (JSON.parse(r.figures) as unknown[]).flat().slice(0, FINDING_FIGURES);
  return {
    checkId,
    subject: r.subject,
    scope: r.scope,
    entityId: r.entity_id,
    entityName: r.entity_id === null ? null : (n.entities.get(r.entity_id) ?? null),
    cityCode: r.city_code,
    cityName: r.city_code === null ? null : (n.cities.get(r.city_code) ?? null),
    metric: r.metric,
    metricName: n.metrics.get(r.metric) ?? { zh: r.metric, en: r.metric },
    period: r.period,
    figures: figures.map((f) => FindingFigure.parse(f)),
    figureCount: r.figure_count,
    facts: r.facts === null ? {} : FindingFacts.parse(JSON.parse(r.facts)),
    acknowledged,
  };
}

export interface RunOptions {
  /** Today, for the out-of-date check (tests set it). */
  now?: Date;
  /** At most this many findings per list (open, acknowledged); the totals count them all. */
  limit?: number;
  only?: readonly CheckId[];
}

/** Every check (or `only` those), in one read transaction so they see one state of the data. */
export function runChecks(db: DB, { now = new Date(), limit = 200, only = CHECK_IDS }: RunOptions = {}): ChecksReport {
  return db.transaction(() => {
    const n = names(db);
    const acks = liveAcknowledgements(db);
    const checks = only.map((id): CheckResult => {
      const open: Finding[] = [];
      const acknowledged: Finding[] = [];
      let openTotal = 0;
      let ackTotal = 0;
      for (const r of findingRows(db, id, now)) {
        const ack = acks.get(`${id}\n${r.subject}`);
        if (ack) {
          if (ackTotal++ < limit) acknowledged.push(toFinding(id, r, n, { note: ack.note, author: ack.author, at: ack.at }));
        } else if (openTotal++ < limit) open.push(toFinding(id, r, n, null));
      }
      return { id, ...CHECK_TEXT[id], count: openTotal, open: { total: openTotal, items: open }, acknowledged: { total: ackTotal, items: acknowledged } };
    });
    return { ranAt: now.toISOString(), checks };
  })();
}

/** Each check's open and acknowledged counts only (the dashboard card): no finding is built. */
export function countChecks(db: DB, { now = new Date(), only = CHECK_IDS }: Omit<RunOptions, 'limit'> = {}): CheckCounts {
  return db.transaction(() => {
    const acks = liveAcknowledgements(db);
    const checks = only.map((id) => {
      const rows = findingRows(db, id, now);
      const acknowledged = rows.reduce((n, r) => n + (acks.has(`${id}\n${r.subject}`) ? 1 : 0), 0);
      return { id, name: CHECK_TEXT[id].name, count: rows.length - acknowledged, acknowledged };
    });
    return { ranAt: now.toISOString(), checks };
  })();
}

/** Whether check `id` finds `subject` now (an acknowledgement must be of a finding that is there). */
export function findingExists(db: DB, id: CheckId, subject: string, now: Date = new Date()): boolean {
  return db.transaction(() => findingRows(db, id, now).some((r) => r.subject === subject))();
}

/** The subjects check `id` finds now and nobody has acknowledged: what 确认本项全部 may still acknowledge. */
export function openSubjects(db: DB, id: CheckId, now: Date = new Date()): Set<string> {
  return db.transaction(() => {
    const acks = liveAcknowledgements(db);
    return new Set(findingRows(db, id, now).flatMap((r) => (acks.has(`${id}\n${r.subject}`) ? [] : [r.subject])));
  })();
}
