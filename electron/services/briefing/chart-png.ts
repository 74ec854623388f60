/**
 * Charts for the Word writer: the very ECharts SVG the PDF draws (shared/charts builders, through
 * charts-svg.ts) rasterised to PNG by resvg, with the app's own font files passed explicitly and no
 * system fonts, so labels look the same on every machine. Drawings are kept by key, like the SVGs.
 */
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from '../../../shared/document';
import { chartOptionFor, type ChartNames } from './chart-option';
import { renderChartSvg } from './charts-svg';
import { subsetFontFile } from './font-subset';
import { FONT_FAMILY, fontFiles } from './fonts';

export type { ChartNames } from './chart-option';

/** The names the SVG uses for the fonts (as registered with pdfmake) → the families inside the font files. */
const FAMILY_IN_FILE: Record<string, string> = { [FONT_FAMILY.primary]: 'Noto Sans SC', [FONT_FAMILY.latin]: 'Noto Sans', [FONT_FAMILY.emoji]: 'Noto Emoji' };

/** The chart's option, exactly as the PDF writer builds it. */
export const chartOption = chartOptionFor;

/** An SVG drawn for pdfmake, made readable by resvg: its font names become the families in the files. */
export function svgForResvg(svg: string): string {
  return svg.replace(/\b(NotoSansSC|NotoSans|NotoEmoji)\b/g, (name) => `'${FAMILY_IN_FILE[name] ?? name}'`).replace(/''/g, "'");
}

/**
 * The font files a drawing uses: resvg parses every file it is given for every drawing (~10 MB
 * each for the CJK faces), so a bold or fallback face is passed only when the SVG asks for it.
 */
export function fontFilesFor(svg: string): string[] {
  const files = fontFiles();
  const bold = /font-weight:\s*(bold|[6-9]00)|font-weight="(bold|[6-9]00)"/.test(svg);
  return [
    files.regular,
    ...(bold ? [files.bold] : []),
    ...(new RegExp(`\\b${FONT_FAMILY.latin}\\b`).test(svg) ? [files.latinRegular, ...(bold ? [files.latinBold] : [])] : []),
    ...(new RegExp(`\\b${FONT_FAMILY.emoji}\\b`).test(svg) ? [files.fallback] : []),
  ];
}

/** The characters an SVG prints: its text with the markup taken out and entities decoded. */
function printedCharacters(svg: string): string {
  return svg
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
}

/**
 * The font files of a drawing as resvg is given them: the CJK faces (10 MB each, which resvg reads
 * again for every label) cut to the characters the drawing prints (font-subset.ts).
 */
export function drawingFontFiles(svg: string): string[] {
  const files = fontFiles();
  const text = printedCharacters(svg);
  return fontFilesFor(svg).map((f) => (f === files.regular || f === files.bold ? subsetFontFile(f, text) : f));
}

export function svgToPng(svg: string, widthPx: number): Buffer {
  const resvg = new Resvg(svgForResvg(svg), {
    fitTo: { mode: 'width', value: widthPx },
    background: '#ffffff',
    font: { fontFiles: drawingFontFiles(svg), loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' },
  });
  return resvg.render().asPng();
}

const CACHE_SIZE = 16;
const cache = new Map<string, Buffer>();

/** A chart as PNG, `scale` pixels per drawn pixel (2: sharp when printed at the page's width). */
export function chartPng(spec: ChartSpec, names: ChartNames, size: { width: number; height: number }, scale = 2): Buffer {
  const key = JSON.stringify([spec, names, size, scale]);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const png = svgToPng(renderChartSvg(chartOption(spec, names, 11, size.width), size), size.width * scale);
  cache.set(key, png);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return png;
}

export function clearChartPngCache(): void {
  cache.clear();
}
