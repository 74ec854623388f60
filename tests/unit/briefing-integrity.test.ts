/**
 * Nothing printed is ever lost. For random data files — texts of every kind and of every length up
 * to each input's limit, long titles, many flagged annotations — every template in every language
 * is rendered, and the PDF is read back with poppler: every string the document model printed is in
 * the PDF's text, no word lies outside the page's content area, the header and footer keep to one
 * line, and the one-page brief is one page. A failure prints fast-check's seed and path, and keeps
 * the PDF under test-results/artifacts/integrity/.
 * BRIEFING_PROPERTY_RUNS sets the number of data files (CI: a few; a reviewer: as many as they like).
 */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIEFING_LANGS, BRIEFING_TEMPLATES, type BriefingRequest } from '../../shared/briefing';
import { prepareBriefing, renderBriefing, writePdf } from '../../electron/services/briefing/render';
import { FIT_LEVELS } from '../../electron/services/briefing/templates/one-page';
import { AppError } from '../../shared/errors';
import { keepForInspection, missingStrings, overlappingWords, strandedLines, wordsOutside } from '../helpers/briefing-check';
import { PAGE } from '../../electron/services/briefing/pdf';
import { openTemp, tempDir } from '../helpers/files';
import { ARTIFACTS, pdfPages } from '../helpers/pdf';
import { applyCase, briefingCase, type BriefingCase } from '../helpers/random-briefing-data';
import { propertySeed } from '../helpers/seed';

const RUNS = Number(process.env.BRIEFING_PROPERTY_RUNS ?? 3);
const SEED = propertySeed('BRIEFING_PROPERTY_SEED', 20261130);
const NOW = new Date('2026-11-28T09:00:00');

const NO_REQUEST = { title: '', subtitle: '', author: '', marking: '' };
const EMPTY_CASE: BriefingCase = { request: NO_REQUEST, names: [], notes: [], quotes: [], annotations: [], factSheetEntity: 1, source: null };

/** Every template in every language of one data case: all it records printed, nothing outside the page. */
async function printsWhole(name: string, c: BriefingCase): Promise<void> {
  const { db } = openTemp();
  try {
    const { factSheetId } = applyCase(db, c);
    for (const template of BRIEFING_TEMPLATES) {
      for (const lang of BRIEFING_LANGS) {
        const rendered = await renderBriefing(db, { template, lang, entityIds: template === 'fact-sheet' ? [factSheetId] : [], ...c.request }, NOW);
        const file = keepForInspection(rendered.pdf, `${name}-${template}-${lang}`, tempDir('cluster-brief-integrity-'));
        expect([...missingStrings(file, rendered.model), ...wordsOutside(file)], `${template}/${lang}`).toEqual([]);
      }
    }
  } finally {
    db.close();
  }
}

describe('briefing integrity (cases random seeds found)', () => {
  it('a source whose publisher is one unbreakable stretch ("（" × 256) prints inside the page with the note’s comma after it, in every template and language', async () => {
    // 256: the count that left the last cut piece a full line, so the comma glued to it ran into the margin.
    await printsWhole('stretch', { ...EMPTY_CASE, source: { title: '数', publisher: `审${'（'.repeat(256)}` } });
  }, 300_000);

  it('a source title "A”镕”镕…" (284 characters) prints wrapped inside the page with its closing 》, in every template and language: the line breaker never broke beside ”, so it was one word off the page (seed 424242)', async () => {
    await printsWhole('quoted', { ...EMPTY_CASE, source: { title: `A${'”镕'.repeat(141)}”`, publisher: '审“统计局“广东' } });
  }, 300_000);

  it('a name of 57 lines (written by an older version, or straight into the file) prints whole in every template and language: its table row was taller than a page and pdfmake dropped it (seed 1026860737)', async () => {
    const lines = `数\u200c\u00ad堃 \n${'\u200c\u00ad堃 \n'.repeat(56)}`;
    await printsWhole('tall-name', { ...EMPTY_CASE, names: [{ entity: 18, zh: lines.replace('数', '测'), en: lines }], factSheetEntity: 18 });
  }, 300_000);
});

describe('briefing integrity (property)', () => {
  it(`prints every string it records, inside the page, for random data (${RUNS} data files × 3 templates × 3 languages, seed ${SEED})`, async () => {
    let sample = 0;
    await fc.assert(
      fc.asyncProperty(briefingCase, async (c) => {
        sample++;
        const { db } = openTemp();
        try {
          const { factSheetId } = applyCase(db, c);
          for (const template of BRIEFING_TEMPLATES) {
            for (const lang of BRIEFING_LANGS) {
              const request: BriefingRequest = { template, lang, entityIds: template === 'fact-sheet' ? [factSheetId] : [], ...c.request };
              let rendered;
              try {
                rendered = await renderBriefing(db, request, NOW);
              } catch (error) {
                if (error instanceof AppError && error.code === 'BRIEFING_DOES_NOT_FIT') {
                  const tightest = await writePdf(prepareBriefing(db, request, NOW, FIT_LEVELS.length - 1).doc);
                  keepForInspection(tightest.pdf, `seed-${SEED}-sample-${sample}-${template}-${lang}-tightest`, path.join(ARTIFACTS, 'integrity'));
                }
                throw new Error(`${template}/${lang} refused: ${error instanceof AppError ? `${error.code} ${JSON.stringify(error.details)}` : String(error)}`, { cause: error });
              }
              const file = keepForInspection(rendered.pdf, `${template}-${lang}`, tempDir('cluster-brief-integrity-'));
              const problems = [...missingStrings(file, rendered.model), ...wordsOutside(file), ...overlappingWords(file), ...strandedLines(file, rendered.model, PAGE)];
              if (template === 'one-page' && pdfPages(file) !== 1) problems.push({ what: 'pages', detail: `${pdfPages(file)} pages` });
              if (problems.length) {
                const kept = keepForInspection(rendered.pdf, `seed-${SEED}-sample-${sample}-${template}-${lang}`, path.join(ARTIFACTS, 'integrity'));
                throw new Error(`${template}/${lang} (${kept}):\n${problems.slice(0, 12).map((p) => `  ${p.what}: ${p.detail}`).join('\n')}`);
              }
            }
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: 0 },
    );
  }, 600_000);
});
