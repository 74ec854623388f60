/**
 * Adversarial suite (issue 11): the damaged-file and hostile-workbook corpora, listed by other
 * branches in tests/helpers/adversarial-corpora.ts, each tried through the real `cluster-brief`
 * command. A damaged file: `info`, `list --json` and `import xlsx` all exit 1 with a reason in both
 * languages (never "Internal error"), and the file's bytes are unchanged. A hostile workbook:
 * refused the same way with the data file unchanged, or imported with the file still sound.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataFile } from '../../electron/services/db/open';
import { exportWorkbook } from '../../electron/services/workbook/export';
import { DAMAGED_FILE_CASES, HOSTILE_WORKBOOK_CASES } from '../helpers/adversarial-corpora';
import { report } from '../helpers/adversarial';
import { fullDump, runCliProcess, tempDir, type CliResult } from '../helpers/files';

const bytesOf = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Exit 1, a Chinese line and an English line, and no untyped failure; else what was wrong. */
function refusalProblem(result: CliResult, what: string): string | null {
  const explained = result.status === 1 && /[\u4e00-\u9fff]/.test(result.stderr) && /[A-Za-z]{3,}/.test(result.stderr) && !/内部错误|Internal error/.test(result.stderr);
  return explained ? null : `${what}: exit ${result.status}, ${JSON.stringify(result.stderr.slice(0, 200))}`;
}

describe('adversarial: damaged data files and hostile workbooks through the command line', () => {
  it.skipIf(DAMAGED_FILE_CASES.length === 0)(`refuses every damaged data file (${DAMAGED_FILE_CASES.length} cases) and leaves it byte for byte as it was`, async () => {
    const healthy = path.join(tempDir(), 'healthy.sqlite');
    const db = openDataFile(healthy);
    const workbook = path.join(tempDir(), 'export.xlsx');
    await exportWorkbook(db, workbook, { lang: 'zh-CN' });
    db.close();
    const problems: string[] = [];
    for (const c of DAMAGED_FILE_CASES) {
      const file = path.join(tempDir(), 'data.sqlite');
      fs.copyFileSync(healthy, file);
      c.damage(file);
      const before = bytesOf(file);
      const found = [['info'], ['list', '--json'], ['import', 'xlsx', workbook]].map((args) => refusalProblem(runCliProcess([...args, '--db', file]), `${c.name}: ${args[0]}`));
      if (bytesOf(file) !== before) found.push(`${c.name}: the file changed`);
      problems.push(...found.filter((p): p is string => p !== null));
    }
    const failed = new Set(problems.map((p) => p.slice(0, p.indexOf(':')))).size;
    report('damaged-files', { cases: DAMAGED_FILE_CASES.length, refusedUnchanged: DAMAGED_FILE_CASES.length - failed });
    expect(problems).toEqual([]);
  }, 30 * 60_000);

  it.skipIf(HOSTILE_WORKBOOK_CASES.length === 0)(`handles every hostile workbook (${HOSTILE_WORKBOOK_CASES.length} cases) as its case says`, async () => {
    const problems: string[] = [];
    for (const c of HOSTILE_WORKBOOK_CASES) {
      const dir = tempDir();
      const file = path.join(dir, 'data.sqlite');
      const db = openDataFile(file);
      const before = fullDump(db);
      db.close();
      const result = runCliProcess(['import', 'xlsx', await c.make(dir), '--author', 'adversarial', '--db', file]);
      const after = openDataFile(file, { mustExist: true });
      try {
        const problem =
          c.outcome === 'refused'
            ? (refusalProblem(result, c.name) ?? (fullDump(after) === before ? null : `${c.name}: refused but the data file changed`))
            : result.status === 0 && after.pragma('integrity_check', { simple: true }) === 'ok'
              ? null
              : `${c.name}: not imported: exit ${result.status}, ${JSON.stringify(result.stderr.slice(0, 200))}`;
        if (problem) problems.push(problem);
      } finally {
        after.close();
      }
    }
    report('hostile-workbooks', { cases: HOSTILE_WORKBOOK_CASES.length, handledAsExpected: HOSTILE_WORKBOOK_CASES.length - problems.length });
    expect(problems).toEqual([]);
  }, 30 * 60_000);
});
