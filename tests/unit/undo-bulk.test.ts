/**
 * Undo and redo write a batch's figure revisions back set-based (figures-bulk). These tests make
 * batches with every kind of figure change, copy the data file, and undo and redo each on one copy
 * that way and on the other one revision at a time through applySnapshot, as undo did before, at
 * the same moments; then compare what a person could see: figures, the search index, revisions,
 * the undo stack.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FigureInput } from '../../shared/domain';
import type { UndoResult } from '../../shared/workbench';
import { createAnnotation } from '../../electron/services/db/annotations';
import { updateEntity } from '../../electron/services/db/entities';
import { createFigure, deleteFigure, restoreFigure, updateFigure } from '../../electron/services/db/figures';
import { applyFigureChanges, type FigureChange } from '../../electron/services/db/figures-bulk';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { newChange } from '../../electron/services/db/revisions';
import { redo, undo, undoState, writeBackOneByOne } from '../../electron/services/db/undo';
import { saveFigure, setItemDeleted } from '../../electron/services/workbench/actions';
import { checkSearchIndex, errorOf, searchIds, stateOf, tempTables, twoCopies, type Copy } from '../helpers/copies';
import { fullDump } from '../helpers/files';
import { addTrickyFigures } from '../helpers/workbooks';

/** Who undoes and redoes, and when: both copies at the same moments. */
const REVIEWER = '审核人';
const minute = (n: number): Date => new Date(Date.UTC(2026, 11, 1, 9, n));

afterEach(() => {
  vi.useRealTimers();
});

/** A figure's columns a person can edit, as they are now. */
const inputOf = (db: DB, id: number): FigureInput =>
  db.prepare(`SELECT scope, entity_id AS entityId, metric, value, unit, qualifier, period, source_id AS sourceId, source_quote AS sourceQuote, note FROM figures WHERE id = ?`).get(id) as FigureInput;

/** An import, as the workbook import writes it: one batch, set-based. */
function importRows(db: DB, at: Date, rows: (db: DB) => FigureChange[]): void {
  applyFigureChanges(db, newChange('导入者', at), rows(db));
}

const changed = (db: DB, id: number, patch: Partial<FigureInput>): FigureChange => ({ kind: 'changed', id, input: { ...inputOf(db, id), ...patch } });
const added = (entityId: string, value: number, note: string): FigureChange => ({
  kind: 'added',
  input: { scope: 'entity', entityId, metric: 'revenue', value, unit: '100m_yuan', qualifier: 'about', period: '2024', sourceId: 1, sourceQuote: null, note },
});

/** Runs `work` with the clock at `now`, as the Date the change context takes its time from. */
function at<T>(now: Date, work: () => T): T {
  vi.useFakeTimers({ toFake: ['Date'], now });
  try {
    return work();
  } finally {
    vi.useRealTimers();
  }
}

/**
 * Undo or redo on both copies at the same moment: set-based on the first, one revision at a time on
 * the second. Both must answer alike and leave the same state, with a sound search index.
 */
function onBoth([setBased, oneByOne]: [Copy, Copy], step: 'undo' | 'redo', now: Date): UndoResult {
  const run = step === 'undo' ? undo : redo;
  const temp = tempTables(setBased.db);
  const [result, expected] = at(now, () => [run(setBased.db, REVIEWER), run(oneByOne.db, REVIEWER, writeBackOneByOne)]);
  expect(result).toEqual(expected);
  expect(stateOf(setBased.db)).toEqual(stateOf(oneByOne.db));
  checkSearchIndex(setBased.db);
  expect(tempTables(setBased.db)).toEqual(temp);
  return result;
}

/** Undo, redo, and undo again on both copies; each step must change what a person sees. */
function undoRedoUndo(copies: [Copy, Copy]): void {
  let seen = stateOf(copies[0].db);
  for (const [n, step] of (['undo', 'redo', 'undo'] as const).entries()) {
    expect(onBoth(copies, step, minute(40 + n)).done).toBe(true);
    const now = stateOf(copies[0].db);
    expect(now.figures).not.toEqual(seen.figures);
    seen = now;
  }
}

