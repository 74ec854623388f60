/**
 * 简报 issues, as an analyst uses them: a draft written and edited (every edit a revision undo takes
 * back), its figure references watched against the data, issued (期号, frozen, read-only), corrected,
 * and found again in the archive. Real data files on disk, through the app's channels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BulletinContent } from '../../shared/bulletin';
import { describeError, type ErrorPayload } from '../../shared/errors';
import { EXAMPLE_TITLE } from '../../electron/services/bulletins/example';
import { exportable } from '../../electron/services/bulletins/exportable';
import { bulletinModel } from '../../electron/services/bulletins/export';
import { printedTexts } from '../../electron/services/briefing/render';
import { walkBlocks } from '../../shared/document';
import { draftContent, openBulletinApp, seededFigure } from '../helpers/bulletins';

const refusal = async (work: Promise<unknown>): Promise<ErrorPayload> => {
  try {
    await work;
  } catch (error) {
    return error as ErrorPayload;
  }
  throw new Error('expected a refusal');
};

const bulletinRows = (db: ReturnType<typeof openBulletinApp>['db']): string => JSON.stringify(db.prepare(`SELECT * FROM bulletins ORDER BY id`).all());

describe('the worked example shipped with the default dataset', () => {
  it('is one issued issue marked 示例, 2024年第1期, written from the seeded article and frozen', async () => {
    const { api, db } = openBulletinApp();
    const { years, items } = await api('listIssuedBulletins', {});
    expect(years).toEqual([2024]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: EXAMPLE_TITLE, issue: { year: 2024, number: 1, supplement: false } });
    expect(items[0]!.title).toContain('示例');
    const example = await api('getBulletin', { id: items[0]!.id });
    const frozen = example.frozen!.figures.map((f) => `${f.scope}:${f.metric}:${f.qualifier}:${f.value}`);
    expect(frozen).toEqual(expect.arrayContaining(['strategic_clusters:added_value_growth:exact:5.2', 'strategic_clusters:gdp_share:exact:40', 'emerging_clusters:revenue:nearly:30000']));
    expect(example.frozen!.sources.map((s) => s.publisher)).toEqual(['China Daily']);
    // Every figure it cites is the seeded article's: none comes from elsewhere.
    const article = db.prepare(`SELECT id FROM sources WHERE publisher = 'China Daily'`).pluck().get();
    expect(new Set(example.frozen!.figures.map((f) => f.sourceId))).toEqual(new Set([article]));
    expect(await api('bulletinReferences', { id: example.id })).toEqual({ kind: 'issued', changed: [], broken: [] });
    // Its tier chart is frozen with the 20 clusters as they were.
    expect(example.frozen!.charts).toEqual([expect.objectContaining({ block: 5 })]);
    expect(example.frozen!.charts[0]!.entities).toHaveLength(20);
    expect(example.frozen!.charts[0]!.entities.find((e) => e.id === 'smart-robots')).toEqual({ id: 'smart-robots', name: { zh: '智能机器人', en: 'Smart robots' }, tier: 'over_10b', category: 'emerging' });
    db.close();
  });
});

describe('a draft', () => {
  it('refuses content the schema does not allow, naming where, and writes nothing', async () => {
    const { api, db } = openBulletinApp();
    const good = draftContent(db, '三季度集群运行情况', [seededFigure(db, { scope: 'strategic_clusters', metric: 'added_value_growth' })]);
    const before = bulletinRows(db);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<[string, (c: BulletinContent) => unknown]>(
          ['empty title', (c) => ({ ...c, title: '' })],
          ['unknown block', (c) => ({ ...c, blocks: [...c.blocks, { type: 'video', src: 'x' }] })],
          ['heading level 3', (c) => ({ ...c, blocks: [{ type: 'heading', level: 3, text: '三级' }] })],
          ['figure value not a number', (c) => ({ ...c, blocks: [{ type: 'paragraph', content: [{ type: 'figure', figureId: 1, accepted: { value: 'many' } }] }] })],
          ['wrong format', (c) => ({ ...c, format: 'docx' })],
          ['negative copies', (c) => ({ ...c, frame: { ...c.frame, copies: -1 } })],
          ['table without its values', (c) => ({ ...c, blocks: [{ type: 'table', caption: '表', figureIds: [1, 2], accepted: [] }] })],
        ),
        fc.string({ maxLength: 20, size: 'max' }),
        async ([, spoil], noise) => {
          const bad = spoil({ ...good, editorNote: noise });
          const error = await refusal(api('createBulletinDraft', { content: bad as BulletinContent }));
          expect(error.code).toBe('INVALID_INPUT');
          expect(describeError(error, 'zh-CN')).not.toBe('');
          expect(bulletinRows(db)).toBe(before);
        },
      ),
      { numRuns: 30, verbose: true },
    );
    db.close();
  });

  it('refuses a body of more than 2000 blocks in words that say what is over the limit (no path of the call)', async () => {
    const { api, db } = openBulletinApp();
    const good = draftContent(db, '超长的简报', []);
    const before = bulletinRows(db);
    const blocks = Array.from({ length: 2001 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `第${i + 1}段。` }] }));
    const error = await refusal(api('createBulletinDraft', { content: { ...good, blocks } as BulletinContent }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(describeError(error, 'zh-CN')).toBe('输入无效：“正文（段落、标题、表格、图表）”超过 2000 项的上限。');
    expect(describeError(error, 'en')).toBe('Invalid input: the body (paragraphs, headings, tables, charts) has more than 2000 items.');
    expect(bulletinRows(db)).toBe(before);
    db.close();
  });

  it('refuses a stored row whose content was damaged with a typed error; the other issues still list', async () => {
    const { api, db } = openBulletinApp();
    const draft = await api('createBulletinDraft', { content: draftContent(db, '草稿', []) });
    db.prepare(`UPDATE bulletins SET content = json_object('format', 'something else') WHERE id = ?`).run(draft.id);
    const error = await refusal(api('getBulletin', { id: draft.id }));
    expect(error).toMatchObject({ code: 'BULLETIN_DAMAGED', details: { id: draft.id, where: 'content.format' } });
    expect(describeError(error, 'en')).toContain(`Bulletin ${draft.id}`);
    expect((await api('listBulletinDrafts', {})).map((d) => d.id)).toEqual([draft.id]);
    expect((await api('listIssuedBulletins', {})).items).toHaveLength(1);
    db.close();
  });

  it('records every edit as a revision; undo and redo take an edit back and apply it again', async () => {
    const { api, db } = openBulletinApp();
    const content = draftContent(db, '三季度集群运行情况', []);
    const draft = await api('createBulletinDraft', { content });
    await api('updateBulletinDraft', { id: draft.id, content: { ...content, title: '三季度集群运行情况（修改稿）' } });
    const history = await api('getHistory', { targetType: 'bulletin', targetId: String(draft.id) });
    expect(history.map((r) => r.action)).toEqual(['update', 'create']);
    expect(history[0]!.after).toMatchObject({ title: '三季度集群运行情况（修改稿）' });

    const undone = await api('undo', {});
    expect(undone.summary?.label.zh).toContain('简报《三季度集群运行情况');
    expect((await api('getBulletin', { id: draft.id })).content.title).toBe('三季度集群运行情况');
    await api('redo', {});
    expect((await api('getBulletin', { id: draft.id })).content.title).toBe('三季度集群运行情况（修改稿）');
    // Undoing the creation puts the draft in the trash (a soft delete), redo brings it back.
    await api('undo', {});
    await api('undo', {});
    expect((await api('listBulletinDrafts', {})).map((d) => d.id)).toEqual([]);
    expect((await api('listDeleted', {})).filter((d) => d.targetType === 'bulletin').map((d) => d.label.zh)).toEqual(['三季度集群运行情况']);
    await api('redo', {});
    expect((await api('listBulletinDrafts', {})).map((d) => d.id)).toEqual([draft.id]);
    db.close();
  });
});

describe('live references', () => {
  it('mark a changed figure on a draft (数据已更新) until accepted, and never touch an issued issue', async () => {
    const { api, db } = openBulletinApp();
    const robots = seededFigure(db, { entityId: 'smart-robots', metric: 'output_value' });
    const issued = await api('createBulletinDraft', { content: draftContent(db, '机器人产业', [robots]) });
    await api('issueBulletin', { id: issued.id });
    const draft = await api('createBulletinDraft', { content: draftContent(db, '机器人产业（续）', [robots]) });
    const issuedBefore = await api('getBulletin', { id: issued.id });

    const { scope, entityId, metric, unit, period, sourceId, sourceQuote, note } = await api('getFigure', { id: robots });
    await api('saveFigure', { id: robots, figure: { scope, entityId, metric, unit, period, sourceId, sourceQuote, note, value: 123, qualifier: 'exact' } });

    const report = await api('bulletinReferences', { id: draft.id });
    expect(report.broken).toEqual([]);
    expect(report.changed).toHaveLength(1);
    expect(report.changed[0]).toMatchObject({ figureId: robots, place: { block: 1, inline: 1 }, accepted: { value: 100, qualifier: 'over' }, current: { value: 123, qualifier: 'exact' } });
    // Issuing with an update not yet accepted is refused, naming the paragraph.
    const stale = await refusal(api('issueBulletin', { id: draft.id }));
    expect(stale).toMatchObject({ code: 'BULLETIN_STALE_REFERENCE', details: { block: 2, figureId: robots } });
    expect(describeError(stale, 'zh-CN')).toContain('简报第1节第1段引用的数据');

    expect(await api('bulletinReferences', { id: issued.id })).toEqual({ kind: 'issued', changed: [], broken: [] });
    expect(await api('getBulletin', { id: issued.id })).toEqual(issuedBefore);
    expect(issuedBefore.frozen!.figures[0]).toMatchObject({ figureId: robots, value: 100, qualifier: 'over', entityName: { zh: '智能机器人' } });

    await api('acceptBulletinReference', { id: draft.id, figureId: robots });
    expect((await api('bulletinReferences', { id: draft.id })).changed).toEqual([]);
    // Accepting is an edit like any other: undo brings the marker back.
    await api('undo', {});
    expect((await api('bulletinReferences', { id: draft.id })).changed).toHaveLength(1);
    db.close();
  });

  it('report a deleted figure as broken, and issuing refuses naming the paragraph', async () => {
    const { api, db } = openBulletinApp();
    const growth = seededFigure(db, { scope: 'emerging_clusters', metric: 'added_value_growth' });
    const draft = await api('createBulletinDraft', { content: draftContent(db, '新兴产业', [growth]) });
    await api('deleteItem', { targetType: 'figure', targetId: String(growth) });
    const report = await api('bulletinReferences', { id: draft.id });
    expect(report.broken).toEqual([expect.objectContaining({ figureId: growth, place: { block: 1, inline: 1, cell: null } })]);
    const before = bulletinRows(db);
    const error = await refusal(api('issueBulletin', { id: draft.id }));
    expect(error).toMatchObject({ code: 'BULLETIN_BROKEN_REFERENCE', details: { block: 2, figureId: growth } });
    expect(describeError(error, 'en')).toContain('referenced in section 1, paragraph 1');
    expect(bulletinRows(db)).toBe(before);
    db.close();
  });
});

describe('issuing (签发)', () => {
  it('refuses an issue it could not print (a chart of an industry deleted since), naming the chart, and issues once it is fixed', async () => {
    // It was issued and numbered, then refused at every export and 预览: "…请在该处删除或替换这一引用后再导出", on an
    // issue that can no longer be changed (trust review).
    const { api, db } = openBulletinApp();
    const content = draftContent(db, '图表', []);
    const chart = { type: 'chart' as const, chart: { kind: 'compare' as const, metric: 'output_value', entityIds: ['smart-robots', 'precision-instruments'] }, caption: '图1 比较' };
    const draft = await api('createBulletinDraft', { content: { ...content, blocks: [...content.blocks, chart] } });
    await api('deleteItem', { targetType: 'entity', targetId: 'precision-instruments' });
    const before = bulletinRows(db);
    const error = await refusal(api('issueBulletin', { id: draft.id }));
    expect(error).toMatchObject({ code: 'BULLETIN_BROKEN_REFERENCE', details: { section: 1, index: 1, block: 'chart', what: 'entity', id: 'precision-instruments' } });
    expect(describeError(error, 'zh-CN')).toContain('第1节第1幅图表引用的产业已不存在');
    expect(bulletinRows(db)).toBe(before);
    expect((await api('getBulletin', { id: draft.id })).kind).toBe('draft');
    // The industry back (undo), it issues, and the issue exports.
    await api('undo', {});
    const issued = await api('issueBulletin', { id: draft.id });
    expect(issued.kind).toBe('issued');
    expect(exportable(db, issued.id).data.charts[0]!.entities.map((e) => e.id)).toEqual(['smart-robots', 'precision-instruments']);

    // An issue frozen before 签发 checked this (its chart frozen without the deleted industry) still prints:
    // what was frozen, and a note that the rest is not drawn. It was refused at every export, for good.
    const frozen = JSON.parse(db.prepare(`SELECT frozen FROM bulletins WHERE id = ?`).pluck().get(issued.id) as string) as { charts: { entities: { id: string }[]; figures: { entityId: string | null }[] }[] };
    frozen.charts[0]!.entities = frozen.charts[0]!.entities.filter((e) => e.id !== 'precision-instruments');
    frozen.charts[0]!.figures = frozen.charts[0]!.figures.filter((f) => f.entityId !== 'precision-instruments');
    db.prepare(`UPDATE bulletins SET frozen = ? WHERE id = ?`).run(JSON.stringify(frozen), issued.id);
    const { model } = bulletinModel(db, issued.id);
    const chartRows = [...walkBlocks(model.blocks)].flatMap((b) => (b.type === 'chart' && b.spec.kind === 'compare' ? b.spec.rows.map((r) => r.name.zh) : []));
    expect(chartRows).toEqual(['智能机器人']);
    expect(printedTexts(model).map((t) => t.text)).toContain('注：本图所列产业中有的在签发前已被删除，未绘出。');
    // A draft in that state is still refused, while it can be fixed.
    await api('deleteItem', { targetType: 'entity', targetId: 'precision-instruments' });
    const again = await api('createBulletinDraft', { content: { ...content, blocks: [...content.blocks, chart] } });
    expect(await refusal(api('issueBulletin', { id: again.id }))).toMatchObject({ code: 'BULLETIN_BROKEN_REFERENCE' });
    db.close();
  });

  it('numbers issues per year in order, supplements apart, 总第M期 when asked', async () => {
    const { api, db } = openBulletinApp();
    const year = new Date().getFullYear();
    const issue = async (title: string, options: { supplement?: boolean; withTotal?: boolean } = {}) =>
      (await api('issueBulletin', { id: (await api('createBulletinDraft', { content: draftContent(db, title, []) })).id, ...options })).issue;
    expect(await issue('第一期')).toEqual({ year, number: 1, total: null, supplement: false });
    expect(await issue('增刊一', { supplement: true })).toEqual({ year, number: 1, total: null, supplement: true });
    expect(await issue('第二期', { withTotal: true })).toEqual({ year, number: 2, total: 1, supplement: false });
    expect(await issue('第三期', { withTotal: true })).toEqual({ year, number: 3, total: 2, supplement: false });
    // The example of 2024 does not count in this year's numbers.
    expect((await api('listIssuedBulletins', { year })).items.map((i) => i.title)).toEqual(['第三期', '第二期', '第一期', '增刊一']);
    db.close();
  });

  it('makes the issue read-only: edits, deletion and undo of its draft edits are refused or skipped', async () => {
    const { api, db } = openBulletinApp();
    const content = draftContent(db, '签发前', []);
    const draft = await api('createBulletinDraft', { content });
    await api('updateBulletinDraft', { id: draft.id, content: { ...content, title: '签发稿' } });
    const issued = await api('issueBulletin', { id: draft.id });
    const before = bulletinRows(db);

    expect(await refusal(api('updateBulletinDraft', { id: draft.id, content }))).toMatchObject({ code: 'BULLETIN_READ_ONLY' });
    expect(await refusal(api('deleteItem', { targetType: 'bulletin', targetId: String(draft.id) }))).toMatchObject({ code: 'BULLETIN_READ_ONLY' });
    expect(await refusal(api('issueBulletin', { id: draft.id }))).toMatchObject({ code: 'BULLETIN_READ_ONLY' });
    const revisions = await api('getHistory', { targetType: 'bulletin', targetId: String(draft.id) });
    const draftVersion = revisions.find((r) => r.action === 'create')!;
    expect(await refusal(api('restoreVersion', { revisionId: draftVersion.id }))).toMatchObject({ code: 'BULLETIN_READ_ONLY' });
    // Nothing left to undo: the draft's edits and the issuing left the undo stack.
    expect((await api('getUndoState', {})).canUndo).toBe(false);
    expect((await api('undo', {})).done).toBe(false);
    expect(bulletinRows(db)).toBe(before);
    expect(await api('getBulletin', { id: draft.id })).toEqual(issued);
    db.close();
  });

  it('a correction (更正) is a new draft pointing to the issue it corrects; a draft cannot be corrected', async () => {
    const { api, db } = openBulletinApp();
    const draft = await api('createBulletinDraft', { content: draftContent(db, '三季度运行情况', []) });
    expect(await refusal(api('correctBulletin', { id: draft.id }))).toMatchObject({ code: 'BULLETIN_NOT_ISSUED' });
    const issued = await api('issueBulletin', { id: draft.id });
    const correction = await api('correctBulletin', { id: issued.id });
    expect(correction).toMatchObject({ kind: 'draft', correctionOf: issued.id, title: '更正：三季度运行情况', issue: null });
    const next = await api('issueBulletin', { id: correction.id });
    expect(next.issue!.number).toBe(issued.issue!.number + 1);
    expect(next.correctionOf).toBe(issued.id);
    db.close();
  });
});

describe('the archive', () => {
  it('finds issued issues by their words in Chinese and in English, not drafts unless asked', async () => {
    const { api, db } = openBulletinApp();
    const zh = await api('createBulletinDraft', { content: draftContent(db, '新能源产业集群发展动态', [], '新能源产业集群保持较快增长') });
    await api('issueBulletin', { id: zh.id });
    const en = await api('createBulletinDraft', { content: draftContent(db, 'Semiconductor cluster update', [], 'Integrated circuits keep growing', 'en') });
    await api('issueBulletin', { id: en.id });
    const draft = await api('createBulletinDraft', { content: draftContent(db, '新能源草稿', []) });

    expect((await api('searchBulletins', { query: '新能源' })).map((i) => i.id)).toEqual([zh.id]);
    expect((await api('searchBulletins', { query: '较快增长' }))[0]?.snippet).toContain('较快增长');
    expect((await api('searchBulletins', { query: 'semiconductor' })).map((i) => i.id)).toEqual([en.id]);
    expect((await api('searchBulletins', { query: 'circuits' })).map((i) => i.id)).toEqual([en.id]);
    expect((await api('searchBulletins', { query: '新能源', issuedOnly: false })).map((i) => i.id).sort()).toEqual([zh.id, draft.id].sort());
    // The shipped example is found by its own words.
    expect((await api('searchBulletins', { query: '新引擎' })).map((i) => i.title)).toEqual([EXAMPLE_TITLE]);
    expect(await api('searchBulletins', { query: 'nothing-like-this' })).toEqual([]);
    db.close();
  });

  it('keeps the frame defaults a new issue starts from in the data file', async () => {
    const { api, db } = openBulletinApp();
    expect(await api('getBulletinFrameDefaults', {})).toMatchObject({ name: '广东省战略性产业集群工作简报', marking: '内部资料 注意保存' });
    const frame = { name: '产业集群工作简报', unit: '省工业和信息化厅', marking: '内部资料 注意保存', copyNumber: '', sendTo: ['省委办公厅', '省政府办公厅'], copyTo: ['各地级以上市工业和信息化局'], copies: 60 };
    await api('updateBulletinFrameDefaults', frame);
    expect(await api('getBulletinFrameDefaults', {})).toEqual(frame);
    expect((await refusal(api('updateBulletinFrameDefaults', { ...frame, name: '' }))).code).toBe('INVALID_INPUT');
    expect(await api('getBulletinFrameDefaults', {})).toEqual(frame);
    // A new issue starts from them.
    const blank = await api('newBulletinContent', { title: '四季度集群运行情况', lang: 'bilingual' });
    expect(blank).toMatchObject({ frame, title: '四季度集群运行情况', lang: 'bilingual', blocks: [] });
    expect((await api('createBulletinDraft', { content: blank })).content.frame.sendTo).toEqual(['省委办公厅', '省政府办公厅']);
    // A stored value that no longer fits (written by hand, or by a future version) gives the built-in defaults.
    db.prepare(`UPDATE settings SET value = '{"name": 42}' WHERE key = 'bulletin_frame'`).run();
    expect(await api('getBulletinFrameDefaults', {})).toMatchObject({ name: '广东省战略性产业集群工作简报', sendTo: [] });
    db.close();
  });

  it('keeps English issues’ frame defaults apart: an English issue starts with an English head (it started with the Chinese one)', async () => {
    const { api, db } = openBulletinApp();
    expect(await api('getBulletinFrameDefaults', { lang: 'en' })).toMatchObject({ name: 'Guangdong Strategic Industry Clusters Bulletin', marking: 'Internal' });
    expect((await api('newBulletinContent', { title: 'Q4', lang: 'en' })).frame.name).toBe('Guangdong Strategic Industry Clusters Bulletin');
    const english = { name: 'Cluster Bulletin', unit: 'Provincial Cluster Office', marking: 'Internal', copyNumber: '', sendTo: ['General Office'], copyTo: [], copies: 20 };
    await api('updateBulletinFrameDefaults', { ...english, lang: 'en' });
    expect(await api('getBulletinFrameDefaults', { lang: 'en' })).toEqual(english);
    // The Chinese defaults are untouched, and serve Chinese and bilingual issues.
    expect(await api('getBulletinFrameDefaults', {})).toMatchObject({ name: '广东省战略性产业集群工作简报', sendTo: [] });
    expect((await api('newBulletinContent', { title: 'Q4', lang: 'en' })).frame).toEqual(english);
    expect((await api('newBulletinContent', { title: '四季度', lang: 'bilingual' })).frame.name).toBe('广东省战略性产业集群工作简报');
    expect((await api('newBulletinContent', { title: '四季度', lang: 'zh' })).frame.name).toBe('广东省战略性产业集群工作简报');
    expect((await refusal(api('updateBulletinFrameDefaults', { ...english, lang: 'fr' } as never))).code).toBe('INVALID_INPUT');
    db.close();
  });
});

describe('what an export is given', () => {
  it('an issued issue: its frozen data, the same before and after the data changes; a draft with a deleted figure: refused naming the paragraph', async () => {
    const { api, db } = openBulletinApp();
    const robots = seededFigure(db, { entityId: 'smart-robots', metric: 'output_value' });
    const issued = await api('issueBulletin', { id: (await api('createBulletinDraft', { content: draftContent(db, '机器人', [robots]) })).id });
    const draft = await api('createBulletinDraft', { content: draftContent(db, '机器人（草稿）', [robots]) });
    const before = exportable(db, issued.id);
    expect(before.data.figures).toEqual([expect.objectContaining({ figureId: robots, value: 100, qualifier: 'over', unit: '100m_yuan' })]);
    expect(exportable(db, draft.id).data.figures[0]).toMatchObject({ value: 100 });

    await api('deleteItem', { targetType: 'figure', targetId: String(robots) });
    expect(exportable(db, issued.id)).toEqual(before);
    expect(() => exportable(db, draft.id)).toThrow(expect.objectContaining({ code: 'BULLETIN_BROKEN_REFERENCE', details: expect.objectContaining({ block: 2, figureId: robots }) }));
    db.close();
  });
});
