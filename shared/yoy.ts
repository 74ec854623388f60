/**
 * Year-on-year change (同比), computed from two figures of the same entity and metric: a period and
 * the same period one year earlier (2023 ← 2022, 2023-Q2 ← 2022-Q2, 2023-06 ← 2022-06). It is never
 * stored and always printed as computed ("同比 +12.3%（计算值）" / "YoY +12.3% (computed)").
 *
 * The rules:
 * - Both figures must exist and be measured values (qualifier exact): a change between two bounds
 *   ("over 100亿元"), approximations ("nearly") or targets would be invented precision.
 * - Units of one kind only: 元 / 万元 / 亿元 are converted to one another; percent with percent;
 *   counts with counts.
 * - A percent metric (a growth rate, a share of GDP) changes by percentage points, the difference,
 *   never by a ratio of two percentages ("同比 +1.2 个百分点（计算值）").
 * - Other metrics change by the ratio (current − previous) / previous, undefined from a zero base.
 */
import type { Figure, Qualifier, Unit } from './domain';
import type { Lang } from './errors';
import { formatNumber } from './format';
import { MESSAGES } from './i18n';

/** What the computation needs of a figure. */
export type YoyFigure = Pick<Figure, 'value' | 'unit' | 'qualifier' | 'period'>;

/** A computed change: relative (percent) for amounts and counts, percentage points for percentages. */
export type Yoy = { kind: 'relative'; change: number } | { kind: 'points'; change: number };
/** Why no change is computed: no figure a year earlier, a value that is not measured, units that do not compare, a zero base. */
export type NoYoy = 'no_previous' | 'not_exact' | 'unit' | 'zero_base';

const YUAN_PER: Partial<Record<Unit, number>> = { yuan: 1, '10k_yuan': 1e4, '100m_yuan': 1e8 };

/** True when two units measure the same kind of thing (money in any of its units, or the very same unit). */
export function sameKindOfUnit(a: Unit, b: Unit): boolean {
  return a === b || (YUAN_PER[a] !== undefined && YUAN_PER[b] !== undefined);
}

/** A value in another unit of the same kind (亿元 → 万元 …), without binary noise. */
export function inUnit(value: number, from: Unit, to: Unit): number {
  if (from === to) return value;
  const a = YUAN_PER[from];
  const b = YUAN_PER[to];
  if (a === undefined || b === undefined) throw new RangeError(`${from} cannot be converted to ${to}`);
  return Number.parseFloat(((value * a) / b).toPrecision(15));
}

/** The same period one year earlier: 2023 → 2022, 2023-Q2 → 2022-Q2, 2023-06 → 2022-06. */
export function yearEarlier(period: string): string {
  const year = Number(period.slice(0, 4));
  return `${String(year - 1).padStart(4, '0')}${period.slice(4)}`;
}

export type PeriodKind = 'year' | 'quarter' | 'month';

/** Of a quarter, a month or a year: the kind of period, so a trend never mixes them on one axis. */
export function periodKind(period: string): PeriodKind {
  return period.length === 4 ? 'year' : period.includes('Q') ? 'quarter' : 'month';
}

/** The kinds, in the order a tie is decided. */
export const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'quarter', 'month'];

/**
 * The one kind of period a chart draws of these figures: the kind most of them use, years first on a
 * tie (then quarters). A line from a full year (2023) into its quarters (2024-Q1…) read as a collapse
 * and a rise; a quarter's value ranked against others' full years read as small. Null for no figures.
 */
export function chartPeriodKind(figures: readonly { period: string }[]): PeriodKind | null {
  if (figures.length === 0) return null;
  const counts = PERIOD_KINDS.map((k) => figures.filter((f) => periodKind(f.period) === k).length);
  return PERIOD_KINDS[counts.indexOf(Math.max(...counts))]!;
}

const MEASURED: Qualifier = 'exact';

/** The change from `previous` (which must be the same period a year earlier) to `current`. */
export function yoyChange(current: YoyFigure, previous: YoyFigure | undefined): { ok: true; yoy: Yoy } | { ok: false; why: NoYoy } {
  if (!previous || previous.period !== yearEarlier(current.period)) return { ok: false, why: 'no_previous' };
  if (current.qualifier !== MEASURED || previous.qualifier !== MEASURED) return { ok: false, why: 'not_exact' };
  if (!sameKindOfUnit(current.unit, previous.unit)) return { ok: false, why: 'unit' };
  const before = inUnit(previous.value, previous.unit, current.unit);
  if (current.unit === 'percent') return { ok: true, yoy: { kind: 'points', change: current.value - before } };
  if (before === 0) return { ok: false, why: 'zero_base' };
  return { ok: true, yoy: { kind: 'relative', change: ((current.value - before) / Math.abs(before)) * 100 } };
}

/** "同比 +12.3%（计算值）", "YoY −0.4 pp (computed)": one decimal, its sign always shown, marked computed. */
export function formatYoy(yoy: Yoy, lang: Lang): string {
  const words = MESSAGES[lang].yoy;
  const rounded = Math.round(yoy.change * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  const number = `${sign}${formatNumber(Math.abs(rounded), lang)}`;
  const amount = yoy.kind === 'points' ? words.points.replace('{{n}}', number) : words.relative.replace('{{n}}', number);
  return words.computed.replace('{{change}}', amount);
}
