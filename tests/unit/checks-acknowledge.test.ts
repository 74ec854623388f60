/**
 * Acknowledging a finding (issue 12): a person looks at a finding, writes why it stands, and sees it
 * listed apart as 已确认. The note is kept in history as a change undo and redo take back, and the
 * finding opens again once the figures behind it change. Real data files, through the app's channels.
 */
import { describe, expect, it } from 'vitest';
import type { ChecksReport } from '../../shared/checks';
import { describeError } from '../../shared/errors';
import { describeChange } from '../../shared/history';
import { openChecksApp, plant, type Api } from '../helpers/checks';
import { refusal } from '../helpers/refusal';

const jumpOf = (report: ChecksReport) => report.checks.find((c) => c.id === 'yoy_jump')!;

/** 智能机器人's output value for 2024 at 5× 2023's, and the finding it makes. */
async function plantedJump(api: Api, db: Parameters<typeof plant>[0]) {
  const id = plant(db, { metric: 'output_value', value: 500, unit: '100m_yuan', period: '2024' });
  const finding = jumpOf(await api('runChecks', {})).open.items[0]!;
  return { id, finding };
}

describe('acknowledging a finding', () => {
  it('lists it apart with the note, who and when; undo opens it again, redo acknowledges it again', async () => {
    const { db, api } = openChecksApp();
    await api('updateSettings', { authorName: '李分析' });
    const { finding } = await plantedJump(api, db);
    expect(jumpOf(await api('runChecks', {})).count).toBe(1);

    const ack = await api('acknowledgeFinding', { checkId: 'yoy_jump', subject: finding.subject, note: '2024 年新统计口径，已与统计局核对' });
    expect(ack).toMatchObject({ checkId: 'yoy_jump', note: '2024 年新统计口径，已与统计局核对', author: '李分析', deletedAt: null });
    const after = jumpOf(await api('runChecks', {}));
    expect(after.count).toBe(0);
    expect(after.acknowledged.items.map((f) => [f.subject, f.acknowledged?.note, f.acknowledged?.author])).toEqual([[finding.subject, '2024 年新统计口径，已与统计局核对', '李分析']]);

    const history = await api('getHistory', { targetType: 'finding', targetId: String(ack.id) });
    expect(history.map((r) => [r.targetType, r.action])).toEqual([['finding', 'create']]);

    const undone = await api('undo', {});
    expect(describeChange(undone.summary!, 'zh-CN')).toContain('同比异常波动');
    expect(jumpOf(await api('runChecks', {})).count).toBe(1);
    await api('redo', {});
    expect(jumpOf(await api('runChecks', {})).acknowledged.total).toBe(1);
  });

  it('changes the note of one already acknowledged, and withdraws it (undoable too)', async () => {
    const { db, api } = openChecksApp();
    const { finding } = await plantedJump(api, db);
    const ref = { checkId: 'yoy_jump', subject: finding.subject } as const;
    const first = await api('acknowledgeFinding', { ...ref, note: '已核对' });
    const second = await api('acknowledgeFinding', { ...ref, note: '已与年鉴核对' });
    expect(second.id).toBe(first.id);
    expect(jumpOf(await api('runChecks', {})).acknowledged.items[0]!.acknowledged!.note).toBe('已与年鉴核对');

    await api('unacknowledgeFinding', ref);
    expect(jumpOf(await api('runChecks', {})).count).toBe(1);
    await api('undo', {});
    expect(jumpOf(await api('runChecks', {})).acknowledged.items[0]!.acknowledged!.note).toBe('已与年鉴核对');
    await api('undo', {});
    expect(jumpOf(await api('runChecks', {})).acknowledged.items[0]!.acknowledged!.note).toBe('已核对');
  });

  it('opens again when a figure behind it is edited, and stays acknowledged when the edit is undone', async () => {
    const { db, api } = openChecksApp();
    const { id, finding } = await plantedJump(api, db);
    await api('acknowledgeFinding', { checkId: 'yoy_jump', subject: finding.subject, note: '已核对' });
    const figure = await api('getFigure', { id });
    const { id: _id, changedAt: _at, changedBy: _by, deletedAt: _del, ...input } = figure;
    await api('saveFigure', { id, figure: { ...input, metric: 'output_value', value: 600 } });
    const reopened = jumpOf(await api('runChecks', {}));
    expect(reopened.count).toBe(1);
    expect(reopened.open.items[0]!.subject).not.toBe(finding.subject);
    expect(reopened.acknowledged.total).toBe(0);
    await api('undo', {});
    expect(jumpOf(await api('runChecks', {})).acknowledged.total).toBe(1);
  });

  it('refuses a finding that is not there, an empty note and a withdrawal of nothing, writing nothing', async () => {
    const { db, api } = openChecksApp();
    const { finding } = await plantedJump(api, db);
    const revisions = (): unknown => db.prepare(`SELECT count(*) FROM revisions`).pluck().get();
    const before = revisions();
    const gone = await refusal(api('acknowledgeFinding', { checkId: 'yoy_jump', subject: `${finding.subject}x`, note: '已核对' }));
    expect(gone.code).toBe('FINDING_GONE');
    expect(describeError(gone, 'zh-CN')).toContain('未作确认');
    const empty = await refusal(api('acknowledgeFinding', { checkId: 'yoy_jump', subject: finding.subject, note: '   ' }));
    expect([empty.code, empty.details?.where]).toEqual(['INVALID_INPUT', 'acknowledgeFinding.note']);
    const nothing = await refusal(api('unacknowledgeFinding', { checkId: 'yoy_jump', subject: finding.subject }));
    expect(nothing.code).toBe('NOT_FOUND');
    expect(revisions()).toBe(before);
    expect(db.prepare(`SELECT count(*) FROM finding_acknowledgements`).pluck().get()).toBe(0);
  });
});
