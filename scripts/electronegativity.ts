/**
 * `npm run security:electron`: Electronegativity (@doyensec/electronegativity) over the app's
 * sources — electron/, shared/, renderer/src and renderer/index.html, plus package.json for the
 * Electron version; never node_modules, out/ or the test harness page — and a check that every
 * finding is listed, with its justification, in security/electronegativity-accepted.json. An
 * unlisted finding fails the run; so does a listed one that no longer occurs (keep the list true).
 *
 * Offline: the Electron version is passed in (-e) so nothing is looked up, and the check that
 * downloads Electron's release list (AvailableSecurityFixesGlobalCheck) is left out — outdated
 * Electron is the dependency updates' job. (The tool still tries, for one second, to fetch updated
 * translations of its own messages; offline it says so and goes on.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronVersion } from './electron-runtime';

export const ACCEPTED_FILE = path.join('security', 'electronegativity-accepted.json');
export const SCANNED = ['electron', 'shared', path.join('renderer', 'src'), path.join('renderer', 'index.html'), 'package.json'];
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

export interface Finding {
  check: string;
  file: string;
  line: number;
  message: string;
}

export interface Accepted {
  check: string;
  file: string;
  justification: string;
}

interface Sarif {
  runs: {
    results: {
      ruleId: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[];
    }[];
  }[];
}

export function findingsFromSarif(sarif: Sarif): Finding[] {
  return sarif.runs.flatMap((run) =>
    run.results.map((r) => {
      const location = r.locations[0]?.physicalLocation;
      return { check: r.ruleId, file: (location?.artifactLocation.uri ?? '').split(path.sep).join('/'), line: location?.region?.startLine ?? 0, message: r.message.text };
    }),
  );
}

export function readAccepted(file: string): Accepted[] {
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as { accepted: Accepted[] };
  for (const a of list.accepted) {
    if (!a.check || !a.file || !a.justification || a.justification.trim().length < 20) {
      throw new Error(`${file}: every entry needs check, file and a real justification (${JSON.stringify(a)})`);
    }
  }
  return list.accepted;
}

/** What fails the run: findings nobody justified, and justifications for findings that are gone. */
export function compare(findings: Finding[], accepted: Accepted[]): { unaccepted: Finding[]; stale: Accepted[] } {
  const matches = (a: Accepted, f: Finding): boolean => a.check === f.check && a.file === f.file;
  return {
    unaccepted: findings.filter((f) => !accepted.some((a) => matches(a, f))),
    stale: accepted.filter((a) => !findings.some((f) => matches(a, f))),
  };
}

/** Copies the scanned sources (from `sources`, by default the project) to a temporary folder (the tool takes one input) and runs the CLI on it. */
export function scan(root: string, sources: string = root): Finding[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-electronegativity-'));
  try {
    const input = path.join(work, 'input');
    for (const entry of SCANNED) {
      if (fs.existsSync(path.join(sources, entry))) fs.cpSync(path.join(sources, entry), path.join(input, entry), { recursive: true });
    }
    const output = path.join(work, 'result.sarif');
    const cli = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
    const args = [cli, '-i', input, '-o', output, '-r', '-v', 'false', '-e', electronVersion(root), '-x', EXCLUDED_CHECKS.join(',')];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 180_000 });
    if (run.status !== 0 || !fs.existsSync(output)) {
      throw new Error(`electronegativity failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    return findingsFromSarif(JSON.parse(fs.readFileSync(output, 'utf8')) as Sarif);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function main(root: string): number {
  const findings = scan(root);
  const { unaccepted, stale } = compare(findings, readAccepted(path.join(root, ACCEPTED_FILE)));
  const out: string[] = [`Electronegativity: ${findings.length} finding(s), ${unaccepted.length} not accepted.`];
  for (const f of unaccepted) out.push(`  NOT ACCEPTED ${f.check} ${f.file}:${f.line} — ${f.message}`);
  for (const a of stale) out.push(`  NO LONGER FOUND (remove it from ${ACCEPTED_FILE}) ${a.check} ${a.file}`);
  if (unaccepted.length) out.push(`Fix the code, or add the finding with its justification to ${ACCEPTED_FILE}.`);
  (unaccepted.length || stale.length ? process.stderr : process.stdout).write(`${out.join('\n')}\n`);
  return unaccepted.length || stale.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  process.exitCode = main(path.resolve(__dirname, '..'));
}
