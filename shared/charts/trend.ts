/**
 * Trends for the app (entity page, dashboard): one metric of up to five entities across periods, a
 * line each, drawn with the 简报's own trend chart (series.ts), with each point's year-on-year change
 * computed (shared/yoy.ts, never stored) and a description a screen reader reads, as the
 * dashboard's other charts have (dashboard.ts). Pure: figures in, option and words out.
 */
import type { EChartsOption } from 'echarts';
import type { TrendSeries } from '../document';
import type { Bilingual, Figure, Metric, Unit } from '../domain';
import type { Lang } from '../errors';
import { formatValue } from '../format';
import { MESSAGES } from '../i18n';
import { seedMetricName } from '../metrics';
import { chartPeriodKind, formatYoy, inUnit, periodKind, sameKindOfUnit, yearEarlier, yoyChange, type NoYoy, type Yoy } from '../yoy';
import { barsDescription } from './dashboard';
import { compareChartOption, trendChartOption } from './series';
import type { ChartStyle } from './style';

/** Lines on the app's dark card (#141414): each at least 3:1 against it (the 简报's own colours are for white paper). */
export const DARK_LINES = ['#91caff', '#ff7875', '#95de64', '#ffd666', '#d3adf7'] as const;

/** At most this many entities compared on one chart. */
export const MAX_TREND_ENTITIES = 5;

export interface TrendEntity {
  name: Bilingual;
  figures: readonly Figure[];
}

export interface TrendPoint {
  period: string;
  figure: Figure;
  /** The change from the same period a year earlier, or why there is none. */
  change: { ok: true; yoy: Yoy } | { ok: false; why: NoYoy };
}

export interface Trend {
  metric: Metric;
  /** The metric's name from the catalog (the built-ins' seed names where none was given). */
  metricName: Bilingual;
  unit: Unit;
  periods: string[];
  lines: { name: Bilingual; points: TrendPoint[] }[];
  /** Figures of the metric not drawn: recorded by another kind of period, or in a unit that does not compare. */
  leftOut: number;
}

/**
 * One metric of the given entities (the first MAX_TREND_ENTITIES) across periods of one kind — the
 * kind most of the figures use, years first on a tie — in the unit of the newest figure of that kind. Of two
 * figures for one period, the last changed counts. Null when no entity has a figure of the metric.
 */
export function buildTrend(entities: readonly TrendEntity[], metric: Metric, metricName: Bilingual = { zh: seedMetricName(metric, 'zh-CN'), en: seedMetricName(metric, 'en') }): Trend | null {
  const chosen = entities.slice(0, MAX_TREND_ENTITIES);
  const all = chosen.flatMap((e) => e.figures.filter((f) => f.metric === metric));
  if (all.length === 0) return null;
  const kind = chartPeriodKind(all)!;
  const newest = all.filter((f) => periodKind(f.period) === kind).reduce((a, b) => (b.period > a.period || (b.period === a.period && b.changedAt > a.changedAt) ? b : a));
  const unit = newest.unit;
  const usable = (f: Figure): boolean => periodKind(f.period) === kind && sameKindOfUnit(f.unit, unit);
  const lines = chosen.map((e) => {
    const byPeriod = new Map<string, Figure>();
    for (const f of e.figures) {
      if (f.metric !== metric || !usable(f)) continue;
      const had = byPeriod.get(f.period);
      if (!had || f.changedAt >= had.changedAt) byPeriod.set(f.period, { ...f, value: inUnit(f.value, f.unit, unit), unit });
    }
    const points = [...byPeriod.values()]
      .sort((a, b) => (a.period < b.period ? -1 : 1))
      .map((figure) => ({ period: figure.period, figure, change: yoyChange(figure, byPeriod.get(yearEarlier(figure.period))) }));
    return { name: e.name, points };
  });
  const periods = [...new Set(lines.flatMap((l) => l.points.map((p) => p.period)))].sort();
  return { metric, metricName, unit, periods, lines, leftOut: all.filter((f) => !usable(f)).length };
}

/** The chart's series: a value (with its qualifier) per period, a gap where an entity has none. */
export function trendSeries(trend: Trend): TrendSeries[] {
  return trend.lines.map((l) => ({
    name: l.name,
    points: trend.periods.map((period) => {
      const p = l.points.find((x) => x.period === period);
      return p ? { value: p.figure.value, qualifier: p.figure.qualifier } : null;
    }),
  }));
}

export function trendTitle(trend: Pick<Trend, 'metricName'>, lang: Lang): string {
  return MESSAGES[lang].trend.title.replace('{{metric}}', trend.metricName[lang === 'en' ? 'en' : 'zh']);
}

export function trendOption(trend: Trend, lang: Lang, style: ChartStyle = {}): EChartsOption {
  if (trend.periods.length === 1) return onePeriodOption(trend, lang, style);
  const option = trendChartOption(trend.periods, trendSeries(trend), trend.unit, lang === 'en' ? 'en' : 'zh', style);
  // Lines meeting at one value would print their labels on top of each other: the page shows one
  // (the description reads them all).
  const series = (Array.isArray(option.series) ? option.series : []).map((s) => ({ ...s, labelLayout: { hideOverlap: true } }));
  return { ...option, series, ...(style.dark ? { color: [...DARK_LINES] } : {}) };
}

/**
 * One period on record: a line of one point each would be a single column of dots, equal values
 * hiding each other (on the seeded data, five industries "over 1 trillion" in one dot). The values of
 * that period are compared instead, a labelled bar each, largest first (the 简报 does the same).
 */
function onePeriodOption(trend: Trend, lang: Lang, style: ChartStyle): EChartsOption {
  const rows = trend.lines
    .flatMap((l) => l.points.map((p) => ({ name: l.name, value: p.figure.value, qualifier: p.figure.qualifier, period: p.period })))
    .sort((a, b) => b.value - a.value);
  const option = compareChartOption(rows, trend.unit, lang === 'en' ? 'en' : 'zh', style);
  if (!style.dark) return option;
  const series = (Array.isArray(option.series) ? option.series : []).map((s) => ({ ...s, itemStyle: { color: DARK_LINES[0] } }));
  return { ...option, series };
}

/** A point as read aloud or listed: "2023 112.3亿元（同比 +12.3%（计算值））". */
export function pointText(p: TrendPoint, lang: Lang): string {
  const value = `${p.period} ${formatValue(p.figure.value, p.figure.unit, p.figure.qualifier, lang)}`;
  if (!p.change.ok) return value;
  return lang === 'en' ? `${value} (${formatYoy(p.change.yoy, lang)})` : `${value}（${formatYoy(p.change.yoy, lang)}）`;
}

/** What a screen reader hears: the title, then each entity with every point and its computed change. */
export function trendDescription(trend: Trend, lang: Lang): string {
  const sep = lang === 'en' ? ', ' : '，';
  const lines = trend.lines.map((l) => [lang === 'en' ? l.name.en : l.name.zh, l.points.map((p) => pointText(p, lang)).join(sep)] as const);
  return barsDescription(trendTitle(trend, lang), lines, lang);
}
