/**
 * Finds an installed Electron runtime WITHOUT triggering its lazy download (electron >= 42 fetches
 * the binary the first time anything asks for its path), and builds better-sqlite3 for Electron's
 * ABI into .cache/electron-native/electron-<version>-<platform>-<arch>/ — leaving
 * node_modules/better-sqlite3/build (the Node build used by tests and the command line) untouched.
 * In development the app loads that file through better-sqlite3's `nativeBinding` option
 * (electron/main/native.ts); packaging copies it into the app (electron-builder.config.ts). Used by
 * `npm start`, the real-Electron tests and `npm run dist`; `root` is the project folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type ElectronRuntime = { executable: string; missing?: undefined } | { executable?: undefined; missing: string };

export function findElectronRuntime(root: string, env: NodeJS.ProcessEnv = process.env): ElectronRuntime {
  const electronDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = path.join(override, relative ?? 'electron');
    return fs.existsSync(executable) ? { executable } : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set but ${executable} does not exist` };
  }
  if (!relative) return { missing: 'the Electron runtime has not been downloaded (node_modules/electron/path.txt is absent)' };
  const executable = path.join(electronDir, 'dist', relative);
  return fs.existsSync(executable) ? { executable } : { missing: `the Electron runtime is not present at ${executable}` };
}

export function electronVersion(root: string): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The folder name electron/main/native.ts looks for, for this Electron on this system. */
export function electronNativeDir(version: string, platform: string = process.platform, arch: string = process.arch): string {
  return `electron-${version}-${platform}-${arch}`;
}

export function electronNativePath(root: string, version = electronVersion(root), platform: string = process.platform, arch: string = process.arch): string {
  return path.join(root, '.cache', 'electron-native', electronNativeDir(version, platform, arch), 'better_sqlite3.node');
}

/**
 * Tries better-sqlite3's prebuilt binary for Electron, then a source build against Electron's
 * headers. `arch` may differ from this machine's (a DMG for x64 built on arm64): prebuild-install
 * fetches that arch's binary; node-gyp cross-compiles only where the compiler can (macOS clang).
 * The operating system cannot differ: a Windows module is built on Windows.
 */
export function ensureElectronNative(root: string, arch: string = process.arch): string {
  const version = electronVersion(root);
  const target = electronNativePath(root, version, process.platform, arch);
  if (fs.existsSync(target)) return target;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-native-'));
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true, filter: (p) => path.basename(p) !== 'build' });
  // An npmrc `nodedir` would silently build against Node's headers instead of Electron's (TECH-NOTES).
  const env = { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron', npm_config_target: version, npm_config_arch: arch, npm_config_disturl: 'https://electronjs.org/headers' };
  const run = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { cwd: work, stdio: 'inherit', env, shell: process.platform === 'win32' }).status === 0;
  const prebuild = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
  const ok =
    (fs.existsSync(prebuild) && run(process.execPath, [prebuild, '--runtime', 'electron', '--target', version, '--arch', arch])) ||
    run('npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers', `--arch=${arch}`]);
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !fs.existsSync(built)) {
    throw new Error(`Could not build better-sqlite3 for Electron ${version}: this needs the internet once (the prebuilt binary or Electron's headers).`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Copy then rename: another process never sees a half-written module.
  const partial = `${target}.${process.pid}.partial`;
  fs.copyFileSync(built, partial);
  fs.renameSync(partial, target);
  fs.rmSync(work, { recursive: true, force: true });
  return target;
}
