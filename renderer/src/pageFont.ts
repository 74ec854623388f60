/**
 * The page's font: Noto Sans SC, which ships with the app (fonts.css), so Chinese never depends on
 * what the system has. antd's token and every chart's text (components/EChart.tsx) name it.
 */
export const PAGE_FONT = "'Noto Sans SC', system-ui, sans-serif";
