/**
 * Acknowledged findings: a person looked at a finding and wrote why it stands. Each is a tracked
 * object (revision target 'finding'), so acknowledging and withdrawing are changes in the history
 * that undo and redo take back like any edit. Keyed by (check, subject): the subject holds the
 * figures' ids, values, units and periods, so an edit to them makes a new finding, open again.
 */
import { AcknowledgementSnapshot, type CheckId } from '../../../shared/checks';
import { AppError } from '../../../shared/errors';
import { namedTargets } from '../db/history';
import type { DB } from '../db/open';
import { mustExist, recordRevision, setDeleted, type ChangeContext, type Tracked } from '../db/revisions';
import { statement } from '../db/statements';

interface AcknowledgementRow {
  id: number;
  check_id: string;
  subject: string;
  note: string;
  author: string;
  at: string;
  deleted_at: string | null;
}

const toSnapshot = (r: AcknowledgementRow): AcknowledgementSnapshot => AcknowledgementSnapshot.parse({ id: r.id, checkId: r.check_id, subject: r.subject, note: r.note, author: r.author, at: r.at, deletedAt: r.deleted_at });

export const FINDINGS: Tracked<AcknowledgementSnapshot> = {
  target: 'finding',
  schema: AcknowledgementSnapshot,
  snapshot: (db, id) => {
    const row = statement(db, `SELECT * FROM finding_acknowledgements WHERE id = ?`).get(Number(id)) as AcknowledgementRow | undefined;
    return row ? toSnapshot(row) : undefined;
  },
  put: (db, _ctx, snap) => {
    refuseSecondLive(db, snap.checkId, snap.subject, snap.deletedAt === null ? snap.id : null);
    statement(
      db,
      `INSERT INTO finding_acknowledgements (id, check_id, subject, note, author, at, deleted_at)
       VALUES (@id, @checkId, @subject, @note, @author, @at, @deletedAt)
       ON CONFLICT (id) DO UPDATE
          SET check_id = excluded.check_id, subject = excluded.subject, note = excluded.note,
              author = excluded.author, at = excluded.at, deleted_at = excluded.deleted_at`,
    ).run(snap);
  },
  setDeletedAt: (db, _ctx, id, deletedAt) => {
    if (deletedAt === null) {
      const snap = mustExist(db, FINDINGS, id);
      refuseSecondLive(db, snap.checkId, snap.subject, snap.id);
    }
    statement(db, `UPDATE finding_acknowledgements SET deleted_at = ? WHERE id = ?`).run(deletedAt, Number(id));
  },
};

/** One live acknowledgement per finding: bringing back an old one while another stands is refused. */
function refuseSecondLive(db: DB, checkId: string, subject: string, id: number | null): void {
  if (id === null) return;
  const other = statement(db, `SELECT id FROM finding_acknowledgements WHERE check_id = ? AND subject = ? AND deleted_at IS NULL AND id <> ?`).pluck().get(checkId, subject, id);
  if (other === undefined) return;
  const names = namedTargets(db, [{ type: 'finding', id: String(other) }]);
  throw new AppError('ROWS_CHANGED', 'finding acknowledged again since', { count: 1, ids: `finding ${String(other)}`, since: 'undo', names: names.zh, namesEn: names.en });
}

const liveId = (db: DB, checkId: CheckId, subject: string): number | undefined =>
  statement(db, `SELECT id FROM finding_acknowledgements WHERE check_id = ? AND subject = ? AND deleted_at IS NULL`).pluck().get(checkId, subject) as number | undefined;

/** The live acknowledgements, by check and subject. */
export function liveAcknowledgements(db: DB): Map<string, AcknowledgementSnapshot> {
  const rows = statement(db, `SELECT * FROM finding_acknowledgements WHERE deleted_at IS NULL`).all() as AcknowledgementRow[];
  return new Map(rows.map((r) => [`${r.check_id}\n${r.subject}`, toSnapshot(r)]));
}

/** Acknowledges a finding with a note (a create), or changes the note of one already acknowledged (an update). */
export function acknowledge(db: DB, ctx: ChangeContext, checkId: CheckId, subject: string, note: string): AcknowledgementSnapshot {
  const existing = liveId(db, checkId, subject);
  if (existing !== undefined) {
    const before = mustExist(db, FINDINGS, existing);
    FINDINGS.put(db, ctx, { ...before, note, author: ctx.author, at: ctx.at });
    const after = mustExist(db, FINDINGS, existing);
    recordRevision(db, ctx, { targetType: 'finding', targetId: existing, action: 'update', before, after });
    return after;
  }
  const id = Number(
    statement(db, `INSERT INTO finding_acknowledgements (check_id, subject, note, author, at) VALUES (?, ?, ?, ?, ?)`).run(checkId, subject, note, ctx.author, ctx.at).lastInsertRowid,
  );
  const after = mustExist(db, FINDINGS, id);
  recordRevision(db, ctx, { targetType: 'finding', targetId: id, action: 'create', before: null, after });
  return after;
}

/** Withdraws an acknowledgement (a delete in the history): the finding is open again. */
export function unacknowledge(db: DB, ctx: ChangeContext, checkId: CheckId, subject: string): AcknowledgementSnapshot {
  const id = liveId(db, checkId, subject);
  if (id === undefined) throw new AppError('NOT_FOUND', 'no acknowledgement', { what: 'finding', id: `${checkId}: ${subject.slice(0, 200)}` });
  return setDeleted(db, ctx, FINDINGS, id, true);
}
