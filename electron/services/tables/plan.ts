/**
 * A statistical table plus its mapping becomes a plan: figures to add and to change (before → after,
 * with units), unchanged ones counted, skipped cells counted, and every refused cell named by sheet,
 * row, column and why. A figure is identified by what it is about — scope, entity, city, metric,
 * period — so importing the same table twice changes nothing the second time.
 */
import type { Bilingual, Qualifier, Scope, Unit } from '../../../shared/domain';
import { AppError, type ErrorCode, type ErrorPayload } from '../../../shared/errors';
import { periodOfHeader, type EntityChoice, type TableChange, type TableCounts, type TableMapping, type UnmatchedName } from '../../../shared/table-import';
import { Period } from '../../../shared/domain';
import { metricProblem } from '../../../shared/metrics';
import type { DB } from '../db/open';
import { revisionMark, type RevisionMark } from '../db/read';
import { parseNumberText, shownCell, type Cell } from '../workbook/cells';
import { sameNumber } from '../workbook/diff';
import { columnLetter } from '../workbook/layout';
import { cityMatcher, EntityMatcher, impliedUnit, matchQualifier, matchUnit, metricMatcher, readCatalog, type CatalogMetric } from './match';
import type { ReadTable } from './read';

/** A figure as the table gives it; `metric` any catalog id, `cityCode` null for province-wide. */
export interface TableFigure {
  scope: Scope;
  entityId: string | null;
  cityCode: string | null;
  metric: string;
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  period: string;
}

export interface PlannedTableChange extends TableChange {
  figure: TableFigure;
  /** The stored figure's source, quote and note (a change keeps the note; the quote only with the same source). */
  stored: { sourceId: number | null; sourceQuote: string | null; note: string | null } | null;
}

export interface TablePlan {
  file: string;
  sheet: string;
  revisionMark: RevisionMark;
  changes: PlannedTableChange[];
  counts: TableCounts;
  problems: ErrorPayload[];
  unmatched: UnmatchedName[];
  periodColumns: { header: string; column: string; period: string }[];
}

/** Cells that hold no figure: statistical tables write these for "not available" or "not applicable". */
const NOTHING = new Set(['-', '--', '—', '——', '–', '…', '……', '...', '/', '／', 'n/a', 'na', '—\u2014', '\u2026']);
const isNothing = (cell: Cell): boolean => cell.kind === 'empty' || (cell.kind === 'text' && NOTHING.has(cell.text.normalize('NFKC').trim().toLowerCase()));

const MAX_PROBLEMS = 500;

type Details = Record<string, string | number | null>;

class TooManyProblems extends Error {}

