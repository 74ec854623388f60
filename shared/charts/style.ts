/**
 * What the chart option builders share: the palette and the text settings. The app passes no font
 * (renderer/src/components/EChart.tsx puts the page's under every chart); a PDF passes the name under
 * which its CJK font is registered, so the labels inside the SVG are drawn with that font.
 */
export interface ChartStyle {
  fontFamily?: string;
  fontSize?: number;
  /** Turn off entry animation (server-side rendering draws the final frame only). */
  animation?: boolean;
  /** Light text and rules for the app's dark theme (a PDF is always on white paper). */
  dark?: boolean;
  /**
   * Room for the category labels and the value labels, in px, when the caller has measured them with
   * the fonts that will draw them (the PDF): the chart then reserves exactly that room instead of its
   * own estimate, which knows no font and can let a long label run off the page.
   */
  labelWidth?: number;
  valueWidth?: number;
  /**
   * The legend's entries row by row, as the caller packed them measuring with the fonts that draw them
   * (the PDF): each row a legend of its own at its own height, and the plot below the last. Without
   * it the chart wraps its one legend by its own estimate and keeps room for one row only.
   */
  legendRows?: string[][];
  /** Entries too long for one line, with the line breaks their text takes (an entry's name → its text). */
  legendLines?: Readonly<Record<string, string>>;
  /** The value axis's end, when charts drawn apart must share one scale (an output chart split over pages). */
  axisMax?: number;
}

/** One row of a legend: its text (about 14 px at the charts' 11 px) and the gap below it. */
export const LEGEND_PITCH = 20;
/**
 * The gap between two entries of a row the caller packed: wider than ECharts' 10 px, since ECharts
 * places the entries by its own estimate of the text's width, which can fall a few px short.
 */
export const LEGEND_GAP = 20;

export const CHART_COLORS = {
  pillar: '#0b3d6b',
  emerging: '#3f7cb8',
  future: '#8fb3d9',
  text: '#1f2328',
  muted: '#57606a',
  rule: '#d0d7de',
} as const;

/** Bar fills on the app's dark card (#141414): each at least 3:1 against it (WCAG non-text contrast). */
const DARK_BARS = { pillar: '#91caff', emerging: '#4f8fd6', future: '#6ea8e6' } as const;

/** The fill of a category's bars for the style's background. */
export function barColor(category: 'pillar' | 'emerging' | 'future', style: ChartStyle): string {
  return style.dark ? DARK_BARS[category] : CHART_COLORS[category];
}

const DARK_INK = { text: 'rgba(255, 255, 255, 0.88)', muted: 'rgba(255, 255, 255, 0.68)', rule: 'rgba(255, 255, 255, 0.25)' } as const;

/** Text, secondary text and rule colours for the style's background. */
export function ink(style: ChartStyle): { text: string; muted: string; rule: string } {
  return style.dark ? DARK_INK : { text: CHART_COLORS.text, muted: CHART_COLORS.muted, rule: CHART_COLORS.rule };
}

/** Label defaults: no text outline (svg-to-pdfkit ignores paint-order, so an outline hides the text). */
export function textStyle(style: ChartStyle): { fontFamily?: string; fontSize: number; color: string; textBorderWidth: 0 } {
  return {
    ...(style.fontFamily ? { fontFamily: style.fontFamily } : {}),
    fontSize: style.fontSize ?? 11,
    color: ink(style).text,
    textBorderWidth: 0,
  };
}

/** Between a bilingual value's two languages in a chart's label ("超过1万亿元 / over 1 trillion yuan"); the Word report's table of a chart's numbers sets each on a line of its own. */
export const VALUES_JOINED = ' / ';
