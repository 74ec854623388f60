/**
 * The metric catalog (issue 12) on real data files: a file of every earlier schema version keeps
 * its figures, revisions and undo stack through the catalog migration (undo/redo still work);
 * analysts add, edit and delete metrics as undoable actions; a metric in use is never deleted; a
 * figure must fit its metric (catalog id, unit of its kind, sign) and name a real city; an 'other'
 * metric's figures print its own unit label. Every refusal is typed and changes nothing.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/services/db/migrations';
import { applyMigrations, registerFunctions } from '../../electron/services/db/open';
import { DEFAULT_DATASET, seedIfNew } from '../../electron/services/db/seed';
import { UNITS, type Unit } from '../../shared/domain';
import { formatFigure } from '../../shared/format';
import { METRIC_KINDS, UNITS_OF_KIND, type MetricEntry, type MetricInput, type MetricSnapshot } from '../../shared/metrics';
import type { UndoResult } from '../../shared/workbench';
import { fullDump, tempDataFile } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { robotsFigure } from '../helpers/catalog';

type Refusal = { code: string; details?: Record<string, string | number | null> };
async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    return error as Refusal;
  }
  throw new Error('expected a refusal');
}

const PATENTS: MetricInput = { name: { zh: '专利授权量', en: 'Patents granted' }, kind: 'other', unitLabel: { zh: '件', en: 'patents' }, mayBeNegative: false, description: '年度授权发明专利' };
const figure = robotsFigure;

/**
 * A file made by the app of schema `version`, with one edit made as that version made it: the
 * figure's row changed and a revision recorded (with the batch on the undo stack from version 2 on),
 * its snapshots in that version's shape (no cityCode).
 */
function fileAtVersionWithEdit(version: number): { file: string; figureId: number } {
  const file = tempDataFile();
  const db = new Database(file);
  registerFunctions(db);
  applyMigrations(db, file, MIGRATIONS.filter((m) => m.version <= version));
  seedIfNew(db, { ...DEFAULT_DATASET });
  const id = db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots' AND metric = 'output_value'`).pluck().get() as number;
  const snapshot = `json_object('id', id, 'scope', scope, 'entityId', entity_id, 'metric', metric, 'value', value, 'unit', unit, 'qualifier', qualifier,
    'period', period, 'sourceId', source_id, 'sourceQuote', source_quote, 'note', note, 'changedAt', changed_at, 'changedBy', changed_by, 'deletedAt', deleted_at)`;
  db.transaction(() => {
    const before = db.prepare(`SELECT ${snapshot} FROM figures WHERE id = ?`).pluck().get(id) as string;
    db.prepare(`UPDATE figures SET value = 123, changed_at = '2025-01-02T03:04:05.000Z', changed_by = '李分析' WHERE id = ?`).run(id);
    const after = db.prepare(`SELECT ${snapshot} FROM figures WHERE id = ?`).pluck().get(id) as string;
    db.prepare(
      `INSERT INTO revisions (batch_id, target_type, target_id, action, author, at, before_json, after_json)
       VALUES ('b-old', 'figure', ?, 'update', '李分析', '2025-01-02T03:04:05.000Z', ?, ?)`,
    ).run(String(id), before, after);
    if (version >= 2) db.prepare(`INSERT INTO batches (id, author, at) VALUES ('b-old', '李分析', '2025-01-02T03:04:05.000Z')`).run();
  })();
  db.close();
  return { file, figureId: id };
}

