/**
 * Importing a workbook: check the file, read it, show the difference; then, on request, apply it as
 * one transaction and one revision batch under the importing author, after a backup of the data
 * file. When any problem was found nothing is written.
 */
import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { ImportPreview, ImportResult } from '../../../shared/workbook';
import { applyFigureChanges, type FigureChange } from '../db/figures-bulk';
import { backupBeside, type DB } from '../db/open';
import { dataVersion } from '../db/read';
import { newChange } from '../db/revisions';
import { planImport, type ImportPlan, type PlannedChange } from './diff';
import { readFiguresSheet, type ReadLimits } from './read';
import { checkZip, type ZipLimits } from './zip-check';
import { countAnnotationEdits } from './annotation-edits';
import { parseInput } from '../db/revisions';
import { AuthorName } from '../../../shared/workbench';

/** Checks and reads `file`, and compares it with the data file. Throws for a file that cannot be read at all. */
export async function planWorkbookImport(db: DB, file: string, limits: { zip?: ZipLimits; read?: ReadLimits } = {}): Promise<ImportPlan> {
  const zip = await checkZip(file, limits.zip);
  const read = await readFiguresSheet(file, zip, limits.read);
  return { ...planImport(db, read, file), percentConversions: read.percentCells, ignoredAnnotationEdits: await countAnnotationEdits(db, file, zip) };
}


export interface ApplyOptions {
  author: string;
  includeRemovals: boolean;
  /** The data file's path, for the backup beside it. */
  dataFile: string;
}

/**
 * Writes the plan: one backup, one transaction, one revision batch (its id is returned: undo takes
 * the whole import back by it), the rows written set-based (db/figures-bulk.ts). Refuses a plan
 * with problems, and a plan older than the data.
 */
export function applyImportPlan(db: DB, plan: ImportPlan, options: ApplyOptions): ImportResult {
  // The text rule for the name every change is recorded under (no NUL, no control characters, not empty).
  parseInput(AuthorName, options.author, 'authorName');
  if (plan.problems.length > 0) throw new AppError('IMPORT_HAS_ERRORS', 'workbook has errors', { count: plan.problems.length });
  if (dataVersion(db) !== plan.dataVersion) throw new AppError('IMPORT_STALE_PREVIEW', 'data changed since the preview');
  const author = options.author.trim();
  if (!author) throw new AppError('INVALID_INPUT', 'author missing', { where: 'author', reason: 'empty' });
  const work = plan.changes.filter((c) => c.kind !== 'removed' || options.includeRemovals);
  const result: ImportResult = { batchId: null, changed: 0, added: 0, removed: 0, backupPath: null };
  if (work.length === 0) return result;

  result.backupPath = backupBeside(db, options.dataFile, 'before-import');
  const change = newChange(author);
  // In workbook row order, then the removals (the plan's order): history reads as the workbook does.
  applyFigureChanges(db, change, work.map(toFigureChange));
  for (const c of work) result[c.kind]++;
  result.batchId = change.batchId;
  return result;
}

function toFigureChange(c: PlannedChange): FigureChange {
  switch (c.kind) {
    case 'changed':
      return { kind: 'changed', id: c.figureId!, input: c.input! };
    case 'added':
      return { kind: 'added', input: c.input! };
    case 'removed':
      return { kind: 'removed', id: c.figureId! };
  }
}

/** The previews a page has asked for, kept until applied (a few at most), by id. */
export class ImportPreviews {
  private readonly plans = new Map<string, ImportPlan>();
  constructor(private readonly keep = 3) {}

  add(plan: ImportPlan, listLimit = 1000): ImportPreview {
    const id = crypto.randomUUID();
    this.plans.set(id, plan);
    while (this.plans.size > this.keep) this.plans.delete(this.plans.keys().next().value!);
    return {
      id,
      file: plan.file,
      counts: plan.counts,
      changes: plan.changes.slice(0, listLimit).map(({ input: _input, ...change }) => change),
      errorCount: plan.problems.length,
      errors: plan.problems.slice(0, listLimit),
      percentConversions: plan.percentConversions.slice(0, listLimit),
      percentConversionCount: plan.percentConversions.length,
      ignoredAnnotationEdits: plan.ignoredAnnotationEdits,
    };
  }

  /** Takes the plan out: a preview is applied at most once. */
  take(id: string): ImportPlan {
    const plan = this.plans.get(id);
    if (!plan) throw new AppError('IMPORT_STALE_PREVIEW', 'preview not found');
    this.plans.delete(id);
    return plan;
  }
}
