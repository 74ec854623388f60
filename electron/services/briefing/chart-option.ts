/**
 * A chart of the document model as an ECharts option, the same for the PDF (as SVG) and Word (the
 * SVG as PNG): the shared builders (shared/charts/) given names cut to the label column and label
 * widths measured with the embedded fonts, so the chart never has to guess a font's widths.
 */
import type { EChartsOption } from 'echarts';
import { percentChartOption } from '../../../shared/charts/province';
import { chartValueLabel, compareChartOption, compareLabel, trendChartOption, trendName } from '../../../shared/charts/series';
import { outputChartOption, outputValueLabel } from '../../../shared/charts/tiers';
import { LEGEND_GAP } from '../../../shared/charts/style';
import type { ChartSpec, OutputRow } from '../../../shared/document';
import { periodWords } from '../../../shared/format';
import { PRIMARY_FONT } from './fonts';
import { cleanForPrint, unjoinedEmoji } from './glyphs';
import { fitDistinct, measureText, wrapText } from './measure';

export type ChartNames = 'zh' | 'en' | 'both';

/**
 * Names cut to the width the chart gives its labels (the chart draws them as they come: it cannot
 * measure our fonts). Names that would cut alike keep what tells them apart (fitDistinct): two
 * industries "粤港澳大湾区…（广州片区）" and "…（深圳片区）" both printed "粤港澳大湾区新一代信息技…".
 */
export function fitNames(rows: readonly OutputRow[], names: ChartNames, fontSize: number): OutputRow[] {
  const width = OUTPUT_LABEL_WIDTH[names];
  const zhSize = names === 'en' ? fontSize - 1 : fontSize;
  const enSize = names === 'both' ? fontSize - 2.5 : fontSize - 1;
  const fit = (values: string[], size: number): string[] => fitDistinct(values.map((v) => unjoinedEmoji(cleanForPrint(v)).replace(/\n/g, ' ')), size, width);
  const zh = fit(rows.map((r) => r.name.zh), zhSize);
  const en = fit(rows.map((r) => r.name.en), enSize);
  return rows.map((r, i) => ({ ...r, name: { zh: zh[i]!, en: en[i]! } }));
}

/** The width, in px, an output chart's names are cut to. */
export const OUTPUT_LABEL_WIDTH: Readonly<Record<ChartNames, number>> = { zh: 148, en: 320, both: 236 };

/** ECharts' legend entry: its symbol (25 px), the space before the text (5), and the gap to the next entry. */
const LEGEND_ENTRY = { symbol: 25, space: 5, gap: LEGEND_GAP } as const;

/**
 * Legend entries packed into rows no wider than most of the chart (`width`, in px), measured with the
 * font that draws them: ECharts wraps a legend by its own estimate and keeps room above the plot for
 * one row, so a bilingual legend of several lines ran over the plot.
 */
export function legendRows(entries: readonly string[], fontSize: number, width: number): string[][] {
  const room = width * 0.9;
  const rows: string[][] = [];
  let used = Infinity;
  for (const entry of entries) {
    // An entry wider than the room is a row of its own, its text wrapped (legendLines): it was cut at the chart's edge.
    const size = LEGEND_ENTRY.symbol + LEGEND_ENTRY.space + Math.min(measureText(entry, fontSize, false), legendTextRoom(width));
    if (used + LEGEND_ENTRY.gap + size > room) {
      rows.push([entry]);
      used = size;
    } else {
      rows.at(-1)!.push(entry);
      used += LEGEND_ENTRY.gap + size;
    }
  }
  return rows;
}

/** The width a legend entry's text may take before it wraps. */
const legendTextRoom = (width: number): number => width * 0.9 - LEGEND_ENTRY.symbol - LEGEND_ENTRY.space;

/**
 * Legend entries too long for one line of the chart, wrapped into lines (name → its text with line
 * breaks): "…and advanced manufactu" was cut at the chart's edge in a trend of long names.
 */
export function legendLines(entries: readonly string[], fontSize: number, width: number): Record<string, string> {
  const room = legendTextRoom(width);
  return Object.fromEntries(entries.filter((e) => measureText(e, fontSize, false) > room).map((e) => [e, wrapText(e, fontSize, room).join('\n')]));
}

