/**
 * 插入数据 as the editor does it, over a real seeded data file through the app's channels: finding a
 * figure in Chinese or English (industry, metric, value as printed), the reference it inserts (the
 * figure's value now with its source), and that reference saved in a draft: read back unchanged, not
 * marked 数据已更新 when fresh, marked once the figure changes, cleared when accepted.
 */
import { describe, expect, it } from 'vitest';
import type { BulletinBlock, BulletinContent } from '../../shared/bulletin';
import { printedValue } from '../../shared/bulletin-ref';
import type { Client } from '../../shared/client';
import type { FigureListRow } from '../../shared/workbench';
import { blocksToDoc, docToBlocks } from '../../renderer/src/bulletin/editor/convert';
import { figureOptionText, looksLikeValue, metricsNamed, searchFigures, snapshotOfRow, valueMatches } from '../../renderer/src/bulletin/editor/figureSearch';

import { catalogOf } from '../../shared/metrics';
import { draftContent, openBulletinApp, seededFigure, type Api } from '../helpers/bulletins';

/** The page's client, as far as the search needs it, over the test's channels. */
const listFiguresOf = (api: Api): Pick<Client, 'listFigures'> => ({ listFigures: (input) => api('listFigures', input) });
const describeRow = (r: FigureListRow): string => `${r.entityName?.zh ?? r.scope} ${r.metric} ${r.period}`;

describe('finding a figure to reference', () => {
  it('by industry name in Chinese and in English, by metric name in either language, and by value as printed', async () => {
    const { api, db } = openBulletinApp();
    const search = (q: string, lang: 'zh-CN' | 'en' = 'zh-CN') => searchFigures(listFiguresOf(api), q, lang);
    const robots = seededFigure(db, { entityId: 'smart-robots', metric: 'output_value' });
    const revenue = seededFigure(db, { scope: 'emerging_clusters', metric: 'revenue' });

    expect((await search('智能机器人')).map((r) => r.id)).toContain(robots);
    // The industry's own figures come before figures whose source sentence only mentions it.
    expect((await search('smart robots', 'en'))[0]?.id).toBe(robots);
    expect((await search('智能机器人'))[0]?.id).toBe(robots);
    expect((await search('营业收入')).map((r) => r.id)).toContain(revenue);
    expect((await search('Revenue', 'en')).map((r) => r.id)).toContain(revenue);
    for (const q of ['3万亿', '近3万亿元', '3 trillion', 'nearly 3 trillion yuan']) {
      const found = await search(q);
      expect(found[0]?.id, `${q}: ${found.map(describeRow).join('; ')}`).toBe(revenue); // the value itself first, then text that mentions it
    }
    // A value alone finds the figures that read so, not every figure whose source sentence holds a 5 and a 2.
    for (const q of ['5.2', '5.2%', '40%']) {
      const found = await search(q);
      expect(found.length, q).toBeGreaterThan(0);
      expect(found.filter((r) => !valueMatches(r, q)).map(describeRow), q).toEqual([]);
    }
    expect(await search('火星基地')).toEqual([]);
    expect(await search('   ')).toEqual([]);
    db.close();
  });

  it('metric names match in both languages; a value matches ignoring spaces and thousands separators', () => {
    expect(metricsNamed('产值')).toContain('output_value');
    expect(metricsNamed('added value')).toEqual(expect.arrayContaining(['added_value', 'added_value_growth']));
    expect(metricsNamed('')).toEqual([]);
    expect(valueMatches({ value: 30000, unit: '100m_yuan', qualifier: 'nearly' }, '3 万亿')).toBe(true);
    expect(valueMatches({ value: 12000, unit: 'yuan', qualifier: 'exact' }, '12,000')).toBe(true);
    expect(valueMatches({ value: 9.2, unit: 'percent', qualifier: 'exact' }, '9.2%')).toBe(true);
    expect(valueMatches({ value: 9.2, unit: 'percent', qualifier: 'exact' }, '5.2%')).toBe(false);
    expect(valueMatches({ value: 9.2, unit: 'percent', qualifier: 'exact' }, '百分比')).toBe(false);
    for (const q of ['5.2', '9.2%', '近3万亿元', '3 万亿', 'over 500 billion yuan', '12,000']) expect(looksLikeValue(q), q).toBe(true);
    for (const q of ['智能机器人', '2023年产值', 'robots 2023', '第3期']) expect(looksLikeValue(q), q).toBe(false);
  });
});

