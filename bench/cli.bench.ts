/**
 * The command line's start-up (issue 11): `cluster-brief --version` and `cluster-brief list --json`
 * on a data file holding the default dataset, each as a whole child process (spawn to exit), in
 * alternation with a bare `node -e ''` measured in the same run, so the differences are what the
 * command itself costs. Peak memory comes from each child's own resource usage (a preload prints
 * it). For reference, a few runs of the old way (TypeScript compiled at run time by tsx).
 * Targets: --version ≤ bare + 0.3 s, list --json ≤ bare + 0.8 s.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile, table } from './lib';

const ROOT = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 20);
const OLD_RUNS = Number(process.env.BENCH_CLI_OLD_RUNS ?? 3);
const BIN = path.join(ROOT, 'bin/cluster-brief.mjs');

/** Runs one child to completion; returns wall-clock ms. Fails loudly if the command fails. */
function run(args: string[]): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** The child's peak resident memory in MB, printed at exit by a preload (one extra run each). */
function peakMb(args: string[], rssFile: string): number {
  const preload = path.join(path.dirname(rssFile), 'rss.cjs');
  fs.writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
  run(['--require', preload, ...args]);
  return Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-bench-cli-'));
  try {
    const db = path.join(dir, 'data.sqlite');
    // Warm-up: builds the bundle if it is stale, creates the data file with the default dataset.
    run([BIN, 'init', '--db', db]);
    const cases = {
      bare: ['-e', ''],
      version: [BIN, '--version'],
      list: [BIN, 'list', '--json', '--db', db],
    } as const;
    const samples: Record<keyof typeof cases, number[]> = { bare: [], version: [], list: [] };
    for (let i = 0; i < RUNS; i++) for (const name of Object.keys(cases) as (keyof typeof cases)[]) samples[name].push(run([...cases[name]]));
    const rssFile = path.join(dir, 'rss.txt');
    const memory = Object.fromEntries(Object.entries(cases).map(([name, args]) => [name, peakMb([...args], rssFile)])) as Record<keyof typeof cases, number>;

    // The old launcher, written inside the project (.cache/) so that 'tsx' resolves from node_modules.
    fs.mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
    const oldWay = path.join(ROOT, '.cache', `bench-cli-old-way-${process.pid}.mjs`);
    fs.writeFileSync(oldWay, `import { tsImport } from 'tsx/esm/api';\nconst { runCli } = await tsImport(${JSON.stringify(path.join(ROOT, 'electron/cli/main.ts'))}, import.meta.url);\nprocess.exitCode = await runCli(process.argv.slice(2));\n`);
    const old: number[] = [];
    let oldPeak = 0;
    try {
      for (let i = 0; i < OLD_RUNS; i++) old.push(run([oldWay, 'list', '--json', '--db', db]));
      oldPeak = peakMb([oldWay, 'list', '--json', '--db', db], rssFile);
    } finally {
      fs.rmSync(oldWay, { force: true });
    }

    const p50 = (name: keyof typeof cases): number => percentile(samples[name], 50);
    const p95 = (name: keyof typeof cases): number => percentile(samples[name], 95);
    const s = (ms: number): number => Math.round(ms);
    process.stdout.write(
      `${RUNS} runs of each, alternating; default dataset; Node ${process.version}\n\n` +
        table([
          { case: "bare: node -e ''", 'p50 ms': s(p50('bare')), 'p95 ms': s(p95('bare')), 'p50 over bare ms': 0, 'peak MB': Math.round(memory.bare), target: '' },
          { case: 'cluster-brief --version', 'p50 ms': s(p50('version')), 'p95 ms': s(p95('version')), 'p50 over bare ms': s(p50('version') - p50('bare')), 'peak MB': Math.round(memory.version), target: '≤ +300 ms' },
          { case: 'cluster-brief list --json', 'p50 ms': s(p50('list')), 'p95 ms': s(p95('list')), 'p50 over bare ms': s(p50('list') - p50('bare')), 'peak MB': Math.round(memory.list), target: '≤ +800 ms' },
          { case: `old way: list --json through tsx (${OLD_RUNS} runs, for reference; tsx's compile cache is warm after the first)`, 'p50 ms': s(percentile(old, 50)), 'p95 ms': s(percentile(old, 95)), 'p50 over bare ms': s(percentile(old, 50) - p50('bare')), 'peak MB': Math.round(oldPeak), target: '' },
        ]),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
