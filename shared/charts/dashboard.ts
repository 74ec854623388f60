/**
 * The dashboard's own charts: pure functions from data to an ECharts option, no DOM. The
 * output-tier chart the dashboard shares with the PDF briefing lives in tiers.ts.
 *
 * - Province-level percentages, one chart per metric: a growth rate (a few per cent) and a share of
 *   GDP (out of 100) never share one value axis.
 * - Open annotations and figures without a source, by category (drawn only when there are some).
 * - For each chart, a description a screen reader reads: the title and every value with its
 *   qualifier and unit (ECharts' own aria label reads data positions, not values).
 *
 * Labels carry textBorderWidth: 0 so svg-to-pdfkit does not draw them invisible (TECH-NOTES), and
 * category labels are never cut by width: English wraps between words, Chinese stays whole.
 */
import { seedMetricName } from '../metrics';
import type { EChartsOption } from 'echarts';
import { CATEGORIES, type Category, type EntitySummary, type Figure, type Metric } from '../domain';
import type { Lang } from '../errors';
import { formatFigure, formatValue } from '../format';
import { MESSAGES } from '../i18n';
import { barColor, ink, textStyle, type ChartStyle } from './style';
import { tieredEntities } from './tiers';

/** The province-level percentages of one metric, in their stored order. */
export function provincePercentages(figures: readonly Figure[], metric: Metric): Figure[] {
  return figures.filter((f) => f.metric === metric && f.unit === 'percent' && f.scope !== 'entity');
}

/** Breaks a label onto lines of about `max` characters, only where there is a space. */
export function wrapWords(text: string, max: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** A round upper end for a value axis: 12 for 9.2, 100 for a share. */
function axisMax(values: number[], metric: Metric): number {
  if (metric === 'gdp_share') return 100;
  const top = Math.max(1, ...values.map((v) => Math.abs(v))) * 1.25;
  const step = top <= 10 ? 2 : top <= 50 ? 5 : 10;
  return Math.ceil(top / step) * step;
}

/** The title of the chart of one province-level metric: "增加值同比增长（2023）". */
export function provinceMetricTitle(rows: readonly Figure[], metric: Metric, lang: Lang): string {
  const periods = [...new Set(rows.map((f) => f.period))].join(lang === 'en' ? ', ' : '、');
  const name = seedMetricName(metric, lang);
  return periods ? `${name}${lang === 'en' ? ` (${periods})` : `（${periods}）`}` : name;
}

/** One horizontal bar per province-level figure of `metric`, on a percentage axis of its own. */
export function provinceMetricOption(figures: readonly Figure[], metric: Metric, lang: Lang, style: ChartStyle = {}): EChartsOption {
  const m = MESSAGES[lang];
  const rows = provincePercentages(figures, metric);
  const text = textStyle(style);
  const colors = ink(style);
  // A fall is drawn to the left of zero (the axis began at 0: a −1.5% growth drew no bar at all).
  const falls = rows.filter((f) => f.value < 0).map((f) => -f.value);
  // Rows of several periods are told apart by their period ("全省（2022）"): two read "全省" alike.
  const periods = new Set(rows.map((f) => f.period)).size > 1;
  const rowName = (f: Figure): string => (periods ? (lang === 'en' ? `${m.scope[f.scope]} (${f.period})` : `${m.scope[f.scope]}（${f.period}）`) : m.scope[f.scope]);
  return {
    animation: style.animation ?? true,
    textStyle: text,
    aria: { enabled: true, label: { description: barsDescription(provinceMetricTitle(rows, metric, lang), rows.map((f) => [rowName(f), formatFigure(f, lang)]), lang) } },
    grid: { left: 8, right: 72, top: 8, bottom: 28, containLabel: true },
    xAxis: {
      type: 'value',
      min: falls.length > 0 ? -axisMax(falls, 'added_value_growth') : 0,
      max: axisMax(
        rows.map((f) => f.value),
        metric,
      ),
      axisLabel: { ...text, color: colors.muted, formatter: '{value}%' },
      splitLine: { lineStyle: { color: colors.rule, width: 0.5 } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((f) => (lang === 'en' ? wrapWords(rowName(f), 24) : rowName(f))),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: colors.rule } },
      // No width: a label is drawn whole (its line breaks, if any, are the ones put in above).
      axisLabel: { ...text, interval: 0, overflow: 'none', lineHeight: text.fontSize + 4 },
    },
    series: [
      {
        type: 'bar',
        barWidth: '55%',
        itemStyle: { color: barColor('pillar', style) },
        label: { show: true, position: 'right', ...text, formatter: ({ dataIndex }: { dataIndex: number }) => (rows[dataIndex] ? formatFigure(rows[dataIndex], lang) : '') },
        data: rows.map((f) => f.value),
      },
    ],
  };
}

