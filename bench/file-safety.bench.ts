/**
 * What the data-file checks cost on a file of 100,000 figures, beside what the same operations
 * already paid in the same run: quick_check (before an import, undo/redo, restore, and in the
 * background after opening) against the backup an import writes anyway (VACUUM INTO); the
 * conflict check of an undo of a 100,000-figure import against reading that batch's revisions.
 * Measured, never asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyFigureChanges, type FigureChange } from '../electron/services/db/figures-bulk';
import { quickCheck } from '../electron/services/db/health';
import { openDataFile } from '../electron/services/db/open';
import { newChange } from '../electron/services/db/revisions';
import { conflictsOf } from '../electron/services/db/undo-conflicts';
import { table } from './lib';

const FIGURES = Number(process.env.BENCH_FIGURES ?? 100_000);

function median(fn: () => unknown, times = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-bench-safety-'));
const file = path.join(dir, 'data.sqlite');
const db = openDataFile(file);
const rows: FigureChange[] = Array.from({ length: FIGURES }, (_, i) => ({
  kind: 'added',
  input: { scope: 'entity', entityId: 'smart-robots', metric: 'revenue', value: i / 7, unit: '100m_yuan', qualifier: 'about', period: `${2000 + (i % 25)}`, sourceId: 1, sourceQuote: `Table ${i % 97}.`, note: null },
}));
const change = newChange('bench');
applyFigureChanges(db, change, rows);

let n = 0;
const backup = median(() => {
  const target = path.join(dir, `copy-${n++}.sqlite`);
  db.prepare('VACUUM INTO ?').run(target);
  fs.rmSync(target);
});
const check = median(() => quickCheck(db));
const readBatch = median(() => db.prepare(`SELECT target_id, after_json FROM revisions WHERE batch_id = ?`).raw().all(change.batchId));
const conflicts = median(() => conflictsOf(db, change.batchId));

process.stdout.write(
  table([
    { what: `quick_check, ${FIGURES} figures`, ms: check, baseline: 'VACUUM INTO backup', 'baseline ms': backup, ratio: check / backup },
    { what: `undo conflict check, ${FIGURES}-figure batch`, ms: conflicts, baseline: "reading the batch's revisions", 'baseline ms': readBatch, ratio: conflicts / readBatch },
  ]),
);
db.close();
fs.rmSync(dir, { recursive: true, force: true });
