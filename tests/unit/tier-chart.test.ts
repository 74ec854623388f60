/**
 * The tier chart (the output value of each cluster) as the 简报 and the briefings draw it: no line is
 * drawn across a value label. Grid lines ran through the labels of the short bars ("over 100 billion
 * yuan" crossed at 500 billion). Property test over random rows in each language (fast-check, seed printed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartOptionFor } from '../../electron/services/briefing/chart-option';
import { renderChartSvg } from '../../electron/services/briefing/charts-svg';
import { measureText } from '../../electron/services/briefing/measure';
import type { OutputRow } from '../../shared/document';
import { propertySeed } from '../helpers/seed';

const seed = propertySeed('TIER_CHART_SEED', 20261202);

/** Vertical lines (x, from y1 to y2) and the value labels' boxes, read from the drawing. */
function drawn(svg: string): { lines: { x: number; y1: number; y2: number }[]; labels: { text: string; x1: number; x2: number; y: number }[] } {
  const lines = [...svg.matchAll(/<path d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"(?![^>]*transform)/g)]
    .map((m) => ({ x: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]) }))
    .filter((l) => l.x === l.x2)
    .map(({ x, y1, y2 }) => ({ x, y1: Math.min(y1, y2), y2: Math.max(y1, y2) }));
  const labels = [...svg.matchAll(/<text[^>]*text-anchor="start"[^>]*font-size:([\d.]+)px[^>]*transform="translate\(([\d.]+) ([\d.]+)\)"[^>]*>([^<]*(?:亿元|万亿元|yuan)[^<]*)<\/text>/g)].map((m) => {
    const x = Number(m[2]);
    return { text: m[4]!, x1: x, x2: x + measureText(m[4]!, Number(m[1]), false), y: Number(m[3]) };
  });
  return { lines, labels };
}

describe('the tier chart', () => {
  it(`draws no line across a value label, in each language (seed ${seed})`, () => {
    const row = fc.record({
      name: fc.record({ zh: fc.constantFrom('新一代电子信息', '智能机器人', '半导体与集成电路'), en: fc.constantFrom('Smart robots', 'Semiconductors and integrated circuits', 'New energy') }),
      category: fc.constantFrom<OutputRow['category']>('pillar', 'emerging'),
      value: fc.constantFrom(100, 1000, 5000, 10000, 2600, 450),
      qualifier: fc.constantFrom<OutputRow['qualifier']>('over', 'exact', 'about'),
      fromTier: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 20, size: 'max' }), fc.constantFrom('zh' as const, 'en' as const, 'both' as const), (rows, names) => {
        const svg = renderChartSvg(chartOptionFor({ kind: 'output', rows, omitted: 0 }, names, 11, 575), { width: 575, height: 40 + rows.length * 22 });
        const { lines, labels } = drawn(svg);
        expect(labels.length).toBeGreaterThanOrEqual(rows.length);
        const crossed = labels.filter((l) => lines.some((line) => line.x > l.x1 + 1 && line.x < l.x2 - 1 && line.y1 < l.y && line.y2 > l.y));
        expect(crossed.map((l) => l.text)).toEqual([]);
      }),
      { seed, numRuns: 40 },
    );
  });
});

describe('the tier chart in both languages', () => {
  it('reads its axis in both: each tick in Chinese over English (an English reader had "5000亿元" alone)', () => {
    const rows: OutputRow[] = [
      { name: { zh: '新一代电子信息', en: 'New-generation electronics' }, category: 'pillar', value: 10000, qualifier: 'over', fromTier: true },
      { name: { zh: '智能机器人', en: 'Smart robots' }, category: 'emerging', value: 100, qualifier: 'over', fromTier: true },
    ];
    const svg = renderChartSvg(chartOptionFor({ kind: 'output', rows, omitted: 0 }, 'both', 11, 575), { width: 575, height: 130 });
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    // The ticks: 5000亿元 over 500 billion yuan, 1万亿元 over 1 trillion yuan (a bar's label says "over …").
    for (const [zh, en] of [['5000亿元', '500 billion yuan'], ['1万亿元', '1 trillion yuan']] as const) {
      expect(texts, zh).toContain(zh);
      expect(texts, en).toContain(en);
    }
  });
});
