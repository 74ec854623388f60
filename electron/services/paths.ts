/**
 * Where the data file lives. Mirrors Electron's app.getPath('userData') for this product
 * (appData/<productName>) so the command line finds the same file as the app, without Electron.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Cluster Brief';
export const DATA_FILE_NAME = 'cluster-brief.sqlite';
export const DB_ENV_VAR = 'CLUSTER_BRIEF_DB';

export function appDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config');
}

export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataDir(platform, env, home), PRODUCT_NAME);
}

/** `--db <path>` wins, then $CLUSTER_BRIEF_DB, then the per-user default. */
export function resolveDataFile(args: { db?: string | undefined }, env: NodeJS.ProcessEnv = process.env, userData = userDataDir()): string {
  if (args.db) return path.resolve(args.db);
  if (env[DB_ENV_VAR]) return path.resolve(env[DB_ENV_VAR]);
  return path.join(userData, DATA_FILE_NAME);
}

/** Reads `--db <path>` or `--db=<path>` from an argument list (the app's and the harness's). */
export function dbArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') return argv[i + 1];
    if (a.startsWith('--db=')) return a.slice(5);
  }
  return undefined;
}
