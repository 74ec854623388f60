/**
 * A long 简报 issue (tests/helpers/long-bulletin.ts: six sections, ~40 figure references, three
 * charts, three tables, three quotations; issued, so exported from its frozen data) exported as PDF
 * and as Word through the service (`exportBulletin`: read the issue, resolve, compose, check glyphs,
 * write), each beside its bare library given the very same content in the same process. Warm,
 * interleaved (the order rotating), each run after a full collection; medians. Rows with the charts
 * redrawn (data changed) beside them. Target (issue 10): ≤ 1.2 × bare.
 *
 * The bare libraries are given their declarative input, built before the clock, and timed doing all
 * their own work on it. pdfmake: the document definition (`toPdfmake`), laid out and written. docx:
 * the description of its constructor calls (`describeDocx`, docx-description.ts: each call's options,
 * nested as the document is), made into docx's objects by `makeDocx` — one `new Paragraph(…)`,
 * `new TextRun(…)`, `new ImageRun(…)` … per described one — and packed, as a program using docx
 * directly would on this content. Until 2026-11-30 the Word bare was `Packer.toBuffer` of a Document
 * built before the clock, which left docx's own constructors out of the bare side (pdfmake's bare
 * included all its processing); that row is still printed, as are the bare with the chart image runs
 * reused as the service reuses them (docx hashes an image's bytes in JavaScript for each ImageRun; the
 * service keeps the run of an unchanged drawing) and the service's own steps.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { interleaved, table } from './lib';
import type { ImageRuns } from '../electron/services/briefing/docx-description';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;

async function main(): Promise<void> {
  const t0 = performance.now();
  const { openDataFile } = await import('../electron/services/db/open');
  const { saveNewDraft } = await import('../electron/services/bulletins/actions');
  const { issueBulletin } = await import('../electron/services/bulletins/issue');
  const { bulletinModel, exportBulletin } = await import('../electron/services/bulletins/export');
  const { toPdfmake } = await import('../electron/services/briefing/pdf');
  const { buildDocx, describeDocx } = await import('../electron/services/briefing/docx');
  const { makeDocx } = await import('../electron/services/briefing/docx-description');
  const { fontTableOverride } = await import('../electron/services/briefing/docx-font-table');
  const { NOTES_PARTS_OVERRIDES } = await import('../electron/services/briefing/docx-notes-parts');
  const { cachedChartSvg, clearChartCache } = await import('../electron/services/briefing/charts-svg');
  const { clearChartPngCache } = await import('../electron/services/briefing/chart-png');
  const { writePdf } = await import('../electron/services/briefing/render');
  const { Packer } = await import('docx');
  const { longBulletin, recordSurveyYears } = await import('../tests/helpers/long-bulletin');
  const loadMs = performance.now() - t0;

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-bench-')), 'data.sqlite');
  const db = openDataFile(file);
  recordSurveyYears(db);
  const id = issueBulletin(db, '基准', saveNewDraft(db, longBulletin(db)).id).id;

  const c0 = performance.now();
  const firstPdf = await exportBulletin(db, id, 'pdf');
  const coldPdf = performance.now() - c0;
  const c1 = performance.now();
  const firstDocx = await exportBulletin(db, id, 'docx');
  const coldDocx = performance.now() - c1;

  // The very model and description the service prints, built once before the clock (the pdfmake
  // definition too, before each run): the bare libraries make, lay out and write them.
  const { model } = bulletinModel(db, id);
  const description = describeDocx(model);
  const reusedImages: ImageRuns = new WeakMap();
  const redraw = (): void => {
    clearChartCache();
    clearChartPngCache();
  };

  const pdf = await interleaved(RUNS, WARMUP, {
    ours: () => () => exportBulletin(db, id, 'pdf'),
    bare: () => {
      // A definition of its own each run (pdfmake changes the one it lays out; its keep rules hold the nodes they move).
      const doc = toPdfmake(model, cachedChartSvg);
      return () => writePdf(doc);
    },
    redrawn: () => {
      redraw();
      return () => exportBulletin(db, id, 'pdf');
    },
  });
  const word = await interleaved(RUNS, WARMUP, {
    ours: () => () => exportBulletin(db, id, 'docx'),
    bare: () => () => Packer.toBuffer(makeDocx(description), false, [fontTableOverride(), ...NOTES_PARTS_OVERRIDES]),
    bareImagesReused: () => () => Packer.toBuffer(makeDocx(description, reusedImages), false, [fontTableOverride(), ...NOTES_PARTS_OVERRIDES]),
    barePackOnly: () => {
      const document = buildDocx(model);
      return () => Packer.toBuffer(document, false, [fontTableOverride(), ...NOTES_PARTS_OVERRIDES]);
    },
    redrawn: () => {
      redraw();
      return () => exportBulletin(db, id, 'docx');
    },
    // Where ours goes: reading, resolving and composing the issue; describing the docx calls (our mapping); making docx's objects.
    model: () => () => bulletinModel(db, id),
    describe: () => () => describeDocx(model),
    build: () => () => buildDocx(model),
  });
  db.close();

  process.stdout.write(
    `简报 issue of ${firstPdf.pages} pages (PDF ${(firstPdf.bytes.length / 1024).toFixed(0)} KB, Word ${(firstDocx.bytes.length / 1024).toFixed(0)} KB), issued, zh; ${RUNS} timed runs after ${WARMUP} warm-up runs, interleaved, on ${os.cpus().length} cores; times in ms.\n\n`,
  );
  process.stdout.write(
    table([
      { what: 'module load (pdfmake, docx, echarts, resvg, better-sqlite3)', p50: loadMs, p95: loadMs },
      { what: 'cold: first PDF export in this process (fonts loaded, charts drawn)', p50: coldPdf, p95: coldPdf },
      { what: 'cold: first Word export in this process (charts rasterised)', p50: coldDocx, p95: coldDocx },
      { what: 'warm: exportBulletin PDF (charts reused)', ...pdf.ours },
      { what: 'warm: exportBulletin PDF, charts redrawn (data changed)', ...pdf.redrawn },
      { what: 'bare pdfmake: the same document definition', ...pdf.bare },
      { what: 'warm: exportBulletin Word (charts reused)', ...word.ours },
      { what: 'warm: exportBulletin Word, charts redrawn (data changed)', ...word.redrawn },
      { what: 'bare docx: the same description made (new ImageRun, TextRun, Paragraph …) and packed', ...word.bare },
      { what: 'bare docx, the chart image runs reused as the service does', ...word.bareImagesReused },
      { what: 'bare docx as before 2026-11-30: Packer.toBuffer of a Document built before the clock', ...word.barePackOnly },
      { what: 'of which ours: bulletinModel (read, resolve, compose, glyph checks)', ...word.model },
      { what: 'of which ours: describeDocx (the model mapped to docx calls, charts reused)', ...word.describe },
      { what: 'of which ours: buildDocx (describeDocx + makeDocx, image runs reused)', ...word.build },
    ]),
  );
  const ratio = (a: { p50: number }, b: { p50: number }): string => (a.p50 / b.p50).toFixed(2);
  const met = (a: { p50: number }, b: { p50: number }): string => (a.p50 / b.p50 <= 1.2 ? 'met' : 'missed');
  process.stdout.write(
    `\nPDF warm / bare (p50): ${ratio(pdf.ours, pdf.bare)}× (charts redrawn: ${ratio(pdf.redrawn, pdf.bare)}×); target ≤ 1.2× ${met(pdf.ours, pdf.bare)}\n` +
      `Word warm / bare (p50): ${ratio(word.ours, word.bare)}× (charts redrawn: ${ratio(word.redrawn, word.bare)}×); target ≤ 1.2× ${met(word.ours, word.bare)}\n` +
      `Word warm / bare with the image runs reused: ${ratio(word.ours, word.bareImagesReused)}×; / bare as before (Packer of a prebuilt Document): ${ratio(word.ours, word.barePackOnly)}×\n`,
  );
}

void main();
