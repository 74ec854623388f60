/**
 * How far a figure's new value is from its old one in size, across the units that convert (元, 万元,
 * 亿元; a value and its own unit otherwise): changing 亿元 to 万元 without converting the number made
 * "超过1万亿元" into "超过1亿元", and typing 0.4 for 40% made a share a hundredth of itself, each saved
 * without a word. The figure form says so beside the value when the size changes tenfold or more.
 */
import type { Unit } from './domain';

const YUAN_FACTOR: Partial<Record<Unit, number>> = { yuan: 1, '10k_yuan': 1e4, '100m_yuan': 1e8 };

/** new / old in size (e.g. 1e-4 for 亿元 → 万元 with the number kept), or null when they do not compare (other units, zero). */
export function sizeRatio(before: { value: number; unit: Unit }, after: { value: number; unit: Unit }): number | null {
  const [a, b] = [YUAN_FACTOR[before.unit], YUAN_FACTOR[after.unit]];
  const comparable = (a !== undefined && b !== undefined) || before.unit === after.unit;
  if (!comparable || before.value === 0 || after.value === 0 || !Number.isFinite(after.value)) return null;
  return Math.abs((after.value * (b ?? 1)) / (before.value * (a ?? 1)));
}

/** The tenfold-or-more change worth saying, as a whole "times": 10000 for 1e4 or 1e-4; null when within tenfold. */
export function sizeJump(ratio: number | null): { times: number; larger: boolean } | null {
  if (ratio === null || (ratio < 10 && ratio > 0.1)) return null;
  const larger = ratio >= 10;
  return { times: Number((larger ? ratio : 1 / ratio).toPrecision(2)), larger };
}
