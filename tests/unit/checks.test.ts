/**
 * Data checks (issue 12), as an analyst meets them: each check finds a defect planted in a real data
 * file and names the figures, and leaves the default dataset alone. The seeded dataset is the
 * article's 2023 figures: on a day when 2023 is current it trips no check at all; from 2026 on every
 * one of its series is out of date, and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, CHECK_TEXT, describeFacts } from '../../shared/checks';
import { runChecks } from '../../electron/services/checks/run';
import type { DB } from '../../electron/services/db/open';
import { SEED_CURRENT, figureIdsOf, openChecksApp, openFindings, plant } from '../helpers/checks';

const counts = (db: DB, now: Date): Record<string, number> => Object.fromEntries(runChecks(db, { now }).checks.map((c) => [c.id, c.count]));
const none = Object.fromEntries(CHECK_IDS.map((id) => [id, 0]));

/** Runs `work` on the file and takes every write back afterwards (a property's runs share one file). */
function planted<T>(db: DB, work: () => T): T {
  db.exec('SAVEPOINT planted');
  try {
    return work();
  } finally {
    db.exec('ROLLBACK TO planted; RELEASE planted');
  }
}

describe('the default dataset', () => {
  it('trips no check while its 2023 figures are current', () => {
    const { db } = openChecksApp();
    expect(counts(db, SEED_CURRENT)).toEqual(none);
  });

  it('is all out of date from 2026 on: each of its 24 series, and nothing else', () => {
    const { db } = openChecksApp();
    expect(counts(db, new Date('2026-11-30T12:00:00Z'))).toEqual({ ...none, stale: 24 });
    const robots = openFindings(db, 'stale', new Date('2026-11-30T12:00:00Z')).find((f) => f.entityId === 'smart-robots')!;
    expect(robots).toMatchObject({ entityName: { zh: '智能机器人', en: 'Smart robots' }, metric: 'output_value', metricName: { zh: '产值' }, period: '2023' });
    // What was found, in words (the column was blank for this check).
    expect([describeFacts(robots, 'zh-CN'), describeFacts(robots, 'en')]).toEqual(['最新数据为 2023', 'latest figure: 2023']);
  });
});

describe('no source', () => {
  it('lists a figure that cites nothing, and only it', () => {
    const { db } = openChecksApp();
    const id = plant(db, { metric: 'revenue', value: 80, unit: '100m_yuan', period: '2023', sourceId: null });
    expect(figureIdsOf(openFindings(db, 'no_source'))).toEqual([[id]]);
    expect(describeFacts(openFindings(db, 'no_source')[0]!, 'zh-CN')).toBe('没有来源');
  });
});

describe('tier that disagrees with the latest output value', () => {
  it('appears when 智能机器人 (超百亿) is recorded at 1,200 亿元 for 2024, and goes when the tier is corrected', async () => {
    const { db, api } = openChecksApp();
    const figure = { scope: 'entity', entityId: 'smart-robots', metric: 'output_value', value: 1200, unit: '100m_yuan', qualifier: 'exact', period: '2024', sourceId: 1, sourceQuote: null, note: null } as const;
    const saved = await api('saveFigure', { figure });
    const [finding] = openFindings(db, 'tier_mismatch');
    expect(finding).toMatchObject({ entityId: 'smart-robots', period: '2024', facts: { tier: 'over_10b', figureTier: 'over_100b' } });
    expect(finding!.figures.map((f) => f.id)).toEqual([saved.id]);
    expect(describeFacts(finding!, 'zh-CN')).toBe('产值超百亿元 → 产值超千亿元');

    const entity = await api('getEntity', { id: 'smart-robots' });
    await api('saveEntity', { mode: 'update', entity: { id: entity.id, name: entity.name, category: entity.category, tier: 'over_100b', sortOrder: entity.sortOrder } });
    expect(openFindings(db, 'tier_mismatch')).toEqual([]);
  });

  it('ignores a target as the latest figure (the rule of the entity page)', () => {
    const { db } = openChecksApp();
    plant(db, { metric: 'output_value', value: 5000, unit: '100m_yuan', qualifier: 'target', period: '2027' });
    expect(openFindings(db, 'tier_mismatch')).toEqual([]);
  });
});

