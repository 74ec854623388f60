/** Writing sources (publication, date, URL, quoted excerpt), in the style of figures.ts. */
import { SourceInput, SourceSnapshot } from '../../../shared/domain';
import type { DB } from './open';
import { mustBeLive, mustExist, parseInput, recordRevision, setDeleted, type ChangeContext, type Tracked } from './revisions';
import { toSource, type SourceRow } from './rows';

type Row = SourceRow & { created_at: string; deleted_at: string | null };

export function sourceSnapshot(db: DB, id: number): SourceSnapshot | undefined {
  const row = db.prepare(`SELECT * FROM sources WHERE id = ?`).get(id) as Row | undefined;
  return row ? { ...toSource(row), createdAt: row.created_at, deletedAt: row.deleted_at } : undefined;
}

export const SOURCES: Tracked<SourceSnapshot> = {
  target: 'source',
  schema: SourceSnapshot,
  snapshot: (db, id) => sourceSnapshot(db, Number(id)),
  put: (db, _ctx, snap) => {
    db.prepare(
      `INSERT INTO sources (id, title, publisher, author, published_on, url, excerpt, created_at, deleted_at)
       VALUES (@id, @title, @publisher, @author, @publishedOn, @url, @excerpt, @createdAt, @deletedAt)
       ON CONFLICT (id) DO UPDATE
          SET title = excluded.title, publisher = excluded.publisher, author = excluded.author,
              published_on = excluded.published_on, url = excluded.url, excerpt = excluded.excerpt,
              deleted_at = excluded.deleted_at`,
    ).run(snap);
  },
  setDeletedAt: (db, _ctx, id, deletedAt) => {
    db.prepare(`UPDATE sources SET deleted_at = @deletedAt WHERE id = @id`).run({ id: Number(id), deletedAt });
  },
};

export function createSource(db: DB, ctx: ChangeContext, raw: unknown): SourceSnapshot {
  const input = parseInput(SourceInput, raw, 'source');
  const id = Number(
    db
      .prepare(
        `INSERT INTO sources (title, publisher, author, published_on, url, excerpt, created_at)
         VALUES (@title, @publisher, @author, @publishedOn, @url, @excerpt, @at)`,
      )
      .run({ ...input, at: ctx.at }).lastInsertRowid,
  );
  const after = mustExist(db, SOURCES, id);
  recordRevision(db, ctx, { targetType: 'source', targetId: id, action: 'create', before: null, after });
  return after;
}

export function updateSource(db: DB, ctx: ChangeContext, id: number, patch: Partial<SourceInput>): SourceSnapshot {
  const before = mustBeLive(db, SOURCES, id);
  const { id: _id, createdAt: _c, deletedAt: _d, ...current } = before;
  const input = parseInput(SourceInput, { ...current, ...patch }, 'source');
  SOURCES.put(db, ctx, { ...before, ...input });
  const after = mustExist(db, SOURCES, id);
  recordRevision(db, ctx, { targetType: 'source', targetId: id, action: 'update', before, after });
  return after;
}

export function deleteSource(db: DB, ctx: ChangeContext, id: number): SourceSnapshot {
  return setDeleted(db, ctx, SOURCES, id, true);
}

export function restoreSource(db: DB, ctx: ChangeContext, id: number): SourceSnapshot {
  return setDeleted(db, ctx, SOURCES, id, false);
}
