/**
 * The Word writer joins adjacent text runs that look the same (docx-description.ts `mergeRuns`). Read
 * back from the .docx as written, every paragraph prints what the model's lines print, character by
 * character, each character with its look (bold, grey, red, superscript note number), each line break
 * and each citation's REF to its note's number in the list in its place — for random lines of styled
 * runs, plain text, number-and-unit runs kept together, citations first and repeated (fast-check, seed
 * printed; DOCX_RUNS_SEED replays one). A lost character, a lost style or a note moved fails it.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { text, type Block, type BriefingDocument, type Line, type RunStyle } from '../../shared/document';
import { keptTogether, toDocx } from '../../electron/services/briefing/docx';
import { cleanForPrint } from '../../electron/services/briefing/glyphs';
import { propertySeed } from '../helpers/seed';

/** What a printed character looks like in Word: bold, its colour, superscript. */
const LOOK: Record<RunStyle, string> = { plain: '', strong: 'b', value: 'b', muted: '595959', label: '595959', second: '595959', warn: 'C00000' };
const SUPERSCRIPT = '^';

/** A paragraph as items: one per printed character (with its look), line break, field instruction or footnote reference. */
type Item = string;

function document(blocks: Block[]): BriefingDocument {
  return { lang: 'zh', layout: 'report', title: '测试', author: '分析员', cover: false, marking: '', running: '', footer: [], pageLabel: '', blocks, scale: 1 };
}

/** What the model's line prints, as items; `cites` false in a note's own lines, which cite nothing. */
function expectedItems(line: Line, numberOf: Map<number, number>, cites = true): Item[] {
  return line.flatMap((r, k): Item[] => {
    if (r.t === 'cite') {
      if (!cites) return [];
      const n = numberOf.get(r.sourceId)!;
      // Two note numbers side by side are set apart by a superscript comma; a first one is joined to what it follows (U+2060).
      const comma: Item[] = line[k - 1]?.t === 'cite' ? [`,|${SUPERSCRIPT}`] : [`\u2060|${SUPERSCRIPT}`];
      // Every citation, first or repeated, is a REF to its number in the list, showing that number.
      return [...comma, ` REF _RefNote${n} \\h \\* CHARFORMAT `, ...[...String(n)].map((c) => `${c}|${SUPERSCRIPT}`)];
    }
    const printed = cleanForPrint(r.text);
    const look = LOOK[r.style ?? 'plain'];
    return [...(r.nowrap ? keptTogether(printed) : printed)].map((c) => (c === '\n' ? 'break' : `${c}|${look}`));
  });
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each paragraph of a part as items, read from the XML Word will read. */
function writtenItems(xml: string): Item[][] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) =>
    [...p!.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].flatMap(([, r]) => {
      const props = /^<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r!)?.[1] ?? '';
      const look = `${/<w:b\/>/.test(props) ? 'b' : ''}${/<w:color w:val="(\w+)"\/>/.exec(props)?.[1] ?? ''}${/superscript/.test(props) ? SUPERSCRIPT : ''}`;
      return [...r!.replace(/^<w:rPr>[\s\S]*?<\/w:rPr>/, '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>|<w:footnoteReference w:id="(\d+)"\/>|<w:footnoteRef\/>|<w:instrText[^>]*>([^<]*)<\/w:instrText>|<w:tab\/>/g)].flatMap((m): Item[] => {
        if (m[1] !== undefined) return [...unescape(m[1])].map((c) => `${c}|${look}`);
        // A tab is Word's tab element.
        if (m[0] === '<w:tab/>') return [`\t|${look}`];
        if (m[2] !== undefined) return [`footnote ${m[2]}`];
        if (m[3] !== undefined) return [unescape(m[3])];
        return m[0] === '<w:br/>' ? ['break'] : ['footnote mark'];
      });
    }),
  );
}

