/**
 * Adversarial suite (issue 11): the damaged-file and hostile-workbook corpora (tests/helpers/
 * adversarial-corpora.ts), each tried through the real `cluster-brief` command. A damaged file:
 * `info`, `list --json` and `import xlsx` all exit 1 with the problem named in both languages (no
 * SQLite or library English in the Chinese line, never "Internal error"), and the file's bytes are
 * unchanged. A hostile workbook: refused the same way with the data file's bytes unchanged, or
 * imported (exit 0) with a note in both languages and the file still sound. The short run leaves
 * out the two workbooks LibreOffice must make (tests/unit/workbook-bad.test.ts covers them);
 * `npm run adversarial` runs them all.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataFile } from '../../electron/services/db/open';
import { exportWorkbook } from '../../electron/services/workbook/export';
import { DAMAGED_FILE_CASES, HOSTILE_WORKBOOK_CASES, type Says } from '../helpers/adversarial-corpora';
import { LARGE, report } from '../helpers/adversarial';
import { runCliProcess, tempDir, type CliResult } from '../helpers/files';
import { SKIP_LIBREOFFICE } from '../helpers/workbooks';

const bytesOf = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** SQLite's and the libraries' own English, which a Chinese line must never carry. */
const LIBRARY_ENGLISH = /malformed|disk image|SQLITE_|database|not a database|Error:|TypeError|undefined|NaN|\[object|exceljs|jszip|sax|Cannot read|Internal error|内部错误/i;

/** What is wrong with a message that should name the problem: a line with every Chinese word, another with every English one. */
function wordsProblem(text: string, says: Says, what: string): string | null {
  const lines = text.split('\n');
  const zh = lines.find((l) => says.zh.every((w) => l.includes(w)));
  const en = lines.find((l) => l !== zh && says.en.every((w) => l.includes(w)));
  if (zh === undefined) return `${what}: no Chinese line with ${JSON.stringify(says.zh)} in ${JSON.stringify(text.slice(0, 400))}`;
  if (en === undefined) return `${what}: no English line with ${JSON.stringify(says.en)} in ${JSON.stringify(text.slice(0, 400))}`;
  const leaked = zh.match(LIBRARY_ENGLISH);
  return leaked ? `${what}: the Chinese line carries "${leaked[0]}": ${zh}` : null;
}

/** Exit 1 and the problem named in both languages; else what was wrong. */
function refusalProblem(result: CliResult, says: Says, what: string): string | null {
  if (result.status !== 1) return `${what}: exit ${result.status}, ${JSON.stringify(result.stderr.slice(0, 300))}`;
  return wordsProblem(result.stderr, says, what);
}

/** The files beside the data file, less SQLite's own -wal and -shm (a backup or a copy would show). */
const neighbours = (file: string): string[] =>
  fs
    .readdirSync(path.dirname(file))
    .filter((n) => !/-(wal|shm)$/.test(n))
    .sort();

const workbookCases = HOSTILE_WORKBOOK_CASES.filter((c) => !c.libreOffice || (LARGE && !SKIP_LIBREOFFICE));

describe('adversarial: damaged data files and hostile workbooks through the command line', () => {
  it(`refuses every damaged data file (${DAMAGED_FILE_CASES.length} cases) in both languages and leaves it byte for byte as it was`, async () => {
    const healthy = path.join(tempDir(), 'healthy.sqlite');
    const db = openDataFile(healthy);
    const workbook = path.join(tempDir(), 'export.xlsx');
    await exportWorkbook(db, workbook, { lang: 'zh-CN' });
    db.close();
    const problems: string[] = [];
    let runs = 0;
    for (const c of DAMAGED_FILE_CASES) {
      const file = path.join(tempDir(), 'data.sqlite');
      fs.copyFileSync(healthy, file);
      c.damage(file);
      const [before, beside] = [bytesOf(file), neighbours(file)];
      for (const args of [['info'], ['list', '--json'], ['import', 'xlsx', workbook]]) {
        runs++;
        const problem = refusalProblem(runCliProcess([...args, '--db', file]), c.says, `${c.name}: ${args[0]}`);
        if (problem) problems.push(problem);
      }
      if (bytesOf(file) !== before) problems.push(`${c.name}: the file changed`);
      if (neighbours(file).join() !== beside.join()) problems.push(`${c.name}: files appeared beside it: ${neighbours(file).join(', ')}`);
    }
    const failed = new Set(problems.map((p) => p.slice(0, p.indexOf(':')))).size;
    report('damaged-files', { cases: DAMAGED_FILE_CASES.length, commandRuns: runs, refusedUnchanged: DAMAGED_FILE_CASES.length - failed });
    expect(problems).toEqual([]);
  }, 30 * 60_000);

  it(`handles every hostile workbook (${workbookCases.length} of ${HOSTILE_WORKBOOK_CASES.length} cases in this run) as its case says`, async () => {
    expect(HOSTILE_WORKBOOK_CASES.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const c of workbookCases) {
      const dir = tempDir();
      const file = path.join(dir, 'data.sqlite');
      openDataFile(file).close();
      const before = bytesOf(file);
      const result = runCliProcess(['import', 'xlsx', await c.make(dir), '--author', 'adversarial', '--db', file]);
      let problem: string | null;
      if (c.outcome === 'refused') {
        problem = refusalProblem(result, c.says, c.name) ?? (bytesOf(file) === before ? null : `${c.name}: refused but the data file changed`);
      } else {
        const check = new Database(file, { readonly: true, fileMustExist: true });
        const integrity = check.pragma('integrity_check', { simple: true });
        check.close();
        problem =
          result.status !== 0
            ? `${c.name}: not imported: exit ${result.status}, ${JSON.stringify(result.stderr.slice(0, 300))}`
            : integrity !== 'ok'
              ? `${c.name}: imported, but the file fails its integrity check: ${String(integrity)}`
              : wordsProblem(result.stdout, c.says, `${c.name}: the note`);
      }
      if (problem) problems.push(problem);
    }
    const failed = new Set(problems.map((p) => p.slice(0, p.indexOf(':')))).size;
    report('hostile-workbooks', {
      cases: HOSTILE_WORKBOOK_CASES.length,
      run: workbookCases.length,
      refused: workbookCases.filter((c) => c.outcome === 'refused').length,
      imported: workbookCases.filter((c) => c.outcome === 'imported').length,
      handledAsExpected: workbookCases.length - failed,
    });
    expect(problems).toEqual([]);
  }, 30 * 60_000);
});
