/**
 * The 简报's own charts: a trend (one metric of chosen entities across periods, a line each) and a
 * comparison (chosen entities on one metric, a bar each), every point labelled with its value,
 * qualifier and unit. Pure functions of the chart spec and the language; drawn as SVG in the PDF.
 */
import type { EChartsOption } from 'echarts';
import type { CompareRow, TrendSeries } from '../document';
import type { Bilingual, Unit } from '../domain';
import { formatValue, periodWords } from '../format';
import { CHART_COLORS, LEGEND_GAP, LEGEND_PITCH, VALUES_JOINED, ink, textStyle, type ChartStyle } from './style';

type Names = 'zh' | 'en' | 'both';
const LINE_COLORS = [CHART_COLORS.pillar, '#c00000', CHART_COLORS.emerging, '#b8860b', '#2e7d32'];

const nameOf = (n: { zh: string; en: string }, names: Names): string => (names === 'both' ? `${n.zh} ${n.en}` : n[names]);

/** A trend line's name as its legend entry shows it. */
export const trendName = (s: Pick<TrendSeries, 'name'>, names: Names): string => nameOf(s.name, names);

/** A value as it prints in the chart's language(s): "近3万亿元", "nearly 3 trillion yuan", both joined by " / ". */
/** unitLabel: a metric's own unit for values in 'metric_unit' (issue 12: 1250件 / 1,250 patents). */
export function chartValueLabel(value: number, unit: Unit, qualifier: CompareRow['qualifier'], names: Names, unitLabel: Bilingual | null = null): string {
  const zh = formatValue(value, unit, qualifier, 'zh-CN', unitLabel);
  const en = formatValue(value, unit, qualifier, 'en', unitLabel);
  return names === 'both' ? (zh === en ? zh : `${zh}${VALUES_JOINED}${en}`) : names === 'en' ? en : zh;
}

/** A period as the chart prints it (its key stays the stored period): "2024年一季度", "Q1 2024", both on two lines where they differ; a year as it is. */
export function periodLabel(period: string, names: Names): string {
  const [zh, en] = [periodWords(period, 'zh'), periodWords(period, 'en')];
  return names === 'both' ? (zh === en ? zh : `${zh}\n${en}`) : names === 'en' ? en : zh;
}

/** A row's lines: its tallest entry's (an entry wrapped into lines takes them all). */
const rowLines = (row: readonly string[], lines: Readonly<Record<string, string>>): number => Math.max(1, ...row.map((e) => (lines[e] ?? e).split('\n').length));
const legendHeight = (rows: readonly string[][], lines: Readonly<Record<string, string>>): number => rows.reduce((h, row) => h + rowLines(row, lines) * LEGEND_PITCH, 0);

/** Each packed row a legend of its own, below the rows before it; a wrapped entry shows its lines. */
function legendRowsAt(rows: readonly string[][], lines: Readonly<Record<string, string>>, text: ReturnType<typeof textStyle>): EChartsOption['legend'] {
  return rows.map((data, i) => ({
    top: legendHeight(rows.slice(0, i), lines),
    left: 0,
    itemGap: LEGEND_GAP,
    textStyle: rowLines(data, lines) > 1 ? { ...text, lineHeight: LEGEND_PITCH - 4 } : text,
    data,
    formatter: (name: string) => lines[name] ?? name,
  }));
}

