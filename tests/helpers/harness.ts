/** The browser harness (bin/web.mjs) as a child process over a real data file: e2e tests and the bench. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
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
  /** A folder holding the page to serve instead of the built renderer (out/renderer). */
  renderer?: string;
}

export async function startHarness(dataFile: string, files: HarnessFiles = {}): Promise<Harness> {
  const saveDir = files.saveDir ?? path.join(path.dirname(dataFile), 'saved');
  fs.mkdirSync(saveDir, { recursive: true });
  const args = ['--db', dataFile, '--port', '0', '--save-dir', saveDir, ...(files.openFiles ?? []).flatMap((f) => ['--open-file', f]), ...(files.renderer ? ['--renderer', files.renderer] : [])];
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
  // A harness that does not stop within 10 s is killed: a test's teardown never hangs on it.
  const timer = setTimeout(() => h.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

