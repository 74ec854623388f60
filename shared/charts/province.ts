/**
 * The province-level growth chart: each group's added-value growth, year on year, as a bar
 * labelled with value, qualifier and unit. A pure function of the figures and the language.
 */
import type { EChartsOption } from 'echarts';
import type { Figure } from '../domain';
import type { Lang } from '../errors';
import { formatFigure } from '../format';
import { MESSAGES } from '../i18n';
import { CHART_COLORS, textStyle, type ChartStyle } from './style';

/** The growth figures the chart shows: percentages of added-value growth, newest period first. */
export function growthFigures(figures: readonly Figure[]): Figure[] {
  return figures.filter((f) => f.metric === 'added_value_growth' && f.unit === 'percent' && f.scope !== 'entity');
}

export function provinceChartOption(figures: readonly Figure[], lang: Lang, style: ChartStyle = {}): EChartsOption {
  const m = MESSAGES[lang];
  const rows = growthFigures(figures);
  const text = textStyle(style);
  return {
    animation: style.animation ?? true,
    textStyle: text,
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false, max: (v: { max: number }) => v.max * 1.15 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((f) => `${m.scope[f.scope]} (${f.period})`),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: CHART_COLORS.rule } },
      axisLabel: { ...text, width: lang === 'en' ? 200 : 150, overflow: 'break' },
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
