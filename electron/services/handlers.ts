/**
 * The handler table: one function per contract channel, over an open data file. It knows nothing
 * of Electron, so the app, the browser harness and the tests all run the same code.
 */
import type { Channel, Output, ParsedInput } from '../../shared/contract';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import type { DB } from './db/open';
import type { Host } from './host';
import type { Jobs } from './jobs';
import { dataVersion, getEntity, getProvince, listEntities } from './db/read';
import { workbookHandlers } from './workbook/handlers';

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>> };

export interface HandlerContext {
  db: DB;
  dataFile: string;
  appName: string;
  appVersion: string;
  /** Dialogs and opening files: Electron in the app, a folder in the harness and tests. */
  host: Host;
  jobs: Jobs;
}

export function createHandlers(ctx: HandlerContext): Handlers {
  const { db } = ctx;
  return {
    listEntities: (input) => listEntities(db, input),
    getEntity: ({ id }) => getEntity(db, id),
    getProvince: () => getProvince(db),
    getAppInfo: () => ({
      name: ctx.appName,
      version: ctx.appVersion,
      dataFile: ctx.dataFile,
      schemaVersion: LATEST_SCHEMA_VERSION,
      dataVersion: dataVersion(db),
    }),
    getJob: ({ id }) => ctx.jobs.get(id),
    cancelJob: ({ id }) => ctx.jobs.cancel(id),
    ...workbookHandlers(ctx),
  };
}
