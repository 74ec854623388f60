/** Data checks in tests: a seeded data file with the app's channels, and figures planted the way a statistical table import writes them. */
import type { CheckId, Finding } from '../../shared/checks';
import type { DB } from '../../electron/services/db/open';
import { runChecks } from '../../electron/services/checks/run';
import { openBulletinApp, type Api } from './bulletins';

export type { Api };

/** A day on which the seeded 2023 figures are not yet out of date (2023 ≥ 2025 − 2). */
export const SEED_CURRENT = new Date('2025-06-01T00:00:00Z');

export const openChecksApp = (): { db: DB; file: string; api: Api } => openBulletinApp();

export interface Plant {
  scope?: string;
  entityId?: string | null;
  cityCode?: string | null;
  metric: string;
  value: number;
  unit: string;
  qualifier?: string;
  period: string;
  sourceId?: number | null;
}

/** Writes a live figure as an import of a statistical table would (no form in between); returns its id. */
export function plant(db: DB, p: Plant): number {
  const scope = p.scope ?? 'entity';
  const entityId = p.entityId === undefined ? (scope === 'entity' ? 'smart-robots' : null) : p.entityId;
  return Number(
    db
      .prepare(
        `INSERT INTO figures (scope, entity_id, city_code, metric, value, unit, qualifier, period, source_id, changed_at, changed_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-11-30T00:00:00.000Z', 'test')`,
      )
      .run(scope, entityId, p.cityCode ?? null, p.metric, p.value, p.unit, p.qualifier ?? 'exact', p.period, p.sourceId === undefined ? 1 : p.sourceId).lastInsertRowid,
  );
}

/** The open findings of one check (on a day the seed is current unless told). */
export function openFindings(db: DB, id: CheckId, now: Date = SEED_CURRENT): Finding[] {
  return runChecks(db, { now, only: [id] }).checks[0]!.open.items;
}

/** Which figures each open finding of a check is about. */
export const figureIdsOf = (findings: Finding[]): number[][] => findings.map((f) => f.figures.map((g) => g.id));