describe('a data file of every earlier schema version', () => {
  it.each(MIGRATIONS.filter((m) => m.version < 5).map((m) => m.version))('schema %i keeps every figure, revision and undo step through the catalog', async (version) => {
    const { file, figureId } = fileAtVersionWithEdit(version);
    const raw = new Database(file, { readonly: true });
    const figuresBefore = raw.prepare(`SELECT id, metric, value, unit, period FROM figures ORDER BY id`).all();
    const revisionsBefore = raw.prepare(`SELECT id, target_type, target_id, before_json, after_json FROM revisions ORDER BY id`).all();
    raw.close();

    const { db, call } = openWithHandlers(file);
    expect(db.prepare(`SELECT id, metric, value, unit, period FROM figures ORDER BY id`).all()).toEqual(figuresBefore);
    expect(db.prepare(`SELECT id, target_type, target_id, before_json, after_json FROM revisions ORDER BY id`).all()).toEqual(revisionsBefore);
    const catalog = (await call('listMetrics', {})) as MetricEntry[];
    const known = new Set(catalog.map((m) => m.id));
    expect(figuresBefore.every((f) => known.has((f as { metric: string }).metric))).toBe(true);

    // The old edit is still the newest change: undo takes it back, redo applies it again.
    const undone = (await call('undo', {})) as UndoResult;
    expect(undone.done).toBe(true);
    expect(db.prepare(`SELECT value, city_code FROM figures WHERE id = ?`).get(figureId)).toEqual({ value: 100, city_code: null });
    await call('redo', {});
    expect(db.prepare(`SELECT value FROM figures WHERE id = ?`).pluck().get(figureId)).toBe(123);
    const history = (await call('getHistory', { targetType: 'figure', targetId: String(figureId) })) as unknown[];
    expect(history.length).toBe(3);
    db.close();
  });
});

