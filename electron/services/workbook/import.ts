/**
 * Importing a workbook: check the file, read it, show the difference; then, on request, apply it as
 * one transaction and one revision batch under the importing author, after a backup of the data
 * file. When any problem was found nothing is written.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ImportPreview, ImportResult } from '../../../shared/workbook';
import { applyFigureChanges, type FigureChange } from '../db/figures-bulk';
import { backupBeside } from '../db/backup';
import { mustBeWhole } from '../db/health';
import type { DB } from '../db/open';
import { stillInHistory, type RevisionMark } from '../db/read';
import { rowsChanged } from '../db/revisions';
import { newChange } from '../db/revisions';
import { planImport, type ImportPlan, type PlannedChange } from './diff';
import { CatalogWords } from './layout';
import { listCities, readMetrics } from '../db/metrics';
import { readFiguresSheet, type ReadLimits } from './read';
import { checkZip, type ZipLimits } from './zip-check';
import { countAnnotationEdits } from './annotation-edits';
import { parseInput } from '../db/revisions';
import { AuthorName } from '../../../shared/workbench';

/** Checks and reads `file`, and compares it with the data file. Throws for a file that cannot be read at all. */
export async function planWorkbookImport(db: DB, file: string, limits: { zip?: ZipLimits; read?: ReadLimits } = {}): Promise<ImportPlan> {
  const zip = await checkZip(file, limits.zip);
  const read = await readFiguresSheet(file, zip, new CatalogWords(readMetrics(db), listCities(db)), limits.read);
  return { ...planImport(db, read, file), percentConversions: read.percentCells, ignoredAnnotationEdits: await countAnnotationEdits(db, file, zip) };
}


export interface ApplyOptions {
  author: string;
  includeRemovals: boolean;
  /** Write the rows whose figure is newer in the data file than in the workbook (ImportChange.newer); by default they are kept. */
  overwriteNewer?: boolean;
  /** The data file's path, for the backup beside it. */
  dataFile: string;
  /** Called between the backup and the write transaction (tests put a concurrent edit there). */
  afterBackup?: () => void;
}

/**
 * Writes the plan: a quick_check, one backup, one transaction, one revision batch (its id is
 * returned: undo takes the whole import back by it), the rows written set-based
 * (db/figures-bulk.ts). Refuses a plan with problems, and — decided inside the write transaction,
 * row by row — a plan with rows someone changed since the preview, naming them; edits to other
 * figures do not stand in its way.
 */
export function applyImportPlan(db: DB, plan: ImportPlan, options: ApplyOptions): ImportResult {
  // The text rule for the name every change is recorded under (no NUL, no control characters, not empty).
  parseInput(AuthorName, options.author, 'authorName');
  if (plan.problems.length > 0) throw new AppError('IMPORT_HAS_ERRORS', 'workbook has errors', { count: plan.problems.length });
  const author = options.author.trim();
  if (!author) throw new AppError('INVALID_INPUT', 'author missing', { where: 'author', reason: 'empty' });
  const work = plan.changes.filter((c) => (c.kind !== 'removed' || options.includeRemovals) && (!c.newer || options.overwriteNewer === true));
  const result: ImportResult = { batchId: null, changed: 0, added: 0, removed: 0, backupPath: null };
  if (work.length === 0) return result;

  mustBeWhole(db, options.dataFile);
  result.backupPath = backupBeside(db, options.dataFile, 'before-import');
  options.afterBackup?.();
  const change = { ...newChange(author), importFile: path.basename(plan.file) };
  // IMMEDIATE: the write lock is taken before the check, so nothing can change between the two.
  db.transaction(() => {
    refuseRowsChangedSince(db, plan.revisionMark, work);
    // In workbook row order, then the removals (the plan's order): history reads as the workbook does.
    applyFigureChanges(db, change, work.map(toFigureChange));
  }).immediate();
  for (const c of work) result[c.kind]++;
  result.batchId = change.batchId;
  return result;
}

/** Refuses when any figure the import would write was changed after `mark` (by anyone, anywhere). */
function refuseRowsChangedSince(db: DB, mark: RevisionMark, work: readonly PlannedChange[]): void {
  // A backup restored since the preview took the history back: the preview is of data no longer there.
  if (!stillInHistory(db, mark)) throw new AppError('IMPORT_STALE_PREVIEW', 'history taken back since the preview');
  const since = db.prepare(`SELECT DISTINCT target_id FROM revisions WHERE id > ? AND target_type = 'figure'`).pluck().all(mark.id) as string[];
  if (since.length === 0) return;
  const changed = new Set(since.map(Number));
  const hit = [...new Set(work.flatMap((c) => (c.figureId !== null && changed.has(c.figureId) ? [c.figureId] : [])))].sort((a, b) => a - b);
  if (hit.length > 0) throw rowsChanged(hit, 'preview');
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
