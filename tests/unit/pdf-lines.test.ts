/**
 * pdfmake's pieces of a line are written as one text object per run of the same look
 * (electron/services/briefing/pdfmake-lines.ts), so a reader has fewer operators to go through. The
 * page must not change for it. For random paragraphs (Chinese, English, digits and punctuation, in
 * the briefings' fonts, bold or not, coloured, sized, spaced, aligned left, centre, right or
 * justified), for the app's own briefings and for a long 简报: every word poppler reads is the same
 * word in the same place, to a hundredth of a point, with the pieces joined and without; every page
 * poppler draws is the same drawing; and the joined PDF has fewer text objects (fast-check, seed
 * printed; PDF_LINES_SEED replays one).
 */
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterEach, describe, expect, it } from 'vitest';
import { BRIEFING_LANGS, BRIEFING_TEMPLATES, type BriefingRequest } from '../../shared/briefing';
import { renderBulletin } from '../../electron/services/briefing/bulletin';
import { renderBriefing, writePdf } from '../../electron/services/briefing/render';
import { setLineJoining } from '../../electron/services/briefing/pdfmake-lines';
import { openTemp, tempDir } from '../helpers/files';
import { longBulletin, recordSurveyYears } from '../helpers/long-bulletin';
import { pdfWords } from '../helpers/pdf';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('PDF_LINES_SEED', 20261201);
const NOW = new Date('2026-11-28T09:00:00');

/** The number of text objects (BT … ET) in a PDF written by pdfkit: its content streams, inflated. */
function textObjects(pdf: Buffer): number {
  const latin = pdf.toString('latin1');
  let count = 0;
  for (let at = latin.indexOf('stream'); at >= 0; at = latin.indexOf('stream', at)) {
    if (latin.slice(at - 3, at) === 'end') {
      at += 6;
      continue;
    }
    const start = at + (latin.startsWith('stream\r\n', at) ? 8 : 7);
    const end = latin.indexOf('endstream', start);
    if (end < 0) break;
    try {
      count += (zlib.inflateSync(pdf.subarray(start, end)).toString('latin1').match(/(^|\s)BT(\s|$)/g) ?? []).length;
    } catch {
      // not a deflated stream
    }
    at = end + 9;
  }
  return count;
}

/** The PDF written twice, pieces joined and not. */
async function bothWays(write: () => Promise<Buffer>): Promise<{ joined: Buffer; pieces: Buffer }> {
  setLineJoining(false);
  const pieces = await write();
  setLineJoining(true);
  const joined = await write();
  return { joined, pieces };
}

/** Where each word is (poppler), rounded to a hundredth of a point. */
function placedWords(file: string): string[] {
  const r = (n: number): string => n.toFixed(2);
  return pdfWords(file).words.map((w) => `${w.page} ${w.text} ${r(w.xMin)} ${r(w.yMin)} ${r(w.xMax)} ${r(w.yMax)}`);
}

/** Each page drawn by poppler (PPM bytes, 100 dpi). */
function drawnPages(file: string): Buffer[] {
  const dir = tempDir('cluster-brief-lines-ppm-');
  execFileSync('pdftoppm', ['-r', '100', file, path.join(dir, 'p')]);
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f)));
}

/** Checks the two PDFs print the same; returns their text objects, joined and not. */
/**
 * How far two drawings of a page may differ in any pixel's channel and be the same drawing. A glyph
 * placed by a text object of its own starts where pdfmake rounded its x to; joined, it is placed by
 * the advances before it: a few thousandths of a point apart, which poppler may draw a quarter pixel
 * apart (up to ~64 in an edge pixel). Another glyph, a missing one or one moved by a kerning step
 * differs by far more where its strokes are.
 */
const SAME_DRAWING = 96;

function largestDifference(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) return 255;
  let most = 0;
  for (let i = 0; i < a.length; i++) most = Math.max(most, Math.abs(a[i]! - b[i]!));
  return most;
}

