/**
 * The dashboard's chart definitions: pure functions from data to an ECharts option, no DOM. The
 * page renders them with echarts; the PDF briefing can render the same options server-side to SVG
 * (echarts.init(null, null, { renderer: 'svg', ssr: true })). Labels carry textBorderWidth: 0 so
 * svg-to-pdfkit does not draw them invisible (TECH-NOTES).
 */
import type { EChartsOption } from 'echarts';
import { CATEGORIES, TIERS, type Category, type Figure, type Tier } from '../domain';
import type { Lang } from '../errors';
import { formatFigure } from '../format';
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

/** Stacked bars: for each category, how many clusters sit in each output tier. */
export function tiersByCategoryOption(tiers: DashboardData['tiers'], lang: Lang): EChartsOption {
  const m = MESSAGES[lang];
  const count = (c: Category, t: Tier | null): number => tiers.find((r) => r.category === c && r.tier === t)?.count ?? 0;
  const keys: (Tier | null)[] = [...TIERS, null];
  return {
    ...base(m.dashboard.tiers),
    xAxis: { type: 'category', data: CATEGORIES.map((c) => m.category[c]), axisLabel: { interval: 0, width: 120, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1, name: m.dashboard.count },
    series: keys.map((t) => ({
      type: 'bar' as const,
      stack: 'tiers',
      name: t ? m.tier[t] : m.tier.none,
      data: CATEGORIES.map((c) => count(c, t)),
      label: { ...LABEL, formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : '') },
    })),
  };
}

/** Horizontal bars of the province-level percentages, each labelled as people read it (qualifier, unit). */
export function provinceFiguresOption(figures: Figure[], lang: Lang): EChartsOption {
  const m = MESSAGES[lang];
  const percent = figures.filter((f) => f.unit === 'percent');
  const name = (f: Figure): string => `${m.scope[f.scope]} · ${m.metric[f.metric]} · ${f.period}`;
  return {
    ...base(m.dashboard.province),
    legend: { show: false },
    grid: { left: 8, right: 72, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: percent.map(name), axisLabel: { width: 260, overflow: 'break' } },
    series: [
      {
        type: 'bar',
        name: m.dashboard.province,
        data: percent.map((f) => f.value),
        label: { ...LABEL, position: 'right', formatter: (p: { dataIndex: number }) => formatFigure(percent[p.dataIndex]!, lang) },
      },
    ],
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
