/**
 * 确认本项全部 (issue 12): on a fresh file every seeded series is out of date, and an analyst acknowledges
 * all the listed 'stale' findings with one note. One change, one undo; a finding whose figure another
 * writer (the command line, an import) edited after the listing is left open and counted; a hostile
 * payload is refused and changes nothing. Real data files, through the app's channels.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FINDINGS_LISTED_MAX, type ChecksReport } from '../../shared/checks';
import { describeChange } from '../../shared/history';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { openChecksApp, type Api } from '../helpers/checks';
import { fullDump } from '../helpers/files';
import { refusal } from '../helpers/refusal';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('CHECKS_ACK_ALL_SEED', 20261203);
const NOTE = '2025 年数据尚未发布，已与省统计局确认';

const staleOf = (report: ChecksReport) => report.checks.find((c) => c.id === 'stale')!;
/** Each check's open and acknowledged totals. */
const totals = (report: ChecksReport) => Object.fromEntries(report.checks.map((c) => [c.id, [c.open.total, c.acknowledged.total]]));
/** The file as a whole, acknowledgements included (fullDump leaves that table out). */
const dump = (db: DB): string => fullDump(db) + JSON.stringify(db.prepare(`SELECT * FROM finding_acknowledgements ORDER BY id`).all());

const opened: DB[] = [];
function open(): { db: DB; file: string; api: Api } {
  const app = openChecksApp();
  opened.push(app.db);
  return app;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('acknowledging every open finding of one check', () => {
  it('acknowledges exactly the open ones, in one change that one undo takes back; redo acknowledges them again', async () => {
    const { db, api } = open();
    await api('updateSettings', { authorName: '李分析' });
    const before = await api('runChecks', {});
    const listed = staleOf(before).open.items;
    expect(listed.length).toBeGreaterThan(1);
    const batches = (): number => db.prepare(`SELECT count(*) FROM batches`).pluck().get() as number;
    const batchesBefore = batches();

    const result = await api('acknowledgeFindings', { checkId: 'stale', subjects: listed.map((f) => f.subject), note: NOTE });
    expect(result).toEqual({ acknowledged: listed.length, changed: 0 });

    const after = await api('runChecks', {});
    expect(staleOf(after).open.total).toBe(0);
    expect(staleOf(after).acknowledged.items.map((f) => [f.subject, f.acknowledged?.note, f.acknowledged?.author])).toEqual(listed.map((f) => [f.subject, NOTE, '李分析']));
    // Every other check is as it was.
    expect({ ...totals(after), stale: null }).toEqual({ ...totals(before), stale: null });
    // One change: one batch of one revision per finding.
    expect(batches()).toBe(batchesBefore + 1);
    const state = await api('getUndoState', {});
    const revisions = db.prepare(`SELECT target_type, action FROM revisions WHERE batch_id = ?`).all(state.undoBatchId) as { target_type: string; action: string }[];
    expect(revisions).toEqual(listed.map(() => ({ target_type: 'finding', action: 'create' })));
    // Named as what it was, before undo is pressed and after.
    expect(describeChange(state.undoWhat!, 'zh-CN')).toBe(`确认 ${listed.length} 条核查结果「数据过旧」`);
    expect(describeChange(state.undoWhat!, 'en')).toBe(`acknowledged ${listed.length} check findings “Out of date”`);

    const undone = await api('undo', { batchId: state.undoBatchId! });
    expect(undone.changes).toBe(listed.length);
    expect(describeChange(undone.summary!, 'zh-CN')).toBe(`确认 ${listed.length} 条核查结果「数据过旧」`);
    const reopened = staleOf(await api('runChecks', {}));
    expect([reopened.open.items.map((f) => f.subject), reopened.acknowledged.total]).toEqual([listed.map((f) => f.subject), 0]);

    await api('redo', {});
    expect(staleOf(await api('runChecks', {})).acknowledged.total).toBe(listed.length);
  });

  it(`leaves open, and counts, the listed findings edited or acknowledged by another writer since; undo reopens only what it acknowledged (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.infiniteStream(fc.constantFrom('keep', 'edited', 'acknowledged', 'unlisted')),
        fc.integer({ min: 0, max: 3 }),
        async (fates, repeats) => {
          const { db, file, api } = open();
          const listed = staleOf(await api('runChecks', {})).open.items;
          const fate = new Map(listed.map((f) => [f.subject, fates.next().value as 'keep' | 'edited' | 'acknowledged' | 'unlisted']));
          const sent = listed.filter((f) => fate.get(f.subject) !== 'unlisted');
          fc.pre(sent.length > 0);

          // After the listing, another program writes to the file: a figure's value, an acknowledgement.
          const other = openDataFile(file);
          try {
            for (const f of sent) {
              if (fate.get(f.subject) === 'edited') other.prepare(`UPDATE figures SET value = value + 1 WHERE id = ?`).run(f.figures[0]!.id);
            }
          } finally {
            other.close();
          }
          for (const f of sent) if (fate.get(f.subject) === 'acknowledged') await api('acknowledgeFinding', { checkId: 'stale', subject: f.subject, note: '另一位同事已核对' });

          // The page sends what it listed (a key sent twice counts once).
          const subjects = [...sent.map((f) => f.subject), ...sent.slice(0, repeats).map((f) => f.subject)];
          const kept = sent.filter((f) => fate.get(f.subject) === 'keep');
          const batches = (): number => db.prepare(`SELECT count(*) FROM batches`).pluck().get() as number;
          const batchesBefore = batches();
          const result = await api('acknowledgeFindings', { checkId: 'stale', subjects, note: NOTE });
          expect(result).toEqual({ acknowledged: kept.length, changed: sent.length - kept.length });
          // One change when anything was acknowledged; none (nothing for undo to take back) when nothing was.
          expect(batches()).toBe(batchesBefore + (kept.length > 0 ? 1 : 0));

          const now = staleOf(await api('runChecks', {}));
          const notes = Object.fromEntries(now.acknowledged.items.map((f) => [f.subject, f.acknowledged!.note]));
          for (const f of kept) expect(notes[f.subject]).toBe(NOTE);
          for (const f of sent) if (fate.get(f.subject) === 'acknowledged') expect(notes[f.subject]).toBe('另一位同事已核对');
          const stillOpen = new Set(now.open.items.map((f) => f.subject));
          for (const f of listed) if (fate.get(f.subject) === 'unlisted') expect(stillOpen.has(f.subject)).toBe(true);
          // An edited figure's finding is open again under its new key, not acknowledged.
          const edited = sent.filter((f) => fate.get(f.subject) === 'edited');
          expect(now.open.total).toBe(listed.filter((f) => fate.get(f.subject) === 'unlisted').length + edited.length);

          if (kept.length > 0) {
            await api('undo', {});
            const undone = staleOf(await api('runChecks', {}));
            expect(undone.open.total).toBe(now.open.total + kept.length);
            expect(undone.acknowledged.items.map((f) => f.acknowledged!.note)).toEqual(sent.filter((f) => fate.get(f.subject) === 'acknowledged').map(() => '另一位同事已核对'));
          }
        },
      ),
      { seed: SEED, numRuns: 12 },
    );
  });

  it(`refuses a hostile payload (too many keys, wrong types, no note) with INVALID_INPUT and changes nothing (seed ${SEED})`, async () => {
    const { db, api } = open();
    const listed = staleOf(await api('runChecks', {})).open.items.map((f) => f.subject);
    const valid = { checkId: 'stale', subjects: listed, note: NOTE };
    const before = dump(db);
    const hostile = fc.oneof(
      fc.constant({ ...valid, subjects: Array.from({ length: FINDINGS_LISTED_MAX + 1 }, (_, i) => listed[i % listed.length]) }),
      fc.constant({ ...valid, subjects: [] }),
      fc.constant({ ...valid, subjects: [...listed, 'x'.repeat(2001)] }),
      fc.constant({ ...valid, subjects: [...listed, ''] }),
      fc.constant({ ...valid, note: '   ' }),
      fc.constant({ ...valid, note: '说'.repeat(2001) }),
      fc.constant({ ...valid, extra: true }),
      fc.constant({ subjects: listed, note: NOTE }),
      fc.record({ subjects: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.oneof(fc.integer(), fc.constant(null), fc.object()), { minLength: 1 })) }).map((r) => ({ ...valid, ...r })),
      fc.record({ checkId: fc.oneof(fc.string().filter((s) => !['no_source', 'tier_mismatch', 'duplicate', 'series_gap', 'yoy_jump', 'percent_range', 'negative', 'parts_exceed_total', 'stale'].includes(s)), fc.integer()) }).map((r) => ({ ...valid, ...r })),
      fc.record({ note: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())) }).map((r) => ({ ...valid, ...r })),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (payload) => {
        const refused = await refusal(api('acknowledgeFindings', payload as never));
        expect(refused.code).toBe('INVALID_INPUT');
        expect(dump(db)).toBe(before);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
