/**
 * The workbook commands:
 *   cluster-brief export xlsx --out <file> [--lang zh|en] [--db <file>]
 *   cluster-brief import xlsx <file> [--dry-run] [--include-removals] [--overwrite-newer] [--author <name>] [--db <file>]
 */
import { authorOf } from '../services/workbench/settings';
import { AppError, countEn, describeError } from '../../shared/errors';
import { importNotes, type FieldValue } from '../../shared/workbook';
import type { DB } from '../services/db/open';
import { mustBeWhole } from '../services/db/health';
import { exportWorkbook } from '../services/workbook/export';
import type { ImportPlan } from '../services/workbook/diff';
import type { Io } from './main';
import { applyImportPlan, planWorkbookImport } from '../services/workbook/import';

export interface WorkbookArgs {
  out?: string | undefined;
  lang?: string | undefined;
  'dry-run'?: boolean | undefined;
  'include-removals'?: boolean | undefined;
  'overwrite-newer'?: boolean | undefined;
  author?: string | undefined;
}

export async function exportCommand(db: DB, args: WorkbookArgs, io: Io): Promise<number> {
  if (!args.out) throw new AppError('INVALID_INPUT', 'missing --out', { where: '--out', reason: 'export xlsx --out <file.xlsx>' });
  const lang = args.lang === undefined || args.lang === 'zh' || args.lang === 'zh-CN' ? 'zh-CN' : args.lang === 'en' ? 'en' : null;
  if (lang === null) throw new AppError('INVALID_INPUT', 'bad --lang', { where: '--lang', reason: 'zh | en' });
  const result = await exportWorkbook(db, args.out, { lang });
  io.out(`${result.path}\n${result.figures} figures / 条数据\n`);
  return 0;
}

export async function importCommand(db: DB, dataFile: string, file: string | undefined, args: WorkbookArgs, io: Io): Promise<number> {
  if (!file) throw new AppError('INVALID_INPUT', 'missing workbook', { where: 'import xlsx <file>', reason: 'no workbook named' });
  // A preview read from a damaged file cannot be trusted, even one that finds nothing to write.
  mustBeWhole(db, dataFile);
  const plan = await planWorkbookImport(db, file);
  if (plan.problems.length > 0) {
    for (const p of plan.problems) io.err(`${describeError(p, 'zh-CN')}\n${describeError(p, 'en')}\n`);
    io.err(`${describeError({ code: 'IMPORT_HAS_ERRORS', message: '', details: { count: plan.problems.length } }, 'zh-CN')}\n`);
    io.err(`${describeError({ code: 'IMPORT_HAS_ERRORS', message: '', details: { count: plan.problems.length } }, 'en')}\n`);
    return 1;
  }
  const includeRemovals = args['include-removals'] ?? false;
  const overwriteNewer = args['overwrite-newer'] ?? false;
  io.out(renderPlan(plan, includeRemovals, overwriteNewer));
  if (args['dry-run']) return 0;
  const result = applyImportPlan(db, plan, { author: args.author ?? authorOf(db), includeRemovals, overwriteNewer, dataFile });
  if (result.batchId === null) {
    io.out('nothing to write / 没有需要写入的更改\n');
    return 0;
  }
  io.out(`applied / 已导入: changed ${result.changed}, added ${result.added}, removed ${result.removed}\nbatch: ${result.batchId}\nbackup: ${result.backupPath}\n`);
  return 0;
}

const show = (v: FieldValue): string => (v === null ? '(empty)' : typeof v === 'number' ? String(v) : JSON.stringify(v));

/** The exact difference: one block per figure, one line per changed field, before → after. */
export function renderPlan(plan: ImportPlan, includeRemovals: boolean, overwriteNewer = false): string {
  const { counts } = plan;
  const lines = [
    `workbook: ${plan.file}`,
    `changed ${counts.changed}, added ${counts.added}, removed ${includeRemovals ? counts.removed : 0}, unchanged ${counts.unchanged}`,
  ];
  if (!includeRemovals && counts.removed > 0) lines.push(`${countEn(counts.removed, 'figure', 'figures')} missing from the workbook ${counts.removed === 1 ? 'is' : 'are'} kept (--include-removals removes them)`);
  if (counts.newer > 0)
    lines.push(
      overwriteNewer
        ? `${countEn(counts.newer, 'figure was', 'figures were')} changed in the data file after the workbook's copy: overwritten (--overwrite-newer) / ${counts.newer} 条数据在工作簿导出后已在应用中修改，将被覆盖`
        : `${countEn(counts.newer, 'figure was', 'figures were')} changed in the data file after the workbook's copy: kept (--overwrite-newer writes the workbook's) / ${counts.newer} 条数据在工作簿导出后已在应用中修改，保留应用中的数据`,
    );
  const notes = { ...plan, percentConversionCount: plan.percentConversions.length };
  for (const c of plan.percentConversions) lines.push(`% ${c.cell}: ${c.from} → ${c.to}`);
  lines.push(...importNotes(notes, 'zh-CN'), ...importNotes(notes, 'en'));
  for (const c of plan.changes) {
    if (c.kind === 'removed' && !includeRemovals) continue;
    const what = `${c.figure.entityId ?? c.figure.scope} ${c.figure.metric} ${c.figure.period}`;
    const mark = c.kind === 'changed' ? '~' : c.kind === 'added' ? '+' : '-';
    const where = [c.figureId !== null ? `#${c.figureId}` : null, c.row !== null ? `row ${c.row}` : null].filter(Boolean).join(' ');
    lines.push(`${mark} ${c.kind} ${where}: ${what}${c.newer ? ` (newer in the data file: ${c.newer.at} by ${c.newer.by}; ${overwriteNewer ? 'overwritten' : 'kept'})` : ''}`);
    for (const f of c.fields) if (c.kind === 'changed' || f.before !== null || f.after !== null) lines.push(`    ${f.field}: ${show(f.before)} → ${show(f.after)}`);
  }
  return `${lines.join('\n')}\n`;
}
