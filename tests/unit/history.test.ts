/**
 * History and undo/redo read like a person's words (issue 13): sources by title, an entity's
 * history holding its figures' and annotations' edits, and "已撤销：修改 智能机器人 产值（2023）".
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/dispatch';
import { HISTORY_SQL } from '../../electron/services/db/history';
import { openDataFile, type DB } from '../../electron/services/db/open';
import { toFigure, type FigureRow } from '../../electron/services/db/rows';
import { createHandlers } from '../../electron/services/handlers';
import { folderHost } from '../../electron/services/host';
import { Jobs } from '../../electron/services/jobs';
import { describeChange, excerpt } from '../../shared/history';
import type { Revision, UndoResult } from '../../shared/workbench';
import { tempDataFile, tempDir } from '../helpers/files';

function open(): { db: DB; call: <T>(channel: string, input: unknown) => Promise<T> } {
  const file = tempDataFile();
  const db = openDataFile(file);
  const handlers = createHandlers({ db, dataFile: file, appName: 'Cluster Brief', appVersion: '0.0.0-test', host: folderHost(tempDir(), path.join), jobs: new Jobs() });
  const call = async <T,>(channel: string, input: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as T;
  };
  return { db, call };
}

function robotsOutput(db: DB): { id: number; figure: Record<string, unknown> } {
  const row = db.prepare(`SELECT * FROM figures WHERE entity_id = 'smart-robots' AND metric = 'output_value'`).get() as FigureRow;
  const { id, changedAt: _a, changedBy: _b, ...figure } = toFigure(row);
  return { id, figure };
}

const yearbook = { title: '广东统计年鉴 2025', publisher: '广东省统计局', author: null, publishedOn: '2025-03-01', url: null, excerpt: null };

describe('an entity’s history', () => {
  it('holds the edits of its figures and of the annotations on them, newest first', async () => {
    const { db, call } = open();
    const { id, figure } = robotsOutput(db);
    expect(await call<Revision[]>('getHistory', { targetType: 'entity', targetId: 'smart-robots' })).toEqual([]);

    await call('saveFigure', { id, figure: { ...figure, value: 120 }, newSource: yearbook });
    await call('saveAnnotation', { annotation: { targetType: 'figure', targetId: String(id), body: '与统计局年报核对', tags: [], status: 'open', includeInBriefing: true } });

    const history = await call<Revision[]>('getHistory', { targetType: 'entity', targetId: 'smart-robots' });
    expect(history.map((r) => [r.targetType, r.action])).toEqual([
      ['annotation', 'create'],
      ['figure', 'update'],
    ]);
    // Another entity's history stays its own.
    expect(await call<Revision[]>('getHistory', { targetType: 'entity', targetId: 'new-energy' })).toEqual([]);
    // The figure's own history holds its annotation too.
    expect((await call<Revision[]>('getHistory', { targetType: 'figure', targetId: String(id) })).map((r) => r.targetType)).toEqual(['annotation', 'figure']);
  });

  it('names the sources a figure moved between by title and publisher, not by id', async () => {
    const { db, call } = open();
    const { id, figure } = robotsOutput(db);
    await call('saveFigure', { id, figure: { ...figure, value: 120 }, newSource: yearbook });
    const [edit] = await call<Revision[]>('getHistory', { targetType: 'figure', targetId: String(id) });
    const before = String(edit!.before!.sourceId);
    const after = String(edit!.after!.sourceId);
    expect(edit!.sourceNames).toEqual({
      [before]: 'Clusters of strategic and future industries mapped out for economic leadership · China Daily',
      [after]: '广东统计年鉴 2025 · 广东省统计局',
    });
  });

  it('names the industry a figure was created for by its names, not by its id', async () => {
    const { call } = open();
    const figure = { scope: 'entity', entityId: 'semiconductors-ic', metric: 'output_value', value: 98765432, unit: '10k_yuan', qualifier: 'about', period: '2022', cityCode: null, sourceId: null, sourceQuote: null, note: null };
    await call('saveFigure', { figure });
    const [created] = await call<Revision[]>('getHistory', { targetType: 'entity', targetId: 'semiconductors-ic' });
    expect(created!.action).toBe('create');
    expect(created!.entityNames).toEqual({ 'semiconductors-ic': { zh: '半导体与集成电路', en: 'Semiconductors and integrated circuits' } });
  });

  it('reads revisions through their target index, never scanning the whole change log', () => {
    const { db } = open();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${HISTORY_SQL}`).all({ type: 'entity', id: 'smart-robots' }) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toContain('SEARCH r USING INDEX revisions_by_target (target_type=? AND target_id=?)');
    expect(plan.filter((d) => /^SCAN (r|revisions)\b/.test(d))).toEqual([]);
  });
});

describe('undo and redo say what they took back', () => {
  it('names the figure, with the new source saved with it as one more change', async () => {
    const { db, call } = open();
    const { id, figure } = robotsOutput(db);
    await call('saveFigure', { id, figure: { ...figure, value: 120 }, newSource: yearbook });
    const undone = await call<UndoResult>('undo', {});
    expect(describeChange(undone.summary!, 'zh-CN')).toBe('修改 智能机器人 产值（2023）（连同另外 1 项修改）');
    expect(describeChange(undone.summary!, 'en')).toBe('edited Smart robots · Output value (2023) (and 1 more change)');
    const redone = await call<UndoResult>('redo', {});
    expect(redone.summary).toEqual(undone.summary);
  });

  it('names an annotation by its words, and an entity by its name', async () => {
    const { call } = open();
    await call('saveAnnotation', { annotation: { targetType: 'entity', targetId: 'smart-robots', body: '请在部长简报前与统计局年度公报核对这一数字', tags: [], status: 'open', includeInBriefing: false } });
    expect(describeChange((await call<UndoResult>('undo', {})).summary!, 'zh-CN')).toBe('新增 批注「请在部长简报前与统计局年度公报核对这一数…」');
    await call('deleteItem', { targetType: 'entity', targetId: 'smart-robots' });
    const summary = (await call<UndoResult>('undo', {})).summary!;
    expect(describeChange({ ...summary, more: 0 }, 'en')).toBe('deleted Smart robots');
    expect(summary.more).toBeGreaterThan(0);
  });

  it('has no summary when there is nothing to undo', async () => {
    const { call } = open();
    expect((await call<UndoResult>('undo', {})).summary).toBeUndefined();
  });
});

describe('excerpt', () => {
  it('never cuts inside a character and says when it cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60, size: 'max' }), fc.integer({ min: 1, max: 40 }), (text, max) => {
        const cut = excerpt(text, max);
        // No lone surrogate: the cut never falls inside a character.
        expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        const whole = [...text.replace(/\s+/g, ' ').trim()];
        expect(cut.endsWith('…')).toBe(whole.length > max);
        expect([...cut.replace(/…$/, '')].length).toBeLessThanOrEqual(max);
      }),
      { verbose: true },
    );
  });
});
