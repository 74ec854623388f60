/**
 * The 简报 editor's conversion (renderer/src/bulletin/editor/convert.ts) between the stored blocks and
 * the editor's document, over many random cases (fast-check; the seed is printed, rerun one with
 * EDITOR_SEED=<n>):
 * - stored blocks → editor → stored blocks gives back the same blocks (canonical ones exactly; any
 *   other valid blocks in canonical form, with every character and figure in the same order);
 * - whatever document the editor holds (any schema-valid document: empty paragraphs, split runs, runs
 *   and headings over the limits, hundreds of references, damaged node attributes), what it hands to
 *   the page parses with BulletinBlock.
 * The editor's schema is loaded headless (getSchema), so every generated document is checked against
 * the very nodes the editor uses.
 */
import { getSchema, type JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BulletinBlock, type BulletinInline, type FigureSnapshotRef } from '../../shared/bulletin';
import { QUALIFIERS, UNITS } from '../../shared/domain';
import { BlockReader, blocksToDoc, docToBlocks, HEADING_MAX, INLINES_MAX, pastedHtml, RUN_MAX, sameBlocks } from '../../renderer/src/bulletin/editor/convert';
import { schemaExtensions } from '../../renderer/src/bulletin/editor/nodes';
import { propertySeed } from '../helpers/seed';

const SEED = propertySeed('EDITOR_SEED', 20261130);
const schema = getSchema(schemaExtensions());
const run = <T>(property: fc.IProperty<T>, numRuns = 150): void => {
  try {
    fc.assert(property, { seed: SEED, numRuns });
  } catch (error) {
    console.error(`bulletin editor property failed with EDITOR_SEED=${SEED}`);
    throw error;
  }
};
console.log(`bulletin editor properties: EDITOR_SEED=${SEED}`);

// Text as analysts type it, plus what breaks naive code: astral characters, newlines, markup-like text.
const text = (max: number) => fc.string({ unit: fc.constantFrom('产', '值', 'a', ' ', '\n', '😀', '<', '&', '"', '𠀀', '。', '1'), maxLength: max });
const id = fc.integer({ min: 1, max: 2 ** 40 });
const snapshot: fc.Arbitrary<FigureSnapshotRef> = fc.record(
  {
    value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).map((v) => (Object.is(v, -0) ? 0 : v)),
    unit: fc.constantFrom(...UNITS),
    qualifier: fc.constantFrom(...QUALIFIERS),
    period: fc.constantFrom('2023', '2024-Q2', '2022-06'),
    sourceId: fc.option(id, { nil: null }),
    sourceQuote: fc.option(text(40), { nil: null }),
    source: fc.option(fc.record({ publisher: text(10), title: text(20), author: fc.option(text(8), { nil: null }), publishedOn: fc.option(fc.constant('2024-10-23'), { nil: null }) }), { nil: null }),
    label: fc.record({ zh: text(10), en: text(10) }),
  },
  { requiredKeys: ['value', 'unit', 'qualifier', 'period', 'sourceId', 'sourceQuote', 'source'] },
);
const figure = fc.record({ type: fc.constant('figure' as const), figureId: id, accepted: snapshot });
const chart = fc.oneof(
  fc.constant({ kind: 'tiers' as const }),
  fc.record({ kind: fc.constant('trend' as const), metric: fc.constantFrom('output_value', 'revenue'), entityIds: fc.array(fc.constantFrom('smart-robots', 'new-energy', 'automobiles'), { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('compare' as const), metric: fc.constantFrom('output_value', 'added_value'), entityIds: fc.array(fc.constantFrom('smart-robots', 'new-energy'), { minLength: 1, maxLength: 30, size: 'max' }) }),
);
const atoms: fc.Arbitrary<BulletinBlock>[] = [
  fc.record({ type: fc.constant('chart' as const), chart, caption: text(200) }),
  fc.array(fc.tuple(id, snapshot), { minLength: 1, maxLength: 6 }).chain((rows) =>
    fc.record({ type: fc.constant('table' as const), caption: text(200), figureIds: fc.constant(rows.map((r) => r[0])), accepted: fc.constant(rows.map((r) => r[1])) }),
  ),
  fc.record({ type: fc.constant('quote' as const), sourceId: id, text: text(300) }),
];

/** Canonical paragraph content: non-empty runs, bold only when true, no two adjacent runs of the same emphasis. */
const canonicalInlines = fc.array(fc.oneof(fc.record({ text: text(60).filter((s) => s !== ''), bold: fc.boolean() }), figure), { minLength: 1, maxLength: 12, size: 'max' }).map((items) => {
  const out: BulletinInline[] = [];
  for (const item of items) {
    if ('figureId' in item) out.push(item);
    else {
      const last = out[out.length - 1];
      if (last?.type === 'text' && (last.bold ?? false) === item.bold) last.text += item.text;
      else out.push(item.bold ? { type: 'text', text: item.text, bold: true } : { type: 'text', text: item.text });
    }
  }
  return out;
});
const canonicalBlock: fc.Arbitrary<BulletinBlock> = fc.oneof(
  fc.record({ type: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const), text: text(HEADING_MAX).filter((s) => s !== '') }),
  fc.record({ type: fc.constant('paragraph' as const), content: canonicalInlines }),
  ...atoms,
);

/** Any valid blocks, in the shape of the zod schema: empty runs, bold: false, adjacent runs, empty paragraphs and headings. */
const anyInline: fc.Arbitrary<BulletinInline> = fc.oneof(fc.record({ type: fc.constant('text' as const), text: text(40), bold: fc.boolean() }, { requiredKeys: ['type', 'text'] }), figure);
const anyBlock: fc.Arbitrary<BulletinBlock> = fc.oneof(
  fc.record({ type: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const), text: text(HEADING_MAX) }),
  fc.record({ type: fc.constant('paragraph' as const), content: fc.array(anyInline, { maxLength: 10 }) }),
  ...atoms,
);

