/** A data file opened with the app's handlers, called the way the page calls them: through the contract's validation. */
import path from 'node:path';
import { dispatch } from '../../electron/services/dispatch';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { createHandlers, type Handlers } from '../../electron/services/handlers';
import { folderHost } from '../../electron/services/host';
import { Jobs } from '../../electron/services/jobs';
import { tempDir } from './files';

export function openWithHandlers(file: string): { db: DB; handlers: Handlers; call: (channel: string, input: unknown) => Promise<unknown> } {
  const db = openDataFile(file);
  const handlers = createHandlers({ db, dataFile: file, appName: 'Cluster Brief', appVersion: '0.0.0-test', host: folderHost(tempDir(), path.join), jobs: new Jobs() });
  /** Calls a channel as the page does; a refusal is thrown with its code and details. */
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value;
  };
  return { db, handlers, call };
}
