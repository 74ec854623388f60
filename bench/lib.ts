/** Small measuring helpers shared by the benchmark scripts. */
import { performance } from 'node:perf_hooks';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs fn `times` times after `warmup` runs; returns p50/p95 in ms. */
export async function timeIt(fn: () => unknown, times = 200, warmup = 20): Promise<{ p50: number; p95: number; samples: number[] }> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples };
}

/** Samples resident memory every 20 ms while fn runs; returns elapsed ms and peak RSS in MB. */
export async function measurePeak<T>(fn: () => Promise<T>): Promise<{ ms: number; peakMb: number; result: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, peakMb: peak / 1024 / 1024, result };
}

export function table(rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return '';
  const heads = Object.keys(rows[0]!);
  const fmt = (v: string | number): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : v);
  return [`| ${heads.join(' | ')} |`, `| ${heads.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${heads.map((h) => fmt(r[h]!)).join(' | ')} |`)].join('\n') + '\n';
}

/** Times two functions in alternation (a, b, a, b, …), so machine noise falls on both alike; p50/p95 of each. */
export async function timeBoth(a: () => unknown, b: () => unknown, times = 200, warmup = 20): Promise<[{ p50: number; p95: number }, { p50: number; p95: number }]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < times; i++) {
    let t0 = performance.now();
    await a();
    sa.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    sb.push(performance.now() - t0);
  }
  return [
    { p50: percentile(sa, 50), p95: percentile(sa, 95) },
    { p50: percentile(sb, 50), p95: percentile(sb, 95) },
  ];
}

/** One timed call after a full collection (bin/bench.mjs passes --expose-gc), so no run pays for the garbage of the one before it. */
export async function measureAfterGc(fn: () => Promise<unknown>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const a = performance.now();
  await fn();
  return performance.now() - a;
}

/**
 * Runs each step once per round, the order rotating from round to round (so none always runs first,
 * on a warmer or busier machine), each timed run after a full collection; `warmup` rounds are not
 * counted. A step is called untimed to prepare its run and returns the run, which is timed.
 */
export async function interleaved<K extends string>(runs: number, warmup: number, steps: Record<K, () => () => unknown>): Promise<Record<K, { p50: number; p95: number }>> {
  const names = Object.keys(steps) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < runs + warmup; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      const run = steps[name]();
      const ms = await measureAfterGc(async () => {
        await run();
      });
      if (round >= warmup) samples[name].push(ms);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { p50: percentile(samples[n], 50), p95: percentile(samples[n], 95) }])) as Record<K, { p50: number; p95: number }>;
}
