// The command line's bundle: electron/cli/main.ts and everything it imports from the project
// (TypeScript, the default dataset, package.json) in one CommonJS file, out/cli/cluster-brief.cjs;
// npm packages stay external and load from node_modules as they are. Built by `npm install`
// (`prepare`) and again by bin/cluster-brief.mjs whenever a source it was built from has changed.
// Freshness is checked against a stamp listing every input with its size and mtime (about 50
// stat calls), so a run that needs no rebuild pays well under a millisecond for the check.
// esbuild is present in every install, dev dependencies or not: tsx (a dependency) depends on it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = 'electron/cli/main.ts';

/** Where the bundle goes: out/cli, or $CLUSTER_BRIEF_CLI_OUT (tests build into a temp folder). */
export function bundlePaths(outDir = process.env.CLUSTER_BRIEF_CLI_OUT || path.join(ROOT, 'out/cli')) {
  return { outDir, bundle: path.join(outDir, 'cluster-brief.cjs'), stamp: path.join(outDir, 'cluster-brief.inputs.json') };
}

const fingerprint = (file) => {
  try {
    const s = fs.statSync(path.join(ROOT, file));
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
};

/** True when the bundle exists and every file it was built from is exactly as it was then. */
export function isFresh(paths = bundlePaths()) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(paths.stamp, 'utf8'));
  } catch {
    return false;
  }
  if (!fs.existsSync(paths.bundle) || typeof stamp !== 'object' || stamp === null || typeof stamp.inputs !== 'object') return false;
  return Object.entries(stamp.inputs).every(([file, print]) => fingerprint(file) === print);
}

/**
 * Builds the bundle (about 0.1 s). Bundle and stamp are each written under a temporary name and
 * renamed into place, so processes starting at the same moment never read half a file.
 */
export async function buildBundle(paths = bundlePaths()) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    footer: { js: 'if (require.main === module) module.exports.runCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });' },
  });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [file, fingerprint(file)]));
  fs.mkdirSync(paths.outDir, { recursive: true });
  const suffix = `.${process.pid}.tmp`;
  fs.writeFileSync(paths.bundle + suffix, result.outputFiles[0].contents);
  fs.renameSync(paths.bundle + suffix, paths.bundle);
  fs.writeFileSync(paths.stamp + suffix, JSON.stringify({ entry: ENTRY, inputs }, null, 1));
  fs.renameSync(paths.stamp + suffix, paths.stamp);
  return paths.bundle;
}

/** The bundle's path, built first if it is missing or older than its sources. */
export async function ensureBundle(paths = bundlePaths()) {
  return isFresh(paths) ? paths.bundle : buildBundle(paths);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = await buildBundle();
  process.stdout.write(`cluster-brief: built ${path.relative(ROOT, file)}\n`);
}
