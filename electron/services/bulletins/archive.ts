/** The archive of issued 简报: by year, newest first, searchable in Chinese and English (FTS5); an issue found by id or 期号. */
import type { BulletinListItem } from '../../../shared/bulletin-store';
import { parseIssueRef } from '../../../shared/bulletin-store';
import { AppError } from '../../../shared/errors';
import { ftsQuery, snippet } from '../../../shared/search';
import type { DB } from '../db/open';
import { LIST_COLUMNS, toListItem, type BulletinListRow } from './store';

export function listIssued(db: DB, year?: number): BulletinListItem[] {
  const rows = db
    .prepare(
      `SELECT ${LIST_COLUMNS} WHERE b.kind = 'issued' AND b.deleted_at IS NULL AND (@year IS NULL OR b.year = @year)
        ORDER BY b.year DESC, b.supplement, b.number DESC`,
    )
    .all({ year: year ?? null }) as BulletinListRow[];
  return rows.map((r) => toListItem(r));
}

/** The years the archive holds, newest first. */
export function archiveYears(db: DB): number[] {
  return db.prepare(`SELECT DISTINCT year FROM bulletins WHERE kind = 'issued' AND deleted_at IS NULL ORDER BY year DESC`).pluck().all() as number[];
}

/** Issues (and drafts, unless `issuedOnly`) whose title or text matches, issued ones first. */
export function searchBulletins(db: DB, query: string, issuedOnly = true): BulletinListItem[] {
  const match = ftsQuery(query);
  if (match === null) return [];
  const rows = db
    .prepare(
      `SELECT ${LIST_COLUMNS}
        WHERE b.deleted_at IS NULL AND (@issuedOnly = 0 OR b.kind = 'issued')
          AND b.id IN (SELECT rowid FROM bulletins_fts WHERE bulletins_fts MATCH @match)
        ORDER BY b.kind = 'issued' DESC, b.year DESC, b.number DESC, b.changed_at DESC
        LIMIT 200`,
    )
    .all({ match, issuedOnly: issuedOnly ? 1 : 0 }) as (BulletinListRow & { body_text: string })[];
  return rows.map((r) => toListItem(r, snippet(r.title, query) ?? snippet(r.body_text, query)));
}

/** An issue named as the command line names it: its id (12) or its 期号 (2026-3, 2026-S1 for a supplement). */
export function findIssue(db: DB, ref: string): number {
  const issue = parseIssueRef(ref);
  const id = issue
    ? (db.prepare(`SELECT id FROM bulletins WHERE kind = 'issued' AND deleted_at IS NULL AND year = ? AND supplement = ? AND number = ?`).pluck().get(issue.year, issue.supplement ? 1 : 0, issue.number) as
        | number
        | undefined)
    : /^\d{1,15}$/.test(ref)
      ? (db.prepare(`SELECT id FROM bulletins WHERE id = ? AND deleted_at IS NULL`).pluck().get(Number(ref)) as number | undefined)
      : undefined;
  if (id === undefined) throw new AppError('NOT_FOUND', 'no such bulletin', { what: 'bulletin', id: ref });
  return id;
}
