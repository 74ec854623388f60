import { describe, expect, it } from 'vitest';
import type { FigureInput } from '../../shared/domain';
import type { DB } from '../../electron/services/db/open';
import { toFigure, type FigureRow } from '../../electron/services/db/rows';
import { createAnnotation } from '../../electron/services/db/annotations';
import { createEntity } from '../../electron/services/db/entities';
import { createFigure, updateFigure } from '../../electron/services/db/figures';
import { newChange } from '../../electron/services/db/revisions';
import { createSource } from '../../electron/services/db/sources';
import { fullDump, tempDataFile } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';

const open = openWithHandlers;

const robots = (db: DB): number => (db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots'`).get() as { id: number }).id;
const value = (db: DB, id: number): number => (db.prepare(`SELECT value FROM figures WHERE id = ?`).get(id) as { value: number }).value;
function editable(db: DB, id: number): FigureInput {
  const { id: _id, changedAt: _a, changedBy: _b, ...figure } = toFigure(db.prepare(`SELECT * FROM figures WHERE id = ?`).get(id) as FigureRow);
  return figure;
}
const revisions = (db: DB): { target_type: string; action: string; author: string; batch_id: string; before_json: string | null; after_json: string }[] =>
  db.prepare(`SELECT * FROM revisions ORDER BY id`).all() as never;

describe('workbench writes', () => {
  it('records the author from settings, and a new source with the figure in one batch', async () => {
    const { db, call } = open(tempDataFile());
    await call('updateSettings', { authorName: '李分析' });
    const id = robots(db);
    await call('saveFigure', {
      id,
      figure: { ...editable(db, id), value: 120, qualifier: 'about', period: '2024' },
      newSource: { title: '广东统计年鉴 2025', publisher: '广东省统计局', author: null, publishedOn: '2025-03-01', url: 'https://stats.gd.gov.cn/', excerpt: '智能机器人产业营业收入约120亿元' },
    });
    const rev = revisions(db);
    expect(rev.map((r) => [r.target_type, r.action, r.author])).toEqual([
      ['source', 'create', '李分析'],
      ['figure', 'update', '李分析'],
    ]);
    expect(new Set(rev.map((r) => r.batch_id)).size).toBe(1);
    expect(JSON.parse(rev[1]!.before_json!)).toMatchObject({ value: 100, qualifier: 'over', sourceId: 1 });
    expect(JSON.parse(rev[1]!.after_json)).toMatchObject({ value: 120, qualifier: 'about', sourceId: 2, changedBy: '李分析' });
  });

  it('writes entities, annotations and soft deletes with a revision each', async () => {
    const { db, call } = open(tempDataFile());
    await call('saveEntity', { mode: 'create', entity: { id: 'low-altitude', name: { zh: '低空经济', en: 'Low-altitude economy' }, category: 'future', tier: null, sortOrder: 8 } });
    await call('saveEntity', { mode: 'update', entity: { id: 'low-altitude', name: { zh: '低空经济与航天', en: 'Low-altitude economy and aerospace' }, category: 'future', tier: null, sortOrder: 8 } });
    const a = (await call('saveAnnotation', {
      annotation: { targetType: 'entity', targetId: 'low-altitude', body: '先核对统计局年报\nthen brief', tags: ['核对', '核对', 'Q1'], status: 'open', includeInBriefing: true },
    })) as { id: number; tags: string[] };
    expect(a.tags).toEqual(['核对', 'Q1']);
    await call('saveAnnotation', { id: a.id, annotation: { targetType: 'entity', targetId: 'low-altitude', body: '先核对统计局年报\nthen brief', tags: ['核对'], status: 'resolved', includeInBriefing: true } });
    await call('deleteItem', { targetType: 'annotation', targetId: String(a.id) });
    await call('restoreItem', { targetType: 'annotation', targetId: String(a.id) });
    await call('deleteItem', { targetType: 'entity', targetId: 'low-altitude' });
    expect(revisions(db).map((r) => `${r.target_type}:${r.action}`)).toEqual([
      'entity:create', 'entity:update', 'annotation:create', 'annotation:update', 'annotation:delete', 'annotation:restore', 'entity:delete',
    ]);
    expect(db.prepare(`SELECT status, include_in_briefing FROM annotations WHERE id = ?`).get(a.id)).toEqual({ status: 'resolved', include_in_briefing: 1 });
    expect(await call('listEntities', { category: 'future' })).toHaveLength(7);
    expect(await call('listDeleted', {})).toEqual([expect.objectContaining({ targetType: 'entity', targetId: 'low-altitude' })]);
  });

  const invalid: [string, (db: DB) => unknown][] = [
    ['a period that is not a period', (db) => ({ id: robots(db), figure: { ...editable(db, robots(db)), period: '2023年' } })],
    ['a value that is not a number', (db) => ({ id: robots(db), figure: { ...editable(db, robots(db)), value: 'lots' } })],
    ['an unknown source', (db) => ({ id: robots(db), figure: { ...editable(db, robots(db)), sourceId: 9999 } })],
    ['a new source without a title', (db) => ({ id: robots(db), figure: editable(db, robots(db)), newSource: { title: ' ', publisher: 'x', author: null, publishedOn: null, url: null, excerpt: null } })],
    ['a new source with a date that does not exist', (db) => ({ id: robots(db), figure: editable(db, robots(db)), newSource: { title: 't', publisher: 'x', author: null, publishedOn: '2024-02-31', url: null, excerpt: null } })],
    ['a deleted figure', (db) => ({ id: 999999, figure: editable(db, robots(db)) })],
  ];
  it.each(invalid)('rejects %s and leaves the whole file unchanged', async (_name, input) => {
    const { db, call } = open(tempDataFile());
    const before = fullDump(db);
    await expect(call('saveFigure', input(db))).rejects.toMatchObject({ code: expect.stringMatching(/INVALID_INPUT|NOT_FOUND/) });
    expect(fullDump(db)).toBe(before);
  });

  const invalidOther: [string, string, unknown][] = [
    ['an industry whose id is taken', 'saveEntity', { mode: 'create', entity: { id: 'smart-robots', name: { zh: '机器人', en: 'Robots' }, category: 'future', tier: null, sortOrder: 1 } }],
    ['an industry without a Chinese name', 'saveEntity', { mode: 'update', entity: { id: 'smart-robots', name: { zh: ' ', en: 'Robots' }, category: 'emerging', tier: 'over_10b', sortOrder: 9 } }],
    ['an empty annotation', 'saveAnnotation', { annotation: { targetType: 'entity', targetId: 'smart-robots', body: '  ', tags: [], status: 'open', includeInBriefing: false } }],
    ['an annotation on a figure that does not exist', 'saveAnnotation', { annotation: { targetType: 'figure', targetId: '999999', body: 'x', tags: [], status: 'open', includeInBriefing: false } }],
    ['restoring a revision that does not exist', 'restoreVersion', { revisionId: 424242 }],
    ['deleting a figure that does not exist', 'deleteItem', { targetType: 'figure', targetId: 'abc' }],
  ];
  it.each(invalidOther)('rejects %s and leaves the whole file unchanged', async (_name, channel, input) => {
    const { db, call } = open(tempDataFile());
    const before = fullDump(db);
    await expect(call(channel, input)).rejects.toMatchObject({ code: expect.stringMatching(/INVALID_INPUT|NOT_FOUND/) });
    expect(fullDump(db)).toBe(before);
  });

  it('names the field of a new source that is wrong', async () => {
    const { db, call } = open(tempDataFile());
    const id = robots(db);
    await expect(
      call('saveFigure', { id, figure: editable(db, id), newSource: { title: 'x', publisher: '', author: null, publishedOn: null, url: null, excerpt: null } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { where: 'saveFigure.newSource.publisher' } });
    await expect(call('saveAnnotation', { annotation: { targetType: 'figure', targetId: '424242', body: 'x', tags: [], status: 'open', includeInBriefing: false } })).rejects.toMatchObject({
      details: { where: 'targetId' },
    });
  });
});

describe('undo and redo', () => {
  it('take whole batches back and forth, survive closing and reopening the file, and are recorded', async () => {
    const file = tempDataFile();
    let { db, call } = open(file);
    const id = robots(db);
    await call('saveFigure', { id, figure: { ...editable(db, id), value: 111 } });
    await call('saveAnnotation', { annotation: { targetType: 'figure', targetId: String(id), body: '核对', tags: [], status: 'open', includeInBriefing: false } });
    expect(await call('undo', {})).toMatchObject({ done: true, changes: 1, state: { canUndo: true, canRedo: true } });
    expect(db.prepare(`SELECT count(*) AS n FROM annotations WHERE deleted_at IS NULL`).get()).toEqual({ n: 0 });
    await call('undo', {});
    expect(value(db, id)).toBe(100);
    db.close();

    ({ db, call } = open(file));
    expect(await call('getUndoState', {})).toMatchObject({ canUndo: false, canRedo: true, undoBatchId: null });
    await call('redo', {});
    expect(value(db, id)).toBe(111);
    db.close();

    ({ db, call } = open(file));
    await call('redo', {});
    expect(db.prepare(`SELECT count(*) AS n FROM annotations WHERE deleted_at IS NULL`).get()).toEqual({ n: 1 });
    expect(await call('redo', {})).toMatchObject({ done: false });
    const history = (await call('getHistory', { targetType: 'figure', targetId: String(id) })) as { targetType: string; batchKind: string }[];
    // A figure's history holds the annotations on it too (issue 13).
    expect(history.map((h) => `${h.targetType} ${h.batchKind}`)).toEqual(['annotation redo', 'figure redo', 'figure undo', 'annotation undo', 'annotation change', 'figure change']);
  });

  it('forgets what could be redone once a new change is made', async () => {
    const { db, call } = open(tempDataFile());
    const id = robots(db);
    await call('saveFigure', { id, figure: { ...editable(db, id), value: 1 } });
    await call('undo', {});
    await call('saveFigure', { id, figure: { ...editable(db, id), value: 2 } });
    expect(await call('redo', {})).toMatchObject({ done: false });
    await call('undo', {});
    expect(value(db, id)).toBe(100);
  });

  it('undoes a create as a soft delete, and a batch of many targets whole', async () => {
    const { db, call } = open(tempDataFile());
    const before = (await call('listFigures', {})) as { total: number };
    const fig = (await call('saveFigure', {
      figure: { scope: 'province', entityId: null, metric: 'gdp_share', value: 41, unit: 'percent', qualifier: 'about', period: '2024', sourceId: null, sourceQuote: null, note: null },
      newSource: { title: 'Yearbook', publisher: 'Bureau', author: null, publishedOn: null, url: null, excerpt: null },
    })) as { id: number; sourceId: number };
    expect(((await call('listFigures', {})) as { total: number }).total).toBe(before.total + 1);
    await call('undo', {});
    expect(((await call('listFigures', {})) as { total: number }).total).toBe(before.total);
    expect(db.prepare(`SELECT deleted_at IS NOT NULL AS gone FROM sources WHERE id = ?`).get(fig.sourceId)).toEqual({ gone: 1 });
    await call('redo', {});
    expect(db.prepare(`SELECT deleted_at FROM figures WHERE id = ?`).get(fig.id)).toEqual({ deleted_at: null });
  });

  it('restores an earlier version of a figure as a new change', async () => {
    const { db, call } = open(tempDataFile());
    const id = robots(db);
    await call('saveFigure', { id, figure: { ...editable(db, id), value: 130 } });
    await call('saveFigure', { id, figure: { ...editable(db, id), value: 140 } });
    const history = (await call('getHistory', { targetType: 'figure', targetId: String(id) })) as { id: number; after: { value: number } }[];
    await call('restoreVersion', { revisionId: history.find((h) => h.after.value === 130)!.id });
    expect(value(db, id)).toBe(130);
    await call('undo', {});
    expect(value(db, id)).toBe(140);
  });
});

describe('the figures table and search', () => {
  it('filters, sorts and pages across entities and the province level', async () => {
    const { call } = open(tempDataFile());
    const all = (await call('listFigures', { limit: 500 })) as { total: number; rows: unknown[] };
    expect(all.total).toBe(24);
    const province = (await call('listFigures', { level: 'province' })) as { rows: { scope: string }[] };
    expect(province.rows.map((r) => r.scope).sort()).toEqual(['emerging_clusters', 'emerging_clusters', 'strategic_clusters', 'strategic_clusters']);
    const smallest = (await call('listFigures', { category: 'emerging', sort: 'value', order: 'asc', limit: 2 })) as { total: number; rows: { entityName: { en: string } }[] };
    expect(smallest.total).toBe(10);
    expect(smallest.rows.map((r) => r.entityName.en).sort()).toEqual(['Blockchain and quantum information', 'Smart robots']);
    const byName = async (lang: string, order: string): Promise<string> =>
      ((await call('listFigures', { level: 'entity', sort: 'entity', order, lang, limit: 1 })) as { rows: { entityName: { en: string; zh: string } }[] }).rows[0]!.entityName[lang === 'en' ? 'en' : 'zh'];
    expect(await byName('en', 'asc')).toBe('Advanced materials');
    expect(await byName('en', 'desc')).toBe('Ultra-high-definition video display');
    expect(((await call('listFigures', { noSource: true })) as { total: number }).total).toBe(0);
    // Further pages of the same query skip counting.
    expect(await call('listFigures', { offset: 100, withTotal: false })).toMatchObject({ total: null, rows: [] });
  });

  it('finds Chinese and English terms in names, notes, annotations and source excerpts', async () => {
    const { db, call } = open(tempDataFile());
    const search = async (q: string): Promise<{ total: number; rows: { id: number; entityName: { zh: string } | null; snippet: string | null }[] }> =>
      (await call('listFigures', { q })) as never;
    expect((await search('机器人')).rows.map((r) => r.entityName?.zh)).toEqual(['智能机器人']);
    expect((await search('器人')).rows.map((r) => r.entityName?.zh)).toEqual(['智能机器人']);
    // The robots figure's quoted sentence names both clusters.
    expect((await search('Smart rob')).rows.map((r) => r.entityName?.zh).sort()).toEqual(['区块链与量子信息', '智能机器人']);
    expect((await search('石化')).rows.map((r) => r.entityName?.zh)).toEqual(['绿色石化']);
    expect((await search('quantum')).total).toBe(2);
    const id = robots(db);
    await call('saveAnnotation', { annotation: { targetType: 'figure', targetId: String(id), body: '请与统计局年报核对后再写入部长简报', tags: ['核对'], status: 'open', includeInBriefing: false } });
    const found = await search('统计局');
    expect(found.rows.map((r) => [r.id, r.snippet])).toEqual([[id, '请与统计局年报核对后再写入部长简报']]);
    expect(((await call('listFigures', { openAnnotations: true })) as { total: number }).total).toBe(1);
    await call('saveFigure', { id, figure: { ...editable(db, id), note: 'Checked against the yearbook' } });
    expect((await search('yearbook')).rows.map((r) => r.id)).toEqual([id]);
    expect((await search('nothing-like-this')).total).toBe(0);
    expect((await search('"*')).total).toBe(24);
  });
});

describe('settings', () => {
  it('suggest the operating system user name and keep the choices in the file', async () => {
    const file = tempDataFile();
    let { db, call } = open(file);
    expect(await call('getSettings', {})).toMatchObject({ authorName: null, lang: 'zh-CN', theme: 'system', defaultAuthorName: expect.any(String) });
    await call('updateSettings', { authorName: ' 王编辑 ', lang: 'en', theme: 'dark' });
    db.close();
    ({ db, call } = open(file));
    expect(await call('getSettings', {})).toMatchObject({ authorName: '王编辑', lang: 'en', theme: 'dark' });
    await expect(call('updateSettings', { theme: 'purple' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    db.close();
  });
});

describe('undo of a batch written by other code (a workbook import)', () => {
  it('takes every figure, entity, source and annotation of the batch back, and redoes them', async () => {
    const { db, call } = open(tempDataFile());
    const before = (await call('listFigures', { limit: 500 })) as { total: number };
    const id = robots(db);
    const ctx = newChange('导入');
    db.transaction(() => {
      const entity = createEntity(db, ctx, { id: 'low-altitude', name: { zh: '低空经济', en: 'Low-altitude economy' }, category: 'future', tier: null, sortOrder: 8 });
      const source = createSource(db, ctx, { title: 'Workbook', publisher: 'Team', author: null, publishedOn: null, url: null, excerpt: null });
      for (let i = 0; i < 50; i++) {
        createFigure(db, ctx, { ...editable(db, id), entityId: entity.id, period: `20${10 + (i % 15)}`, value: i, sourceId: source.id });
      }
      updateFigure(db, ctx, id, { value: 999 });
      createAnnotation(db, ctx, { targetType: 'entity', targetId: entity.id, body: '导入后核对', tags: [], status: 'open', includeInBriefing: false });
    })();
    expect(((await call('listFigures', { limit: 500 })) as { total: number }).total).toBe(before.total + 50);
    expect(await call('undo', {})).toMatchObject({ done: true, changes: 54 });
    expect(((await call('listFigures', { limit: 500 })) as { total: number }).total).toBe(before.total);
    expect(value(db, id)).toBe(100);
    await expect(call('getEntity', { id: 'low-altitude' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await call('redo', {});
    expect(((await call('listFigures', { entityId: 'low-altitude' })) as { total: number }).total).toBe(50);
    expect(value(db, id)).toBe(999);
  });

  it('deletes an entity with its figures in one batch, and restores them together', async () => {
    const { db, call } = open(tempDataFile());
    await call('deleteItem', { targetType: 'entity', targetId: 'smart-robots' });
    expect(((await call('listFigures', { q: '智能机器人' })) as { total: number }).total).toBe(0);
    expect(new Set((db.prepare(`SELECT batch_id FROM revisions`).all() as { batch_id: string }[]).map((r) => r.batch_id)).size).toBe(1);
    await call('restoreItem', { targetType: 'entity', targetId: 'smart-robots' });
    expect(((await call('listFigures', { entityId: 'smart-robots' })) as { total: number }).total).toBe(1);
    await call('undo', {});
    expect(((await call('listFigures', { entityId: 'smart-robots' })) as { total: number }).total).toBe(0);
  });
});
