/**
 * A source still cited is not deleted, over the bridge either (the screens offer no source deletion):
 * a figure would cite nothing, a draft 简报 refused export with "refers to a missing source 2", and a
 * workbook exported then was refused on its own re-import (trust review). Refused, it changes nothing;
 * once no figure cites it, it is deleted and undone like anything else.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, type ErrorPayload } from '../../shared/errors';
import { tempDir } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';

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
});
