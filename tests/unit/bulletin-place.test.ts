/**
 * A refusal names a reference where the issue itself numbers it. For random 简报 bodies (headings,
 * paragraphs, tables, charts, quotations in any order; fast-check, seed printed; BULLETIN_PLACE_SEED
 * replays one) with a deleted figure referenced in one paragraph: the place the refusal before issuing
 * names (blockPlace, 第1节第2段) is the place the issue's own composition finds it at. "第 2 段"
 * counted every block before it, headings and tables included, and sent the analyst to the wrong one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeBulletin } from '../../electron/services/briefing/bulletin';
import { liveResolver } from '../../electron/services/briefing/bulletin-figures';
import { blockPlace, type BulletinBlock } from '../../shared/bulletin';
import { type AppError, describeError } from '../../shared/errors';
import { draftContent, openBulletinApp, seededFigure } from '../helpers/bulletins';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('BULLETIN_PLACE_SEED', 20261203);

describe('where a refusal says a reference is', () => {
  it(`is where the issue numbers it, whatever comes before it (seed ${SEED})`, async () => {
    const { api, db } = openBulletinApp();
    const growth = seededFigure(db, { scope: 'emerging_clusters', metric: 'added_value_growth' });
    const share = seededFigure(db, { scope: 'strategic_clusters', metric: 'gdp_share' });
    const base = draftContent(db, '位置', [growth]);
    const withRef = base.blocks[1]!;
    const live = draftContent(db, '位置', [share]).blocks[1]!;
    await api('deleteItem', { targetType: 'figure', targetId: String(growth) });
    const other = fc.constantFrom<BulletinBlock>(
      { type: 'heading', level: 1, text: '一、情况' },
      { type: 'heading', level: 2, text: '（一）细节' },
      live,
      { type: 'quote', sourceId: 1, text: '引文' },
      { type: 'chart', chart: { kind: 'tiers' }, caption: '' },
      { type: 'table', caption: '表', figureIds: [share], accepted: [(live as Extract<BulletinBlock, { type: 'paragraph' }>).content.flatMap((i) => (i.type === 'figure' ? [i.accepted] : []))[0]!] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(other, { maxLength: 8 }), fc.array(other, { maxLength: 3 }), async (before, after) => {
        const content = { ...base, blocks: [...before, withRef, ...after] };
        const draft = await api('createBulletinDraft', { content });
        const refused = await api('issueBulletin', { id: draft.id }).then(
          () => null,
          (e: unknown) => e as AppError,
        );
        expect(refused?.code).toBe('BULLETIN_BROKEN_REFERENCE');
        const composed = (() => {
          try {
            composeBulletin(content, liveResolver(db), { number: null, date: '2026-12-03' });
            return null;
          } catch (e) {
            return e as AppError;
          }
        })();
        expect(composed?.details).toMatchObject({ block: 'paragraph' });
        const place = { section: composed!.details!.section, index: composed!.details!.index, kind: 'paragraph' };
        expect(blockPlace(content.blocks, before.length)).toEqual(place);
        expect(refused!.details).toMatchObject(place);
        // Both say it in the same words.
        const words = describeError(composed!, 'zh-CN').match(/^无法生成简报：(.*?)引用的/)![1]!;
        expect(describeError(refused!, 'zh-CN')).toContain(`简报${words}引用的数据`);
      }),
      { seed: SEED, numRuns: 25 },
    );
    db.close();
  }, 120_000);
});
