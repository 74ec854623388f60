/**
 * The real app in a real Electron, for tests/electron. Each test starts the built app (out/, from
 * `electron-vite build`) on its own temporary data file. Where no Electron runtime is installed
 * (these build machines cannot download one) every test reports itself skipped with the reason;
 * detection never triggers Electron's lazy download.
 */
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { confirmAuthor } from '../helpers/workflows';
import { findElectronRuntime } from '../../scripts/electron-runtime';

export const ROOT = path.resolve(__dirname, '../..');
export const runtime = findElectronRuntime(ROOT);
export const NO_RUNTIME = runtime.executable ? null : `No Electron runtime here: ${runtime.missing}. These tests run wherever one is installed (CI: Windows, macOS, Linux).`;

export interface RunningApp {
  app: ElectronApplication;
  page: Page;
  dir: string;
  dataFile: string;
  /** Errors thrown in the page while the test ran. */
  pageErrors: string[];
}

export async function launchApp(dataFile: string): Promise<RunningApp> {
  const env = { ...process.env };
  // The built page, never a dev server; and Electron as Electron, not as Node.
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.CLUSTER_BRIEF_DB;
  const app = await electron.launch({
    executablePath: runtime.executable!,
    // Its own profile (Chromium storage, the single-instance lock) beside the data file, not the
    // developer's real "Cluster Brief" folder.
    args: [path.join(ROOT, 'out/main/index.js'), '--db', dataFile, `--user-data-dir=${path.join(path.dirname(dataFile), 'profile')}`],
    cwd: ROOT,
    env: env as Record<string, string>,
  });
  const page = await app.firstWindow();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await confirmAuthor(page);
  return { app, page, dir: path.dirname(dataFile), dataFile, pageErrors };
}

/** A test with `running`: the app started on a fresh data file in a fresh temporary folder. */
export const test = base.extend<{ running: RunningApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  running: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-electron-'));
    const running = await launchApp(path.join(dir, 'data.sqlite'));
    try {
      await use(running);
      expect(running.pageErrors, 'errors thrown in the page').toEqual([]);
    } finally {
      await running.app.close();
    }
  },
});

/** Call at the top of a spec file: skips every test in it, with the reason, when there is no runtime. */
export function skipWithoutRuntime(): void {
  if (NO_RUNTIME) console.log(`[electron] skipped: ${NO_RUNTIME}`);
  test.skip(NO_RUNTIME !== null, NO_RUNTIME ?? '');
}

/** Answers the next native save dialogs with `filePath`, as a person choosing that file would. */
export async function answerSaveDialog(app: ElectronApplication, filePath: string): Promise<void> {
  await app.evaluate(({ dialog }, file) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
  }, filePath);
}

/** The URL the main process sees for the app window (not what the page claims). */
export async function windowUrl(app: ElectronApplication): Promise<string> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL() ?? '');
}

export { expect };
