/**
 * Two writers on one file: a form filled from a figure, an industry or an annotation, saved after
 * another window or the command line changed it, is refused (CHANGED_ELSEWHERE) and writes nothing —
 * it wrote every field the form held, undoing the other change without a word, fields never touched
 * included. A save from a form that saw the latest goes through.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/dispatch';
import { FIGURES } from '../../electron/services/db/figures';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { mustExist } from '../../electron/services/db/revisions';
import { describeError } from '../../shared/errors';
import type { FigureInput } from '../../shared/domain';
import { colleagueSaves, handlersOver } from '../helpers/concurrent';
import { fullDump, openTemp } from '../helpers/files';

const ROBOTS = 19;

function inputOf(db: DB, id: number): FigureInput {
  const { scope, entityId, metric, value, unit, qualifier, period, sourceId, sourceQuote, note } = mustExist(db, FIGURES, id);
  return { scope, entityId, metric, value, unit, qualifier, period, sourceId, sourceQuote, note };
}

/** Change times are kept to the millisecond: the next change waits for the clock to move on. */
function nextMillisecond(): void {
  const now = Date.now();
  while (Date.now() === now) {
    /* wait for the condition, not for a time */
  }
}

type Refusal = { ok: false; error: { code: 'CHANGED_ELSEWHERE'; message: string; details: Record<string, string | number> } };