/** No empty run, no `bold: false`, no two adjacent runs of the same emphasis. */
function expectCanonicalRuns(content: BulletinInline[]): void {
  content.forEach((inline, i) => {
    if (inline.type !== 'text') return;
    expect(inline.text).not.toBe('');
    expect(inline.bold).not.toBe(false);
    const before = content[i - 1];
    if (before?.type === 'text' && before.text.length + inline.text.length <= RUN_MAX) expect(before.bold ?? false).not.toBe(inline.bold ?? false);
  });
}

/** Every character and figure of the blocks, in reading order: what no conversion may lose or reorder. */
const reading = (blocks: BulletinBlock[]): string[] =>
  blocks.flatMap((b) => {
    if (b.type === 'heading') return [...b.text];
    if (b.type === 'paragraph') return b.content.flatMap((i) => (i.type === 'text' ? [...i.text] : [`[#${i.figureId}]`]));
    return [`[${b.type}]`];
  });

describe('stored blocks → editor → stored blocks', () => {
  it('gives back canonical blocks exactly, as a document the editor schema accepts', () => {
    run(
      fc.property(fc.array(canonicalBlock, { maxLength: 12, size: 'max' }), (blocks) => {
        const doc = blocksToDoc(blocks);
        schema.nodeFromJSON(doc).check();
        expect(docToBlocks(doc)).toEqual(blocks);
      }),
    );
  });

  it('gives back any valid blocks in canonical form: nothing typed lost or reordered, and canonical form is stable', () => {
    run(
      fc.property(fc.array(anyBlock, { maxLength: 12, size: 'max' }), (blocks) => {
        expect(BulletinBlock.array().safeParse(blocks).success).toBe(true);
        const once = docToBlocks(blocksToDoc(blocks));
        expect(BulletinBlock.array().parse(once)).toEqual(once);
        expect(reading(once)).toEqual(reading(blocks));
        expect(docToBlocks(blocksToDoc(once))).toEqual(once);
        for (const b of once) if (b.type === 'paragraph') expectCanonicalRuns(b.content);
      }),
    );
  });
});

