/**
 * The figures table's filters at scale (issue 12): on a data file with cities, 25 years of periods
 * and custom metrics (the bench's generator), each filter's page query and count use an index that
 * serves the filter — EXPLAIN QUERY PLAN shows no scan of the whole figures table.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILTERS, buildLargeFile } from '../../bench/workbench.bench';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { buildFigureQuery } from '../../electron/services/workbench/query';
import { FigureQuery } from '../../shared/workbench';
import { tempDir } from '../helpers/files';

let db: DB;
beforeAll(() => {
  const file = path.join(tempDir(), 'large.sqlite');
  buildLargeFile(file, 20_000);
  db = openDataFile(file);
}, 120_000);

const plan = (sql: string, params: Record<string, string | number>): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);

/** The WHERE of a partial index, as its CREATE statement says it. */
const partialWhere = (index: string): string => (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck().get(index) as string).replace(/^[^]*\bWHERE\b/i, '');
/** The one filter whose rows a partial index holds alone: province-level (scope other than entity) live figures. */
const FILTERED_ROWS_ONLY = /deleted_at IS NULL AND scope <> 'entity'/;

describe('the figures table filters', () => {
  it.each(FILTERS)('%s: the page and the count search figures by an index', (_name, input) => {
    const { idsSql, countSql, params } = buildFigureQuery(FigureQuery.parse(input));
    for (const sql of [idsSql, countSql]) {
      const steps = plan(sql, params);
      const figures = steps.filter((s) => /^(SCAN|SEARCH) f\b/.test(s));
      expect(figures, steps.join('\n')).not.toHaveLength(0);
      for (const step of figures) {
        // A search by the filtered column, or a walk of a partial index that holds only the filtered rows.
        const partial = /^SCAN f USING (?:COVERING )?INDEX (\w+)$/.exec(step)?.[1];
        if (partial) expect(partialWhere(partial), step).toMatch(FILTERED_ROWS_ONLY);
        else expect(step, steps.join('\n')).toMatch(/^SEARCH f USING (COVERING )?INDEX \w+ \(/);
      }
    }
  });
});
