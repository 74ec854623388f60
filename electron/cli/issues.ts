/**
 * `cluster-brief issue …`: the 简报 archive from the command line.
 *   issue list [--json]                                   issued issues by year (newest first), then drafts
 *   issue export <id|期号> --format pdf|docx --out <file>  not available yet: the bulletin writers
 *                                                         (PDF, Word) are not in this version; a typed
 *                                                         error, no file written
 */
import { issueLabel } from '../../shared/bulletin-store';
import { AppError } from '../../shared/errors';
import { listIssued, findIssue } from '../services/bulletins/archive';
import { listDrafts } from '../services/bulletins/store';
import { exportable } from '../services/bulletins/exportable';
import type { DB } from '../services/db/open';
import type { Io } from './main';

export const BULLETIN_FORMATS = ['pdf', 'docx'] as const;

export function issueListCommand(db: DB, json: boolean, io: Io): number {
  const issued = listIssued(db);
  const drafts = listDrafts(db);
  if (json) {
    io.out(`${JSON.stringify({ issued, drafts }, null, 2)}\n`);
    return 0;
  }
  const lines = [
    ...issued.map((i) => `${i.issue ? issueLabel(i.issue, 'zh') : ''}\t#${i.id}\t${(i.issuedAt ?? '').slice(0, 10)}\t${i.title}${i.correctionOf !== null ? `\t(更正 #${i.correctionOf})` : ''}`),
    ...drafts.map((d) => `草稿 / draft\t#${d.id}\t${d.changedAt.slice(0, 10)}\t${d.title}`),
  ];
  io.out(lines.length > 0 ? `${lines.join('\n')}\n` : '没有简报 / no bulletins\n');
  return 0;
}

/**
 * Finds the issue (a typed NOT_FOUND names what was asked) and what a writer would print (a draft
 * with a broken reference is refused, naming the paragraph), then refuses: no bulletin writer in
 * this version. The writers take `exportable(db, id)`.
 */
export function issueExportCommand(db: DB, ref: string, format: (typeof BULLETIN_FORMATS)[number]): number {
  const id = findIssue(db, ref);
  exportable(db, id);
  throw new AppError('BULLETIN_EXPORT_UNAVAILABLE', 'bulletin export not available yet', { id, format });
}