describe('duplicates', () => {
  it('pairs two figures of the same entity, city, metric and period; a target for that period is not one', () => {
    const { db } = openChecksApp();
    const seeded = db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots' AND metric = 'output_value'`).pluck().get() as number;
    const again = plant(db, { metric: 'output_value', value: 120, unit: '100m_yuan', period: '2023' });
    plant(db, { metric: 'output_value', value: 150, unit: '100m_yuan', qualifier: 'target', period: '2023' });
    plant(db, { metric: 'output_value', value: 30, unit: '100m_yuan', period: '2023', cityCode: '440300' });
    expect(figureIdsOf(openFindings(db, 'duplicate'))).toEqual([[seeded, again]]);
    expect(describeFacts(openFindings(db, 'duplicate')[0]!, 'en')).toBe('2 figures for one period');
  });
});

describe('gaps in a yearly series', () => {
  it('names the missing years between the first and the last', () => {
    const { db } = openChecksApp();
    const ids = [2017, 2019, 2020, 2023].map((year) => plant(db, { metric: 'revenue', value: 50, unit: '100m_yuan', period: String(year) }));
    const [finding] = openFindings(db, 'series_gap');
    expect(finding).toMatchObject({ entityId: 'smart-robots', metric: 'revenue', facts: { missing: ['2018', '2021–2022'] } });
    expect(finding!.figures.map((f) => f.id)).toEqual([ids[0], ids[1], ids[2], ids[3]]);
    expect(describeFacts(finding!, 'en')).toBe('missing 2018, 2021–2022');
  });

  it('finds exactly the years a random series misses (property)', () => {
    const { db } = openChecksApp();
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 2000, max: 2030 }), { minLength: 1, maxLength: 12, size: 'max' }), (years) => {
        const sorted = [...years].sort((a, b) => a - b);
        const missing: string[] = [];
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          if (b - a === 2) missing.push(String(a + 1));
          else if (b - a > 2) missing.push(`${a + 1}–${b - 1}`);
        }
        const found = planted(db, () => {
          for (const year of years) plant(db, { metric: 'revenue', value: 50, unit: '100m_yuan', period: String(year) });
          return openFindings(db, 'series_gap');
        });
        expect(found.map((f) => f.facts.missing)).toEqual(missing.length ? [missing] : []);
      }),
      { numRuns: 40, verbose: true },
    );
  });
});

describe('year-on-year jumps', () => {
  it('flags 5× the year before across units (亿元 then 万元), not 2×', () => {
    const { db } = openChecksApp();
    const seeded = db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots' AND metric = 'output_value'`).pluck().get() as number; // over 100 亿元, 2023
    const jump = plant(db, { metric: 'output_value', value: 5_000_000, unit: '10k_yuan', period: '2024' });
    plant(db, { entityId: 'new-energy', metric: 'output_value', value: 10_000, unit: '100m_yuan', period: '2024' }); // 5000 → 10000: ×2
    const [finding] = openFindings(db, 'yoy_jump');
    expect(openFindings(db, 'yoy_jump')).toHaveLength(1);
    expect(finding!.figures.map((f) => f.id)).toEqual([seeded, jump]);
    expect(finding!.facts.ratio).toBeCloseTo(5);
    expect(describeFacts(finding!, 'zh-CN')).toBe('×5');
  });

  it('flags a sign flip of a metric the catalog says may be negative', () => {
    const { db } = openChecksApp();
    db.prepare(`INSERT INTO metrics (id, name_zh, name_en, kind, may_be_negative, sort_order, changed_at, changed_by) VALUES ('profit', '利润总额', 'Total profit', 'money', 1, 50, '2026-11-30', 'test')`).run();
    plant(db, { metric: 'profit', value: 12, unit: '100m_yuan', period: '2022' });
    plant(db, { metric: 'profit', value: -3, unit: '100m_yuan', period: '2023' });
    expect(openFindings(db, 'yoy_jump').map((f) => [f.metric, f.metricName.zh, f.facts])).toEqual([['profit', '利润总额', { signFlip: true }]]);
  });

  it('agrees with the rule on any two consecutive years in any money units (property)', () => {
    const { db } = openChecksApp();
    const units = { yuan: 1, '10k_yuan': 1e4, '100m_yuan': 1e8 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        // The second year as a multiple of the first, mostly near the ×3 and ⅓ edges.
        fc.oneof(fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: 2.5, max: 4, noNaN: true }), fc.double({ min: 0.25, max: 0.4, noNaN: true })),
        fc.constantFrom(...(Object.keys(units) as (keyof typeof units)[])),
        fc.constantFrom(...(Object.keys(units) as (keyof typeof units)[])),
        (a, multiple, ua, ub) => {
          const b = (a * multiple * units[ua]) / units[ub];
          const ratio = (b * units[ub]) / (a * units[ua]);
          // Values right at ×3 or ⅓ are left out: binary rounding may fall either side there.
          fc.pre(Math.abs(ratio - 3) > 1e-6 && Math.abs(ratio - 1 / 3) > 1e-6);
          const found = planted(db, () => {
            plant(db, { entityId: 'future-networks', metric: 'revenue', value: a, unit: ua, period: '2021' });
            plant(db, { entityId: 'future-networks', metric: 'revenue', value: b, unit: ub, period: '2022' });
            return openFindings(db, 'yoy_jump');
          });
          expect(found.length).toBe(ratio > 3 || ratio < 1 / 3 ? 1 : 0);
        },
      ),
      { numRuns: 100, verbose: true },
    );
  });
});