export function planTableImport(db: DB, table: ReadTable, mapping: TableMapping): TablePlan {
  const catalog = readCatalog(db);
  const entities = new EntityMatcher(catalog);
  const city = cityMatcher(catalog);
  const metric = metricMatcher(catalog);
  const problems: ErrorPayload[] = [];
  const report = (code: ErrorCode, details: Details): void => {
    problems.push({ code, message: code, details: { sheet: table.sheet, ...details } });
    if (problems.length >= MAX_PROBLEMS) throw new TooManyProblems();
  };
  const plan: TablePlan = { file: table.file, sheet: table.sheet, revisionMark: revisionMark(db), changes: [], counts: { added: 0, changed: 0, unchanged: 0, skipped: 0 }, problems, unmatched: [], periodColumns: [] };

  const headerRow = table.rows.find((r) => r.number === mapping.headerRow);
  if (!headerRow) throw new AppError('TABLE_BAD_HEADER_ROW', 'no such row', { sheet: table.sheet, row: mapping.headerRow });
  const headers = headerRow.cells.map((c) => shownCell(c).trim());
  const byHeader = new Map<string, number>();
  headers.forEach((h, index) => {
    if (index > 0 && h !== '' && !byHeader.has(h.normalize('NFKC'))) byHeader.set(h.normalize('NFKC'), index);
  });
  const roles = new Map<string, number>();
  const listed = new Set<number>();
  for (const c of mapping.columns) {
    const index = byHeader.get(c.header.trim().normalize('NFKC'));
    if (index === undefined) {
      if (c.role !== 'ignore') throw new AppError('TABLE_NO_COLUMN', 'header not found', { sheet: table.sheet, row: mapping.headerRow, header: c.header });
      continue;
    }
    listed.add(index);
    if (c.role === 'ignore') continue;
    const other = roles.get(c.role);
    if (other !== undefined && other !== index) throw new AppError('TABLE_ROLE_TWICE', 'two columns, one role', { sheet: table.sheet, row: mapping.headerRow, role: c.role, first: headers[other]!, header: c.header });
    roles.set(c.role, index);
  }
  /** Value columns: the one mapped as value, or in a wide table every unlisted header that is a period. */
  const values: { index: number; period: string | null }[] = [];
  if (mapping.wide) {
    headers.forEach((h, index) => {
      const period = index > 0 && !listed.has(index) ? periodOfHeader(h) : null;
      if (period) {
        values.push({ index, period });
        plan.periodColumns.push({ header: h, column: columnLetter(index), period });
      }
    });
  } else if (roles.has('value')) values.push({ index: roles.get('value')!, period: null });
  const missing = [
    !roles.has('entity') && !mapping.fixed.entity ? 'entity' : null,
    !roles.has('metric') && !mapping.fixed.metric ? 'metric' : null,
    !mapping.wide && !roles.has('period') && !mapping.fixed.period ? 'period' : null,
    values.length === 0 ? 'value' : null,
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) throw new AppError('TABLE_MAPPING_INCOMPLETE', 'mapping incomplete', { sheet: table.sheet, missing: missing.join(', ') });
  const fixedMetric = mapping.fixed.metric === null ? null : catalog.metrics.get(mapping.fixed.metric);
  if (mapping.fixed.metric !== null && !fixedMetric) throw new AppError('TABLE_UNKNOWN_METRIC', 'unknown metric', { sheet: table.sheet, value: mapping.fixed.metric });

  const unmatched = new Map<string, UnmatchedName>();
  const planned: { figure: TableFigure; row: number; column: string; percentCell: number | null }[] = [];
  const seen = new Map<string, string>();
  try {
    for (const row of table.rows) {
      if (row.number <= mapping.headerRow) continue;
      const cellAt = (index: number | undefined): Cell => (index === undefined ? { kind: 'empty' } : (row.cells[index] ?? { kind: 'empty' }));
      // A row whose value cells hold no figure (a footnote under the table, a blank line, a row of "-") is not read further.
      if (values.every((v) => isNothing(cellAt(v.index)))) {
        plan.counts.skipped += values.filter((v) => cellAt(v.index).kind !== 'empty').length;
        continue;
      }
      const at = (index: number): Details => ({ row: row.number, column: columnLetter(index), header: headers[index] || null });
      let ok = true;
      const refuse = (code: ErrorCode, index: number, extra: Details = {}): null => {
        ok = false;
        report(code, { ...at(index), value: shownCell(cellAt(index)), ...extra });
        return null;
      };
      /** The text of a mapped column's cell; formulas refused. */
      const text = (role: string): string | null => {
        const index = roles.get(role);
        if (index === undefined) return null;
        const cell = cellAt(index);
        if (cell.kind === 'formula') return refuse('IMPORT_FORMULA', index);
        return cell.kind === 'empty' ? null : shownCell(cell).trim();
      };

      // Who the row is about.
      let choice: EntityChoice | null = mapping.fixed.entity;
      const name = text('entity');
      if (name !== null) {
        const chosen = mapping.entityNames[name];
        // A name the analyst left out (合计, 小计): its value cells are skipped, not refused.
        if (chosen && 'skip' in chosen) {
          plan.counts.skipped += values.filter((v) => cellAt(v.index).kind !== 'empty').length;
          continue;
        }
        choice = chosen ?? entities.match(name);
        if (choice === null) {
          const entry = unmatched.get(name) ?? { name, rows: [], suggestions: entities.suggest(name) };
          entry.rows.push(row.number);
          unmatched.set(name, entry);
          refuse('TABLE_UNKNOWN_ENTITY', roles.get('entity')!, { suggestions: entry.suggestions.map((s) => `${s.name.zh}（${s.entityId}）`).join('、') || null });
        }
      } else if (roles.has('entity') && ok) {
        if (!mapping.fixed.entity) refuse('IMPORT_REQUIRED', roles.get('entity')!);
      }
      let cityCode: string | null = mapping.fixed.cityCode;
      const cityText = text('city');
      if (cityText !== null) {
        const code = city(cityText);
        if (code === undefined) refuse('TABLE_UNKNOWN_CITY', roles.get('city')!);
        else cityCode = code;
      }
      let rowMetric: CatalogMetric | null | undefined = fixedMetric ?? null;
      const metricText = text('metric');
      if (metricText !== null) {
        rowMetric = metric(metricText);
        if (!rowMetric) refuse('TABLE_UNKNOWN_METRIC', roles.get('metric')!);
      } else if (!fixedMetric) refuse('IMPORT_REQUIRED', roles.get('metric')!);
      let unit: Unit | null | undefined = mapping.fixed.unit;
      const unitText = text('unit');
      if (unitText !== null) {
        unit = matchUnit(unitText);
        if (!unit) refuse('IMPORT_BAD_VALUE', roles.get('unit')!, { expectedZh: '元、万元、亿元、%、个', expectedEn: 'yuan, 10k yuan, 100m yuan, %, count' });
      }
      if (!unit && rowMetric) unit = impliedUnit(rowMetric);
      if (ok && !unit) refuse('TABLE_NO_UNIT', roles.get('unit') ?? values[0]!.index, { metric: rowMetric?.name.zh ?? '' });
      let qualifier: Qualifier | undefined = mapping.fixed.qualifier ?? 'exact';
      const qualifierText = text('qualifier');
      if (qualifierText !== null) {
        qualifier = matchQualifier(qualifierText);
        if (!qualifier) refuse('IMPORT_BAD_VALUE', roles.get('qualifier')!, { expectedZh: '准确值、超过、至少、近、约、目标', expectedEn: 'exact, over, at least, nearly, about, target' });
      }
      let rowPeriod: string | null = mapping.fixed.period;
      const periodText = text('period');
      if (periodText !== null) {
        const p = periodOfHeader(periodText) ?? (Period.safeParse(periodText).success ? periodText : null);
        if (p === null) refuse('IMPORT_BAD_VALUE', roles.get('period')!, { expectedZh: '年份（2023）、季度（2023-Q2）或月份（2023-06）', expectedEn: 'a year (2023), quarter (2023-Q2) or month (2023-06)' });
        rowPeriod = p;
      }

      for (const v of values) {
        const cell = cellAt(v.index);
        if (cell.kind === 'formula') {
          refuse('IMPORT_FORMULA', v.index);
          continue;
        }
        if (isNothing(cell)) {
          plan.counts.skipped++;
          continue;
        }
        const period = v.period ?? rowPeriod;
        if (!ok || !choice || !rowMetric || !unit || !qualifier || !period) continue;
        const read = readNumber(cell, unit);
        if ('problem' in read) {
          report(read.problem, { ...at(v.index), value: shownCell(cell), ...(read.problem === 'IMPORT_PERCENT_UNIT' ? { value: `${Number((Number(shownCell(cell)) * 100).toPrecision(15))}%` } : {}) });
          continue;
        }
        const problem = metricProblem(rowMetric, { value: read.value, unit });
        if (problem) {
          report('IMPORT_INVALID_FIGURE', { ...at(v.index), value: problem === 'unit_kind' ? unit : read.value, problem, metric: rowMetric.name.zh });
          continue;
        }
        const scope: Scope = 'entityId' in choice ? 'entity' : choice.scope;
        const figure: TableFigure = { scope, entityId: 'entityId' in choice ? choice.entityId : null, cityCode, metric: rowMetric.id, value: read.value, unit, qualifier, period };
        const key = keyOf(figure);
        const first = seen.get(key);
        if (first !== undefined) {
          report('TABLE_DUPLICATE_FIGURE', { ...at(v.index), value: shownCell(cell), firstCell: first });
          continue;
        }
        seen.set(key, `${columnLetter(v.index)}${row.number}`);
        planned.push({ figure, row: row.number, column: columnLetter(v.index), percentCell: read.percentCell });
      }
    }
  } catch (error) {
    if (!(error instanceof TooManyProblems)) throw error;
  }
  plan.unmatched = [...unmatched.values()];
  compare(db, catalog, plan, planned);
  return plan;
}

