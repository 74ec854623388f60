/**
 * Statistical tables in (issue 12): any .xlsx or .csv a bureau or yearbook publishes, mapped column
 * by column onto figures. What crosses the process boundary: the table as the wizard shows it, the
 * mapping (saved by name and reused next year: columns are matched by their header text), the
 * preview and the applied result. Runs anywhere.
 */
import { z } from 'zod';
import { Bilingual, CityCode, EntityId, Metric, Period, Qualifier, RowId, Scope, SourceInput, Unit } from './domain';
import { ErrorPayload } from './errors';
import { personText } from './text';

/** How a CSV's bytes were read: the wizard says which, so a garbled table is explained. */
export const TableEncoding = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030']);
export type TableEncoding = z.infer<typeof TableEncoding>;
export const TableFormat = z.enum(['xlsx', 'csv']);

/** A metric id of the catalog. */
const MetricId = Metric;

/** What a column holds. `period_values`: a wide table's year column (header 2021, 2021年, 2021-Q1). */
export const ColumnRole = z.enum(['entity', 'city', 'metric', 'unit', 'qualifier', 'period', 'value', 'ignore']);
export type ColumnRole = z.infer<typeof ColumnRole>;

/** Who a row is about, when a person confirmed it: an entity, or a province-wide group (the scope). */
export const EntityChoice = z.union([z.object({ entityId: EntityId }).strict(), z.object({ scope: Scope.exclude(['entity']) }).strict()]);
export type EntityChoice = z.infer<typeof EntityChoice>;

/** What a name of the table is taken as: an entity or group, or left out (a 合计 or 小计 row under the clusters: its rows are not read). */
export const NameChoice = z.union([EntityChoice, z.object({ skip: z.literal(true) }).strict()]);
export type NameChoice = z.infer<typeof NameChoice>;

const HeaderText = z.string().max(200);

/**
 * How a table becomes figures. Columns are named by their header text (so next year's table, with
 * one more year column, maps the same way); a wide table reads every header that is a period as that
 * period's values. Fixed values stand for what no column holds (the metric of the whole sheet, its unit).
 */
export const TableMapping = z
  .object({
    /** The sheet by name (null: the first; a CSV has one). */
    sheet: z.string().max(100).nullable(),
    /** The row (1-based, as the spreadsheet shows it) that holds the headers; data starts below it. */
    headerRow: z.number().int().min(1).max(1000),
    columns: z.array(z.object({ header: HeaderText, role: ColumnRole }).strict()).max(1000),
    /** Wide: every header that reads as a period (2021, 2021年, 2021-Q1) is a value column for that period. */
    wide: z.boolean(),
    fixed: z
      .object({
        entity: EntityChoice.nullable(),
        /** A city code, or null: province-wide. */
        cityCode: CityCode.nullable(),
        metric: MetricId.nullable(),
        unit: Unit.nullable(),
        qualifier: Qualifier.nullable(),
        period: Period.nullable(),
      })
      .strict(),
    /** Names as the table writes them, confirmed by the analyst (a suggestion taken, or a name picked). */
    entityNames: z.record(z.string().max(200), NameChoice),
  })
  .strict();
export type TableMapping = z.infer<typeof TableMapping>;

export const EMPTY_FIXED: TableMapping['fixed'] = { entity: null, cityCode: null, metric: null, unit: null, qualifier: null, period: null };

/** The source every figure of the import cites: one there already, or a new one created with it. */
export const TableSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), id: RowId }).strict(),
  z.object({ kind: z.literal('new'), source: SourceInput }).strict(),
]);
export type TableSource = z.infer<typeof TableSource>;

