#!/usr/bin/env node
// The `cluster-brief` command: runs the bundled command line (out/cli/cluster-brief.cjs, plain
// JavaScript; see scripts/cli-bundle.mjs), rebuilt first when a source it came from has changed.
import { createRequire } from 'node:module';
import { ensureBundle } from '../scripts/cli-bundle.mjs';

const { runCli } = createRequire(import.meta.url)(await ensureBundle());
process.exitCode = await runCli(process.argv.slice(2));
