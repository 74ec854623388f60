import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { attentionByCategoryOption } from '../../shared/charts/dashboard';
import { provinceChartOption } from '../../shared/charts/province';
import { tierChartOption } from '../../shared/charts/tiers';
import { compareChartOption, compareLabel } from '../../shared/charts/series';
import { listEntities } from '../../electron/services/db/read';
import { dashboardData } from '../../electron/services/workbench/dashboard';
import { openTemp } from '../helpers/files';

/** Renders an option the way the PDF briefing will: server-side SVG, no DOM. */
function svg(option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 320 });
  chart.setOption(option);
  const out = chart.renderToSVGString();
  chart.dispose();
  return out;
}

describe('dashboard chart definitions', () => {
  const { db } = openTemp();
  const data = dashboardData(db);

  const entities = listEntities(db);

  it('draw every tiered cluster at its tier, by category, with the same definition the PDF uses', () => {
    const option = tierChartOption(entities, 'zh-CN') as { series: { name: string; data: (number | null)[] }[]; yAxis: { data: string[] } };
    expect(option.yAxis.data).toHaveLength(20);
    const bars = Object.fromEntries(option.series.map((s) => [s.name, s.data.filter((v) => v !== null)]));
    expect(bars['战略性支柱产业集群']!.filter((v) => v === 10000)).toHaveLength(8);
    expect(bars['战略性新兴产业集群']!.filter((v) => v === 100)).toHaveLength(2);
  });

  it('follow the dark theme with light text, and keep dark text for paper', () => {
    const light = tierChartOption(entities, 'en') as { textStyle: { color: string } };
    const dark = tierChartOption(entities, 'en', { dark: true }) as { textStyle: { color: string } };
    expect(light.textStyle.color).toBe('#1f2328');
    expect(dark.textStyle.color).toMatch(/^rgba\(255, 255, 255/);
  });

  it('render to SVG without a DOM, in Chinese and English, with labels that keep no white stroke', () => {
    const zh = svg(tierChartOption(entities, 'zh-CN', { animation: false }));
    expect(zh).toContain('战略性支柱产业集群');
    expect(zh).toContain('超过1万亿元');
    const province = svg(provinceChartOption(data.province, 'en', { animation: false }));
    expect(province).toContain('5.2%');
    expect(province).toContain('40%');
    expect(province).toContain('Added value growth, year on year');
    const attention = attentionByCategoryOption(data, 'en') as { series: { label: { textBorderWidth: number } }[] };
    for (const s of attention.series) expect(s.label.textBorderWidth).toBe(0);
    expect(svg(attentionByCategoryOption(data, 'en', { animation: false }))).toContain('Open annotations');
  });
});

describe('a comparison of cities on an analyst’s own metric', () => {
  it('labels each bar with the metric’s own unit, in either language', () => {
    const rows = [
      { name: { zh: '深圳市', en: 'Shenzhen' }, value: 1250, qualifier: 'exact' as const, period: '2024' },
      { name: { zh: '广州市', en: 'Guangzhou' }, value: 980, qualifier: 'about' as const, period: '2024' },
    ];
    const labels = (names: 'zh' | 'en'): string[] => {
      const option = compareChartOption(rows, 'metric_unit', names, {}, { zh: '件', en: 'patents' }) as { series: { label: { formatter: (p: { dataIndex: number }) => string } }[] };
      return rows.map((_, dataIndex) => option.series[0]!.label.formatter({ dataIndex }));
    };
    expect(labels('zh')).toEqual(['1250件', '约980件']);
    expect(labels('en')).toEqual(['1,250 patents', 'about 980 patents']);
  });
});

describe('the dashboard’s compare of up to five industries', () => {
  it('prints each name and its period whole, wrapped, never cut with "…" (the pillar 先进材料 named with its category lost its period)', () => {
    const names = [
      { zh: '新一代电子信息', en: 'New-generation electronics and information technology' },
      { zh: '先进材料（战略性支柱产业集群）', en: 'Advanced materials (Strategic pillar industry clusters)' },
      { zh: '安全应急与环保', en: 'Safety, emergency response and environmental protection' },
    ];
    const rows = names.map((name, i) => ({ name, value: 100 * (i + 1), qualifier: 'over' as const, period: '2023' }));
    for (const lang of ['zh', 'en'] as const) {
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1200, height: 340 });
      chart.setOption(compareChartOption(rows, '100m_yuan', lang, { animation: false }));
      const drawn = [...chart.renderToSVGString().matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).join('');
      chart.dispose();
      expect(drawn, lang).not.toContain('…');
      for (const r of rows) expect(drawn.replace(/\s/g, ''), lang).toContain(compareLabel(r, lang).replace(/&/g, '&amp;').replace(/\s/g, ''));
    }
  });
});
