/**
 * The child process of the concurrent-issuing test (tests/unit/bulletins-concurrency.test.ts), run
 * with `node --import tsx`: another window or the command line issuing drafts on the same data file.
 * It opens the file, prints "ready", waits for a line on stdin, then issues each draft named and
 * prints the 期号 numbers it got as JSON.
 *   <data file> <draft id>...
 */
import readline from 'node:readline';
import { openDataFile } from '../../electron/services/db/open';
import { issueBulletin } from '../../electron/services/bulletins/issue';

async function main(): Promise<void> {
  const [dataFile, ...ids] = process.argv.slice(2);
  if (!dataFile || ids.length === 0) throw new Error('usage: <data file> <draft id>...');
  const db = openDataFile(dataFile, { mustExist: true, busyTimeoutMs: 30_000 });
  process.stdout.write('ready\n');
  const lines = readline.createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  lines.close();
  const numbers = ids.map((id) => issueBulletin(db, `process ${process.pid}`, Number(id)).issue!.number);
  db.close();
  process.stdout.write(`${JSON.stringify(numbers)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
