/**
 * The statistical-table channels: open a table the person picks (the page never names a path: it
 * gets an id), show its first rows, preview a mapping against the data file, apply that preview by its
 * id; and the saved mappings.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { TablePreview } from '../../../shared/table-import';
import type { HandlerContext, Handlers } from '../handlers';
import { authorOf } from '../workbench/settings';
import { applyTablePlan } from './apply';
import { readCatalog } from './match';
import { deleteTableMapping, listTableMappings, saveTableMapping } from './mappings';
import { planTableImport, type TablePlan } from './plan';
import { gridRows, readTable } from './read';

type TableChannels = 'readTable' | 'previewTableImport' | 'applyTableImport' | 'listTableMappings' | 'saveTableMapping' | 'deleteTableMapping';
const TABLES = [{ name: 'Excel / CSV', extensions: ['xlsx', 'csv'] }];
/** Rows the wizard shows to pick the header row from. */
const GRID_ROWS = 30;
/** Changes listed in a preview (the counts give the totals). */
const LISTED = 1000;

/** Kept by id, a few at most: the oldest goes first. */
class Kept<T> {
  private readonly items = new Map<string, T>();
  constructor(private readonly keep: number) {}
  add(item: T): string {
    const id = crypto.randomUUID();
    this.items.set(id, item);
    while (this.items.size > this.keep) this.items.delete(this.items.keys().next().value!);
    return id;
  }
  get(id: string): T | undefined {
    return this.items.get(id);
  }
  take(id: string): T | undefined {
    const item = this.items.get(id);
    this.items.delete(id);
    return item;
  }
}

export function previewOf(id: string, plan: TablePlan): TablePreview {
  return {
    id,
    fileName: path.basename(plan.file),
    sheet: plan.sheet,
    counts: plan.counts,
    changes: plan.changes.slice(0, LISTED).map(({ figure: _f, stored: _s, ...change }) => change),
    errorCount: plan.problems.length,
    errors: plan.problems.slice(0, LISTED),
    unmatched: plan.unmatched.slice(0, LISTED),
    periodColumns: plan.periodColumns,
  };
}

export function tableHandlers(ctx: HandlerContext, write: <I, O>(fn: (input: I) => O) => (input: I) => O): Pick<Handlers, TableChannels> {
  const files = new Kept<string>(10);
  const previews = new Kept<{ plan: TablePlan; source: Parameters<typeof applyTablePlan>[2]['source'] }>(3);
  const fileOf = (fileId: string): string => {
    const file = files.get(fileId);
    if (!file) throw new AppError('NOT_FOUND', 'table not open', { what: 'table', id: fileId });
    return file;
  };
  return {
    readTable: async ({ fileId, sheet }) => {
      let file: string | null;
      if (fileId === undefined) file = await ctx.host.chooseOpenPath({ filters: TABLES });
      else file = fileOf(fileId);
      if (file === null) return null;
      const table = await readTable(file, sheet ?? null);
      const id = fileId ?? files.add(file);
      const catalog = readCatalog(ctx.db);
      return {
        fileId: id,
        fileName: path.basename(file),
        format: table.format,
        encoding: table.encoding,
        sheets: table.sheets,
        sheet: table.sheet,
        rowCount: table.rows.length,
        columnCount: table.columnCount,
        rows: gridRows(table, GRID_ROWS),
        metrics: [...catalog.metrics.values()].map(({ id: metric, name, kind }) => ({ id: metric, name, kind })),
        cities: catalog.cities.map(({ code, name }) => ({ code, name })),
      };
    },
    previewTableImport: async ({ fileId, mapping, source }) => {
      const table = await readTable(fileOf(fileId), mapping.sheet);
      const plan = planTableImport(ctx.db, table, mapping);
      return previewOf(previews.add({ plan, source }), plan);
    },
    applyTableImport: write(({ previewId }) => {
      const kept = previews.take(previewId);
      if (!kept) throw new AppError('IMPORT_STALE_PREVIEW', 'preview not found');
      return applyTablePlan(ctx.db, kept.plan, { author: authorOf(ctx.db), dataFile: ctx.dataFile, source: kept.source });
    }),
    listTableMappings: () => listTableMappings(ctx.db),
    saveTableMapping: write(({ name, mapping }) => saveTableMapping(ctx.db, name, mapping)),
    deleteTableMapping: write(({ name }) => deleteTableMapping(ctx.db, name)),
  };
}
