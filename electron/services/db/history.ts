/**
 * Reading the change log back for people: an object's history (an entity's includes its figures'
 * and its annotations'), with the sources it names by title, and what one batch changed in words
 * (the undo/redo messages).
 */
import { Bilingual, Figure } from '../../../shared/domain';
import { annotationLabel, bulletinLabel, figureLabel, findingLabel, metricLabel, sourceLabel } from '../../../shared/history';
import { CHECK_TEXT, CheckId } from '../../../shared/checks';
import { authorName } from '../../../shared/format';
import type { BatchSummary, Revision } from '../../../shared/workbench';
import type { DB } from './open';
import type { RevisionTarget } from './revisions';

interface RevisionRow {
  id: number;
  batch_id: string;
  batch_kind: 'change' | 'undo' | 'redo';
  target_type: RevisionTarget;
  target_id: string;
  action: Revision['action'];
  author: string;
  at: string;
  before_json: string | null;
  after_json: string | null;
}

const json = (text: string | null): Record<string, unknown> | null => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

/** The revisions of a target and of what belongs to it (@type, @id), newest first. */
export const HISTORY_SQL = `
  WITH objects (type, id) AS (
         SELECT @type, @id
         UNION ALL SELECT 'figure', CAST(f.id AS TEXT) FROM figures f WHERE @type = 'entity' AND f.entity_id = @id
       ),
       targets (type, id) AS (
         SELECT type, id FROM objects
         UNION ALL SELECT 'annotation', CAST(a.id AS TEXT) FROM objects o JOIN annotations a ON a.target_type = o.type AND a.target_id = o.id
       )
  -- From the few targets to their revisions through revisions_by_target (CROSS JOIN keeps that
  -- order): a file holding an import's 100,000 revisions is never scanned whole.
  SELECT r.*, coalesce(b.kind, 'change') AS batch_kind
    FROM targets t CROSS JOIN revisions r ON r.target_type = t.type AND r.target_id = t.id
    LEFT JOIN batches b ON b.id = r.batch_id
   ORDER BY r.id DESC`;

/**
 * Every recorded change of one object, newest first. An entity's history holds its own rows, its
 * figures' and the annotations on it or on its figures; a figure's, its own and its annotations'.
 */
export function history(db: DB, targetType: RevisionTarget, targetId: string): Revision[] {
  const rows = db.prepare(HISTORY_SQL).all({ type: targetType, id: targetId }) as RevisionRow[];
  const revisions = rows.map((r) => ({
    id: r.id,
    batchId: r.batch_id,
    batchKind: r.batch_kind,
    targetType: r.target_type,
    targetId: r.target_id,
    action: r.action,
    author: r.author,
    at: r.at,
    before: json(r.before_json),
    after: json(r.after_json),
  }));
  const names = sourceNames(db, revisions);
  const entities = entityNames(db, revisions);
  return revisions.map((r) => ({ ...r, sourceNames: pick(names, [r.before?.sourceId, r.after?.sourceId]), entityNames: pick(entities, [r.before?.entityId, r.after?.entityId]) }));
}

/** Both names of every industry the snapshots name, deleted ones too (their rows are kept). */
function entityNames(db: DB, revisions: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }[]): Map<string, { zh: string; en: string }> {
  const ids = new Set<string>();
  for (const r of revisions) for (const snap of [r.before, r.after]) if (typeof snap?.entityId === 'string') ids.add(snap.entityId);
  const rows = db.prepare(`SELECT id, name_zh, name_en FROM entities WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...ids])) as { id: string; name_zh: string; name_en: string }[];
  return new Map(rows.map((e) => [e.id, { zh: e.name_zh, en: e.name_en }]));
}

/** "title · publisher" of every source the snapshots name. */
function sourceNames(db: DB, revisions: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }[]): Map<string, string> {
  const ids = new Set<number>();
  for (const r of revisions) for (const snap of [r.before, r.after]) if (typeof snap?.sourceId === 'number') ids.add(snap.sourceId);
  const rows = db
    .prepare(`SELECT id, title, publisher FROM sources WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...ids])) as { id: number; title: string; publisher: string }[];
  return new Map(rows.map((s) => [String(s.id), s.publisher ? `${s.title} · ${s.publisher}` : s.title]));
}

function pick<T>(names: Map<string, T>, ids: unknown[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const id of ids) {
    const name = id === null || id === undefined ? undefined : names.get(String(id));
    if (name !== undefined) out[String(id)] = name;
  }
  return out;
}

/**
 * What a batch changed: its main revision — an entity before a figure, a figure before an
 * annotation, an annotation before a source (a figure saved with a new source is about the figure) —
 * named in both languages, and how many other revisions it holds.
 */
