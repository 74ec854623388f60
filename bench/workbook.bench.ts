/**
 * Export and import of 100,000 figures, time and peak memory, each beside a bare baseline measured
 * in the same run: (a) exceljs' streaming writer writing the same rows; (b) exceljs' streaming
 * reader plus prepared inserts in one transaction. Each measurement runs in its own child process,
 * so every peak is its own. Targets (issue 4): export ≤ 1.3× baseline and ≤ 300 MB; import ≤ 1.5×.
 *
 * Two imports are measured: the heaviest honest case, a workbook that changes the value of every
 * one of the 100,000 figures (check, read, compare, back up, 100,000 updates with their revisions),
 * and the unedited export (check, read, compare; nothing to write). Then the undo of the big import
 * and its redo, each one step (no target: the app's window waits for them, so they are reported).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openDataFile } from '../electron/services/db/open';
import { exportWorkbook } from '../electron/services/workbook/export';
import { applyImportPlan, planWorkbookImport } from '../electron/services/workbook/import';
import { redo, undo } from '../electron/services/db/undo';
import { measurePeak, table } from './lib';

const FIGURES = Number(process.env.BENCH_FIGURES ?? 100_000);
/** This script (children run it again with a mode). */
const SELF = path.resolve(process.argv[1]!);
type Mode = 'export' | 'baseline-export' | 'bare-export' | 'import' | 'import-unchanged' | 'baseline-import' | 'undo' | 'redo';

function paths(dir: string): { data: string; target: string; workbook: string; baselineBook: string; baselineDb: string } {
  return {
    data: path.join(dir, 'data.sqlite'),
    target: path.join(dir, 'target.sqlite'),
    workbook: path.join(dir, 'export.xlsx'),
    baselineBook: path.join(dir, 'baseline.xlsx'),
    baselineDb: path.join(dir, 'baseline.sqlite'),
  };
}

/** 100,000 figures over the seeded entities, written with one transaction of prepared inserts. */
function generate(file: string): void {
  const db = openDataFile(file);
  const entities = (db.prepare(`SELECT id FROM entities`).all() as { id: string }[]).map((e) => e.id);
  const metrics = ['output_value', 'revenue', 'added_value', 'enterprises'];
  const insert = db.prepare(
    `INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, source_id, source_quote, note, changed_at, changed_by)
     VALUES ('entity', ?, ?, ?, '100m_yuan', ?, ?, 1, ?, ?, '2026-11-01T08:00:00.000Z', 'bench')`,
  );
  db.transaction(() => {
    for (let i = 0; i < FIGURES - 24; i++) {
      insert.run(
        entities[i % entities.length],
        metrics[i % metrics.length],
        Math.round(((i * 7919) % 100000) * 1.2345678) / 100,
        i % 5 === 0 ? 'about' : 'exact',
        `${2000 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}`,
        `Quoted from the yearly statistics release, table ${i % 97}.`,
        i % 10 === 0 ? `Check against the bureau's release ${i}` : null,
      );
    }
  })();
  db.close();
}

const ROW_SQL = `SELECT f.*, e.name_zh, e.name_en, s.title, s.published_on FROM figures f
  LEFT JOIN entities e ON e.id = f.entity_id LEFT JOIN sources s ON s.id = f.source_id WHERE f.deleted_at IS NULL ORDER BY f.id`;