/** The first rows of a sheet as a person sees them, to pick the header row; and what was detected. */
export const TableGrid = z.object({
  /** The table opened (by the Host's dialog): previews name it by this id, never by a path. */
  fileId: z.string().uuid(),
  fileName: z.string(),
  format: TableFormat,
  /** CSV only: how its bytes were decoded. */
  encoding: TableEncoding.nullable(),
  sheets: z.array(z.string()),
  sheet: z.string(),
  rowCount: z.number().int().nonnegative(),
  columnCount: z.number().int().nonnegative(),
  /** The first rows: their numbers and each cell as shown (empty string: an empty cell). */
  rows: z.array(z.object({ number: z.number().int(), cells: z.array(z.string()) })),
  /** What the mapping can name: the catalog's metrics and the cities (read from their tables). */
  metrics: z.array(z.object({ id: MetricId, name: Bilingual, kind: z.enum(['money', 'percent', 'count', 'other']) })),
  cities: z.array(z.object({ code: CityCode, name: Bilingual })),
});
export type TableGrid = z.infer<typeof TableGrid>;

export const TableCounts = z.object({
  added: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Empty, "-", "—", "…" cells: nothing to import there. */
  skipped: z.number().int().nonnegative(),
});
export type TableCounts = z.infer<typeof TableCounts>;

/** One figure the import adds or changes, with both sides in their units. */
export const TableChange = z.object({
  kind: z.enum(['added', 'changed']),
  /** Where the value came from: sheet row and column letter. */
  row: z.number().int(),
  column: z.string(),
  figureId: RowId.nullable(),
  scope: Scope,
  entityId: EntityId.nullable(),
  entityName: Bilingual.nullable(),
  cityCode: CityCode.nullable(),
  cityName: Bilingual.nullable(),
  metric: MetricId,
  metricName: Bilingual,
  period: Period,
  before: z.object({ value: z.number(), unit: Unit, qualifier: Qualifier }).nullable(),
  after: z.object({ value: z.number(), unit: Unit, qualifier: Qualifier }),
  /** A %-formatted cell: it held this fraction (0.052) and the figure gets `after.value` (5.2). */
  percentCell: z.number().nullable(),
});
export type TableChange = z.infer<typeof TableChange>;

/** A name in the entity column that matched no entity: its rows, and entities it resembles. */
export const UnmatchedName = z.object({
  name: z.string(),
  rows: z.array(z.number().int()),
  suggestions: z.array(z.object({ entityId: EntityId, name: Bilingual, score: z.number() })),
});
export type UnmatchedName = z.infer<typeof UnmatchedName>;

export const TablePreview = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  sheet: z.string(),
  counts: TableCounts,
  changes: z.array(TableChange),
  errorCount: z.number().int().nonnegative(),
  /** Refused cells, each naming sheet, row, column and why (describeError gives the words). */
  errors: z.array(ErrorPayload),
  unmatched: z.array(UnmatchedName),
  /** Headers read as periods in a wide table, with the period each became. */
  periodColumns: z.array(z.object({ header: z.string(), column: z.string(), period: Period })),
});
export type TablePreview = z.infer<typeof TablePreview>;

export const TableImportResult = z.object({
  batchId: z.string().nullable(),
  added: z.number().int(),
  changed: z.number().int(),
  sourceId: RowId.nullable(),
  backupPath: z.string().nullable(),
});
export type TableImportResult = z.infer<typeof TableImportResult>;

export const MappingName = personText({ max: 80, oneLine: true });
export const SavedMapping = z.object({ name: z.string(), savedAt: z.string(), mapping: TableMapping });
export type SavedMapping = z.infer<typeof SavedMapping>;
/** What the settings table keeps under `table_mappings`: read back through this schema, a damaged value is ignored. */
export const SavedMappings = z.array(SavedMapping).max(200);

/** Headers a wide table spreads its periods over: 2021, 2021年, 2021-Q1, 2021年第1季度, 2021Q1. */
export function periodOfHeader(header: string): string | null {
  const s = header.normalize('NFKC').trim().replace(/\s+/g, '');
  const year = /^(\d{4})年?(度)?$/.exec(s);
  if (year) return year[1]!;
  const quarter = /^(\d{4})(?:年第?|-)?Q?([1-4])季度?$/i.exec(s) ?? /^(\d{4})-?Q([1-4])$/i.exec(s);
  if (quarter && (/Q/i.test(s) || /季/.test(s))) return `${quarter[1]}-Q${quarter[2]}`;
  const month = /^(\d{4})(?:年|-)(\d{1,2})月?$/.exec(s);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${month[1]}-${month[2]!.padStart(2, '0')}`;
  return null;
}
