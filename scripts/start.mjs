#!/usr/bin/env node
// `npm start`: builds better-sqlite3 for Electron once (cached in .cache/), then starts the app
// with electron-vite's dev server. The first start downloads the Electron runtime (Electron >= 42
// does this lazily, on first use); after that everything works offline.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const { ensureElectronNative } = await tsImport('./electron-runtime.ts', import.meta.url);
try {
  ensureElectronNative(root);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const result = spawnSync('npx', ['electron-vite', 'dev', '--', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
