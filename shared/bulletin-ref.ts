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

/** The longest label a reference keeps (FigureSnapshotRef.label). */
const LABEL_MAX = 300;

/**
 * "智能机器人 · 产值" / "Smart robots · Output value": what the figure is about, as a table row names it;
 * a city's figure with its city ("智能机器人 · 产值（深圳市）"), not read as the cluster's whole. A name
 * too long for the label is cut with an ellipsis (a 258-character English name and its metric ran
 * past the limit, and the draft could not be saved).
 */
export function referenceLabel(f: Pick<Figure, 'scope' | 'metric'>, entityName: Bilingual | null, metricName?: Bilingual, cityName?: Bilingual | null): { zh: string; en: string } {
  const name = (lang: 'zh-CN' | 'en'): string => (f.scope === 'entity' && entityName ? entityName[lang === 'en' ? 'en' : 'zh'] : MESSAGES[lang].scope[f.scope]);
  const metric = metricName ?? { zh: seedMetricName(f.metric, 'zh-CN'), en: seedMetricName(f.metric, 'en') };
  const about = { zh: cityName ? `${metric.zh}（${cityName.zh}）` : metric.zh, en: cityName ? `${metric.en} (${cityName.en})` : metric.en };
  const label = (who: string, what: string): string => {
    const tail = ` · ${what}`;
    const room = LABEL_MAX - [...tail].length;
    const chars = [...who];
    return (chars.length <= room ? who : `${chars.slice(0, Math.max(1, room - 1)).join('')}…`) + tail;
  };
  return { zh: label(name('zh-CN'), about.zh), en: label(name('en'), about.en) };
}

/** The figure's current value with its source, as the reference accepts it. */
export function snapshotOf(
  f: Pick<Figure, 'scope' | 'entityId' | 'metric' | 'value' | 'unit' | 'qualifier' | 'period' | 'sourceId' | 'sourceQuote' | 'cityCode'>,
  source: Pick<Source, 'publisher' | 'title' | 'author' | 'publishedOn'> | null,
  entityName: Bilingual | null,
  metricName?: Bilingual,
  /** The metric's own unit label, for a figure in 'metric_unit' (as the services freeze it). */
  unitLabel?: Bilingual | null,
  /** The city of a city's figure (null: province-wide). */
  cityName?: Bilingual | null,
): FigureSnapshotRef {
  return {
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    period: f.period,
    sourceId: f.sourceId,
    sourceQuote: f.sourceQuote === null ? null : f.sourceQuote.slice(0, 5000),
    source: source === null ? null : { publisher: source.publisher, title: source.title, author: source.author, publishedOn: source.publishedOn },
    label: referenceLabel(f, entityName, metricName, cityName),
    about: { entityId: f.entityId, metric: f.metric, cityCode: f.cityCode ?? null },
    ...(f.unit === 'metric_unit' && unitLabel ? { unitLabel: { zh: unitLabel.zh, en: unitLabel.en } } : {}),
  };
}

/** How a reference prints in an issue: "近3万亿元" / "nearly 3 trillion yuan"; a bilingual issue prints Chinese. */
export function printedValue(ref: Pick<FigureSnapshotRef, 'value' | 'unit' | 'qualifier' | 'unitLabel'>, lang: BulletinContent['lang']): string {
  return formatValue(ref.value, ref.unit, ref.qualifier, lang === 'en' ? 'en' : 'zh-CN', ref.unitLabel ?? null);
}

/** The figure prints as before but is about another industry, metric or city now: say what it is now, not "was" the same value. */
export function movedOnly(accepted: FigureSnapshotRef, current: FigureSnapshotRef): current is FigureSnapshotRef & { label: { zh: string; en: string } } {
  const moved = accepted.about !== undefined && current.about !== undefined && JSON.stringify(accepted.about) !== JSON.stringify(current.about);
  return moved && current.label !== undefined && printedValue(accepted, 'zh') === printedValue(current, 'zh') && printedValue(accepted, 'en') === printedValue(current, 'en');
}

