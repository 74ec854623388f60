import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { attentionByCategoryOption, provinceFiguresOption, tiersByCategoryOption } from '../../shared/charts/dashboard';
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

  it('count the tiers of the seeded clusters by category', () => {
    const option = tiersByCategoryOption(data.tiers, 'zh-CN') as { series: { name: string; data: number[] }[] };
    const byTier = Object.fromEntries(option.series.map((s) => [s.name, s.data]));
    expect(byTier['产值超万亿元']).toEqual([8, 0, 0]);
    expect(byTier['产值超百亿元']).toEqual([0, 2, 0]);
    expect(byTier['未分档']).toEqual([0, 0, 7]);
  });

  it('render to SVG without a DOM, in Chinese and English, with labels that keep no white stroke', () => {
    const zh = svg(tiersByCategoryOption(data.tiers, 'zh-CN'));
    expect(zh).toContain('战略性支柱产业集群');
    expect(zh).toContain('产值超万亿元');
    const province = svg(provinceFiguresOption(data.province, 'en'));
    expect(province).toContain('5.2%');
    expect(province).toContain('Added value growth, year on year');
    const attention = attentionByCategoryOption(data, 'en') as { series: { label: { textBorderWidth: number } }[] };
    for (const s of attention.series) expect(s.label.textBorderWidth).toBe(0);
    expect(svg(attentionByCategoryOption(data, 'en'))).toContain('Open annotations');
  });
});