function expectSamePage(pdfs: { joined: Buffer; pieces: Buffer }, name: string): { joined: number; pieces: number } {
  const dir = tempDir('cluster-brief-lines-');
  const a = path.join(dir, `${name}-pieces.pdf`);
  const b = path.join(dir, `${name}-joined.pdf`);
  fs.writeFileSync(a, pdfs.pieces);
  fs.writeFileSync(b, pdfs.joined);
  expect(placedWords(b), `${name}: words and places`).toEqual(placedWords(a));
  const pa = drawnPages(a);
  const pb = drawnPages(b);
  expect(pb.length, `${name}: pages`).toBe(pa.length);
  pa.forEach((page, i) => expect(largestDifference(page, pb[i]!), `${name}: page ${i + 1} drawn the same`).toBeLessThanOrEqual(SAME_DRAWING));
  const counts = { joined: textObjects(pdfs.joined), pieces: textObjects(pdfs.pieces) };
  expect(counts.joined, `${name}: text objects`).toBeLessThanOrEqual(counts.pieces);
  return counts;
}

const CHINESE = [...'广东省战略性产业集群未来产业营业收入万亿元增长同比新一代电子信息智能家电汽车'];
const WORDS = ['strategic', 'industry', 'clusters', 'Guangdong', 'GDP', 'AI', 'Wi-Fi', 'office', 'efficiency', 'revenue'];
const piece = fc.record({
  text: fc.array(fc.oneof(fc.constantFrom(...CHINESE), fc.constantFrom(...WORDS).map((w) => `${w} `), fc.integer({ min: 0, max: 99999 }).map(String), fc.constantFrom('，', '。', '（', '）', '%', ' ', '、', '1.5%', '—')), { minLength: 1, maxLength: 30, size: 'max' }).map((xs) => xs.join('')),
  bold: fc.boolean(),
  color: fc.constantFrom(undefined, '#1f1f1f', '#595959', '#c00000'),
  fontSize: fc.constantFrom(undefined, 8, 9.5, 12),
});
const paragraph = fc.record({
  pieces: fc.array(piece, { minLength: 1, maxLength: 6 }),
  font: fc.constantFrom('NotoSansSC', 'NotoSerifSC'),
  alignment: fc.constantFrom('left', 'center', 'right', 'justify'),
  characterSpacing: fc.constantFrom(undefined, 0, 0.5),
  lineHeight: fc.constantFrom(1, 1.4),
});

describe('the pieces of a line written as one text object', () => {
  afterEach(() => setLineJoining(true));

  it(`puts every word where it was, for random paragraphs (seed ${SEED})`, async () => {
    let sample = 0;
    const total = { joined: 0, pieces: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 8 }), async (paragraphs) => {
        sample++;
        const doc: TDocumentDefinitions = {
          pageSize: 'A4',
          defaultStyle: { font: 'NotoSansSC', fontSize: 10 },
          content: paragraphs.map(
            (p) =>
              ({
                text: p.pieces.map((x) => ({ text: x.text, bold: x.bold, ...(x.color ? { color: x.color } : {}), ...(x.fontSize ? { fontSize: x.fontSize } : {}) })),
                font: p.font,
                alignment: p.alignment,
                lineHeight: p.lineHeight,
                ...(p.characterSpacing !== undefined ? { characterSpacing: p.characterSpacing } : {}),
                margin: [0, 0, 0, 6],
              }) as Content,
          ),
        };
        const counts = expectSamePage(await bothWays(async () => (await writePdf(doc)).pdf), `random-${sample}`);
        total.joined += counts.joined;
        total.pieces += counts.pieces;
      }),
      { seed: SEED, numRuns: 12 },
    );
    expect(total.joined).toBeLessThan(total.pieces);
  }, 180_000);

  it('puts every word of the default data set’s briefings where it was, in every template and language, and of a long 简报', async () => {
    const { db } = openTemp();
    try {
      recordSurveyYears(db);
      const bulletin = longBulletin(db);
      const counts = expectSamePage(await bothWays(async () => (await renderBulletin(db, bulletin, undefined, NOW)).pdf), 'bulletin');
      expect(counts.joined, 'bulletin: fewer text objects').toBeLessThan(counts.pieces);
      const entityId = (db.prepare('SELECT id FROM entities ORDER BY id LIMIT 1').get() as { id: string }).id;
      for (const template of BRIEFING_TEMPLATES) {
        for (const lang of BRIEFING_LANGS) {
          const request: BriefingRequest = { template, lang, entityIds: template === 'fact-sheet' ? [entityId] : [], title: '', subtitle: '', author: '分析员', marking: '' };
          const counts = expectSamePage(await bothWays(async () => (await renderBriefing(db, request, NOW)).pdf), `${template}-${lang}`);
          expect(counts.joined, `${template}-${lang}: fewer text objects`).toBeLessThan(counts.pieces);
        }
      }
    } finally {
      db.close();
    }
  }, 300_000);
});
