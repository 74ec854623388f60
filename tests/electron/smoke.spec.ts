/**
 * The real app in a real Electron. Runs wherever an Electron runtime is installed; elsewhere (these
 * build machines cannot download one) it reports itself skipped with the reason. Detection never
 * triggers Electron's lazy download.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureElectronNative, findElectronRuntime } from '../../scripts/electron-runtime';

const ROOT = path.resolve(__dirname, '../..');
const runtime = findElectronRuntime(ROOT);

if (!runtime.executable) console.log(`[electron] skipped: no Electron runtime here (${runtime.missing}).`);
test.skip(!runtime.executable, `No Electron runtime here: ${runtime.missing ?? ''}. It runs wherever one is installed.`);

test('the app starts on a temporary data file and shows the overview', async () => {
  ensureElectronNative(ROOT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-electron-'));
  const app = await electron.launch({
    executablePath: runtime.executable!,
    args: [path.join(ROOT, 'out/main/index.js'), '--db', path.join(dir, 'data.sqlite')],
    cwd: ROOT,
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
    await expect(page.getByRole('region', { name: '未来产业', exact: true }).getByRole('listitem')).toHaveCount(7);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(fs.existsSync(path.join(dir, 'data.sqlite'))).toBe(true);
  } finally {
    await app.close();
  }
});