async function child(mode: Mode, dir: string): Promise<unknown> {
  const p = paths(dir);
  switch (mode) {
    case 'export': {
      const db = openDataFile(p.data, { mustExist: true });
      return exportWorkbook(db, p.workbook, { lang: 'zh-CN' });
    }
    case 'bare-export':
    case 'baseline-export': {
      const db = openDataFile(p.data, { mustExist: true });
      const options = mode === 'baseline-export' ? { useStyles: true, useSharedStrings: true } : {};
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: p.baselineBook, ...options });
      const sheet = book.addWorksheet('Figures');
      for (const r of db.prepare(ROW_SQL).iterate() as Iterable<Record<string, string | number | null>>) {
        sheet.addRow([r.id, r.entity_id, r.name_zh, r.name_en, r.scope, r.metric, r.value, r.unit, r.qualifier, r.value, r.period, r.source_id, r.title, r.published_on, r.source_quote, r.note, r.changed_by, r.changed_at]).commit();
      }
      sheet.commit();
      await book.commit();
      return null;
    }
    case 'import-unchanged':
    case 'import': {
      const db = openDataFile(mode === 'import' ? p.target : p.data, { mustExist: true });
      const plan = await planWorkbookImport(db, p.workbook);
      if (plan.problems.length > 0) throw new Error(JSON.stringify(plan.problems.slice(0, 3)));
      return applyImportPlan(db, plan, { author: 'bench', includeRemovals: false, dataFile: mode === 'import' ? p.target : p.data });
    }
    case 'undo':
    case 'redo': {
      const db = openDataFile(p.target, { mustExist: true });
      const result = mode === 'undo' ? undo(db, 'bench') : redo(db, 'bench');
      if (!result.done || result.changes !== FIGURES) throw new Error(`${mode}: ${JSON.stringify(result)}`);
      return result;
    }
    case 'baseline-import': {
      const db = openDataFile(p.baselineDb);
      db.exec(`CREATE TABLE rows_in (id INTEGER, entity_id TEXT, scope TEXT, metric TEXT, value REAL, unit TEXT, qualifier TEXT, period TEXT, source_id INTEGER, source_quote TEXT, note TEXT)`);
      const insert = db.prepare(`INSERT INTO rows_in VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(p.workbook, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
      db.exec('BEGIN');
      for await (const sheet of reader) {
        if ((sheet as unknown as { name: string }).name !== '数据') continue;
        for await (const row of sheet) {
          if (row.number === 1) continue;
          const v = (i: number): string | number | null => {
            const x = row.getCell(i).value;
            return typeof x === 'string' || typeof x === 'number' ? x : null;
          };
          insert.run(v(1), v(2), v(5), v(6), v(7), v(8), v(9), v(11), v(12), v(15), v(16));
        }
      }
      db.exec('COMMIT');
      return null;
    }
  }
}

function runChild(mode: Mode, dir: string): { ms: number; peakMb: number } {
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, mode, dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) throw new Error(`${mode} failed: ${result.stderr}${result.stdout}`);
  return JSON.parse(line) as { ms: number; peakMb: number };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-bench-wb-'));
  const p = paths(dir);
  try {
    generate(p.data);
    const exp = runChild('export', dir);
    const baseExp = runChild('baseline-export', dir);
    const bareExp = runChild('bare-export', dir);
    // The import target: the same figures with every value different, so every row is a change.
    fs.copyFileSync(p.data, p.target);
    const target = openDataFile(p.target, { mustExist: true });
    target.exec(`UPDATE figures SET value = value + 1`);
    target.close();
    const imp = runChild('import', dir);
    const same = runChild('import-unchanged', dir);
    // The import just applied, taken back in one step and applied again (the window waits for both).
    const undone = runChild('undo', dir);
    const redone = runChild('redo', dir);
    const baseImp = runChild('baseline-import', dir);
    const mb = (f: string): number => fs.statSync(f).size / 1024 / 1024;
    process.stdout.write(
      `${FIGURES} figures; workbook ${mb(p.workbook).toFixed(1)} MB\n\n` +
        table([
          { case: 'export (ours)', seconds: exp.ms / 1000, 'peak MB': exp.peakMb, 'vs baseline': exp.ms / baseExp.ms, target: '≤ 1.3× and ≤ 300 MB' },
          { case: 'export baseline: exceljs streaming writer, same rows, same options (styles, shared strings)', seconds: baseExp.ms / 1000, 'peak MB': baseExp.peakMb, 'vs baseline': 1, target: '' },
          { case: 'export, barest writer: default options (no styles, inline strings)', seconds: bareExp.ms / 1000, 'peak MB': bareExp.peakMb, 'vs baseline': bareExp.ms / baseExp.ms, target: '' },
          { case: 'import (ours): check, read, diff, backup, 100k updates + revisions', seconds: imp.ms / 1000, 'peak MB': imp.peakMb, 'vs baseline': imp.ms / baseImp.ms, target: '≤ 1.5×' },
          { case: 'import (ours) of the unedited export: check, read, diff, nothing to write', seconds: same.ms / 1000, 'peak MB': same.peakMb, 'vs baseline': same.ms / baseImp.ms, target: '≤ 1.5×' },
          { case: 'import baseline: exceljs streaming read + prepared inserts, one transaction', seconds: baseImp.ms / 1000, 'peak MB': baseImp.peakMb, 'vs baseline': 1, target: '' },
          { case: 'undo of that import (100k figures back, revisions recorded)', seconds: undone.ms / 1000, 'peak MB': undone.peakMb, 'vs baseline': undone.ms / baseImp.ms, target: '' },
          { case: 'redo of it', seconds: redone.ms / 1000, 'peak MB': redone.peakMb, 'vs baseline': redone.ms / baseImp.ms, target: '' },
        ]),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, dir] = process.argv.slice(2) as [Mode | undefined, string | undefined];
void (async () => {
  if (mode && dir) {
    const { ms, peakMb } = await measurePeak(() => child(mode, dir));
    process.stdout.write(`${JSON.stringify({ ms, peakMb })}\n`);
  } else {
    await main();
  }
})().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exitCode = 1;
});
