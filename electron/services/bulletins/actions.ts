/**
 * The 简报 user actions: each is one transaction with one change context (one batch), recorded as the
 * person named in settings, so it lands whole with its revision and undo takes it back whole.
 */
import type { BulletinRecord } from '../../../shared/bulletin-store';
import type { DB } from '../db/open';
import { newChange, type ChangeContext } from '../db/revisions';
import { mustBeAsSeen } from '../db/seen';
import { authorOf } from '../workbench/settings';
import { acceptReference } from './references';
import { bulletinModel } from './export';
import { correctBulletin, issueBulletin } from './issue';
import { createDraft, updateDraft } from './store';

/** IMMEDIATE, as the workbench's actions: a save while another program writes waits its turn. */
function act<T>(db: DB, work: (ctx: ChangeContext) => T): T {
  return db.transaction(() => work(newChange(authorOf(db)))).immediate();
}

export const saveNewDraft = (db: DB, content: unknown): BulletinRecord => act(db, (ctx) => createDraft(db, ctx, content));
/** `seen`: the draft's change time the editor last held; a save over a later change (another window) is refused. */
export const saveDraft = (db: DB, id: number, content: unknown, seen?: string): BulletinRecord =>
  act(db, (ctx) => {
    mustBeAsSeen(db, 'bulletin', id, seen);
    return updateDraft(db, ctx, id, content);
  });
export const acceptFigure = (db: DB, id: number, figureId: number): BulletinRecord => act(db, (ctx) => acceptReference(db, ctx, id, figureId));
export const startCorrection = (db: DB, id: number): BulletinRecord => act(db, (ctx) => correctBulletin(db, ctx, id));

/**
 * 签发, and only if the issue as issued can be printed: its document is composed from the data just
 * frozen, as every later export will compose it, in the same transaction. A chart of an industry
 * deleted since (or any reference the issue cannot print) refuses 签发, naming its place, while the
 * draft can still be fixed; it used to be issued, numbered, and refused at every export after.
 */
export const issueDraft = (db: DB, id: number, options: { supplement: boolean; withTotal: boolean }): BulletinRecord =>
  db
    .transaction(() => {
      // The draft as it prints now (a deleted industry refused here: an issued issue's frozen data only notes it), then
      // the issue as it will print from what was frozen.
      bulletinModel(db, id);
      const issued = issueBulletin(db, authorOf(db), id, options);
      bulletinModel(db, issued.id);
      return issued;
    })
    .immediate();

