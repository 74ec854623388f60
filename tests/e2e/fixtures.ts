/**
 * The browser harness as a Playwright fixture: each test gets its own real data file and its own
 * harness process (bin/web.mjs), and a page already signed in with the per-run token.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface Harness {
  url: string;
  origin: string;
  dataFile: string;
  dir: string;
  /** Where "save" dialogs put files (--save-dir). */
  saveDir: string;
  process: ChildProcess;
}

export interface HarnessFiles {
  /** Folder that "save" dialogs answer with (default: <dir>/saved). */
  saveDir?: string;
  /** What the next "open" dialogs answer, in order (they need not exist yet when the harness starts). */
  openFiles?: string[];
}

export async function startHarness(dataFile: string, files: HarnessFiles = {}): Promise<Harness> {
  const saveDir = files.saveDir ?? path.join(path.dirname(dataFile), 'saved');
  fs.mkdirSync(saveDir, { recursive: true });
  const args = ['--db', dataFile, '--port', '0', '--save-dir', saveDir, ...(files.openFiles ?? []).flatMap((f) => ['--open-file', f])];
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/web.mjs'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start: ${out}${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Cluster Brief harness: (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}: ${out}${err}`)));
  });
  return { url, origin: new URL(url).origin, dataFile, dir: path.dirname(dataFile), saveDir, process: child };
}

export async function stopHarness(h: Harness): Promise<void> {
  if (h.process.exitCode !== null) return;
  const exited = new Promise((resolve) => h.process.once('exit', resolve));
  h.process.kill('SIGTERM');
  await exited;
}

export const test = base.extend<{ harness: Harness; app: Page; openFiles: string[] }>({
  /** File names, inside the test's own folder (harness.dir), that the harness's "open" dialogs answer with. */
  openFiles: [[], { option: true }],
  harness: async ({ openFiles }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-e2e-'));
    const harness = await startHarness(path.join(dir, 'data.sqlite'), { openFiles: openFiles.map((name) => path.join(dir, name)) });
    await use(harness);
    await stopHarness(harness);
  },
  app: async ({ page, harness }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(harness.url);
    await use(page);
    expect(problems, 'errors thrown in the page').toEqual([]);
  },
});

export { expect };

/** Where screenshots a person should look at are kept (a CI artifact). */
export const ARTIFACTS = path.join(ROOT, 'test-results', 'artifacts');
