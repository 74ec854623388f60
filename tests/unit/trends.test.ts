/**
 * Trends and year-on-year change (issue 12): the change is computed only where both periods exist,
 * for measured values in units that compare (元/万元/亿元 converted), as percentage points for
 * percentages, and always printed as computed; a trend draws one kind of period, at most five
 * entities. Property tests (fast-check) print their seed on failure; the examples are an analyst's.
 */
import * as echarts from 'echarts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTrend, MAX_TREND_ENTITIES, trendDescription, trendOption, type TrendEntity } from '../../shared/charts/trend';
import type { Figure, Metric, Qualifier, Unit } from '../../shared/domain';
import { Period } from '../../shared/domain';
import { formatValue } from '../../shared/format';
import { formatYoy, inUnit, periodKind, yearEarlier, yoyChange, type YoyFigure } from '../../shared/yoy';
import { propertySeed } from '../helpers/seed';

const seed = propertySeed('TRENDS_SEED', 20261130);
const MONEY: Unit[] = ['yuan', '10k_yuan', '100m_yuan'];

const period = fc.oneof(
  fc.integer({ min: 1991, max: 2099 }).map(String),
  fc.tuple(fc.integer({ min: 1991, max: 2099 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.tuple(fc.integer({ min: 1991, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);
const amount = fc.double({ min: 0.01, max: 1e6, noNaN: true, noDefaultInfinity: true });
const qualifier = fc.constantFrom<Qualifier>('exact', 'exact', 'exact', 'over', 'nearly', 'about', 'at_least', 'target');

function figure(over: Partial<Figure> & Pick<Figure, 'value' | 'period'>): Figure {
  return { id: 1, scope: 'entity', entityId: 'smart-robots', metric: 'output_value', unit: '100m_yuan', qualifier: 'exact', sourceId: 1, sourceQuote: null, note: null, cityCode: null, changedAt: '2026-11-30T00:00:00.000Z', changedBy: '测试', ...over };
}

describe('year-on-year change', () => {
  it('an analyst’s examples, in both languages', () => {
    const y2022: YoyFigure = { value: 100, unit: '100m_yuan', qualifier: 'exact', period: '2022' };
    const y2023: YoyFigure = { value: 112.3, unit: '100m_yuan', qualifier: 'exact', period: '2023' };
    const r = yoyChange(y2023, y2022);
    expect(r.ok && formatYoy(r.yoy, 'zh-CN')).toBe('同比 +12.3%（计算值）');
    expect(r.ok && formatYoy(r.yoy, 'en')).toBe('YoY +12.3% (computed)');
    // 100亿元 written as 1,000,000万元 is the same amount.
    const inWan = yoyChange(y2023, { ...y2022, value: 1_000_000, unit: '10k_yuan' });
    expect(inWan.ok && formatYoy(inWan.yoy, 'zh-CN')).toBe('同比 +12.3%（计算值）');
    // A share of GDP moves by percentage points, never by a ratio of two percentages.
    const share = yoyChange({ value: 40, unit: 'percent', qualifier: 'exact', period: '2023' }, { value: 38.5, unit: 'percent', qualifier: 'exact', period: '2022' });
    expect(share).toEqual({ ok: true, yoy: { kind: 'points', change: 1.5 } });
    expect(share.ok && formatYoy(share.yoy, 'zh-CN')).toBe('同比 +1.5 个百分点（计算值）');
    expect(share.ok && formatYoy(share.yoy, 'en')).toBe('YoY +1.5 pp (computed)');
    expect(formatYoy({ kind: 'relative', change: -4.04 }, 'en')).toBe('YoY −4% (computed)');
    // Bounds, approximations and targets are not measured: no change is invented from them.
    expect(yoyChange({ ...y2023, qualifier: 'over' }, y2022)).toEqual({ ok: false, why: 'not_exact' });
    expect(yoyChange(y2023, { ...y2022, qualifier: 'nearly' })).toEqual({ ok: false, why: 'not_exact' });
    expect(yoyChange(y2023, { ...y2022, period: '2021' })).toEqual({ ok: false, why: 'no_previous' });
    expect(yoyChange(y2023, undefined)).toEqual({ ok: false, why: 'no_previous' });
    expect(yoyChange(y2023, { ...y2022, unit: 'count' })).toEqual({ ok: false, why: 'unit' });
    expect(yoyChange(y2023, { ...y2022, value: 0 })).toEqual({ ok: false, why: 'zero_base' });
    expect(yoyChange({ ...y2023, period: '2023-Q2' }, { ...y2022, period: '2022-Q2' }).ok).toBe(true);
    expect(yoyChange({ ...y2023, period: '2023-Q2' }, { ...y2022, period: '2023-Q1' })).toEqual({ ok: false, why: 'no_previous' });
  });

  it('a year earlier keeps the kind of period, for years, quarters and months', () => {
    fc.assert(
      fc.property(period, (p) => {
        const earlier = yearEarlier(p);
        expect(Period.safeParse(earlier).success).toBe(true);
        expect(periodKind(earlier)).toBe(periodKind(p));
        expect(Number(earlier.slice(0, 4))).toBe(Number(p.slice(0, 4)) - 1);
        expect(earlier.slice(4)).toBe(p.slice(4));
      }),
      { seed },
    );
  });

  it('is defined exactly where both periods exist, both values are measured and the units compare', () => {
    const unit = fc.constantFrom<Unit>('yuan', '10k_yuan', '100m_yuan', 'percent', 'count');
    fc.assert(
      fc.property(period, amount, amount, qualifier, qualifier, unit, unit, fc.boolean(), (p, now, before, q1, q2, u1, u2, adjacent) => {
        const previous: YoyFigure = { value: before, unit: u2, qualifier: q2, period: adjacent ? yearEarlier(p) : yearEarlier(yearEarlier(p)) };
        const r = yoyChange({ value: now, unit: u1, qualifier: q1, period: p }, previous);
        const comparable = u1 === u2 || (MONEY.includes(u1) && MONEY.includes(u2));
        expect(r.ok).toBe(adjacent && q1 === 'exact' && q2 === 'exact' && comparable);
        if (!r.ok) return;
        expect(r.yoy.kind).toBe(u1 === 'percent' ? 'points' : 'relative');
        const text = formatYoy(r.yoy, 'zh-CN');
        expect(text).toMatch(/^同比 [+−±][\d,.]+(%| 个百分点)（计算值）$/);
        expect(formatYoy(r.yoy, 'en')).toMatch(/^YoY [+−±][\d,.]+(%| pp) \(computed\)$/);
      }),
      { seed },
    );
  });

  it('a relative change takes the earlier value back to the current one, whatever money unit each is in', () => {
    fc.assert(
      fc.property(period, amount, amount, fc.constantFrom(...MONEY), fc.constantFrom(...MONEY), (p, now, before, u1, u2) => {
        const r = yoyChange({ value: now, unit: u1, qualifier: 'exact', period: p }, { value: before, unit: u2, qualifier: 'exact', period: yearEarlier(p) });
        expect(r.ok).toBe(true);
        if (!r.ok || r.yoy.kind !== 'relative') throw new Error('expected a relative change');
        // (Floating point: the error is relative to the larger of the two amounts.)
        const base = inUnit(before, u2, u1);
        expect(Math.abs(base * (1 + r.yoy.change / 100) - now) / Math.max(now, base)).toBeLessThan(1e-9);
        // The same amounts written in another unit give the same change.
        const same = yoyChange({ value: inUnit(now, u1, '10k_yuan'), unit: '10k_yuan', qualifier: 'exact', period: p }, { value: inUnit(before, u2, 'yuan'), unit: 'yuan', qualifier: 'exact', period: yearEarlier(p) });
        if (!same.ok) throw new Error('expected a change');
        expect(Math.abs(same.yoy.change - r.yoy.change)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r.yoy.change)));
      }),
      { seed },
    );
  });
});

describe('a trend', () => {
  const entity = (zh: string, figures: Figure[]): TrendEntity => ({ name: { zh, en: `${zh} (en)` }, figures });

  it('draws one kind of period, at most five entities, each point changed only from its own previous year', () => {
    const fig = fc.record({ period, value: amount, qualifier, unit: fc.constantFrom<Unit>('100m_yuan', '10k_yuan', 'count'), metric: fc.constantFrom<Metric>('output_value', 'revenue') });
    fc.assert(
      fc.property(fc.array(fc.array(fig, { maxLength: 8 }), { minLength: 1, maxLength: 8 }), (lists) => {
        const entities = lists.map((l, i) => entity(`产业${i}`, l.map((f, j) => figure({ ...f, id: i * 100 + j + 1, changedAt: `2026-11-30T00:00:${String(j).padStart(2, '0')}.000Z` }))));
        const trend = buildTrend(entities, 'output_value');
        const any = lists.slice(0, MAX_TREND_ENTITIES).some((l) => l.some((f) => f.metric === 'output_value'));
        expect(trend !== null).toBe(any);
        if (!trend) return;
        expect(trend.lines.length).toBe(Math.min(lists.length, MAX_TREND_ENTITIES));
        expect([...trend.periods].sort()).toEqual(trend.periods);
        expect(new Set(trend.periods.map(periodKind)).size).toBe(1);
        for (const line of trend.lines) {
          for (const p of line.points) {
            expect(p.figure.unit).toBe(trend.unit);
            const earlier = line.points.find((x) => x.period === yearEarlier(p.period));
            if (p.change.ok) expect(earlier).toBeDefined();
            if (earlier && p.figure.qualifier === 'exact' && earlier.figure.qualifier === 'exact' && earlier.figure.value !== 0) expect(p.change.ok).toBe(true);
          }
        }
        // Drawn by the same chart the 简报 uses, with a description that says each change is computed.
        const option = trendOption(trend, 'zh-CN');
        // Where a line is drawn, a lower bound is a triangle pointing up, and only a lower bound.
        if (trend.periods.length > 1) {
          (option.series as { data: (number | { symbol: string } | null)[] }[]).forEach((s, i) =>
            trend.periods.forEach((period, k) => {
              const p = trend.lines[i]!.points.find((x) => x.period === period);
              const lower = p !== undefined && (p.figure.qualifier === 'over' || p.figure.qualifier === 'at_least');
              const item = s.data[k];
              expect(typeof item === 'object' && item !== null ? item.symbol : 'default').toBe(lower ? 'triangle' : 'default');
            }),
          );
        }
        const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
        chart.setOption(option);
        expect(chart.renderToSVGString()).toContain('<svg');
        chart.dispose();
        const computed = trend.lines.flatMap((l) => l.points).filter((p) => p.change.ok).length;
        expect(trendDescription(trend, 'zh-CN').split('（计算值）').length - 1).toBe(computed);
      }),
      { seed, numRuns: 60 },
    );
  });

  it('draws every line at 3:1 or more against its card, light and dark', () => {
    const lum = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string): number => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    const five = Array.from({ length: 5 }, (_, i) => entity(`产业${i}`, [figure({ period: '2022', value: i }), figure({ period: '2023', value: i + 1 })]));
    const trend = buildTrend(five, 'output_value')!;
    const oneYear = buildTrend(five.map((e) => ({ ...e, figures: e.figures.slice(1) })), 'output_value')!;
    for (const [dark, card] of [
      [false, '#ffffff'],
      [true, '#141414'],
    ] as const) {
      const colors = trendOption(trend, 'zh-CN', { dark }).color as string[];
      expect(colors.length).toBeGreaterThanOrEqual(MAX_TREND_ENTITIES);
      for (const c of colors.slice(0, MAX_TREND_ENTITIES)) expect(contrast(c, card), `${c} on ${card}`).toBeGreaterThanOrEqual(3);
      // One period: the bars compared.
      const bars = (trendOption(oneYear, 'zh-CN', { dark }).series as { itemStyle: { color: string } }[])[0]!.itemStyle.color;
      expect(contrast(bars, card), `bars ${bars} on ${card}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('with one period on record, compares its values as bars: every entity drawn and labelled, largest first, none hidden behind another', () => {
    const names = ['新一代电子信息', '绿色石化', '智能家电', '汽车', '先进材料', '智能机器人'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 50_000 }), qualifier), { minLength: 6, maxLength: 6 }),
        fc.constantFrom<'zh-CN' | 'en'>('zh-CN', 'en'),
        (chosen, values, lang) => {
          const entities = chosen.map((zh, i) => entity(zh, [figure({ id: i + 1, period: '2023', value: values[i]![0], qualifier: values[i]![1] })]));
          const trend = buildTrend(entities, 'output_value')!;
          expect(trend.periods).toEqual(['2023']);
          const option = trendOption(trend, lang);
          const series = option.series as { type: string; data: number[] }[];
          expect(series.map((x) => x.type)).toEqual(['bar']);
          const drawn = chosen.slice(0, MAX_TREND_ENTITIES);
          expect(series[0]!.data).toEqual(drawn.map((_, i) => values[i]![0]).sort((a, b) => b - a));
          const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
          chart.setOption({ ...option, animation: false });
          const svg = chart.renderToSVGString();
          chart.dispose();
          // Each entity's name (with its period) and its value as it prints, in the chart's language.
          for (const [i, zh] of drawn.entries()) {
            expect(svg).toContain(lang === 'en' ? `${zh} (en) (2023)` : `${zh}（2023）`);
            expect(svg).toContain(formatValue(values[i]![0], '100m_yuan', values[i]![1], lang).replace(/&/g, '&amp;'));
          }
        },
      ),
      { seed, numRuns: 40 },
    );
  });

  it('converts every money figure to the unit of the newest and reads it out, change included', () => {
    const robots = entity('智能机器人', [
      figure({ id: 1, period: '2022', value: 1_000_000, unit: '10k_yuan' }),
      figure({ id: 2, period: '2023', value: 112.3 }),
      figure({ id: 3, period: '2023-Q2', value: 30 }),
    ]);
    const trend = buildTrend([robots], 'output_value')!;
    expect(trend).toMatchObject({ unit: '100m_yuan', periods: ['2022', '2023'], leftOut: 1 });
    expect(trendDescription(trend, 'zh-CN')).toBe('图表：产值趋势：智能机器人 2022 100亿元，2023 112.3亿元（同比 +12.3%（计算值））。');
    expect(trendDescription(trend, 'en')).toBe('Chart: Output value: trend: 智能机器人 (en) 2022 10 billion yuan, 2023 11.23 billion yuan (YoY +12.3% (computed)).');
  });
});
