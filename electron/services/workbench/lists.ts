/** The list of all annotations (filtered by status, tag, author, target) and of deleted items that can be restored. */
import type { z } from 'zod';
import type { Bilingual, Source } from '../../../shared/domain';
import { MESSAGES } from '../../../shared/i18n';
import type { AnnotationListItem, AnnotationQuery, DeletedItem } from '../../../shared/workbench';
import type { DB } from '../db/open';
import { toAnnotation, toSource, type AnnotationRow, type SourceRow } from '../db/rows';

/** Sources a figure can cite, newest first. */
export function listSources(db: DB): Source[] {
  return (db.prepare(`SELECT * FROM sources WHERE deleted_at IS NULL ORDER BY published_on DESC, id DESC`).all() as SourceRow[]).map(toSource);
}

/** How a figure is named in lists: its entity (or scope), metric and period, in both languages. */
function figureLabel(r: { name_zh: string | null; name_en: string | null; scope: string; metric: string; metric_zh: string | null; metric_en: string | null; period: string }): Bilingual {
  const label = (lang: 'zh-CN' | 'en', name: string | null, metric: string | null): string => {
    const m = MESSAGES[lang];
    const who = name ?? m.scope[r.scope as keyof typeof m.scope] ?? r.scope;
    return `${who} · ${metric ?? r.metric} · ${r.period}`;
  };
  return { zh: label('zh-CN', r.name_zh, r.metric_zh), en: label('en', r.name_en, r.metric_en) };
}

export function listAnnotations(db: DB, filter: z.output<typeof AnnotationQuery>): AnnotationListItem[] {
  const rows = db
    .prepare(
      `SELECT a.*, coalesce(e.name_zh, fe.name_zh) AS name_zh, coalesce(e.name_en, fe.name_en) AS name_en,
              f.scope, f.metric, f.period, m.name_zh AS metric_zh, m.name_en AS metric_en
         FROM annotations a
         LEFT JOIN entities e ON a.target_type = 'entity' AND e.id = a.target_id
         LEFT JOIN figures f ON a.target_type = 'figure' AND f.id = CAST(a.target_id AS INTEGER)
         LEFT JOIN entities fe ON fe.id = f.entity_id
         LEFT JOIN metrics m ON m.id = f.metric
        WHERE a.deleted_at IS NULL
          AND (@status IS NULL OR a.status = @status)
          AND (@author IS NULL OR a.author = @author)
          AND (@targetType IS NULL OR a.target_type = @targetType)
          AND (@targetId IS NULL OR a.target_id = @targetId)
          AND (@tag IS NULL OR EXISTS (SELECT 1 FROM json_each(a.tags) WHERE value = @tag))
        ORDER BY a.updated_at DESC, a.id DESC
        LIMIT 2000`,
    )
    .all({
      status: filter.status ?? null,
      author: filter.author ?? null,
      targetType: filter.targetType ?? null,
      targetId: filter.targetId ?? null,
      tag: filter.tag ?? null,
    }) as (AnnotationRow & { name_zh: string | null; name_en: string | null; scope: string | null; metric: string | null; metric_zh: string | null; metric_en: string | null; period: string | null })[];
  return rows.map((r) => ({
    ...toAnnotation(r),
    targetLabel:
      r.target_type === 'figure' && r.metric !== null
        ? figureLabel({ ...r, scope: r.scope ?? 'entity', metric: r.metric, period: r.period ?? '' })
        : { zh: r.name_zh ?? r.target_id, en: r.name_en ?? r.target_id },
  }));
}

/**
 * SQL: the object was not put out of use by undoing its creation. Undoing an import (or any addition)
 * takes its new rows out; they are not things the person deleted, and restoring one of them alone would
 * bring back part of an import they took back (redo brings back the whole). Undoing a restore leaves the
 * object deleted as the person had it: it is listed.
 */
const notUndoneCreation = (type: string, id: string): string => `NOT EXISTS (
  SELECT 1 FROM revisions r JOIN batches b ON b.id = r.batch_id
   WHERE r.id = (SELECT max(id) FROM revisions WHERE target_type = '${type}' AND target_id = ${id})
     AND b.kind = 'undo' AND r.action = 'delete'
     AND EXISTS (SELECT 1 FROM revisions o WHERE o.batch_id = b.reverts AND o.target_type = '${type}' AND o.target_id = r.target_id AND o.action = 'create'))`;

/** What was deleted and can be restored, newest first. */
export function listDeleted(db: DB): DeletedItem[] {
  const entities = db.prepare(`SELECT id, name_zh, name_en, deleted_at FROM entities WHERE deleted_at IS NOT NULL AND ${notUndoneCreation('entity', 'entities.id')}`).all() as {
    id: string;
    name_zh: string;
    name_en: string;
    deleted_at: string;
  }[];
  const figures = db
    .prepare(
      `SELECT f.id, f.scope, f.metric, f.period, f.deleted_at, e.name_zh, e.name_en, m.name_zh AS metric_zh, m.name_en AS metric_en
         FROM figures f LEFT JOIN entities e ON e.id = f.entity_id LEFT JOIN metrics m ON m.id = f.metric
        WHERE f.deleted_at IS NOT NULL AND ${notUndoneCreation('figure', 'CAST(f.id AS TEXT)')} ORDER BY f.deleted_at DESC LIMIT 500`,
    )
    .all() as { id: number; scope: string; metric: string; metric_zh: string | null; metric_en: string | null; period: string; deleted_at: string; name_zh: string | null; name_en: string | null }[];
  const metrics = db.prepare(`SELECT id, name_zh, name_en, deleted_at FROM metrics WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC LIMIT 500`).all() as { id: string; name_zh: string; name_en: string; deleted_at: string }[];
  const annotations = db.prepare(`SELECT id, body, deleted_at FROM annotations WHERE deleted_at IS NOT NULL AND ${notUndoneCreation('annotation', 'CAST(annotations.id AS TEXT)')} ORDER BY deleted_at DESC LIMIT 500`).all() as {
    id: number;
    body: string;
    deleted_at: string;
  }[];
  // Deleted 简报 drafts (an issued issue is never deleted).
  const bulletins = db.prepare(`SELECT id, title, deleted_at FROM bulletins WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC LIMIT 500`).all() as { id: number; title: string; deleted_at: string }[];
  const items: DeletedItem[] = [
    ...entities.map((e) => ({ targetType: 'entity' as const, targetId: e.id, label: { zh: e.name_zh, en: e.name_en }, deletedAt: e.deleted_at })),
    ...figures.map((f) => ({ targetType: 'figure' as const, targetId: String(f.id), label: figureLabel(f), deletedAt: f.deleted_at })),
    ...annotations.map((a) => ({ targetType: 'annotation' as const, targetId: String(a.id), label: { zh: a.body.slice(0, 80), en: a.body.slice(0, 80) }, deletedAt: a.deleted_at })),
    ...metrics.map((m) => ({ targetType: 'metric' as const, targetId: m.id, label: { zh: m.name_zh, en: m.name_en }, deletedAt: m.deleted_at })),
    ...bulletins.map((b) => ({ targetType: 'bulletin' as const, targetId: String(b.id), label: { zh: b.title.slice(0, 80), en: b.title.slice(0, 80) }, deletedAt: b.deleted_at })),
  ];
  return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}
