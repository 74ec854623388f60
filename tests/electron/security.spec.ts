/**
 * The hardening of electron/main/window.ts, seen from inside the running app: no Node in the page,
 * no navigation away, no new windows, the Content-Security-Policy in force, no permissions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REFUSED, probeCsp } from '../helpers/csp';
import { expect, skipWithoutRuntime, test, windowUrl } from './electron-app';

skipWithoutRuntime();

const OVERVIEW = { level: 1, name: '总览' } as const;

test('the page has no Node: window.require, process, module and Buffer are undefined; only the client is exposed', async ({ running: { page } }) => {
  await expect(page.getByRole('heading', OVERVIEW)).toBeVisible();
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { require: typeof w.require, process: typeof w.process, module: typeof w.module, Buffer: typeof w.Buffer, client: typeof w.clusterBrief };
  });
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', client: 'object' });
});

test('navigating to another origin, or to another local file, is blocked', async ({ running: { app, page, dir } }) => {
  await expect(page.getByRole('heading', OVERVIEW)).toBeVisible();
  const before = await windowUrl(app);
  const elsewhere = path.join(dir, 'elsewhere.html');
  fs.writeFileSync(elsewhere, '<!doctype html><title>elsewhere</title><h1>elsewhere</h1>');

  for (const target of ['https://example.com/', pathToFileURL(elsewhere).href]) {
    const navigated = page.waitForEvent('framenavigated', { timeout: 2_000 }).then(
      (frame) => frame.url(),
      () => null,
    );
    await page.evaluate((url) => {
      location.href = url;
    }, target);
    expect(await navigated, `navigation to ${target}`).toBeNull();
    expect(await windowUrl(app)).toBe(before);
    expect(page.url()).toBe(before);
    await expect(page.getByRole('heading', OVERVIEW)).toBeVisible();
  }
});

test('window.open is denied: it returns null and no window opens', async ({ running: { app, page } }) => {
  await expect(page.getByRole('heading', OVERVIEW)).toBeVisible();
  const opened = app.waitForEvent('window', { timeout: 2_000 }).then(
    () => true,
    () => false,
  );
  const results = await page.evaluate(() => [window.open('https://example.com/') === null, window.open('about:blank', '_blank') === null, window.open(location.href) === null]);
  expect(results).toEqual([true, true, true]);
  expect(await opened).toBe(false);
  expect(app.windows()).toHaveLength(1);
});

test('the Content-Security-Policy is in force: inline scripts, eval and remote requests are refused', async ({ running: { page } }) => {
  await expect(page.getByRole('heading', OVERVIEW)).toBeVisible();
  expect(await probeCsp(page)).toEqual(REFUSED);
});

test('permission requests are denied', async ({ running: { page } }) => {
  await expect(page.getByRole('heading', OVERVIEW)).toBeVisible();
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
});
