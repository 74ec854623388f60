/**
 * Figures found by the global search (Ctrl/⌘+K, the overview's box) by what an analyst reads on
 * them, not only by their note and quoted sentence: their industry's name, their metric's name in
 * the catalog, their value as printed with qualifier and unit (亿元, 超过100亿元, over 10 billion
 * yuan), in Chinese and English; on a real data file through the contract.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../shared/format';
import type { FigureHit, SearchResults } from '../../shared/global-search';
import { UNITS_OF_KIND, type MetricSnapshot } from '../../shared/metrics';
import type { FigurePage } from '../../shared/workbench';
import { tempDataFile } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('GLOBAL_SEARCH_FIGURES_SEED', 20261203);

function open() {
  const opened = openWithHandlers(tempDataFile());
  const search = async (q: string, limit = 50): Promise<SearchResults> => (await opened.call('search', { q, limit })) as SearchResults;
  return { ...opened, search };
}

/** The ids the figures table lists for a search typed in its box (all of them: 500 is more than any test file holds). */
async function tableIds(call: (name: string, input: unknown) => Promise<unknown>, q: string, deleted = false): Promise<number[]> {
  return ((await call('listFigures', { q, limit: 500, lang: 'zh-CN', deleted })) as FigurePage).rows.map((r) => r.id);
}

/** The figure's words as the page prints them: industry, metric (built-ins' names), value. */
const printed = (f: FigureHit, lang: 'zh-CN' | 'en'): string => formatFigure(f, lang);

describe('figures found by what they read as', () => {
  it('"亿元" and "billion" find figures by the unit they print with, though no note or quote says so', async () => {
    const { search, call } = open();
    const yi = (await search('亿元')).figures;
    expect(yi.length).toBeGreaterThan(10);
    for (const f of yi) expect(printed(f, 'zh-CN')).toContain('亿元');
    // 智能机器人's 超过100亿元 has no note, and its quote is in English.
    expect(yi.map((f) => f.entityId)).toContain('smart-robots');
    const billion = (await search('billion')).figures;
    for (const f of billion) expect(`${printed(f, 'en')} ${f.snippet ?? ''}`).toMatch(/billion/i);
    const saved = (await call('saveFigure', {
      figure: { scope: 'entity', entityId: 'new-energy', metric: 'revenue', value: 35, unit: '100m_yuan', qualifier: 'exact', period: '2022', cityCode: null, sourceId: null, sourceQuote: null, note: null },
    })) as { id: number };
    expect((await search('billion')).figures.find((f) => f.figureId === saved.id)).toMatchObject({ snippet: null });
    expect((await search('3.5 billion yuan')).figures.map((f) => f.figureId)).toEqual([saved.id]);
  });

  it('"产值" and "output value" find the figures of the metric by its catalog name, 智能机器人\'s among them', async () => {
    const { search } = open();
    for (const q of ['产值', 'output value', 'Output Value']) {
      const found = (await search(q)).figures;
      expect(found.length, q).toBeGreaterThan(10);
      for (const f of found) expect(f.metric, q).toBe('output_value');
      expect(found.find((f) => f.entityId === 'smart-robots'), q).toMatchObject({ metric: 'output_value', value: 100, unit: '100m_yuan', qualifier: 'over', period: '2023' });
    }
  });

  it('"机器人" finds the industry first and then its figures; with a metric it finds that figure alone', async () => {
    const { search } = open();
    const found = await search('机器人');
    expect(found.entities.map((e) => e.entityId)).toEqual(['smart-robots']);
    expect(found.figures[0]).toMatchObject({ entityId: 'smart-robots', metric: 'output_value' });
    for (const q of ['智能机器人 产值', '机器人 超过100亿元', '机器人 2023']) {
      expect((await search(q)).figures.map((f) => [f.entityId, f.metric]), q).toEqual([['smart-robots', 'output_value']]);
    }
    // In English its neighbour's quote also names "smart robots … over 10 billion yuan": the industry named comes first.
    for (const q of ['robots output', 'smart robots over 10 billion yuan']) {
      expect((await search(q)).figures.map((f) => [f.entityId, f.metric]), q).toEqual([
        ['smart-robots', 'output_value'],
        ['blockchain-quantum', 'output_value'],
      ]);
    }
  });

  it('finds a figure by its value as printed, with qualifier and unit, in either language, and no other', async () => {
    const { search } = open();
    for (const q of ['超过100亿元', 'over 10 billion yuan', '100亿', '10 billion']) {
      const found = (await search(q)).figures;
      expect(found.map((f) => f.entityId), q).toContain('smart-robots');
      for (const f of found) expect(`${printed(f, 'zh-CN')} ${printed(f, 'en')}`.replace(/\s/g, ''), q).toMatch(/100亿元|10billion/);
    }
    expect((await search('超过101亿元')).figures).toEqual([]);
  });

  it('finds a figure by its city\'s name, and forgets a deleted figure', async () => {
    const { search, call } = open();
    const saved = (await call('saveFigure', {
      figure: { scope: 'entity', entityId: 'smart-robots', metric: 'revenue', value: 12.5, unit: '100m_yuan', qualifier: 'about', period: '2024-Q1', cityCode: '440300', sourceId: null, sourceQuote: null, note: null },
    })) as { id: number };
    for (const q of ['深圳 营业收入', 'Shenzhen revenue', '2024年一季度 机器人', '2024-Q1', '约12.5亿元', 'about 1.25 billion yuan']) {
      expect((await search(q)).figures.map((f) => f.figureId), q).toContain(saved.id);
    }
    await call('deleteItem', { targetType: 'figure', targetId: String(saved.id) });
    expect((await search('深圳 营业收入')).figures.map((f) => f.figureId)).not.toContain(saved.id);
  });
});

