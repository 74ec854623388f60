/**
 * The province-level chart: one bar per percentage figure (added-value growth, share of GDP, …),
 * labelled with value, qualifier and unit. A pure function of the figures and the language; the
 * app's dashboard draws it over all province-level percentages, the PDF over the growth figures.
 */
import { seedMetricName } from '../metrics';
import type { EChartsOption } from 'echarts';
import type { Figure } from '../domain';
import type { Lang } from '../errors';
import type { PercentRow } from '../document';
import { formatFigure } from '../format';
import { MESSAGES } from '../i18n';
import { chartValueLabel, labelledBarsOption } from './series';
import { CHART_COLORS, ink, textStyle, type ChartStyle } from './style';

/** The growth figures the chart shows: percentages of added-value growth, newest period first. */
export function growthFigures(figures: readonly Figure[]): Figure[] {
  // A city's figure is that city's part, not the group's (its bar was labelled as the group's).
  return figures.filter((f) => f.metric === 'added_value_growth' && f.unit === 'percent' && f.scope !== 'entity' && (f.cityCode ?? null) === null);
}

export function provinceChartOption(figures: readonly Figure[], lang: Lang, style: ChartStyle = {}): EChartsOption {
  const m = MESSAGES[lang];
  const rows = figures.filter((f) => f.unit === 'percent' && f.scope !== 'entity' && (f.cityCode ?? null) === null);
  const text = textStyle(style);
  // Name the metric too when the bars measure different things.
  const mixed = new Set(rows.map((f) => f.metric)).size > 1;
  const rowName = (f: Figure): string => (mixed ? `${m.scope[f.scope]} · ${seedMetricName(f.metric, lang)} (${f.period})` : `${m.scope[f.scope]} (${f.period})`);
  return {
    animation: style.animation ?? true,
    textStyle: text,
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false, max: (v: { max: number }) => v.max * 1.15 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map(rowName),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: ink(style).rule } },
      axisLabel: { ...text, width: mixed ? (lang === 'en' ? 260 : 200) : lang === 'en' ? 200 : 150, overflow: 'break' },
    },
    series: [
      {
        type: 'bar',
        barWidth: '55%',
        itemStyle: { color: CHART_COLORS.pillar },
        label: { show: true, position: 'right', ...text, formatter: ({ dataIndex }: { dataIndex: number }) => (rows[dataIndex] ? formatFigure(rows[dataIndex], lang) : '') },
        data: rows.map((f) => f.value),
      },
    ],
  };
}

/** Percentages with their labels in one or both languages (the PDF's bilingual growth chart). */
export function percentChartOption(rows: readonly PercentRow[], names: 'zh' | 'en' | 'both', style: ChartStyle = {}): EChartsOption {
  const label = (r: PercentRow): string => (names === 'both' ? `${r.label.zh}\n${r.label.en}` : r.label[names]);
  return labelledBarsOption(
    rows.map((r) => ({ label: label(r), value: r.value, text: chartValueLabel(r.value, 'percent', r.qualifier, names) })),
    { right: names === 'both' ? 120 : 72, labelWidth: names === 'zh' ? 220 : 300 },
    style,
  );
}
