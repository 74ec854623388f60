import { describe, expect, it } from 'vitest';
import { createFigure, deleteFigure, restoreFigure, updateFigure } from '../../electron/services/db/figures';
import { newChange } from '../../electron/services/db/revisions';
import { fullDump, openTemp } from '../helpers/files';

const robotsFigureId = (db: ReturnType<typeof openTemp>['db']): number =>
  (db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots'`).get() as { id: number }).id;

describe('writing figures', () => {
  it('records a revision with author, time, before and after for every change', () => {
    const { db } = openTemp();
    const id = robotsFigureId(db);
    const ctx = newChange('李分析');
    db.transaction(() => updateFigure(db, ctx, id, { value: 150, qualifier: 'about' }))();
    const rev = db.prepare(`SELECT * FROM revisions`).all() as { author: string; action: string; before_json: string; after_json: string; batch_id: string }[];
    expect(rev).toHaveLength(1);
    expect(rev[0]).toMatchObject({ author: '李分析', action: 'update', batch_id: ctx.batchId });
    expect(JSON.parse(rev[0]!.before_json)).toMatchObject({ value: 100, qualifier: 'over' });
    expect(JSON.parse(rev[0]!.after_json)).toMatchObject({ value: 150, qualifier: 'about', changedBy: '李分析' });
  });

  it('creates, soft-deletes and restores with a revision each', () => {
    const { db } = openTemp();
    const ctx = newChange('tester');
    const created = createFigure(db, ctx, {
      scope: 'entity', entityId: 'new-energy', metric: 'revenue', value: 6000.5, unit: '100m_yuan',
      qualifier: 'about', period: '2024', sourceId: null, sourceQuote: null, note: 'draft',
    });
    deleteFigure(db, ctx, created.id);
    expect((db.prepare(`SELECT deleted_at FROM figures WHERE id = ?`).get(created.id) as { deleted_at: string | null }).deleted_at).not.toBeNull();
    restoreFigure(db, ctx, created.id);
    const actions = (db.prepare(`SELECT action FROM revisions ORDER BY id`).all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['create', 'delete', 'restore']);
  });

  it.each([
    ['a value that is not a number', { value: Number.NaN }],
    ['an unknown unit', { unit: 'furlongs' }],
    ['a malformed period', { period: '23' }],
    ['a source that does not exist', { sourceId: 999 }],
    ['an entity figure without an entity', { entityId: null }],
  ])('rejects %s and writes nothing', (_name, patch) => {
    const { db } = openTemp();
    const before = fullDump(db);
    expect(() => db.transaction(() => updateFigure(db, newChange('x'), robotsFigureId(db), patch as never))()).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(fullDump(db)).toBe(before);
  });
});

describe('an edit that changes nothing', () => {
  it('writes nothing and records no revision', () => {
    const { db } = openTemp();
    const id = robotsFigureId(db);
    const before = fullDump(db);
    db.transaction(() => updateFigure(db, newChange('x'), id, { value: 100, qualifier: 'over' }))();
    expect(fullDump(db)).toBe(before);
  });

  it('re-indexes a note for search only when the note changed', () => {
    const { db } = openTemp();
    const id = robotsFigureId(db);
    db.transaction(() => updateFigure(db, newChange('x'), id, { note: '核对统计局年报' }))();
    const indexed = (): unknown => db.prepare(`SELECT text FROM figures_fts WHERE rowid = ?`).get(id);
    const withNote = indexed();
    expect(JSON.stringify(withNote)).toContain('核');
    db.transaction(() => updateFigure(db, newChange('x'), id, { value: 101 }))();
    expect(indexed()).toEqual(withNote);
  });
});