/** Actions of the revisions the last undo or redo recorded, in order. */
const lastActions = (db: DB): { target: string; action: string }[] =>
  db
    .prepare(`SELECT target_type || ' ' || target_id AS target, action FROM revisions WHERE batch_id = (SELECT id FROM batches ORDER BY seq DESC LIMIT 1) ORDER BY id`)
    .all() as { target: string; action: string }[];

/** Every figure column but value and who changed it when: what a value-only change must leave alone. */
const OTHER_COLUMNS = 'scope, entity_id, metric, unit, qualifier, period, source_id, source_quote, note, deleted_at';

/** Logs (on this connection only) each figure whose UPDATE writes any of OTHER_COLUMNS, even with the same value. */
function logOtherColumnWrites(db: DB): () => number[] {
  db.exec(`CREATE TEMP TABLE other_writes (id INTEGER);
           CREATE TEMP TRIGGER log_other_writes AFTER UPDATE OF ${OTHER_COLUMNS} ON figures BEGIN INSERT INTO other_writes VALUES (new.id); END`);
  return () => db.prepare(`SELECT id FROM other_writes ORDER BY id`).pluck().all() as number[];
}

describe('undoing and redoing set-based', () => {
  it('an import that changed values only: writes values and who changed them when, nothing else, even for a figure set back by hand meanwhile', () => {
    let tricky = { sum: 0, precise: 0 };
    const copies = twoCopies((db) => {
      tricky = addTrickyFigures(db);
      importRows(db, minute(1), (d) => [
        changed(d, 19, { value: 150 }),
        changed(d, 20, { value: 120.5 }),
        changed(d, 21, { value: 5.3 }),
        changed(d, tricky.sum, { value: 0.3 }),
        changed(d, tricky.precise, { value: 0.1 + 0.7 }),
      ]);
      // Set back by something that records no revision: undo writes what is already there.
      db.prepare(`UPDATE figures SET value = 100 WHERE id = 20`).run();
    });
    const otherWrites = copies.map(({ db }) => logOtherColumnWrites(db));

    expect(onBoth(copies, 'undo', minute(40))).toMatchObject({ done: true, changes: 5, state: { canUndo: true, canRedo: true } });
    const value = (id: number): unknown => copies[0].db.prepare(`SELECT value FROM figures WHERE id = ?`).pluck().get(id);
    expect([value(19), value(20), value(21), value(tricky.sum), value(tricky.precise)]).toEqual([100, 100, 5.2, 0.1 + 0.2, 1234.5678901234]);
    // Figure 20 was already as recorded: one by one, it still gets a revision (and a new changed_at).
    expect(lastActions(copies[0].db)).toEqual([tricky.precise, tricky.sum, 21, 20, 19].map((id) => ({ target: `figure ${id}`, action: 'update' })));
    expect(copies[0].db.prepare(`SELECT changed_by FROM figures WHERE id = 20`).pluck().get()).toBe(REVIEWER);

    onBoth(copies, 'redo', minute(41));
    expect([value(19), value(20), value(tricky.sum), value(tricky.precise)]).toEqual([150, 120.5, 0.3, 0.1 + 0.7]);
    // Set-based, only the value (and who, when) is written; one by one wrote every column back.
    expect(otherWrites[0]!()).toEqual([]);
    expect(otherWrites[1]!()).not.toEqual([]);
  });

  it('an import that changed notes, quoted sentences, entity and period: search follows each way', () => {
    const copies = twoCopies((db) =>
      importRows(db, minute(1), (d) => [
        changed(d, 24, { note: 'Wombat census revised' }),
        changed(d, 23, { sourceQuote: 'Platypus yearbook, table 7', note: 'Echidna check' }),
        changed(d, 5, { entityId: 'new-energy', period: '2022' }),
        changed(d, 22, { qualifier: 'about', value: 41 }),
      ]),
    );
    const { db } = copies[0];
    expect(searchIds(db, 'Wombat')).toEqual([24]);
    expect(searchIds(db, 'doubles')).toEqual([]);

    onBoth(copies, 'undo', minute(40));
    expect(searchIds(db, 'Wombat')).toEqual([]);
    expect(searchIds(db, 'Echidna')).toEqual([]);
    expect(searchIds(db, 'doubles')).toEqual([24]);
    expect(db.prepare(`SELECT entity_id, period FROM figures WHERE id = 5`).get()).toEqual({ entity_id: 'advanced-materials', period: '2023' });

    onBoth(copies, 'redo', minute(41));
    expect(searchIds(db, 'Wombat')).toEqual([24]);
    expect(searchIds(db, 'Platypus')).toEqual([23]);
    onBoth(copies, 'undo', minute(42));
    expect(searchIds(db, 'Platypus')).toEqual([]);
  });

  it('an import that added figures: undo deletes them, redo brings them back', () => {
    const copies = twoCopies((db) => importRows(db, minute(1), (d) => [changed(d, 19, { value: 150 }), added('quantum-technology', 12.5, 'Numbat added note'), added('life-health', 7, 'Dunnart added note')]));
    const { db } = copies[0];
    const numbat = searchIds(db, 'Numbat');
    expect(numbat).toHaveLength(1);

    onBoth(copies, 'undo', minute(40));
    expect(searchIds(db, 'Numbat')).toEqual([]);
    expect(lastActions(db).map((r) => r.action)).toEqual(['delete', 'delete', 'update']);

    onBoth(copies, 'redo', minute(41));
    expect(searchIds(db, 'Numbat')).toEqual(numbat);
    expect(lastActions(db).map((r) => r.action)).toEqual(['update', 'restore', 'restore']);
    onBoth(copies, 'undo', minute(42));
  });

  it('an import that removed figures: undo restores them, redo removes them again', () => {
    const copies = twoCopies((db) => {
      deleteFigure(db, newChange('setup', minute(0)), 4);
      importRows(db, minute(1), () => [
        { kind: 'removed', id: 2 },
        { kind: 'removed', id: 3 },
        { kind: 'removed', id: 4 }, // already deleted: no revision
      ]);
    });
    const { db } = copies[0];
    const live = (): number[] => db.prepare(`SELECT id FROM figures WHERE id IN (2, 3, 4) AND deleted_at IS NULL ORDER BY id`).pluck().all() as number[];
    expect(live()).toEqual([]);

    expect(onBoth(copies, 'undo', minute(40)).changes).toBe(2);
    expect(live()).toEqual([2, 3]);
    expect(lastActions(db)).toEqual([
      { target: 'figure 3', action: 'restore' },
      { target: 'figure 2', action: 'restore' },
    ]);
    onBoth(copies, 'redo', minute(41));
    expect(live()).toEqual([]);
    expect(lastActions(db).map((r) => r.action)).toEqual(['delete', 'delete']);
    onBoth(copies, 'undo', minute(42));
  });

  it('a batch that changes one figure several times, and creates, changes and deletes another', () => {
    let created = 0;
    const copies = twoCopies((db) => {
      const ctx = newChange('编辑', minute(1));
      db.transaction(() => {
        updateFigure(db, ctx, 19, { value: 150 });
        created = createFigure(db, ctx, { ...inputOf(db, 19), value: 3, note: 'Quokka note' }).id;
        updateFigure(db, ctx, 19, { note: 'Kookaburra note' });
        updateFigure(db, ctx, created, { value: 4 });
        deleteFigure(db, ctx, created);
        deleteFigure(db, ctx, 20);
        restoreFigure(db, ctx, 20);
        updateFigure(db, ctx, 19, { value: 160, sourceQuote: 'Galah quoted sentence' });
        updateFigure(db, ctx, 21, { value: 7 });
      })();
    });
    const { db } = copies[0];
    expect(onBoth(copies, 'undo', minute(40)).changes).toBe(9);
    expect(db.prepare(`SELECT value, note, source_quote LIKE 'And two%' AS quote FROM figures WHERE id = 19`).get()).toEqual({ value: 100, note: null, quote: 1 });
    expect(db.prepare(`SELECT deleted_at IS NOT NULL FROM figures WHERE id = ?`).pluck().get(created)).toBe(1);
    expect(searchIds(db, 'Kookaburra')).toEqual([]);
    onBoth(copies, 'redo', minute(41));
    expect(searchIds(db, 'Galah')).toEqual([19]);
    expect(db.prepare(`SELECT deleted_at IS NOT NULL FROM figures WHERE id = ?`).pluck().get(created)).toBe(1);
    onBoth(copies, 'undo', minute(42));
  });

  it('batches that mix entities, sources and annotations with figures: every revision in its order', () => {
    const copies = twoCopies((db) => {
      at(minute(1), () => setItemDeleted(db, { targetType: 'entity', targetId: 'smart-robots' }, true));
      at(minute(2), () => saveFigure(db, { figure: { ...inputOf(db, 20), note: 'Bilby note' }, newSource: { title: 'Yearbook', publisher: 'Bureau', author: null, publishedOn: null, url: null, excerpt: null } }));
      const ctx = newChange('编辑', minute(3));
      db.transaction(() => {
        updateFigure(db, ctx, 21, { value: 6 });
        createAnnotation(db, ctx, { targetType: 'figure', targetId: '21', body: 'Check 6', tags: [], status: 'open', includeInBriefing: false });
        updateFigure(db, ctx, 22, { value: 41 });
        updateFigure(db, ctx, 21, { note: 'Magpie note' });
        updateEntity(db, ctx, 'new-energy', { sortOrder: 99 });
        updateFigure(db, ctx, 23, { value: 31000 });
      })();
    });
    const { db } = copies[0];
    // The last batch: figures, an annotation, figures again (21 twice), an entity, a figure.
    undoRedoUndo(copies);
    expect(lastActions(db).map((r) => r.target)).toEqual(['figure 23', 'entity new-energy', 'figure 21', 'figure 22', 'annotation 1', 'figure 21']);
    // The new figure with its new source, then the entity deleted with its figures.
    onBoth(copies, 'undo', minute(50));
    expect(searchIds(db, 'Bilby')).toEqual([]);
    onBoth(copies, 'undo', minute(51));
    expect(db.prepare(`SELECT count(*) FROM figures WHERE entity_id = 'smart-robots' AND deleted_at IS NULL`).pluck().get()).toBeGreaterThan(0);
    expect(lastActions(db)[0]).toEqual({ target: 'entity smart-robots', action: 'restore' });
    onBoth(copies, 'redo', minute(52));
    expect(db.prepare(`SELECT count(*) FROM figures WHERE entity_id = 'smart-robots' AND deleted_at IS NULL`).pluck().get()).toBe(0);
  });

  it('undo, redo and undo again keep working across closing and reopening the file', () => {
    let copies = twoCopies((db) => importRows(db, minute(1), (d) => [changed(d, 19, { value: 150 }), added('quantum-technology', 12.5, 'Numbat added note'), { kind: 'removed', id: 2 }]));
    const reopen = (): void => {
      copies = copies.map(({ db, file }) => {
        db.close();
        return { db: openDataFile(file, { mustExist: true }), file };
      }) as [Copy, Copy];
    };
    for (const [n, step] of (['undo', 'redo', 'undo'] as const).entries()) {
      expect(onBoth(copies, step, minute(40 + n))).toMatchObject({ done: true, changes: 3 });
      reopen();
      expect(stateOf(copies[0].db)).toEqual(stateOf(copies[1].db));
      expect(undoState(copies[0].db)).toEqual({ canUndo: step === 'redo', canRedo: step === 'undo' });
    }
    expect(searchIds(copies[0].db, 'Numbat')).toEqual([]);
    expect(onBoth(copies, 'redo', minute(50)).done).toBe(true);
    expect(searchIds(copies[0].db, 'Numbat')).toHaveLength(1);
  });
});

