/**
 * Excel workbooks: what an import preview and an applied import look like when they cross the
 * process boundary. Runs anywhere.
 */
import { z } from 'zod';
import { Bilingual, EntityId, Metric, Period, Qualifier, RowId, Scope, Unit } from './domain';
import { ErrorPayload } from './errors';
import type { Lang } from './errors';
import { MESSAGES, withCount } from './i18n';

/** The figure fields a workbook may change, in the order the preview lists them. */
export const IMPORT_FIELDS = ['entityId', 'scope', 'metric', 'value', 'unit', 'qualifier', 'period', 'sourceId', 'sourceQuote', 'note', 'cityCode'] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

export const FieldValue = z.union([z.string(), z.number(), z.null()]);
export type FieldValue = z.infer<typeof FieldValue>;

export const ChangeKind = z.enum(['changed', 'added', 'removed']);
export type ChangeKind = z.infer<typeof ChangeKind>;

/** One row of the difference: which figure, and each field that changes, before → after. */
export const ImportChange = z.object({
  kind: ChangeKind,
  /** The workbook row (null for a removal: the row is gone). */
  row: z.number().int().nullable(),
  figureId: RowId.nullable(),
  /** unit, qualifier: the figure's as the workbook leaves them (as they were, for a removal). */
  figure: z.object({ scope: Scope, entityId: EntityId.nullable(), entityName: Bilingual.nullable(), metric: Metric, period: Period, unit: Unit, qualifier: Qualifier }),
  fields: z.array(z.object({ field: ImportField, before: FieldValue, after: FieldValue })),
  /**
   * A changed row whose figure was changed in the data file after the workbook's copy of it (its 修改时间):
   * when, and by whom. Applying keeps the newer figure unless the person chooses to overwrite it (an older
   * workbook quietly undid later edits made in the app).
   */
  newer: z.object({ at: z.string(), by: z.string() }).nullable().optional(),
  /** A changed value whose source and quoted sentence stay as they were: the sentence still states the old number (5.3% under "5.2 percent"). */
  quoteKept: z.boolean().optional(),
});
export type ImportChange = z.infer<typeof ImportChange>;

/** The unit a value of the change is in, on either side: a changed unit is among its fields (issue 13: "5000 亿元 → 5200 亿元"). */
/** The qualifier a value of the change has, on either side: a changed qualifier is among its fields ("超过1万亿元 → 约1.2万亿元"). */
export function qualifierOf(change: Pick<ImportChange, 'figure' | 'fields'>, side: 'before' | 'after'): Qualifier {
  const changed = Qualifier.safeParse(change.fields.find((f) => f.field === 'qualifier')?.[side]);
  return changed.success ? changed.data : change.figure.qualifier;
}

export function unitOf(change: Pick<ImportChange, 'figure' | 'fields'>, side: 'before' | 'after'): Unit {
  const changed = Unit.safeParse(change.fields.find((f) => f.field === 'unit')?.[side]);
  return changed.success ? changed.data : change.figure.unit;
}

/** `newer`: of the changed, those whose figure is newer in the data file than in the workbook (kept unless overwritten). */
export const ImportCounts = z.object({ changed: z.number().int(), added: z.number().int(), removed: z.number().int(), unchanged: z.number().int(), newer: z.number().int() });
export type ImportCounts = z.infer<typeof ImportCounts>;

/** A %-formatted value cell read as a percentage: the cell held `from` (0.052), the figure gets `to` (5.2). */
export const PercentConversion = z.object({ row: z.number().int(), cell: z.string(), from: z.number(), to: z.number() });
export type PercentConversion = z.infer<typeof PercentConversion>;

export const ImportPreview = z.object({
  id: z.string().uuid(),
  file: z.string(),
  counts: ImportCounts,
  /** The first changes (all of them up to the list limit); counts give the totals. */
  changes: z.array(ImportChange),
  errorCount: z.number().int(),
  /** The first errors, each naming sheet, row, column and reason (describeError gives the words). */
  errors: z.array(ErrorPayload),
  /** The first %-formatted value cells read as percentages, and how many there were. */
  percentConversions: z.array(PercentConversion),
  percentConversionCount: z.number().int().nonnegative(),
  /** Edits made in the annotations sheet (批注), which an import does not bring in: counted, so the person is told. */
  ignoredAnnotationEdits: z.number().int().nonnegative(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  /** The one revision batch the whole import wrote (null when there was nothing to write): undo takes it back. */
  batchId: z.string().nullable(),
  changed: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  backupPath: z.string().nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** The preview's notes in words (the command line prints them; the page words the same keys through i18next). */
export function importNotes(notes: { ignoredAnnotationEdits: number; percentConversions: readonly PercentConversion[]; percentConversionCount: number }, lang: Lang): string[] {
  const words = MESSAGES[lang].importer;
  const lines: string[] = [];
  const first = notes.percentConversions[0];
  if (first) lines.push(withCount(lang, words, 'percentConverted', { count: notes.percentConversionCount, cell: first.cell, from: first.from, to: first.to }));
  if (notes.ignoredAnnotationEdits > 0) lines.push(withCount(lang, words, 'annotationsIgnored', { count: notes.ignoredAnnotationEdits }));
  return lines;
}

export const WorkbookLang = z.enum(['zh-CN', 'en']);
