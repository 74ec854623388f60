/**
 * How a change reads to a person, in either language: what a figure, an annotation or a source is
 * called in history and in undo/redo messages ("修改 智能机器人 产值（2023）"), never a bare id.
 * Runs anywhere.
 */
import type { Bilingual, Metric, Scope } from './domain';
import type { Lang } from './errors';
import { MESSAGES } from './i18n';
import { seedMetricName } from './metrics';
import type { BatchSummary } from './workbench';

const LANG_OF = { zh: 'zh-CN', en: 'en' } as const satisfies Record<keyof Bilingual, Lang>;

function both(make: (lang: Lang) => string): { zh: string; en: string } {
  return { zh: make(LANG_OF.zh), en: make(LANG_OF.en) };
}

/** Cuts a text at a character boundary (never inside a surrogate pair), with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}

/**
 * A figure by what it measures: "智能机器人 产值（2023）" / "Smart robots · Output value (2023)";
 * metricName: the catalog's name of its metric (else the built-ins' seed name, or the id).
 */
export function figureLabel(f: { scope: Scope; metric: Metric; period: string }, entityName: Bilingual | null, metricName: Bilingual | null = null): { zh: string; en: string } {
  return both((lang) => {
    const m = MESSAGES[lang];
    const who = f.scope === 'entity' && entityName ? entityName[lang === 'en' ? 'en' : 'zh'] : m.scope[f.scope];
    const what = metricName ? metricName[lang === 'en' ? 'en' : 'zh'] : seedMetricName(f.metric, lang);
    return lang === 'en' ? `${who} · ${what} (${f.period})` : `${who} ${what}（${f.period}）`;
  });
}

export function annotationLabel(body: string): { zh: string; en: string } {
  const text = excerpt(body, 20);
  return { zh: `批注「${text}」`, en: `annotation “${text}”` };
}

export function sourceLabel(title: string): { zh: string; en: string } {
  const text = excerpt(title, 30);
  return { zh: `来源《${text}》`, en: `source “${text}”` };
}

export function metricLabel(name: Bilingual): { zh: string; en: string } {
  return { zh: `指标“${name.zh}”`, en: `metric “${name.en}”` };
}

export function bulletinLabel(title: string): { zh: string; en: string } {
  const text = excerpt(title, 30);
  return { zh: `简报《${text}》`, en: `bulletin “${text}”` };
}

/** An acknowledged data-check finding (issue 12), by its check's name; `count` of them when one change acknowledged several (确认本项全部). */
export function findingLabel(checkName: { zh: string; en: string } | null, count = 1): { zh: string; en: string } {
  const zh = checkName?.zh ?? '数据核查';
  const en = checkName?.en ?? 'data check';
  if (count > 1) return { zh: `${count} 条核查结果「${zh}」`, en: `${count} check findings “${en}”` };
  return { zh: `核查结果「${zh}」`, en: `check finding “${en}”` };
}

/**
 * "修改 智能机器人 产值（2023）（连同另外 1 项修改）" / "edited Smart robots · Output value (2023) (and 1 more change)";
 * a finding's change by what was done to it: "确认 12 条核查结果「数据过旧」" / "acknowledged 12 check findings “Out of date”";
 * an import by its file: "导入 集群数据.xlsx（2000 项修改）" / "imported clusters.xlsx (2000 changes)".
 */
export function describeChange(summary: BatchSummary, lang: Lang): string {
  const m = MESSAGES[lang].undo;
  const { imported } = summary;
  // Replaced by functions: a file's name may hold "$&" or "$1", which a replacement string would read as patterns.
  if (imported) return (imported.count === 1 ? m.imported_one : m.imported_other).replace('{{count}}', () => String(imported.count)).replace('{{file}}', () => imported.file);
  const verb = summary.targetType === 'finding' ? m.findingVerb : m.verb;
  const words = `${verb[summary.action]} ${summary.label[lang === 'en' ? 'en' : 'zh']}`;
  if (summary.more === 0) return words;
  return words + (summary.more === 1 ? m.more_one : m.more_other.replace('{{count}}', String(summary.more)));
}
