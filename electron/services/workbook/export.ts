/**
 * Exporting the dataset as an .xlsx workbook that people who check numbers can trust: a cover,
 * entities, figures (one row each, with a stable ID for the round trip), annotations and sources.
 *
 * Streams with exceljs' WorkbookWriter (100,000 figures stay far below the memory target; the
 * in-memory writer needs over a gigabyte), into a temporary file beside the destination that is
 * renamed into place only when complete; a cancelled or failed export removes it. Text is always
 * written as a string cell, so text beginning with = + - @ never becomes a formula; values stay
 * full-precision numbers, with the unit in a number format and in its own column.
 */
import crypto from 'node:crypto';
import { once, type EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { QUALIFIERS, UNITS, type Annotation, type Source } from '../../../shared/domain';
import { AppError, type Lang } from '../../../shared/errors';
import { authorName, formatValue } from '../../../shared/format';
import { MESSAGES } from '../../../shared/i18n';
import { openSnapshot, type DB } from '../db/open';
import { dataVersion, listEntities } from '../db/read';
import { toAnnotation, toFigure, toSource, type AnnotationRow, type FigureRow, type SourceRow } from '../db/rows';
import { APP_NAME, APP_VERSION } from '../version';
import { listCities, readMetrics } from '../db/metrics';
import { CatalogWords, ENUM_LABELS, FIGURE_COLUMNS, columnLetter, enumLabels, header, numberFormat, sheetName, type ColumnKey, type EnumColumn, type SheetKind } from './layout';

export interface ExportOptions {
  lang: Lang;
  /** Called every few hundred rows; may throw (a cancelled job) to stop the export. */
  progress?: (done: number, total: number) => void;
  now?: Date;
}

export interface ExportResult {
  path: string;
  figures: number;
}

const PAGE = 1000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B3D6B' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
/** Timestamps are real Excel dates (sortable, filterable), shown to the minute. */
const DATE_TIME: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd hh:mm' };

/**
 * An instant as the Excel date a person in this computer's time zone would type for it: Excel
 * dates carry no zone, and exceljs writes a Date's UTC clock, so shift by the local offset.
 */
export function excelLocalTime(iso: string): Date | string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
}

