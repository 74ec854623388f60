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
  // Browser harness (issue 11): HTTP requests it refuses before any handler runs.
  'REQUEST_METHOD',
  'REQUEST_TOO_LARGE',
  'REQUEST_NOT_JSON',
  // Briefings (PDF)
  'BRIEFING_MISSING_GLYPHS',
  'BRIEFING_NEEDS_ENTITY',
  'BRIEFING_WRITE_FAILED',
  // Excel workbooks (issue 4): export, and import with a preview.
  'WORKBOOK_WRITE_FAILED',
  'IMPORT_NOT_A_ZIP',
  'IMPORT_TRUNCATED',
  'IMPORT_TOO_LARGE',
  'IMPORT_TOO_MANY_ENTRIES',
  'IMPORT_ZIP_BOMB',
  'IMPORT_NOT_A_WORKBOOK',
  'IMPORT_MISSING_SHEET',
  'IMPORT_MISSING_COLUMN',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_CELL_TOO_LONG',
  'IMPORT_FORMULA',
  'IMPORT_BAD_NUMBER',
  'IMPORT_BAD_VALUE',
  'IMPORT_REQUIRED',
  'IMPORT_UNKNOWN_ID',
  'IMPORT_DUPLICATE_ID',
  'IMPORT_INVALID_FIGURE',
  'IMPORT_HAS_ERRORS',
  'IMPORT_STALE_PREVIEW',
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