export function trendChartOption(periods: readonly string[], series: readonly TrendSeries[], unit: Unit, names: Names, style: ChartStyle = {}): EChartsOption {
  const text = textStyle(style);
  return {
    animation: style.animation ?? true,
    textStyle: text,
    color: LINE_COLORS,
    legend: style.legendRows ? legendRowsAt(style.legendRows, style.legendLines ?? {}, text) : { top: 0, left: 0, textStyle: text, data: series.map((s) => trendName(s, names)) },
    grid: { left: 8, right: 24, top: Math.max(36, legendHeight(style.legendRows ?? [], style.legendLines ?? {}) + 28), bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...periods], axisLabel: { ...text, formatter: (p: string) => periodLabel(p, names) }, axisLine: { lineStyle: { color: ink(style).rule } } },
    // The axis's zero is "0", not "0元" beneath ticks in 亿元.
    yAxis: { type: 'value', axisLabel: { ...text, formatter: (v: number) => (v === 0 ? '0' : chartValueLabel(v, unit, 'exact', names === 'both' ? 'zh' : names)) }, splitLine: { lineStyle: { color: ink(style).rule } } },
    series: series.map((s) => ({
      type: 'line',
      name: nameOf(s.name, names),
      connectNulls: false,
      symbolSize: 6,
      // A lower bound ("超过", "at least") is drawn as a triangle pointing up: the true value lies above it
      // (2022 约9876亿元 → 2023 超过1000亿元 drew a collapse, every point alike).
      data: s.points.map((p) => (p ? (p.qualifier === 'over' || p.qualifier === 'at_least' ? { value: p.value, symbol: 'triangle', symbolSize: 10 } : p.value) : null)),
      label: {
        show: true,
        position: 'top',
        ...text,
        formatter: ({ dataIndex }: { dataIndex: number }) => {
          const p = s.points[dataIndex];
          return p ? chartValueLabel(p.value, unit, p.qualifier, names === 'both' ? 'zh' : names) : '';
        },
      },
    })),
  };
}

/** Horizontal bars, one per row, each labelled at its end with its value as it prints (text given per row). */
export function labelledBarsOption(rows: readonly { label: string; value: number; text: string }[], room: { right: number; labelWidth: number; wrap?: boolean }, style: ChartStyle = {}): EChartsOption {
  const text = textStyle(style);
  return {
    animation: style.animation ?? true,
    textStyle: text,
    // With a measured label width (the PDF), labels start at a fixed left edge and are not cut again.
    grid: { left: style.labelWidth !== undefined ? Math.ceil(style.labelWidth * 1.15) + 20 : 8, right: room.right, top: 8, bottom: 8, containLabel: style.labelWidth === undefined },
    xAxis: { type: 'value', show: false, min: (v: { min: number }) => Math.min(0, v.min), max: (v: { max: number }) => Math.max(0, v.max) * 1.15 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: ink(style).rule } },
      axisLabel: {
        ...text,
        width: style.labelWidth ?? room.labelWidth,
        // A few rows with room to spare (a compare of five) wrap a long name rather than cut it and its period off.
        overflow: style.labelWidth !== undefined ? ('none' as const) : room.wrap ? ('break' as const) : ('truncate' as const),
        lineHeight: text.fontSize + 2,
        ...(style.labelWidth !== undefined ? { align: 'left' as const, margin: Math.ceil(style.labelWidth * 1.15) + 12 } : {}),
      },
    },
    series: [
      {
        type: 'bar',
        barWidth: '55%',
        itemStyle: { color: CHART_COLORS.pillar },
        label: { show: true, position: 'right', ...text, formatter: ({ dataIndex }: { dataIndex: number }) => rows[dataIndex]?.text ?? '' },
        data: rows.map((r) => r.value),
      },
    ],
  };
}

/**
 * A compared row's label: its name and period, the period in the language's brackets and words ("新能源（2023）", "New energy (Q1 2024)";
 * bilingual: the Chinese name over "New energy (2023)", a period worded differently in Chinese also beside the Chinese name).
 */
export function compareLabel(r: Pick<CompareRow, 'name' | 'period'>, names: Names): string {
  const [zh, en] = [periodWords(r.period, 'zh'), periodWords(r.period, 'en')];
  return names === 'zh' ? `${r.name.zh}（${zh}）` : names === 'en' ? `${r.name.en} (${en})` : `${r.name.zh}${zh === en ? '' : `（${zh}）`}\n${r.name.en} (${en})`;
}

export function compareChartOption(rows: readonly CompareRow[], unit: Unit, names: Names, style: ChartStyle = {}, unitLabel: Bilingual | null = null): EChartsOption {
  const label = (r: CompareRow): string => compareLabel(r, names);
  // Room for the value labels: measured by the caller (the PDF), else an estimate.
  const right = style.valueWidth !== undefined ? style.valueWidth + 16 : names === 'both' ? 220 : 110;
  return labelledBarsOption(
    rows.map((r) => ({ label: label(r), value: r.value, text: chartValueLabel(r.value, unit, r.qualifier, names, unitLabel) })),
    { right, labelWidth: names === 'zh' ? 200 : 260, wrap: true },
    style,
  );
}
