/**
 * `cluster-brief import table` as a script runs it: a mapping saved in the wizard (by name) or a JSON
 * file, --dry-run printing the preview's counts and writing nothing, a refusal printing the cell in
 * both languages with exit code 1, then the real import and its re-run that changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataFile } from '../../electron/services/db/open';
import { saveTableMapping } from '../../electron/services/tables/mappings';
import { fullDump, openTemp, runCliProcess, tempDir } from '../helpers/files';
import { wideMapping, writeCsv } from '../helpers/tables';

describe('cluster-brief import table', () => {
  it('previews with --dry-run, refuses a bad cell with exit 1, imports through a saved mapping, and a re-run changes nothing', () => {
    const { db, file } = openTemp();
    saveTableMapping(db, '年鉴产值', wideMapping('产业', { metric: 'output_value', unit: '100m_yuan' }));
    db.close();
    const csv = writeCsv([['产业', '2022年', '2023年'], ['智能机器人', 95, 120], ['新能源', '—', 5600]], 'gbk', 'yearbook.csv');
    const before = fullDump(openDataFile(file, { mustExist: true }));

    const dry = runCliProcess(['import', 'table', csv, '--mapping', '年鉴产值', '--dry-run', '--db', file]);
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toBe(
      [
        `table: ${csv} (yearbook)`,
        'added 1, changed 2, unchanged 0, skipped 1, refused 0',
        'periods: B 2022年 → 2022; C 2023年 → 2023',
        '+ B2: smart-robots output_value 2022: 95亿元',
        '~ C2: smart-robots output_value 2023: 超过100亿元 → 120亿元',
        '~ C3: new-energy output_value 2023: 超过5000亿元 → 5600亿元',
        '',
      ].join('\n'),
    );
    expect(fullDump(openDataFile(file, { mustExist: true }))).toBe(before);

    // A JSON mapping file; a cell that is not a number is refused, naming it, and nothing is written.
    const bad = writeCsv([['产业', '2023'], ['智能机器人', '12O']], 'utf-8');
    const json = path.join(tempDir(), 'mapping.json');
    fs.writeFileSync(json, JSON.stringify({ mapping: wideMapping('产业', { metric: 'output_value', unit: '100m_yuan' }), source: { kind: 'existing', id: 1 } }));
    const refused = runCliProcess(['import', 'table', bad, '--mapping', json, '--db', file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('工作表“table”第 2 行 B 列（2023）：“12O”不是明确的数字');
    expect(refused.stderr).toContain('Sheet "table", row 2, column B (2023): "12O" is not an unambiguous number');
    expect(fullDump(openDataFile(file, { mustExist: true }))).toBe(before);

    // Writing needs a source.
    const unsourced = runCliProcess(['import', 'table', csv, '--mapping', '年鉴产值', '--db', file]);
    expect(unsourced.status).toBe(1);
    expect(unsourced.stderr).toContain('--source');

    const real = runCliProcess(['import', 'table', csv, '--mapping', '年鉴产值', '--source', '1', '--db', file]);
    expect(real.stderr).toBe('');
    expect(real.status).toBe(0);
    expect(real.stdout).toMatch(/applied \/ 已导入: added 1, changed 2\nsource: 1\nbatch: [0-9a-f-]{36}\nbackup: .*before-table-import/);
    const again = runCliProcess(['import', 'table', csv, '--mapping', '年鉴产值', '--source', '1', '--db', file]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('added 0, changed 0, unchanged 3, skipped 1, refused 0');
    expect(again.stdout).toContain('nothing to write / 没有需要写入的更改');

    const unknown = runCliProcess(['import', 'table', csv, '--mapping', '没有这个映射', '--db', file]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('没有名为“没有这个映射”的已保存映射。');
  }, 180_000);
});