/** Where in a workbook a problem is: sheet, row and column, as a person finds it in Excel. */
const cellZh = (d: Details): string => `工作表“${d.sheet ?? ''}”第 ${d.row ?? '?'} 行 ${d.column ?? '?'} 列${d.header ? `（${d.header}）` : ''}`;
const cellEn = (d: Details): string => `Sheet "${d.sheet ?? ''}", row ${d.row ?? '?'}, column ${d.column ?? '?'}${d.header ? ` (${d.header})` : ''}`;
const shown = (v: string | number | null | undefined): string => {
  const text = String(v ?? '');
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
};

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
  REQUEST_METHOD: {
    'zh-CN': (d) => `不支持的请求方法 ${d.method ?? ''}（应为 ${d.allowed ?? ''}），未处理。`,
    en: (d) => `Request method ${d.method ?? ''} is not supported (use ${d.allowed ?? ''}); nothing was done.`,
  },
  REQUEST_TOO_LARGE: {
    'zh-CN': (d) => `请求内容过大（上限 ${d.limit ?? ''} 字节），未处理。`,
    en: (d) => `The request is too large (the limit is ${d.limit ?? ''} bytes); nothing was done.`,
  },
  REQUEST_NOT_JSON: {
    'zh-CN': (d) => `请求内容不是有效的 JSON（${d.where ?? ''}），未处理。`,
    en: (d) => `The request body is not valid JSON (${d.where ?? ''}); nothing was done.`,
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
  WORKBOOK_WRITE_FAILED: {
    'zh-CN': (d) => `无法写入工作簿 ${d.path ?? ''}，目标位置未留下任何文件（${d.reason ?? ''}）。`,
    en: (d) => `Could not write the workbook ${d.path ?? ''}; nothing was left at the destination (${d.reason ?? ''}).`,
  },
  IMPORT_NOT_A_ZIP: {
    'zh-CN': (d) => `不是 Excel 工作簿（.xlsx 文件应为 zip 压缩包）：${d.path ?? ''}。未做任何更改。`,
    en: (d) => `Not an Excel workbook (an .xlsx file is a zip archive): ${d.path ?? ''}. Nothing was changed.`,
  },
  IMPORT_TRUNCATED: {
    'zh-CN': (d) => `工作簿文件不完整或已损坏：${d.path ?? ''}（${d.reason ?? ''}）。未做任何更改。`,
    en: (d) => `The workbook file is incomplete or damaged: ${d.path ?? ''} (${d.reason ?? ''}). Nothing was changed.`,
  },
  IMPORT_TOO_LARGE: {
    'zh-CN': (d) => `工作簿解压后超过 ${d.limitMb ?? '?'} MB 的上限：${d.path ?? ''}。未做任何更改。`,
    en: (d) => `The workbook unpacks to more than the ${d.limitMb ?? '?'} MB limit: ${d.path ?? ''}. Nothing was changed.`,
  },
  IMPORT_TOO_MANY_ENTRIES: {
    'zh-CN': (d) => `工作簿内部文件超过 ${d.limit ?? '?'} 个：${d.path ?? ''}。未做任何更改。`,
    en: (d) => `The workbook holds more than ${d.limit ?? '?'} internal files: ${d.path ?? ''}. Nothing was changed.`,
  },
  IMPORT_ZIP_BOMB: {
    'zh-CN': (d) => `工作簿中的 ${d.entry ?? ''} 压缩比异常（${d.ratio ?? '?'} 倍，上限 ${d.limit ?? '?'} 倍），疑似压缩炸弹，已拒绝。未做任何更改。`,
    en: (d) => `The workbook part ${d.entry ?? ''} has an absurd compression ratio (${d.ratio ?? '?'} to 1, limit ${d.limit ?? '?'}); refused as a possible zip bomb. Nothing was changed.`,
  },
  IMPORT_NOT_A_WORKBOOK: {
    'zh-CN': (d) => `无法作为 Excel 工作簿读取：${d.path ?? ''}（${d.reason ?? ''}）。未做任何更改。`,
    en: (d) => `Cannot be read as an Excel workbook: ${d.path ?? ''} (${d.reason ?? ''}). Nothing was changed.`,
  },
  IMPORT_MISSING_SHEET: {
    'zh-CN': (d) => `工作簿中没有工作表“${d.sheet ?? ''}”。请导入由本应用导出的工作簿，且不要重命名工作表。`,
    en: (d) => `The workbook has no sheet "${d.sheet ?? ''}". Import a workbook exported by this app, without renaming its sheets.`,
  },
  IMPORT_MISSING_COLUMN: {
    'zh-CN': (d) => `工作表“${d.sheet ?? ''}”第 ${d.row ?? 1} 行缺少列标题“${d.header ?? ''}”（可能被重命名或删除）。`,
    en: (d) => `Sheet "${d.sheet ?? ''}", row ${d.row ?? 1}: the column header "${d.header ?? ''}" is missing (renamed or deleted?).`,
  },
  IMPORT_TOO_MANY_ROWS: {
    'zh-CN': (d) => `工作表“${d.sheet ?? ''}”超过 ${d.limit ?? '?'} 行的上限。请分批导入。`,
    en: (d) => `Sheet "${d.sheet ?? ''}" has more than the ${d.limit ?? '?'} row limit. Import it in parts.`,
  },
  IMPORT_CELL_TOO_LONG: {
    'zh-CN': (d) => `${cellZh(d)}：文字过长（${d.length ?? '?'} 个字符，上限 ${d.limit ?? '?'}）。`,
    en: (d) => `${cellEn(d)}: the text is too long (${d.length ?? '?'} characters, limit ${d.limit ?? '?'}).`,
  },
  IMPORT_FORMULA: {
    'zh-CN': (d) => `${cellZh(d)}：此处应为数值或文字，却是公式（${shown(d.value)}）。请粘贴为值后再导入。`,
    en: (d) => `${cellEn(d)}: a formula (${shown(d.value)}) where a value belongs. Paste it as a value and import again.`,
  },
  IMPORT_BAD_NUMBER: {
    'zh-CN': (d) => `${cellZh(d)}：“${shown(d.value)}”不是明确的数字（可接受 1234.5、1,234.5 或全角数字；不接受 1.234,5、空格分组、百分号或字母）。`,
    en: (d) => `${cellEn(d)}: "${shown(d.value)}" is not an unambiguous number (1234.5, 1,234.5 or full-width digits are accepted; 1.234,5, space grouping, percent signs and letters are not).`,
  },
  IMPORT_BAD_VALUE: {
    'zh-CN': (d) => `${cellZh(d)}：“${shown(d.value)}”不是有效的值${d.expected ? `（应为：${d.expected}）` : ''}。`,
    en: (d) => `${cellEn(d)}: "${shown(d.value)}" is not a valid value${d.expected ? ` (expected: ${d.expected})` : ''}.`,
  },
  IMPORT_REQUIRED: {
    'zh-CN': (d) => `${cellZh(d)}：此项不能为空。`,
    en: (d) => `${cellEn(d)}: this cell must not be empty.`,
  },
  IMPORT_UNKNOWN_ID: {
    'zh-CN': (d) => `${cellZh(d)}：数据文件中没有编号为 ${shown(d.value)} 的${d.what === 'entity' ? '产业' : d.what === 'source' ? '来源' : '数据'}。`,
    en: (d) => `${cellEn(d)}: the data file has no ${d.what ?? 'figure'} with ID ${shown(d.value)}.`,
  },
  IMPORT_DUPLICATE_ID: {
    'zh-CN': (d) => `${cellZh(d)}：编号 ${shown(d.value)} 已在第 ${d.firstRow ?? '?'} 行出现过。`,
    en: (d) => `${cellEn(d)}: ID ${shown(d.value)} already appears in row ${d.firstRow ?? '?'}.`,
  },
  IMPORT_INVALID_FIGURE: {
    'zh-CN': (d) =>
      `${cellZh(d)}：${d.problem === 'entity_needed' ? '范围为“产业”的数据必须填写产业编号。' : d.problem === 'entity_not_allowed' ? '全省或集群组的数据不能填写产业编号。' : (d.reason ?? '')}`,
    en: (d) =>
      `${cellEn(d)}: ${d.problem === 'entity_needed' ? 'a figure about one industry needs its entity ID.' : d.problem === 'entity_not_allowed' ? 'a province or cluster-group figure takes no entity ID.' : (d.reason ?? '')}`,
  },
  IMPORT_HAS_ERRORS: {
    'zh-CN': (d) => `工作簿有 ${d.count ?? '?'} 处错误，未写入任何内容。请改正后重新预览。`,
    en: (d) => `The workbook has ${d.count ?? '?'} errors; nothing was written. Correct them and preview again.`,
  },
  IMPORT_STALE_PREVIEW: {
    'zh-CN': () => '预览之后数据已被修改，或预览已过期。请重新预览后再应用。未写入任何内容。',
    en: () => 'The data changed since the preview, or the preview has expired. Preview again before applying. Nothing was written.',
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
