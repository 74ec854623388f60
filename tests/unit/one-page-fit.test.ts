/**
 * The one-page brief keeps what the page holds. Stepping down its fit levels takes everything of a
 * kind at once; what a level took is given back, kind by kind, while the page still holds it. A
 * bilingual brief (its chart twice as tall) printed "1 more annotation appears in the full briefing"
 * instead of a colleague's two-line note, and the English one cut that note mid-sentence, with room
 * left on the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefingLang } from '../../shared/briefing';
import fc from 'fast-check';
import { clip, clipWidth } from '../../electron/services/briefing/compose';
import { composeBriefing, renderBriefing } from '../../electron/services/briefing/render';
import { FIT_LEVELS } from '../../electron/services/briefing/templates/one-page';
import { blockLines, numberNotes, walkBlocks } from '../../shared/document';
import { createAnnotation } from '../../electron/services/db/annotations';
import { newChange } from '../../electron/services/db/revisions';
import { openTemp, tempDir } from '../helpers/files';
import { pdfPages, pdfText } from '../helpers/pdf';
import { propertySeed } from '../helpers/seed';

const NOTE = 'Check this against the statistics bureau yearly release before it goes into the minister brief. 上报前请与统计局年度公报核对。';
const NOW = new Date('2026-12-03T09:00:00+08:00');
const SEED = propertySeed('ONE_PAGE_FIT_SEED', 20261203);

describe('the one-page brief', () => {
  it.each<BriefingLang>(['zh', 'en', 'bilingual'])('prints a short annotation marked for briefings whole, on one page (%s)', async (lang) => {
    const { db } = openTemp();
    try {
      createAnnotation(db, newChange('李分析'), { targetType: 'entity', targetId: 'electronics-it', body: NOTE, tags: [], status: 'open', includeInBriefing: true });
      const { pdf, pages } = await renderBriefing(db, { template: 'one-page', entityIds: [], lang, title: '', subtitle: '', author: '', marking: '' }, NOW);
      const file = path.join(tempDir('cluster-brief-one-page-'), `${lang}.pdf`);
      fs.writeFileSync(file, pdf);
      expect(pages).toBe(1);
      expect(pdfPages(file)).toBe(1);
      const printed = pdfText(file).replace(/\s+/g, '');
      expect(printed).toContain(NOTE.replace(/\s+/g, ''));
      // Not "1 more annotation appears in the full briefing" in its place.
      expect(printed).not.toMatch(/另有\d+条批注|moreannotation/);
      // The source's title, 78 characters of English, whole in its one-line note (it was cut at 60: "mapped out for …").
      expect(printed).toContain('Clustersofstrategicandfutureindustriesmappedoutforeconomicleadership');
    } finally {
      db.close();
    }
  }, 120_000);

  it('shortens a source by its width on the line: twice as many English characters as Chinese', () => {
    expect(clipWidth('a'.repeat(120), 120)).toBe('a'.repeat(120));
    expect(clipWidth('a'.repeat(121), 120)).toBe(`${'a'.repeat(119)}…`);
    expect(clipWidth('集'.repeat(60), 120)).toBe('集'.repeat(60));
    expect([...clipWidth('集'.repeat(61), 120)].length).toBeLessThanOrEqual(61);
    expect(clipWidth('集'.repeat(61), 120).endsWith('…')).toBe(true);
  });
});

describe('a shortened note', () => {
  it(`cuts Latin text between words, Chinese anywhere, always a prefix and never longer than asked (seed ${SEED})`, () => {
    const words = fc.array(fc.oneof(fc.stringMatching(/^[a-z]{1,12}$/), fc.constantFrom('集群', '产业', '核对统计局年报')), { minLength: 1, maxLength: 30, size: 'max' }).map((w) => w.join(' '));
    fc.assert(
      fc.property(words, fc.integer({ min: 4, max: 80 }), (text, max) => {
        const out = clip(text, max);
        if ([...text].length <= max) {
          expect(out).toBe(text);
          return;
        }
        expect(out.endsWith('…')).toBe(true);
        const kept = out.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        expect([...out].length).toBeLessThanOrEqual(max);
        // A Latin word is never cut in two when a space lies in the last two fifths of what is kept.
        const next = text[kept.length];
        const splitsWord = /[a-z]$/.test(kept) && next !== undefined && /[a-z]/.test(next);
        if (splitsWord) expect(kept.lastIndexOf(' ')).toBeLessThan((max - 1) * 0.6);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('the one-page brief’s note numbers', () => {
  it(`each point to a note the page lists, at every fit level, however many sources its figures have (seed ${SEED})`, () => {
    // A level lists a few sources and says how many more: the marks of the rest printed 6–11 under a list of 1–4, and 5 on
    // the "another 7 sources" line (found by the integrity review).
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.boolean(), (extra, english) => {
        const { db } = openTemp();
        try {
          const figures = db.prepare(`SELECT id FROM figures WHERE deleted_at IS NULL AND scope = 'entity' ORDER BY id`).all() as { id: number }[];
          for (let i = 0; i < extra; i++) {
            const source = db.prepare(`INSERT INTO sources (title, publisher, published_on, created_at) VALUES (?, ?, '2025-06-15', '2026-11-01T08:00:00Z')`).run(`Source ${i}`, `Publisher ${i}`).lastInsertRowid;
            db.prepare(`UPDATE figures SET source_id = ? WHERE id = ?`).run(source, figures[i % figures.length]!.id);
          }
          const request = { template: 'one-page' as const, entityIds: [], lang: english ? ('en' as const) : ('zh' as const), title: '', subtitle: '', author: '', marking: '' };
          const sources = (db.prepare(`SELECT count(DISTINCT source_id) AS n FROM figures WHERE deleted_at IS NULL AND source_id IS NOT NULL`).get() as { n: number }).n;
          FIT_LEVELS.forEach((level, i) => {
            const model = composeBriefing(db, request, NOW, i);
            const listed = new Set([...walkBlocks(model.blocks)].flatMap((b) => (b.type === 'notes' ? b.items.map((item) => item.n) : [])));
            const marks = [...walkBlocks(model.blocks)].flatMap((b) => blockLines(b).flat()).flatMap((r) => (r.t === 'cite' ? [r.n] : []));
            expect(marks.filter((n) => n === undefined || !listed.has(n)), `level ${i}: marks without a listed note`).toEqual([]);
            expect(listed.size, `level ${i}`).toBeLessThanOrEqual(level.sources);
            const more = [...walkBlocks(model.blocks)].some((b) => b.type === 'paragraph' && b.runs.some((r) => r.t === 'text' && /另有\d+条来源|more source/.test(r.text)));
            expect(more, `level ${i}: ${listed.size} listed of ${sources}`).toBe(listed.size < Math.min(sources, marksBefore(db, request, i)));
          });
        } finally {
          db.close();
        }
      }),
      { seed: SEED, numRuns: 12 },
    );
  }, 120_000);
});

/** How many sources the page cites before any is left out: those of the level's own composition, with every note listed. */
function marksBefore(db: Parameters<typeof composeBriefing>[0], request: Parameters<typeof composeBriefing>[1], level: number): number {
  return numberNotes(composeBriefing(db, request, NOW, { ...FIT_LEVELS[level]!, sources: Infinity }).blocks).notes.length;
}
