/** The pure parts of briefings: glyph runs, and the chart option builders shared with the app. */
import { describe, expect, it } from 'vitest';
import { provinceChartOption } from '../../shared/charts/province';
import { tierChartOption } from '../../shared/charts/tiers';
import { DEFAULT_DATASET } from '../../electron/services/db/seed';
import { getProvince, listEntities } from '../../electron/services/db/read';
import { glyphCoverage } from '../../electron/services/briefing/glyphs';
import { renderChartSvg } from '../../electron/services/briefing/charts-svg';
import { openTemp } from '../helpers/files';

describe('glyph coverage', () => {
  const coverage = glyphCoverage();

  it('finds 镕 堃 喆 昇 in Noto Sans SC, emoji only in the fallback, and private-use or rare extension-B characters in neither', () => {
    for (const ch of ['镕', '堃', '喆', '昇', 'A', '—', '…']) expect(coverage.of(ch), ch).toBe('primary');
    for (const ch of ['😀', '🚀', '🤖']) expect(coverage.of(ch), ch).toBe('fallback');
    for (const ch of ['\uE000', '𠀀']) expect(coverage.of(ch), ch).toBe('missing');
  });

  it('splits text into runs by font, keeping a variation selector with its emoji', () => {
    expect(coverage.runs('朱镕基 ❤️ 好')).toEqual([
      { text: '朱镕基 ', fallback: false },
      { text: '❤️', fallback: true },
      { text: ' 好', fallback: false },
    ]);
    expect(coverage.missing('a\uE000b𠀀')).toEqual(['\uE000', '𠀀']);
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
