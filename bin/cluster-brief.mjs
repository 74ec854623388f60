#!/usr/bin/env node
// The `cluster-brief` command: runs electron/cli/main.ts under plain Node (TypeScript via tsx).
import { tsImport } from 'tsx/esm/api';

const { runCli } = await tsImport('../electron/cli/main.ts', import.meta.url);
process.exitCode = await runCli(process.argv.slice(2));
