/**
 * What a briefing cannot fit or draw is said, never dropped unsaid (integrity review):
 * - a one-page brief of chosen industries names each one, drawn in its chart or named as having no
 *   output value (three future industries printed none of them, and no word of it);
 * - the one-page brief's headline boxes say how many province-level figures they leave out (a fifth
 *   figure pushed the seeded 9.2% out unsaid);
 * - a fact sheet prints the annotations on the province-level figures it prints (the full briefing did,
 *   the sheet did not).
 * Random choices of industries (fast-check, seed printed; LEFT_OUT_SEED replays one).
 */
import fc from 'fast-check';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeBriefing, printedTexts } from '../../electron/services/briefing/render';
import type { DB } from '../../electron/services/db/open';
import { walkBlocks, type BriefingDocument } from '../../shared/document';
import { tempDir } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { propertySeed } from '../helpers/seed';

const NOW = new Date('2026-11-28T09:00:00');
const SEED = propertySeed('LEFT_OUT_SEED', 20261203);
type Template = 'one-page' | 'full' | 'fact-sheet';
const request = (template: Template, lang: 'zh' | 'en' | 'bilingual', entityIds: string[] = []) => ({ template, lang, entityIds, title: '', subtitle: '', author: '分析员', marking: '' });

let db: DB;
let call: (channel: string, input: unknown) => Promise<unknown>;
beforeEach(() => {
  ({ db, call } = openWithHandlers(path.join(tempDir(), 'data.sqlite')));
});
afterEach(() => db.close());

const printed = (model: BriefingDocument): string => printedTexts(model).map((t) => t.text).join('\n');
const drawnNames = (model: BriefingDocument): string[] =>
  [...walkBlocks(model.blocks)].flatMap((b) => (b.type === 'chart' && b.spec.kind === 'output' ? b.spec.rows.flatMap((r) => [r.name.zh, r.name.en]) : []));

describe('a one-page brief of chosen industries', () => {
  it(`names every one: drawn in its chart, or said to have no output value (seed ${SEED})`, () => {
    const all = db.prepare(`SELECT id, name_zh AS zh, name_en AS en FROM entities WHERE deleted_at IS NULL ORDER BY sort_order`).all() as { id: string; zh: string; en: string }[];
    fc.assert(
      fc.property(fc.subarray(all, { minLength: 1, maxLength: 6 }), fc.constantFrom('zh' as const, 'en' as const, 'bilingual' as const), (chosen, lang) => {
        const model = composeBriefing(db, request('one-page', lang, chosen.map((e) => e.id)), NOW);
        const drawn = drawnNames(model);
        const text = printed(model);
        for (const e of chosen) {
          const names = lang === 'en' ? [e.en] : lang === 'zh' ? [e.zh] : [e.zh, e.en];
          for (const name of names) expect(drawn.includes(name) || text.includes(name), `${name} in ${lang}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 25 },
    );
  });
});

describe("the one-page brief's headline boxes", () => {
  it('say how many province-level figures they leave out', async () => {
    const before = composeBriefing(db, request('one-page', 'zh'), NOW);
    const boxes = (m: BriefingDocument): number => [...walkBlocks(m.blocks)].flatMap((b) => (b.type === 'figures' ? b.items : [])).length;
    const shown = boxes(before);
    expect(printed(before)).not.toContain('项全省数据，见完整简报');
    for (const value of [4.8, 3.1]) {
      await call('saveFigure', { figure: { scope: 'strategic_clusters', entityId: null, metric: 'added_value_growth', value, unit: 'percent', qualifier: 'exact', period: '2024', cityCode: null, sourceId: 1, sourceQuote: null, note: null } });
    }
    const total = (db.prepare(`SELECT COUNT(*) FROM figures WHERE scope != 'entity' AND city_code IS NULL AND deleted_at IS NULL`).pluck().get() as number);
    const after = composeBriefing(db, request('one-page', 'zh'), NOW);
    expect(boxes(after)).toBe(shown);
    expect(printed(after)).toContain(`另有${total - shown}项全省数据，见完整简报。`);
    expect(printed(composeBriefing(db, request('one-page', 'en'), NOW))).toContain(`${total - shown} more province-level figures appear in the full briefing.`);
  });
});

describe('a fact sheet', () => {
  it('prints the annotation marked for briefings on a province-level figure it prints', async () => {
    const figure = db.prepare(`SELECT id FROM figures WHERE scope = 'strategic_clusters' AND city_code IS NULL AND deleted_at IS NULL ORDER BY id LIMIT 1`).pluck().get() as number;
    await call('saveAnnotation', { annotation: { targetType: 'figure', targetId: String(figure), body: '全省集群增速的批注', tags: [], status: 'open', includeInBriefing: true } });
    for (const template of ['fact-sheet', 'full'] as const) {
      expect(printed(composeBriefing(db, request(template, 'zh', ['smart-robots']), NOW)), template).toContain('全省集群增速的批注');
    }
  });
});
