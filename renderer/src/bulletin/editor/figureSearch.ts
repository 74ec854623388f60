/**
 * Finding a figure to reference, in Chinese or English: by industry name, source or note (the figures
 * table's full-text search), by metric name in either language (年产值 / output value), or by value as
 * printed (3万亿, 100亿元, 9.2%). Plain functions over the contract's listFigures.
 */
import type { Bridge } from '../../../../shared/client';
import { Metric } from '../../../../shared/domain';
import { formatFigure } from '../../../../shared/format';
import { MESSAGES } from '../../../../shared/i18n';
import type { FigureListRow } from '../../../../shared/workbench';

const LIMIT = 30;

/** The metrics whose name (either language) contains the words typed, or is contained in them. */
export function metricsNamed(query: string): Metric[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  return Metric.options.filter((m) =>
    [MESSAGES['zh-CN'].metric[m], MESSAGES.en.metric[m]].some((name) => {
      const n = name.toLowerCase();
      return n.includes(q) || q.includes(n);
    }),
  );
}

/** Does the figure's printed value (either language) hold what was typed, ignoring spaces and commas? */
export function valueMatches(row: Pick<FigureListRow, 'value' | 'unit' | 'qualifier'>, query: string): boolean {
  const squash = (s: string): string => s.toLowerCase().replace(/[\s,，]/g, '');
  const q = squash(query);
  if (!/\d/.test(q)) return false;
  return [formatFigure(row, 'zh-CN'), formatFigure(row, 'en'), String(row.value)].some((text) => squash(text).includes(q));
}

export async function searchFigures(api: Bridge, query: string, lang: 'zh-CN' | 'en'): Promise<FigureListRow[]> {
  const q = query.trim();
  if (q === '') return [];
  const metrics = metricsNamed(q);
  const pages = await Promise.all([
    api.listFigures({ q, limit: LIMIT, lang, withTotal: false, sort: 'entity', order: 'asc' }),
    ...metrics.map((metric) => api.listFigures({ metric, limit: LIMIT, lang, withTotal: false, sort: 'entity', order: 'asc' })),
    /\d/.test(q) ? api.listFigures({ limit: 500, lang, withTotal: false, sort: 'value', order: 'desc' }) : Promise.resolve(null),
  ]);
  const seen = new Set<number>();
  const out: FigureListRow[] = [];
  const byValue = pages[pages.length - 1];
  for (const page of pages) {
    if (!page) continue;
    for (const row of page.rows) {
      if (seen.has(row.id)) continue;
      if (page === byValue && !valueMatches(row, q)) continue;
      seen.add(row.id);
      out.push(row);
    }
  }
  return out.slice(0, LIMIT * 2);
}
