/**
 * 接受 on a draft's updated reference: the new value replaces the accepted one everywhere the figure
 * is referenced (sentence and table), and the reference keeps what it names ("智能机器人 · 产值"), so
 * the editor and a table row still say which figure it is. Real data file, through the channels.
 */
import { describe, expect, it } from 'vitest';
import type { FigureSnapshotRef } from '../../shared/bulletin';
import { draftContent, figureRef, openBulletinApp, seededFigure } from '../helpers/bulletins';

const LABEL = { zh: '智能机器人 · 产值', en: 'Smart robots · Output value' };

describe('accepting an updated reference', () => {
  it('takes the new value in the sentence and the table, and keeps the label the editor gave it', async () => {
    const { api, db } = openBulletinApp();
    const robots = seededFigure(db, { entityId: 'smart-robots', metric: 'output_value' });
    const { accepted } = figureRef(db, robots) as { accepted: FigureSnapshotRef };
    const labelled: FigureSnapshotRef = { ...accepted, label: LABEL };
    const content = draftContent(db, '机器人产业', []);
    content.blocks = [
      { type: 'paragraph', content: [{ type: 'text', text: '产值' }, { type: 'figure', figureId: robots, accepted: labelled }] },
      { type: 'table', caption: '产值', figureIds: [robots], accepted: [labelled] },
    ];
    const draft = await api('createBulletinDraft', { content });

    const { scope, entityId, metric, unit, period, sourceId, sourceQuote, note } = await api('getFigure', { id: robots });
    await api('saveFigure', { id: robots, figure: { scope, entityId, metric, unit, period, sourceId, sourceQuote, note, value: 123, qualifier: 'exact' } });
    expect((await api('bulletinReferences', { id: draft.id })).changed).toHaveLength(2);

    const after = await api('acceptBulletinReference', { id: draft.id, figureId: robots });
    expect((await api('bulletinReferences', { id: draft.id })).changed).toEqual([]);
    const [paragraph, table] = after.content.blocks;
    expect(paragraph?.type === 'paragraph' && paragraph.content[1]).toMatchObject({ type: 'figure', accepted: { value: 123, qualifier: 'exact', label: LABEL } });
    expect(table?.type === 'table' && table.accepted[0]).toMatchObject({ value: 123, qualifier: 'exact', label: LABEL });
    db.close();
  });
});
