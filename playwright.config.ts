import { defineConfig } from '@playwright/test';
import fs from 'node:fs';

/**
 * The browser for tests/e2e: $CHROMIUM_PATH, else Debian's Chromium where it is installed (the
 * build machines), else Playwright's own Chromium (`npx playwright install chromium`: the Windows
 * and macOS CI runners).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** The flags that keep Chromium quiet on a closed network (TECH-NOTES). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  // Conditions, not times: a wait ends the moment its condition holds, and a test ends the moment its
  // last step does. The ceilings are for a shared 2-core machine under load, where one page load once
  // took 12 s (a reload in bulletins.spec.ts) and a journey of two previews, an export and a reload
  // (briefing.spec.ts) ran past 60 s in a clean-clone CI run while the same test takes 25 s alone.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1366, height: 900 },
  },
  projects: [
    {
      name: 'web',
      testMatch: 'e2e/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        // The page as for a person who turned the system's animations off (the app follows that, see
        // renderer/src/useMediaQuery.ts): a drawer or a select's list is where it will stay the moment it
        // is shown, so a click never lands on something still sliding in. The tests that are about
        // motion ask for it themselves (app.emulateMedia).
        reducedMotion: 'reduce',
        launchOptions: { ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}), args: CHROMIUM_ARGS },
      },
    },
    // Builds better-sqlite3 for Electron once, before the Electron tests (which run in parallel).
    { name: 'electron-native', testMatch: 'electron/native.setup.ts' },
    // One app at a time: the app holds a single-instance lock (app.requestSingleInstanceLock), so a
    // second instance started beside the first would quit at once.
    { name: 'electron', testMatch: 'electron/**/*.spec.ts', dependencies: ['electron-native'], workers: 1 },
  ],
});
