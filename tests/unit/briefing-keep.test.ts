/**
 * A report's pages break where a typesetter would break them. Read back from the PDF (each block
 * found by its opening text, in order): no table ends with one or two rows alone at the head of a page
 * when it has rows to spare, and no heading is left at a page's foot with less than two lines of its
 * section under it while the section goes on overleaf. For the full briefing of the default data, and
 * of random data files (long names, notes and annotations move every break), in every language.
 * KEEP_PROPERTY_SEED replays a seed; KEEP_PROPERTY_RUNS sets the number of data files.
 */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIEFING_LANGS, type BriefingRequest } from '../../shared/briefing';
import { CONTENT_WIDTH, KEEP_BODY_LINES, PAGE, TABLE_WIDOW_ROWS } from '../../electron/services/briefing/pdf';
import { measureText } from '../../electron/services/briefing/measure';
import { renderBriefing } from '../../electron/services/briefing/render';
import { keepForInspection, placeBlocks, strandedLines, thinSectionStarts, widowRows, type PlacedBlock, type Violation } from '../helpers/briefing-check';
import { openTemp, tempDir } from '../helpers/files';
import { ARTIFACTS, pdfWords } from '../helpers/pdf';
import { applyCase, briefingCase } from '../helpers/random-briefing-data';
import { propertySeed } from '../helpers/seed';
import type { DB } from '../../electron/services/db/open';
import type { BriefingDocument } from '../../shared/document';

const RUNS = Number(process.env.KEEP_PROPERTY_RUNS ?? 3);
const SEED = propertySeed('KEEP_PROPERTY_SEED', 20261201);
const NOW = new Date('2026-11-28T09:00:00');
/** Lines a paragraph of body text takes at the text block's width. */
const lines = (text: string): number => Math.max(1, Math.ceil(measureText(text, 9.5, false, 'sans') / CONTENT_WIDTH));

interface Checked {
  model: BriefingDocument;
  placed: PlacedBlock[];
  problems: Violation[];
  file: string;
  pdf: Buffer;
}

async function fullBriefing(db: DB, lang: BriefingRequest['lang'], extra: Partial<BriefingRequest> = {}): Promise<Checked> {
  const request: BriefingRequest = { template: 'full', lang, entityIds: [], title: '', subtitle: '', author: '', marking: '', ...extra };
  const { pdf, model } = await renderBriefing(db, request, NOW);
  const file = keepForInspection(pdf, `full-${lang}`, tempDir('cluster-brief-keep-'));
  const placed = placeBlocks(file, model, PAGE);
  return { model, placed, problems: [...widowRows(placed, TABLE_WIDOW_ROWS), ...thinSectionStarts(placed, KEEP_BODY_LINES, lines)], file, pdf };
}

