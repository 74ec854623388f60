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
import { briefingWarnings } from './briefing/warnings';
import { previewAnswer, renderBriefing } from './briefing/render';
import { workbookHandlers } from './workbook/handlers';
import { tableHandlers } from './tables/handlers';
import { backupHandlers } from './backups/handlers';
import { bulletinHandlers } from './bulletins/handlers';
import { checkHandlers } from './checks/handlers';
import { mustNotBeKnownDamaged } from './db/health';
import { FIGURES } from './db/figures';
import { mustExist } from './db/revisions';
import { history } from './db/history';
import { redo, restoreVersion, undo, undoState, undoStateWithBatches } from './db/undo';
import { saveAnnotation, saveEntity, saveFigure, saveMetric, setItemDeleted } from './workbench/actions';
import { listCities, listMetrics } from './db/metrics';
import { dashboardData } from './workbench/dashboard';
import { listAnnotations, listDeleted, listSources } from './workbench/lists';
import { figureFacets, listFigures } from './workbench/query';
import { searchEverything } from './workbench/search';
import { authorOf, getSettings, updateSettings } from './workbench/settings';

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
  // Every write is refused once a check has found the file damaged (restoring a backup clears it).
  const write =
    <I, O>(fn: (input: I) => O) =>
    (input: I): O => {
      mustNotBeKnownDamaged(db, ctx.dataFile);
      return fn(input);
    };
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
    // SQLite's data_version: changed by another connection's commit, never by this one's.
    getFileVersion: () => ({ version: db.pragma('data_version', { simple: true }) as number }),
    getJob: ({ id }) => ctx.jobs.get(id),
    cancelJob: ({ id }) => ctx.jobs.cancel(id),

    // Briefings (PDF)
    listBriefings: () => listBriefingDefinitions(db),
    saveBriefing: write((input) => saveBriefingDefinition(db, input)),
    deleteBriefing: write(({ id }) => deleteBriefingDefinition(db, id)),
    previewBriefing: async ({ request }) => {
      return previewAnswer(await renderBriefing(db, request, new Date(), { firstPage: true }));
    },
    exportBriefing: ({ request, openAfter, format }) => exportBriefing(db, ctx.host, request, openAfter, new Date(), format),
    briefingWarnings: ({ request }) => briefingWarnings(db, request),
    ...workbookHandlers(ctx),
    // Workbench (issue 3)
    getSettings: () => getSettings(db),
    updateSettings: write((patch) => updateSettings(db, patch)),
    listFigures: (query) => listFigures(db, query),
    getFigureFacets: () => figureFacets(db),
    search: (query) => searchEverything(db, query),
    getFigure: ({ id }) => mustExist(db, FIGURES, id),
    listSources: () => listSources(db),
    saveFigure: write((input) => saveFigure(db, input)),
    saveEntity: write((input) => saveEntity(db, input)),
    saveAnnotation: write((input) => saveAnnotation(db, input)),
    deleteItem: write((ref) => {
      setItemDeleted(db, ref, true);
      return undoState(db);
    }),
    restoreItem: write((ref) => {
      setItemDeleted(db, ref, false);
      return undoState(db);
    }),
    listDeleted: () => listDeleted(db),
    listAnnotations: (filter) => listAnnotations(db, filter),
    getHistory: ({ targetType, targetId }) => history(db, targetType, targetId),
    restoreVersion: write(({ revisionId, seen }) => restoreVersion(db, authorOf(db), revisionId, seen)),
    // Undo and redo of a whole import check the file first, as the import did.
    undo: write(({ batchId }) => undo(db, authorOf(db), undefined, { batchId, dataFile: ctx.dataFile })),
    redo: write(({ batchId }) => redo(db, authorOf(db), undefined, { batchId, dataFile: ctx.dataFile })),
    getUndoState: () => undoStateWithBatches(db),
    getDashboard: () => dashboardData(db),
    ...backupHandlers(ctx),
    ...bulletinHandlers(ctx, write),
    ...checkHandlers(ctx, write),
    ...tableHandlers(ctx, write),
    // The metric catalog and cities (issue 12)
    listMetrics: () => listMetrics(db),
    saveMetric: write((input) => saveMetric(db, input)),
    deleteMetric: write(({ id }) => {
      setItemDeleted(db, { targetType: 'metric', targetId: id }, true);
      return undoState(db);
    }),
    listCities: () => listCities(db),
  };
}
