/**
 * Page 1 drawn from the service's own record of it (shared/page-drawing.ts) the moment the preview's
 * answer arrives, without pdf.js reading the PDF's embedded fonts again (issue 13). The page's content
 * stream is played on a canvas operator by operator: the PDF operators pdfkit writes for the app's
 * briefings (paths, colours, opacity, clipping, text in embedded fonts). Glyphs are filled from their
 * outlines, as pdf.js draws them in the preview (disableFontFace), so the two drawings agree
 * (tests/e2e/briefing.spec.ts compares them); an operator this does not know throws, and the
 * preview then draws page 1 with pdf.js as before. Nothing here decides what a page holds.
 */
import type { PageDrawing } from '../../../shared/page-drawing';
import { fitScale, type FirstDrawing } from './pdfjs';

/** An operator or operand this player does not know: the page is drawn by pdf.js instead. */
export class UnsupportedDrawing extends Error {}

/** Glyph outlines made into paths, by outline: the same glyphs come back preview after preview. */
const OUTLINES = new Map<string, Path2D>();
const MAX_OUTLINES = 20_000;

type Operand = number | string | Operand[] | { hex: string };

/** The content stream's tokens, operands gathered until their operator. */
function* operations(content: string): Generator<{ op: string; args: Operand[] }> {
  let args: Operand[] = [];
  const stack: Operand[][] = [];
  const at = { i: 0 };
  const n = content.length;
  while (at.i < n) {
    const c = content[at.i]!;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      at.i++;
    } else if (c === '[') {
      stack.push(args);
      args = [];
      at.i++;
    } else if (c === ']') {
      const array = args;
      args = stack.pop() ?? [];
      args.push(array);
      at.i++;
    } else if (c === '<') {
      const end = content.indexOf('>', at.i);
      if (end < 0 || content[at.i + 1] === '<') throw new UnsupportedDrawing('dictionary');
      args.push({ hex: content.slice(at.i + 1, end).replace(/\s+/g, '') });
      at.i = end + 1;
    } else if (c === '/') {
      let j = at.i + 1;
      while (j < n && !/[\s/[\]<>()]/.test(content[j]!)) j++;
      args.push(content.slice(at.i + 1, j));
      at.i = j;
    } else if (c === '(' || c === '%' || c === '{') {
      throw new UnsupportedDrawing(c);
    } else {
      let j = at.i;
      while (j < n && !/[\s/[\]<>()]/.test(content[j]!)) j++;
      const word = content.slice(at.i, j);
      at.i = j;
      const number = Number(word);
      if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(word) && Number.isFinite(number)) {
        args.push(number);
      } else {
        if (stack.length > 0) throw new UnsupportedDrawing(word);
        yield { op: word, args };
        args = [];
      }
    }
  }
}

interface State {
  fill: string;
  stroke: string;
  fillAlpha: number;
  strokeAlpha: number;
  font: string | null;
  size: number;
  charSpacing: number;
}

const num = (a: Operand | undefined): number => {
  if (typeof a !== 'number') throw new UnsupportedDrawing('operand');
  return a;
};
const rgb = (args: Operand[]): string => {
  const v = args.map((a) => Math.round(num(a) * 255));
  if (v.length === 1) return `rgb(${v[0]},${v[0]},${v[0]})`;
  if (v.length === 3) return `rgb(${v[0]},${v[1]},${v[2]})`;
  throw new UnsupportedDrawing('colour');
};

/**
 * Plays the page's content on a canvas at `scale` device pixels per point (white page first, as
 * pdf.js draws it). Throws UnsupportedDrawing for anything it does not know.
 */
