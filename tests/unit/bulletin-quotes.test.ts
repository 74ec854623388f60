/**
 * An English 简报's curly quotes and apostrophes, typed by the analyst, print as Latin marks: taken
 * from the CJK face they printed full width ("Guangdong’ s “dual-ten”"), in the title, the 按语,
 * headings and body alike (简报 review). A Chinese issue keeps its full-width “” (GB/T 15834). Its 按语 and
 * level-2 headings are in the serif face, not in WenKai's Latin letters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, KAI_FONT } from '../../electron/services/briefing/fonts';
import { toPdfmake } from '../../electron/services/briefing/pdf';
import { bulletinModel } from '../../electron/services/bulletins/export';
import type { BulletinContent } from '../../shared/bulletin';
import { draftContent, openBulletinApp } from '../helpers/bulletins';
import { propertySeed } from '../helpers/seed';

/** Every printed piece of text in a pdfmake definition holding a curly quote, with the font it names. */
function quotePieces(node: unknown, out: { text: string; font: unknown }[] = []): { text: string; font: unknown }[] {
  if (Array.isArray(node)) for (const n of node) quotePieces(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.text === 'string' && /[‘’“”]/.test(o.text)) out.push({ text: o.text, font: o.font });
    for (const v of Object.values(o)) if (v && typeof v === 'object') quotePieces(v, out);
  }
  return out;
}

const noChart = (): string => {
  throw new Error('no chart in this issue');
};

describe('curly quotes in a 简报', () => {
  it('print in the Latin face wherever an English issue has them, and full width in a Chinese one (property)', async () => {
    const { db, api } = openBulletinApp();
    const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
    const quoted = fc.tuple(word, word, word).map(([a, b, c]) => `${a}’s “${b}” ‘${c}’`);
    const seed = propertySeed('QUOTES_SEED', 4242);
    try {
      await fc.assert(
        fc.asyncProperty(quoted, quoted, quoted, quoted, fc.constantFrom<'en' | 'zh'>('en', 'zh'), async (title, note, heading, body, lang) => {
          const base = draftContent(db, title, [], 'x', lang);
          const content: BulletinContent = { ...base, editorNote: note, blocks: [{ type: 'heading', level: 1, text: heading }, { type: 'heading', level: 2, text: heading }, { type: 'paragraph', content: [{ type: 'text', text: body }] }] };
          const record = await api('createBulletinDraft', { content });
          const definition = toPdfmake(bulletinModel(db, record.id).model, noChart);
          const pieces = quotePieces(definition.content);
          // Every field's marks are somewhere in the definition…
          expect(pieces.map((p) => p.text).join('').replace(/[^‘’“”]/g, '').length).toBeGreaterThanOrEqual(5 * 5);
          // 按语 and level-2 headings: 楷 in Chinese; in English the serif face, not WenKai's rounded, near-monospaced Latin.
          expect(JSON.stringify(definition.content).includes(`"font":"${KAI_FONT}"`)).toBe(lang === 'zh');
          // …each in the Latin face in English, none of them in Chinese.
          for (const p of pieces) {
            if (lang === 'en') expect(p, JSON.stringify(p)).toMatchObject({ font: FONT_FAMILY.latin });
            else expect(p.font, JSON.stringify(p)).not.toBe(FONT_FAMILY.latin);
          }
        }),
        { seed, numRuns: 20 },
      );
    } catch (error) {
      throw new Error(`seed ${seed}: ${String(error)}`, { cause: error });
    } finally {
      db.close();
    }
  });
});
