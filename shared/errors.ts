/**
 * Errors as values: a code that crosses process boundaries, with a message in both languages.
 * Runs anywhere.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'DB_MISSING',
  'DB_CORRUPT',
  'DB_LOCKED',
  'DB_NEWER_SCHEMA',
  'DB_READ_ONLY',
  'DISK_FULL',
  'FILE_EXISTS',
  'CANCELLED',
  'INTERNAL',
  // Briefings (PDF)
  'BRIEFING_MISSING_GLYPHS',
  'BRIEFING_NEEDS_ENTITY',
  'BRIEFING_WRITE_FAILED',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorPayload = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

type Details = Record<string, string | number | null>;

/** A failure that is meant to be shown to a person; its `code` picks the words. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Details | undefined;
  constructor(code: ErrorCode, message: string, details?: Details) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Lang = 'zh-CN' | 'en';

const TEXT: Record<ErrorCode, Record<Lang, (d: Details) => string>> = {
  INVALID_INPUT: {
    'zh-CN': (d) => `输入无效${d.where ? `（${d.where}）` : ''}：${d.reason ?? ''}`,
    en: (d) => `Invalid input${d.where ? ` (${d.where})` : ''}: ${d.reason ?? ''}`,
  },
  UNKNOWN_CHANNEL: {
    'zh-CN': (d) => `未知的调用：${d.channel ?? ''}`,
    en: (d) => `Unknown call: ${d.channel ?? ''}`,
  },
  FORBIDDEN_SENDER: {
    'zh-CN': () => '拒绝来自非本应用页面的调用。',
    en: () => 'Refused a call from a page that is not the app.',
  },
  NOT_FOUND: {
    'zh-CN': (d) => `找不到${d.what ?? '记录'}：${d.id ?? ''}`,
    en: (d) => `Not found: ${d.what ?? 'record'} ${d.id ?? ''}`,
  },
  DB_MISSING: {
    'zh-CN': (d) => `数据文件不存在：${d.path}。请先启动应用一次，或运行 “cluster-brief init --db ${d.path}” 创建它。`,
    en: (d) => `The data file does not exist: ${d.path}. Start the app once, or run "cluster-brief init --db ${d.path}" to create it.`,
  },
  DB_CORRUPT: {
    'zh-CN': (d) => `数据文件已损坏或不是 Cluster Brief 数据文件：${d.path}（${d.reason ?? ''}）。请从备份恢复。`,
    en: (d) => `The data file is damaged or is not a Cluster Brief data file: ${d.path} (${d.reason ?? ''}). Restore it from a backup.`,
  },
  DB_LOCKED: {
    'zh-CN': (d) => `数据文件正被另一个程序占用：${d.path}。请关闭其他正在使用它的窗口或程序后重试。`,
    en: (d) => `The data file is in use by another program: ${d.path}. Close the other window or program using it and try again.`,
  },
  DB_NEWER_SCHEMA: {
    'zh-CN': (d) => `数据文件由更新版本的 Cluster Brief 创建（结构版本 ${d.found}，本程序支持到 ${d.supported}）：${d.path}。请升级应用。`,
    en: (d) => `The data file was written by a newer Cluster Brief (schema ${d.found}; this version supports up to ${d.supported}): ${d.path}. Update the app.`,
  },
  DB_READ_ONLY: {
    'zh-CN': (d) => `数据文件只读，无法写入：${d.path}`,
    en: (d) => `The data file is read-only and cannot be written: ${d.path}`,
  },
  DISK_FULL: {
    'zh-CN': (d) => `磁盘空间不足，未写入任何更改${d.path ? `：${d.path}` : ''}。`,
    en: (d) => `The disk is full; nothing was changed${d.path ? `: ${d.path}` : ''}.`,
  },
  FILE_EXISTS: {
    'zh-CN': (d) => `文件已存在，未覆盖：${d.path}。请换一个文件名。`,
    en: (d) => `The file already exists and was not overwritten: ${d.path}. Choose another name.`,
  },
  CANCELLED: {
    'zh-CN': () => '已取消，未写入任何内容。',
    en: () => 'Cancelled; nothing was written.',
  },
  INTERNAL: {
    'zh-CN': (d) => `内部错误：${d.reason ?? ''}`,
    en: (d) => `Internal error: ${d.reason ?? ''}`,
  },
  BRIEFING_MISSING_GLYPHS: {
    'zh-CN': (d) => `无法生成简报：嵌入的字体中没有这些字符，打印时会丢失：${d.characters ?? ''}（位置：${d.where ?? ''}）。请修改这些文字后重试。`,
    en: (d) => `The briefing was not made: the embedded fonts have no glyphs for these characters, which would vanish from the page: ${d.characters ?? ''} (where: ${d.where ?? ''}). Change that text and try again.`,
  },
  BRIEFING_NEEDS_ENTITY: {
    'zh-CN': (d) => `单个产业概况须指定且只指定一个产业（收到 ${d.count ?? 0} 个）。请用 --entity <id> 或在简报设置中选择一个产业。`,
    en: (d) => `A fact sheet needs exactly one industry (got ${d.count ?? 0}). Choose one with --entity <id> or in the briefing settings.`,
  },
  BRIEFING_WRITE_FAILED: {
    'zh-CN': (d) => `无法写入简报文件：${d.path ?? ''}（${d.reason ?? ''}）。原有文件未被改动。`,
    en: (d) => `Could not write the briefing file: ${d.path ?? ''} (${d.reason ?? ''}). Any existing file was left as it was.`,
  },
};

/** The words a person reads for an error, in their language. */
export function describeError(error: ErrorPayload, lang: Lang): string {
  return TEXT[error.code][lang](error.details ?? {});
}

/** Both languages, Chinese first: for the command line and logs. */
export function describeErrorBilingual(error: ErrorPayload): string {
  return `${describeError(error, 'zh-CN')}\n${describeError(error, 'en')}`;
}

/** Turns anything thrown into a payload that may cross the process boundary (no stack, no internals). */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL') return { code: 'DISK_FULL', message: 'disk full', details: {} };
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return { code: 'DB_LOCKED', message: 'database locked', details: { path: '' } };
  if (code === 'SQLITE_READONLY') return { code: 'DB_READ_ONLY', message: 'read only', details: { path: '' } };
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: reason, details: { reason } };
}
