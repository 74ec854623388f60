/** How an issue is named on the page: its 期号 in the person's language, whether it is the shipped 示例, its date. */
import { issueLabel, type BulletinListItem, type IssueMark } from '../../../shared/bulletin-store';
import type { Lang } from '../../../shared/i18n';
import { localDateTime } from '../time';

/** 2026年第3期 / No. 3, 2026 (增刊 and 总第M期 included). */
export const issueWords = (mark: IssueMark, lang: Lang): string => issueLabel(mark, lang === 'en' ? 'en' : 'zh');

/** The worked example shipped with a new data file (its title starts with 示例, electron/services/bulletins/example.ts). */
export const isExampleIssue = (item: Pick<BulletinListItem, 'title'>): boolean => item.title.startsWith('示例');

/** The day an issue was issued (签发), in the computer's time zone. */
export const issuedDay = (iso: string | null): string => (iso ? localDateTime(iso).slice(0, 10) : '');
