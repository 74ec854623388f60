/**
 * The dashboard's charts as an analyst reads them (issue 13): real province figures, a growth rate
 * and a GDP share each on its own axis, descriptions that read values, bars visible on the dark
 * card, and labels never cut inside a word. Rendered to SVG the way ECharts draws them.
 */
import * as echarts from 'echarts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attentionByCategoryOption, provinceMetricOption, tierChartDescription, wrapWords } from '../../shared/charts/dashboard';
import { barColor } from '../../shared/charts/style';
import { tierChartOption } from '../../shared/charts/tiers';
import { MESSAGES, type Lang } from '../../shared/i18n';
import { listEntities } from '../../electron/services/db/read';
import { dashboardData } from '../../electron/services/workbench/dashboard';
import { openTemp } from '../helpers/files';

function svg(option: echarts.EChartsCoreOption, width = 560, height = 200): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const out = chart.renderToSVGString();
  chart.dispose();
  return out;
}

/** Every piece of text the SVG draws, one entry per drawn line. */
function drawnTexts(markup: string): string[] {
  return [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'"));
}

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

type Axes = { xAxis: { max: number }; yAxis: { data: string[] }; series: { data: number[] }[]; aria: { label: { description: string } } };

describe('the dashboard charts', () => {
  const { db } = openTemp();
  const data = dashboardData(db);
  const entities = listEntities(db);
  const LANGS: Lang[] = ['zh-CN', 'en'];

  it('draw the province growth rates and the GDP share on separate axes, with the seeded values', () => {
    const growth = provinceMetricOption(data.province, 'added_value_growth', 'zh-CN') as unknown as Axes;
    const share = provinceMetricOption(data.province, 'gdp_share', 'zh-CN') as unknown as Axes;
    expect(growth.series[0]!.data).toEqual([5.2, 9.2]);
    expect(share.series[0]!.data).toEqual([40]);
    // A growth rate of a few per cent gets an axis that shows it; a share is out of 100.
    expect(growth.xAxis.max).toBeLessThanOrEqual(20);
    expect(growth.xAxis.max).toBeGreaterThan(9.2);
    expect(share.xAxis.max).toBe(100);
    const drawn = drawnTexts(svg(provinceMetricOption(data.province, 'added_value_growth', 'en', { animation: false })));
    expect(drawn).toContain('5.2%');
    expect(drawn).toContain('9.2%');
    expect(drawn).not.toContain('40%');
  });

  it('draw every growth rate inside the axis, a fall to the left of zero, and tell rows of several periods apart (property)', () => {
    // The axis began at 0: a −1.5% growth drew no bar; two rows both read "全省".
    const row = fc.record({
      scope: fc.constantFrom('province' as const, 'strategic_clusters' as const, 'emerging_clusters' as const),
      period: fc.constantFrom('2021', '2022', '2023'),
      value: fc.double({ min: -60, max: 60, noNaN: true }).map((v) => Math.round(v * 10) / 10),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { minLength: 1, maxLength: 6, selector: (r) => `${r.scope}|${r.period}` }), fc.constantFrom<Lang>('zh-CN', 'en'), (rows, lang) => {
        const figures = rows.map((r, i) => ({ ...data.province[0]!, id: 1000 + i, scope: r.scope, entityId: null, metric: 'added_value_growth' as const, unit: 'percent' as const, qualifier: 'exact' as const, period: r.period, value: r.value }));
        const option = provinceMetricOption(figures, 'added_value_growth', lang) as unknown as Axes & { xAxis: { min: number } };
        for (const v of option.series[0]!.data) {
          expect(v).toBeGreaterThanOrEqual(option.xAxis.min);
          expect(v).toBeLessThanOrEqual(option.xAxis.max);
        }
        expect(new Set(option.yAxis.data).size).toBe(option.yAxis.data.length);
      }),
      { numRuns: 60 },
    );
  });

  it('describe each chart to a screen reader by its values, not by data positions', () => {
    const growth = provinceMetricOption(data.province, 'added_value_growth', 'zh-CN') as unknown as Axes;
    expect(growth.aria.label.description).toBe('图表：增加值同比增长（2023）：20 个战略性产业集群 5.2%；10 个战略性新兴产业集群 9.2%。');
    const share = provinceMetricOption(data.province, 'gdp_share', 'en') as unknown as Axes;
    expect(share.aria.label.description).toBe("Chart: Share of Guangdong's GDP (2023): The 20 strategic industry clusters 40%.");
    const tiers = tierChartDescription(entities, 'zh-CN');
    expect(tiers).toContain('新一代电子信息 产值超万亿元');
    expect(tiers).toContain('区块链与量子信息 产值超百亿元');
    expect(tiers).not.toMatch(/数据是/);
    const attention = attentionByCategoryOption({ openAnnotations: [{ category: 'emerging', count: 2 }], withoutSource: [] }, 'en') as unknown as Axes;
    expect(attention.aria.label.description).toContain('Open annotations · Strategic emerging industry clusters 2');
  });

  it('keep every bar at 3:1 or more against the card, light and dark', () => {
    for (const category of ['pillar', 'emerging', 'future'] as const) {
      expect(contrast(barColor(category, { dark: true }), '#141414'), `${category} on the dark card`).toBeGreaterThanOrEqual(3);
    }
    for (const category of ['pillar', 'emerging'] as const) {
      expect(contrast(barColor(category, {}), '#ffffff'), `${category} on the light card`).toBeGreaterThanOrEqual(3);
    }
    const dark = tierChartOption(entities, 'zh-CN', { dark: true }) as { series: { itemStyle: { color: string } }[] };
    for (const s of dark.series) expect(contrast(s.itemStyle.color, '#141414')).toBeGreaterThanOrEqual(3);
  });

  it('never cut a label inside a word, at any chart width, in either language', () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 900 }), fc.constantFrom(...LANGS), fc.constantFrom('added_value_growth' as const, 'gdp_share' as const), (width, lang, metric) => {
        const drawn = drawnTexts(svg(provinceMetricOption(data.province, metric, lang, { animation: false }), width));
        const names = data.province.filter((f) => f.metric === metric).map((f) => MESSAGES[lang].scope[f.scope]);
        for (const name of names) {
          // Each drawn line of the name is a run of whole words (Chinese: the whole name).
          const lines = lang === 'en' ? wrapWords(name, 24).split('\n') : [name];
          for (const line of lines) expect(drawn).toContain(line);
        }
      }),
      { numRuns: 20, verbose: true },
    );
  });

  it('wrap English labels only between words', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z']{1,14}$/), { minLength: 1, maxLength: 12, size: 'max' }), fc.integer({ min: 4, max: 40 }), (words, max) => {
        const text = words.join(' ');
        const wrapped = wrapWords(text, max);
        expect(wrapped.replace(/\n/g, ' ')).toBe(text);
        for (const line of wrapped.split('\n')) expect(line.length <= max || !line.includes(' ')).toBe(true);
      }),
      { verbose: true },
    );
  });
});