async function parts(doc: BriefingDocument): Promise<{ body: Item[][]; footnotesXml: string; documentXml: string; runs: number }> {
  const zip = await JSZip.loadAsync(await toDocx(doc));
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const footnotesXml = await zip.file('word/footnotes.xml')!.async('string');
  return { body: writtenItems(documentXml), footnotesXml, documentXml, runs: documentXml.match(/<w:r>/g)?.length ?? 0 };
}

// Text of every kind the model carries: CJK, Latin, spaces, line breaks, tabs, XML's special characters, glue marks.
const chars = fc.constantFrom(...'集群产业增加值亿元，。“”abcXYZ019 %.&<>\'"', '\n', '\t', '\u2060', '\u00a0');
const textRun = fc.record({
  t: fc.constant('text' as const),
  text: fc.string({ unit: chars, maxLength: 12, size: 'max' }),
  style: fc.option(fc.constantFrom<RunStyle>('plain', 'strong', 'value', 'muted', 'label', 'second', 'warn'), { nil: undefined }),
  nowrap: fc.option(fc.boolean(), { nil: undefined }),
});
const cite = fc.integer({ min: 1, max: 4 }).map((sourceId) => ({ t: 'cite' as const, sourceId, quote: null }));
const line = fc.array(fc.oneof({ weight: 5, arbitrary: textRun }, { weight: 1, arbitrary: cite }), { maxLength: 14, size: 'max' });
const noteLine = fc.array(textRun, { minLength: 1, maxLength: 6 });

const SEED = propertySeed('DOCX_RUNS_SEED', 20261130);

describe('the Word writer joins runs that look the same', () => {
  it('writes a sentence the model gives as five plain runs as one run', async () => {
    const { body, runs } = await parts(document([{ type: 'paragraph', style: 'body', runs: [text('全省'), text('20个'), text('集群'), text('增加值'), text('增长5.2%')] }]));
    expect(body[0]!.join('')).toBe([...'全省20个集群增加值增长5.2%'].map((c) => `${c}|`).join(''));
    expect(runs).toBe(1);
  });

  it(`prints every character with its look, every line break and note in place (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 6 }), fc.array(fc.array(noteLine, { minLength: 1, maxLength: 2 }), { minLength: 4, maxLength: 4 }), async (lines, noteTexts) => {
        // Notes numbered in reading order, as numberNotes does; the notes block lists each with its lines.
        const numberOf = new Map<number, number>();
        for (const r of lines.flat()) if (r.t === 'cite' && !numberOf.has(r.sourceId)) numberOf.set(r.sourceId, numberOf.size + 1);
        const notes = [...numberOf.values()].map((n) => ({ n, lines: noteTexts[n - 1]! }));
        const blocks: Block[] = [...lines.map((runs): Block => ({ type: 'paragraph', style: 'body', runs })), ...(notes.length ? [{ type: 'notes' as const, compact: false, items: notes }] : [])];
        const written = await parts(document(blocks));

        const expected = [
          ...lines.map((l) => expectedItems(l, numberOf)),
          ...notes.flatMap((note) => [[...`${note.n}.\t`].map((c) => `${c}|`).concat(expectedItems(note.lines[0]!, numberOf, false)), ...note.lines.slice(1).map((l) => expectedItems(l, numberOf, false))]),
        ];
        expect(written.body).toEqual(expected);
        // One note system: each listed number is the bookmark every citation of it points to, and no footnote prints the source again.
        for (const note of notes) expect(written.documentXml.match(new RegExp(`<w:bookmarkStart w:name="_RefNote${note.n}"`, 'g'))).toHaveLength(1);
        expect(written.footnotesXml).not.toMatch(/<w:footnote w:id="[1-9]/);
        expect(written.documentXml).not.toContain('<w:footnoteReference');
      }),
      { seed: SEED, numRuns: 150 },
    ).catch((error: unknown) => {
      throw new Error(`seed ${SEED} (replay with DOCX_RUNS_SEED=${SEED}): ${String(error)}`);
    });
  }, 120_000);
});
