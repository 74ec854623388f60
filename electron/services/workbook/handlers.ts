/**
 * The workbook channels: export as a job (the person picks where to save), import as a preview of a
 * file the person picks (the page never names a path), then apply that preview by its id.
 */
import { AppError } from '../../../shared/errors';
import type { HandlerContext, Handlers } from '../handlers';
import { exportWorkbook } from './export';
import { authorOf } from '../workbench/settings';
import { ImportPreviews, applyImportPlan, planWorkbookImport } from './import';

type WorkbookChannels = 'startWorkbookExport' | 'previewWorkbookImport' | 'applyWorkbookImport' | 'openExportedWorkbook';
const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }];

export function workbookHandlers(ctx: HandlerContext): Pick<Handlers, WorkbookChannels> {
  const previews = new ImportPreviews();
  return {
    startWorkbookExport: async ({ lang }) => {
      const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      const file = await ctx.host.chooseSavePath({ suggestedName: `cluster-brief-${lang}-${stamp}.xlsx`, filters: XLSX });
      if (file === null) return null;
      return ctx.jobs.start('workbook-export', async (job) => {
        const result = await exportWorkbook(ctx.db, file, { lang, progress: job.progress });
        return { path: result.path, summary: { figures: result.figures } };
      });
    },
    previewWorkbookImport: async () => {
      const file = await ctx.host.chooseOpenPath({ filters: XLSX });
      if (file === null) return null;
      return previews.add(await planWorkbookImport(ctx.db, file));
    },
    applyWorkbookImport: ({ previewId, includeRemovals, overwriteNewer }) =>
      applyImportPlan(ctx.db, previews.take(previewId), { author: authorOf(ctx.db), includeRemovals, overwriteNewer: overwriteNewer ?? false, dataFile: ctx.dataFile }),
    // Only the file a finished workbook export wrote: the page never names a path.
    openExportedWorkbook: async ({ id }) => {
      const job = ctx.jobs.get(id);
      if (job.kind !== 'workbook-export' || job.state !== 'done' || job.path === null) throw new AppError('NOT_FOUND', 'no finished workbook export', { what: 'job', id });
      await ctx.host.openPath(job.path);
      return job;
    },
  };
}
