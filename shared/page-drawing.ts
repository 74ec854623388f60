/**
 * A PDF's first page as the service wrote it, for the preview to draw the moment it arrives (issue
 * 13): the page's content stream (pdfkit's operators, as in the PDF) and, for each font it uses, the
 * outlines and advances of the glyphs it shows; for each graphics state it names, its opacities. The
 * page draws these itself (renderer/src/pdf/draw-page.ts) instead of waiting for pdf.js to read the
 * PDF's embedded fonts again; pdf.js reads the same bytes behind it for the other pages and zoom.
 */
import { z } from 'zod';

export const DrawnFont = z.object({
  /** Font units per em: a glyph's outline is drawn at size / unitsPerEm. */
  unitsPerEm: z.number().positive(),
  /** Advance of each glyph the page's text names (the PDF's own /W widths: thousandths of the size). */
  widths: z.array(z.number()).max(65_536),
  /** Each glyph's outline as an SVG path in font units (y up); '' for a glyph the page does not show. */
  glyphs: z.array(z.string().max(100_000)).max(65_536),
});
export type DrawnFont = z.infer<typeof DrawnFont>;

export const PageDrawing = z.object({
  /** The page's size in PDF points. */
  width: z.number().positive(),
  height: z.number().positive(),
  /** The content stream as written (ASCII: pdfkit writes glyph codes as hex). */
  content: z.string().max(8_000_000),
  /** By the names the content gives them (/F1 …). */
  fonts: z.record(z.string(), DrawnFont),
  /** Graphics states by name (/Gs1 …): fill (ca) and stroke (CA) opacity, where set. */
  states: z.record(z.string(), z.object({ fill: z.number().min(0).max(1).optional(), stroke: z.number().min(0).max(1).optional() })),
});
export type PageDrawing = z.infer<typeof PageDrawing>;