/** Scope, entity, city, metric and period: what a figure is about. */
const keyOf = (f: Pick<TableFigure, 'scope' | 'entityId' | 'cityCode' | 'metric' | 'period'>): string => JSON.stringify([f.scope, f.entityId, f.cityCode, f.metric, f.period]);

/**
 * A value cell as a number, by the workbook import's rules (workbook/cells.ts parseNumberText). A
 * %-formatted cell holds a fraction: a percent figure gets it ×100, any other unit refuses it. Text
 * "5.2%" is 5.2 for a percent figure. "1.2万" / "3亿" are refused: whether 万 multiplies the unit or
 * is the unit is the analyst's call (docs/tables.md).
 */
function readNumber(cell: Cell, unit: Unit): { value: number; percentCell: number | null } | { problem: ErrorCode } {
  if (cell.kind === 'number') {
    if (!Number.isFinite(cell.value) || Math.abs(cell.value) >= 1e15) return { problem: 'IMPORT_BAD_NUMBER' };
    if (!cell.percent) return { value: cell.value, percentCell: null };
    if (unit !== 'percent') return { problem: 'IMPORT_PERCENT_UNIT' };
    return { value: Number((cell.value * 100).toPrecision(15)), percentCell: cell.value };
  }
  if (cell.kind !== 'text') return { problem: 'IMPORT_BAD_NUMBER' };
  const text = cell.text.normalize('NFKC').trim();
  if (/[万亿]/.test(text) && parseNumberText(text.replace(/[万亿]元?$/, '')) !== null) return { problem: 'TABLE_NUMBER_MULTIPLIER' };
  const percent = /%$/.test(text) ? parseNumberText(text.slice(0, -1)) : null;
  if (percent !== null) return unit === 'percent' ? { value: percent, percentCell: null } : { problem: 'IMPORT_BAD_NUMBER' };
  const value = parseNumberText(text);
  return value === null || Math.abs(value) >= 1e15 ? { problem: 'IMPORT_BAD_NUMBER' } : { value, percentCell: null };
}

