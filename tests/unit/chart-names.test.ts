/**
 * The names an output chart draws, cut to its label column: names that would cut alike keep what
 * tells them apart. Two industries "粤港澳大湾区…（广州片区）" and "…（深圳片区）" both printed
 * "粤港澳大湾区新一代信息技…" (integrity review). Property test over random sets of names (fast-check, seed printed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTPUT_LABEL_WIDTH, fitNames } from '../../electron/services/briefing/chart-option';
import { measureText } from '../../electron/services/briefing/measure';
import type { OutputRow } from '../../shared/document';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('CHART_NAMES_SEED', 20261203);
type Names = 'zh' | 'en' | 'both';

describe('names in the output chart', () => {
  const long = '粤港澳大湾区新一代信息技术与高端装备制造融合发展示范产业集群';
  const row = (zh: string, en: string): OutputRow => ({ name: { zh, en }, category: 'emerging', value: 100, qualifier: 'over', fromTier: true });

  it('that cut alike keep the end that tells them apart', () => {
    const rows = fitNames([row(`${long}（广州片区）`, 'Greater Bay Area new-generation IT and high-end equipment demonstration cluster (Guangzhou zone)'), row(`${long}（深圳片区）`, 'Greater Bay Area new-generation IT and high-end equipment demonstration cluster (Shenzhen zone)'), row('智能机器人', 'Smart robots')], 'zh', 11);
    expect(rows.map((r) => r.name.zh)).toEqual(['粤港澳大湾区…（广州片区）', '粤港澳大湾区…（深圳片区）', '智能机器人']);
    const en = 'Guangdong-Hong Kong-Macao Greater Bay Area new-generation IT and high-end equipment integration demonstration cluster';
    const both = fitNames([row(`${long}（广州片区）`, `${en} (Guangzhou zone)`), row(`${long}（深圳片区）`, `${en} (Shenzhen zone)`)], 'both', 11);
    expect(both.map((r) => r.name.en.endsWith('(Guangzhou zone)') || r.name.en.endsWith('(Shenzhen zone)'))).toEqual([true, true]);
  });

  it(`stay distinct when the names are, and each fits the width it is cut to (seed ${SEED})`, () => {
    const piece = fc.constantFrom('粤港澳大湾区', '新一代信息技术', '与', '高端装备制造', '（广州片区）', '（深圳片区）', '集群', 'A', 'Greater Bay Area ', 'new-generation IT ', 'zone ', '(Guangzhou)', '(Shenzhen)', '1', '2', 'demonstration ', 'cluster');
    const name = fc.array(piece, { minLength: 1, maxLength: 14, size: 'max' }).map((p) => p.join('').trim()).filter((s) => s.length > 0);
    const names = fc.uniqueArray(fc.tuple(name, name), { minLength: 1, maxLength: 12, selector: ([zh]) => zh });
    fc.assert(
      fc.property(names, fc.constantFrom<Names>('zh', 'en', 'both'), (pairs, which) => {
        const rows = fitNames(pairs.map(([zh, en]) => row(zh, en)), which, 11);
        const zhSize = which === 'en' ? 10 : 11;
        const enSize = which === 'both' ? 8.5 : 10;
        for (const [lang, size] of [['zh', zhSize], ['en', enSize]] as const) {
          const full = pairs.map((p) => p[lang === 'zh' ? 0 : 1]);
          const labels = rows.map((r) => r.name[lang]);
          for (let i = 0; i < full.length; i++) {
            expect(measureText(labels[i]!, size, false), labels[i]).toBeLessThanOrEqual(OUTPUT_LABEL_WIDTH[which] + 1e-9);
            for (let j = i + 1; j < full.length; j++) if (full[i] !== full[j]) expect(labels[i], `${full[i]} / ${full[j]}`).not.toBe(labels[j]);
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