describe('the order of the figures found', () => {
  it('is the industries named, then province-level figures, then industries in their order, metric, newest period; fewer asked for is the same list cut', async () => {
    const { search, db, call } = open();
    // Figures enough that a broad word is answered a few industries at a time.
    for (const [i, entityId] of ['new-energy', 'smart-robots', 'automobiles', 'biomedicine-health', null].entries())
      for (let y = 0; y < 12; y++)
        await call('saveFigure', {
          figure: { scope: entityId ? 'entity' : 'province', entityId, metric: y % 2 ? 'output_value' : 'revenue', value: 10 + i + y, unit: '100m_yuan', qualifier: 'exact', period: String(2000 + y), cityCode: null, sourceId: null, sourceQuote: null, note: null },
        });
    const order = new Map((db.prepare(`SELECT id, sort_order FROM entities`).all() as { id: string; sort_order: number }[]).map((e) => [e.id, e.sort_order]));
    for (const q of ['亿元', '产值', 'output value', 'billion', '机器人 产值', '机器人 亿元', '2005', '20亿元']) {
      const found = await search(q);
      const named = new Set(found.entities.map((e) => e.entityId));
      const key = (f: FigureHit): (string | number)[] => [f.entityId !== null && named.has(f.entityId) ? 0 : 1, f.entityId === null ? -Infinity : order.get(f.entityId)!, f.entityId ?? '', f.metric, -Number(f.period.slice(0, 4)), f.figureId];
      const sorted = [...found.figures].sort((a, b) => {
        const [ka, kb] = [key(a), key(b)];
        for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
        return 0;
      });
      expect(found.figures.map((f) => f.figureId), q).toEqual(sorted.map((f) => f.figureId));
      for (const limit of [1, 3, 8, 20]) expect((await search(q, limit)).figures.map((f) => f.figureId), `${q} ${limit}`).toEqual(found.figures.slice(0, limit).map((f) => f.figureId));
    }
  });
});

