/**
 * The figure form warns when a figure's size changes tenfold or more from the saved one: a unit changed
 * without converting the number ("超过1万亿元" became "超过1亿元") and 0.4 typed for 40% were saved
 * without a word. Converted values never warn (fast-check, seed printed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sizeJump, sizeRatio } from '../../shared/magnitude';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('MAGNITUDE_SEED', 20261203);
const MONEY = ['yuan', '10k_yuan', '100m_yuan'] as const;
const FACTOR = { yuan: 1, '10k_yuan': 1e4, '100m_yuan': 1e8 } as const;

describe('a figure’s change in size', () => {
  it('is said for a unit changed without converting the number, and for a fraction typed for a percent', () => {
    expect(sizeJump(sizeRatio({ value: 10000, unit: '100m_yuan' }, { value: 10000, unit: '10k_yuan' }))).toEqual({ times: 10000, larger: false });
    expect(sizeJump(sizeRatio({ value: 40, unit: 'percent' }, { value: 0.4, unit: 'percent' }))).toEqual({ times: 100, larger: false });
    expect(sizeJump(sizeRatio({ value: 5.2, unit: 'percent' }, { value: 52, unit: 'percent' }))).toEqual({ times: 10, larger: true });
    // Within tenfold, across units that do not convert, or from nothing: nothing to say.
    expect(sizeJump(sizeRatio({ value: 100, unit: '100m_yuan' }, { value: 150, unit: '100m_yuan' }))).toBeNull();
    expect(sizeRatio({ value: 40, unit: 'percent' }, { value: 40, unit: '100m_yuan' })).toBeNull();
    expect(sizeRatio({ value: 0, unit: 'count' }, { value: 12, unit: 'count' })).toBeNull();
  });

  it(`is never said for an amount converted between 元, 万元 and 亿元 (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), fc.constantFrom(...MONEY), fc.constantFrom(...MONEY), (value, from, to) => {
        const converted = (value * FACTOR[from]) / FACTOR[to];
        expect(sizeJump(sizeRatio({ value, unit: from }, { value: converted, unit: to }))).toBeNull();
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
