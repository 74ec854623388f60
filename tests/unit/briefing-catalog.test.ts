/**
 * Briefings and the metric catalog (issue 12): a custom metric's figures print under the catalog's
 * name in the briefing's language, with the metric's own unit, in the full briefing and the fact
 * sheet; a built-in metric renamed in the catalog prints under its new name.
 */
import { describe, expect, it } from 'vitest';
import { composeBriefing, printedTexts } from '../../electron/services/briefing/render';
import type { BriefingRequest } from '../../shared/briefing';
import { tempDataFile } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { robotsFigure } from '../helpers/catalog';
import { draftContent, openBulletinApp } from '../helpers/bulletins';
import { currentRef } from '../../electron/services/bulletins/references';
import { bulletinModel } from '../../electron/services/bulletins/export';

const request = (template: BriefingRequest['template'], lang: BriefingRequest['lang']): BriefingRequest => ({ template, entityIds: ['smart-robots'], lang, title: '简报', subtitle: '', author: '', marking: '' });

describe('briefings name metrics from the catalog', () => {
  it.each([
    ['full', 'zh', ['专利授权量', '1250件', '营业收入（修订）']],
    ['fact-sheet', 'zh', ['专利授权量', '1250件']],
    ['fact-sheet', 'en', ['Patents granted', '1,250 patents']],
  ] as const)('%s (%s)', async (template, lang, expected) => {
    const { db, call } = openWithHandlers(tempDataFile());
    await call('saveMetric', { metric: { name: { zh: '专利授权量', en: 'Patents granted' }, kind: 'other', unitLabel: { zh: '件', en: 'patents' }, mayBeNegative: false, description: '' } });
    await call('saveFigure', { figure: robotsFigure({ metric: 'patents_granted', value: 1250, unit: 'metric_unit' }) });
    await call('saveMetric', { id: 'revenue', metric: { name: { zh: '营业收入（修订）', en: 'Revenue (revised)' }, kind: 'money', unitLabel: null, mayBeNegative: false, description: '' } });
    const texts = printedTexts(composeBriefing(db, request(template, lang))).map((t) => t.text).join('\n');
    for (const word of expected) expect(texts).toContain(word);
    expect(texts).not.toContain('patents_granted');
    db.close();
  });
});

describe('a 简报 names an analyst’s own metric by its catalog name', () => {
  it('in the row of a table of figures, in Chinese and English', async () => {
    const { db, api } = openBulletinApp();
    await api('saveMetric', { metric: { name: { zh: '研发经费支出', en: 'R&D spending' }, kind: 'money', unitLabel: null, mayBeNegative: false, description: '' } });
    await api('saveFigure', { figure: robotsFigure({ metric: 'r_d_spending', value: 42 }) });
    const id = db.prepare(`SELECT id FROM figures WHERE metric = 'r_d_spending'`).pluck().get() as number;
    const content = draftContent(db, '研发投入', [id]);
    content.blocks.push({ type: 'table', caption: '研发经费', figureIds: [id], accepted: [currentRef(db, id)!] });
    const draft = await api('createBulletinDraft', { content });
    const printed = (): string => printedTexts(bulletinModel(db, draft.id).model).map((t) => t.text).join('\n');
    expect(printed()).toContain('智能机器人 · 研发经费支出');
    await api('updateBulletinDraft', { id: draft.id, content: { ...content, lang: 'en' } });
    expect(printed()).toContain('Smart robots · R&D spending');
    expect(printed()).not.toContain('r_d_spending');
    db.close();
  });
});

describe('a 简报 prints an analyst’s own unit with the value', () => {
  it('in the sentence and the table, frozen with the issue when the catalog changes later', async () => {
    const { db, api } = openBulletinApp();
    const patents = { name: { zh: '专利授权量', en: 'Patents granted' }, kind: 'other' as const, unitLabel: { zh: '件', en: 'patents' }, mayBeNegative: false, description: '' };
    await api('saveMetric', { metric: patents });
    await api('saveFigure', { figure: robotsFigure({ metric: 'patents_granted', value: 1250, unit: 'metric_unit' }) });
    const id = db.prepare(`SELECT id FROM figures WHERE metric = 'patents_granted'`).pluck().get() as number;
    const content = draftContent(db, '专利', [id]);
    content.blocks.push({ type: 'table', caption: '专利', figureIds: [id], accepted: [currentRef(db, id)!] });
    const draft = await api('createBulletinDraft', { content });
    // Just inserted: nothing is marked as changed.
    expect(await api('bulletinReferences', { id: draft.id })).toMatchObject({ changed: [], broken: [] });
    const printed = (): string => printedTexts(bulletinModel(db, draft.id).model).map((t) => t.text).join('\n');
    expect(printed().match(/1250件/g)?.length).toBe(2);
    await api('updateBulletinDraft', { id: draft.id, content: { ...content, lang: 'en' } });
    expect(printed()).toContain('1,250 patents');

    await api('issueBulletin', { id: draft.id, supplement: false, withTotal: false });
    const before = printed();
    await api('saveMetric', { id: 'patents_granted', metric: { ...patents, unitLabel: { zh: '项', en: 'items' } } });
    expect(printed()).toBe(before);
    db.close();
  });
});
