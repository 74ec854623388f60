/**
 * `cluster-brief check` (issue 12) as a script uses it: its exit status (1 while a finding is open,
 * 0 once all are dealt with or acknowledged, 2 on an error) and its --json shape; and as a person
 * reads it, in Chinese by default or in English.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChecksReport } from '../../shared/checks';
import { acknowledge } from '../../electron/services/checks/acknowledgements';
import { runChecks } from '../../electron/services/checks/run';
import { openDataFile } from '../../electron/services/db/open';
import { newChange } from '../../electron/services/db/revisions';
import { runCliProcess, tempDataFile } from '../helpers/files';

const CheckJson = ChecksReport.extend({ open: ChecksReport.shape.checks.element.shape.count });

describe('cluster-brief check', () => {
  it('exits 1 on the default dataset today (its 2023 figures are out of date), and 0 once every finding is acknowledged', () => {
    const file = tempDataFile();
    const db = openDataFile(file);
    const first = runCliProcess(['check', '--json', '--db', file]);
    expect(first.status, first.stderr).toBe(1);
    const report = CheckJson.parse(JSON.parse(first.stdout));
    expect(report.open).toBe(24);
    expect(report.checks.map((c) => [c.id, c.count]).filter(([, n]) => n !== 0)).toEqual([['stale', 24]]);
    expect(report.checks.find((c) => c.id === 'stale')!.open.items[0]).toMatchObject({ checkId: 'stale', period: '2023', acknowledged: null });

    const text = runCliProcess(['check', '--db', file]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('✗ 数据过旧: 24');
    expect(text.stdout).toContain('✓ 缺少来源: 0');
    expect(text.stdout).toContain('智能机器人 · 产值 · 2023');
    expect(text.stdout).toContain('共 24 条待处理的核查结果。');
    expect(runCliProcess(['check', '--lang', 'en', '--db', file]).stdout).toContain('✗ Out of date: 24');

    db.transaction(() => {
      const ctx = newChange('李分析');
      for (const f of runChecks(db, { limit: 1000 }).checks.flatMap((c) => c.open.items)) acknowledge(db, ctx, f.checkId, f.subject, '年鉴尚未发布');
    })();
    db.close();
    const clean = runCliProcess(['check', '--db', file]);
    expect(clean.status, clean.stdout).toBe(0);
    expect(clean.stdout).toContain('✓ 数据过旧: 0（已确认 24）');
    expect(clean.stdout).toContain('全部核查通过。');
    expect(CheckJson.parse(JSON.parse(runCliProcess(['check', '--json', '--db', file]).stdout)).checks.find((c) => c.id === 'stale')!.acknowledged.total).toBe(24);
  });

  it('exits 2 on a missing data file (creating nothing) and on a wrong option', () => {
    const file = tempDataFile();
    const missing = runCliProcess(['check', '--db', file]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('数据文件不存在');
    expect(missing.stdout).toBe('');
    expect(fs.existsSync(file)).toBe(false);
    openDataFile(file).close();
    expect(runCliProcess(['check', '--lang', 'fr', '--db', file]).status).toBe(2);
  });
});