/** Writes the workbook to `destination`; nothing is ever left there unless the whole file was written. */
export async function exportWorkbook(db: DB, destination: string, options: ExportOptions): Promise<ExportResult> {
  const target = path.resolve(destination);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.part`);
  let stream: fs.WriteStream | undefined;
  try {
    // Opened synchronously so a missing or read-only folder fails here, not later inside the zip writer.
    stream = fs.createWriteStream(temp, { fd: fs.openSync(temp, 'wx') });
    // Shared strings, as Excel writes them: LibreOffice drops a leading tab from exceljs' inline strings.
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
    book.creator = `${APP_NAME} ${APP_VERSION}`;
    book.created = options.now ?? new Date();
    // Every sheet from one view of the file: the figures are written a page at a time between waits,
    // and another writer's commit meanwhile (an import) left rows of both states and a cover of neither.
    const snapshot = openSnapshot(db);
    let figures: number;
    try {
      figures = await writeSheets(snapshot.db, book, options);
    } finally {
      snapshot.end();
    }
    await book.commit();
    fs.renameSync(temp, target);
    return { path: target, figures };
  } catch (error) {
    stream?.destroy();
    fs.rmSync(temp, { force: true });
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    if ((error as { code?: string }).code === 'ENOSPC') throw new AppError('DISK_FULL', reason, { path: target });
    throw new AppError('WORKBOOK_WRITE_FAILED', reason, { path: target, reason });
  }
}

async function writeSheets(db: DB, book: ExcelJS.stream.xlsx.WorkbookWriter, options: ExportOptions): Promise<number> {
  const { lang } = options;
  const t = MESSAGES[lang].workbook;
  const total = (db.prepare(`SELECT count(*) AS n FROM figures WHERE deleted_at IS NULL`).get() as { n: number }).n;
  const sources = (db.prepare(`SELECT * FROM sources WHERE deleted_at IS NULL ORDER BY id`).all() as SourceRow[]).map(toSource);
  const entities = listEntities(db);
  const annotations = (db.prepare(`SELECT * FROM annotations WHERE deleted_at IS NULL ORDER BY created_at, id`).all() as AnnotationRow[]).map(toAnnotation);
  options.progress?.(0, total);

  writeCover(book, options, { total, sources, dataVersion: dataVersion(db) });

  const entitySheet = addSheet(book, lang, 'entities', [
    ['id', 24],
    ['nameZh', 24],
    ['nameEn', 48],
    ['category', 30],
    ['tier', 30],
  ]);
  for (const e of entities) {
    entitySheet.addRow([e.id, e.name.zh, e.name.en, MESSAGES[lang].category[e.category], e.tier ? MESSAGES[lang].tier[e.tier] : MESSAGES[lang].tier.none]).commit();
  }
  entitySheet.commit();

  const written = await writeFigures(db, book, options, { total, entityCount: entities.length, annotations });

  const entityName = new Map(entities.map((e) => [e.id, lang === 'en' ? e.name.en : e.name.zh]));
  const annotationSheet = addSheet(book, lang, 'annotations', [
    ['id', 8],
    ['targetType', 12],
    ['target', 28],
    ['body', 60],
    ['author', 14],
    ['status', 10],
    ['tags', 20],
    ['createdAt', 22],
    ['updatedAt', 22],
  ]);
  for (const a of annotations) {
    const target = a.targetType === 'entity' ? (entityName.get(a.targetId) ?? a.targetId) : `ID ${a.targetId}`;
    const row = annotationSheet.addRow([a.id, t.targetType[a.targetType], target, a.body, authorName(a.author, lang), t.status[a.status], a.tags.join(', '), excelLocalTime(a.createdAt), excelLocalTime(a.updatedAt)]);
    row.getCell(8).style = DATE_TIME;
    row.getCell(9).style = DATE_TIME;
    row.commit();
  }
  annotationSheet.commit();

  const sourceSheet = addSheet(book, lang, 'sources', [
    ['id', 8],
    ['title', 48],
    ['publisher', 20],
    ['author', 16],
    ['publishedOn', 12],
    ['url', 40],
    ['excerpt', 60],
  ]);
  for (const s of sources) sourceSheet.addRow([s.id, s.title, s.publisher, s.author, s.publishedOn, s.url, s.excerpt]).commit();
  sourceSheet.commit();
  return written;
}

function writeCover(book: ExcelJS.stream.xlsx.WorkbookWriter, options: ExportOptions, facts: { total: number; sources: Source[]; dataVersion: string }): void {
  const { lang } = options;
  const t = MESSAGES[lang].workbook;
  const sheet = book.addWorksheet(sheetName('cover', lang), { properties: { tabColor: { argb: 'FF0B3D6B' } } });
  sheet.columns = [{ width: 28 }, { width: 60 }, { width: 20 }, { width: 14 }];
  const title = sheet.addRow([t.cover.title]);
  title.font = { bold: true, size: 16 };
  title.commit();
  sheet.addRow([]).commit();
  const fact = (label: string, value: string | number): void => {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.commit();
  };
  const generated = sheet.addRow([t.cover.generatedAt, excelLocalTime((options.now ?? new Date()).toISOString())]);
  generated.getCell(1).font = { bold: true };
  generated.getCell(2).style = { ...DATE_TIME, alignment: { horizontal: 'left' } };
  generated.commit();
  fact(t.cover.dataVersion, facts.dataVersion);
  fact(t.cover.app, `${APP_NAME} ${APP_VERSION}`);
  fact(t.cover.figureCount, facts.total);
  sheet.addRow([]).commit();
  heading(sheet, t.cover.sourcesHeading);
  for (const s of facts.sources) sheet.addRow([`ID ${s.id}`, s.title, s.publisher, s.publishedOn ?? '']).commit();
  sheet.addRow([]).commit();
  heading(sheet, t.cover.legendHeading);
  for (const q of QUALIFIERS) sheet.addRow([MESSAGES[lang].qualifierName[q], formatValue(100, '100m_yuan', q, lang)]).commit();
  sheet.addRow([]).commit();
  const note = sheet.addRow([t.cover.roundTrip]);
  note.getCell(1).alignment = { wrapText: false };
  note.commit();
  sheet.commit();
}

function heading(sheet: ExcelJS.Worksheet, text: string): void {
  const row = sheet.addRow([text]);
  row.font = { bold: true, size: 13 };
  row.commit();
}

/** A sheet with a styled, frozen header row, an autofilter and column widths. */
function addSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, lang: Lang, kind: SheetKind, columns: [ColumnKey, number][]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(sheetName(kind, lang), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(([, width]) => ({ width }));
  const row = sheet.addRow(columns.map(([key]) => header(key, lang)));
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle' };
  });
  row.commit();
  sheet.autoFilter = `A1:${columnLetter(columns.length)}1`;
  return sheet;
}

/**
 * exceljs' sheet stream writes into the zip's deflate stream without waiting for it, so a fast
 * producer piles up unwritten data. Waits until that stream has drained (when exceljs' internals
 * are as expected; otherwise it just yields).
 */
async function drained(sheet: ExcelJS.Worksheet): Promise<void> {
  type Pipe = EventEmitter & { _writableState?: { needDrain?: boolean } };
  const next = (sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes?.[0];
  if (next?._writableState?.needDrain) await once(next, 'drain');
  else await new Promise((resolve) => setImmediate(resolve));
}

interface FigureExportRow extends FigureRow {
  name_zh: string | null;
  name_en: string | null;
  source_title: string | null;
  source_date: string | null;
}

async function writeFigures(
  db: DB,
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  options: ExportOptions,
  facts: { total: number; entityCount: number; annotations: Annotation[] },
): Promise<number> {
  const { lang } = options;
  const sheet = addSheet(
    book,
    lang,
    'figures',
    FIGURE_COLUMNS.map((c) => [c.key, c.width]),
  );
  const col = (key: ColumnKey): number => FIGURE_COLUMNS.findIndex((c) => c.key === key) + 1;
  const lastRow = Math.max(2, facts.total + 1);
  // List validation on the enumerated columns, as ranges (one rule per column, not per cell).
  // exceljs has the range form but not its type.
  const validations = (sheet as ExcelJS.Worksheet & { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  for (const key of Object.keys(ENUM_LABELS) as EnumColumn[]) {
    const letter = columnLetter(col(key));
    validations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: false,
      showErrorMessage: true,
      formulae: [`"${enumLabels(key, lang).join(',')}"`],
    });
  }
  // The metric catalog and the cities (issue 12): a list of the catalog's names; codes of the 21 cities.
  const words = new CatalogWords(readMetrics(db), listCities(db));
  const metricLetter = columnLetter(col('metric'));
  validations.add(`${metricLetter}2:${metricLetter}${lastRow}`, { type: 'list', allowBlank: false, showErrorMessage: true, formulae: [`"${words.metricLabels(lang).join(',')}"`] });
  const cityLetter = columnLetter(col('cityCode'));
  validations.add(`${cityLetter}2:${cityLetter}${lastRow}`, { type: 'list', allowBlank: true, showErrorMessage: true, formulae: [`"${words.cityList.map((c) => c.code).join(',')}"`] });
  const entityLetter = columnLetter(col('entityId'));
  validations.add(`${entityLetter}2:${entityLetter}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    showErrorMessage: true,
    formulae: [`'${sheetName('entities', lang)}'!$A$2:$A$${facts.entityCount + 1}`],
  });

  const notes = new Map<string, Annotation[]>();
  for (const a of facts.annotations) if (a.targetType === 'figure') notes.set(a.targetId, [...(notes.get(a.targetId) ?? []), a]);
  const t = MESSAGES[lang].workbook;
  const page = db.prepare(
    `SELECT f.*, e.name_zh, e.name_en, s.title AS source_title, s.published_on AS source_date
       FROM figures f
       LEFT JOIN entities e ON e.id = f.entity_id
       LEFT JOIN sources s ON s.id = f.source_id
      WHERE f.deleted_at IS NULL AND f.id > ?
      ORDER BY f.id
      LIMIT ${PAGE}`,
  );
  const valueCol = col('value');
  const changedAtCol = col('changedAt');
  // One style object per unit, and one for every other cell: exceljs then looks the style id up
  // instead of serialising a new style for each of a million cells.
  const valueStyles = new Map(UNITS.map((u) => [u, { numFmt: numberFormat(u, lang) } as Partial<ExcelJS.Style>]));
  const plain: Partial<ExcelJS.Style> = {};
  const ownUnit = new Map<string, Partial<ExcelJS.Style>>();
  const ownUnitStyle = (metric: string): Partial<ExcelJS.Style> => {
    let style = ownUnit.get(metric);
    if (!style) ownUnit.set(metric, (style = { numFmt: numberFormat('metric_unit', lang, words.unitLabel(metric)) }));
    return style;
  };
  let written = 0;
  let after = 0;
  for (;;) {
    const rows = page.all(after) as FigureExportRow[];
    if (rows.length === 0) break;
    for (const r of rows) {
      const f = toFigure(r);
      const row = sheet.addRow([
        f.id,
        f.entityId,
        r.name_zh,
        r.name_en,
        ENUM_LABELS.scope.label(f.scope, lang),
        words.metricLabel(f.metric, lang),
        f.value,
        ENUM_LABELS.unit.label(f.unit, lang),
        ENUM_LABELS.qualifier.label(f.qualifier, lang),
        f.period,
        f.sourceId,
        r.source_title,
        r.source_date,
        f.sourceQuote,
        f.note,
        authorName(f.changedBy, lang),
        excelLocalTime(f.changedAt),
        f.cityCode,
        words.cityName(f.cityCode, lang),
      ]);
      row.eachCell((cell) => {
        cell.style = plain;
      });
      row.getCell(changedAtCol).style = DATE_TIME;
      const value = row.getCell(valueCol);
      value.style = f.unit === 'metric_unit' ? ownUnitStyle(f.metric) : valueStyles.get(f.unit)!;
      const attached = notes.get(String(f.id));
      if (attached) value.note = attached.map((a) => `${authorName(a.author, lang)} · ${t.status[a.status]} · ${a.updatedAt.slice(0, 10)}\n${a.body}`).join('\n\n');
      row.commit();
      written++;
    }
    after = rows[rows.length - 1]!.id;
    options.progress?.(written, facts.total);
    // Let the event loop breathe (progress polls and cancel requests are answered) and the zip catch up.
    await drained(sheet);
  }
  sheet.commit();
  return written;
}
