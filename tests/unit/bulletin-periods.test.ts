/**
 * Periods of a year (2024), a quarter (2024-Q1) and a month (2024-06) in printed briefings. A 简报
 * chart draws one kind of period only — the kind most of its figures use, years first on a tie, as
 * the app's own trend does — and says beneath it what it left out: 2023's full year (超过1000亿元)
 * joined to 2024's quarters read as one line, and a compare chart ranked 新能源's 2025-Q1 (newer than
 * 2024 by its key) against others' full years. For random mixes of the three kinds (fast-check, seed
 * printed; BULLETIN_PERIODS_SEED replays one) the chart holds one kind, the rule's, and the compare
 * draws each industry's newest figure of it. And a period prints in words (2024年一季度 / Q1 2024)
 * in tables, chart axes and labels, a year exactly as before: it printed raw ("2024-Q1").
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBulletin } from '../../electron/services/briefing/bulletin';
import { liveResolver, type BulletinResolver } from '../../electron/services/briefing/bulletin-figures';
import { chartNumbers, chartOptionFor } from '../../electron/services/briefing/chart-option';
import { composeBriefing } from '../../electron/services/briefing/render';
import { currentRef } from '../../electron/services/bulletins/references';
import type { DB } from '../../electron/services/db/open';
import type { BulletinContent } from '../../shared/bulletin';
import { compareLabel } from '../../shared/charts/series';
import { walkBlocks, type Block, type BriefingDocument, type ChartSpec, type Line } from '../../shared/document';
import type { Figure } from '../../shared/domain';
import { periodWords } from '../../shared/format';
import { periodKind, type PeriodKind } from '../../shared/yoy';
import { chartOnly, openBulletinApp, type Api } from '../helpers/bulletins';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('BULLETIN_PERIODS_SEED', 20261203);
const ISSUE = { number: null, date: '2026-12-03' };
const ENTITIES = ['smart-robots', 'new-energy', 'blockchain-quantum'] as const;
const lineText = (l: Line): string => l.map((r) => (r.t === 'text' ? r.text : '')).join('');
const charts = (model: BriefingDocument): ChartSpec[] => [...walkBlocks(model.blocks)].flatMap((b) => (b.type === 'chart' ? [b.spec] : []));
const smallText = (model: BriefingDocument): string[] => [...walkBlocks(model.blocks)].flatMap((b) => (b.type === 'paragraph' && (b.style === 'small' || b.style === 'second') ? [lineText(b.runs)] : []));

const chartContent = (kind: 'trend' | 'compare', lang: BulletinContent['lang']): BulletinContent => chartOnly({ kind, metric: 'output_value', entityIds: ENTITIES }, lang, '产值');

/** The rule, written out again: the kind most figures use; a tie goes to years, then quarters. */
function expectedKind(periods: readonly string[]): PeriodKind {
  const count = (k: PeriodKind): number => periods.filter((p) => periodKind(p) === k).length;
  return (['year', 'quarter', 'month'] as const).reduce((best, k) => (count(k) > count(best) ? k : best), 'year' as PeriodKind);
}

let app: { db: DB; api: Api };
beforeAll(() => {
  app = openBulletinApp();
});
afterAll(() => app.db.close());

describe('periodWords', () => {
  it('words a quarter and a month in Chinese and English, and leaves a year as it is', () => {
    expect(periodWords('2024', 'zh')).toBe('2024');
    expect(periodWords('2024', 'zh-CN')).toBe('2024');
    expect(periodWords('2024', 'en')).toBe('2024');
    expect(periodWords('2024-Q1', 'zh')).toBe('2024年一季度');
    expect(periodWords('2024-Q4', 'zh-CN')).toBe('2024年四季度');
    expect(periodWords('2024-Q1', 'en')).toBe('Q1 2024');
    expect(periodWords('2024-Q3', 'en')).toBe('Q3 2024');
    expect(periodWords('2024-06', 'zh')).toBe('2024年6月');
    expect(periodWords('2024-12', 'zh')).toBe('2024年12月');
    expect(periodWords('2024-01', 'en')).toBe('January 2024');
    expect(periodWords('2024-06', 'en')).toBe('June 2024');
  });

  it('gives every valid period words of its own year, and a year unchanged (property)', () => {
    const period = fc.tuple(fc.integer({ min: 1990, max: 2099 }), fc.constantFrom('', '-Q1', '-Q2', '-Q3', '-Q4', ...Array.from({ length: 12 }, (_, i) => `-${String(i + 1).padStart(2, '0')}`))).map(([y, rest]) => `${y}${rest}`);
    fc.assert(
      fc.property(period, (p) => {
        for (const lang of ['zh', 'en'] as const) {
          const words = periodWords(p, lang);
          expect(words).toContain(p.slice(0, 4));
          if (periodKind(p) === 'year') expect(words).toBe(p);
          else expect(words).not.toContain(p);
        }
      }),
      { seed: SEED },
    );
  });
});

