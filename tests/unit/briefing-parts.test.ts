/** The pure parts of briefings: glyph runs, and the chart option builders shared with the app. */
import { describe, expect, it } from 'vitest';
import { provinceChartOption } from '../../shared/charts/province';
import { tierChartOption } from '../../shared/charts/tiers';
import { DEFAULT_DATASET } from '../../electron/services/db/seed';
import { getProvince, listEntities } from '../../electron/services/db/read';
import fc from 'fast-check';
import { cleanForPrint, glyphCoverage } from '../../electron/services/briefing/glyphs';
import { renderChartSvg, withFallbackTspans } from '../../electron/services/briefing/charts-svg';
import { measureText } from '../../electron/services/briefing/measure';
import { renderBriefing } from '../../electron/services/briefing/render';
import { keepForInspection, wordsOutside } from '../helpers/briefing-check';
import { openTemp, tempDir } from '../helpers/files';

describe('glyph coverage', () => {
  const coverage = glyphCoverage();

  it('finds 镕 堃 喆 昇 in Noto Sans SC, Ł ź Greek and Cyrillic in Noto Sans, emoji in Noto Emoji, and private-use or rare extension-B characters in none', () => {
    for (const ch of ['镕', '堃', '喆', '昇', 'A', '—', '…']) expect(coverage.of(ch), ch).toBe('primary');
    for (const ch of ['Ł', 'ź', 'ő', 'Ŧ']) expect(coverage.of(ch), ch).toBe('latin');
    for (const ch of ['😀', '🚀', '🤖']) expect(coverage.of(ch), ch).toBe('emoji');
    for (const ch of ['\uE000', '𠀀']) expect(coverage.of(ch), ch).toBe('missing');
    // Greek and Cyrillic print: from Noto Sans SC where it has them, else from Noto Sans.
    for (const ch of [...'αβγΔΩЖжЁё']) expect(['primary', 'latin'], ch).toContain(coverage.of(ch));
  });

  it('splits text into runs by font, keeping a variation selector with its emoji, and sets English quotation marks in the Latin font', () => {
    expect(coverage.runs('朱镕基 ❤️ Łódź')).toEqual([
      { text: '朱镕基 ', font: 'primary' },
      { text: '❤️', font: 'emoji' },
      { text: ' ', font: 'primary' },
      { text: 'Ł', font: 'latin' },
      { text: 'ód', font: 'primary' },
      { text: 'ź', font: 'latin' },
    ]);
    expect(coverage.runs('“quoted”', 'en')).toEqual([{ text: '“', font: 'latin' }, { text: 'quoted', font: 'primary' }, { text: '”', font: 'latin' }]);
    expect(coverage.runs('“引文”', 'zh')).toEqual([{ text: '“引文”', font: 'primary' }]);
    expect(coverage.missing('a\uE000b𠀀')).toEqual(['\uE000', '𠀀']);
  });
});

describe('what prints of invisible characters', () => {
  it('drops zero-width spaces and joiners, word joiners, soft hyphens, BOMs and direction marks, and keeps emoji sequences whole', () => {
    expect(cleanForPrint('数\u200b据\u200c核\u200d对\u2060了\ufeff')).toBe('数据核对了');
    expect(cleanForPrint('co\u00adoperate')).toBe('cooperate');
    expect(cleanForPrint('\u200eabc\u200f\u202adef\u202c')).toBe('abcdef');
    expect(cleanForPrint('👩\u200d💻 ❤\ufe0f 1\ufe0f\u20e3')).toBe('👩\u200d💻 ❤\ufe0f 1\ufe0f\u20e3');
    expect(cleanForPrint('文\ufe0f字\u200d')).toBe('文字');
    expect(cleanForPrint('a\tb\r\nc\u2028d')).toBe('a b\nc\nd');
  });

  it('leaves text without such characters exactly as it was (the stored text never changes)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const clean = cleanForPrint(s);
        if (!/[\p{Cf}\p{Cc}\u00ad\u2028\u2029]|[\u{fe00}-\u{fe0f}]/u.test(s)) expect(clean).toBe(s);
        expect(clean).not.toMatch(/[\u200b\u200c\u2060\ufeff\u00ad\u200e\u200f]/u);
        expect(cleanForPrint(clean)).toBe(clean);
      }),
      { numRuns: 500 },
    );
  });
});

