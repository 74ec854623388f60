/**
 * Where the PDF writer lets a line break beside a figure value (glue-breaks.ts): the text is kept as it
 * was, only zero-width breaks are added, never inside a value or between a value and its note number,
 * and wherever Latin text is glued to a value (or its note number) on either side. Random lines,
 * fast-check, seed printed (GLUE_PROPERTY_SEED replays one).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakableGlue, type Inline, type InlineGroup } from '../../electron/services/briefing/glue-breaks';
import { propertySeed } from '../helpers/seed';

const ZWSP = '\u200b';
const zw = (): Inline => ({ text: ZWSP, font: 'NotoSans' });
const value = (...texts: string[]): InlineGroup => ({ kind: 'value', inlines: texts.map((text) => ({ text, noWrap: true })) });
const cite = (n: number): InlineGroup => ({ kind: 'cite', inlines: [{ text: '\u2060', style: 'noteRef' }, { text: String(n), style: 'noteRef' }] });
const plain = (text: string): InlineGroup => ({ kind: 'text', inlines: [{ text }] });
const joined = (inlines: Inline[]): string => inlines.map((i) => i.text).join('');

describe('a line may break beside a figure value', () => {
  it('between a value glued to a 60-letter word on both sides and the words, not inside the value nor before its note number', () => {
    const word = 'abcdefghij'.repeat(6);
    const out = breakableGlue([plain(word), value('over 1 trillion yuan'), cite(1), plain(word)], zw);
    expect(joined(out)).toBe(`${word}${ZWSP}over 1 trillion yuan\u20601${ZWSP}${word}`);
  });

  it('keeps closing punctuation with the value and opening punctuation with what follows', () => {
    expect(joined(breakableGlue([plain('see('), value('5.2%'), plain('),and')], zw))).toBe(`see${ZWSP}(5.2%),${ZWSP}and`);
    expect(joined(breakableGlue([plain('见'), value('5.2%'), cite(1), plain('，增长')], zw))).toBe('见5.2%\u20601，增长');
  });

  it('after a closing quotation mark between two values (the line breaker never separates one from what touches it)', () => {
    expect(joined(breakableGlue([value('超过1000亿元'), cite(1), value('（over 100 billion yuan）'), plain('”'), value('超过1万亿元')], zw))).toBe(
      `超过1000亿元\u20601（over 100 billion yuan）”${ZWSP}超过1万亿元`,
    );
  });

  it('between two values, after the note number of the first', () => {
    expect(joined(breakableGlue([value('40%'), cite(1), value('over 500 billion yuan'), cite(2), value('（over 10 billion yuan）')], zw))).toBe(
      `40%\u20601${ZWSP}over 500 billion yuan\u20602（over 10 billion yuan）`,
    );
  });

  it('between two text runs glued into an unbreakable stretch longer than a line, and only there', () => {
    // A publisher of 400 "（" and the note's "，" after it: nothing breaks after "（" or before "，".
    const brackets = '审' + '（'.repeat(400);
    expect(joined(breakableGlue([plain(brackets), plain('，'), plain('《标题》')], zw))).toBe(`${brackets}${ZWSP}，《标题》`);
    const url = 'https://stats.gd.gov.cn/tjsj/index.html';
    expect(joined(breakableGlue([plain('《'), plain(url), plain('》')], zw))).toBe(`《${ZWSP}${url}${ZWSP}》`);
    // Ordinary text keeps its punctuation: a short word, or a break already there (a space, a Chinese letter).
    expect(joined(breakableGlue([plain('China Daily'), plain('，'), plain('《'), plain('集群'), plain('》')], zw))).toBe('China Daily，《集群》');
    expect(joined(breakableGlue([plain('（'.repeat(20) + '集'), plain('，')], zw))).toBe(`${'（'.repeat(20)}集，`);
  });

  const SEED = propertySeed('GLUE_PROPERTY_SEED', 20261130);
  it(`adds only zero-width breaks, none inside a value, one wherever Latin letters touch a value (seed ${SEED})`, () => {
    const text = fc.string({ unit: fc.constantFrom(...'abcXYZ019 ，。（）()“”.,集群'), minLength: 1, maxLength: 12, size: 'max' });
    const group: fc.Arbitrary<InlineGroup> = fc.oneof(
      text.map(plain),
      fc.array(fc.string({ unit: fc.constantFrom(...'over 1.5%亿元yuan'), minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }).map((t) => value(...t)),
      fc.integer({ min: 1, max: 9 }).map(cite),
    );
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 8 }), (generated) => {
        // Each inline knows its group (a split copies it).
        const groups = generated.map((g, k): InlineGroup => ({ kind: g.kind, inlines: g.inlines.map((i) => ({ ...i, group: k })) }));
        const out = breakableGlue(groups, zw);
        expect(out.filter((i) => i.text !== ZWSP).map((i) => i.text).join('')).toBe(groups.flatMap((g) => g.inlines).map((i) => i.text).join(''));
        // No break inside a value or a note number: its inlines stay consecutive in the output.
        for (const g of groups.filter((x) => x.kind !== 'text')) {
          const at = out.indexOf(g.inlines[0]!);
          g.inlines.forEach((i, k) => expect(out[at + k]).toBe(i));
        }
        // Latin letters right after a value (or its note number), or right before a value, are never glued to it.
        const latin = /[a-zA-Z]/;
        const guarded = (k: number): boolean => groups[k]!.kind === 'value' || (groups[k]!.kind === 'cite' && groups[k - 1]?.kind === 'value');
        for (let k = 1; k < out.length; k++) {
          const [a, b] = [out[k - 1]!, out[k]!];
          if (typeof a.group !== 'number' || b.group !== a.group + 1) continue;
          const [left, right] = [groups[a.group]!, groups[b.group]!];
          expect(guarded(a.group) && right.kind === 'text' && latin.test(b.text[0] ?? ''), `${a.text}|${b.text}`).toBe(false);
          expect(left.kind === 'text' && right.kind === 'value' && latin.test(a.text.at(-1) ?? ''), `${a.text}|${b.text}`).toBe(false);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
