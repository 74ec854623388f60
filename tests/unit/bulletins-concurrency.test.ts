/**
 * 期号 under concurrent issuing: two processes (two windows, or the app and the command line) issue
 * drafts of the same data file at the same moment. Each issue takes the write lock before reading
 * the last number, so every issue gets its own number and the year's numbers run 1..N with no gap.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveNewDraft } from '../../electron/services/bulletins/actions';
import { issueBulletin } from '../../electron/services/bulletins/issue';
import { openDataFile } from '../../electron/services/db/open';
import { draftContent } from '../helpers/bulletins';
import { ROOT, tempDataFile } from '../helpers/files';

interface Child {
  process: ChildProcess;
  lines: string[];
  next: () => Promise<string>;
}

function startIssuer(file: string, ids: number[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/issue-child.ts'), file, ...ids.map(String)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      const w = waiting.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  const next = (): Promise<string> =>
    lines.length > 0
      ? Promise.resolve(lines.shift()!)
      : new Promise((resolve, reject) => {
          waiting.push(resolve);
          child.once('exit', (code) => reject(new Error(`issuer exited ${code}: ${stderr}`)));
        });
  return { process: child, lines, next };
}

describe('期号 under concurrent issuing', () => {
  it('two processes issuing at once get distinct consecutive numbers', async () => {
    const file = tempDataFile();
    const db = openDataFile(file);
    const drafts = Array.from({ length: 12 }, (_, i) => saveNewDraft(db, draftContent(db, `第${i + 1}份草稿`, [])).id);
    db.close();
    const a = startIssuer(file, drafts.filter((_, i) => i % 2 === 0));
    const b = startIssuer(file, drafts.filter((_, i) => i % 2 === 1));
    expect([await a.next(), await b.next()]).toEqual(['ready', 'ready']);
    a.process.stdin!.write('go\n');
    b.process.stdin!.write('go\n');
    const numbers = [...(JSON.parse(await a.next()) as number[]), ...(JSON.parse(await b.next()) as number[])];
    expect(numbers.sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));

    const check = openDataFile(file);
    const year = new Date().getFullYear();
    expect(check.prepare(`SELECT number FROM bulletins WHERE kind = 'issued' AND year = ? ORDER BY number`).pluck().all(year)).toEqual(numbers);
    // And once more from this connection: the next number follows.
    const last = saveNewDraft(check, draftContent(check, '第13份', []));
    expect(issueBulletin(check, '李分析', last.id).issue).toMatchObject({ year, number: 13 });
    check.close();
  }, 120_000);
});
