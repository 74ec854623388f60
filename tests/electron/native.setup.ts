/**
 * Runs once before the Electron tests: builds (or fetches) better-sqlite3 for this Electron into
 * .cache/electron-native/, so the tests, which run in parallel, all find it there.
 */
import { test } from '@playwright/test';
import { ensureElectronNative } from '../../scripts/electron-runtime';
import { NO_RUNTIME, ROOT } from './electron-app';

test('better-sqlite3 is built for this Electron', () => {
  test.skip(NO_RUNTIME !== null, NO_RUNTIME ?? '');
  test.setTimeout(600_000);
  ensureElectronNative(ROOT);
});