export function drawPage(page: PageDrawing, canvas: HTMLCanvasElement, scale: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new UnsupportedDrawing('canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // PDF space: y up from the page's foot.
  ctx.setTransform(scale, 0, 0, -scale, 0, page.height * scale);
  const glyph = (font: string, code: number): Path2D | null => {
    const d = page.fonts[font]?.glyphs[code];
    if (d === undefined) throw new UnsupportedDrawing('glyph');
    if (!d) return null;
    let path = OUTLINES.get(d);
    if (!path) {
      if (OUTLINES.size >= MAX_OUTLINES) OUTLINES.clear();
      OUTLINES.set(d, (path = new Path2D(d)));
    }
    return path;
  };

  let state: State = { fill: 'rgb(0,0,0)', stroke: 'rgb(0,0,0)', fillAlpha: 1, strokeAlpha: 1, font: null, size: 0, charSpacing: 0 };
  const saved: State[] = [];
  let path = new Path2D();
  let clip: CanvasFillRule | null = null;
  // Text matrix and its line matrix (a b c d e f), inside BT … ET.
  let tm = [1, 0, 0, 1, 0, 0];
  let lm = [1, 0, 0, 1, 0, 0];
  let depth = 0;

  const endPath = (): void => {
    if (clip) ctx.clip(path, clip);
    clip = null;
    path = new Path2D();
  };
  const fill = (rule: CanvasFillRule): void => {
    ctx.fillStyle = state.fill;
    ctx.globalAlpha = state.fillAlpha;
    ctx.fill(path, rule);
  };
  const stroke = (): void => {
    ctx.strokeStyle = state.stroke;
    ctx.globalAlpha = state.strokeAlpha;
    ctx.stroke(path);
  };
  const show = (items: Operand[]): void => {
    const font = state.font ? page.fonts[state.font] : undefined;
    if (!font || !state.font) throw new UnsupportedDrawing('font');
    const em = state.size / font.unitsPerEm;
    ctx.fillStyle = state.fill;
    ctx.globalAlpha = state.fillAlpha;
    let x = 0;
    for (const item of items) {
      if (typeof item === 'number') {
        x -= (item / 1000) * state.size;
      } else if (typeof item === 'object' && !Array.isArray(item) && 'hex' in item) {
        const hex = item.hex;
        if (hex.length % 4 !== 0) throw new UnsupportedDrawing('code');
        for (let i = 0; i < hex.length; i += 4) {
          const code = parseInt(hex.slice(i, i + 4), 16);
          const outline = glyph(state.font, code);
          if (outline) {
            ctx.save();
            ctx.transform(tm[0]!, tm[1]!, tm[2]!, tm[3]!, tm[4]!, tm[5]!);
            ctx.translate(x, 0);
            ctx.scale(em, em);
            ctx.fill(outline);
            ctx.restore();
          }
          x += ((font.widths[code] ?? 0) / 1000) * state.size + state.charSpacing;
        }
      } else {
        throw new UnsupportedDrawing('text');
      }
    }
    // The text matrix moves on by what was shown (a following TJ without Tm continues from there).
    tm = [tm[0]!, tm[1]!, tm[2]!, tm[3]!, tm[4]! + x * tm[0]!, tm[5]! + x * tm[1]!];
  };

  for (const { op, args } of operations(page.content)) {
    switch (op) {
      case 'q':
        saved.push({ ...state });
        ctx.save();
        depth++;
        break;
      case 'Q':
        if (depth === 0) throw new UnsupportedDrawing('Q');
        state = saved.pop()!;
        ctx.restore();
        depth--;
        break;
      case 'cm':
        ctx.transform(num(args[0]), num(args[1]), num(args[2]), num(args[3]), num(args[4]), num(args[5]));
        break;
      case 'w':
        ctx.lineWidth = num(args[0]);
        break;
      case 'J':
        ctx.lineCap = (['butt', 'round', 'square'] as const)[num(args[0])] ?? 'butt';
        break;
      case 'j':
        ctx.lineJoin = (['miter', 'round', 'bevel'] as const)[num(args[0])] ?? 'miter';
        break;
      case 'M':
        ctx.miterLimit = num(args[0]);
        break;
      case 'd': {
        const [dashes, phase] = args;
        if (!Array.isArray(dashes)) throw new UnsupportedDrawing('d');
        ctx.setLineDash(dashes.map(num));
        ctx.lineDashOffset = num(phase);
        break;
      }
      case 'gs': {
        const gs = page.states[String(args[0])];
        if (!gs) throw new UnsupportedDrawing('gs');
        state = { ...state, ...(gs.fill !== undefined ? { fillAlpha: gs.fill } : {}), ...(gs.stroke !== undefined ? { strokeAlpha: gs.stroke } : {}) };
        break;
      }
      case 'cs':
      case 'CS':
        if (args[0] !== 'DeviceRGB' && args[0] !== 'DeviceGray') throw new UnsupportedDrawing('colour space');
        break;
      case 'scn':
      case 'sc':
      case 'rg':
      case 'g':
        state = { ...state, fill: rgb(args) };
        break;
      case 'SCN':
      case 'SC':
      case 'RG':
      case 'G':
        state = { ...state, stroke: rgb(args) };
        break;
      case 'm':
        path.moveTo(num(args[0]), num(args[1]));
        break;
      case 'l':
        path.lineTo(num(args[0]), num(args[1]));
        break;
      case 'c':
        path.bezierCurveTo(num(args[0]), num(args[1]), num(args[2]), num(args[3]), num(args[4]), num(args[5]));
        break;
      case 'h':
        path.closePath();
        break;
      case 're':
        path.rect(num(args[0]), num(args[1]), num(args[2]), num(args[3]));
        break;
      case 'f':
      case 'F':
        fill('nonzero');
        endPath();
        break;
      case 'f*':
        fill('evenodd');
        endPath();
        break;
      case 'S':
        stroke();
        endPath();
        break;
      case 's':
        path.closePath();
        stroke();
        endPath();
        break;
      case 'B':
      case 'B*':
        fill(op === 'B' ? 'nonzero' : 'evenodd');
        stroke();
        endPath();
        break;
      case 'b':
      case 'b*':
        path.closePath();
        fill(op === 'b' ? 'nonzero' : 'evenodd');
        stroke();
        endPath();
        break;
      case 'n':
        endPath();
        break;
      case 'W':
        clip = 'nonzero';
        break;
      case 'W*':
        clip = 'evenodd';
        break;
      case 'BT':
        tm = [1, 0, 0, 1, 0, 0];
        lm = [1, 0, 0, 1, 0, 0];
        break;
      case 'ET':
        break;
      case 'Tm':
        tm = args.map(num);
        if (tm.length !== 6) throw new UnsupportedDrawing('Tm');
        lm = [...tm];
        break;
      case 'Td': {
        const [tx, ty] = [num(args[0]), num(args[1])];
        lm = [lm[0]!, lm[1]!, lm[2]!, lm[3]!, lm[4]! + tx * lm[0]! + ty * lm[2]!, lm[5]! + tx * lm[1]! + ty * lm[3]!];
        tm = [...lm];
        break;
      }
      case 'Tf':
        state = { ...state, font: String(args[0]), size: num(args[1]) };
        break;
      case 'Tc':
        state = { ...state, charSpacing: num(args[0]) };
        break;
      case 'Tr':
        // Only filled text (0) is drawn as the PDF asks; any other mode is read by pdf.js.
        if (num(args[0]) !== 0) throw new UnsupportedDrawing('Tr');
        break;
      case 'TJ': {
        const [items] = args;
        if (!Array.isArray(items)) throw new UnsupportedDrawing('TJ');
        show(items);
        break;
      }
      case 'Tj':
        show(args);
        break;
      default:
        throw new UnsupportedDrawing(op);
    }
  }
  if (depth !== 0) throw new UnsupportedDrawing('q');
}

/**
 * Page 1 drawn off the screen at the scale that fits a region of `regionWidth` CSS pixels (as
 * loadPdf draws it with pdf.js); null when the drawing holds something this player does not know.
 */
export function drawFirstPage(page: PageDrawing, regionWidth: number): FirstDrawing | null {
  const scale = fitScale(regionWidth, page.width);
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(page.width * scale * ratio);
  canvas.height = Math.floor(page.height * scale * ratio);
  try {
    drawPage(page, canvas, scale * ratio);
  } catch {
    // Something the player does not know (UnsupportedDrawing) or could not do: pdf.js draws it.
    return null;
  }
  // Said on the canvas, for whoever checks which way page 1 came (pdf.js drawing it again removes it: PdfPage).
  canvas.dataset.drawnFrom = 'record';
  performance.mark('preview:drawn');
  return { canvas, scale, ratio };
}
