/**
 * 简报 drafts in the data file: reading a row back (its content checked against BulletinContent,
 * a damaged row refused with a typed error), and writing drafts as tracked objects, so every edit
 * is a revision that undo, redo and history cover. An issued row is never written here.
 */
import { BulletinContent } from '../../../shared/bulletin';
import { BulletinFreeze, BulletinRecord, type BulletinListItem } from '../../../shared/bulletin-store';
import { AppError } from '../../../shared/errors';
import type { DB } from '../db/open';
import { mustExist, parseInput, recordRevision, type ChangeContext, type Tracked } from '../db/revisions';
import { bodyText } from './text';

export interface BulletinRow {
  id: number;
  kind: 'draft' | 'issued';
  content: string;
  title: string;
  year: number | null;
  number: number | null;
  total: number | null;
  supplement: number | null;
  issued_at: string | null;
  correction_of: number | null;
  frozen: string | null;
  created_at: string;
  created_by: string;
  changed_at: string;
  changed_by: string;
  deleted_at: string | null;
}

/** A stored JSON column checked against its schema; a row that fails is refused, naming it and where. */
function stored<T>(row: BulletinRow, column: 'content' | 'frozen', parse: (raw: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } }): T {
  let raw: unknown;
  try {
    raw = JSON.parse(column === 'content' ? row.content : (row.frozen ?? 'null'));
  } catch {
    throw new AppError('BULLETIN_DAMAGED', 'stored bulletin is not JSON', { id: row.id, where: column });
  }
  const parsed = parse(raw);
  if (!parsed.success) throw new AppError('BULLETIN_DAMAGED', 'stored bulletin is invalid', { id: row.id, where: [column, ...(parsed.error.issues[0]?.path ?? []).map(String)].join('.') });
  return parsed.data;
}

export function toBulletin(row: BulletinRow): BulletinRecord {
  return {
    id: row.id,
    kind: row.kind,
    content: stored(row, 'content', (raw) => BulletinContent.safeParse(raw)),
    title: row.title,
    issue: row.kind === 'issued' && row.year !== null && row.number !== null ? { year: row.year, number: row.number, total: row.total, supplement: row.supplement === 1 } : null,
    issuedAt: row.issued_at,
    correctionOf: row.correction_of,
    frozen: row.frozen === null ? null : stored(row, 'frozen', (raw) => BulletinFreeze.safeParse(raw)),
    createdAt: row.created_at,
    createdBy: row.created_by,
    changedAt: row.changed_at,
    changedBy: row.changed_by,
    deletedAt: row.deleted_at,
  };
}

/** A list's row: the bulletin, and the 期号 of the issue it corrects (LIST_COLUMNS). */
export interface BulletinListRow extends BulletinRow {
  corrected_year: number | null;
  corrected_number: number | null;
  corrected_total: number | null;
  corrected_supplement: number | null;
}

/** The columns of a list's query over `bulletins b`: its own, and the corrected issue's 期号 (joined as `c`). */
export const LIST_COLUMNS = `b.*, c.year AS corrected_year, c.number AS corrected_number, c.total AS corrected_total, c.supplement AS corrected_supplement
   FROM bulletins b LEFT JOIN bulletins c ON c.id = b.correction_of AND c.kind = 'issued'`;

export function toListItem(row: BulletinListRow, snippet: string | null = null): BulletinListItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    issue: row.kind === 'issued' && row.year !== null && row.number !== null ? { year: row.year, number: row.number, total: row.total, supplement: row.supplement === 1 } : null,
    issuedAt: row.issued_at,
    correctionOf: row.correction_of,
    changedAt: row.changed_at,
    changedBy: row.changed_by,
    snippet,
    correctionOfIssue:
      row.corrected_year !== null && row.corrected_number !== null ? { year: row.corrected_year, number: row.corrected_number, total: row.corrected_total, supplement: row.corrected_supplement === 1 } : null,
  };
}

export function bulletinSnapshot(db: DB, id: number): BulletinRecord | undefined {
  const row = db.prepare(`SELECT * FROM bulletins WHERE id = ?`).get(id) as BulletinRow | undefined;
  return row ? toBulletin(row) : undefined;
}

/** The refusal of any change to an issued (签发) issue: it is read-only for good. */
export function readOnly(id: number | string): AppError {
  return new AppError('BULLETIN_READ_ONLY', 'bulletin is issued', { id: String(id) });
}

function kindOf(db: DB, id: number): 'draft' | 'issued' | undefined {
  return db.prepare(`SELECT kind FROM bulletins WHERE id = ?`).pluck().get(id) as 'draft' | 'issued' | undefined;
}