// Documents as the editor can hold them: text nodes split anyhow (same marks side by side), empty
// paragraphs and headings, runs and headings over the stored limits, and nodes with damaged attributes.
const mark = fc.constantFrom<JSONContent['marks']>(undefined, [{ type: 'bold' }]);
const textNode = (max: number) => fc.record({ type: fc.constant('text'), text: text(max).filter((s) => s !== ''), marks: mark }).map((n) => (n.marks ? n : { type: n.type, text: n.text }));
const longText = fc.tuple(fc.constantFrom('产', 'a', '😀'), fc.integer({ min: 1, max: 3 })).map(([c, k]) => c.repeat(RUN_MAX + k * 3));
const damaged = fc.constantFrom<unknown>(null, 'x', { value: 'NaN' }, -1, { kind: 'trend', metric: 'revenue', entityIds: [] }, 'c'.repeat(300));
const refNode = fc.oneof(
  { weight: 4, arbitrary: fc.record({ figureId: id, accepted: snapshot }) },
  { weight: 1, arbitrary: fc.record({ figureId: fc.oneof(id, damaged), accepted: fc.oneof(snapshot, damaged) }) },
).map((attrs) => ({ type: 'figureRef', attrs }));
const inlineNode: fc.Arbitrary<JSONContent> = fc.oneof({ weight: 4, arbitrary: textNode(30) }, { weight: 2, arbitrary: refNode }, { weight: 1, arbitrary: longText.map((t) => ({ type: 'text', text: t })) });
const editorBlock: fc.Arbitrary<JSONContent> = fc.oneof(
  fc.array(inlineNode, { maxLength: 8 }).map((content) => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' })),
  fc.array(refNode, { minLength: INLINES_MAX - 3, maxLength: INLINES_MAX + 40 }).map((content) => ({ type: 'paragraph', content })),
  fc.record({ level: fc.constantFrom(1, 2), parts: fc.array(fc.oneof(textNode(30), fc.constant({ type: 'text', text: '标'.repeat(HEADING_MAX) })), { maxLength: 4 }) }).map(({ level, parts }) =>
    parts.length ? { type: 'heading', attrs: { level }, content: parts.map((p) => ({ type: 'text', text: p.text ?? '' })) } : { type: 'heading', attrs: { level } },
  ),
  ...atoms.map((a) => a.map((block) => blocksToDoc([block]).content![0]!)),
  fc.record({ type: fc.constantFrom('bulletinChart', 'bulletinTable', 'bulletinQuote'), attrs: fc.record({ chart: damaged, caption: damaged, figureIds: damaged, accepted: damaged, sourceId: damaged, text: damaged }) }),
);

describe('whatever the editor holds → stored blocks', () => {
  it('always parses with BulletinBlock, keeps every character and valid reference, and runs/paragraphs/headings within their limits', () => {
    run(
      fc.property(fc.array(editorBlock, { minLength: 1, maxLength: 8 }), (content) => {
        const doc: JSONContent = { type: 'doc', content };
        schema.nodeFromJSON(doc).check(); // a document the editor could hold
        const blocks = docToBlocks(doc);
        const parsed = BulletinBlock.array().safeParse(blocks);
        expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
        const typed = content.flatMap((n) => (n.type === 'heading' || n.type === 'paragraph' ? (n.content ?? []) : [])).flatMap((n) => (n.type === 'text' ? [...(n.text ?? '')] : []));
        const kept = blocks.flatMap((b) => (b.type === 'heading' ? [...b.text] : b.type === 'paragraph' ? b.content.flatMap((i) => (i.type === 'text' ? [...i.text] : [])) : []));
        expect(kept.join('')).toBe(typed.join(''));
        for (const b of blocks) {
          if (b.type === 'paragraph') expect(b.content.length).toBeGreaterThan(0);
          if (b.type === 'paragraph') expectCanonicalRuns(b.content);
          if (b.type === 'heading') expect(b.text).not.toBe('');
        }
      }),
      60,
    );
  });

  it('read edit by edit (BlockReader, reusing untouched nodes) gives exactly what converting the whole document gives', () => {
    run(
      fc.property(fc.array(editorBlock, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(fc.nat(), editorBlock), { maxLength: 4 }), (content, edits) => {
        const reader = new BlockReader();
        let doc = schema.nodeFromJSON({ type: 'doc', content });
        let before = reader.read(doc);
        expect(before).toEqual(docToBlocks(doc.toJSON() as JSONContent));
        for (const [at, replacement] of edits) {
          const index = at % doc.childCount;
          doc = doc.copy(doc.content.replaceChild(index, schema.nodeFromJSON(replacement)));
          const after = reader.read(doc);
          const whole = docToBlocks(doc.toJSON() as JSONContent);
          expect(after).toEqual(whole);
          expect(sameBlocks(after, before)).toBe(JSON.stringify(whole) === JSON.stringify(before));
          before = after;
        }
      }),
      40,
    );
  });

  it('merges adjacent runs of the same emphasis, drops empty paragraphs, and splits a heading over 200 characters into a heading and a paragraph', () => {
    const doc: JSONContent = {
      type: 'doc',
      content: [
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: '全省' }, { type: 'text', text: '产值' }, { type: 'text', text: '超', marks: [{ type: 'bold' }] }, { type: 'text', text: '过', marks: [{ type: 'bold' }] }] },
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: `${'一'.repeat(199)}😀尾` }] },
      ],
    };
    expect(docToBlocks(doc)).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '全省产值' }, { type: 'text', text: '超过', bold: true }] },
      { type: 'heading', level: 1, text: '一'.repeat(199) },
      { type: 'paragraph', content: [{ type: 'text', text: '😀尾' }] },
    ]);
  });

  it('an empty document is no blocks, and no blocks open as one empty paragraph', () => {
    expect(blocksToDoc([])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(docToBlocks(blocksToDoc([]))).toEqual([]);
  });
});