describe('the metric catalog', () => {
  it('adds a metric with its own unit, takes figures in it with a city, refuses deleting it while used, and undoes each step', async () => {
    const { db, call } = openWithHandlers(tempDataFile());
    const added = (await call('saveMetric', { metric: PATENTS })) as MetricSnapshot;
    expect(added).toMatchObject({ id: 'patents_granted', kind: 'other', builtin: false, unitLabel: { zh: '件', en: 'patents' } });
    const saved = (await call('saveFigure', { figure: figure({ metric: added.id, value: 1250, unit: 'metric_unit', cityCode: '440300' }) })) as { id: number; cityCode: string };
    expect(saved.cityCode).toBe('440300');
    expect(formatFigure({ value: 1250, unit: 'metric_unit', qualifier: 'about' }, 'zh-CN', added.unitLabel)).toBe('约1250件');
    expect(formatFigure({ value: 1250, unit: 'metric_unit', qualifier: 'exact' }, 'en', added.unitLabel)).toBe('1,250 patents');

    const listed = ((await call('listMetrics', {})) as MetricEntry[]).find((m) => m.id === added.id);
    expect(listed?.figureCount).toBe(1);

    const dump = fullDump(db);
    const inUse = await refusal(call('deleteMetric', { id: added.id }));
    expect(inUse).toMatchObject({ code: 'METRIC_IN_USE', details: { metric: added.id, count: 1 } });
    const kindChange = await refusal(call('saveMetric', { id: added.id, metric: { ...PATENTS, kind: 'count', unitLabel: null } }));
    expect(kindChange).toMatchObject({ code: 'METRIC_IN_USE', details: { change: 'kind' } });
    expect(await refusal(call('deleteMetric', { id: 'output_value' }))).toMatchObject({ code: 'METRIC_BUILTIN' });
    expect(fullDump(db)).toBe(dump);

    // Its name changes (one revision), the figure goes, then the metric can go; undo brings it back.
    await call('saveMetric', { id: added.id, metric: { ...PATENTS, name: { zh: '发明专利授权量', en: 'Invention patents granted' } } });
    await call('deleteItem', { targetType: 'figure', targetId: String(saved.id) });
    await call('deleteMetric', { id: added.id });
    expect(((await call('listMetrics', {})) as MetricEntry[]).some((m) => m.id === added.id)).toBe(false);
    const back = (await call('undo', {})) as UndoResult;
    expect(back.summary?.label.zh).toBe('指标“发明专利授权量”');
    expect(((await call('listMetrics', {})) as MetricEntry[]).find((m) => m.id === added.id)?.name.zh).toBe('发明专利授权量');
    await call('undo', {}); // the figure's deletion
    await call('undo', {}); // the rename
    expect((db.prepare(`SELECT name_zh FROM metrics WHERE id = ?`).pluck().get(added.id))).toBe('专利授权量');
    // Taking back the metric's creation while its figure lives is refused, saying why; nothing changes.
    const created = db.prepare(`SELECT batch_id FROM revisions WHERE target_type = 'metric' AND action = 'create'`).pluck().get() as string;
    const before = fullDump(db);
    expect(await refusal(call('undo', { batchId: created }))).toMatchObject({ code: 'METRIC_IN_USE', details: { count: 1 } });
    expect(fullDump(db)).toBe(before);
    await call('undo', {}); // the figure's creation
    await call('undo', {}); // the metric's creation: now unused, so it goes
    expect(db.prepare(`SELECT deleted_at IS NOT NULL FROM metrics WHERE id = ?`).pluck().get(added.id)).toBe(1);
    const history = (await call('getHistory', { targetType: 'metric', targetId: added.id })) as { action: string }[];
    expect(history.map((r) => r.action)).toContain('create');
    db.close();
  });

  it('refuses a figure whose metric is unknown or deleted, or whose city is not one of the 21, writing nothing', async () => {
    const { db, call } = openWithHandlers(tempDataFile());
    const dump = fullDump(db);
    expect(await refusal(call('saveFigure', { figure: figure({ metric: 'no_such_metric' }) }))).toMatchObject({ code: 'UNKNOWN_METRIC', details: { metric: 'no_such_metric' } });
    expect(await refusal(call('saveFigure', { figure: figure({ cityCode: '449900' }) }))).toMatchObject({ code: 'UNKNOWN_CITY', details: { city: '449900' } });
    expect(await refusal(call('saveFigure', { figure: figure({ unit: 'percent' }) }))).toMatchObject({ code: 'INVALID_INPUT', details: { where: 'unit', problem: 'unit_kind' } });
    expect(fullDump(db)).toBe(dump);
    const cities = (await call('listCities', {})) as { code: string; name: { zh: string } }[];
    expect(cities).toHaveLength(21);
    expect(cities[2]).toMatchObject({ code: '440300', name: { zh: '深圳市' } });
    db.close();
  });

  it('refuses to write back a recorded figure whose metric is no longer in the catalog, typed, with nothing written', async () => {
    const { db, call } = openWithHandlers(tempDataFile());
    const id = db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots' AND metric = 'output_value'`).pluck().get() as number;
    await call('saveFigure', { id, figure: figure({ value: 130, unit: '100m_yuan', qualifier: 'about', period: '2023' }) });
    db.prepare(`UPDATE revisions SET before_json = json_set(before_json, '$.metric', 'gone_metric') WHERE target_type = 'figure' AND target_id = ?`).run(String(id));
    const dump = fullDump(db);
    expect(await refusal(call('undo', {}))).toMatchObject({ code: 'UNKNOWN_METRIC', details: { metric: 'gone_metric' } });
    expect(fullDump(db)).toBe(dump);
    db.close();
  });

  it('accepts a figure exactly when its unit fits the metric kind and its sign the metric (any kind, unit, sign)', async () => {
    const { db, call } = openWithHandlers(tempDataFile());
    const ids = new Map<string, string>();
    for (const kind of METRIC_KINDS) {
      for (const negative of [false, true]) {
        const m = (await call('saveMetric', {
          metric: { name: { zh: `测试${kind}${negative ? '负' : ''}`, en: `Test ${kind}${negative ? ' signed' : ''}` }, kind, unitLabel: kind === 'other' ? { zh: '吨', en: 'tonnes' } : null, mayBeNegative: negative, description: '' },
        })) as MetricSnapshot;
        ids.set(`${kind}:${negative}`, m.id);
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METRIC_KINDS), fc.boolean(), fc.constantFrom<Unit>(...UNITS), fc.double({ min: -1e6, max: 1e6, noNaN: true }), async (kind, negative, unit, value) => {
        const count = db.prepare(`SELECT count(*) FROM figures`).pluck().get();
        const fits = UNITS_OF_KIND[kind].includes(unit) && (value >= 0 || negative);
        const result = call('saveFigure', { figure: figure({ metric: ids.get(`${kind}:${negative}`)!, unit, value }) });
        if (fits) await result;
        else expect((await refusal(result)).code).toBe('INVALID_INPUT');
        expect(db.prepare(`SELECT count(*) FROM figures`).pluck().get()).toBe(Number(count) + (fits ? 1 : 0));
      }),
      { numRuns: 60 },
    );
    db.close();
  });
});
