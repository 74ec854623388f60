/**
 * The metric catalog on the command line (issue 12): `cluster-brief metrics [--json]` lists it,
 * and `cluster-brief list --metric <id>` shows only that metric's figures, named from the catalog.
 */
import type { DatasetDump } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { formatFigure } from '../../shared/format';
import { catalogOf, type Catalog, type MetricDef } from '../../shared/metrics';
import { listCities, listMetrics, readMetrics } from '../services/db/metrics';
import type { DB } from '../services/db/open';

/** `cluster-brief metrics`: id, both names, kind (with an 'other' metric's unit), and how many figures use it. */
export function renderMetrics(db: DB, json: boolean): string {
  const metrics = listMetrics(db);
  if (json) return `${JSON.stringify(metrics, null, 2)}\n`;
  const lines = metrics.map((m) => [m.id, `${m.name.zh} / ${m.name.en}`, m.unitLabel ? `${m.kind} (${m.unitLabel.zh} / ${m.unitLabel.en})` : m.kind, m.mayBeNegative ? '±' : '+', `${m.figureCount}${m.builtin ? ' builtin' : ''}`].join('\t'));
  return `${lines.join('\n')}\n`;
}

/** The dataset with only the figures of `metric` (UNKNOWN_METRIC when the catalog has no such live metric). */
export function onlyMetric(db: DB, dump: DatasetDump, metric: string): DatasetDump {
  if (!readMetrics(db).some((m) => m.id === metric)) throw new AppError('UNKNOWN_METRIC', `unknown metric ${metric}`, { metric, where: '--metric' });
  return {
    ...dump,
    entities: dump.entities.map((e) => ({ ...e, figures: e.figures.filter((f) => f.metric === metric) })),
    province: { ...dump.province, figures: dump.province.figures.filter((f) => f.metric === metric) },
  };
}

export function catalogFor(db: DB): Catalog {
  return catalogOf(readMetrics(db), listCities(db));
}

/** The dataset as text: each figure by its metric's Chinese name, its city when it has one, and its value with its unit. */
export function renderListText(dump: DatasetDump, catalog: Catalog): string {
  const label = (def: MetricDef | undefined): MetricDef['unitLabel'] => def?.unitLabel ?? null;
  const figure = (f: DatasetDump['province']['figures'][number]): string =>
    `${catalog.metricName(f.metric, 'zh-CN')}${f.cityCode ? `（${catalog.cityName(f.cityCode, 'zh-CN')}）` : ''} ${f.period}: ${formatFigure(f, 'zh-CN', label(catalog.metric(f.metric)))}`;
  const lines: string[] = [];
  for (const f of dump.province.figures) lines.push(`[${f.scope}] ${figure(f)}`);
  for (const e of dump.entities) {
    const figs = e.figures.map(figure).join('; ');
    lines.push(`${e.id}\t${e.category}\t${e.name.zh} / ${e.name.en}${figs ? `\t${figs}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
