/** The UI strings of both languages, for i18next in the page and for plain lookups elsewhere. */
import type { Lang } from '../errors';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export type { Lang } from '../errors';
export type { Messages } from './zh-CN';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const MESSAGES: Record<Lang, Messages> = { 'zh-CN': zhCN, en };
