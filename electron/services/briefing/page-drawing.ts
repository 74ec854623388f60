/**
 * Page 1 of a PDF as pdfkit writes it, taken for the preview (issue 13; shared/page-drawing.ts): the
 * page's content stream before it is compressed, and for each font it names the advances pdfkit
 * writes into the PDF (/W) and the outlines of the glyphs the page shows, from the same font files.
 * The preview draws page 1 from these the moment the answer arrives, where pdf.js would first read
 * the four embedded fonts back out of the PDF (most of its time on page 1).
 *
 * pdfkit keeps pages in memory until the document ends only when asked (`bufferPages`); page 1's
 * content is taken then, before pdfkit compresses it. Nothing here changes what the PDF holds.
 */
import type { PageDrawing } from '../../../shared/page-drawing';

/** The part of a pdfkit object (a page's content, its resources, a font's dictionary) read here. */
interface KitRef {
  data: Record<string, unknown>;
  buffer: Buffer[] | Buffer;
}

/** A glyph as fontkit reads it: its outline. */
interface KitGlyph {
  path: { toSVG(): string };
}

/** An embedded font as pdfkit holds it (EmbeddedFont). */
interface KitFont {
  dictionary?: KitRef;
  font?: { postscriptName: string; unitsPerEm: number; getGlyph(id: number): KitGlyph };
  subset?: { glyphs: number[] };
  /** By glyph code in the PDF (the subset's glyph id): thousandths of the size, as written in /W. */
  widths?: number[];
}

interface KitPage {
  width: number;
  height: number;
  content: KitRef;
  resources: KitRef;
}

/** The part of pdfkit's document read here. */
export interface KitDocument {
  _pageBuffer?: KitPage[];
  _fontFamilies?: Record<string, KitFont>;
}

/** Outlines already made, by font and glyph: the same glyphs come back preview after preview. */
const outlines = new Map<string, string>();

/**
 * Takes page 1 of a pdfkit document laid out with `bufferPages` and not yet ended: its content now
 * (pdfkit compresses it when the document ends), the rest when asked (after the end, once per
 * preview rather than for each fit level tried). Null when the document is not as expected.
 */
export function takeFirstPage(kit: KitDocument): (() => PageDrawing | null) | null {
  const page = kit._pageBuffer?.[0];
  if (!page || !Array.isArray(page.content.buffer)) return null;
  const content = Buffer.concat(page.content.buffer).toString('latin1');
  return () => {
    try {
      return pageDrawing(kit, page, content);
    } catch {
      // Whatever pdfkit did that this does not know: the preview reads the PDF instead.
      return null;
    }
  };
}

function pageDrawing(kit: KitDocument, page: KitPage, content: string): PageDrawing | null {
  const resources = page.resources.data;
  const fontRefs = (resources.Font ?? {}) as Record<string, KitRef>;
  const families = Object.values(kit._fontFamilies ?? {});
  const shown = glyphsShown(content);
  const fonts: PageDrawing['fonts'] = {};
  for (const [name, ref] of Object.entries(fontRefs)) {
    const font = families.find((f) => f.dictionary === ref);
    if (!font?.font || !font.subset || !font.widths) return null;
    const { font: file, subset } = font;
    const codes = shown.get(name) ?? new Set<number>();
    const glyphs = subset.glyphs.map((id, code) => {
      if (!codes.has(code)) return '';
      const key = `${file.postscriptName}\u0000${id}`;
      let d = outlines.get(key);
      if (d === undefined) outlines.set(key, (d = file.getGlyph(id).path.toSVG()));
      return d;
    });
    fonts[name] = { unitsPerEm: file.unitsPerEm, widths: Array.from(font.widths, (w) => w ?? 0), glyphs };
  }
  const states: PageDrawing['states'] = {};
  for (const [name, ref] of Object.entries((resources.ExtGState ?? {}) as Record<string, KitRef>)) {
    const { ca, CA } = ref.data as { ca?: number; CA?: number };
    states[name] = { ...(typeof ca === 'number' ? { fill: ca } : {}), ...(typeof CA === 'number' ? { stroke: CA } : {}) };
  }
  return { width: page.width, height: page.height, content, fonts, states };
}

/** The glyph codes each font shows on the page: the hex strings after each `/Fn size Tf`. */
function glyphsShown(content: string): Map<string, Set<number>> {
  const shown = new Map<string, Set<number>>();
  let codes: Set<number> | undefined;
  for (const m of content.matchAll(/\/([^\s/<[(]+)\s+[-\d.]+\s+Tf|<([0-9a-fA-F\s]*)>/g)) {
    if (m[1] !== undefined) {
      codes = shown.get(m[1]) ?? new Set();
      shown.set(m[1], codes);
    } else if (codes && m[2] !== undefined) {
      const hex = m[2].replace(/\s+/g, '');
      for (let i = 0; i + 4 <= hex.length; i += 4) codes.add(parseInt(hex.slice(i, i + 4), 16));
    }
  }
  return shown;
}
