/**
 * The browser harness as a Playwright fixture: each test gets its own real data file and its own
 * harness process (bin/web.mjs), and a page already signed in with the per-run token.
 */
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, stopHarness, type Harness, type HarnessFiles } from '../helpers/harness';
import { confirmAuthor } from '../helpers/workflows';

export { startHarness, stopHarness, type Harness, type HarnessFiles };

const ROOT = path.resolve(__dirname, '../..');

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
    await confirmAuthor(page);
    await use(page);
    expect(problems, 'errors thrown in the page').toEqual([]);
  },
});

export { confirmAuthor, expect };


/** Where screenshots a person should look at are kept (a CI artifact). */
export const ARTIFACTS = path.join(ROOT, 'test-results', 'artifacts');