describe('percent values', () => {
  it('flags a share above 100 and a fraction typed into a series of whole percentages', () => {
    const { db } = openChecksApp();
    const over = plant(db, { scope: 'strategic_clusters', metric: 'gdp_share', value: 140, unit: 'percent', period: '2024' });
    plant(db, { metric: 'gdp_share', value: 0.9, unit: 'percent', period: '2021' });
    const fraction = plant(db, { metric: 'gdp_share', value: 0.38, unit: 'percent', period: '2022' });
    plant(db, { metric: 'gdp_share', value: 1.2, unit: 'percent', period: '2023' });
    // A growth rate may be negative: −3 % is no finding.
    plant(db, { metric: 'added_value_growth', value: -3, unit: 'percent', period: '2023' });
    expect(figureIdsOf(openFindings(db, 'percent_range'))).toEqual([[over]]);
    db.prepare(`UPDATE figures SET value = 40 WHERE entity_id = 'smart-robots' AND metric = 'gdp_share' AND period = '2021'`).run();
    expect(openFindings(db, 'percent_range').map((f) => [f.figures[0]!.id, f.facts.below])).toEqual([
      [over, 'range'],
      [fraction, 'fraction'],
    ]);
    expect(openFindings(db, 'percent_range').map((f) => describeFacts(f, 'zh-CN'))).toEqual(['超出百分比的合理范围', '疑为小数']);
  });
});

describe('negative values', () => {
  it('flags a negative revenue, not a negative growth rate nor a metric the catalog lets be negative', () => {
    const { db } = openChecksApp();
    const id = plant(db, { metric: 'revenue', value: -5, unit: '100m_yuan', period: '2023' });
    plant(db, { metric: 'added_value_growth', value: -2, unit: 'percent', period: '2023' });
    db.prepare(`INSERT INTO metrics (id, name_zh, name_en, kind, may_be_negative, sort_order, changed_at, changed_by) VALUES ('net_exports', '净出口', 'Net exports', 'money', 1, 50, '2026-11-30', 'test')`).run();
    plant(db, { metric: 'net_exports', value: -7, unit: '100m_yuan', period: '2023' });
    expect(figureIdsOf(openFindings(db, 'negative'))).toEqual([[id]]);
    expect(describeFacts(openFindings(db, 'negative')[0]!, 'zh-CN')).toBe('负值');
  });
});

