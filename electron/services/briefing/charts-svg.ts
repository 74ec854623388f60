/**
 * Draws an ECharts option (from shared/charts) as an SVG string in plain Node: no DOM, no canvas.
 * The labels are set in the briefing's registered fonts: characters the CJK font lacks are wrapped
 * in a <tspan> naming the font that has them, so svg-to-pdfkit draws them instead of dropping them.
 */
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { FONT_FAMILY } from './fonts';
import { cleanForPrint, glyphCoverage, unjoinedEmoji, type GlyphCoverage } from './glyphs';
import { measureText } from './measure';

const CACHE_SIZE = 16;
const cache = new Map<string, string>();

/**
 * Draws a chart, or returns the SVG drawn before for the same key. The key must hold every input of
 * the option builder (data, language, names, size): the option itself carries formatter functions
 * whose closures a key made from the option could not see.
 */
export function cachedChartSvg(key: string, option: () => EChartsOption, size: { width: number; height: number }): string {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  const svg = renderChartSvg(option(), size);
  cache.set(key, svg);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return svg;
}

export function clearChartCache(): void {
  cache.clear();
}

export function renderChartSvg(option: EChartsOption, size: { width: number; height: number }, coverage: GlyphCoverage = glyphCoverage()): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return withFallbackTspans(chart.renderToSVGString(), coverage);
  } finally {
    chart.dispose();
  }
}

/**
 * Each run of a label the CJK font lacks goes in a <tspan> naming the font that has it. Every run is
 * placed at its own x, measured with the font that draws it: svg-to-pdfkit leaves a gap of several
 * points at each <tspan> boundary otherwise, so a long Polish or emoji-laden name ran across the bars
 * and off the page. The label's anchor (start, middle, end) is kept: svg-to-pdfkit anchors each placed
 * run by itself, so each run's x is where that run's own start, middle or end falls.
 */
export function withFallbackTspans(svg: string, coverage: GlyphCoverage): string {
  return svg.replace(/(<text\b[^>]*>)([^<]*)(<\/text>)/g, (whole, open: string, raw: string, close: string) => {
    const body = unjoinedEmoji(cleanForPrint(raw));
    if (coverage.allPrimary(body)) return body === raw ? whole : `${open}${body}${close}`;
    const runs = coverage.runs(unescapeXml(body));
    const size = Number(/font-size:\s*([\d.]+)px/.exec(open)?.[1] ?? /\sfont-size="([\d.]+)"/.exec(open)?.[1] ?? 12);
    const bold = /font-weight:\s*(bold|[6-9]00)|\sfont-weight="(bold|[6-9]00)"/.test(open);
    const anchor = /\stext-anchor="(middle|end)"/.exec(open)?.[1] ?? 'start';
    const base = Number(/\sx="(-?[\d.]+)"/.exec(open)?.[1] ?? 0);
    const widths = runs.map((r) => measureText(r.text, size, bold));
    const total = widths.reduce((a, b) => a + b, 0);
    let offset = 0;
    const inner = runs
      .map((r, i) => {
        const w = widths[i]!;
        const x = base + (anchor === 'start' ? offset : anchor === 'end' ? offset + w - total : offset + w / 2 - total / 2);
        offset += w;
        return `<tspan x="${x.toFixed(2)}"${r.font === 'primary' ? '' : ` font-family="${FONT_FAMILY[r.font]}"`}>${escapeXml(r.text)}</tspan>`;
      })
      .join('');
    return `${open}${inner}${close}`;
  });
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (XML_ENTITIES[e.toLowerCase()] ?? whole),
  );
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