describe('chart option builders', () => {
  it('label every cluster and every bar with qualifier and unit, in both languages', () => {
    const { db } = openTemp();
    const entities = listEntities(db);
    for (const lang of ['zh-CN', 'en'] as const) {
      const svg = renderChartSvg(tierChartOption(entities, lang, { fontFamily: 'NotoSansSC', animation: false }), { width: 700, height: 520 });
      const names = DEFAULT_DATASET.entities.filter((e) => e.tier !== null).map((e) => (lang === 'en' ? e.name.en : e.name.zh));
      // Long English names break over lines in the SVG: look for their first word.
      for (const n of names) expect(svg, n).toContain(lang === 'en' ? n.split(' ')[0]! : n);
      expect(svg).toContain(lang === 'en' ? 'over 1 trillion yuan' : '超过1万亿元');
      expect(svg).toContain(lang === 'en' ? 'over 10 billion yuan' : '超过100亿元');
      expect(svg).toContain('NotoSansSC');
      expect(svg).not.toMatch(/paint-order/);
    }
    const growth = renderChartSvg(provinceChartOption(getProvince(db).figures, 'zh-CN', { animation: false }), { width: 640, height: 120 });
    expect(growth).toContain('5.2%');
    expect(growth).toContain('9.2%');
    db.close();
  });
});

describe('chart labels set in more than one font', () => {
  const coverage = glyphCoverage();
  const label = (anchor: string): string => `<svg><text text-anchor="${anchor}" style="font-size:10px;font-family:NotoSansSC;" transform="translate(8 84)">A🚀…źródło &amp; 数据</text></svg>`;
  const placed = (svg: string): { x: number; text: string }[] => [...svg.matchAll(/<tspan x="(-?[\d.]+)"[^>]*>([^<]*)<\/tspan>/g)].map((m) => ({ x: Number(m[1]), text: m[2]! }));

  it('place every run at its own x, one after another as the fonts that draw them measure it, for each anchor', () => {
    for (const [anchor, end] of [['start', 1], ['middle', 0.5], ['end', 0]] as const) {
      const runs = placed(withFallbackTspans(label(anchor), coverage));
      expect(runs.map((r) => r.text).join(''), anchor).toBe('A🚀…źródło &amp; 数据');
      expect(runs.length, anchor).toBeGreaterThan(3);
      const widths = runs.map((r) => measureText(r.text.replace('&amp;', '&'), 10, false));
      const total = widths.reduce((a, b) => a + b, 0);
      // Anchored as the label was: its start at 0, its middle, or its end.
      const first = anchor === 'start' ? runs[0]!.x : anchor === 'end' ? runs[0]!.x - widths[0]! : runs[0]!.x - widths[0]! / 2;
      expect(first, anchor).toBeCloseTo(-(1 - end) * total, 1);
      for (let i = 1; i < runs.length; i++) {
        const start = (r: number): number => (anchor === 'start' ? runs[r]!.x : anchor === 'end' ? runs[r]!.x - widths[r]! : runs[r]!.x - widths[r]! / 2);
        expect(start(i) - start(i - 1), `${anchor} run ${i}`).toBeCloseTo(widths[i - 1]!, 1);
      }
    }
  });

  it('keep a long Polish and emoji name inside the page in the one-page brief (it ran off the page: svg-to-pdfkit left gaps between runs)', async () => {
    const { db } = openTemp();
    try {
      const id = (db.prepare(`SELECT id FROM entities WHERE deleted_at IS NULL ORDER BY sort_order, id LIMIT 1 OFFSET 5`).get() as { id: string }).id;
      db.prepare('UPDATE entities SET name_en = ? WHERE id = ?').run('A🚀…źródło '.repeat(30), id);
      const { pdf } = await renderBriefing(db, { template: 'one-page', entityIds: [], lang: 'en', title: '', subtitle: '', author: '', marking: '' }, new Date('2026-11-28T09:00:00'));
      const file = keepForInspection(pdf, 'one-page-en-long-name', tempDir('cluster-brief-labels-'));
      expect(wordsOutside(file)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
