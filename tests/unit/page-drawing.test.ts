/**
 * The preview's record of page 1 (issue 13; electron/services/briefing/page-drawing.ts) is the PDF's
 * page 1: its content stream byte for byte, each glyph code it shows with the advance the PDF's /W
 * gives it and an outline, each graphics state with the PDF's opacities. Random briefings (template,
 * language, industries) and the shipped 简报 example; the page's drawing of that record against pdf.js's
 * is compared in Chromium (tests/e2e/briefing.spec.ts).
 */
import fc from 'fast-check';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefingPreview, BriefingRequest } from '../../shared/briefing';
import { tempDir } from '../helpers/files';
import { openWithHandlers } from '../helpers/handlers';
import { propertySeed } from '../helpers/seed';

/** A PDF as pdfkit writes it: its objects by number, each its dictionary text and its stream, inflated. */
function pdfObjects(pdf: Buffer): Map<number, { dict: string; stream?: Buffer }> {
  const text = pdf.toString('latin1');
  const out = new Map<number, { dict: string; stream?: Buffer }>();
  for (const m of text.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('\nstream\n');
    if (at < 0) {
      out.set(Number(m[1]), { dict: body });
      continue;
    }
    const raw = Buffer.from(body.slice(at + '\nstream\n'.length, body.lastIndexOf('\nendstream')), 'latin1');
    const dict = body.slice(0, at);
    out.set(Number(m[1]), { dict, stream: /\/Filter \/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw });
  }
  return out;
}

const ref = (dict: string, key: string): number => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  if (!m) throw new Error(`no /${key} in ${dict.slice(0, 200)}`);
  return Number(m[1]);
};

/** What the PDF itself says of page 1: its content, and per font name its /W advances; per state its opacities. */
function pdfFirstPage(pdf: Buffer): { content: string; widths: Map<string, Map<number, number>>; states: Map<string, { fill?: number; stroke?: number }> } {
  const objects = pdfObjects(pdf);
  const get = (n: number): { dict: string; stream?: Buffer } => objects.get(n) ?? expect.fail(`object ${n} missing`);
  const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict))!;
  const pages = get(ref(catalog.dict, 'Pages'));
  const kid = Number(/\/Kids \[(\d+) 0 R/.exec(pages.dict)![1]);
  const page = get(kid);
  const content = get(ref(page.dict, 'Contents')).stream!.toString('latin1');
  const resources = get(ref(page.dict, 'Resources')).dict;
  const widths = new Map<string, Map<number, number>>();
  for (const [, name, n] of (/\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\S+) (\d+) 0 R/g)) {
    const descendant = get(Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(get(Number(n)).dict)![1]));
    const w = /\/W \[0 \[([^\]]*)\]\]/.exec(descendant.dict)![1]!.trim().split(/\s+/).map(Number);
    widths.set(name!, new Map(w.map((v, code) => [code, v])));
  }
  const states = new Map<string, { fill?: number; stroke?: number }>();
  for (const [, name, n] of (/\/ExtGState <<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\S+) (\d+) 0 R/g)) {
    const dict = get(Number(n)).dict;
    const fill = /\/ca ([\d.]+)/.exec(dict)?.[1];
    const stroke = /\/CA ([\d.]+)/.exec(dict)?.[1];
    states.set(name!, { ...(fill ? { fill: Number(fill) } : {}), ...(stroke ? { stroke: Number(stroke) } : {}) });
  }
  return { content, widths, states };
}

/** The glyph codes the content shows, per font name. */
function codesShown(content: string): Map<string, Set<number>> {
  const shown = new Map<string, Set<number>>();
  let font = '';
  for (const m of content.matchAll(/\/(\S+) [\d.]+ Tf|<([0-9a-f]*)>/g)) {
    if (m[1]) font = m[1];
    else for (let i = 0; i < m[2]!.length; i += 4) (shown.get(font) ?? shown.set(font, new Set()).get(font)!).add(parseInt(m[2]!.slice(i, i + 4), 16));
  }
  return shown;
}

/** The record is the PDF's page 1. */
function expectRecordOfPdf(answer: BriefingPreview, what: string): void {
  const record = answer.firstPage;
  expect(record, `${what}: page 1's record came`).toBeDefined();
  const pdf = pdfFirstPage(Buffer.from(answer.pdfBase64, 'base64'));
  expect(record!.content === pdf.content, `${what}: the content stream is the PDF's page 1`).toBe(true);
  const shown = codesShown(pdf.content);
  expect(shown.size, `${what}: page 1 shows text`).toBeGreaterThan(0);
  for (const [font, codes] of shown) {
    const drawn = record!.fonts[font];
    expect(drawn, `${what}: font ${font}`).toBeDefined();
    for (const code of codes) {
      // pdfkit writes /W rounded to its number format; the record keeps the advance unrounded.
      expect(drawn!.widths[code], `${what}: ${font} code ${code}'s advance`).toBeCloseTo(pdf.widths.get(font)!.get(code)!, 2);
      expect(drawn!.glyphs[code], `${what}: ${font} code ${code} has an entry`).toBeTypeOf('string');
    }
  }
  // Outlines came: all but the blank glyphs (spaces) draw something.
  const outlines = [...shown].flatMap(([font, codes]) => [...codes].map((c) => record!.fonts[font]!.glyphs[c]!));
  expect(outlines.filter((d) => d.length > 0).length, `${what}: glyphs with an outline`).toBeGreaterThan(outlines.length / 2);
  expect(new Map(Object.entries(record!.states)), `${what}: opacities`).toEqual(pdf.states);
}

const SEED = propertySeed('PAGE_DRAWING_PROPERTY_SEED', 20261206);

describe("the preview's record of page 1", () => {
  let call: (channel: string, input: unknown) => Promise<unknown>;
  let entityIds: string[];
  beforeAll(async () => {
    ({ call } = openWithHandlers(path.join(tempDir(), 'data.sqlite')));
    entityIds = ((await call('listEntities', {})) as { id: string }[]).map((e) => e.id);
  });

  it(`is the PDF's page 1 for random briefings (seed ${SEED})`, async () => {
    const requests = fc.record({
      template: fc.constantFrom<BriefingRequest['template']>('one-page', 'full', 'fact-sheet'),
      lang: fc.constantFrom<BriefingRequest['lang']>('zh', 'en', 'bilingual'),
      pick: fc.array(fc.nat(), { maxLength: 3 }),
      marking: fc.constantFrom('', '内部资料'),
    });
    await fc.assert(
      fc.asyncProperty(requests, async ({ template, lang, pick, marking }) => {
        const ids = [...new Set(pick.map((i) => entityIds[i % entityIds.length]!))];
        const request: BriefingRequest = { template, lang, entityIds: template === 'fact-sheet' ? [ids[0] ?? entityIds[0]!] : ids, title: '', subtitle: '', author: '研究室', marking };
        expectRecordOfPdf((await call('previewBriefing', { request })) as BriefingPreview, JSON.stringify(request));
      }),
      { numRuns: 20, seed: SEED, endOnFailure: true, verbose: 0 },
    );
  }, 300_000);

  it("is the PDF's page 1 for the shipped 简报 example, its red head and serif faces", async () => {
    const archive = (await call('listIssuedBulletins', {})) as { items: { id: number }[] };
    expect(archive.items.length).toBeGreaterThan(0);
    expectRecordOfPdf((await call('previewBulletin', { id: archive.items[0]!.id })) as BriefingPreview, '示例');
  }, 60_000);
});
