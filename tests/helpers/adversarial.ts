/**
 * The adversarial suite's settings and report (issue 11). Each tests/unit/adversarial-*.test.ts
 * runs a short version in the normal vitest run; `npm run adversarial` (scripts/adversarial.mjs)
 * sets ADVERSARIAL=large and collects every suite's counts into one report.
 *   ADVERSARIAL=large          the large counts below
 *   ADVERSARIAL_<NAME>=<n>     one count, whatever the scale
 *   ADVERSARIAL_SEED=<n>       the seed (printed by every suite; rerun a failure with it)
 *   ADVERSARIAL_REPORT=<file>  where each suite appends one JSON line of counts
 */
import fs from 'node:fs';

export const LARGE = process.env.ADVERSARIAL === 'large';

/** A count for this run: `small` in the normal run, `large` under `npm run adversarial`. */
export function count(name: string, small: number, large: number): number {
  const given = process.env[`ADVERSARIAL_${name}`];
  return given !== undefined && given !== '' ? Number(given) : LARGE ? large : small;
}

export const SEED = process.env.ADVERSARIAL_SEED ? Number(process.env.ADVERSARIAL_SEED) : Date.now() % 2 ** 31;

/** Prints a suite's counts (with the seed) and adds them to the runner's report. */
export function report(suite: string, counts: Record<string, number | string>): void {
  const line = { suite, seed: SEED, ...counts };
  process.stdout.write(`[adversarial] ${JSON.stringify(line)}\n`);
  if (process.env.ADVERSARIAL_REPORT) fs.appendFileSync(process.env.ADVERSARIAL_REPORT, `${JSON.stringify(line)}\n`);
}

/** A small seeded generator (mulberry32) for choices made outside fast-check, such as when to kill. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
