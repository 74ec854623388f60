/**
 * The one-page briefing's preview as an analyst waits for it (issue 13): from pressing 预览 in
 * Debian's Chromium through the browser harness (the renderer as built by `npx electron-vite
 * build`) to the preview's first page shown (Chromium's PDF viewer, inside the preview frame,
 * reports its document loaded: its loadState_ becomes 'success' and it hides its spinner; the
 * next animation frame of the viewer is taken as painted), beside the service alone making the very same PDF (the previewBriefing handler on the
 * same data file, in this process), warm, interleaved in the same run.
 * Target: through the harness ≤ 1.3 × the service alone (p50).
 */
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BriefingRequest } from '../shared/briefing';
import { CHROMIUM_ARGS } from '../playwright.config';
import { startHarness, stopHarness } from '../tests/helpers/harness';
import { openWithHandlers } from '../tests/helpers/handlers';
import { confirmAuthor } from '../tests/helpers/workflows';
import { percentile, table } from './lib';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WARMUP = 3;
/** What the page sends for a fresh one-page brief with the author filled from settings. */
const REQUEST: BriefingRequest = { template: 'one-page', entityIds: [], lang: 'zh', title: '', subtitle: '', author: '基准', marking: '' };

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-bench-preview-'));
  const file = path.join(dir, 'data.sqlite');
  const harness = await startHarness(file);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    // A string, not a function: tsx wraps named inner functions in a helper the page does not have.
    await page.addInitScript(`
      document.addEventListener('click', (e) => {
        if (e.target instanceof Element && e.target.closest('button')?.textContent === '预览') window.__pressed = performance.timeOrigin + performance.now();
      }, true);
    `);
    // Each preview gets a new frame, and the PDF viewer a new document in it: watch it from its start.
    let shown: Promise<number> | null = null;
    let viewerStarted = 0;
    page.on('framenavigated', (frame) => {
      if (!frame.url().startsWith('chrome-extension://')) return;
      viewerStarted = Date.now();
      shown = frame.evaluate(`new Promise((resolve) => {
        const tick = () => {
          const viewer = document.querySelector('pdf-viewer');
          if (viewer && viewer.loadState_ === 'success') requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
          else requestAnimationFrame(tick);
        };
        tick();
      })`);
    });
    await page.goto(harness.url);
    await confirmAuthor(page, '基准');
    await page.goto(`${harness.origin}/#/briefings`);
    await page.getByRole('textbox', { name: '编写人' }).waitFor();

    // The service alone, on the same file (WAL: a second connection reads beside the harness's).
    const { handlers, db } = openWithHandlers(file);
    const service = async (): Promise<number> => {
      const a = performance.now();
      await handlers.previewBriefing({ request: REQUEST });
      return performance.now() - a;
    };
    const viewerBoot: number[] = [];
    const throughPage = async (): Promise<number> => {
      shown = null;
      await page.getByRole('button', { name: '预览', exact: true }).click();
      await page.waitForFunction(() => document.querySelector('iframe') !== null && !document.querySelector('[role="status"] .ant-spin'), null, { timeout: 120_000 });
      while (shown === null) await page.waitForTimeout(10);
      const end: number = await shown;
      const pressed = await page.evaluate(() => (window as { __pressed?: number }).__pressed ?? Number.NaN);
      viewerBoot.push(end - viewerStarted);
      return end - pressed;
    };

    const pageTimes: number[] = [];
    const serviceTimes: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
      let p: number;
      let s: number;
      if (i % 2 === 0) {
        p = await throughPage();
        s = await service();
      } else {
        s = await service();
        p = await throughPage();
      }
      if (i >= WARMUP) {
        pageTimes.push(p);
        serviceTimes.push(s);
      }
    }
    const { pages } = await handlers.previewBriefing({ request: REQUEST });
    db.close();

    const stats = (xs: number[]): { p50: number; p95: number; max: number } => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs) });
    const viaPage = stats(pageTimes);
    const alone = stats(serviceTimes);
    process.stdout.write(`One-page briefing preview (${pages} page), ${RUNS} timed runs after ${WARMUP} warm-up runs, interleaved, on ${os.cpus().length} cores; times in ms.\n\n`);
    process.stdout.write(
      table([
        { what: 'through the harness: 预览 pressed → first page shown in Chromium', ...viaPage },
        { what: 'the service alone: previewBriefing handler, same request and file', ...alone },
        { what: "of the first row: Chromium's PDF viewer, its frame navigated → document shown", ...stats(viewerBoot.slice(WARMUP)) },
      ]),
    );
    const ratio = viaPage.p50 / alone.p50;
    process.stdout.write(`\nthrough the harness / service alone (p50): ${ratio.toFixed(2)}×. Target ≤ 1.3× (${ratio <= 1.3 ? 'met' : 'missed'}).\n`);
  } finally {
    await browser.close();
    await stopHarness(harness);
  }
}

void main();
