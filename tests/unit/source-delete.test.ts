/**
 * A source still cited is not deleted, over the bridge either (the screens offer no source deletion):
 * a figure would cite nothing, a draft 简报 refused export with "refers to a missing source 2", and a
 * workbook exported then was refused on its own re-import (trust review). Refused, it changes nothing;
 * once no figure cites it, it is deleted and undone like anything else.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planWorkbookImport } from '../../electron/services/workbook/import';
import { describeError, type ErrorPayload } from '../../shared/errors';
import { tempDir } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { exportTo } from '../helpers/workbooks';

describe('deleting a source', () => {
  it('is refused while a figure cites it, naming it and how many, and writes nothing', async () => {
    const { db, call } = openWithHandlers(path.join(tempDir(), 'data.sqlite'));
    const rows = (): string => JSON.stringify([db.prepare(`SELECT * FROM sources ORDER BY id`).all(), db.prepare(`SELECT count(*) FROM revisions`).get()]);
    const cited = db.prepare(`SELECT source_id AS id, count(*) AS n FROM figures WHERE deleted_at IS NULL AND source_id IS NOT NULL GROUP BY source_id ORDER BY n DESC LIMIT 1`).get() as { id: number; n: number };
    const before = rows();
    const refused = await call('deleteItem', { targetType: 'source', targetId: String(cited.id) }).then(
      () => null,
      (e: ErrorPayload) => e,
    );
    expect(refused).toMatchObject({ code: 'SOURCE_IN_USE', details: { count: cited.n } });
    expect(describeError(refused!, 'zh-CN')).toContain(`还有 ${cited.n} 条数据引用，不能删除`);
    expect(describeError(refused!, 'en')).toContain('cannot be deleted');
    expect(rows()).toBe(before);

    // A source no figure cites any longer is deleted, and undone.
    const fresh = { id: Number(db.prepare(`INSERT INTO sources (title, publisher, created_at) VALUES ('未引用的来源', '测试', '2026-12-01T08:00:00Z')`).run().lastInsertRowid) };
    await call('deleteItem', { targetType: 'source', targetId: String(fresh.id) });
    expect(db.prepare(`SELECT deleted_at IS NOT NULL AS gone FROM sources WHERE id = ?`).pluck().get(fresh.id)).toBe(1);
    await call('undo', {});
    expect(db.prepare(`SELECT deleted_at IS NOT NULL AS gone FROM sources WHERE id = ?`).pluck().get(fresh.id)).toBe(0);
    db.close();
  });

  it('deleted once its figure was: restoring the figure brings the source back too, in one undoable action, and the workbook exported then re-imports unchanged', async () => {
    const { db, call } = openWithHandlers(path.join(tempDir(), 'data.sqlite'));
    const saved = (await call('saveFigure', {
      figure: { scope: 'entity', entityId: 'smart-robots', metric: 'output_value', value: 130, unit: '100m_yuan', qualifier: 'over', period: '2024', cityCode: null, sourceId: null, sourceQuote: '产值超过130亿元', note: null },
      newSource: { title: '广东统计年鉴 2025', publisher: '广东省统计局', author: null, publishedOn: null, url: null, excerpt: null },
    })) as { id: number; sourceId: number };
    await call('deleteItem', { targetType: 'figure', targetId: String(saved.id) });
    await call('deleteItem', { targetType: 'source', targetId: String(saved.sourceId) });
    await call('restoreItem', { targetType: 'figure', targetId: String(saved.id) });
    const live = () => db.prepare(`SELECT (SELECT deleted_at IS NULL FROM figures WHERE id = ?) AS figure, (SELECT deleted_at IS NULL FROM sources WHERE id = ?) AS source`).get(saved.id, saved.sourceId);
    expect(live()).toEqual({ figure: 1, source: 1 });
    const file = await exportTo(db);
    const plan = await planWorkbookImport(db, file);
    expect(plan.problems).toEqual([]);
    expect(plan.changes).toEqual([]);
    // One action: one undo takes both back to the trash.
    await call('undo', {});
    expect(live()).toEqual({ figure: 0, source: 0 });
    db.close();
  });
});
