/**
 * `npm run web -- --db <file> [--port <n>]`: the browser harness for tests and UI work.
 * Prints one line "Cluster Brief harness: <url>" once it listens.
 */
import { parseArgs } from 'node:util';
import { describeErrorBilingual, toErrorPayload } from '../../shared/errors';
import { openDataFile } from '../services/db/open';
import { createHandlers } from '../services/handlers';
import { resolveDataFile } from '../services/paths';
import { APP_NAME, APP_VERSION } from '../services/version';
import { startHarness } from './server';

export async function main(argv: string[], built: { bridgeScript: string; rendererDir: string }): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' } },
  });
  const dataFile = resolveDataFile({ db: values.db });
  let db;
  try {
    db = openDataFile(dataFile);
  } catch (error) {
    process.stderr.write(`${describeErrorBilingual(toErrorPayload(error))}\n`);
    process.exit(1);
  }
  const handlers = createHandlers({ db, dataFile, appName: APP_NAME, appVersion: APP_VERSION });
  const harness = await startHarness({
    handlers,
    bridgeScript: built.bridgeScript,
    rendererDir: values.renderer ?? built.rendererDir,
    port: values.port ? Number(values.port) : 0,
  });
  process.stdout.write(`Cluster Brief harness: ${harness.url}\n`);
  const stop = (): void => {
    void harness.close().finally(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
