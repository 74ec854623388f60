/**
 * `cluster-brief issue list` (export: bulletin-export.test.ts), run as a script would run them: the real command in
 * a child process over a real data file.
 */
import { describe, expect, it } from 'vitest';
import { saveNewDraft } from '../../electron/services/bulletins/actions';
import { issueBulletin } from '../../electron/services/bulletins/issue';
import { EXAMPLE_TITLE } from '../../electron/services/bulletins/example';
import { openDataFile } from '../../electron/services/db/open';
import { draftContent } from '../helpers/bulletins';
import { runCliProcess, tempDataFile } from '../helpers/files';

/** A data file made by `init`, with one issue of this year, one 增刊 and one draft written by the app. */
function archiveFile(): string {
  const file = tempDataFile();
  expect(runCliProcess(['init', '--db', file]).status).toBe(0);
  const db = openDataFile(file, { mustExist: true });
  issueBulletin(db, '李分析', saveNewDraft(db, draftContent(db, '三季度集群运行情况', [19])).id);
  issueBulletin(db, '李分析', saveNewDraft(db, draftContent(db, '低空经济专题', [])).id, { supplement: true });
  saveNewDraft(db, draftContent(db, '四季度草稿', []));
  db.close();
  return file;
}

describe('cluster-brief issue', () => {
  it('lists the archive by year, newest first, then the drafts; --json gives the same as data', () => {
    const file = archiveFile();
    const year = new Date().getFullYear();
    const text = runCliProcess(['issue', 'list', '--db', file]);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${year}年第1期\\t#\\d+\\t\\d{4}-\\d{2}-\\d{2}\\t三季度集群运行情况$`));
    expect(lines[1]).toMatch(new RegExp(`^${year}年增刊第1期\\t.*低空经济专题$`));
    expect(lines[2]).toMatch(/^2024年第1期\t#1\t2024-10-2\d\t示例：/);
    expect(lines[3]).toMatch(/^草稿 \/ draft\t#\d+\t.*四季度草稿$/);

    const json = runCliProcess(['issue', 'list', '--json', '--db', file]);
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as { issued: { title: string; issue: { year: number; number: number } }[]; drafts: { title: string }[] };
    expect(parsed.issued.map((i) => i.title)).toEqual(['三季度集群运行情况', '低空经济专题', EXAMPLE_TITLE]);
    expect(parsed.drafts.map((d) => d.title)).toEqual(['四季度草稿']);
  }, 120_000);
});
