/**
 * The child process of the kill trials (tests/unit/adversarial-kill.test.ts), run with
 * `node --import tsx`: a whole workbook import, or the undo of one, on a real data file, exactly as
 * the app and the command line do it. It prints "started" just before the write begins (the backup
 * comes first, then the transaction) and "done <ms>" when the write has returned.
 *   import <data file> <workbook>
 *   undo <data file>
 */
import { performance } from 'node:perf_hooks';
import { openDataFile } from '../../electron/services/db/open';
import { undo } from '../../electron/services/db/undo';
import { applyImportPlan, planWorkbookImport } from '../../electron/services/workbook/import';

async function main(): Promise<void> {
  const [mode, dataFile, workbook] = process.argv.slice(2);
  if (!dataFile || (mode !== 'import' && mode !== 'undo') || (mode === 'import' && !workbook)) throw new Error('usage: import <data file> <workbook> | undo <data file>');
  const db = openDataFile(dataFile, { mustExist: true });
  const plan = mode === 'import' ? await planWorkbookImport(db, workbook!) : null;
  if (plan && plan.problems.length > 0) throw new Error(`the workbook has problems: ${JSON.stringify(plan.problems.slice(0, 3))}`);
  process.stdout.write('started\n');
  const t0 = performance.now();
  if (plan) applyImportPlan(db, plan, { author: 'kill-trial', includeRemovals: false, dataFile });
  else if (!undo(db, 'kill-trial').done) throw new Error('nothing to undo');
  const ms = performance.now() - t0;
  db.close();
  process.stdout.write(`done ${ms.toFixed(1)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