/** What a screen reader hears for a chart: its title, then each bar's name and value. */
export function barsDescription(title: string, bars: readonly (readonly [string, string])[], lang: Lang): string {
  const [colon, sep, end] = lang === 'en' ? [': ', '; ', '.'] : ['：', '；', '。'];
  const prefix = MESSAGES[lang].dashboard.chartLabel.replace('{{title}}', title);
  return bars.length === 0 ? `${prefix}${end}` : `${prefix}${colon}${bars.map(([name, value]) => `${name} ${value}`).join(sep)}${end}`;
}

/** The output-tier chart's description: every cluster with its tier ("新一代电子信息 超过1万亿元"). */
export function tierChartDescription(entities: readonly EntitySummary[], lang: Lang): string {
  const m = MESSAGES[lang];
  const bars = tieredEntities(entities).map((e) => [lang === 'en' ? e.name.en : e.name.zh, e.tier ? m.tier[e.tier] : ''] as const);
  return barsDescription(m.dashboard.tiers, bars, lang);
}

type Counts = { category: Category | null; count: number }[];

/** For each category (and the province level), open annotations and figures without a source. */
export function attentionByCategoryOption(data: { openAnnotations: Counts; withoutSource: Counts }, lang: Lang, style: ChartStyle = {}): EChartsOption {
  const m = MESSAGES[lang];
  const groups: (Category | null)[] = [...CATEGORIES, null];
  const names = groups.map((c) => (c ? m.category[c] : m.dashboard.provinceLevel));
  const count = (rows: Counts, c: Category | null): number => rows.find((r) => r.category === c)?.count ?? 0;
  const text = textStyle(style);
  const label = { show: true, position: 'top' as const, ...text };
  const series = [
    { name: m.dashboard.totalOpen, values: groups.map((c) => count(data.openAnnotations, c)) },
    { name: m.dashboard.totalWithoutSource, values: groups.map((c) => count(data.withoutSource, c)) },
  ];
  const bars = series.flatMap((s) => names.map((n, i) => [`${s.name} · ${n}`, formatValue(s.values[i] ?? 0, 'count', 'exact', lang)] as const));
  return {
    animation: style.animation ?? true,
    textStyle: text,
    aria: { enabled: true, label: { description: barsDescription(`${m.dashboard.openAnnotations} / ${m.dashboard.withoutSource}`, bars, lang) } },
    legend: { top: 0, textStyle: text },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names.map((n) => (lang === 'en' ? wrapWords(n, 18) : n)), axisLabel: { ...text, interval: 0, overflow: 'none', lineHeight: text.fontSize + 4 } },
    yAxis: { type: 'value', minInterval: 1, name: m.dashboard.count, nameTextStyle: { ...text, color: ink(style).muted }, axisLabel: { ...text, color: ink(style).muted } },
    series: series.map((s, i) => ({ type: 'bar' as const, name: s.name, data: s.values, label, itemStyle: { color: barColor(i === 0 ? 'pillar' : 'emerging', style) } })),
  };
}
