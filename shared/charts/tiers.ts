/**
 * The output-tier chart: one horizontal bar per cluster at its tier's lower bound (log scale),
 * coloured by category, each bar labelled with its value, qualifier and unit ("超过1万亿元").
 * A pure function of the data and the language: the app's dashboard and the PDF briefing draw
 * this same definition (in the page with echarts, in the PDF as server-side SVG).
 */
import type { EChartsOption } from 'echarts';
import { TIER_LOWER_BOUND_100M_YUAN, TIERS, type EntitySummary } from '../domain';
import type { Lang } from '../errors';
import { formatValue } from '../format';
import { MESSAGES } from '../i18n';
import { barColor, ink, textStyle, type ChartStyle } from './style';

/** The clusters with a tier, biggest tier first, then in their usual order. */
export function tieredEntities<E extends EntitySummary>(entities: readonly E[]): E[] {
  return entities
    .filter((e) => e.tier !== null)
    .sort((a, b) => TIERS.indexOf(a.tier!) - TIERS.indexOf(b.tier!) || a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
}

/** Which names label the bars: one language, or (bilingual briefings) the Chinese name over the English one. */
export type ChartNames = 'zh' | 'en' | 'both';

export function tierChartOption(entities: readonly EntitySummary[], lang: Lang, style: ChartStyle = {}, names: ChartNames = lang === 'en' ? 'en' : 'zh'): EChartsOption {
  const m = MESSAGES[lang];
  const rows = tieredEntities(entities).reverse(); // ECharts draws the first category at the bottom
  const text = textStyle(style);
  const colors = ink(style);
  const label = (e: EntitySummary): string => (names === 'both' ? `${e.name.zh}\n${e.name.en}` : names === 'en' ? e.name.en : e.name.zh);
  const categories = (['pillar', 'emerging'] as const).filter((c) => rows.some((e) => e.category === c));
  return {
    animation: style.animation ?? true,
    textStyle: text,
    grid: { left: 8, right: lang === 'en' ? 128 : 96, top: 28, bottom: 34, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 10, itemHeight: 10, itemGap: 36, textStyle: text },
    xAxis: {
      type: 'log',
      logBase: 10,
      min: 10,
      max: 100000,
      name: m.briefing.tierChartAxis,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { ...text, color: colors.muted },
      axisLabel: { ...text, color: colors.muted, formatter: (v: number) => new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN').format(v) },
      splitLine: { lineStyle: { color: colors.rule, width: 0.5 } },
    },
    yAxis: {
      type: 'category',
      data: rows.map(label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: colors.rule } },
      // interval 0: every cluster's name is drawn, none is skipped to avoid overlap.
      axisLabel: {
        ...text,
        interval: 0,
        width: names === 'zh' ? 130 : names === 'en' ? 300 : 280,
        overflow: 'break',
        fontSize: names === 'zh' ? text.fontSize : text.fontSize - 1,
        lineHeight: names === 'both' ? text.fontSize : text.fontSize + 1,
      },
    },
    series: categories.map((category) => ({
      type: 'bar' as const,
      name: m.category[category],
      // One slot per cluster: the two series overlap in it, and a cluster has a value in one only.
      barGap: '-100%',
      barWidth: '62%',
      itemStyle: { color: barColor(category, style) },
      label: {
        show: true,
        position: 'right' as const,
        ...text,
        formatter: ({ value }: { value?: unknown }) => (typeof value === 'number' && value > 0 ? formatValue(value, '100m_yuan', 'over', lang) : ''),
      },
      data: rows.map((e) => (e.category === category && e.tier ? TIER_LOWER_BOUND_100M_YUAN[e.tier] : null)),
    })),
  };
}