describe('a damaged recorded snapshot', () => {
  function damaged(damage: (db: DB) => void): [Copy, Copy] {
    return twoCopies((db) => {
      importRows(db, minute(1), (d) => [changed(d, 19, { value: 150 }), changed(d, 20, { value: 120.5 }), changed(d, 21, { value: 5.3 })]);
      // What a damaged file, or a bug, could leave: the CHECK on revisions only asks for valid JSON.
      damage(db);
    });
  }
  const setBefore = (id: number, path: string, value: unknown) => (db: DB) =>
    db.prepare(`UPDATE revisions SET before_json = json_set(before_json, ?, json(?)) WHERE target_type = 'figure' AND target_id = ?`).run(path, JSON.stringify(value), String(id));

  it.each<[string, (db: DB) => unknown, object]>([
    ['a qualifier that is not one', setBefore(20, '$.qualifier', 'roughly'), { where: 'qualifier' }],
    ['a value that is text', setBefore(20, '$.value', '100'), { where: 'value' }],
    ['a missing key', (db: DB) => db.prepare(`UPDATE revisions SET before_json = json_remove(before_json, '$.period') WHERE target_id = '20'`).run(), { where: 'period' }],
    ['the first of two in undo order (newest first)', (db: DB) => [setBefore(20, '$.unit', 'tons')(db), setBefore(21, '$.metric', 'Mood!')(db)], { where: 'metric' }],
    ['a snapshot of another figure', setBefore(20, '$.id', 19), { where: 'id', reason: 'a snapshot of figure 19 recorded for 20' }],
  ])('is refused as one by one refuses it, with nothing written: %s', (_name, damage, details) => {
    const [setBased, oneByOne] = damaged(damage);
    const before = fullDump(setBased.db);
    const error = errorOf(() => undo(setBased.db, REVIEWER));
    expect(error).toEqual(errorOf(() => undo(oneByOne.db, REVIEWER, writeBackOneByOne)));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'invalid figure', details });
    expect(fullDump(setBased.db)).toBe(before);
    expect(undoState(setBased.db)).toEqual({ canUndo: true, canRedo: false });
    expect(tempTables(setBased.db)).toEqual([]);
  });

  it('in a batch with other objects: the first refused in order, whichever kind it is', () => {
    const [setBased, oneByOne] = twoCopies((db) => {
      const ctx = newChange('编辑', minute(1));
      db.transaction(() => {
        updateEntity(db, ctx, 'new-energy', { sortOrder: 99 });
        updateFigure(db, ctx, 19, { value: 150 });
      })();
      db.prepare(`UPDATE revisions SET after_json = json_set(after_json, '$.category', 'other') WHERE target_type = 'entity'`).run();
      db.prepare(`UPDATE revisions SET after_json = json_set(after_json, '$.scope', 'galaxy') WHERE target_type = 'figure'`).run();
    });
    at(minute(40), () => [undo(setBased.db, REVIEWER), undo(oneByOne.db, REVIEWER, writeBackOneByOne)]);
    const before = fullDump(setBased.db);
    // Redo takes the oldest first: the entity.
    const error = errorOf(() => redo(setBased.db, REVIEWER));
    expect(error).toEqual(errorOf(() => redo(oneByOne.db, REVIEWER, writeBackOneByOne)));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'invalid entity', details: { where: 'category' } });
    expect(fullDump(setBased.db)).toBe(before);
  });
});
