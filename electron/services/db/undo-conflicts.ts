/**
 * Undo and redo write back recorded snapshots; they must not overwrite what someone changed since.
 * Decided inside their write transaction, object by object: an object of the batch is in conflict
 * when a change still in effect (a 'change' batch in state 'done': an edit, an import, a restored
 * version, a redone change) recorded a revision of it after the batch's own last one. Undone changes
 * are not in effect, and undo/redo batches only take effects back or apply them again. Changes to
 * objects outside the batch never block it.
 */
import type { DB } from './open';
import type { RevisionTarget } from './revisions';
import { statement } from './statements';

const CONFLICTS = /* sql */ `
  WITH mine AS (
    SELECT target_type, target_id, max(id) AS last FROM revisions WHERE batch_id = @batchId GROUP BY target_type, target_id
  )
  SELECT DISTINCT m.target_type AS type, m.target_id AS id
    FROM mine m
    JOIN revisions r ON r.target_type = m.target_type AND r.target_id = m.target_id AND r.id > m.last
    JOIN batches b ON b.id = r.batch_id AND b.kind = 'change' AND b.state = 'done'
   ORDER BY m.target_type, CAST(m.target_id AS INTEGER), m.target_id`;

export interface Conflict {
  type: RevisionTarget;
  id: string;
}

/** The objects of batch `batchId` that a change still in effect has written since the batch did. */
export function conflictsOf(db: DB, batchId: string): Conflict[] {
  return statement(db, CONFLICTS).all({ batchId }) as Conflict[];
}
