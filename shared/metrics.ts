/**
 * The metric catalog and the cities of Guangdong (issue 12): what a catalog row is, what a person
 * supplies to add or change one, which units each kind of metric takes, and a metric's or city's
 * name in a language. The catalog in the data file is the truth; the page and the services read it
 * (listMetrics, listCities). Runs anywhere.
 */
import { z } from 'zod';
import { Bilingual, CityCode, IsoDateTime, Metric, type Unit } from './domain';
import type { Lang } from './errors';
import { MESSAGES } from './i18n';
import { personText, problemIssue } from './text';

export const MetricKind = z.enum(['money', 'percent', 'count', 'other']);
export type MetricKind = z.infer<typeof MetricKind>;
export const METRIC_KINDS = MetricKind.options;

/** The units a figure of each kind of metric may be in ('metric_unit': the metric's own label). */
export const UNITS_OF_KIND: Record<MetricKind, readonly Unit[]> = {
  money: ['100m_yuan', '10k_yuan', 'yuan'],
  percent: ['percent'],
  count: ['count'],
  other: ['metric_unit'],
};

/** One row of the catalog, as the page and the services read it. */
export const MetricDef = z.object({
  id: Metric,
  name: Bilingual,
  kind: MetricKind,
  /** The unit a figure of an 'other' metric is printed in (件, kWh, persons); null for the other kinds. */
  unitLabel: Bilingual.nullable(),
  mayBeNegative: z.boolean(),
  description: z.string(),
  builtin: z.boolean(),
  sortOrder: z.number().int(),
});
export type MetricDef = z.infer<typeof MetricDef>;

/** A catalog row with how many live figures use it (deleting is refused while any do). */
export const MetricEntry = MetricDef.extend({ figureCount: z.number().int().min(0) });
export type MetricEntry = z.infer<typeof MetricEntry>;

/** The whole row as the change log keeps it. */
export const MetricSnapshot = MetricDef.extend({ changedAt: IsoDateTime, changedBy: z.string(), deletedAt: IsoDateTime.nullable() });
export type MetricSnapshot = z.infer<typeof MetricSnapshot>;

const unitLabel = z.object({ zh: personText({ max: 20, oneLine: true }), en: personText({ max: 40, oneLine: true }) });

/** What a person supplies to add a metric (no id: one is made from the English name) or change one. */
export const MetricInput = z
  .object({
    id: Metric.optional(),
    name: z.object({ zh: personText({ max: 60, oneLine: true }), en: personText({ max: 120, oneLine: true }) }),
    kind: MetricKind,
    unitLabel: unitLabel.nullable(),
    mayBeNegative: z.boolean(),
    description: personText({ max: 2000, required: false }),
  })
  .strict()
  .superRefine((m, ctx) => {
    if ((m.kind === 'other') !== (m.unitLabel !== null)) ctx.addIssue(problemIssue(m.kind === 'other' ? 'required' : 'not_allowed', ['unitLabel']));
  });
export type MetricInput = z.input<typeof MetricInput>;

export const City = z.object({ code: CityCode, name: Bilingual, sortOrder: z.number().int() });
export type City = z.infer<typeof City>;

const side = (lang: Lang): 'zh' | 'en' => (lang === 'en' ? 'en' : 'zh');

/** Looking metrics and cities up by id; an id the catalog does not hold prints as its seed name or itself. */
export interface Catalog {
  metric(id: string): MetricDef | undefined;
  metricName(id: string, lang: Lang): string;
  cityName(code: string | null, lang: Lang): string | null;
}

export function catalogOf(metrics: readonly MetricDef[], cities: readonly City[] = []): Catalog {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const cityBy = new Map(cities.map((c) => [c.code, c]));
  return {
    metric: (id) => byId.get(id),
    metricName: (id, lang) => byId.get(id)?.name[side(lang)] ?? seedMetricName(id, lang),
    cityName: (code, lang) => (code === null ? null : (cityBy.get(code)?.name[side(lang)] ?? code)),
  };
}

/** Why a figure's value or unit does not fit its metric (a problem code for shared/errors.ts), or null. */
export function metricProblem(def: Pick<MetricDef, 'kind' | 'mayBeNegative'>, figure: { value: number; unit: Unit }): 'unit_kind' | 'negative' | null {
  if (!UNITS_OF_KIND[def.kind].includes(figure.unit)) return 'unit_kind';
  if (figure.value < 0 && !def.mayBeNegative) return 'negative';
  return null;
}

/** An id for a new metric from its English name: "R&D spending" → "r_d_spending". */
export function metricIdFrom(nameEn: string): string {
  const id = nameEn
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  return id === '' ? 'metric' : id;
}

/** Metrics analysts often track (issue 12), offered in the add form, with no values. */
export const METRIC_SUGGESTIONS: readonly (Omit<z.output<typeof MetricInput>, 'id'> & { id: string })[] = [
  { id: 'rd_spending', name: { zh: '研发经费支出', en: 'R&D spending' }, kind: 'money', unitLabel: null, mayBeNegative: false, description: '' },
  { id: 'high_tech_enterprises', name: { zh: '高新技术企业数量', en: 'High-tech enterprises' }, kind: 'count', unitLabel: null, mayBeNegative: false, description: '' },
  { id: 'fixed_asset_investment', name: { zh: '固定资产投资', en: 'Fixed-asset investment' }, kind: 'money', unitLabel: null, mayBeNegative: false, description: '' },
  { id: 'exports', name: { zh: '出口额', en: 'Exports' }, kind: 'money', unitLabel: null, mayBeNegative: false, description: '' },
  { id: 'employment', name: { zh: '从业人员', en: 'Employment' }, kind: 'other', unitLabel: { zh: '万人', en: '10k persons' }, mayBeNegative: false, description: '' },
  { id: 'patents', name: { zh: '专利授权量', en: 'Patents granted' }, kind: 'other', unitLabel: { zh: '件', en: 'patents' }, mayBeNegative: false, description: '' },
];

/**
 * A metric's name where no catalog is at hand (charts of the built-in province metrics): the
 * built-ins' seed names (shared/i18n), else the id. Screens, workbooks, briefings and the command
 * line name metrics from the catalog (catalogOf).
 */
export function seedMetricName(id: string, lang: Lang): string {
  const names: Record<string, string> = MESSAGES[lang].metric;
  return names[id] ?? id;
}
