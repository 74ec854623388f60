/**
 * The statistical-table command:
 *   cluster-brief import table <file> --mapping <saved name | mapping.json> [--source <id>] [--dry-run] [--author <name>] [--db <file>]
 * The mapping is one saved in the wizard (by its name) or a JSON file: a mapping, or
 * { "mapping": …, "source": { "kind": "existing", "id": 3 } | { "kind": "new", "source": { title, publisher, … } } }.
 * Prints the preview's counts and refusals (both languages); writes unless --dry-run.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { AppError, describeError } from '../../shared/errors';
import { TableMapping, TableSource } from '../../shared/table-import';
import { RowId } from '../../shared/domain';
import { formatValue } from '../../shared/format';
import type { DB } from '../services/db/open';
import { mustBeWhole } from '../services/db/health';
import { parseInput } from '../services/db/revisions';
import { applyTablePlan } from '../services/tables/apply';
import { findTableMapping } from '../services/tables/mappings';
import { planTableImport, type TablePlan } from '../services/tables/plan';
import { readTable } from '../services/tables/read';
import { authorOf } from '../services/workbench/settings';
import type { Io } from './main';

export interface TableArgs {
  mapping?: string | undefined;
  source?: string | undefined;
  'dry-run'?: boolean | undefined;
  author?: string | undefined;
}

const MappingFile = z.union([z.object({ mapping: TableMapping, source: TableSource.optional() }).strict(), TableMapping]);

/** A saved mapping's name, or a JSON file (a path that exists and ends in .json). */
function mappingOf(db: DB, name: string): { mapping: TableMapping; source: TableSource | null } {
  if (!/\.json$/i.test(name) || !fs.existsSync(name)) return { mapping: findTableMapping(db, name), source: null };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(name, 'utf8'));
  } catch (error) {
    throw new AppError('INVALID_INPUT', 'mapping file is not JSON', { where: '--mapping', reason: `${name}: ${(error as Error).message}` });
  }
  const parsed = parseInput(MappingFile, raw, 'mapping');
  return 'mapping' in parsed ? { mapping: parsed.mapping, source: parsed.source ?? null } : { mapping: parsed, source: null };
}

export async function importTableCommand(db: DB, dataFile: string, file: string | undefined, args: TableArgs, io: Io): Promise<number> {
  if (!file) throw new AppError('INVALID_INPUT', 'missing table', { where: 'import table <file>', reason: 'no table named' });
  if (!args.mapping) throw new AppError('INVALID_INPUT', 'missing --mapping', { where: '--mapping', reason: 'a saved mapping name or a mapping .json file' });
  mustBeWhole(db, dataFile);
  const { mapping, source: given } = mappingOf(db, args.mapping);
  const source: TableSource | null = args.source !== undefined ? { kind: 'existing', id: parseInput(RowId, Number(args.source), '--source') } : given;
  const plan = planTableImport(db, await readTable(file, mapping.sheet), mapping);
  io.out(renderTablePlan(plan));
  if (plan.problems.length > 0) {
    for (const p of plan.problems) io.err(`${describeError(p, 'zh-CN')}\n${describeError(p, 'en')}\n`);
    const total = { code: 'IMPORT_HAS_ERRORS' as const, message: '', details: { count: plan.problems.length } };
    io.err(`${describeError(total, 'zh-CN')}\n${describeError(total, 'en')}\n`);
    return 1;
  }
  if (args['dry-run']) return 0;
  if (source === null) throw new AppError('INVALID_INPUT', 'no source', { where: '--source', reason: 'every imported figure cites a source: --source <id>, or "source" in the mapping file' });
  const result = applyTablePlan(db, plan, { author: args.author ?? authorOf(db), dataFile, source });
  if (result.batchId === null) {
    io.out('nothing to write / 没有需要写入的更改\n');
    return 0;
  }
  io.out(`applied / 已导入: added ${result.added}, changed ${result.changed}\nsource: ${result.sourceId}\nbatch: ${result.batchId}\nbackup: ${result.backupPath}\n`);
  return 0;
}

/** The preview: counts, the periods a wide table spread, each figure added or changed (before → after, with units). */
export function renderTablePlan(plan: TablePlan): string {
  const { counts } = plan;
  const lines = [`table: ${plan.file} (${plan.sheet})`, `added ${counts.added}, changed ${counts.changed}, unchanged ${counts.unchanged}, skipped ${counts.skipped}, refused ${plan.problems.length}`];
  if (plan.periodColumns.length > 0) lines.push(`periods: ${plan.periodColumns.map((p) => `${p.column} ${p.header} → ${p.period}`).join('; ')}`);
  for (const c of plan.changes) {
    const who = [c.entityId ?? c.scope, c.cityCode].filter(Boolean).join(' ');
    const after = formatValue(c.after.value, c.after.unit, c.after.qualifier, 'zh-CN');
    const cell = c.percentCell !== null ? ` (% cell ${c.percentCell})` : '';
    const before = c.before ? `${formatValue(c.before.value, c.before.unit, c.before.qualifier, 'zh-CN')} → ` : '';
    lines.push(`${c.kind === 'added' ? '+' : '~'} ${c.column}${c.row}: ${who} ${c.metric} ${c.period}: ${before}${after}${cell}`);
  }
  return `${lines.join('\n')}\n`;
}
