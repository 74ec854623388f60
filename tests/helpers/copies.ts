/**
 * Two copies of one data file, written two ways (set-based and row by row), and what both must
 * leave alike: figures with their stored types, the search index, revisions, batches, undo state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { AppError, type ErrorPayload } from '../../shared/errors';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { undoState } from '../../electron/services/db/undo';
import { listFigures } from '../../electron/services/workbench/query';
import { tempDataFile, tempDir } from './files';

export interface Copy {
  db: DB;
  file: string;
}

/** Two copies of one data file, after `prepare`: the same figures, revisions and search index, byte for byte. */
export function twoCopies(prepare: (db: DB) => void): [Copy, Copy] {
  const source = tempDataFile();
  const db = openDataFile(source);
  prepare(db);
  db.close();
  return [0, 1].map(() => {
    const file = path.join(tempDir(), 'data.sqlite');
    fs.copyFileSync(source, file);
    return { db: openDataFile(file, { mustExist: true }), file };
  }) as [Copy, Copy];
}

export const FIGURE_COLUMNS = ['id', 'scope', 'entity_id', 'metric', 'value', 'unit', 'qualifier', 'period', 'source_id', 'source_quote', 'note', 'city_code', 'changed_at', 'changed_by', 'deleted_at'];

/**
 * Everything the two ways of writing must leave alike. Batch and revision ids aside (batch ids are
 * random): a revision names its batch, and an undo or redo batch the batch it reverts, by position.
 */
export function stateOf(db: DB): Record<string, unknown> {
  const revisions = db
    .prepare(
      `SELECT (SELECT b.seq FROM batches b WHERE b.id = r.batch_id) AS batch, target_type, target_id, action, author, at, before_json, after_json
         FROM revisions r ORDER BY id`,
    )
    .all() as { before_json: string | null; after_json: string | null }[];
  return {
    figures: db.prepare(`SELECT * FROM figures ORDER BY id`).all(),
    // Stored types too: a REAL stays REAL, an id stays INTEGER, text stays TEXT.
    types: db.prepare(`SELECT ${FIGURE_COLUMNS.map((c) => `typeof(${c})`).join(', ')} FROM figures ORDER BY id`).raw().all(),
    search: db.prepare(`SELECT rowid, text FROM figures_fts ORDER BY rowid`).all(),
    revisions: revisions.map((r) => ({
      ...r,
      before_json: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
      after_json: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
    })),
    batches: db.prepare(`SELECT seq, author, at, kind, state, (SELECT r.seq FROM batches r WHERE r.id = b.reverts) AS reverts FROM batches b ORDER BY seq`).all(),
    undoState: undoState(db),
  };
}

/** The figures a search finds, as a person searching in the workbench would. */
export const searchIds = (db: DB, q: string): number[] => listFigures(db, { q, lang: 'en' }).rows.map((r) => r.id);

/** The search index agrees with its table, and the file is sound. */
export function checkSearchIndex(db: DB): void {
  db.prepare(`INSERT INTO figures_fts (figures_fts) VALUES ('integrity-check')`).run();
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

/** The error `fn` throws, as it would cross to the window. */
export function errorOf(fn: () => unknown): ErrorPayload {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).toPayload();
  }
  throw new Error('expected an error');
}

/** TEMP tables left behind on this connection. */
export const tempTables = (db: DB): unknown[] => db.prepare(`SELECT name FROM temp.sqlite_schema WHERE type = 'table'`).all();
