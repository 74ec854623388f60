/**
 * The checks' results are kept per state of the data file (electron/services/checks/cache.ts): the
 * page and the dashboard card read them again for free while nothing changed, and see a new finding
 * as soon as anything writes — an edit in the app, an undo or redo, another program (the command
 * line) writing the same file. Real data files, through the app's channels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckCounts, CheckId, ChecksReport } from '../../shared/checks';
import { forgetKept } from '../../electron/services/checks/cache';
import { findingRows, runChecks } from '../../electron/services/checks/run';
import { openDataFile } from '../../electron/services/db/open';
import { openChecksApp, plant, SEED_CURRENT } from '../helpers/checks';

const countOf = (id: CheckId) => (report: ChecksReport | CheckCounts): number => report.checks.find((c) => c.id === id)!.count;
const negatives = countOf('negative');
const tiers = countOf('tier_mismatch');

describe('check results kept until the data changes', () => {
  it('an analyst corrects 智能机器人 (超百亿) to 1,200 亿元: the card and the page show it; undo takes it away, redo brings it back', async () => {
    const { db, api } = openChecksApp();
    const robots = db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots' AND metric = 'output_value'`).pluck().get() as number;
    expect(tiers(await api('countChecks', {}))).toBe(0);
    expect(tiers(await api('runChecks', {}))).toBe(0);

    const { scope, entityId, metric, unit, period, sourceId, sourceQuote, note } = await api('getFigure', { id: robots });
    await api('saveFigure', { id: robots, figure: { scope, entityId, metric, unit, period, sourceId, sourceQuote, note, value: 1200, qualifier: 'exact' } });
    expect(tiers(await api('countChecks', {}))).toBe(1);
    const page = await api('runChecks', {});
    expect(page.checks.find((c) => c.id === 'tier_mismatch')!.open.items.map((f) => f.figures.map((g) => [g.id, g.value]))).toEqual([[[robots, 1200]]]);

    await api('undo', {});
    expect(tiers(await api('countChecks', {}))).toBe(0);
    expect(tiers(await api('runChecks', {}))).toBe(0);
    await api('redo', {});
    expect(tiers(await api('runChecks', {}))).toBe(1);
    expect(tiers(await api('countChecks', {}))).toBe(1);
  });

  it('sees a figure another program wrote into the same file (the command line beside the open app)', async () => {
    const { file, api } = openChecksApp();
    expect(negatives(await api('countChecks', {}))).toBe(0);
    const other = openDataFile(file, { mustExist: true });
    try {
      plant(other, { metric: 'revenue', value: -3, unit: '100m_yuan', period: '2023' });
    } finally {
      other.close();
    }
    expect(negatives(await api('countChecks', {}))).toBe(1);
    expect(negatives(await api('runChecks', {}))).toBe(1);
  });

  it('runs a check once per state: asked again with nothing changed, it gives back the very rows it kept', () => {
    const { db } = openChecksApp();
    const read = () => db.transaction(() => findingRows(db, 'stale', SEED_CURRENT))();
    const first = read();
    expect(read()).toBe(first);
    plant(db, { metric: 'revenue', value: 10, unit: '100m_yuan', period: '2001', sourceId: null });
    const after = read();
    expect(after).not.toBe(first);
    expect(after.length).toBe(first.length + 1);
    // A new day is a new state for the out-of-date check.
    expect(db.transaction(() => findingRows(db, 'stale', new Date('2031-01-01T00:00:00Z')))()).not.toBe(after);
  });

  it('counts agree with the full report, open and acknowledged', async () => {
    const { db, api } = openChecksApp();
    plant(db, { metric: 'output_value', value: 500, unit: '100m_yuan', period: '2024' });
    plant(db, { metric: 'revenue', value: -1, unit: '100m_yuan', period: '2022', sourceId: null });
    const jump = (await api('runChecks', {})).checks.find((c) => c.id === 'yoy_jump')!.open.items[0]!;
    await api('acknowledgeFinding', { checkId: 'yoy_jump', subject: jump.subject, note: '新统计口径' });
    const [counts, report] = [await api('countChecks', {}), await api('runChecks', {})];
    expect(counts.checks.map((c) => [c.id, c.count, c.acknowledged])).toEqual(report.checks.map((c) => [c.id, c.open.total, c.acknowledged.total]));
    expect(counts.checks.find((c) => c.id === 'yoy_jump')).toMatchObject({ count: 0, acknowledged: 1 });
  });

  it('after any run of edits, deletions, undos and redos, what is shown equals a fresh run of every check', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('plant' as const), metric: fc.constantFrom('output_value', 'revenue', 'added_value_growth'), value: fc.integer({ min: -50, max: 5000 }), year: fc.integer({ min: 2018, max: 2026 }), city: fc.constantFrom(null, '440300', '440100'), source: fc.boolean() }),
      fc.record({ kind: fc.constant('edit' as const), value: fc.integer({ min: 1, max: 5000 }) }),
      fc.constant({ kind: 'delete' as const }),
      fc.constant({ kind: 'undo' as const }),
      fc.constant({ kind: 'redo' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { db, api } = openChecksApp();
        const newest = (): number => db.prepare(`SELECT max(id) FROM figures WHERE deleted_at IS NULL`).pluck().get() as number;
        for (const s of steps) {
          if (s.kind === 'plant') {
            const unit = s.metric === 'added_value_growth' ? 'percent' : '100m_yuan';
            plant(db, { metric: s.metric, value: s.value, unit, period: String(s.year), cityCode: s.city, sourceId: s.source ? 1 : null });
          } else if (s.kind === 'edit') {
            const f = await api('getFigure', { id: newest() });
            const { scope, entityId, metric, unit, period, sourceId, sourceQuote, note, qualifier } = f;
            await api('saveFigure', { id: f.id, figure: { scope, entityId, metric, unit, period, sourceId, sourceQuote, note, qualifier, value: s.value } }).catch(() => undefined);
          } else if (s.kind === 'delete') await api('deleteItem', { targetType: 'figure', targetId: String(newest()) });
          else await api(s.kind, {});
          const shown = await api('runChecks', {});
          const counts = await api('countChecks', {});
          forgetKept(db);
          const fresh = runChecks(db, { now: new Date(shown.ranAt) });
          expect({ ...shown, ranAt: '' }).toEqual({ ...fresh, ranAt: '' });
          expect(counts.checks.map((c) => c.count)).toEqual(fresh.checks.map((c) => c.count));
        }
      }),
      { numRuns: 15 },
    );
  });
});
