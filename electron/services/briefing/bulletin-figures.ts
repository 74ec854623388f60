/**
 * Where a 简报's figure references get their values: a resolver. While an issue is a draft it is
 * resolved live against the data file (the current figure, its source); once issued (签发) it is
 * resolved from the snapshots frozen into its content, so its text never changes whatever the data
 * becomes. Either way, a reference that resolves to nothing makes the bulletin refuse to build.
 */
import { seedMetricName } from '../../../shared/metrics';
import type { FigureSnapshotRef, BulletinContent } from '../../../shared/bulletin';
import type { EntityDetail, Figure, Qualifier, Source, Unit } from '../../../shared/domain';
import { MESSAGES } from '../../../shared/i18n';
import type { DB } from '../db/open';
import { getEntity, listEntities } from '../db/read';
import { toFigure, toSource, type FigureRow, type SourceRow } from '../db/rows';

/** A figure as a bulletin prints it: its value with unit and qualifier, its period, its source. */
export interface ResolvedFigure {
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  period: string;
  sourceId: number | null;
  sourceQuote: string | null;
  source: Source | null;
  /** What the figure is about, for a table row: "智能机器人 · 年产值" / "Smart robots · output value". */
  label: { zh: string; en: string } | null;
  /** The metric's own unit ("件" / "patents") for a figure in 'metric_unit' (issue 12). */
  unitLabel: { zh: string; en: string } | null;
}

export interface BulletinResolver {
  /** The figure, or null when it no longer exists (deleted, or never was). */
  figure(id: number): ResolvedFigure | null;
  /** The source, or null when it no longer exists. */
  source(id: number): Source | null;
  /**
   * The entities of a chart (empty: all), with their figures; an id that no longer exists is left out.
   * Charts are drawn from these: to freeze a chart at 签发, keep what the live resolver returned here
   * (and the sources of those figures, for `source`) and return it from the issued bulletin's resolver.
   */
  entities(ids: readonly string[]): EntityDetail[];
  /**
   * An issued issue's frozen data: a chart's industry missing from it (an issue frozen before 签发 was
   * refused for a deleted industry) is left out with a note, not a refusal, so the issue still prints.
   */
  readonly frozen?: boolean;
}

/** The label of a figure: its entity's name (or its scope) and its metric, in both languages. */
export function figureLabel(f: Pick<Figure, 'scope' | 'metric'>, entity: { zh: string; en: string } | null, metric?: { zh: string; en: string }): { zh: string; en: string } {
  const zh = MESSAGES['zh-CN'];
  const en = MESSAGES.en;
  return {
    zh: `${entity ? entity.zh : zh.scope[f.scope]} · ${metric?.zh ?? seedMetricName(f.metric, 'zh-CN')}`,
    en: `${entity ? entity.en : en.scope[f.scope]} · ${metric?.en ?? seedMetricName(f.metric, 'en')}`,
  };
}

/** Live values: the current figures and sources of the data file (a draft). */
export function liveResolver(db: DB): BulletinResolver {
  const figureRow = db.prepare(`SELECT * FROM figures WHERE id = ? AND deleted_at IS NULL`);
  const sourceRow = db.prepare(`SELECT id, title, publisher, author, published_on, url, excerpt FROM sources WHERE id = ? AND deleted_at IS NULL`);
  const entityName = db.prepare(`SELECT name_zh AS zh, name_en AS en FROM entities WHERE id = ? AND deleted_at IS NULL`);
  // The metric's name from the catalog: an analyst's own metric prints by its name, not its id.
  const metricName = db.prepare(`SELECT name_zh AS zh, name_en AS en FROM metrics WHERE id = ?`);
  const unitLabel = db.prepare(`SELECT unit_label_zh AS zh, unit_label_en AS en FROM metrics WHERE id = ? AND unit_label_zh IS NOT NULL AND unit_label_en IS NOT NULL`);
  const source = (id: number): Source | null => {
    const row = sourceRow.get(id) as SourceRow | undefined;
    return row ? toSource(row) : null;
  };
  return {
    figure(id) {
      const row = figureRow.get(id) as FigureRow | undefined;
      if (!row) return null;
      const f = toFigure(row);
      const entity = f.entityId ? ((entityName.get(f.entityId) as { zh: string; en: string } | undefined) ?? null) : null;
      return { value: f.value, unit: f.unit, qualifier: f.qualifier, period: f.period, sourceId: f.sourceId, sourceQuote: f.sourceQuote, source: f.sourceId === null ? null : source(f.sourceId), label: figureLabel(f, entity, metricName.get(f.metric) as { zh: string; en: string } | undefined), unitLabel: f.unit === 'metric_unit' ? ((unitLabel.get(f.metric) as { zh: string; en: string } | undefined) ?? null) : null };
    },
    source,
    entities(ids) {
      const known = listEntities(db).map((e) => e.id);
      const wanted = ids.length === 0 ? known : ids.filter((id) => known.includes(id));
      return wanted.map((id) => getEntity(db, id));
    },
  };
}

/** A frozen snapshot as a resolved figure (the source and label as they were when frozen). */
export function fromSnapshot(s: FigureSnapshotRef, label: { zh: string; en: string } | null = s.label ?? null): ResolvedFigure {
  const source: Source | null = s.sourceId !== null && s.source ? { id: s.sourceId, ...s.source, url: null, excerpt: null } : null;
  return { value: s.value, unit: s.unit, qualifier: s.qualifier, period: s.period, sourceId: s.sourceId, sourceQuote: s.sourceQuote, source, label, unitLabel: s.unitLabel ?? null };
}

/**
 * Frozen values: every reference resolves to the snapshot stored beside it in the content (an issued
 * bulletin). What the content does not freeze comes from `rest` (the caller's frozen store, or the
 * live file): a table row's label for a snapshot stored without one, quoted sources, chart data.
 */
export function frozenResolver(content: BulletinContent, rest: BulletinResolver): BulletinResolver {
  const frozen = new Map<number, FigureSnapshotRef>();
  for (const b of content.blocks) {
    if (b.type === 'paragraph') for (const i of b.content) if (i.type === 'figure') frozen.set(i.figureId, i.accepted);
    if (b.type === 'table') b.figureIds.forEach((id, k) => b.accepted[k] && frozen.set(id, b.accepted[k]));
  }
  const sources = new Map<number, Source>();
  for (const s of frozen.values()) {
    const r = fromSnapshot(s);
    if (r.source) sources.set(r.source.id, r.source);
  }
  return {
    figure(id) {
      const s = frozen.get(id);
      return s ? fromSnapshot(s, s.label ?? rest.figure(id)?.label ?? null) : rest.figure(id);
    },
    source: (id) => sources.get(id) ?? rest.source(id),
    entities: (ids) => rest.entities(ids),
  };
}
