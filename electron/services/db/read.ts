/**
 * Reading the dataset: entities, one entity with everything attached, the province level, and the
 * whole file as one dump. Soft-deleted rows are never returned.
 */
import type { Category, DatasetDump, EntityDetail, EntitySummary, Figure, ProvinceOverview, Source, Tier } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { schemaVersion, type DB } from './open';
import {
  toAnnotation,
  toEntity,
  toFigure,
  toMilestone,
  toSource,
  type AnnotationRow,
  type EntityRow,
  type FigureRow,
  type MilestoneRow,
  type SourceRow,
} from './rows';

export function listEntities(db: DB, filter: { category?: Category | undefined; tier?: Tier | undefined } = {}): EntitySummary[] {
  const rows = db
    .prepare(
      `SELECT id, name_zh, name_en, category, tier, sort_order
         FROM entities
        WHERE deleted_at IS NULL
          AND (@category IS NULL OR category = @category)
          AND (@tier IS NULL OR tier = @tier)
        ORDER BY CASE category WHEN 'pillar' THEN 1 WHEN 'emerging' THEN 2 ELSE 3 END, sort_order, id`,
    )
    .all({ category: filter.category ?? null, tier: filter.tier ?? null }) as EntityRow[];
  return rows.map(toEntity);
}

export function getEntity(db: DB, id: string): EntityDetail {
  const row = db
    .prepare(`SELECT id, name_zh, name_en, category, tier, sort_order, changed_at FROM entities WHERE id = ? AND deleted_at IS NULL`)
    .get(id) as (EntityRow & { changed_at: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'entity not found', { what: 'entity', id });
  const figures = (
    db
      .prepare(
        `SELECT * FROM figures
          WHERE entity_id = ? AND deleted_at IS NULL
          ORDER BY metric, period, id`,
      )
      .all(id) as FigureRow[]
  ).map(toFigure);
  const annotations = (
    db
      .prepare(
        `SELECT * FROM annotations
          WHERE deleted_at IS NULL
            AND ((target_type = 'entity' AND target_id = @id)
              OR (target_type = 'figure' AND target_id IN (SELECT CAST(id AS TEXT) FROM figures WHERE entity_id = @id AND deleted_at IS NULL)))
          ORDER BY created_at, id`,
      )
      .all({ id }) as AnnotationRow[]
  ).map(toAnnotation);
  return { ...toEntity(row), changedAt: row.changed_at, figures, sources: sourcesOf(db, figures), annotations };
}

export function getProvince(db: DB): ProvinceOverview {
  const figures = (
    db
      .prepare(
        `SELECT * FROM figures
          WHERE scope <> 'entity' AND deleted_at IS NULL
          ORDER BY CASE scope WHEN 'province' THEN 0 WHEN 'strategic_clusters' THEN 1 WHEN 'pillar_clusters' THEN 2
                              WHEN 'emerging_clusters' THEN 3 ELSE 4 END, id`,
      )
      .all() as FigureRow[]
  ).map(toFigure);
  const milestones = (db.prepare(`SELECT * FROM milestones ORDER BY year, sort_order`).all() as MilestoneRow[]).map(toMilestone);
  const sourceIds = [...figures.map((f) => f.sourceId), ...milestones.map((m) => m.sourceId)];
  return { figures, milestones, sources: sourcesByIds(db, sourceIds) };
}

function sourcesOf(db: DB, figures: Figure[]): Source[] {
  return sourcesByIds(
    db,
    figures.map((f) => f.sourceId),
  );
}

function sourcesByIds(db: DB, ids: (number | null)[]): Source[] {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))].sort((a, b) => a - b);
  const get = db.prepare(`SELECT id, title, publisher, author, published_on, url, excerpt FROM sources WHERE id = ?`);
  return wanted.map((id) => get.get(id) as SourceRow | undefined).filter((r): r is SourceRow => r !== undefined).map(toSource);
}

/** The id of the newest recorded revision (0: none): every change after it has a larger id. */
export function newestRevision(db: DB): number {
  return (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM revisions`).get() as { n: number }).n;
}

/**
 * A point in the file's history: the newest revision and its batch. Ids alone are not enough: a
 * restored backup takes the history back, and new revisions then reuse the ids; their batch differs.
 */
export interface RevisionMark {
  id: number;
  batchId: string | null;
}

export function revisionMark(db: DB): RevisionMark {
  const row = db.prepare(`SELECT id, batch_id AS batchId FROM revisions ORDER BY id DESC LIMIT 1`).get() as RevisionMark | undefined;
  return row ?? { id: 0, batchId: null };
}

/** Whether the history still holds `mark` as it was: false after a restore took it back. */
export function stillInHistory(db: DB, mark: RevisionMark): boolean {
  if (mark.id === 0) return true;
  return db.prepare(`SELECT batch_id FROM revisions WHERE id = ?`).pluck().get(mark.id) === mark.batchId;
}

/** A short label of the file's state that changes with every recorded change: shown in exports. */
export function dataVersion(db: DB): string {
  const seeded = db.prepare(`SELECT value FROM meta WHERE key = 'seeded_from'`).get() as { value: string } | undefined;
  const rev = db.prepare(`SELECT coalesce(max(id), 0) AS n FROM revisions`).get() as { n: number };
  return `${seeded?.value ?? 'empty'}+r${rev.n}`;
}

export function dumpDataset(db: DB): DatasetDump {
  return db.transaction(() => ({
    format: 'cluster-brief/dataset' as const,
    formatVersion: 1 as const,
    schemaVersion: schemaVersion(db),
    dataVersion: dataVersion(db),
    entities: listEntities(db).map((e) => getEntity(db, e.id)),
    province: getProvince(db),
  }))();
}