interface StoredRow {
  id: number;
  scope: Scope;
  entityId: string | null;
  cityCode: string | null;
  metric: string;
  period: string;
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  sourceId: number | null;
  sourceQuote: string | null;
  note: string | null;
}

/** The stored figures the planned ones are about, compared: added, changed (before → after) or unchanged. */
function compare(db: DB, catalog: ReturnType<typeof readCatalog>, plan: TablePlan, planned: { figure: TableFigure; row: number; column: string; percentCell: number | null }[]): void {
  const metrics = [...new Set(planned.map((p) => p.figure.metric))];
  const stored = new Map<string, StoredRow>();
  const rows = db
    .prepare(
      `SELECT id, scope, entity_id AS entityId, city_code AS cityCode, metric, period, value, unit, qualifier, source_id AS sourceId, source_quote AS sourceQuote, note
         FROM figures WHERE deleted_at IS NULL AND metric IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(metrics)) as StoredRow[];
  for (const r of rows) if (!stored.has(keyOf(r))) stored.set(keyOf(r), r);
  const entityNames = new Map(catalog.entities.map((e) => [e.id, e.name]));
  const cityNames = new Map(catalog.cities.map((c) => [c.code, c.name]));
  for (const p of planned) {
    const f = p.figure;
    const before = stored.get(keyOf(f));
    if (before && sameNumber(before.value, f.value) && before.unit === f.unit && before.qualifier === f.qualifier) {
      plan.counts.unchanged++;
      continue;
    }
    plan.counts[before ? 'changed' : 'added']++;
    plan.changes.push({
      kind: before ? 'changed' : 'added',
      row: p.row,
      column: p.column,
      figureId: before?.id ?? null,
      scope: f.scope,
      entityId: f.entityId,
      entityName: f.entityId ? (entityNames.get(f.entityId) ?? null) : null,
      cityCode: f.cityCode,
      cityName: f.cityCode ? ((cityNames.get(f.cityCode) as Bilingual | undefined) ?? null) : null,
      metric: f.metric,
      metricName: catalog.metrics.get(f.metric)!.name,
      period: f.period,
      before: before ? { value: before.value, unit: before.unit, qualifier: before.qualifier } : null,
      after: { value: f.value, unit: f.unit, qualifier: f.qualifier },
      percentCell: p.percentCell,
      figure: f,
      stored: before ? { sourceId: before.sourceId, sourceQuote: before.sourceQuote, note: before.note } : null,
    });
  }
}

export { keyOf as figureKey };