describe('a 简报 chart of figures of years, quarters and months (property)', () => {
  it(`draws periods of one kind only, the kind most figures use, and says what it left out (seed ${SEED})`, () => {
    const live = liveResolver(app.db);
    const base = live.entities([...ENTITIES]);
    expect(base.map((e) => e.id)).toEqual([...ENTITIES]);
    const template = base[0]!.figures.find((f) => f.metric === 'output_value')!;
    const period = fc.tuple(fc.integer({ min: 2019, max: 2026 }), fc.constantFrom('', '', '-Q1', '-Q2', '-Q3', '-Q4', '-01', '-06', '-12')).map(([y, rest]) => `${y}${rest}`);
    const figure = fc.record({ period, value: fc.integer({ min: 1, max: 20_000 }), qualifier: fc.constantFrom('exact' as const, 'exact' as const, 'over' as const, 'about' as const) });
    const mixes = fc.array(fc.array(figure, { maxLength: 6 }), { minLength: ENTITIES.length, maxLength: ENTITIES.length }).filter((m) => m.some((fs) => fs.length > 0));
    let id = 900_000;

    fc.assert(
      fc.property(mixes, fc.constantFrom('zh' as const, 'en' as const, 'bilingual' as const), (mix, lang) => {
        const entities = base.map((e, i) => ({ ...e, figures: mix[i]!.map((f): Figure => ({ ...template, id: ++id, entityId: e.id, unit: '100m_yuan', cityCode: null, ...f })) }));
        const resolver: BulletinResolver = { figure: (x) => live.figure(x), source: (x) => live.source(x), entities: (ids) => entities.filter((e) => ids.includes(e.id)) };
        const all = mix.flat().map((f) => f.period);
        const kind = expectedKind(all);
        const left = (['year', 'quarter', 'month'] as const).filter((k) => k !== kind && all.some((p) => periodKind(p) === k));
        for (const chart of ['trend', 'compare'] as const) {
          const model = composeBulletin(chartContent(chart, lang), resolver, ISSUE);
          const [spec, ...more] = charts(model);
          expect(more).toEqual([]);
          const drawn = spec!.kind === 'trend' ? spec!.periods : spec!.kind === 'compare' ? spec!.rows.map((r) => r.period) : [];
          expect(drawn.length).toBeGreaterThan(0);
          expect(new Set(drawn.map(periodKind)), JSON.stringify(mix)).toEqual(new Set([kind]));
          if (spec!.kind === 'compare') {
            // Each industry's newest figure of the chart's kind: none of another kind (a 2025-Q1 beat 2024's full year).
            for (const row of spec!.rows) {
              const own = entities.find((e) => e.name.zh === row.name.zh)!.figures.filter((f) => periodKind(f.period) === kind);
              expect(row.period).toBe(own.map((f) => f.period).sort().at(-1));
              expect(own.filter((f) => f.period === row.period).map((f) => f.value)).toContain(row.value);
            }
            expect(spec!.rows.length).toBe(entities.filter((e) => e.figures.some((f) => periodKind(f.period) === kind)).length);
          }
          const notes = smallText(model).filter((t) => t.includes('本图只绘') || t.startsWith('Only '));
          expect(notes.length, JSON.stringify(mix)).toBe(left.length === 0 ? 0 : lang === 'bilingual' ? 2 : 1);
          const zhKind = { year: '年度', quarter: '季度', month: '月度' } as const;
          const enKind = { year: 'annual', quarter: 'quarterly', month: 'monthly' } as const;
          if (left.length && lang !== 'en') expect(notes[0]).toBe(`注：本图只绘${zhKind[kind]}数据，另有${left.map((k) => zhKind[k]).join('、')}数据未绘出。`);
          if (left.length && lang !== 'zh') expect(notes.at(-1)).toBe(`Only ${enKind[kind]} figures are drawn; ${left.map((k) => enKind[k]).join(' and ')} figures are left out.`);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('does not join 2023 to 2024-Q1…Q3, nor rank a 2025-Q1 against full years (the reviewer’s case)', () => {
    const live = liveResolver(app.db);
    const base = live.entities([...ENTITIES]);
    const template = base[0]!.figures.find((f) => f.metric === 'output_value')!;
    const make = (entityId: string, period: string, value: number, qualifier: Figure['qualifier'] = 'exact'): Figure => ({ ...template, id: 0, entityId, period, value, qualifier, unit: '100m_yuan', cityCode: null });
    const entities = [
      { ...base[0]!, figures: [make('smart-robots', '2023', 1000, 'over'), make('smart-robots', '2024-Q1', 300), make('smart-robots', '2024-Q2', 320), make('smart-robots', '2024-Q3', 350)] },
      { ...base[1]!, figures: [make('new-energy', '2024', 5000), make('new-energy', '2025-Q1', 1480)] },
      { ...base[2]!, figures: [make('blockchain-quantum', '2023', 5200), make('blockchain-quantum', '2024', 5600)] },
    ];
    const resolver: BulletinResolver = { figure: (x) => live.figure(x), source: (x) => live.source(x), entities: () => entities };
    const trend = composeBulletin(chartContent('trend', 'zh'), resolver, ISSUE);
    expect(charts(trend)[0]).toMatchObject({ kind: 'trend', periods: ['2023', '2024'] });
    expect(smallText(trend)).toContain('注：本图只绘年度数据，另有季度数据未绘出。');
    const compare = charts(composeBulletin(chartContent('compare', 'en'), resolver, ISSUE))[0]!;
    expect(compare.kind === 'compare' && compare.rows.map((r) => [r.name.zh, r.period, r.value])).toEqual([
      ['区块链与量子信息', '2024', 5600],
      ['新能源', '2024', 5000],
      ['智能机器人', '2023', 1000],
    ]);
  });
});

describe('a period printed in a briefing', () => {
  const tableCells = (model: BriefingDocument): string[][] =>
    [...walkBlocks(model.blocks)].flatMap((b: Block) => (b.type === 'table' ? b.rows.map((r) => r.map((c) => c.lines.map(lineText).join(' | '))) : []));

  it('in a 简报 table and a fact sheet reads 2024年一季度 / Q1 2024; a year reads as before', async () => {
    const { db, api } = app;
    const saved = await api('saveFigure', {
      figure: { scope: 'entity', entityId: 'smart-robots', metric: 'output_value', value: 321, unit: '100m_yuan', qualifier: 'exact', period: '2024-Q1', cityCode: null, sourceId: 1, sourceQuote: null, note: '一季度' },
    });
    const year = db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots' AND length(period) = 4 AND deleted_at IS NULL ORDER BY id LIMIT 1`).pluck().get() as number;
    const yearPeriod = db.prepare('SELECT period FROM figures WHERE id = ?').pluck().get(year) as string;
    try {
      const table = (lang: BulletinContent['lang']): BulletinContent =>
        ({ ...chartContent('trend', lang), blocks: [{ type: 'table', caption: '', figureIds: [saved.id, year], accepted: [currentRef(db, saved.id)!, currentRef(db, year)!] }] }) as BulletinContent;
      const period = (lang: BulletinContent['lang']): string[] => tableCells(composeBulletin(table(lang), liveResolver(db), ISSUE)).map((r) => r[1]!);
      expect(period('zh')).toEqual(['2024年一季度', yearPeriod]);
      expect(period('en')).toEqual(['Q1 2024', yearPeriod]);
      expect(period('bilingual')).toEqual(['2024年一季度 | Q1 2024', yearPeriod]);

      const sheet = (lang: 'zh' | 'en'): string[][] => tableCells(composeBriefing(db, { template: 'fact-sheet', lang, entityIds: ['smart-robots'], title: '', subtitle: '', author: '分析员', marking: '' }, new Date('2026-12-03T09:00:00')));
      expect(sheet('zh').filter((r) => r[2]!.startsWith('321亿元')).map((r) => r[1])).toEqual(['2024年一季度']);
      expect(sheet('en').filter((r) => r[2]!.startsWith('32.1 billion yuan')).map((r) => r[1])).toEqual(['Q1 2024']);
    } finally {
      await api('deleteItem', { targetType: 'figure', targetId: String(saved.id) });
    }
  });

  it('on a chart: the trend’s axis and the compared labels in words, the spec keeping the stored periods', () => {
    const series = [{ name: { zh: '新能源', en: 'New energy' }, points: [{ value: 1, qualifier: 'exact' as const }, { value: 2, qualifier: 'exact' as const }] }];
    const trend: ChartSpec = { kind: 'trend', unit: '100m_yuan', periods: ['2024-Q1', '2024-06'], series };
    const axis = (names: 'zh' | 'en' | 'both'): string[] => {
      const x = chartOptionFor(trend, names).xAxis as { data: string[]; axisLabel: { formatter: (v: string) => string } };
      expect(x.data).toEqual(['2024-Q1', '2024-06']);
      return x.data.map((p) => x.axisLabel.formatter(p));
    };
    expect(axis('zh')).toEqual(['2024年一季度', '2024年6月']);
    expect(axis('en')).toEqual(['Q1 2024', 'June 2024']);
    expect(axis('both')).toEqual(['2024年一季度\nQ1 2024', '2024年6月\nJune 2024']);
    expect(chartNumbers(trend, 'en').map((r) => r.name[0])).toEqual(['New energy · Q1 2024', 'New energy · June 2024']);

    const name = { zh: '新能源', en: 'New energy' };
    expect(compareLabel({ name, period: '2025-Q1' }, 'zh')).toBe('新能源（2025年一季度）');
    expect(compareLabel({ name, period: '2025-Q1' }, 'en')).toBe('New energy (Q1 2025)');
    expect(compareLabel({ name, period: '2025-Q1' }, 'both')).toBe('新能源（2025年一季度）\nNew energy (Q1 2025)');
    // A year as before.
    expect(compareLabel({ name, period: '2023' }, 'zh')).toBe('新能源（2023）');
    expect(compareLabel({ name, period: '2023' }, 'both')).toBe('新能源\nNew energy (2023)');
    const compare: ChartSpec = { kind: 'compare', unit: '100m_yuan', rows: [{ name, value: 1480, qualifier: 'exact', period: '2025-Q1' }] };
    expect(chartNumbers(compare, 'zh').map((r) => r.name[0])).toEqual(['新能源 (2025年一季度)']);
  });
});
