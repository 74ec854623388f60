/**
 * `cluster-brief` runs from a bundled build (out/cli/cluster-brief.cjs), not from TypeScript at run
 * time: built on first use, reused while its sources are unchanged, rebuilt when one changes.
 * Each test builds into its own folder ($CLUSTER_BRIEF_CLI_OUT), as a fresh checkout would; the
 * folders sit inside the project (.cache/), where the bundle finds node_modules as out/cli does.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { ROOT, runCliProcess, tempDataFile } from '../helpers/files';

const folders: string[] = [];
const bundleFolder = (): string => {
  fs.mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
  folders.push(fs.mkdtempSync(path.join(ROOT, '.cache', 'cli-bundle-test-')));
  return folders.at(-1)!;
};
afterAll(() => folders.forEach((f) => fs.rmSync(f, { recursive: true, force: true })));

const bundleIn = (dir: string): { bundle: string; stamp: string } => ({
  bundle: path.join(dir, 'cluster-brief.cjs'),
  stamp: path.join(dir, 'cluster-brief.inputs.json'),
});

describe('the cluster-brief command, bundled', () => {
  it('prints its version with --version and -v', () => {
    for (const flag of ['--version', '-v']) {
      const result = runCliProcess([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${pkg.version}\n`);
    }
  });

  it('builds the bundle on first use, and the bundle alone (plain JavaScript, no TypeScript loader) answers like the command', () => {
    const out = bundleFolder();
    const { bundle, stamp } = bundleIn(out);
    const file = tempDataFile();
    expect(runCliProcess(['init', '--db', file], { CLUSTER_BRIEF_CLI_OUT: out }).status).toBe(0);
    expect(fs.existsSync(bundle)).toBe(true);
    const inputs = Object.keys((JSON.parse(fs.readFileSync(stamp, 'utf8')) as { inputs: Record<string, string> }).inputs);
    expect(inputs).toContain('electron/cli/main.ts');
    expect(inputs).toContain('package.json');
    // Runtime packages are loaded from node_modules, not copied in.
    expect(inputs.some((i) => i.includes('node_modules'))).toBe(false);

    const viaCommand = runCliProcess(['list', '--json', '--db', file], { CLUSTER_BRIEF_CLI_OUT: out });
    const direct = spawnSync(process.execPath, [bundle, 'list', '--json', '--db', file], { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
    expect(viaCommand.status).toBe(0);
    expect(direct.status).toBe(0);
    expect(direct.stdout).toBe(viaCommand.stdout);
    expect(JSON.parse(direct.stdout)).toMatchObject({ entities: expect.any(Array) });
  });

  it('reuses a fresh bundle and rebuilds one whose sources changed since it was built', () => {
    const out = bundleFolder();
    const { bundle, stamp } = bundleIn(out);
    expect(runCliProcess(['--version'], { CLUSTER_BRIEF_CLI_OUT: out }).status).toBe(0);
    // A marker appended to the bundle survives a run that needs no rebuild…
    fs.appendFileSync(bundle, '\n// marker: left by the test\n');
    expect(runCliProcess(['--version'], { CLUSTER_BRIEF_CLI_OUT: out }).stdout).toBe(`${pkg.version}\n`);
    expect(fs.readFileSync(bundle, 'utf8')).toContain('marker: left by the test');
    // …and is gone once a source differs from what the stamp recorded (as after an edit or a pull).
    const recorded = JSON.parse(fs.readFileSync(stamp, 'utf8')) as { inputs: Record<string, string> };
    recorded.inputs['electron/cli/main.ts'] = '0:0';
    fs.writeFileSync(stamp, JSON.stringify(recorded));
    expect(runCliProcess(['--version'], { CLUSTER_BRIEF_CLI_OUT: out }).stdout).toBe(`${pkg.version}\n`);
    expect(fs.readFileSync(bundle, 'utf8')).not.toContain('marker: left by the test');
    expect(fs.readdirSync(out).sort()).toEqual(['cluster-brief.cjs', 'cluster-brief.inputs.json']);
  });

  it('rebuilds a bundle that is missing although its stamp is there', () => {
    const out = bundleFolder();
    const { bundle } = bundleIn(out);
    expect(runCliProcess(['--version'], { CLUSTER_BRIEF_CLI_OUT: out }).status).toBe(0);
    fs.rmSync(bundle);
    const file = tempDataFile();
    expect(runCliProcess(['init', '--db', file], { CLUSTER_BRIEF_CLI_OUT: out }).status).toBe(0);
    expect(fs.existsSync(bundle)).toBe(true);
  });
});
