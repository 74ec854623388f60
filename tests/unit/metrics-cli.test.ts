/**
 * The metric catalog on the command line (issue 12), run as a child process on a real data file:
 * `metrics` lists the catalog with a metric an analyst added, `list --metric` takes any catalog id
 * and names the figures from the catalog, and an unknown id is refused in both languages, exit 1.
 */
import { describe, expect, it } from 'vitest';
import { runCliProcess, tempDataFile } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { robotsFigure } from '../helpers/catalog';

describe('cluster-brief metrics / list --metric', () => {
  it('lists the catalog, and one metric of it with its figures in their own unit and city', async () => {
    const file = tempDataFile();
    const { db, call } = openWithHandlers(file);
    await call('saveMetric', { metric: { name: { zh: '专利授权量', en: 'Patents granted' }, kind: 'other', unitLabel: { zh: '件', en: 'patents' }, mayBeNegative: false, description: '' } });
    await call('saveFigure', { figure: robotsFigure({ metric: 'patents_granted', value: 1250, unit: 'metric_unit', cityCode: '440300' }) });
    db.close();

    const text = runCliProcess(['metrics', '--db', file]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('patents_granted\t专利授权量 / Patents granted\tother (件 / patents)\t+\t1');
    expect(text.stdout).toContain('output_value\t产值 / Output value\tmoney\t+\t20 builtin');
    const json = JSON.parse(runCliProcess(['metrics', '--json', '--db', file]).stdout) as { id: string; figureCount: number }[];
    expect(json.find((m) => m.id === 'patents_granted')?.figureCount).toBe(1);

    const one = runCliProcess(['list', '--metric', 'patents_granted', '--db', file]);
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('智能机器人 / Smart robots\t专利授权量（深圳市） 2024: 1250件');
    expect(one.stdout).not.toContain('产值');

    const unknown = runCliProcess(['list', '--metric', 'no_such_metric', '--db', file]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('指标“no_such_metric”不在指标目录中');
    expect(unknown.stderr).toContain('The metric "no_such_metric" is not in the metric catalog');
  });
});
