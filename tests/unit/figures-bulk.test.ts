/**
 * A workbook import is applied set-based (figures-bulk). These tests apply the same plan that way to
 * one copy of a data file and row by row, through createFigure / updateFigure / deleteFigure as the
 * import did before, to another copy, and compare what a person could see: figures, the search
 * index, revisions, the undo stack; then undo and redo on both; then failures half-way through.
 */
import type ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FigureInput } from '../../shared/domain';
import { createFigure, deleteFigure, updateFigure } from '../../electron/services/db/figures';
import { applyFigureChanges, type FigureChange } from '../../electron/services/db/figures-bulk';
import type { DB } from '../../electron/services/db/open';
import { newChange, type ChangeContext } from '../../electron/services/db/revisions';
import { redo, undo } from '../../electron/services/db/undo';
import type { ImportPlan } from '../../electron/services/workbook/diff';
import { applyImportPlan, planWorkbookImport } from '../../electron/services/workbook/import';
import { checkSearchIndex, errorOf, FIGURE_COLUMNS, searchIds, stateOf, tempTables, twoCopies } from '../helpers/copies';
import { fullDump } from '../helpers/files';
import { addTrickyFigures, editWorkbook, exportTo, rowOf } from '../helpers/workbooks';

/** Columns of the figures sheet. */
const COL = { entityId: 2, value: 7, period: 10, sourceQuote: 14, note: 15 };
/** When both copies are written: the per-row path and the set-based one record the same time. */
const AT = new Date('2026-12-01T09:30:00.000Z');

afterEach(() => {
  vi.useRealTimers();
});

/** The import as it was applied before it went set-based: the per-row functions, in plan order, in one transaction (its batch named by the workbook, as an import's is). */
function applyRowByRow(db: DB, plan: ImportPlan, author: string, includeRemovals: boolean): void {
  const ctx = { ...newChange(author, AT), importFile: path.basename(plan.file) };
  db.transaction(() => {
    for (const c of plan.changes) {
      if (c.kind === 'changed') updateFigure(db, ctx, c.figureId!, c.input!);
      else if (c.kind === 'added') createFigure(db, ctx, c.input!);
      else if (includeRemovals) deleteFigure(db, ctx, c.figureId!);
    }
  })();
}

/** The set-based import, at the same time as the per-row one. */
function applySetBased(db: DB, file: string, plan: ImportPlan, author: string, includeRemovals: boolean, now = AT): ReturnType<typeof applyImportPlan> {
  vi.useFakeTimers({ toFake: ['Date'], now });
  try {
    return applyImportPlan(db, plan, { author, includeRemovals, dataFile: file });
  } finally {
    vi.useRealTimers();
  }
}

/** What a figure holds now, as an input that would change nothing. */
const inputOf = (db: DB, id: number): FigureInput =>
  db.prepare(`SELECT scope, entity_id AS entityId, metric, value, unit, qualifier, period, source_id AS sourceId, source_quote AS sourceQuote, note FROM figures WHERE id = ?`).get(id) as FigureInput;

/** An added row of the figures sheet (ID empty), with a quoted sentence and a note. */
const addedRow = (entityId: string, value: number, quote: string, note: string): ExcelJS.CellValue[] => [
  null, entityId, '', '', '产业', 'Revenue', value, '亿元', 'about', '2024', 1, '', '', quote, note,
];

