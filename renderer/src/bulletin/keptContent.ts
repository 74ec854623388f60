/**
 * Content a failed save left behind when the person left a draft: kept in this window's storage
 * (sessionStorage) under the draft's id until it is restored or dropped, so no typed text is lost.
 */
import { BulletinContent } from '../../../shared/bulletin';
import { readStored } from '../useStoredState';

const unsavedKey = (id: number): string => `cluster-brief:unsaved-bulletin:${id}`;

export function keepUnsaved(id: number, content: BulletinContent): void {
  try {
    window.sessionStorage.setItem(unsavedKey(id), JSON.stringify(content));
  } catch {
    // Storage refused: the error shown says the content was not saved.
  }
}

export const dropUnsaved = (id: number): void => window.sessionStorage.removeItem(unsavedKey(id));

/** What was kept for this draft, unless the data file holds exactly that after all (then it is dropped). */
export function readKept(id: number, stored: BulletinContent): BulletinContent | null {
  const kept = readStored(unsavedKey(id), BulletinContent);
  if (kept && JSON.stringify(kept) === JSON.stringify(stored)) {
    dropUnsaved(id);
    return null;
  }
  return kept;
}
