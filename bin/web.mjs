#!/usr/bin/env node
// The browser harness (contributors and tests only): `npm run web -- --db <file> [--port <n>]`.
// Bundles the page-side bridge with esbuild, then starts electron/web/main.ts under tsx.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const bridge = await build({
  entryPoints: [fileURLToPath(new URL('../renderer/harness/bridge.ts', import.meta.url))],
  bundle: true,
  write: false,
  format: 'iife',
  target: 'chrome120',
  logLevel: 'silent',
});
const { main } = await tsImport('../electron/web/main.ts', import.meta.url);
await main(process.argv.slice(2), {
  bridgeScript: bridge.outputFiles[0].text,
  rendererDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
});
