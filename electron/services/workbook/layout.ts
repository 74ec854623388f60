/**
 * The shape of the workbook, shared by export and import: sheet names, the figures sheet's columns,
 * and the words for enumerated values (in either language, for validation lists and for reading
 * back). Sheet names and headers are recognised in both languages, so a workbook exported in
 * English imports into an app showing Chinese and the other way round.
 */
import { QUALIFIERS, UNITS, type Qualifier, type Scope, type Unit } from '../../../shared/domain';
import type { City, MetricDef } from '../../../shared/metrics';
import type { Lang } from '../../../shared/errors';
import { LANGS, MESSAGES, type Messages } from '../../../shared/i18n';

export type SheetKind = keyof Messages['workbook']['sheet'];
export type ColumnKey = keyof Messages['workbook']['col'];

export const sheetName = (kind: SheetKind, lang: Lang): string => MESSAGES[lang].workbook.sheet[kind];
export const header = (key: ColumnKey, lang: Lang): string => MESSAGES[lang].workbook.col[key];
/** "数据 / Figures": how a sheet or column is named in an error that must make sense in either language. */
export const bothNames = (zh: string, en: string): string => (zh === en ? zh : `${zh} / ${en}`);

export interface FigureColumn {
  key: ColumnKey;
  width: number;
  /** Read back on import; the others (names, titles, who changed it) are there to be read by people. */
  imported: boolean;
  /** May be missing from a workbook (one exported before the column existed): read as empty. */
  optional?: boolean;
}

/** The figures sheet, left to right. The ID column is what an import matches rows by. */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { key: 'id', width: 8, imported: true },
  { key: 'entityId', width: 22, imported: true },
  { key: 'entityZh', width: 18, imported: false },
  { key: 'entityEn', width: 30, imported: false },
  { key: 'scope', width: 22, imported: true },
  { key: 'metric', width: 22, imported: true },
  { key: 'value', width: 16, imported: true },
  { key: 'unit', width: 12, imported: true },
  { key: 'qualifier', width: 16, imported: true },
  { key: 'period', width: 10, imported: true },
  { key: 'sourceId', width: 10, imported: true },
  { key: 'sourceTitle', width: 36, imported: false },
  { key: 'sourceDate', width: 12, imported: false },
  { key: 'sourceQuote', width: 50, imported: true },
  { key: 'note', width: 40, imported: true },
  { key: 'changedBy', width: 14, imported: false },
  { key: 'changedAt', width: 22, imported: false },
  // Issue 12, at the end so earlier columns keep their letters: the city (GB/T 2260 code, empty:
  // province-wide) and its name in the workbook's language.
  { key: 'cityCode', width: 10, imported: true, optional: true },
  { key: 'cityName', width: 12, imported: false },
];

/** Column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export const SCOPES: readonly Scope[] = ['entity', 'province', 'strategic_clusters', 'pillar_clusters', 'emerging_clusters', 'future_industries'];

/** The words a workbook shows for an enumerated value. None contains a comma or a double quote (they go into list validations). */
export const ENUM_LABELS = {
  scope: { values: SCOPES, label: (v: Scope, lang: Lang) => MESSAGES[lang].scope[v] },
  unit: { values: UNITS, label: (v: Unit, lang: Lang) => MESSAGES[lang].workbook.unit[v] },
  qualifier: { values: QUALIFIERS, label: (v: Qualifier, lang: Lang) => MESSAGES[lang].qualifierName[v] },
} as const;
export type EnumColumn = keyof typeof ENUM_LABELS;

/** How a typed word is compared: full-width folded (NFKC), trimmed, case and inner spacing ignored. */
export const normalizeWord = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** For reading back: every label in either language, and the code itself, to the code (as written, and normalised). */
export function enumLookup<K extends EnumColumn>(column: K): Map<string, (typeof ENUM_LABELS)[K]['values'][number]> {
  const { values, label } = ENUM_LABELS[column] as { values: readonly string[]; label: (v: string, lang: Lang) => string };
  const map = new Map<string, string>();
  for (const v of values) {
    for (const word of [v, ...LANGS.map((lang) => label(v, lang))]) {
      map.set(word, v);
      map.set(normalizeWord(word), v);
    }
  }
  return map as Map<string, (typeof ENUM_LABELS)[K]['values'][number]>;
}

export function enumLabels(column: EnumColumn, lang: Lang): string[] {
  const { values, label } = ENUM_LABELS[column] as { values: readonly string[]; label: (v: string, lang: Lang) => string };
  return values.map((v) => label(v, lang));
}

/** Number formats by unit: the cell keeps the full-precision number; the format only adds the unit (an 'other' metric's own label). */
export function numberFormat(unit: Unit, lang: Lang, label: MetricDef['unitLabel'] = null): string {
  if (unit === 'metric_unit') return label ? `General" ${label[lang === 'en' ? 'en' : 'zh'].replace(/"/g, '')}"` : 'General';
  if (unit === 'percent') return 'General"%"';
  if (unit === 'count') return '#,##0';
  return `General" ${MESSAGES[lang].workbook.unit[unit]}"`;
}

/**
 * The metric catalog and the cities as a workbook writes and reads them (issue 12): a metric by its
 * name in the workbook's language (list validations drop a name's commas), read back by that name in
 * either language or by its id; a city by its code, read back by code or name.
 */
export class CatalogWords {
  private readonly metrics = new Map<string, string>();
  private readonly cities = new Map<string, string>();

  constructor(
    readonly metricDefs: readonly MetricDef[],
    readonly cityList: readonly City[],
  ) {
    for (const m of metricDefs) for (const word of [m.id, m.name.zh, m.name.en, ...LANGS.map((l) => this.metricLabel(m.id, l))]) this.add(this.metrics, word, m.id);
    for (const c of cityList) for (const word of [c.code, c.name.zh, c.name.en, c.name.zh.replace(/市$/, '')]) this.add(this.cities, word, c.code);
  }

  private add(map: Map<string, string>, word: string, id: string): void {
    if (!map.has(word)) map.set(word, id);
    if (!map.has(normalizeWord(word))) map.set(normalizeWord(word), id);
  }

  metricLabel(id: string, lang: Lang): string {
    const m = this.metricDefs.find((d) => d.id === id);
    return (m ? m.name[lang === 'en' ? 'en' : 'zh'] : id).replace(/,/g, '');
  }

  metricLabels(lang: Lang): string[] {
    return this.metricDefs.map((m) => this.metricLabel(m.id, lang));
  }

  metricOf(word: string): string | undefined {
    return this.metrics.get(word) ?? this.metrics.get(normalizeWord(word));
  }

  cityName(code: string | null, lang: Lang): string | null {
    const c = code === null ? undefined : this.cityList.find((x) => x.code === code);
    return c ? c.name[lang === 'en' ? 'en' : 'zh'] : null;
  }

  cityOf(word: string): string | undefined {
    return this.cities.get(word) ?? this.cities.get(normalizeWord(word));
  }

  unitLabel(id: string): MetricDef['unitLabel'] {
    return this.metricDefs.find((d) => d.id === id)?.unitLabel ?? null;
  }
}