describe('a save over a change the form did not see', () => {
  it('of a figure: refused, naming it, who changed it and its value now; nothing written; saved over it once seen', async () => {
    const { db, file } = openTemp();
    const handlers = handlersOver(db, file);
    const opened = { value: await handlers.getFigure({ id: ROBOTS }) };
    nextMillisecond();
    colleagueSaves(file, ROBOTS, 150);
    const before = fullDump(db);
    const refused = (await dispatch(handlers, 'saveFigure', { id: ROBOTS, figure: { ...inputOf(db, ROBOTS), value: 160, note: '我的备注' }, seen: opened.value.changedAt })) as Refusal;
    expect(refused).toMatchObject({ ok: false, error: { code: 'CHANGED_ELSEWHERE', details: { deleted: 0 } } });
    expect(fullDump(db)).toBe(before);
    expect(describeError(refused.error, 'zh-CN')).toBe('智能机器人 产值（2023）（王同事）在你打开之后已被修改，现为 超过150亿元。为不覆盖这次修改，你的修改没有保存，仍留在你的窗口中；请核对最新内容后再保存。');
    expect(describeError(refused.error, 'en')).toMatch(/^Smart robots · Output value \(2023\) \(王同事\) was changed after you opened it; it is now over 15 billion yuan\./);

    // "Save mine over it": the form now says it has seen that change.
    const over = await dispatch(handlers, 'saveFigure', { id: ROBOTS, figure: { ...inputOf(db, ROBOTS), value: 160 }, seen: String(refused.error.details.changedAt) });
    expect(over).toMatchObject({ ok: true, value: { value: 160 } });
    db.close();
  });

  it('of a figure changed outside the app (no revision of it recorded): named all the same', async () => {
    const { db, file } = openTemp();
    const handlers = handlersOver(db, file);
    const opened = await handlers.getFigure({ id: ROBOTS });
    const other = openDataFile(file, { mustExist: true });
    other.prepare(`UPDATE figures SET value = 150, changed_at = '2026-12-03T10:00:00.000Z' WHERE id = ?`).run(ROBOTS);
    other.close();
    const refused = (await dispatch(handlers, 'saveFigure', { id: ROBOTS, figure: { ...inputOf(db, ROBOTS), value: 160 }, seen: opened.changedAt })) as Refusal;
    // It read "figure 19 was changed after you opened it".
    expect(describeError(refused.error, 'en')).toMatch(/^Smart robots · Output value \(2023\) was changed after you opened it; it is now over 15 billion yuan\./);
    db.close();
  });

  it('of a figure deleted since: refused as deleted, nothing written', async () => {
    const { db, file } = openTemp();
    const handlers = handlersOver(db, file);
    const opened = { value: await handlers.getFigure({ id: ROBOTS }) };
    const other = openDataFile(file, { mustExist: true });
    await dispatch(handlersOver(other, file), 'deleteItem', { targetType: 'figure', targetId: String(ROBOTS) });
    other.close();
    const before = fullDump(db);
    const refused = (await dispatch(handlers, 'saveFigure', { id: ROBOTS, figure: { ...inputOf(db, ROBOTS), value: 160 }, seen: opened.value.changedAt })) as Refusal;
    expect(refused).toMatchObject({ ok: false, error: { code: 'CHANGED_ELSEWHERE', details: { deleted: 1 } } });
    expect(describeError(refused.error, 'zh-CN')).toMatch(/^智能机器人 产值（2023）（.+）在你打开之后已被删除。.*“设置 ▸ 已删除的内容”中恢复/);
    expect(fullDump(db)).toBe(before);
    db.close();
  });

  it('an annotation added to a figure deleted since (an import with removals): said so, with the way back, nothing written', async () => {
    const { db, file } = openTemp();
    const handlers = handlersOver(db, file);
    const other = openDataFile(file, { mustExist: true });
    await dispatch(handlersOver(other, file), 'deleteItem', { targetType: 'figure', targetId: String(ROBOTS) });
    other.close();
    const before = fullDump(db);
    const refused = (await dispatch(handlers, 'saveAnnotation', { annotation: { targetType: 'figure', targetId: String(ROBOTS), status: 'open', body: '与年报核对', tags: [], includeInBriefing: false } })) as Refusal;
    expect(refused).toMatchObject({ ok: false, error: { code: 'CHANGED_ELSEWHERE', details: { deleted: 1 } } });
    // It read "输入无效（targetId）：指向不存在或已删除的记录（19）".
    expect(describeError(refused.error, 'zh-CN')).toMatch(/^智能机器人 产值（2023）（.+）在你打开之后已被删除。你的修改没有保存，仍留在你的窗口中；可在“设置 ▸ 已删除的内容”中恢复它后再保存。$/);
    expect(fullDump(db)).toBe(before);
    db.close();
  });

  it('of an industry and of an annotation: refused alike', async () => {
    const { db, file } = openTemp();
    const handlers = handlersOver(db, file);
    const entity = { value: await handlers.getEntity({ id: 'smart-robots' }) };
    const note = { value: await handlers.saveAnnotation({ annotation: { targetType: 'figure', targetId: String(ROBOTS), status: 'open', body: '核对', tags: [], includeInBriefing: false } }) };
    nextMillisecond();
    const other = openDataFile(file, { mustExist: true });
    const colleague = handlersOver(other, file);
    const { figures: _f, sources: _s, annotations: _a, changedAt: _c, ...fields } = entity.value;
    expect(await dispatch(colleague, 'saveEntity', { mode: 'update', entity: { ...fields, sortOrder: 77 } })).toMatchObject({ ok: true });
    expect(await dispatch(colleague, 'saveAnnotation', { id: note.value.id, annotation: { targetType: 'figure', targetId: String(ROBOTS), status: 'resolved', body: '核对', tags: [], includeInBriefing: false } })).toMatchObject({ ok: true });
    other.close();
    const before = fullDump(db);
    expect(await dispatch(handlers, 'saveEntity', { mode: 'update', entity: { ...fields, name: { zh: '智能机器人集群', en: 'Smart robots' } }, seen: entity.value.changedAt })).toMatchObject({ ok: false, error: { code: 'CHANGED_ELSEWHERE' } });
    expect(await dispatch(handlers, 'saveAnnotation', { id: note.value.id, annotation: { targetType: 'figure', targetId: String(ROBOTS), status: 'open', body: '核对（改）', tags: [], includeInBriefing: false }, seen: note.value.updatedAt })).toMatchObject({ ok: false, error: { code: 'CHANGED_ELSEWHERE' } });
    expect(fullDump(db)).toBe(before);
    db.close();
  });

  it('of a 简报 draft saved from another window since: refused, nothing written; saved over it once seen', async () => {
    const { db, file } = openTemp();
    const handlers = handlersOver(db, file);
    const content = await handlers.newBulletinContent({ title: '三季度运行情况', lang: 'zh' });
    const draft = await handlers.createBulletinDraft({ content });
    nextMillisecond();
    // The other window's autosave: its sentence.
    const theirs = { ...content, blocks: [...content.blocks, { type: 'paragraph' as const, content: [{ type: 'text' as const, text: '甲补充的一句。' }] }] };
    const other = openDataFile(file, { mustExist: true });
    expect(await dispatch(handlersOver(other, file), 'updateBulletinDraft', { id: draft.id, content: theirs, seen: draft.changedAt })).toMatchObject({ ok: true });
    other.close();
    const before = fullDump(db);
    const mine = { ...content, blocks: [...content.blocks, { type: 'paragraph' as const, content: [{ type: 'text' as const, text: '乙补充的一句。' }] }] };
    const refused = (await dispatch(handlers, 'updateBulletinDraft', { id: draft.id, content: mine, seen: draft.changedAt })) as Refusal;
    expect(refused).toMatchObject({ ok: false, error: { code: 'CHANGED_ELSEWHERE' } });
    expect(describeError(refused.error, 'zh-CN')).toMatch(/三季度运行情况.*在你打开之后已被修改/);
    expect(fullDump(db)).toBe(before);
    expect(await dispatch(handlers, 'updateBulletinDraft', { id: draft.id, content: mine, seen: String(refused.error.details.changedAt) })).toMatchObject({ ok: true });
    db.close();
  });

  it('for any order of two windows opening and saving one figure: a save goes through exactly when its window saw the latest, and the file holds the last one that did', async () => {
    const step = fc.record({ window: fc.constantFrom(0, 1), action: fc.constantFrom('open', 'save'), value: fc.integer({ min: 1, max: 9999 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const { db, file } = openTemp();
        const second = openDataFile(file, { mustExist: true });
        try {
          const windows = [handlersOver(db, file), handlersOver(second, file)];
          // What each window's form was filled from (the change time), and the model's count of saves.
          const seen: (string | undefined)[] = [undefined, undefined];
          const version: number[] = [-1, -1];
          let latest = 0;
          let held = 100;
          for (const { window, action, value } of steps) {
            const handlers = windows[window]!;
            if (action === 'open' || seen[window] === undefined) {
              seen[window] = (await handlers.getFigure({ id: ROBOTS })).changedAt;
              version[window] = latest;
              if (action === 'open') continue;
            }
            nextMillisecond();
            const saved = await dispatch(handlers, 'saveFigure', { id: ROBOTS, figure: { ...inputOf(db, ROBOTS), value }, seen: seen[window] });
            if (version[window] === latest) {
              expect(saved).toMatchObject({ ok: true });
              if (saved.ok) seen[window] = (saved.value as { changedAt: string }).changedAt;
              version[window] = ++latest;
              held = value;
            } else {
              expect(saved).toMatchObject({ ok: false, error: { code: 'CHANGED_ELSEWHERE' } });
            }
            expect(db.prepare(`SELECT value FROM figures WHERE id = ?`).pluck().get(ROBOTS)).toBe(held);
          }
        } finally {
          second.close();
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
