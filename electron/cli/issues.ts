/**
 * `cluster-brief issue …`: the 简报 archive from the command line.
 *   issue list [--json]                                   issued issues by year (newest first), then drafts
 *   issue export <id|期号> --format pdf|docx --out <file>  the PDF or Word file of an issue: issued ones
 *                                                         from their frozen data, drafts live
 */
import { correctionLabel, issueLabel, type BulletinFormat, type BulletinListItem } from '../../shared/bulletin-store';
import { listIssued, findIssue } from '../services/bulletins/archive';
import { listDrafts } from '../services/bulletins/store';
import type { DB } from '../services/db/open';
import type { Io } from './main';

export { BULLETIN_FORMATS } from '../../shared/bulletin-store';

/** "(更正2026年第3期 #12)": the issue a 更正 corrects, by its 期号 with the year, and its id. */
function corrects(item: BulletinListItem): string {
  if (item.correctionOf === null) return '';
  return `\t(${item.correctionOfIssue ? correctionLabel(item.correctionOfIssue, 'zh') : '更正'} #${item.correctionOf})`;
}

export function issueListCommand(db: DB, json: boolean, io: Io): number {
  const issued = listIssued(db);
  const drafts = listDrafts(db);
  if (json) {
    io.out(`${JSON.stringify({ issued, drafts }, null, 2)}\n`);
    return 0;
  }
  const lines = [
    ...issued.map((i) => `${i.issue ? issueLabel(i.issue, 'zh') : ''}\t#${i.id}\t${(i.issuedAt ?? '').slice(0, 10)}\t${i.title}${corrects(i)}`),
    ...drafts.map((d) => `草稿 / draft\t#${d.id}\t${d.changedAt.slice(0, 10)}\t${d.title}${corrects(d)}`),
  ];
  io.out(lines.length > 0 ? `${lines.join('\n')}\n` : '没有简报 / no bulletins\n');
  return 0;
}

/**
 * Writes issue `ref` (its id or 期号 such as 2026-3) as PDF or Word to `out`: an issued one from its
 * frozen data only, a draft from live data (refused while a reference is broken, naming the
 * paragraph, and nothing written). The writers load only here, so `issue list` starts light.
 */
export async function issueExportCommand(db: DB, ref: string, format: BulletinFormat, out: string, io: Io): Promise<number> {
  const id = findIssue(db, ref);
  const [{ exportBulletin }, { writeFileReplacing }] = await Promise.all([import('../services/bulletins/export'), import('../services/briefing/export')]);
  const { bytes, pages } = await exportBulletin(db, id, format);
  writeFileReplacing(out, bytes);
  io.out(`${out}\n${pages !== null ? `${pages} pages, ` : ''}${bytes.length} bytes\n`);
  return 0;
}
