/**
 * A trend chart's legend holds every name whole: an entry too long for a line of the chart is
 * wrapped (between words, or characters in Chinese), never cut at the chart's edge ("…and advanced
 * manufactu", integrity review). For random names (fast-check, seed printed; CHART_LEGEND_SEED replays
 * one): every line of every entry fits the chart, and its lines hold the name's every character; the
 * rows are set one below another, and the plot below the last.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartOptionFor } from '../../electron/services/briefing/chart-option';
import { measureText, wrapText } from '../../electron/services/briefing/measure';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('CHART_LEGEND_SEED', 20261203);
const bare = (s: string): string => s.replace(/\s+/g, '');

describe('wrapped text', () => {
  it(`keeps every character, in order, in lines no wider than asked (seed ${SEED})`, () => {
    const word = fc.oneof(fc.stringMatching(/^[A-Za-z-]{1,30}$/), fc.stringMatching(/^[\u4e00-\u9fa5]{1,12}$/), fc.constant('（'), fc.constant(' '));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40, size: 'max' }), fc.integer({ min: 60, max: 400 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapText(text, 11, width);
        expect(bare(lines.join(''))).toBe(bare(text));
        for (const l of lines) expect(measureText(l, 11, false), l).toBeLessThanOrEqual(width + 0.01);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('a trend chart’s legend', () => {
  it(`wraps a name too long for a line, and sets each row below the one before (seed ${SEED})`, () => {
    const name = fc.stringMatching(/^[A-Za-z]{2,12}( [A-Za-z]{2,12}){0,25}$/);
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), (names) => {
        const series = names.map((en, i) => ({ name: { zh: `集群${i}`, en: `${en} ${i}` }, points: [{ value: 10 + i, qualifier: 'exact' as const }, { value: 20, qualifier: 'exact' as const }] }));
        const width = 483;
        const option = chartOptionFor({ kind: 'trend', unit: '100m_yuan', periods: ['2023', '2024'], series }, 'en', 11, width);
        const legends = option.legend as { top: number; data: string[]; formatter: (n: string) => string }[];
        let top = -1;
        for (const legend of legends) {
          expect(legend.top).toBeGreaterThan(top);
          top = legend.top;
          for (const entry of legend.data) {
            const shown = legend.formatter(entry).split('\n');
            expect(bare(shown.join(''))).toBe(bare(entry));
            for (const l of shown) expect(measureText(l, 11, false), l).toBeLessThanOrEqual(width * 0.9 - 30);
          }
        }
        const lines = legends.reduce((n, l) => n + Math.max(...l.data.map((e) => l.formatter(e).split('\n').length)), 0);
        expect((option.grid as { top: number }).top).toBeGreaterThanOrEqual(lines * 20);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
