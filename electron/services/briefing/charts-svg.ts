/**
 * Draws an ECharts option (from shared/charts) as an SVG string in plain Node: no DOM, no canvas.
 * The labels are set in the briefing's registered fonts: characters the CJK font lacks are wrapped
 * in a <tspan> naming the font that has them, so svg-to-pdfkit draws them instead of dropping them.
 */
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { FONT_FAMILY } from './fonts';
import { cleanForPrint, glyphCoverage, type GlyphCoverage } from './glyphs';

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

export function withFallbackTspans(svg: string, coverage: GlyphCoverage): string {
  return svg.replace(/(<text\b[^>]*>)([^<]*)(<\/text>)/g, (whole, open: string, raw: string, close: string) => {
    const body = cleanForPrint(raw);
    if (coverage.allPrimary(body)) return body === raw ? whole : `${open}${body}${close}`;
    const inner = coverage
      .runs(body)
      .map((r) => (r.font === 'primary' ? r.text : `<tspan font-family="${FONT_FAMILY[r.font]}">${r.text}</tspan>`))
      .join('');
    return `${open}${inner}${close}`;
  });
}
