/** The UI strings of both languages, for i18next in the page and for plain lookups elsewhere. */
import type { Lang } from '../errors';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export type { Lang } from '../errors';
export type { Messages } from './zh-CN';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const MESSAGES: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

/**
 * Words with a count outside i18next (the command line), chosen as i18next chooses them: `key_one` or
 * `key_other` by the language's plural rule, with {{name}} placeholders filled in.
 */
export function withCount(lang: Lang, forms: object, key: string, values: { count: number } & Record<string, string | number>): string {
  const table = forms as Record<string, unknown>;
  const form = table[`${key}_${new Intl.PluralRules(lang).select(values.count)}`] ?? table[`${key}_other`];
  return String(form ?? '').replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
