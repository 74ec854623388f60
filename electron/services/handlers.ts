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
import { deleteBriefingDefinition, listBriefingDefinitions, saveBriefingDefinition } from './briefing/definitions';
import { exportBriefing } from './briefing/export';
import { renderBriefing } from './briefing/render';
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

    // Briefings (PDF)
    listBriefings: () => listBriefingDefinitions(db),
    saveBriefing: (input) => saveBriefingDefinition(db, input),
    deleteBriefing: ({ id }) => deleteBriefingDefinition(db, id),
    previewBriefing: async ({ request }) => {
      const { pdf, pages } = await renderBriefing(db, request);
      return { pdfBase64: pdf.toString('base64'), bytes: pdf.length, pages };
    },
    exportBriefing: ({ request, openAfter }) => exportBriefing(db, ctx.host, request, openAfter),
    ...workbookHandlers(ctx),
  };
}