describe('parts that add up to more than the total', () => {
  it('compares the cities of an entity with its province-wide total in one unit basis', () => {
    const { db } = openChecksApp();
    const total = plant(db, { metric: 'revenue', value: 100, unit: '100m_yuan', period: '2023' });
    const shenzhen = plant(db, { metric: 'revenue', value: 70, unit: '100m_yuan', period: '2023', cityCode: '440300' });
    const guangzhou = plant(db, { metric: 'revenue', value: 400_000, unit: '10k_yuan', period: '2023', cityCode: '440100' }); // 40 亿元
    const [finding] = openFindings(db, 'parts_exceed_total');
    expect(finding).toMatchObject({ entityId: 'smart-robots', cityCode: null, period: '2023', facts: { parts: 2, sum: 110e8, total: 100e8 } });
    expect(finding!.figures.map((f) => f.id).sort()).toEqual([total, shenzhen, guangzhou].sort());
    // 30 亿元 for Guangzhou instead: 100 in all is not more than the total.
    db.prepare(`UPDATE figures SET value = 300000 WHERE id = ?`).run(guangzhou);
    expect(openFindings(db, 'parts_exceed_total')).toEqual([]);
  });

  it('compares the emerging clusters with their group’s “nearly 3 trillion” revenue; an “over” total is a lower bound', () => {
    const { db } = openChecksApp();
    plant(db, { entityId: 'new-energy', metric: 'revenue', value: 20_000, unit: '100m_yuan', period: '2023' });
    plant(db, { entityId: 'digital-creativity', metric: 'revenue', value: 15_000, unit: '100m_yuan', period: '2023' });
    const group = db.prepare(`SELECT id FROM figures WHERE scope = 'emerging_clusters' AND metric = 'revenue'`).pluck().get() as number;
    expect(openFindings(db, 'parts_exceed_total').map((f) => [f.scope, f.figures.at(-1)!.id, f.facts.parts])).toEqual([['emerging_clusters', group, 2]]);
    db.prepare(`UPDATE figures SET qualifier = 'over' WHERE id = ?`).run(group);
    expect(openFindings(db, 'parts_exceed_total')).toEqual([]);
  });
});

describe('out of date', () => {
  it('counts years from the clock it is given: a 2025 figure brings its series up to date', () => {
    const { db } = openChecksApp();
    const day = new Date('2026-03-01T00:00:00Z');
    expect(openFindings(db, 'stale', day).some((f) => f.entityId === 'smart-robots' && f.metric === 'output_value')).toBe(true);
    plant(db, { metric: 'output_value', value: 130, unit: '100m_yuan', period: '2025-Q2' });
    expect(openFindings(db, 'stale', day).some((f) => f.entityId === 'smart-robots' && f.metric === 'output_value')).toBe(false);
    expect(openFindings(db, 'stale', day)).toHaveLength(23);
    // The finding names the series' latest figure, whatever order the figures came in.
    const latest = plant(db, { metric: 'revenue', value: 60, unit: '100m_yuan', period: '2022' });
    plant(db, { metric: 'revenue', value: 50, unit: '100m_yuan', period: '2021' });
    expect(openFindings(db, 'stale', day).find((f) => f.entityId === 'smart-robots' && f.metric === 'revenue')).toMatchObject({ period: '2022', figures: [{ id: latest, period: '2022' }] });
    expect(openFindings(db, 'stale', day)).toHaveLength(24);
    // A target is no newer figure.
    plant(db, { entityId: 'new-energy', metric: 'output_value', value: 9000, unit: '100m_yuan', qualifier: 'target', period: '2027' });
    expect(openFindings(db, 'stale', day)).toHaveLength(24);
  });
});

describe('the lists a person reads', () => {
  it('are capped at the limit, with the total of all', () => {
    const { db } = openChecksApp();
    for (let i = 0; i < 7; i++) plant(db, { metric: 'revenue', value: 1 + i, unit: '100m_yuan', period: String(2010 + 2 * i), sourceId: null });
    const noSource = runChecks(db, { now: SEED_CURRENT, limit: 5, only: ['no_source'] }).checks[0]!;
    expect([noSource.count, noSource.open.total, noSource.open.items.length]).toEqual([7, 7, 5]);
  });
});

describe('the checks in English', () => {
  it('name and explain every check without Chinese (the year-on-year hint said "元/万元/亿元 converted")', () => {
    for (const id of CHECK_IDS) {
      expect(CHECK_TEXT[id].name.en, id).not.toMatch(/\p{Script=Han}/u);
      expect(CHECK_TEXT[id].hint.en, id).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