export const BULLETINS: Tracked<BulletinRecord> = {
  target: 'bulletin',
  schema: BulletinRecord,
  snapshot: (db, id) => bulletinSnapshot(db, Number(id)),
  /** Writes a draft's snapshot (an edit, undo, redo, restore); an issued row, or an issued snapshot, is refused. */
  put: (db, ctx, snap) => {
    if (snap.kind === 'issued' || kindOf(db, snap.id) === 'issued') throw readOnly(snap.id);
    db.prepare(
      `INSERT INTO bulletins (id, kind, content, title, body_text, correction_of, created_at, created_by, changed_at, changed_by, deleted_at)
       VALUES (@id, 'draft', @content, @title, @bodyText, @correctionOf, @createdAt, @createdBy, @at, @author, @deletedAt)
       ON CONFLICT (id) DO UPDATE
          SET content = excluded.content, title = excluded.title, body_text = excluded.body_text, correction_of = excluded.correction_of,
              changed_at = excluded.changed_at, changed_by = excluded.changed_by, deleted_at = excluded.deleted_at`,
    ).run({
      id: snap.id,
      content: JSON.stringify(snap.content),
      title: snap.content.title,
      bodyText: bodyText(snap.content),
      correctionOf: snap.correctionOf,
      createdAt: snap.createdAt,
      createdBy: snap.createdBy,
      at: ctx.at,
      author: ctx.author,
      deletedAt: snap.deletedAt,
    });
  },
  setDeletedAt: (db, ctx, id, deletedAt) => {
    if (kindOf(db, Number(id)) === 'issued') throw readOnly(id);
    db.prepare(`UPDATE bulletins SET deleted_at = @deletedAt, changed_at = @at, changed_by = @author WHERE id = @id`).run({ id: Number(id), deletedAt, at: ctx.at, author: ctx.author });
  },
};

/** Content as a person supplies it: the schema, and what it cannot say (a table has one accepted value per figure). */
export function parseContent(raw: unknown): BulletinContent {
  const content = parseInput(BulletinContent, raw, 'bulletin');
  content.blocks.forEach((block, b) => {
    if (block.type === 'table' && block.accepted.length !== block.figureIds.length) {
      throw new AppError('INVALID_INPUT', 'table values do not match its figures', {
        where: `blocks.${b}.accepted`,
        reason: `${block.figureIds.length} figures, ${block.accepted.length} accepted values`,
      });
    }
  });
  return content;
}

/** A new draft (a correction names the issue it corrects), recorded as a create. */
export function createDraft(db: DB, ctx: ChangeContext, raw: unknown, correctionOf: number | null = null): BulletinRecord {
  const content = parseContent(raw);
  const id = Number(
    db
      .prepare(
        `INSERT INTO bulletins (kind, content, title, body_text, correction_of, created_at, created_by, changed_at, changed_by)
         VALUES ('draft', @content, @title, @bodyText, @correctionOf, @at, @author, @at, @author)`,
      )
      .run({ content: JSON.stringify(content), title: content.title, bodyText: bodyText(content), correctionOf, at: ctx.at, author: ctx.author }).lastInsertRowid,
  );
  const after = mustExist(db, BULLETINS, id);
  recordRevision(db, ctx, { targetType: 'bulletin', targetId: id, action: 'create', before: null, after });
  return after;
}

/** A draft's new content, recorded as an update; an issued or deleted issue is refused. */
export function updateDraft(db: DB, ctx: ChangeContext, id: number, raw: unknown): BulletinRecord {
  const before = mustBeDraft(db, id);
  const content = parseContent(raw);
  BULLETINS.put(db, ctx, { ...before, content, title: content.title });
  const after = mustExist(db, BULLETINS, id);
  recordRevision(db, ctx, { targetType: 'bulletin', targetId: id, action: 'update', before, after });
  return after;
}

/** The live draft `id`, or a typed refusal: not found, deleted, or issued (read-only). */
export function mustBeDraft(db: DB, id: number): BulletinRecord {
  const kind = kindOf(db, id);
  if (kind === 'issued') throw readOnly(id);
  const snap = mustExist(db, BULLETINS, id);
  if (snap.deletedAt !== null) throw new AppError('NOT_FOUND', 'bulletin deleted', { what: 'bulletin', id: String(id) });
  return snap;
}

export function getBulletin(db: DB, id: number): BulletinRecord {
  const snap = mustExist(db, BULLETINS, id);
  if (snap.deletedAt !== null) throw new AppError('NOT_FOUND', 'bulletin deleted', { what: 'bulletin', id: String(id) });
  return snap;
}

export function listDrafts(db: DB): BulletinListItem[] {
  const rows = db.prepare(`SELECT ${LIST_COLUMNS} WHERE b.kind = 'draft' AND b.deleted_at IS NULL ORDER BY b.changed_at DESC, b.id DESC`).all() as BulletinListRow[];
  return rows.map((r) => toListItem(r));
}
