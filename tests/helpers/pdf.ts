/** Reading PDFs the way a person's tools would: poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './files';

export const ARTIFACTS = path.join(ROOT, 'test-results', 'artifacts');

/** The text layer, with every run of whitespace (line and column breaks) turned into one space. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
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
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const prefix = path.join(ARTIFACTS, name);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}