describe('page breaks in reports', () => {
  it('the full briefing of the default data: every table and heading found, no widow rows, no heading left at a page foot', async () => {
    const { db } = openTemp();
    try {
      for (const lang of BRIEFING_LANGS) {
        const { placed, problems } = await fullBriefing(db, lang);
        expect(problems, lang).toEqual([]);
        // Not vacuous: every block found, and at least one table and one section go over a page.
        expect(placed.filter((p) => p.page === 0 && p.block.type !== 'rule' && p.block.type !== 'pageBreak' && p.block.type !== 'notes' && p.block.type !== 'annotation'), lang).toEqual([]);
        const broken = placed.filter((p) => p.rows && new Set(p.rows).size > 1);
        expect(broken.length, `${lang}: tables over two pages`).toBeGreaterThan(0);
      }
    } finally {
      db.close();
    }
  }, 120_000);

  it(`random data files: no widow rows, no heading left at a page foot (${RUNS} data files × 3 languages, seed ${SEED})`, async () => {
    let sample = 0;
    let tables = 0;
    let headings = 0;
    await fc.assert(
      fc.asyncProperty(briefingCase, async (c) => {
        sample++;
        const { db } = openTemp();
        try {
          applyCase(db, c);
          for (const lang of BRIEFING_LANGS) {
            const { placed, problems, pdf } = await fullBriefing(db, lang, c.request);
            tables += placed.filter((p) => p.rows && !p.rows.includes(0) && new Set(p.rows).size > 1).length;
            headings += placed.filter((p) => p.block.type === 'heading' && p.page > 0).length;
            if (problems.length) {
              const kept = keepForInspection(pdf, `seed-${SEED}-sample-${sample}-full-${lang}`, path.join(ARTIFACTS, 'keep'));
              throw new Error(`full/${lang} (${kept}):\n${problems.map((p) => `  ${p.what}: ${p.detail}`).join('\n')}`);
            }
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: 0 },
    );
    // The property looked at something: tables that went over a page, and headings found.
    expect(tables).toBeGreaterThan(0);
    expect(headings).toBeGreaterThan(RUNS * 3 * 5);
  }, 600_000);
});

describe('the annotations appendix', () => {
  it('one-line annotations before a long one never leave the appendix heading alone at a page foot, wherever the long one breaks (integrity seed 7781: the short one went over with the long one’s moved body)', async () => {
    const problems: string[] = [];
    let broken = 0;
    // The appendix starts a page: the long annotation's length moves where the page breaks in it.
    for (const shorts of [1, 2]) {
      for (const count of [24, 32, 38, 42, 46, 52, 60]) {
        const { db } = openTemp();
        try {
          const long = Array.from({ length: count }, (_, i) => `第${i + 1}行批注。`).join('\n');
          applyCase(db, {
            request: { title: '', subtitle: '', author: '', marking: '' },
            names: [],
            notes: [],
            quotes: [],
            source: null,
            annotations: [...Array.from({ length: shorts }, (_, i) => ({ target: i, onFigure: false, body: 'Abur', author: '审' })), { target: shorts, onFigure: false, body: long, author: '审' }],
            factSheetEntity: 0,
          });
          const { placed, problems: found, file, pdf, model } = await fullBriefing(db, 'zh');
          const stranded = strandedLines(file, model, PAGE);
          const annotations = placed.filter((p) => p.block.type === 'annotation');
          if (new Set(annotations.map((p) => p.page)).size > 1 || pdfWords(file).words.some((w) => w.text.includes(`第${count}行`) && w.page > Math.max(...annotations.map((p) => p.page)))) broken++;
          if (found.length || stranded.length) {
            const kept = keepForInspection(pdf, `appendix-${shorts}-${count}`, path.join(ARTIFACTS, 'keep'));
            problems.push(`${shorts} short, ${count} lines (${kept}): ${[...found, ...stranded].map((p) => `${p.what}: ${p.detail}`).join('; ')}`);
          }
        } finally {
          db.close();
        }
      }
    }
    expect(problems).toEqual([]);
    // Not vacuous: in some of them the appendix went over a page.
    expect(broken).toBeGreaterThan(0);
  }, 300_000);

  it('one short annotation, the appendix’s last, stays with the appendix heading wherever the page ends: the source notes’ heading after it was counted as its section, and it went over alone (integrity seed 1040806864)', async () => {
    const problems: string[] = [];
    const pages = new Set<number>();
    // A figure's note of 0–57 lines moves where the appendix falls on its page.
    for (let k = 0; k <= 57; k += 3) {
      const { db } = openTemp();
      try {
        applyCase(db, {
          request: { title: '', subtitle: '', author: '', marking: '' },
          names: [],
          notes: k ? [{ figure: 0, note: Array.from({ length: k }, (_, i) => `注${i + 1}`).join('\n') }] : [],
          quotes: [],
          source: null,
          annotations: [{ target: 0, onFigure: false, body: 'A 12.5%the 增加值', author: '审' }],
          factSheetEntity: 0,
        });
        const { placed, problems: found, file, pdf, model } = await fullBriefing(db, 'zh');
        const stranded = strandedLines(file, model, PAGE);
        const appendix = placed.find((p) => p.block.type === 'heading' && JSON.stringify(p.block).includes('附录'));
        if (appendix) pages.add(appendix.page);
        if (found.length || stranded.length) {
          const kept = keepForInspection(pdf, `appendix-one-${k}`, path.join(ARTIFACTS, 'keep'));
          problems.push(`note of ${k} lines (${kept}): ${[...found, ...stranded].map((p) => `${p.what}: ${p.detail}`).join('; ')}`);
        }
      } finally {
        db.close();
      }
    }
    expect(problems).toEqual([]);
    // Not vacuous: the appendix moved over the page (and onto the next one).
    expect(pages.size).toBeGreaterThan(1);
  }, 300_000);
});
