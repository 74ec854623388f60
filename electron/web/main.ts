/**
 * `npm run web -- --db <file> [--port <n>] [--save-dir <dir>] [--open-file <file>]...`: the browser
 * harness for tests and UI work. Each --open-file is what the next "open" dialog answers (in order).
 * Prints one line "Cluster Brief harness: <url>" once it listens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeErrorBilingual, toErrorPayload } from '../../shared/errors';
import { openDataFile } from '../services/db/open';
import { createHandlers } from '../services/handlers';
import { folderHost } from '../services/host';
import { Jobs } from '../services/jobs';
import { resolveDataFile } from '../services/paths';
import { APP_NAME, APP_VERSION } from '../services/version';
import { startHarness } from './server';

export async function main(argv: string[], built: { bridgeScript: string; rendererDir: string }): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' }, 'save-dir': { type: 'string' }, 'open-file': { type: 'string', multiple: true } },
  });
  const dataFile = resolveDataFile({ db: values.db });
  let db;
  try {
    db = openDataFile(dataFile);
  } catch (error) {
    process.stderr.write(`${describeErrorBilingual(toErrorPayload(error))}\n`);
    process.exit(1);
  }
  // Without dialogs, "save" writes into --save-dir (default: a new temporary folder), printed below.
  const saveDir = values['save-dir'] ? path.resolve(values['save-dir']) : fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-saved-'));
  const host = folderHost(saveDir, path.join);
  host.openQueue.push(...(values['open-file'] ?? []).map((f) => path.resolve(f)));
  const handlers = createHandlers({ db, dataFile, appName: APP_NAME, appVersion: APP_VERSION, host, jobs: new Jobs() });
  const harness = await startHarness({
    handlers,
    bridgeScript: built.bridgeScript,
    rendererDir: values.renderer ?? built.rendererDir,
    port: values.port ? Number(values.port) : 0,
  });
  process.stdout.write(`Saved files go to: ${saveDir}\n`);
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
