/**
 * Undo, redo and "restore this version" never take back an edit they were not asked to. The page
 * sends the change its Undo button stood for (undoBatchId) and the newest revision its history
 * showed; a colleague's edit saved meanwhile on another connection is left alone when it touches
 * other figures, and makes the undo refuse, naming the figures, when it touches the same ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FigureInput } from '../../shared/domain';
import { dispatch } from '../../electron/services/dispatch';
import type { Handlers } from '../../electron/services/handlers';
import { applyFigureChanges } from '../../electron/services/db/figures-bulk';
import { FIGURES, updateFigure } from '../../electron/services/db/figures';
import type { DB } from '../../electron/services/db/open';
import { mustExist, newChange } from '../../electron/services/db/revisions';
import { colleagueSaves, handlersOver } from '../helpers/concurrent';
import { describeError } from '../../shared/errors';
import { fullDump, openTemp } from '../helpers/files';

const valueOf = (db: DB, id: number): unknown => db.prepare(`SELECT value FROM figures WHERE id = ?`).pluck().get(id);

function inputOf(db: DB, id: number): FigureInput {
  const { scope, entityId, metric, value, unit, qualifier, period, sourceId, sourceQuote, note } = mustExist(db, FIGURES, id);
  return { scope, entityId, metric, value, unit, qualifier, period, sourceId, sourceQuote, note };
}

/** An import-like batch: figure id's value becomes 1000 + id, for each of `ids`. */
function importValues(db: DB, ids: readonly number[]): void {
  applyFigureChanges(
    db,
    newChange('李分析'),
    ids.map((id) => ({ kind: 'changed', id, input: { ...inputOf(db, id), value: 1000 + id } })),
  );
}

async function shownUndoState(handlers: Handlers): Promise<{ undoBatchId: string; redoBatchId: string | null }> {
  const state = await dispatch(handlers, 'getUndoState', {});
  if (!state.ok) throw new Error(JSON.stringify(state.error));
  return state.value as { undoBatchId: string; redoBatchId: string | null };
}

describe('undo after a colleague saved an edit', () => {
  it('of another figure: undoes the import the button showed, and keeps the colleague’s edit', async () => {
    const { db, file } = openTemp();
    const handlers = handlersOver(db, file);
    importValues(db, [19, 20]);
    const { undoBatchId } = await shownUndoState(handlers);
    colleagueSaves(file, 21, 5.9);

    const result = await dispatch(handlers, 'undo', { batchId: undoBatchId });
    expect(result).toMatchObject({ ok: true, value: { done: true, changes: 2 } });
    expect([valueOf(db, 19), valueOf(db, 20), valueOf(db, 21)]).toEqual([100, 100, 5.9]);
    // The colleague's change is still the one to undo next.
    expect((await shownUndoState(handlers)).undoBatchId).not.toBe(undoBatchId);
    db.close();
  });

  it('of a figure of the import: refuses, naming it, and writes nothing; after an undo, the edit ends what could be redone', async () => {
    const { db, file } = openTemp();
    const handlers = handlersOver(db, file);
    importValues(db, [19, 20]);
    const { undoBatchId } = await shownUndoState(handlers);
    colleagueSaves(file, 20, 222);
    const before = fullDump(db);
    const refused = await dispatch(handlers, 'undo', { batchId: undoBatchId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ROWS_CHANGED', details: { ids: '20', count: 1 } } });
    expect(fullDump(db)).toBe(before);
    // Named as the person knows it, with who changed it: "(20)" alone meant nothing.
    const error = (refused as { error: { code: 'ROWS_CHANGED'; message: string; details: Record<string, string | number> } }).error;
    expect(describeError(error, 'zh-CN')).toMatch(/^区块链与量子信息 产值（2023）（王同事）在这次更改之后又被修改过，.*请先查看它的修改历史。$/);
    expect(describeError(error, 'en')).toMatch(/^Changed again after this change: Blockchain and quantum information · Output value \(2023\) \(王同事\); nothing was written, so that change is kept\. Look at its history first\.$/);

    // Redo: the import undone, then the colleague edits one of its figures again.
    const { db: db2, file: file2 } = openTemp();
    const handlers2 = handlersOver(db2, file2);
    importValues(db2, [19, 20]);
    const shown = await shownUndoState(handlers2);
    expect(await dispatch(handlers2, 'undo', { batchId: shown.undoBatchId })).toMatchObject({ ok: true });
    const { redoBatchId } = await shownUndoState(handlers2);
    colleagueSaves(file2, 19, 333);
    // A new change ends what could be redone: nothing is redone over it.
    expect(await dispatch(handlers2, 'redo', { batchId: redoBatchId! })).toMatchObject({ ok: true, value: { done: false } });
    expect(valueOf(db2, 19)).toBe(333);
    db.close();
    db2.close();
  });

  it('for any figures the import changed and any the colleague edited: undo refuses exactly the overlap, else undoes; the colleague’s edits stay', async () => {
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(ids, ids, async (imported, edited) => {
        const { db, file } = openTemp();
        try {
          const seeded = new Map(imported.map((id) => [id, valueOf(db, id)]));
          importValues(db, imported);
          const batchId = db.prepare(`SELECT id FROM batches ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
          for (const id of edited) colleagueSaves(file, id, 2000 + id);
          const overlap = imported.filter((id) => edited.includes(id)).sort((a, b) => a - b);
          const result = await dispatch(handlersOver(db, file), 'undo', { batchId });
          if (overlap.length > 0) expect(result).toMatchObject({ ok: false, error: { code: 'ROWS_CHANGED', details: { ids: overlap.join(', ') } } });
          else expect(result).toMatchObject({ ok: true, value: { done: true } });
          for (const id of edited) expect(valueOf(db, id)).toBe(2000 + id);
          for (const id of imported.filter((i) => !edited.includes(i))) expect(valueOf(db, id)).toBe(overlap.length > 0 ? 1000 + id : seeded.get(id));
        } finally {
          db.close();
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('"restore this version" after a colleague saved an edit', () => {
  it('refuses when the history shown is no longer the newest, and restores when it is', async () => {
    const { db, file } = openTemp();
    const handlers = handlersOver(db, file);
    db.transaction(() => updateFigure(db, newChange('李分析'), 19, { value: 150 }))();
    db.transaction(() => updateFigure(db, newChange('李分析'), 19, { value: 160 }))();
    const history = await dispatch(handlers, 'getHistory', { targetType: 'figure', targetId: '19' });
    if (!history.ok) throw new Error('no history');
    const [newest, first] = history.value as { id: number }[];
    expect(first).toBeDefined();
    colleagueSaves(file, 19, 175);
    expect(await dispatch(handlers, 'restoreVersion', { revisionId: first!.id, seen: newest!.id })).toMatchObject({ ok: false, error: { code: 'ROWS_CHANGED' } });
    expect(valueOf(db, 19)).toBe(175);

    const again = await dispatch(handlers, 'getHistory', { targetType: 'figure', targetId: '19' });
    const shown = (again.ok ? again.value : []) as { id: number }[];
    expect(await dispatch(handlers, 'restoreVersion', { revisionId: first!.id, seen: shown[0]!.id })).toMatchObject({ ok: true });
    expect(valueOf(db, 19)).toBe(150);
    db.close();
  });
});
