/**
 * The output chart (one bar per industry) as the briefings print it:
 * - a chart of one category keeps room for its legend, which was drawn over the first industry's name;
 * - the full briefing of many industries (up to 200) draws them in as many charts as it takes, each
 *   row at least as tall as its name needs: 80 rows were squeezed into one page's chart, their names and
 *   values printed over each other.
 * Property tests (fast-check, seed printed), checked on the chart option as the PDF and Word draw it.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartOptionFor } from '../../electron/services/briefing/chart-option';
import { CHART_FONT_SIZE, CHART_SCALE, CONTENT_WIDTH, chartMaxHeight } from '../../electron/services/briefing/pdf';
import { composeBriefing, renderBriefing } from '../../electron/services/briefing/render';
import { readBriefingData } from '../../electron/services/briefing/data';
import type { DB } from '../../electron/services/db/open';
import type { BriefingLang } from '../../shared/briefing';
import { outputLabelHeight, outputLegendRows } from '../../shared/charts/tiers';
import { LEGEND_PITCH } from '../../shared/charts/style';
import { walkBlocks, type Block, type BriefingDocument } from '../../shared/document';
import { outputStatement } from '../../shared/output';
import { overlappingWords } from '../helpers/briefing-check';
import { tempDir } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('CHART_SPLIT_SEED', 20261203);
const NOW = new Date('2026-12-03T09:00:00+08:00');
type Chart = Extract<Block, { type: 'chart' }>;
type Names = 'zh' | 'en' | 'both';

const namesOf = (lang: BriefingLang): Names => (lang === 'bilingual' ? 'both' : lang);
const outputCharts = (model: BriefingDocument): Chart[] => [...walkBlocks(model.blocks)].filter((b): b is Chart => b.type === 'chart' && b.spec.kind === 'output');
const request = (template: 'full' | 'one-page', lang: BriefingLang, entityIds: string[]) => ({ template, lang, entityIds, title: '', subtitle: '', author: '', marking: '' });

interface Grid {
  top: number;
  bottom: number;
}

/** The chart as the PDF draws it (chart-option.ts, at pdf.ts's size): each row's height in px, the room above the bars, the legend's entries. */
function drawn(chart: Chart, layout: BriefingDocument['layout']): { band: number; top: number; legend: number; max: unknown } {
  const names = namesOf(chart.lang);
  const option = chartOptionFor(chart.spec, names, CHART_FONT_SIZE, Math.round(CONTENT_WIDTH * CHART_SCALE)) as { grid: Grid; series: unknown[]; xAxis: { max?: unknown } };
  const height = Math.round(Math.min(chart.height, chartMaxHeight(layout)) * CHART_SCALE);
  const rows = chart.spec.kind === 'output' ? chart.spec.rows.length : 1;
  return { band: (height - option.grid.top - option.grid.bottom) / rows, top: option.grid.top, legend: option.series.length, max: option.xAxis.max };
}

describe('the output chart', () => {
  let db: DB;
  const extra = Array.from({ length: 200 }, (_, i) => `extra-${i}`);

  beforeAll(async () => {
    const opened = openWithHandlers(path.join(tempDir('cluster-brief-split-'), 'd.sqlite'));
    db = opened.db;
    for (const [i, id] of extra.entries()) {
      await opened.call('saveEntity', { mode: 'create', entity: { id, name: { zh: `测试集群${i}号`, en: `Test cluster ${i}` }, category: i % 3 === 0 ? 'pillar' : 'emerging', tier: (['over_1t', 'over_100b', 'over_10b'] as const)[i % 3], sortOrder: 1000 + i } });
    }
  }, 120_000);
  afterAll(() => db.close());

  it.each<BriefingLang>(['zh', 'en', 'bilingual'])('of one category keeps room above its bars for the legend that names it (%s), in the chart and in the height the brief gives it', async (lang) => {
    for (const ids of [['new-energy', 'smart-robots'], ['automobiles', 'green-petrochemicals', 'smart-home-appliances']]) {
      const model = composeBriefing(db, request('one-page', lang, ids), NOW);
      const [chart] = outputCharts(model);
      expect(chart, ids.join()).toBeDefined();
      const d = drawn(chart!, model.layout);
      expect(d.legend, ids.join()).toBe(1);
      expect(d.top, ids.join()).toBeGreaterThanOrEqual(outputLegendRows(1, namesOf(lang)) * LEGEND_PITCH + 10);
      // The brief's height for it keeps each row what its name needs (the legend's room taken from it, the rows were squeezed).
      expect(d.band, ids.join()).toBeGreaterThanOrEqual(outputLabelHeight(namesOf(lang), CHART_FONT_SIZE));
    }
    // Printed: the legend ("战略性支柱产业集群") is not over the first name.
    const { pdf } = await renderBriefing(db, request('one-page', lang, ['automobiles', 'green-petrochemicals', 'smart-home-appliances']), NOW);
    const file = path.join(tempDir('cluster-brief-one-category-'), `${lang}.pdf`);
    fs.writeFileSync(file, pdf);
    expect(overlappingWords(file)).toEqual([]);
  }, 60_000);

  it(`of the full briefing: every industry in exactly one chart, each chart within a page and each row as tall as its name needs, whatever the number of industries (1–200) and the language (seed ${SEED})`, () => {
    const all = readBriefingData(db, []).entities.map((e) => e.id);
    // Up to 200 industries (a request's most), of every category, with and without a figure or tier.
    const chosen = fc.integer({ min: 1, max: 200 }).chain((n) => fc.shuffledSubarray(all, { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(chosen, fc.constantFrom<BriefingLang>('zh', 'en', 'bilingual'), (ids, lang) => {
        const model = composeBriefing(db, request('full', lang, ids), NOW);
        const charts = outputCharts(model);
        const expected = readBriefingData(db, ids).entities.filter((e) => outputStatement(e) !== null).map((e) => e.name.zh);
        const charted = charts.flatMap((c) => (c.spec.kind === 'output' ? c.spec.rows.map((r) => r.name.zh) : []));
        expect(charted.toSorted()).toEqual(expected.toSorted());
        const scales = new Set<unknown>();
        for (const [i, chart] of charts.entries()) {
          expect(chart.height).toBeLessThanOrEqual(chartMaxHeight(model.layout));
          const d = drawn(chart, model.layout);
          // A row: its name's lines and a gap.
          expect(d.band).toBeGreaterThanOrEqual(outputLabelHeight(namesOf(lang), CHART_FONT_SIZE) + 4);
          const caption = chart.caption.flatMap((r) => (r.t === 'text' ? [r.text] : [])).join('') + (chart.second ?? []).flatMap((r) => (r.t === 'text' ? [r.text] : [])).join('');
          expect(/（续）|\(continued\)/.test(caption)).toBe(i > 0);
          scales.add(d.max);
        }
        // Charts of one set of rows share one scale.
        expect(scales.size).toBeLessThanOrEqual(1);
      }),
      { seed: SEED, numRuns: 40 },
    );
  }, 120_000);

  it('of the full briefing of every industry (some 230) prints no name or value over another, in both languages', async () => {
    const { pdf, model } = await renderBriefing(db, request('full', 'bilingual', []), NOW);
    const file = path.join(tempDir('cluster-brief-split-'), 'full-bilingual.pdf');
    fs.writeFileSync(file, pdf);
    expect(outputCharts(model).length).toBeGreaterThan(5);
    expect(overlappingWords(file)).toEqual([]);
  }, 120_000);
});
