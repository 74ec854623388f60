/**
 * A figure reference as the 简报 editor inserts it: the snapshot the analyst accepts (the same fields
 * the services compare in bulletins/references.ts, plus the frozen label), and how a reference prints
 * in an issue's language. Runs anywhere.
 */
import type { FigureSnapshotRef } from './bulletin';
import type { BulletinContent } from './bulletin';
import type { Bilingual, Figure, Source } from './domain';
import { formatValue } from './format';
import { MESSAGES } from './i18n';
import { seedMetricName } from './metrics';

/** "智能机器人 · 产值" / "Smart robots · Output value": what the figure is about, as a table row names it. */
export function referenceLabel(f: Pick<Figure, 'scope' | 'metric'>, entityName: Bilingual | null, metricName?: Bilingual): { zh: string; en: string } {
  const name = (lang: 'zh-CN' | 'en'): string => (f.scope === 'entity' && entityName ? entityName[lang === 'en' ? 'en' : 'zh'] : MESSAGES[lang].scope[f.scope]);
  const metric = metricName ?? { zh: seedMetricName(f.metric, 'zh-CN'), en: seedMetricName(f.metric, 'en') };
  return { zh: `${name('zh-CN')} · ${metric.zh}`, en: `${name('en')} · ${metric.en}` };
}

/** The figure's current value with its source, as the reference accepts it. */
export function snapshotOf(
  f: Pick<Figure, 'scope' | 'metric' | 'value' | 'unit' | 'qualifier' | 'period' | 'sourceId' | 'sourceQuote'>,
  source: Pick<Source, 'publisher' | 'title' | 'author' | 'publishedOn'> | null,
  entityName: Bilingual | null,
  metricName?: Bilingual,
  /** The metric's own unit label, for a figure in 'metric_unit' (as the services freeze it). */
  unitLabel?: Bilingual | null,
): FigureSnapshotRef {
  return {
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    period: f.period,
    sourceId: f.sourceId,
    sourceQuote: f.sourceQuote === null ? null : f.sourceQuote.slice(0, 5000),
    source: source === null ? null : { publisher: source.publisher, title: source.title, author: source.author, publishedOn: source.publishedOn },
    label: referenceLabel(f, entityName, metricName),
    ...(f.unit === 'metric_unit' && unitLabel ? { unitLabel: { zh: unitLabel.zh, en: unitLabel.en } } : {}),
  };
}

/** How a reference prints in an issue: "近3万亿元" / "nearly 3 trillion yuan"; a bilingual issue prints Chinese. */
export function printedValue(ref: Pick<FigureSnapshotRef, 'value' | 'unit' | 'qualifier' | 'unitLabel'>, lang: BulletinContent['lang']): string {
  return formatValue(ref.value, ref.unit, ref.qualifier, lang === 'en' ? 'en' : 'zh-CN', ref.unitLabel ?? null);
}