export function batchSummary(db: DB, batchId: string): BatchSummary | undefined {
  const main = db
    .prepare(
      `SELECT target_type, target_id, action, coalesce(after_json, before_json) AS snapshot,
              (SELECT count(*) FROM revisions WHERE batch_id = @batch) AS total
         FROM revisions WHERE batch_id = @batch
        ORDER BY CASE target_type WHEN 'entity' THEN 0 WHEN 'figure' THEN 1 WHEN 'annotation' THEN 2 ELSE 3 END, id
        LIMIT 1`,
    )
    .get({ batch: batchId }) as { target_type: RevisionTarget; target_id: string; action: Revision['action']; snapshot: string | null; total: number } | undefined;
  if (!main) return undefined;
  const snapshot = json(main.snapshot) ?? {};
  const file = db.prepare(`SELECT import_file FROM batches WHERE id = ?`).pluck().get(batchId) as string | null | undefined;
  const imported = file ? { file, count: main.total } : undefined;
  if (main.target_type === 'finding' && main.total > 1 && sameFindingChange(db, batchId)) {
    // 确认本项全部: one change that acknowledged (or withdrew) many findings of one check is named as that, not as one "and 11 more".
    const check = CheckId.safeParse(snapshot.checkId);
    return { action: main.action, targetType: 'finding', label: findingLabel(check.success ? CHECK_TEXT[check.data].name : null, main.total), more: 0 };
  }
  return { action: main.action, targetType: main.target_type, label: labelOf(db, main.target_type, main.target_id, snapshot), more: main.total - 1, ...(imported ? { imported } : {}) };
}

/** Whether every revision of the batch is the same change to findings of one check. */
function sameFindingChange(db: DB, batchId: string): boolean {
  const kinds = db
    .prepare(
      `SELECT count(DISTINCT target_type || ' ' || action || ' ' || coalesce(json_extract(coalesce(after_json, before_json), '$.checkId'), '')) AS kinds,
              min(target_type) AS target_type
         FROM revisions WHERE batch_id = ?`,
    )
    .get(batchId) as { kinds: number; target_type: string };
  return kinds.kinds === 1 && kinds.target_type === 'finding';
}

/**
 * The objects a refusal is about, named for people ("智能机器人 产值（2023）（王同事）"): each by its
 * newest revision's snapshot, with who made that revision; the first `most`, then how many more.
 */
export function namedTargets(db: DB, targets: readonly { type: RevisionTarget; id: string }[], most = 5): { zh: string; en: string } {
  const newest = db.prepare(
    `SELECT author, coalesce(after_json, before_json) AS snapshot FROM revisions WHERE target_type = ? AND target_id = ? ORDER BY id DESC LIMIT 1`,
  );
  const named = targets.slice(0, most).map(({ type, id }) => {
    const r = newest.get(type, id) as { author: string; snapshot: string | null } | undefined;
    // A row with no history (the seed's, or one written outside the app) is named from the row itself.
    const label = labelOf(db, type, id, json(r?.snapshot ?? null) ?? liveRow(db, type, id));
    if (!r) return label;
    return { zh: `${label.zh}（${authorName(r.author, 'zh-CN')}）`, en: `${label.en} (${authorName(r.author, 'en')})` };
  });
  const rest = targets.length - named.length;
  return {
    zh: named.map((n) => n.zh).join('、') + (rest > 0 ? `等（另有 ${rest} 项）` : ''),
    en: named.map((n) => n.en).join('; ') + (rest > 0 ? `; and ${rest} more` : ''),
  };
}

/** The few fields a label needs, read from the row as it is now. */
function liveRow(db: DB, type: RevisionTarget, id: string): Record<string, unknown> {
  if (type === 'figure') return (db.prepare(`SELECT scope, entity_id AS entityId, metric, period FROM figures WHERE id = ?`).get(Number(id)) as Record<string, unknown> | undefined) ?? {};
  if (type === 'entity') {
    const row = db.prepare(`SELECT name_zh AS zh, name_en AS en FROM entities WHERE id = ?`).get(id) as { zh: string; en: string } | undefined;
    return row ? { name: row } : {};
  }
  return {};
}

function labelOf(db: DB, type: RevisionTarget, id: string, snapshot: Record<string, unknown>): { zh: string; en: string } {
  if (type === 'entity') {
    const name = Bilingual.safeParse(snapshot.name);
    return name.success ? name.data : { zh: id, en: id };
  }
  if (type === 'figure') {
    const figure = Figure.pick({ scope: true, entityId: true, metric: true, period: true }).safeParse(snapshot);
    if (!figure.success) return { zh: `数据 ${id}`, en: `figure ${id}` };
    return figureLabel(figure.data, figure.data.entityId ? entityName(db, figure.data.entityId) : null, metricName(db, figure.data.metric));
  }
  if (type === 'annotation') return annotationLabel(typeof snapshot.body === 'string' ? snapshot.body : id);
  if (type === 'bulletin') return bulletinLabel(typeof snapshot.title === 'string' ? snapshot.title : id);
  if (type === 'finding') {
    const check = CheckId.safeParse(snapshot.checkId);
    return findingLabel(check.success ? CHECK_TEXT[check.data].name : null);
  }
  if (type === 'metric') return metricLabel(Bilingual.safeParse(snapshot.name).data ?? metricName(db, id) ?? { zh: id, en: id });
  return sourceLabel(typeof snapshot.title === 'string' ? snapshot.title : id);
}

function metricName(db: DB, id: string): Bilingual | null {
  const row = db.prepare(`SELECT name_zh AS zh, name_en AS en FROM metrics WHERE id = ?`).get(id) as Bilingual | undefined;
  return row ?? null;
}

function entityName(db: DB, id: string): Bilingual | null {
  const row = db.prepare(`SELECT name_zh AS zh, name_en AS en FROM entities WHERE id = ?`).get(id) as Bilingual | undefined;
  return row ?? null;
}