describe('the reference 插入数据 makes, saved in a draft', () => {
  it('is the figure now with its source: read back unchanged, not marked when fresh, marked when the figure changes, clear once accepted', async () => {
    const { api, db } = openBulletinApp();
    const sources = new Map((await api('listSources', {})).map((s) => [s.id, s]));
    const [revenue] = await searchFigures(listFiguresOf(api), '近3万亿元', 'zh-CN');
    const [robots] = await searchFigures(listFiguresOf(api), 'smart robots', 'en');
    expect(revenue && robots).toBeTruthy();
    const accepted = snapshotOfRow(revenue!, sources);
    expect(printedValue(accepted, 'zh')).toBe('近3万亿元');
    expect(printedValue(accepted, 'en')).toBe('nearly 3 trillion yuan');
    expect(printedValue(accepted, 'bilingual')).toBe('近3万亿元');
    expect(accepted.source?.publisher).toBe('China Daily');
    expect(accepted.label?.zh).toBe('10 个战略性新兴产业集群 · 营业收入');

    // What the editor hands the page after the analyst typed a sentence around two references, a table and a heading.
    const written: BulletinBlock[] = docToBlocks(
      blocksToDoc([
        { type: 'heading', level: 1, text: '总体情况' },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '2023年，十大新兴产业集群营业收入' },
            { type: 'figure', figureId: revenue!.id, accepted },
            { type: 'text', text: '，其中智能机器人产值', bold: true },
            { type: 'figure', figureId: robots!.id, accepted: snapshotOfRow(robots!, sources) },
            { type: 'text', text: '。' },
          ],
        },
        { type: 'table', caption: '主要数据', figureIds: [robots!.id], accepted: [snapshotOfRow(robots!, sources)] },
      ]),
    );
    const content: BulletinContent = { ...draftContent(db, '新兴产业', []), blocks: written };
    const draft = await api('createBulletinDraft', { content });
    expect((await api('getBulletin', { id: draft.id })).content.blocks).toEqual(written);
    expect(await api('bulletinReferences', { id: draft.id })).toEqual({ kind: 'draft', changed: [], broken: [] });

    const figure = await api('getFigure', { id: robots!.id });
    const { scope, entityId, metric, unit, period, sourceId, sourceQuote, note } = figure;
    await api('saveFigure', { id: robots!.id, figure: { scope, entityId, metric, unit, period, sourceId, sourceQuote, note, value: 150, qualifier: 'exact' } });
    const report = await api('bulletinReferences', { id: draft.id });
    expect(report.changed.map((c) => [c.place, c.figureId, printedValue(c.current, 'zh')])).toEqual([
      [{ block: 1, inline: 3, cell: null }, robots!.id, '150亿元'],
      [{ block: 2, inline: null, cell: 0 }, robots!.id, '150亿元'],
    ]);
    const after = await api('acceptBulletinReference', { id: draft.id, figureId: robots!.id });
    expect(await api('bulletinReferences', { id: draft.id })).toEqual({ kind: 'draft', changed: [], broken: [] });
    // The accepted value keeps the reference's name, so the editor and the table still say what it is.
    const para = after.content.blocks[1] as Extract<BulletinBlock, { type: 'paragraph' }>;
    const tableAfter = after.content.blocks[2] as Extract<BulletinBlock, { type: 'table' }>;
    expect([para.content[3], tableAfter.accepted[0]]).toMatchObject([
      { type: 'figure', accepted: { value: 150, qualifier: 'exact', label: { zh: '智能机器人 · 产值' } } },
      { value: 150, label: { en: 'Smart robots · Output value' } },
    ]);
    db.close();
  });

  it('is marked when its figure moves to another industry, metric or city with the same value, and takes the new name once accepted', async () => {
    // A routine correction (产值 filed under the wrong cluster, or a city's part filed as the whole) left the sentence saying
    // 智能机器人产值 of what had become 区块链与量子信息's 营业收入 in 深圳市, unmarked, and issuing went ahead (trust review).
    const { api, db } = openBulletinApp();
    const sources = new Map((await api('listSources', {})).map((s) => [s.id, s]));
    const catalog = catalogOf(await api('listMetrics', {}), await api('listCities', {}));
    const [robots] = await searchFigures(listFiguresOf(api), 'smart robots', 'en');
    const content: BulletinContent = { ...draftContent(db, '新兴产业', []), blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '智能机器人产值' }, { type: 'figure', figureId: robots!.id, accepted: snapshotOfRow(robots!, sources, catalog) }] }] };
    const draft = await api('createBulletinDraft', { content });
    const figure = await api('getFigure', { id: robots!.id });
    const { scope, unit, period, sourceId, sourceQuote, note, value, qualifier } = figure;
    const moves = [
      { entityId: 'blockchain-quantum', metric: 'output_value', cityCode: null, zh: '区块链与量子信息 · 产值' },
      { entityId: 'blockchain-quantum', metric: 'revenue', cityCode: null, zh: '区块链与量子信息 · 营业收入' },
      { entityId: 'blockchain-quantum', metric: 'revenue', cityCode: '440300', zh: '区块链与量子信息 · 营业收入（深圳市）' },
    ];
    for (const move of moves) {
      await api('saveFigure', { id: robots!.id, figure: { scope, entityId: move.entityId, metric: move.metric, cityCode: move.cityCode, unit, period, sourceId, sourceQuote, note, value, qualifier } });
      const report = await api('bulletinReferences', { id: draft.id });
      expect(report.changed.map((c) => [c.figureId, c.current.label?.zh]), move.zh).toEqual([[robots!.id, move.zh]]);
      await expect(api('issueBulletin', { id: draft.id })).rejects.toMatchObject({ code: 'BULLETIN_STALE_REFERENCE' });
      const after = await api('acceptBulletinReference', { id: draft.id, figureId: robots!.id });
      expect((after.content.blocks[0] as Extract<BulletinBlock, { type: 'paragraph' }>).content[1]).toMatchObject({ accepted: { label: { zh: move.zh }, about: { entityId: move.entityId, metric: move.metric, cityCode: move.cityCode } } });
      expect(await api('bulletinReferences', { id: draft.id })).toEqual({ kind: 'draft', changed: [], broken: [] });
    }
    // A reference saved before it knew what it was about is compared by what it prints, as before.
    const { about: _about, ...old } = snapshotOfRow(robots!, sources, catalog);
    const legacy = await api('createBulletinDraft', { content: { ...content, blocks: [{ type: 'paragraph', content: [{ type: 'figure', figureId: robots!.id, accepted: old }] }] } });
    expect((await api('bulletinReferences', { id: legacy.id })).changed).toEqual([]);
    db.close();
  });

  it('names a city’s figure by its city, and keeps a long name within the label’s length', async () => {
    const { api, db } = openBulletinApp();
    const catalog = catalogOf(await api('listMetrics', {}), await api('listCities', {}));
    const [robots] = await searchFigures(listFiguresOf(api), 'smart robots', 'en');
    const inShenzhen = { ...robots!, cityCode: '440300' };
    expect(snapshotOfRow(inShenzhen, new Map(), catalog).label).toEqual({ zh: '智能机器人 · 产值（深圳市）', en: 'Smart robots · Output value (Shenzhen)' });
    expect(figureOptionText(inShenzhen, 'zh-CN', catalog)).toMatch(/^智能机器人 · 产值（深圳市） · 2023 · /);
    const long = { ...robots!, entityName: { zh: '长'.repeat(300), en: 'long '.repeat(60) } };
    const label = snapshotOfRow(long, new Map(), catalog).label!;
    expect([...label.zh].length).toBeLessThanOrEqual(300);
    expect(label.en.length).toBeLessThanOrEqual(300);
    expect(label.zh.endsWith('… · 产值')).toBe(true);
    // A draft holding it saves (a 258-character English name and its metric ran past the limit: INVALID_INPUT).
    const draft = await api('createBulletinDraft', { content: { ...draftContent(db, '长名称', []), blocks: [{ type: 'paragraph', content: [{ type: 'figure', figureId: robots!.id, accepted: snapshotOfRow(long, new Map(), catalog) }] }] } });
    expect(draft.id).toBeGreaterThan(0);
    db.close();
  });
});
