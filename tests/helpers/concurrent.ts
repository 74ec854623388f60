/** The app's handlers over a data file, and a colleague writing to the same file from another connection. */
import path from 'node:path';
import { updateFigure } from '../../electron/services/db/figures';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { newChange } from '../../electron/services/db/revisions';
import { createHandlers, type Handlers } from '../../electron/services/handlers';
import { folderHost } from '../../electron/services/host';
import { Jobs } from '../../electron/services/jobs';
import { tempDir } from './files';

/** The handler table the app binds, over `db` (which may be any connection to `file`). */
export function handlersOver(db: DB, file: string): Handlers {
  return createHandlers({ db, dataFile: file, appName: 'Cluster Brief', appVersion: '0.0.0-test', host: folderHost(tempDir(), path.join), jobs: new Jobs() });
}

/** A colleague saves figure `id` from another window (or the command line): its own connection, its own transaction. */
export function colleagueSaves(file: string, id: number, value: number): void {
  const other = openDataFile(file, { mustExist: true });
  try {
    other.transaction(() => updateFigure(other, newChange('王同事'), id, { value }))();
  } finally {
    other.close();
  }
}
