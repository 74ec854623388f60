/**
 * What a writer (PDF, Word) is given for an issue: its content and the data it prints. An issued
 * issue gives its frozen data, never live data, so exporting it later gives the same text whatever
 * the data has become. A draft gives the data as it is now, and is refused while a reference is
 * broken (its figure deleted), naming the paragraph.
 */
import type { BulletinFreeze, BulletinRecord } from '../../../shared/bulletin-store';
import type { DB } from '../db/open';
import { freeze } from './issue';
import { brokenReference, currentRef, referencesOf } from './references';
import { getBulletin } from './store';

export interface Exportable {
  bulletin: BulletinRecord;
  data: BulletinFreeze;
}

export function exportable(db: DB, id: number): Exportable {
  return db.transaction((): Exportable => {
    const bulletin = getBulletin(db, id);
    if (bulletin.kind === 'issued' && bulletin.frozen) return { bulletin, data: bulletin.frozen };
    const broken = referencesOf(bulletin.content).find((r) => currentRef(db, r.figureId) === undefined);
    if (broken) throw brokenReference(id, bulletin.content, broken);
    return { bulletin, data: freeze(db, bulletin.content) };
  })();
}