describe('applying an import set-based', () => {
  it('leaves the same figures, search index, revisions and undo stack as the per-row functions, for every kind of change', async () => {
    let tricky = { sum: 0, precise: 0 };
    const [setBased, rowByRow] = twoCopies((db) => {
      tricky = addTrickyFigures(db);
      // A note stored with "\r\n": the workbook gives it back with "\n", which the per-row path writes too.
      updateFigure(db, newChange('setup'), 21, { note: 'Year on year.\r\n同比。' });
    });
    const workbook = await exportTo(setBased.db, 'zh-CN');
    const edited = await editWorkbook(workbook, (book) => {
      const sheet = book.getWorksheet('数据')!;
      rowOf(sheet, 19).getCell(COL.value).value = 150; // value
      rowOf(sheet, 20).getCell(COL.value).value = 120.5; // value
      rowOf(sheet, 21).getCell(COL.value).value = 5.3; // value (and the note's line end)
      rowOf(sheet, 24).getCell(COL.note).value = 'Wombat census revised'; // note: search must follow
      rowOf(sheet, 23).getCell(COL.sourceQuote).value = 'Platypus yearbook, table 7'; // quoted sentence and note
      rowOf(sheet, 23).getCell(COL.note).value = 'Echidna check';
      rowOf(sheet, 5).getCell(COL.entityId).value = 'new-energy'; // entity and period
      rowOf(sheet, 5).getCell(COL.period).value = '2022';
      rowOf(sheet, tricky.sum).getCell(COL.value).value = 0.3; // equal to 15 digits: keeps 0.30000000000000004
      rowOf(sheet, tricky.sum).getCell(COL.note).value = 'rounded by a spreadsheet';
      rowOf(sheet, tricky.precise).getCell(COL.value).value = 0.1 + 0.7; // 0.7999999999999999, every digit kept
      sheet.spliceRows(rowOf(sheet, 20).number, 0, addedRow('quantum-technology', 12.5, 'Quokka quoted sentence', 'Numbat added note'));
      sheet.addRow(addedRow('life-health', 7, 'Bilby quoted sentence', 'Dunnart added note'));
      sheet.spliceRows(rowOf(sheet, 3).number, 1);
      sheet.spliceRows(rowOf(sheet, 2).number, 1);
    });
    const plan = await planWorkbookImport(setBased.db, edited);
    expect(plan.problems).toEqual([]);
    expect(plan.counts).toEqual({ changed: 8, added: 2, removed: 2, unchanged: 18, newer: 0 });
    const fieldSets = new Set(plan.changes.filter((c) => c.kind === 'changed').map((c) => c.fields.map((f) => f.field).join('+')));
    expect(fieldSets).toEqual(new Set(['value', 'note', 'sourceQuote+note', 'entityId+period']));
    const lineEnd = plan.changes.find((c) => c.figureId === 21)!;
    expect(lineEnd.fields.map((f) => f.field)).toEqual(['value']);
    expect(lineEnd.input!.note).toBe('Year on year.\n同比。');
    expect(plan.changes.find((c) => c.figureId === tricky.sum)!.input!.value).toBe(0.1 + 0.2);
    expect(searchIds(setBased.db, 'doubles')).toEqual([24]);

    const result = applySetBased(setBased.db, setBased.file, plan, 'Wang Fang', true);
    applyRowByRow(rowByRow.db, plan, 'Wang Fang', true);
    expect(result).toMatchObject({ changed: 8, added: 2, removed: 2 });
    expect(fs.existsSync(result.backupPath!)).toBe(true);

    const after = stateOf(setBased.db);
    expect(after).toEqual(stateOf(rowByRow.db));
    checkSearchIndex(setBased.db);
    // Revisions in workbook row order, then the removals; one batch, entered once.
    const batch = setBased.db.prepare(`SELECT target_id, action FROM revisions WHERE batch_id = ? ORDER BY id`).all(result.batchId) as { target_id: string; action: string }[];
    const added = (setBased.db.prepare(`SELECT id FROM figures WHERE note LIKE '%added note' ORDER BY id`).all() as { id: number }[]).map((r) => String(r.id));
    const rows = plan.changes.filter((c) => c.row !== null).map((c) => c.row!);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    let nextAdded = 0;
    expect(batch.map((r) => r.target_id)).toEqual(plan.changes.map((c) => (c.kind === 'added' ? added[nextAdded++] : String(c.figureId))));
    expect(batch.filter((r) => r.action === 'delete').map((r) => r.target_id)).toEqual(['2', '3']);
    expect(setBased.db.prepare(`SELECT count(*) AS n FROM batches WHERE id = ?`).get(result.batchId)).toEqual({ n: 1 });
    expect(setBased.db.prepare(`SELECT value FROM figures WHERE id = ?`).pluck().get(tricky.sum)).toBe(0.1 + 0.2);
    expect(setBased.db.prepare(`SELECT value FROM figures WHERE id = ?`).pluck().get(tricky.precise)).toBe(0.1 + 0.7);

    // Search follows the new text and forgets the old; new figures are found.
    expect(searchIds(setBased.db, 'doubles')).toEqual([]);
    expect(searchIds(setBased.db, 'Wombat')).toEqual([24]);
    expect(searchIds(setBased.db, 'Platypus')).toEqual([23]);
    expect(searchIds(setBased.db, 'Echidna')).toEqual([23]);
    expect(searchIds(setBased.db, 'Numbat')).toEqual([Number(added[0])]);
    expect(searchIds(setBased.db, 'Bilby')).toEqual([Number(added[1])]);

    // Undo takes the whole import back in one step, redo applies it again: both copies alike.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T10:00:00.000Z') });
    const undone = [undo(setBased.db, '审核人'), undo(rowByRow.db, '审核人')];
    expect(undone[0]).toEqual(undone[1]);
    expect(undone[0]!.changes).toBe(12);
    expect(stateOf(setBased.db)).toEqual(stateOf(rowByRow.db));
    expect(searchIds(setBased.db, 'doubles')).toEqual([24]);
    expect(searchIds(setBased.db, 'Numbat')).toEqual([]);
    const redone = [redo(setBased.db, '审核人'), redo(rowByRow.db, '审核人')];
    expect(redone[0]).toEqual(redone[1]);
    expect(redone[0]!.changes).toBe(12);
    expect(stateOf(setBased.db)).toEqual(stateOf(rowByRow.db));
    const live = (db: DB): unknown => db.prepare(`SELECT ${FIGURE_COLUMNS.filter((c) => !c.startsWith('changed')).join(', ')} FROM figures ORDER BY id`).all();
    expect(live(setBased.db)).toEqual((after.figures as Record<string, unknown>[]).map(({ changed_at: _a, changed_by: _b, ...f }) => f));
    checkSearchIndex(setBased.db);
  });

  it('passes over what the per-row functions pass over: a change that changes nothing, a removal of a deleted figure', () => {
    const [setBased, rowByRow] = twoCopies((db) => deleteFigure(db, newChange('setup'), 3));
    const current = inputOf(setBased.db, 19);
    const rows: FigureChange[] = [
      { kind: 'changed', id: 19, input: current },
      { kind: 'removed', id: 3 },
    ];
    const ctx: ChangeContext = newChange('t', AT);
    const before = fullDump(setBased.db);
    applyFigureChanges(setBased.db, ctx, rows);
    rowByRow.db.transaction(() => {
      updateFigure(rowByRow.db, ctx, 19, current);
      deleteFigure(rowByRow.db, ctx, 3);
    })();
    expect(fullDump(setBased.db)).toBe(before);
    expect(stateOf(setBased.db)).toEqual(stateOf(rowByRow.db));
  });

  it('refuses, as the per-row functions do, a figure that is gone, and one listed twice', () => {
    const [setBased, rowByRow] = twoCopies((db) => deleteFigure(db, newChange('setup'), 3));
    const input = (id: number): FigureChange & { kind: 'changed' } => ({ kind: 'changed', id, input: { ...inputOf(setBased.db, 19), value: id } });
    const before = fullDump(setBased.db);
    const ctx = newChange('t', AT);
    for (const [rows, perRow] of [
      [[input(19), input(3)], () => [updateFigure(rowByRow.db, ctx, 19, input(19).input), updateFigure(rowByRow.db, ctx, 3, input(3).input)]],
      [[input(19), { kind: 'removed', id: 999 }], () => [updateFigure(rowByRow.db, ctx, 19, input(19).input), deleteFigure(rowByRow.db, ctx, 999)]],
    ] as [FigureChange[], () => unknown][]) {
      const expected = errorOf(() => rowByRow.db.transaction(perRow)());
      expect(errorOf(() => applyFigureChanges(setBased.db, ctx, rows))).toEqual(expected);
    }
    expect(errorOf(() => applyFigureChanges(setBased.db, ctx, [input(19), { kind: 'removed', id: 19 }]))).toMatchObject({ code: 'INVALID_INPUT', details: { where: 'id' } });
    expect(fullDump(setBased.db)).toBe(before);
  });
});

