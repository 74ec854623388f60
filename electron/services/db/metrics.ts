/**
 * The metric catalog (issue 12) and the cities of Guangdong: reading them, checking a figure
 * against them where figures are written, and editing the catalog as tracked objects (every edit a
 * revision, undo/redo/history/trash cover it). A metric in use by a live figure cannot be deleted,
 * nor can its kind change; the triggers of migration 5 hold the same rule under everything.
 */
import type { FigureInput } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { City, MetricInput, MetricSnapshot, metricIdFrom, metricProblem, type MetricDef, type MetricEntry } from '../../../shared/metrics';
import type { DB } from './open';
import { mustBeLive, mustExist, parseInput, recordRevision, setDeleted, type ChangeContext, type Tracked } from './revisions';
import { statement } from './statements';

interface MetricRow {
  id: string;
  name_zh: string;
  name_en: string;
  kind: string;
  unit_label_zh: string | null;
  unit_label_en: string | null;
  may_be_negative: number;
  description: string;
  builtin: number;
  sort_order: number;
  changed_at: string;
  changed_by: string;
  deleted_at: string | null;
}

const toSnapshot = (r: MetricRow): MetricSnapshot => ({
  id: r.id,
  name: { zh: r.name_zh, en: r.name_en },
  kind: r.kind as MetricSnapshot['kind'],
  unitLabel: r.unit_label_zh !== null && r.unit_label_en !== null ? { zh: r.unit_label_zh, en: r.unit_label_en } : null,
  mayBeNegative: r.may_be_negative === 1,
  description: r.description,
  builtin: r.builtin === 1,
  sortOrder: r.sort_order,
  changedAt: r.changed_at,
  changedBy: r.changed_by,
  deletedAt: r.deleted_at,
});

const toDef = (r: MetricRow): MetricDef => {
  const { changedAt: _a, changedBy: _b, deletedAt: _d, ...def } = toSnapshot(r);
  return def;
};

export function metricSnapshot(db: DB, id: string): MetricSnapshot | undefined {
  const row = statement(db, `SELECT * FROM metrics WHERE id = ?`).get(id) as MetricRow | undefined;
  return row ? toSnapshot(row) : undefined;
}

/** The live catalog in its order. */
export function readMetrics(db: DB): MetricDef[] {
  return (statement(db, `SELECT * FROM metrics WHERE deleted_at IS NULL ORDER BY sort_order, id`).all() as MetricRow[]).map(toDef);
}

/** The live catalog with how many live figures use each metric. */
export function listMetrics(db: DB): MetricEntry[] {
  const counts = new Map(
    (statement(db, `SELECT metric, count(*) AS n FROM figures WHERE deleted_at IS NULL GROUP BY metric`).all() as { metric: string; n: number }[]).map((r) => [r.metric, r.n]),
  );
  return readMetrics(db).map((m) => ({ ...m, figureCount: counts.get(m.id) ?? 0 }));
}

export function listCities(db: DB): City[] {
  return (statement(db, `SELECT code, name_zh, name_en, sort_order FROM cities ORDER BY sort_order`).all() as { code: string; name_zh: string; name_en: string; sort_order: number }[]).map(
    (r) => City.parse({ code: r.code, name: { zh: r.name_zh, en: r.name_en }, sortOrder: r.sort_order }),
  );
}

const liveUses = (db: DB, id: string): number => (statement(db, `SELECT count(*) FROM figures WHERE metric = ? AND deleted_at IS NULL`).pluck().get(id) as number);

function inUse(snap: MetricSnapshot, count: number, change: 'delete' | 'kind'): AppError {
  return new AppError('METRIC_IN_USE', `metric ${snap.id} in use`, { metric: snap.id, name: snap.name.zh, count, change });
}

export const METRICS: Tracked<MetricSnapshot> = {
  target: 'metric',
  schema: MetricSnapshot,
  snapshot: (db, id) => metricSnapshot(db, id),
  put: (db, ctx, snap) => {
    const before = metricSnapshot(db, snap.id);
    if (before && before.kind !== snap.kind) {
      const count = liveUses(db, snap.id);
      if (count > 0) throw inUse(before, count, 'kind');
    }
    if (snap.deletedAt !== null && (!before || before.deletedAt === null)) mustBeUnused(db, before ?? snap);
    statement(
      db,
      `INSERT INTO metrics (id, name_zh, name_en, kind, unit_label_zh, unit_label_en, may_be_negative, description, builtin, sort_order, changed_at, changed_by, deleted_at)
       VALUES (@id, @zh, @en, @kind, @labelZh, @labelEn, @negative, @description, @builtin, @sortOrder, @at, @author, @deletedAt)
       ON CONFLICT (id) DO UPDATE
          SET name_zh = excluded.name_zh, name_en = excluded.name_en, kind = excluded.kind, unit_label_zh = excluded.unit_label_zh,
              unit_label_en = excluded.unit_label_en, may_be_negative = excluded.may_be_negative, description = excluded.description,
              builtin = excluded.builtin, sort_order = excluded.sort_order, changed_at = excluded.changed_at,
              changed_by = excluded.changed_by, deleted_at = excluded.deleted_at`,
    ).run({
      id: snap.id,
      zh: snap.name.zh,
      en: snap.name.en,
      kind: snap.kind,
      labelZh: snap.unitLabel?.zh ?? null,
      labelEn: snap.unitLabel?.en ?? null,
      negative: snap.mayBeNegative ? 1 : 0,
      description: snap.description,
      builtin: snap.builtin ? 1 : 0,
      sortOrder: snap.sortOrder,
      at: ctx.at,
      author: ctx.author,
      deletedAt: snap.deletedAt,
    });
  },
  setDeletedAt: (db, ctx, id, deletedAt) => {
    if (deletedAt !== null) mustBeUnused(db, mustExist(db, METRICS, id));
    statement(db, `UPDATE metrics SET deleted_at = @deletedAt, changed_at = @at, changed_by = @author WHERE id = @id`).run({ id, deletedAt, at: ctx.at, author: ctx.author });
  },
};

