/**
 * pdfmake (0.3) writes every piece of a laid-out line — each word, and each Chinese character, since
 * a line may break between any two — as a text object of its own: save, opacity, colour, matrix,
 * font, the glyphs, restore, about ten PDF operators for three or four glyphs. A reader then spends
 * its time on the operators rather than the glyphs: pdf.js read the one-page brief (262 text
 * objects) as 3,254 operators; joined (102 text objects), as 1,500, and drew page 1 about a fifth
 * sooner (the preview, issue 13).
 *
 * Here, before pdfmake writes a line, neighbouring pieces that look the same and sit edge to edge are
 * joined into one, the step pdfmake's renderLine leaves as a TODO ("line.optimizeInlines()"). Every
 * glyph stays the glyph it was, where it was (tests/unit/pdf-lines.test.ts compares every word's
 * place and every page's drawing with and without):
 * - pdfkit sets a text word by word (a word with the spaces after it), each with the font's own
 *   advances: joining after a space sets the very same words.
 * - Joined inside a word (Chinese characters, a figure and its unit), the font sees the characters
 *   side by side and may kern them, form a ligature or take the word for another script. So such a
 *   join is kept only when the font sets the joined text exactly as it set the pieces one by one
 *   (pdfkit keeps that setting and writes the text with it: it costs nothing more).
 * - Pieces spread apart (a justified line), letter-spaced, linked, page references and anything else
 *   of a different look keep their own text objects.
 */
import Renderer, { type LaidInline, type LaidLine } from 'pdfmake/js/Renderer';

/** What a piece may differ in and still be joined: its text and where it is. */
const POSITION = new Set(['text', 'width', 'x', 'leadingCut', 'trailingCut', 'lineEnd', 'noNewLine']);
/** Pieces with any of these are written alone: pdfmake or pdfkit does something per piece with them. */
const ALONE = ['link', 'linkToPage', 'linkToDestination', '_pageNodeRef', 'fontFeatures'] as const;

/** A font as pdfkit holds it: `layout` is how it sets a text (an embedded font; cached per word). */
interface PieceFont {
  layout?: (text: string) => { glyphs: { id: number }[]; positions: Record<'xAdvance' | 'yAdvance' | 'xOffset' | 'yOffset', number>[] };
}

/** The same look, edge to edge, nothing written per piece. */
function alike(a: LaidInline, b: LaidInline): boolean {
  if (ALONE.some((k) => a[k] != null || b[k] != null)) return false;
  // Letter-spacing is written per text object: joined, the pieces would move apart.
  if (a.characterSpacing || b.characterSpacing) return false;
  if (a.text.length === 0 || b.text.length === 0) return false;
  // Edge to edge: the next piece starts where this one ends (a justified line spreads them apart).
  if (Math.abs(a.x + a.width - b.x) > 1e-6) return false;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (!POSITION.has(k) && a[k] !== b[k]) return false;
  return true;
}

const endsWord = (text: string): boolean => /[ \t]$/.test(text);

/** Whether the font sets the pieces' texts joined exactly as it sets them one by one. */
function setAlike(font: PieceFont, pieces: readonly LaidInline[]): boolean {
  if (!font.layout) return false;
  const setting = (texts: readonly string[]): string =>
    texts
      .map((text) => {
        const { glyphs, positions } = font.layout!(text);
        return glyphs.map((g, i) => `${g.id}:${positions[i]!.xAdvance},${positions[i]!.yAdvance},${positions[i]!.xOffset},${positions[i]!.yOffset}`).join(' ');
      })
      .join(' ');
  return setting([pieces.map((p) => p.text).join('')]) === setting(pieces.map((p) => p.text));
}

function joined(pieces: readonly LaidInline[]): LaidInline {
  if (pieces.length === 1) return pieces[0]!;
  const first = pieces[0]!;
  const last = pieces.at(-1)!;
  return { ...first, text: pieces.map((p) => p.text).join(''), width: pieces.reduce((w, p) => w + p.width, 0), ...(last.trailingCut !== undefined ? { trailingCut: last.trailingCut } : {}) };
}

/** The line's pieces with neighbours of the same look joined where nothing moves (new objects; the line is not changed). */
function joinedInlines(inlines: readonly LaidInline[]): LaidInline[] {
  const out: LaidInline[] = [];
  let run: LaidInline[] = [];
  const flush = (): void => {
    if (run.length > 1 && !setAlike(run[0]!.font as PieceFont, run)) {
      // Joined only where a word ends: pdfkit sets those words apart anyway.
      let words: LaidInline[] = [];
      for (const piece of run) {
        if (words.length > 0 && !endsWord(words.at(-1)!.text)) {
          out.push(joined(words));
          words = [];
        }
        words.push(piece);
      }
      out.push(joined(words));
    } else if (run.length > 0) out.push(joined(run));
    run = [];
  };
  for (const inline of inlines) {
    if (run.length > 0 && !alike(run.at(-1)!, inline)) flush();
    run.push(inline);
  }
  flush();
  return out;
}

let installed = false;
/** Off only for the test that compares the PDFs written with and without it. */
let joining = true;

/** Makes pdfmake's renderer join the pieces of each line it writes (once per process). */
export function joinLinePieces(): void {
  if (installed) return;
  installed = true;
  const renderLine = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function (this: Renderer, line: LaidLine, x: number, y: number): void {
    // A page reference rewrites the line's first piece as it is written.
    if (!joining || line._pageNodeRef != null || line.inlines.length < 2) return renderLine.call(this, line, x, y);
    const lineJoined = Object.assign(Object.create(Object.getPrototypeOf(line) as object) as LaidLine, line, { inlines: joinedInlines(line.inlines) });
    return renderLine.call(this, lineJoined, x, y);
  };
}

/** For the comparison test: write lines piece by piece, as pdfmake does by itself. */
export function setLineJoining(on: boolean): void {
  joining = on;
}
