// `npm run adversarial [-- --seed <n>]`: the adversarial suite at full size (issue 11), one file at
// a time: kill trials during a large import and its undo, the RPC fuzzer over every channel, hostile
// HTTP requests to the harness, and the damaged-file and workbook corpora (tests/helpers/
// adversarial-corpora.ts). The normal `vitest run` runs the same files with small counts. Prints
// every suite's counts and the seed; sizes can be changed with ADVERSARIAL_<NAME> (see
// tests/helpers/adversarial.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { seed: { type: 'string' } } });
const seed = values.seed ?? process.env.ADVERSARIAL_SEED ?? String(Date.now() % 2 ** 31);
const reportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-adversarial-')), 'report.jsonl');
const files = ['tests/unit/adversarial-kill.test.ts', 'tests/unit/adversarial-rpc.test.ts', 'tests/unit/harness-requests.test.ts', 'tests/unit/adversarial-corpora.test.ts'];

process.stdout.write(`Adversarial suite, seed ${seed} (rerun with: npm run adversarial -- --seed ${seed})\n`);
const started = Date.now();
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--no-file-parallelism', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ADVERSARIAL: 'large', ADVERSARIAL_SEED: seed, ADVERSARIAL_REPORT: reportFile },
});

const lines = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
process.stdout.write(`\n## Adversarial counts (seed ${seed}, ${((Date.now() - started) / 60000).toFixed(1)} min)\n\n`);
for (const { suite, seed: _seed, ...counts } of lines) {
  process.stdout.write(`- ${suite}: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
}
if (lines.length === 0) process.stdout.write('(no suite reported)\n');
process.exitCode = result.status ?? 1;