describe('HTML pasted into the 简报', () => {
  const text = (html: string): string => pastedHtml(html).replace(/<[^>]*>/g, '');

  it('keeps an exponent as superscript digits, and leaves the copied document’s note numbers out', () => {
    // Every <sup> of digits was left out: "12万m²" printed "12万m", "10⁸元" "10元" (trust review).
    expect(text('新增厂房面积12万m<sup>2</sup>，投资规模达10<sup>8</sup>元级')).toBe('新增厂房面积12万m²，投资规模达10⁸元级');
    expect(text('an area of 3 km<sup>2</sup>')).toBe('an area of 3 km²');
    // Note numbers: after Chinese text or a sign, linked (Word, the web), bracketed, or in a note's style.
    expect(text('全省产值<sup>1</sup>，增长5.2%<sup>2</sup>。')).toBe('全省产值，增长5.2%。');
    expect(text('output<a href="#_ftn1" name="_ftnref1"><sup><span class="MsoFootnoteReference">[1]</span></sup></a> grew')).toBe('output grew');
    expect(text('output<sup class="reference"><a href="#cite_note-1">[1]</a></sup> grew')).toBe('output grew');
    expect(text('growth<sup class="MsoFootnoteReference">3</sup> of')).toBe('growth of');
    // A <sup> of words is the copied text's own: kept as it is.
    expect(pastedHtml('1<sup>st</sup> quarter')).toBe('1<sup>st</sup> quarter');
  });

  it('keeps a numbered list’s numbers in its items, nested lists too, from the list’s start', () => {
    // An item pasted as a paragraph lost its number ("甲", "乙" with no 1. 2.), and "第2条" then named nothing (trust review).
    expect(text('<ol><li>加快培育</li><li>推动落地<ol><li>甲</li><li>乙</li></ol></li></ol>')).toBe('1. 加快培育2. 推动落地1. 甲2. 乙');
    expect(text('<ol start="3"><li>第三条</li><li>第四条</li></ol>')).toBe('3. 第三条4. 第四条');
    expect(text('<ul><li>要点</li></ul>')).toBe('要点');
  });

  it(`never loses a digit written right after a Latin letter or digit (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,6}$/), fc.stringMatching(/^\d{1,3}$/), fc.stringMatching(/^[\u4e00-\u9fa5]{0,4}$/), (base, power, after) => {
        const out = text(`${base}<sup>${power}</sup>${after}`);
        expect(out).toBe(`${base}${[...power].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('')}${after}`);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
