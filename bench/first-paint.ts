/**
 * Time from navigation to the first painted page of the figures table, in Debian's Chromium through
 * the browser harness (the renderer as built by `npx electron-vite build`). Each run is a fresh page
 * load of #/workbench; the page notes when the first data row's cells are in the document, and the
 * next animation frame after that is taken as painted.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { startHarness, stopHarness } from '../tests/helpers/harness';
import { percentile } from './lib';

export async function firstPaint(file: string, runs = 7): Promise<Record<string, number | string>> {
  const harness = await startHarness(file);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    // A string, not a function: tsx wraps named inner functions in a helper the page does not have.
    await page.addInitScript(`
      const observer = new MutationObserver(() => {
        const cell = document.querySelector('[role="row"][aria-rowindex="2"] [role="cell"]');
        if (cell && cell.textContent) {
          observer.disconnect();
          requestAnimationFrame(() => { window.__firstRowPainted = performance.now(); });
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    `);
    await page.goto(harness.url); // sets the harness cookie
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${harness.origin}/?run=${i}#/workbench`);
      await page.waitForFunction(() => (window as { __firstRowPainted?: number }).__firstRowPainted !== undefined, null, { timeout: 60_000 });
      samples.push(await page.evaluate(() => (window as { __firstRowPainted?: number }).__firstRowPainted ?? Number.NaN));
    }
    return { runs, 'first load ms': samples[0]!, 'p50 ms': percentile(samples, 50), 'max ms': Math.max(...samples) };
  } finally {
    await browser.close();
    await stopHarness(harness);
  }
}
