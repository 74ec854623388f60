/** Temporary folders and data files for tests; each test gets its own real SQLite file on disk. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDataFile, type DB, type OpenOptions } from '../../electron/services/db/open';
import { dumpDataset } from '../../electron/services/db/read';

export const ROOT = path.resolve(__dirname, '../..');

export function tempDir(prefix = 'cluster-brief-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempDataFile(): string {
  return path.join(tempDir(), 'data.sqlite');
}

export function openTemp(options: OpenOptions = {}): { db: DB; file: string } {
  const file = tempDataFile();
  return { db: openDataFile(file, options), file };
}

/** Everything a person could see in the file, for before/after comparisons. */
export function fullDump(db: DB): string {
  const tables = ['entities', 'figures', 'sources', 'annotations', 'revisions', 'milestones', 'meta', 'batches', 'settings', 'figures_fts', 'entities_fts', 'sources_fts', 'annotations_fts', 'bulletins', 'bulletins_fts'];
  const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
  return JSON.stringify({ rows, dataset: dumpDataset(db) });
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `cluster-brief` command in a child process, as a script would. */
export function runCliProcess(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/cluster-brief.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
