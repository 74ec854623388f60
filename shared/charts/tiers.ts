/**
 * The output chart: one horizontal bar per cluster at its output value — its latest output figure
 * where the caller has one, else its tier's lower bound — coloured by category, each bar labelled
 * with value, qualifier and unit ("超过1万亿元", "近120亿元"). One unit system: the axis is in the
 * same words as the labels (1万亿元 / 1 trillion yuan), on a linear scale from zero.
 * A pure function of the rows and the language: the app's dashboard and the PDF briefing draw this
 * same definition (in the page with echarts, in the PDF as server-side SVG).
 */
import type { EChartsOption } from 'echarts';
import { TIER_LOWER_BOUND_100M_YUAN, TIERS, type EntitySummary } from '../domain';
import type { OutputRow } from '../document';
import type { Lang } from '../errors';
import { formatAmount, formatValue } from '../format';
import { BRIEFING_WORDS } from '../briefing-words';
import { MESSAGES } from '../i18n';
import { LEGEND_PITCH, VALUES_JOINED, barColor, ink, textStyle, type ChartStyle } from './style';

/** The clusters with a tier, biggest tier first, then in their usual order. */
export function tieredEntities<E extends EntitySummary>(entities: readonly E[]): E[] {
  return entities
    .filter((e) => e.tier !== null)
    .sort((a, b) => TIERS.indexOf(a.tier!) - TIERS.indexOf(b.tier!) || a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
}

/** Which names label the bars: one language, or (bilingual briefings) the Chinese name over the English one. */
export type ChartNames = 'zh' | 'en' | 'both';

/** Rows at each cluster's tier lower bound (the dashboard, which has no figures at hand). */
export function tierRows(entities: readonly EntitySummary[]): OutputRow[] {
  return tieredEntities(entities).map((e) => ({ name: e.name, category: e.category, value: TIER_LOWER_BOUND_100M_YUAN[e.tier!], qualifier: 'over' as const, fromTier: true }));
}

export function tierChartOption(entities: readonly EntitySummary[], lang: Lang, style: ChartStyle = {}, names: ChartNames = lang === 'en' ? 'en' : 'zh'): EChartsOption {
  return outputChartOption(tierRows(entities), names, style);
}

const zhOrEn = (names: ChartNames): Lang => (names === 'en' ? 'en' : 'zh-CN');

/** A bar's words: "超过1万亿元", or in both languages "超过1万亿元 / over 1 trillion yuan". */
export function outputValueLabel(row: Pick<OutputRow, 'value' | 'qualifier'>, names: ChartNames): string {
  const zh = formatValue(row.value, '100m_yuan', row.qualifier, 'zh-CN');
  const en = formatValue(row.value, '100m_yuan', row.qualifier, 'en');
  return names === 'both' ? `${zh}${VALUES_JOINED}${en}` : names === 'en' ? en : zh;
}

/**
 * How many rows the output chart's legend takes: one entry per category drawn, side by side (in both
 * languages one a line). A chart of one category names it too, so the room above the plot is the same
 * whatever was chosen: its legend was drawn at the top with none kept for it, over the first name.
 */
export function outputLegendRows(categories: number, names: ChartNames): number {
  return names === 'both' ? categories : Math.min(1, categories);
}

/** The room above the output chart's bars, in px of its drawing: its legend's rows (outputLegendRows). */
export function outputChartTop(categories: number, names: ChartNames): number {
  const rows = outputLegendRows(categories, names);
  return rows > 0 ? rows * LEGEND_PITCH + 10 : names === 'both' ? 30 : 8;
}

/** The room below the bars, in px of its drawing: the axis, its ticks (two lines in both languages) and its name. */
export function outputChartBottom(names: ChartNames): number {
  return names === 'both' ? 48 : 34;
}

/** The height, in px of the drawing, a bar's name takes: one line, or (both languages) the Chinese over the smaller English. */
export function outputLabelHeight(names: ChartNames, fontSize: number): number {
  return names === 'both' ? fontSize + 1 + (fontSize - 1) : fontSize + 1;
}

export function outputChartOption(input: readonly OutputRow[], names: ChartNames, style: ChartStyle = {}): EChartsOption {
  const lang = zhOrEn(names);
  const rows = [...input].reverse(); // ECharts draws the first category at the bottom
  const text = textStyle(style);
  const colors = ink(style);
  // Rich-text markup must not meet a brace or bar in a name.
  const plain = (v: string): string => v.replace(/[{}|]/g, (ch) => ({ '{': '｛', '}': '｝', '|': '｜' })[ch]!).replace(/\n/g, ' ');
  const label = (r: OutputRow): string => (names === 'both' ? `${plain(r.name.zh)}\n${plain(r.name.en)}` : names === 'en' ? r.name.en : r.name.zh);
  const categoryName = (c: OutputRow['category']): string => (names === 'both' ? `${MESSAGES['zh-CN'].category[c]} ${MESSAGES.en.category[c]}` : MESSAGES[lang].category[c]);
  const categories = (['pillar', 'emerging', 'future'] as const).filter((c) => rows.some((r) => r.category === c));
  const axisName = names === 'both' ? `${BRIEFING_WORDS.zh.outputChartAxis} ${BRIEFING_WORDS.en.outputChartAxis}` : BRIEFING_WORDS[names].outputChartAxis;
  // In both languages a tick reads in both, one a line ("5000亿元" over "500 billion yuan"): an English reader had the Chinese alone.
  const axisAmount = (v: number): string => (names === 'both' ? `${formatAmount(v, '100m_yuan', 'zh-CN')}\n${formatAmount(v, '100m_yuan', 'en')}` : formatAmount(v, '100m_yuan', lang));
  return {
    animation: style.animation ?? true,
    textStyle: text,
    grid: {
      left: style.labelWidth !== undefined ? Math.ceil(style.labelWidth * 1.15) + 20 : 8,
      right: style.valueWidth !== undefined ? style.valueWidth + 12 : names === 'zh' ? 96 : names === 'en' ? 150 : 230,
      top: outputChartTop(categories.length, names),
      bottom: outputChartBottom(names),
      containLabel: style.labelWidth === undefined,
    },
    // Side by side; in both languages one a line, since two bilingual names do not fit on one.
    legend: { top: 0, left: 0, itemWidth: 10, itemHeight: 10, ...(names === 'both' ? { orient: 'vertical', itemGap: LEGEND_PITCH - 14 } : { itemGap: 24 }), textStyle: text },
    xAxis: {
      type: 'value',
      min: 0,
      ...(style.axisMax !== undefined ? { max: style.axisMax } : {}),
      name: axisName,
      nameLocation: 'middle',
      nameGap: names === 'both' ? 38 : 24,
      nameTextStyle: { ...text, color: colors.muted },
      splitNumber: names === 'zh' ? 4 : 2,
      axisLabel: { ...text, color: colors.muted, hideOverlap: true, formatter: (v: number) => (v === 0 ? '0' : axisAmount(v)) },
      // No grid lines: every bar carries its value, and the lines ran through the labels of the short bars.
      splitLine: { show: false },
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
        width: style.labelWidth ?? (names === 'zh' ? 150 : names === 'en' ? 260 : 240),
        // Measured labels come already cut to fit (the chart's own estimate knows no font). Unmeasured (the
        // dashboard), a name wider than its room turns onto a second line between words, never cut short:
        // "New-generation electronics and information te…" named no cluster a reader could look up.
        overflow: style.labelWidth !== undefined ? ('none' as const) : ('break' as const),
        // Measured labels start at a fixed left edge: if the drawing's fonts run wider than measured, a
        // label runs toward its bar, never off the page.
        ...(style.labelWidth !== undefined ? { align: 'left' as const, margin: Math.ceil(style.labelWidth * 1.15) + 12 } : {}),
        fontSize: names === 'zh' ? text.fontSize : text.fontSize - 1,
        lineHeight: text.fontSize + 1,
        // Bilingual: the Chinese name, and the English one beneath it in smaller, quieter type.
        ...(names === 'both'
          ? {
              formatter: (v: string) => {
                const [zh = '', en = ''] = v.split('\n');
                return `{zh|${zh}}\n{en|${en}}`;
              },
              rich: {
                zh: { fontSize: text.fontSize, lineHeight: text.fontSize + 1, fontFamily: text.fontFamily, color: colors.text, align: style.labelWidth !== undefined ? ('left' as const) : ('right' as const) },
                en: { fontSize: text.fontSize - 2.5, lineHeight: text.fontSize - 1, fontFamily: text.fontFamily, color: colors.muted, align: style.labelWidth !== undefined ? ('left' as const) : ('right' as const) },
              },
            }
          : {}),
      },
    },
    series: categories.map((category) => ({
      type: 'bar' as const,
      name: categoryName(category),
      // One slot per cluster: the series overlap in it, and a cluster has a value in one only.
      barGap: '-100%',
      barWidth: '62%',
      itemStyle: { color: barColor(category, style) },
      label: {
        show: true,
        position: 'right' as const,
        ...text,
        fontSize: names === 'both' ? text.fontSize - 1 : text.fontSize,
        formatter: ({ dataIndex }: { dataIndex: number }) => {
          const r = rows[dataIndex];
          return r && r.category === category ? outputValueLabel(r, names) : '';
        },
      },
      data: rows.map((r) => (r.category === category ? r.value : null)),
    })),
  };
}