/** `width`: the chart's width in px, for what is laid out to fit it (the legend's rows). */
export function chartOptionFor(spec: ChartSpec, names: ChartNames, fontSize = 11, width = 575): EChartsOption {
  const style = { fontFamily: PRIMARY_FONT, fontSize, animation: false };
  if (spec.kind === 'percent') return percentChartOption(spec.rows, names, style);
  if (spec.kind === 'trend') {
    const entries = spec.series.map((s) => trendName(s, names));
    return trendChartOption(spec.periods, spec.series, spec.unit, names, { ...style, legendRows: legendRows(entries, fontSize, width), legendLines: legendLines(entries, fontSize, width) });
  }
  if (spec.kind === 'compare') {
    const valueWidth = Math.ceil(Math.max(0, ...spec.rows.map((r) => measureText(chartValueLabel(r.value, spec.unit, r.qualifier, names), fontSize, false))));
    // Names cut by our own measure (each line of a bilingual label), so the chart need not guess.
    const width = names === 'zh' ? 200 : 240;
    const fit = (values: string[]): string[] => fitDistinct(values.map((v) => unjoinedEmoji(cleanForPrint(v)).replace(/\n/g, ' ')), fontSize, width);
    const [zh, en] = [fit(spec.rows.map((r) => r.name.zh)), fit(spec.rows.map((r) => r.name.en))];
    const rows = spec.rows.map((r, i) => ({ ...r, name: { zh: zh[i]!, en: en[i]! } }));
    const lines = rows.flatMap((r) => compareLabel(r, names).split('\n'));
    const labelWidth = Math.ceil(Math.max(0, ...lines.map((l) => measureText(l, fontSize, false))));
    return compareChartOption(rows, spec.unit, names, { ...style, valueWidth, labelWidth });
  }
  const rows = fitNames(spec.rows, names, fontSize);
  const zhSize = names === 'en' ? fontSize - 1 : fontSize;
  const enSize = names === 'both' ? fontSize - 2.5 : fontSize - 1;
  const labelWidth = Math.ceil(Math.max(0, ...rows.map((r) => Math.max(names === 'en' ? 0 : measureText(r.name.zh, zhSize, false), names === 'zh' ? 0 : measureText(r.name.en, enSize, false)))));
  const valueWidth = Math.ceil(Math.max(0, ...rows.map((r) => measureText(outputValueLabel(r, names), names === 'both' ? fontSize - 1 : fontSize, false))));
  return outputChartOption(rows, names, { ...style, labelWidth, valueWidth, ...(spec.max !== undefined ? { axisMax: spec.max } : {}) });
}

/** A chart's numbers as a reader checks them: each bar or point's name (one line per language) and its value with qualifier and unit. */
export function chartNumbers(spec: ChartSpec, names: ChartNames): { name: string[]; value: string }[] {
  const label = (l: { zh: string; en: string }): string[] => (names === 'both' ? [l.zh, l.en] : [l[names]]);
  // The period is on the first line: in the language of the first name.
  const period = (p: string | undefined): string => (p === undefined ? '' : periodWords(p, names === 'en' ? 'en' : 'zh'));
  switch (spec.kind) {
    case 'output':
      return spec.rows.map((r) => ({ name: label(r.name), value: outputValueLabel(r, names) }));
    case 'percent':
      return spec.rows.map((r) => ({ name: label(r.label), value: chartValueLabel(r.value, 'percent', r.qualifier, names) }));
    case 'compare':
      return spec.rows.map((r) => ({ name: [...label(r.name).map((n, i) => (i === 0 ? `${n} (${period(r.period)})` : n))], value: chartValueLabel(r.value, spec.unit, r.qualifier, names) }));
    case 'trend':
      return spec.series.flatMap((s) =>
        s.points.flatMap((p, i) => (p ? [{ name: label(s.name).map((n, k) => (k === 0 ? `${n} · ${period(spec.periods[i])}` : n)), value: chartValueLabel(p.value, spec.unit, p.qualifier, names) }] : [])),
      );
  }
}