describe('an import that fails half-way', () => {
  async function planned(db: DB): Promise<ImportPlan> {
    const edited = await editWorkbook(await exportTo(db, 'zh-CN'), (book) => {
      const sheet = book.getWorksheet('数据')!;
      rowOf(sheet, 19).getCell(COL.value).value = 150;
      rowOf(sheet, 24).getCell(COL.note).value = 'Wombat census revised';
      sheet.addRow(addedRow('quantum-technology', 12.5, 'Quokka quoted sentence', 'Numbat added note'));
    });
    const plan = await planWorkbookImport(db, edited);
    expect(plan.problems).toEqual([]);
    return plan;
  }

  it('leaves the data file as it was when an added row names an entity deleted meanwhile, with the per-row error, and the next import works', async () => {
    const [setBased, rowByRow] = twoCopies(() => undefined);
    const plan = await planned(setBased.db);
    // Deleted by something that records no revision, so the preview does not look stale.
    for (const { db } of [setBased, rowByRow]) db.prepare(`UPDATE entities SET deleted_at = '2026-12-01T09:00:00.000Z' WHERE id = 'quantum-technology'`).run();
    const before = fullDump(setBased.db);
    const error = errorOf(() => applySetBased(setBased.db, setBased.file, plan, 't', false));
    expect(error).toEqual(errorOf(() => applyRowByRow(rowByRow.db, plan, 't', false)));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { where: 'entityId', reason: 'unknown entity quantum-technology' } });
    expect(fullDump(setBased.db)).toBe(before);
    expect(tempTables(setBased.db)).toEqual([]);

    setBased.db.prepare(`UPDATE entities SET deleted_at = NULL WHERE id = 'quantum-technology'`).run();
    const result = applySetBased(setBased.db, setBased.file, plan, 't', false, new Date('2026-12-01T09:31:00.000Z'));
    expect(result).toMatchObject({ changed: 2, added: 1 });
    expect(searchIds(setBased.db, 'Numbat')).toHaveLength(1);
    expect(tempTables(setBased.db)).toEqual([]);
    // And another on the same connection, with other rows.
    const again = applySetBased(setBased.db, setBased.file, await planned(setBased.db), 't', false, new Date('2026-12-01T09:32:00.000Z'));
    expect(again).toMatchObject({ changed: 0, added: 1 });
    checkSearchIndex(setBased.db);
  });

  it('leaves the data file as it was when a write fails after revisions and some figures are written', async () => {
    const [{ db, file }] = twoCopies(() => undefined);
    const plan = await planned(db);
    // Fails inserting the new figure: after the revisions and the changed figures are written.
    db.exec(`CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON figures BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const before = fullDump(db);
    expect(() => applySetBased(db, file, plan, 't', false)).toThrow('disk trouble');
    expect(fullDump(db)).toBe(before);
    expect(tempTables(db)).toEqual([]);

    db.exec(`DROP TRIGGER temp.fail_midway`);
    const result = applySetBased(db, file, plan, 't', false, new Date('2026-12-01T09:31:00.000Z'));
    expect(result).toMatchObject({ changed: 2, added: 1 });
    expect(db.prepare(`SELECT count(*) AS n FROM revisions WHERE batch_id = ?`).get(result.batchId)).toEqual({ n: 3 });
    expect(searchIds(db, 'Wombat')).toEqual([24]);
  });
});
