/**
 * A figure prints every digit a person typed (up to a double's 15 significant digits), in any unit and
 * either language: at ten decimals, an exact 1,234,567,890,123.45 yuan printed as 1.2345678901万亿元 and
 * 4e-11% as 0% (integrity review). Random decimals (fast-check, seed printed; FORMAT_DIGITS_SEED replays one).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../shared/format';
import { parseNumberText } from '../../shared/number-text';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('FORMAT_DIGITS_SEED', 20261203);
/** The significant digits of a decimal's text: no sign, point, grouping, or leading and trailing zeros. */
const digits = (text: string): string => text.replace(/[^0-9]/g, '').replace(/^0+/, '').replace(/0+$/, '');

describe('a figure’s number', () => {
  it(`keeps every digit typed, scaled to 万亿/亿/万 or trillion/billion/million (seed ${SEED})`, () => {
    const typed = fc
      .tuple(fc.stringMatching(/^[1-9][0-9]{0,8}$/), fc.stringMatching(/^[0-9]{0,6}$/))
      .filter(([whole, fraction]) => (whole + fraction).length <= 15)
      .map(([whole, fraction]) => (fraction ? `${whole}.${fraction}` : whole));
    fc.assert(
      fc.property(typed, fc.constantFrom('100m_yuan' as const, '10k_yuan' as const, 'yuan' as const, 'percent' as const), fc.constantFrom('zh-CN' as const, 'en' as const), (text, unit, lang) => {
        const value = parseNumberText(text);
        expect(value).not.toBeNull();
        const printed = formatValue(value as number, unit, 'exact', lang);
        expect(digits(printed), `${text} ${unit} → ${printed}`).toBe(digits(text));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('prints the examples found', () => {
    expect(formatValue(12345.6789012345, '100m_yuan', 'exact', 'zh-CN')).toBe('1.23456789012345万亿元');
    expect(formatValue(4e-11, 'percent', 'exact', 'en')).toBe('0.00000000004%');
  });
});
