/**
 * How a figure reads: number, unit and qualifier together, in either language. Used by the page,
 * the command line, workbooks and briefings, so a number never appears without its meaning.
 */
import type { Bilingual, Figure, Qualifier, Unit } from './domain';
import type { Lang } from './errors';
import { MESSAGES } from './i18n';

// Building an Intl.NumberFormat costs far more than using one (a 100,000-row export formats every value).
const NUMBER_FORMATS = new Map<Lang, Intl.NumberFormat>();

/** A label's colon in the person's language: '：' in Chinese (an ASCII ': ' read as a slip), ': ' in English. */
export const colonOf = (lang: Lang): string => (lang === 'en' ? ': ' : '：');

export function formatNumber(value: number, lang: Lang): string {
  let format = NUMBER_FORMATS.get(lang);
  if (!format) {
    // Chinese groups only from five digits on (5000亿元, 12,000元); English always (5,000).
    // Every digit a person typed (up to a double's 15 significant ones): at 10 decimals, an exact 1,234,567,890,123.45 yuan
    // printed as 1.2345678901万亿元, and 4e-11% as 0% (integrity review).
    format = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 20, useGrouping: lang === 'en' ? 'always' : 'min2' });
    NUMBER_FORMATS.set(lang, format);
  }
  return format.format(round(value));
}

/**
 * The number with its unit, scaled to how people say it (3 万亿元 / 3 trillion yuan). 'metric_unit'
 * prints the metric's own unit label (a catalog metric of kind 'other': 12 件, 3.5 万人).
 */
export function formatAmount(value: number, unit: Unit, lang: Lang, unitLabel: Bilingual | null = null): string {
  const n = (v: number): string => formatNumber(v, lang);
  if (unit === 'metric_unit') return unitLabel ? (lang === 'en' ? `${n(value)} ${unitLabel.en}` : `${n(value)}${unitLabel.zh}`) : n(value);
  if (unit === 'percent') return `${n(value)}%`;
  if (unit === 'count') return lang === 'en' ? n(value) : `${n(value)}个`;
  const yuan = value * (unit === '100m_yuan' ? 1e8 : unit === '10k_yuan' ? 1e4 : 1);
  if (lang === 'en') {
    const abs = Math.abs(yuan);
    if (abs >= 1e12) return `${n(round(yuan / 1e12))} trillion yuan`;
    if (abs >= 1e9) return `${n(round(yuan / 1e9))} billion yuan`;
    if (abs >= 1e6) return `${n(round(yuan / 1e6))} million yuan`;
    return `${n(yuan)} yuan`;
  }
  const abs = Math.abs(yuan);
  if (abs >= 1e12) return `${n(round(yuan / 1e12))}万亿元`;
  if (abs >= 1e8) return `${n(round(yuan / 1e8))}亿元`;
  if (abs >= 1e4) return `${n(round(yuan / 1e4))}万元`;
  return `${n(yuan)}元`;
}

/** Rounds away binary noise from unit scaling (0.30000000000000004 → 0.3) without losing digits. */
function round(v: number): number {
  return Number.parseFloat(v.toPrecision(15));
}

export function qualifierWord(q: Qualifier, lang: Lang): string {
  return MESSAGES[lang].qualifier[q];
}

/** "超过1万亿元", "近3万亿元", "over 1 trillion yuan", "target: 5%". */
export function formatValue(value: number, unit: Unit, qualifier: Qualifier, lang: Lang, unitLabel: Bilingual | null = null): string {
  const amount = formatAmount(value, unit, lang, unitLabel);
  if (qualifier === 'exact') return amount;
  const word = qualifierWord(qualifier, lang);
  if (lang === 'en') return qualifier === 'target' ? `${word}: ${amount}` : `${word} ${amount}`;
  return `${word}${amount}`;
}

/** unitLabel: the catalog's label for a figure in 'metric_unit' (MetricDef.unitLabel). */
export function formatFigure(f: Pick<Figure, 'value' | 'unit' | 'qualifier'>, lang: Lang, unitLabel: Bilingual | null = null): string {
  return formatValue(f.value, f.unit, f.qualifier, lang, unitLabel);
}

const ZH_QUARTERS = ['一', '二', '三', '四'] as const;
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * A period as a reader says it: 2024 → 2024 in either language; 2024-Q1 → 2024年一季度 / Q1 2024;
 * 2024-06 → 2024年6月 / June 2024. Stored periods (shared/domain.ts Period) stay keys; only what
 * prints is worded ("2024-Q1" printed raw in briefings' tables and charts).
 */
export function periodWords(period: string, lang: Lang | 'zh'): string {
  const m = /^(\d{4})-(?:Q([1-4])|(0[1-9]|1[0-2]))$/.exec(period);
  if (!m) return period;
  const [, year, quarter, month] = m;
  if (quarter) return lang === 'en' ? `Q${quarter} ${year}` : `${year}年${ZH_QUARTERS[Number(quarter) - 1]}季度`;
  return lang === 'en' ? `${EN_MONTHS[Number(month) - 1]} ${year}` : `${year}年${Number(month)}月`;
}

/** The name the embedded dataset records its rows under (resources/dataset), in both languages. */
export const SEED_AUTHOR = { stored: '默认数据集 / Default dataset', zh: '默认数据集', en: 'Default dataset' } as const;

/** Who made a change, as the reader's language says it: the seeded dataset's name in one language only. */
export function authorName(author: string, lang: Lang): string {
  return author === SEED_AUTHOR.stored ? SEED_AUTHOR[lang === 'en' ? 'en' : 'zh'] : author;
}
