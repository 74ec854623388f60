/**
 * The full bilingual briefing of the whole dataset as Word (.docx), warm, beside the bare docx
 * package given the very same content in the same process: the description of its constructor calls
 * (`describeDocx`, docx-description.ts), built before the clock, made into docx's objects and packed —
 * as pdfmake's bare lays out and writes its definition, and as bulletin.bench.ts measures the 简报.
 * The difference is this project's own work (reading the file, composing the model, describing the
 * document; charts are drawn once and reused, as in the PDF bench). Also printed: that bare with the
 * chart image runs reused as the service reuses them, the bare of before 2026-11-30 (Packer of a
 * Document built before the clock: docx's own constructors left out of the bare side only), and a row
 * with the charts redrawn (data changed: SVG + resvg PNG). Interleaved, order rotating, each run after
 * a full collection; medians.
 * Target (issue 10): ≤ 1.2 × bare docx.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BriefingRequest } from '../shared/briefing';
import { interleaved, table } from './lib';
import type { ImageRuns } from '../electron/services/briefing/docx-description';

const REQUEST: BriefingRequest = { template: 'full', entityIds: [], lang: 'bilingual', title: '广东产业集群简报', subtitle: '基准测试', author: '基准', marking: '内部资料' };
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;

async function main(): Promise<void> {
  const t0 = performance.now();
  const { openDataFile } = await import('../electron/services/db/open');
  const { renderBriefingDocx } = await import('../electron/services/briefing/docx-render');
  const { buildDocx, describeDocx } = await import('../electron/services/briefing/docx');
  const { makeDocx } = await import('../electron/services/briefing/docx-description');
  const { fontTableOverride } = await import('../electron/services/briefing/docx-font-table');
  const { NOTES_PARTS_OVERRIDES } = await import('../electron/services/briefing/docx-notes-parts');
  const { clearChartPngCache } = await import('../electron/services/briefing/chart-png');
  const { clearChartCache } = await import('../electron/services/briefing/charts-svg');
  const { Packer } = await import('docx');
  const loadMs = performance.now() - t0;

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-bench-')), 'data.sqlite');
  const db = openDataFile(file);

  const c0 = performance.now();
  const first = await renderBriefingDocx(db, REQUEST);
  const coldMs = performance.now() - c0;

  const description = describeDocx(first.model);
  const reusedImages: ImageRuns = new WeakMap();
  const pack = (document: ReturnType<typeof makeDocx>): Promise<Buffer> => Packer.toBuffer(document, false, [fontTableOverride(), ...NOTES_PARTS_OVERRIDES]);
  const m = await interleaved(RUNS, WARMUP, {
    ours: () => () => renderBriefingDocx(db, REQUEST),
    bare: () => () => pack(makeDocx(description)),
    bareImagesReused: () => () => pack(makeDocx(description, reusedImages)),
    barePackOnly: () => {
      const document = buildDocx(first.model);
      return () => pack(document);
    },
    redrawn: () => {
      clearChartPngCache();
      clearChartCache();
      return () => renderBriefingDocx(db, REQUEST);
    },
  });
  db.close();
  const { ours: pipeline, bare, redrawn: uncached } = m;
  process.stdout.write(`Full briefing as Word, whole dataset (${(first.docx.length / 1024).toFixed(0)} KB), bilingual; ${RUNS} timed runs after ${WARMUP} warm-up runs, on ${os.cpus().length} cores; times in ms.\n\n`);
  process.stdout.write(
    table([
      { what: 'module load (docx, resvg, echarts, better-sqlite3)', p50: loadMs, p95: loadMs },
      { what: 'cold: first Word briefing in this process (fonts loaded, charts drawn)', p50: coldMs, p95: coldMs },
      { what: 'warm: renderBriefingDocx (read + compose + build + pack; charts reused)', ...pipeline },
      { what: 'warm: renderBriefingDocx, charts redrawn (data changed)', ...uncached },
      { what: 'bare docx: the same description made (new Paragraph, TextRun, ImageRun …) and packed', ...bare },
      { what: 'bare docx, the chart image runs reused as the service does', ...m.bareImagesReused },
      { what: 'bare docx as before 2026-11-30: Packer.toBuffer of a Document built before the clock', ...m.barePackOnly },
    ]),
  );
  const ratio = pipeline.p50 / bare.p50;
  process.stdout.write(`\nwarm / bare (p50): ${ratio.toFixed(2)}× (charts redrawn: ${(uncached.p50 / bare.p50).toFixed(2)}×). Target ≤ 1.2× bare (${ratio <= 1.2 ? 'met' : 'missed'})\n` +
      `warm / bare with the image runs reused: ${(pipeline.p50 / m.bareImagesReused.p50).toFixed(2)}×; / bare as before (Packer of a prebuilt Document): ${(pipeline.p50 / m.barePackOnly.p50).toFixed(2)}×\n`,
  );
}

void main();
