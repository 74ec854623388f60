/**
 * A 简报 chart names every industry the analyst chose: drawn, or said beneath it to have nothing the
 * chart can draw. A compare of smart robots, future networks, quantum technology and new energy drew
 * two bars and said nothing of the other two (integrity review). Random choices of industries, metrics
 * and chart kinds (fast-check, seed printed; CHART_CHOSEN_SEED replays one).
 */
import fc from 'fast-check';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeBulletin } from '../../electron/services/briefing/bulletin';
import { liveResolver } from '../../electron/services/briefing/bulletin-figures';
import { printedTexts } from '../../electron/services/briefing/render';
import type { DB } from '../../electron/services/db/open';
import type { BulletinContent } from '../../shared/bulletin';
import { walkBlocks } from '../../shared/document';
import { chartOnly } from '../helpers/bulletins';
import { tempDir } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('CHART_CHOSEN_SEED', 20261203);
let db: DB;
beforeEach(() => {
  ({ db } = openWithHandlers(path.join(tempDir(), 'data.sqlite')));
});
afterEach(() => db.close());

const content = (kind: 'trend' | 'compare', metric: string, entityIds: string[], lang: BulletinContent['lang']): BulletinContent => chartOnly({ kind, metric, entityIds }, lang);

describe('a 简报 chart of chosen industries', () => {
  it(`names every one: drawn, or said to have nothing to draw (seed ${SEED})`, () => {
    const all = db.prepare(`SELECT id, name_zh AS zh, name_en AS en FROM entities WHERE deleted_at IS NULL`).all() as { id: string; zh: string; en: string }[];
    fc.assert(
      fc.property(
        fc.subarray(all, { minLength: 2, maxLength: 5 }),
        fc.constantFrom('trend' as const, 'compare' as const),
        fc.constantFrom('output_value', 'revenue'),
        fc.constantFrom('zh' as const, 'en' as const, 'bilingual' as const),
        (chosen, kind, metric, lang) => {
          const model = composeBulletin(content(kind, metric, chosen.map((e) => e.id), lang), liveResolver(db), { number: null, date: '2026-12-03' });
          const drawn = [...walkBlocks(model.blocks)].flatMap((b) =>
            b.type !== 'chart' ? [] : b.spec.kind === 'trend' ? b.spec.series.map((s) => s.name.zh) : b.spec.kind === 'compare' ? b.spec.rows.map((r) => r.name.zh) : [],
          );
          const text = printedTexts(model).map((t) => t.text).join('\n');
          const anyDrawn = drawn.length > 0;
          for (const e of chosen) {
            const name = lang === 'en' ? e.en : e.zh;
            // Where nothing at all can be drawn the chart says so for all of them (所选产业暂无该指标的数据).
            if (anyDrawn) expect(drawn.includes(e.zh) || text.includes(name), `${e.zh} (${kind}, ${metric}, ${lang})`).toBe(true);
          }
          if (!anyDrawn) expect(text).toMatch(/所选产业暂无该指标的数据|The chosen industries have no figures/);
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });
});
