/**
 * The full bilingual briefing of the whole dataset as Word (.docx), warm, beside the bare docx
 * package packing the very same Document in the same process: the difference is this project's own
 * work (reading the file, composing the model, building the docx objects, the font table; charts are
 * drawn once and reused, as in the PDF bench). A row with the charts redrawn (data changed: SVG +
 * resvg PNG) is reported beside it.
 * Target (issue 10): ≤ 1.2 × bare docx.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BriefingRequest } from '../shared/briefing';
import { measureAfterGc, percentile, table } from './lib';

const REQUEST: BriefingRequest = { template: 'full', entityIds: [], lang: 'bilingual', title: '广东产业集群简报', subtitle: '基准测试', author: '基准', marking: '内部资料' };
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;

async function main(): Promise<void> {
  const t0 = performance.now();
  const { openDataFile } = await import('../electron/services/db/open');
  const { renderBriefingDocx } = await import('../electron/services/briefing/docx-render');
  const { buildDocx } = await import('../electron/services/briefing/docx');
  const { fontTableOverride } = await import('../electron/services/briefing/docx-font-table');
  const { clearChartPngCache } = await import('../electron/services/briefing/chart-png');
  const { clearChartCache } = await import('../electron/services/briefing/charts-svg');
  const { Packer } = await import('docx');
  const loadMs = performance.now() - t0;

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-bench-')), 'data.sqlite');
  const db = openDataFile(file);

  const c0 = performance.now();
  const first = await renderBriefingDocx(db, REQUEST);
  const coldMs = performance.now() - c0;

  const measure = measureAfterGc;
  const ours: number[] = [];
  const bares: number[] = [];
  const redrawn: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    // The same Document the pipeline builds, made before the clock starts: bare docx only packs it.
    const document = buildDocx(first.model);
    const bare = (): Promise<Buffer> => Packer.toBuffer(document, false, [fontTableOverride()]);
    let tOurs: number;
    let tBare: number;
    if (i % 2 === 0) {
      tOurs = await measure(() => renderBriefingDocx(db, REQUEST));
      tBare = await measure(bare);
    } else {
      tBare = await measure(bare);
      tOurs = await measure(() => renderBriefingDocx(db, REQUEST));
    }
    clearChartPngCache();
    clearChartCache();
    const tRedrawn = await measure(() => renderBriefingDocx(db, REQUEST));
    if (i >= WARMUP) {
      ours.push(tOurs);
      bares.push(tBare);
      redrawn.push(tRedrawn);
    }
  }
  db.close();
  const stats = (xs: number[]): { p50: number; p95: number } => ({ p50: percentile(xs, 50), p95: percentile(xs, 95) });
  const pipeline = stats(ours);
  const bare = stats(bares);
  const uncached = stats(redrawn);
  process.stdout.write(`Full briefing as Word, whole dataset (${(first.docx.length / 1024).toFixed(0)} KB), bilingual; ${RUNS} timed runs after ${WARMUP} warm-up runs, on ${os.cpus().length} cores; times in ms.\n\n`);
  process.stdout.write(
    table([
      { what: 'module load (docx, resvg, echarts, better-sqlite3)', p50: loadMs, p95: loadMs },
      { what: 'cold: first Word briefing in this process (fonts loaded, charts drawn)', p50: coldMs, p95: coldMs },
      { what: 'warm: renderBriefingDocx (read + compose + build + pack; charts reused)', ...pipeline },
      { what: 'warm: renderBriefingDocx, charts redrawn (data changed)', ...uncached },
      { what: 'bare docx: Packer.toBuffer of the same Document', ...bare },
    ]),
  );
  const ratio = pipeline.p50 / bare.p50;
  process.stdout.write(`\nwarm / bare (p50): ${ratio.toFixed(2)}× (charts redrawn: ${(uncached.p50 / bare.p50).toFixed(2)}×). Target ≤ 1.2× bare (${ratio <= 1.2 ? 'met' : 'missed'})\n`);
}

void main();
