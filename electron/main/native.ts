/**
 * better-sqlite3 under Electron. The Node build in node_modules serves tests and the command line;
 * the app needs a build for Electron's ABI. Packaged apps carry one in place of the Node build
 * (electron-builder.config.ts; unpacked from the asar, found by better-sqlite3 itself); `npm start`
 * builds one into .cache/electron-native/ (scripts/electron-runtime.ts) and points at it here.
 */
import fs from 'node:fs';
import path from 'node:path';

export function electronNativeBinding(appPath: string, isPackaged: boolean, electron = process.versions.electron): string | undefined {
  if (isPackaged) return undefined;
  const candidate = path.join(appPath, '.cache', 'electron-native', `electron-${electron}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}
