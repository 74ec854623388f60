/**
 * Finding a figure to reference, in Chinese or English: by industry name, source or note (the figures
 * table's full-text search), by metric name in either language (年产值 / output value), or by value as
 * printed (3万亿, 100亿元, 9.2%). Plain functions over the contract's listFigures.
 */
import type { FigureSnapshotRef } from '../../../../shared/bulletin';
import { snapshotOf } from '../../../../shared/bulletin-ref';
import type { Client } from '../../../../shared/client';
import { BUILTIN_METRICS, type Bilingual, type Metric, type Source } from '../../../../shared/domain';
import { formatFigure } from '../../../../shared/format';
import { MESSAGES } from '../../../../shared/i18n';
import { seedMetricName, type Catalog } from '../../../../shared/metrics';
import type { FigureListRow } from '../../../../shared/workbench';

const LIMIT = 30;

/** A metric as the search names it: the catalog's (the page's session), or the built-ins' seed names. */
export interface NamedMetric {
  id: Metric;
  name: Bilingual;
}

const BUILTIN_NAMED: readonly NamedMetric[] = BUILTIN_METRICS.map((id) => ({ id, name: { zh: seedMetricName(id, 'zh-CN'), en: seedMetricName(id, 'en') } }));

/** The metrics whose name (either language) contains the words typed, or is contained in them. */
export function metricsNamed(query: string, metrics: readonly NamedMetric[] = BUILTIN_NAMED): Metric[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  return metrics.map((m) => m.id).filter((m, i) =>
    [metrics[i]!.name.zh, metrics[i]!.name.en].some((name) => {
      const n = name.toLowerCase();
      return n.includes(q) || q.includes(n);
    }),
  );
}

/** Does the figure's printed value (either language) hold what was typed, ignoring spaces and commas? */
export function valueMatches(row: Pick<FigureListRow, 'value' | 'unit' | 'qualifier'>, query: string): boolean {
  const squash = (s: string): string => s.toLowerCase().replace(/[\s,，]/g, '');
  const q = squash(query);
  if (!/\d/.test(q)) return false;
  return [formatFigure(row, 'zh-CN'), formatFigure(row, 'en'), String(row.value)].some((text) => squash(text).includes(q));
}

export async function searchFigures(api: Pick<Client, 'listFigures'>, query: string, lang: 'zh-CN' | 'en', catalog?: readonly NamedMetric[]): Promise<FigureListRow[]> {
  const q = query.trim();
  if (q === '') return [];
  const metrics = metricsNamed(q, catalog);
  const digits = /\d/.test(q);
  // A number typed is most likely the value itself: figures whose value reads so come first.
  const [byValue, ...others] = await Promise.all([
    digits ? api.listFigures({ limit: 500, lang, withTotal: false, sort: 'value', order: 'desc' }) : Promise.resolve(null),
    api.listFigures({ q, limit: LIMIT, lang, withTotal: false, sort: 'entity', order: 'asc' }),
    ...metrics.map((metric) => api.listFigures({ metric, limit: LIMIT, lang, withTotal: false, sort: 'entity', order: 'asc' })),
  ]);
  const seen = new Set<number>();
  const out: FigureListRow[] = [];
  const add = (row: FigureListRow): void => {
    if (seen.has(row.id)) return;
    seen.add(row.id);
    out.push(row);
  };
  for (const row of byValue?.rows ?? []) if (valueMatches(row, q)) add(row);
  // A value and nothing else ("5.2", "40%", "3万亿元") that some figure reads as: those figures only. The
  // text search splits it into numbers found in every other source sentence ("5.2" listed all 24).
  if (out.length > 0 && looksLikeValue(q)) return out.slice(0, LIMIT * 2);
  for (const page of others) page.rows.forEach(add);
  // Best first: the value as typed, then the industry's own name, then the metric, then text that only mentions it.
  const rank = (row: FigureListRow): number => (valueMatches(row, q) ? 0 : nameMatches(row, q) ? 1 : metrics.includes(row.metric) ? 2 : 3);
  return out
    .map((row, i) => ({ row, i, r: rank(row) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, LIMIT * 2)
    .map((x) => x.row);
}

/** Only a number, with perhaps a qualifier and a unit: 5.2, 9.2%, 近3万亿元, over 500 billion yuan. */
export function looksLikeValue(query: string): boolean {
  return /^(?:约|近|超过|至少|目标|about|nearly|over|at least|target:?)?\s*[\d.,，\s]*\d[\d.,，]*\s*(?:%|万亿元?|亿元?|万元?|元|trillion|billion|million|yuan|\s)*$/iu.test(query.trim());
}

/** Does the figure's industry (or group) name, in either language, hold the words typed? */
export function nameMatches(row: Pick<FigureListRow, 'scope' | 'entityName'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  const names = row.scope === 'entity' && row.entityName ? [row.entityName.zh, row.entityName.en] : [MESSAGES['zh-CN'].scope[row.scope], MESSAGES.en.scope[row.scope]];
  return q !== '' && names.some((n) => n.toLowerCase().includes(q));
}

/** The reference a found figure makes: its value now, with its source (as the services compare it). */
export function snapshotOfRow(row: FigureListRow, sources: ReadonlyMap<number, Source>, catalog?: Catalog): FigureSnapshotRef {
  const metricName = catalog ? { zh: catalog.metricName(row.metric, 'zh-CN'), en: catalog.metricName(row.metric, 'en') } : undefined;
  const city = catalog && row.cityCode ? { zh: catalog.cityName(row.cityCode, 'zh-CN') ?? row.cityCode, en: catalog.cityName(row.cityCode, 'en') ?? row.cityCode } : null;
  return snapshotOf(row, row.sourceId === null ? null : (sources.get(row.sourceId) ?? null), row.entityName, metricName, catalog?.metric(row.metric)?.unitLabel ?? null, city);
}

export function figureOptionText(row: FigureListRow, ui: 'zh-CN' | 'en', catalog?: Catalog): string {
  const m = MESSAGES[ui];
  const who = row.scope === 'entity' && row.entityName ? row.entityName[ui === 'en' ? 'en' : 'zh'] : m.scope[row.scope];
  // A city's figure names its city: two 产值 2023 of one cluster (the whole, and 深圳市's part) listed alike.
  const city = row.cityCode ? (catalog?.cityName(row.cityCode, ui) ?? row.cityCode) : null;
  const metric = catalog?.metricName(row.metric, ui) ?? seedMetricName(row.metric, ui);
  return `${who} · ${city === null ? metric : ui === 'en' ? `${metric} (${city})` : `${metric}（${city}）`} · ${row.period} · ${formatFigure(row, ui)}`;
}
