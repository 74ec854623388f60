/** One ECharts chart in the page (SVG renderer), from an option built by shared/charts. */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { useEffect, useRef } from 'react';
import { PAGE_FONT } from '../pageFont';
import { REDUCED_MOTION, useMediaQuery } from '../useMediaQuery';

echarts.use([BarChart, LineChart, LabelLayout, AriaComponent, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/**
 * Its words are drawn in the page's font: ECharts writes a font on every SVG text it draws (its
 * default "sans-serif", the system's: boxes for Chinese where the system has no Chinese font), so
 * the option's base text style names the page's, under whatever the option's own text styles say.
 * `label` is what a screen reader hears: the chart's values in words (shared/charts/dashboard.ts).
 * It is also ECharts' aria description, so ECharts' own label (data positions) never replaces it.
 */
export function EChart({ option, label, height = 320, dark }: { option: EChartsOption; label: string; height?: number; dark: boolean }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const still = useMediaQuery(REDUCED_MOTION);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, dark ? 'dark' : undefined, { renderer: 'svg' });
    const base = Array.isArray(option.textStyle) ? {} : option.textStyle;
    chart.setOption({ ...option, textStyle: { fontFamily: PAGE_FONT, ...base }, animation: !still, aria: { enabled: true, label: { description: label } }, backgroundColor: 'transparent' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option, label, dark, still]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