describe('any figure saved is found by its names and its printed value (property)', () => {
  it(`lists the figure for its industry + metric name, its metric name, its printed value, zh and en (seed ${SEED})`, async () => {
    const { search, call } = open();
    const entities = ((await call('listEntities', {})) as { id: string; name: { zh: string; en: string } }[]).map((e) => ({ id: e.id, name: e.name }));
    const cities = (await call('listCities', {})) as { code: string }[];
    let n = 0;
    const han = fc.array(fc.constantFrom(...'研发投入出口额专利授权从业人员固定资产投资税收利润能耗'), { minLength: 2, maxLength: 6 }).map((cs) => cs.join(''));
    const words = fc.array(fc.stringMatching(/^[a-z]{3,9}$/), { minLength: 1, maxLength: 3 });
    const kind = fc.constantFrom('money', 'percent', 'count', 'other' as const);
    const label = fc.record({ zh: fc.constantFrom('件', '万人', '家', '项'), en: fc.constantFrom('patents', 'persons', 'firms', 'items') });
    const value = fc.oneof(
      fc.integer({ min: -99_999_999, max: 99_999_999 }).map((v) => v / 100),
      fc.integer({ min: 1, max: 9_999 }).map((v) => v / 10_000),
      fc.integer({ min: 1, max: 99_999 }).map((v) => v * 1000),
    );
    const figure = fc.record({
      entity: fc.constantFrom(...entities),
      kind,
      label,
      unitPick: fc.nat(),
      value,
      qualifier: fc.constantFrom('exact', 'over', 'at_least', 'nearly', 'about', 'target' as const),
      period: fc.oneof(fc.integer({ min: 1990, max: 2035 }).map(String), fc.tuple(fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`)),
      city: fc.option(fc.constantFrom(...cities.map((c) => c.code)), { nil: null }),
      zh: han,
      en: words,
    });
    await fc.assert(
      fc.asyncProperty(figure, async (g) => {
        n++;
        const metric = (await call('saveMetric', {
          metric: { name: { zh: `${g.zh}${n}号`, en: `${g.en.join(' ')} m${n}x` }, kind: g.kind, unitLabel: g.kind === 'other' ? g.label : null, mayBeNegative: true, description: '' },
        })) as MetricSnapshot;
        const units = UNITS_OF_KIND[g.kind];
        const unit = units[g.unitPick % units.length]!;
        const saved = (await call('saveFigure', {
          figure: { scope: 'entity', entityId: g.entity.id, metric: metric.id, value: g.value, unit, qualifier: g.qualifier, period: g.period, cityCode: g.city, sourceId: null, sourceQuote: null, note: null },
        })) as { id: number; value: number; unit: typeof unit; qualifier: typeof g.qualifier };
        const queries = [
          `${g.entity.name.zh} ${metric.name.zh}`,
          `${g.entity.name.en} ${metric.name.en}`,
          metric.name.zh,
          metric.name.en,
          formatFigure(saved, 'zh-CN', metric.unitLabel),
          formatFigure(saved, 'en', metric.unitLabel),
        ];
        for (const q of queries) {
          const found = (await search(q)).figures.map((f) => f.figureId);
          expect(found, `${JSON.stringify(q)} for ${JSON.stringify(saved)}`).toContain(saved.id);
          // The figures table's search box, with the same words, lists it too.
          expect(await tableIds(call, q), `the table: ${JSON.stringify(q)} for ${JSON.stringify(saved)}`).toContain(saved.id);
        }
      }),
      { numRuns: 60, seed: SEED, verbose: true },
    );
  });
});

describe('在工作台中查看全部: the figures table finds what the search found (property)', () => {
  it(`with the same words, the table lists every figure the search lists, and no deleted one (seed ${SEED})`, async () => {
    const { search, call } = open();
    const entities = (await call('listEntities', {})) as { id: string; name: { zh: string; en: string } }[];
    const figures = ((await call('listFigures', { limit: 500, lang: 'zh-CN' })) as FigurePage).rows;
    // One deleted figure, whose words are still in the vocabulary below: neither lists it.
    const gone = figures.find((f) => f.entityId === 'new-energy')!;
    await call('deleteItem', { targetType: 'figure', targetId: String(gone.id) });
    // The words an analyst types: names, metrics, periods, values as printed, words of notes and quotes, and noise.
    const vocabulary = [
      ...entities.flatMap((e) => [e.name.zh, e.name.en, e.name.zh.slice(0, 2), e.name.en.split(' ')[0]!]),
      ...['产值', 'output value', '营业收入', 'revenue', '增加值', 'GDP', '企业', '亿元', 'billion', 'trillion', '万亿', '超过', 'over', 'nearly', '近', '约', '%'],
      ...figures.flatMap((f) => [f.period, formatFigure(f, 'zh-CN'), formatFigure(f, 'en')]),
      ...figures.flatMap((f) => `${f.note ?? ''} ${f.sourceQuote ?? ''}`.split(/[\s，。,.]+/).filter((w) => w.length > 1).slice(0, 4)),
      'China Daily', '2023年', '2024-Q1', '深圳', 'Shenzhen', 'xyzzy', '量子',
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }), async (words) => {
        const q = words.join(' ');
        const found = (await search(q)).figures.map((f) => f.figureId);
        const listed = new Set(await tableIds(call, q));
        for (const id of found) expect(listed.has(id), `${JSON.stringify(q)}: figure ${id} found by the search, not in the table`).toBe(true);
        expect(listed.has(gone.id), JSON.stringify(q)).toBe(false);
        // The deleted view searches the deleted figures alone.
        for (const id of await tableIds(call, q, true)) expect(id, JSON.stringify(q)).toBe(gone.id);
      }),
      { numRuns: 150, seed: SEED },
    );
    // The words that found nothing in the table before: a metric's name, a value as printed, a unit.
    for (const q of ['产值', 'output value', '超过100亿元', '亿元', '智能机器人 产值']) expect((await tableIds(call, q)).length, q).toBeGreaterThan(0);
    expect(await tableIds(call, '新能源 产值', true)).toContain(gone.id);
  });
});