/** Deleting a metric: refused for a built-in one, and while live figures use it (saying how many). */
function mustBeUnused(db: DB, snap: MetricSnapshot): void {
  if (snap.builtin) throw new AppError('METRIC_BUILTIN', `metric ${snap.id} is built in`, { metric: snap.id, name: snap.name.zh });
  const count = liveUses(db, snap.id);
  if (count > 0) throw inUse(snap, count, 'delete');
}

/** A free id for a new metric: its English name's words, numbered if taken (deleted rows keep theirs). */
function freeId(db: DB, nameEn: string): string {
  const base = metricIdFrom(nameEn);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}_${n}`;
    if (!metricSnapshot(db, id)) return id;
  }
}

export function createMetric(db: DB, ctx: ChangeContext, raw: unknown): MetricSnapshot {
  const input = parseInput(MetricInput, raw, 'metric');
  const id = input.id ?? freeId(db, input.name.en);
  if (metricSnapshot(db, id)) throw new AppError('INVALID_INPUT', 'metric id taken', { where: 'id', reason: `${id} is already used`, problem: 'taken', value: id });
  const sortOrder = (statement(db, `SELECT coalesce(max(sort_order), 0) + 1 FROM metrics`).pluck().get() as number);
  const { id: _id, ...fields } = input;
  METRICS.put(db, ctx, { id, ...fields, builtin: false, sortOrder, changedAt: ctx.at, changedBy: ctx.author, deletedAt: null });
  const after = mustExist(db, METRICS, id);
  recordRevision(db, ctx, { targetType: 'metric', targetId: id, action: 'create', before: null, after });
  return after;
}

/** Changes a live metric's names, unit label, sign rule or description; its kind only while no figure uses it (never a built-in's). */
export function updateMetric(db: DB, ctx: ChangeContext, id: string, raw: unknown): MetricSnapshot {
  const before = mustBeLive(db, METRICS, id);
  const input = parseInput(MetricInput, raw, 'metric');
  if (before.builtin && input.kind !== before.kind) throw new AppError('METRIC_BUILTIN', `metric ${id} is built in`, { metric: id, name: before.name.zh });
  const { id: _id, ...fields } = input;
  const next: MetricSnapshot = { ...before, ...fields, changedAt: ctx.at, changedBy: ctx.author };
  if (JSON.stringify({ ...next, changedAt: '', changedBy: '' }) === JSON.stringify({ ...before, changedAt: '', changedBy: '' })) return before;
  METRICS.put(db, ctx, next);
  const after = mustExist(db, METRICS, id);
  recordRevision(db, ctx, { targetType: 'metric', targetId: id, action: 'update', before, after });
  return after;
}

export function deleteMetric(db: DB, ctx: ChangeContext, id: string): MetricSnapshot {
  return setDeleted(db, ctx, METRICS, id, true);
}

/**
 * A figure against the catalog, where figures are written: its metric live (UNKNOWN_METRIC), its
 * unit one the metric's kind takes and its sign one the metric allows (INVALID_INPUT naming the
 * field), its city one of the 21 (UNKNOWN_CITY).
 */
export function checkFigureCatalog(db: DB, input: Pick<FigureInput, 'metric' | 'value' | 'unit' | 'cityCode'>, { kindRules = true } = {}): void {
  const def = metricSnapshot(db, input.metric);
  if (!def || def.deletedAt !== null) throw new AppError('UNKNOWN_METRIC', `unknown metric ${input.metric}`, { metric: input.metric, where: 'metric' });
  // A recorded state is written back as it was (kindRules false): the rules apply to new values.
  const problem = kindRules ? metricProblem(def, input) : null;
  if (problem === 'unit_kind') throw new AppError('INVALID_INPUT', 'unit does not fit the metric', { where: 'unit', problem, value: input.unit, metric: def.name.zh });
  if (problem === 'negative') throw new AppError('INVALID_INPUT', 'negative value', { where: 'value', problem, value: input.value, metric: input.metric });
  const city = input.cityCode ?? null;
  if (city !== null && !statement(db, `SELECT 1 FROM cities WHERE code = ?`).get(city)) {
    throw new AppError('UNKNOWN_CITY', `unknown city ${city}`, { city, where: 'cityCode' });
  }
}
