/**
 * The dashboard's own chart (open annotations and figures without a source): a pure function from
 * data to an ECharts option, no DOM. The output-tier and province charts the dashboard shares with
 * the PDF briefing live in tiers.ts and province.ts. Labels carry textBorderWidth: 0 so
 * svg-to-pdfkit does not draw them invisible (TECH-NOTES).
 */
import type { EChartsOption } from 'echarts';
import { CATEGORIES, type Category } from '../domain';
import type { Lang } from '../errors';
import { MESSAGES } from '../i18n';
import type { DashboardData } from '../workbench';

const LABEL = { show: true, textBorderWidth: 0, fontSize: 11 } as const;
const PALETTE = ['#0b3d6b', '#2f6fad', '#5b9bd5', '#a5c8ec', '#c9ced6'];

function base(title: string): EChartsOption {
  return {
    aria: { enabled: true },
    color: PALETTE,
    title: { text: title, left: 0, textStyle: { fontSize: 14, fontWeight: 600 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 24, textStyle: { textBorderWidth: 0 } },
    grid: { left: 8, right: 24, top: 64, bottom: 8, containLabel: true },
    animation: false,
  };
}

/** For each category (and the province level), open annotations and figures without a source. */
export function attentionByCategoryOption(data: Pick<DashboardData, 'openAnnotations' | 'withoutSource'>, lang: Lang): EChartsOption {
  const m = MESSAGES[lang];
  const groups: (Category | null)[] = [...CATEGORIES, null];
  const count = (rows: DashboardData['openAnnotations'], c: Category | null): number => rows.find((r) => r.category === c)?.count ?? 0;
  return {
    ...base(`${m.dashboard.openAnnotations} / ${m.dashboard.withoutSource}`),
    xAxis: { type: 'category', data: groups.map((c) => (c ? m.category[c] : m.dashboard.provinceLevel)), axisLabel: { interval: 0, width: 110, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1, name: m.dashboard.count },
    series: [
      { type: 'bar', name: m.dashboard.totalOpen, data: groups.map((c) => count(data.openAnnotations, c)), label: { ...LABEL, position: 'top' } },
      { type: 'bar', name: m.dashboard.totalWithoutSource, data: groups.map((c) => count(data.withoutSource, c)), label: { ...LABEL, position: 'top' } },
    ],
  };
}
