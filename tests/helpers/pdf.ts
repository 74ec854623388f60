/** Reading PDFs the way a person's tools would: poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './files';

export const ARTIFACTS = path.join(ROOT, 'test-results', 'artifacts');

/** The text layer, with every run of whitespace (line and column breaks) turned into one space. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * The text layer in the order it is drawn, whitespace runs turned into one space, a word broken after its
 * hyphen at a line's end kept as printed: pdftotext's default reading drops such a hyphen ("new-" /
 * "generation" reads "newgeneration"), as if the word had been hyphenated.
 */
export function pdfTextAsDrawn(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The text layer with the page layout kept (columns of a table of contents stay on their line). */
export function pdfLayoutText(file: string, first = 1, last = 99): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(first), '-l', String(last), file, '-'], { encoding: 'utf8' });
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object, id.
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** Renders one page to a PNG under test-results/artifacts (kept for a person to look at). */
export function pageToPng(file: string, page: number, name: string, dpi = 80): string {
  fs.mkdirSync(path.dirname(path.join(ARTIFACTS, name)), { recursive: true });
  const prefix = path.join(ARTIFACTS, name);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

/**
 * One page drawn by pdftoppm and read back: its pixels row by row, `channels` bytes each (1 grey, 3 RGB),
 * from `at` on. Drawn in a temporary folder: not kept with the artifacts when the PDF is one.
 */
export function pagePixels(file: string, page: number, dpi: number, grey = false): { width: number; height: number; channels: 1 | 3; at: number; data: Buffer } {
  const prefix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-brief-pixels-')), 'page');
  execFileSync('pdftoppm', ['-r', String(dpi), ...(grey ? ['-gray'] : []), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const data = fs.readFileSync(`${prefix}.${grey ? 'pgm' : 'ppm'}`);
  const header = /^P[56]\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`${file}: pdftoppm wrote no picture of page ${page}`);
  return { width: Number(header[1]), height: Number(header[2]), channels: grey ? 1 : 3, at: header[0].length, data };
}

/**
 * The horizontal rules drawn on a page between two heights (in points from the top): each dark run of
 * pixels longer than half the page, drawn at 72 dpi (one pixel a point), its top and its left and
 * right ends; a rule a few pixels thick counts once.
 */
export function horizontalRules(file: string, page: number, from: number, to: number): { y: number; xMin: number; xMax: number }[] {
  const { width, height, at, data } = pagePixels(file, page, 72, true);
  const rules: { y: number; xMin: number; xMax: number }[] = [];
  for (let y = Math.max(0, Math.floor(from)); y < Math.min(height, Math.ceil(to)); y++) {
    let best = { length: 0, xMin: 0, xMax: 0 };
    for (let x = 0, run = 0; x < width; x++) {
      run = data[at + y * width + x]! < 160 ? run + 1 : 0;
      if (run > best.length) best = { length: run, xMin: x - run + 1, xMax: x + 1 };
    }
    if (best.length < width / 2) continue;
    const last = rules[rules.length - 1];
    if (last && y - last.y <= 3) continue;
    rules.push({ y, xMin: best.xMin, xMax: best.xMax });
  }
  return rules;
}

/** One page's text inside a rectangle (points), in the order the PDF draws it (-raw): a table cell's text stays together. */
export function pdfTextIn(file: string, page: number, box: { x: number; y: number; width: number; height: number }): string {
  return execFileSync(
    'pdftotext',
    ['-raw', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), '-x', String(Math.floor(box.x)), '-y', String(Math.floor(box.y)), '-W', String(Math.ceil(box.width)), '-H', String(Math.ceil(box.height)), file, '-'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box (pdftotext -bbox-layout), page by page. */
export function pdfWords(file: string): { pages: { width: number; height: number }[]; words: PdfWord[] } {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: { width: number; height: number }[] = [];
  const words: PdfWord[] = [];
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else words.push({ page: pages.length, xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]), text: m[7]! });
  }
  return { pages, words };
}
