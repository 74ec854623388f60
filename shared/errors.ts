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
  'CHANGED_ELSEWHERE',
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
  'BRIEFING_DOES_NOT_FIT',
  // Issue 13: the preview (pdf.js in the page) could not draw the PDF the service made.
  'BRIEFING_PREVIEW_FAILED',
  // Excel workbooks (issue 4): export, and import with a preview.
  'WORKBOOK_WRITE_FAILED',
  'IMPORT_NOT_A_ZIP',
  'IMPORT_TRUNCATED',
  'IMPORT_TOO_LARGE',
  'IMPORT_TOO_MANY_ENTRIES',
  'IMPORT_ZIP_BOMB',
  'IMPORT_NOT_A_WORKBOOK',
  // Issue 11: damaged parts, other formats, percent cells.
  'IMPORT_DAMAGED',
  'IMPORT_WRONG_FORMAT',
  'IMPORT_PERCENT_UNIT',
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
  // Data-file safety (issue 11): damaged pages, I/O failures, rows changed under a write, backups.
  'DB_DAMAGED',
  'DB_IO_ERROR',
  'ROWS_CHANGED',
  'BACKUP_NOT_FOUND',
  'BACKUP_NOT_WRITTEN',
  // 简报 issues (issue 10): storage and lifecycle.
  'BULLETIN_READ_ONLY',
  'BULLETIN_DAMAGED',
  'BULLETIN_BROKEN_REFERENCE',
  'BULLETIN_STALE_REFERENCE',
  'BULLETIN_NOT_ISSUED',
  // Data checks (issue 12).
  'FINDING_GONE',
  // Statistical tables in (issue 12): the import wizard and `import table`.
  'TABLE_UNSUPPORTED_FILE',
  'TABLE_TOO_LARGE',
  'TABLE_TOO_MANY_COLUMNS',
  'TABLE_TOO_MANY_CELLS',
  'TABLE_NO_SHEET',
  'TABLE_BAD_HEADER_ROW',
  'TABLE_NO_COLUMN',
  'TABLE_MAPPING_INCOMPLETE',
  'TABLE_MAPPING_NOT_FOUND',
  'TABLE_UNKNOWN_ENTITY',
  'TABLE_UNKNOWN_CITY',
  'TABLE_UNKNOWN_METRIC',
  'TABLE_NO_UNIT',
  'TABLE_NUMBER_MULTIPLIER',
  'TABLE_DUPLICATE_FIGURE',
  'TABLE_ROLE_TWICE',
  // The metric catalog and cities (issue 12).
  'UNKNOWN_METRIC',
  'UNKNOWN_CITY',
  'METRIC_IN_USE',
  'SOURCE_IN_USE',
  'METRIC_BUILTIN',
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

/** Where in a workbook a problem is: sheet, row and column, as a person finds it in Excel (what is not known is left out). */
const cellZh = (d: Details): string =>
  `工作表“${d.sheet ?? ''}”${d.row != null ? `第 ${d.row} 行` : ''}${d.column ? ` ${d.column} 列` : ''}${d.header ? `（${d.header}）` : ''}`;
const cellEn = (d: Details): string => `Sheet "${d.sheet ?? ''}"${d.row != null ? `, row ${d.row}` : ''}${d.column ? `, column ${d.column}` : ''}${d.header ? ` (${d.header})` : ''}`;

/** "1 error", "2 errors": English counts with the right noun. */
export const countEn = (n: string | number | null | undefined, one: string, other: string): string => `${n ?? '?'} ${Number(n) === 1 ? one : other}`;

/** What a NOT_FOUND names, in Chinese ("找不到figure：19" mixed the languages). */
const WHAT_ZH: Record<string, string> = {
  figure: '数据',
  entity: '产业',
  annotation: '批注',
  source: '来源',
  bulletin: '简报',
  finding: '核查结果的确认',
  metric: '指标',
  revision: '修改记录',
  city: '城市',
  job: '任务',
  backup: '备份',
};

/** Field names a person knows, by the last step of the path a schema reports. */
const FIELD_LABELS: Record<string, Record<Lang, string>> = {
  title: { 'zh-CN': '标题', en: 'title' },
  subtitle: { 'zh-CN': '副标题', en: 'subtitle' },
  marking: { 'zh-CN': '标识', en: 'marking' },
  publisher: { 'zh-CN': '发布单位', en: 'publisher' },
  author: { 'zh-CN': '作者', en: 'author' },
  authorName: { 'zh-CN': '作者姓名', en: 'author name' },
  excerpt: { 'zh-CN': '摘录', en: 'excerpt' },
  url: { 'zh-CN': '网址', en: 'URL' },
  sourceQuote: { 'zh-CN': '来源原文', en: 'source quote' },
  note: { 'zh-CN': '备注', en: 'note' },
  body: { 'zh-CN': '批注内容', en: 'annotation text' },
  tags: { 'zh-CN': '标签', en: 'tags' },
  name: { 'zh-CN': '名称', en: 'name' },
  'name.zh': { 'zh-CN': '中文名称', en: 'Chinese name' },
  'name.en': { 'zh-CN': '英文名称', en: 'English name' },
  value: { 'zh-CN': '数值', en: 'value' },
  period: { 'zh-CN': '期间', en: 'period' },
  entityId: { 'zh-CN': '产业编号', en: 'entity ID' },
  sourceId: { 'zh-CN': '来源编号', en: 'source ID' },
  id: { 'zh-CN': '编号', en: 'ID' },
  // Issue 12: the metric catalog and a figure's city.
  unit: { 'zh-CN': '单位', en: 'unit' },
  unitLabel: { 'zh-CN': '单位名称', en: 'unit label' },
  description: { 'zh-CN': '说明', en: 'description' },
  cityCode: { 'zh-CN': '城市', en: 'city' },
  metric: { 'zh-CN': '指标', en: 'metric' },
  // A 简报's body: its paragraphs, headings, tables and charts.
  'content.blocks': { 'zh-CN': '正文（段落、标题、表格、图表）', en: 'the body (paragraphs, headings, tables, charts)' },
};

function fieldLabel(where: string | number | null | undefined, lang: Lang): string | null {
  const steps = String(where ?? '').split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  const last = steps.at(-1) ?? '';
  const label = FIELD_LABELS[`${steps.at(-2) ?? ''}.${last}`] ?? FIELD_LABELS[last];
  return label ? label[lang] : null;
}

/** The words for a problem code (shared/text.ts TEXT_PROBLEMS); null for none, so callers fall back. */
const PROBLEM_TEXT: Record<string, Record<Lang, (d: Details) => string>> = {
  required: { 'zh-CN': () => '不能为空', en: () => 'must not be empty' },
  too_long: { 'zh-CN': (d) => `超过 ${d.limit ?? '?'} 个字符的上限`, en: (d) => `is longer than the limit of ${countEn(d.limit, 'character', 'characters')}` },
  too_short: { 'zh-CN': (d) => `至少需要 ${d.limit ?? '?'} 个字符`, en: (d) => `needs at least ${countEn(d.limit, 'character', 'characters')}` },
  too_large: { 'zh-CN': (d) => `超过上限 ${d.limit ?? '?'}`, en: (d) => `is above the limit of ${d.limit ?? '?'}` },
  too_small: { 'zh-CN': (d) => `低于下限 ${d.limit ?? '?'}`, en: (d) => `is below the minimum of ${d.limit ?? '?'}` },
  too_many: { 'zh-CN': (d) => `超过 ${d.limit ?? '?'} 项的上限`, en: (d) => `has more than ${countEn(d.limit, 'item', 'items')}` },
  nul: { 'zh-CN': () => '含有空字符（NUL），不予接受', en: () => 'contains a NUL character, which is not accepted' },
  control: {
    'zh-CN': (d) => `第 ${d.position ?? '?'} 个字符是控制字符 ${d.char ?? ''}；只允许制表符和换行`,
    en: (d) => `character ${d.position ?? '?'} is the control character ${d.char ?? ''}; only tab and newline are allowed`,
  },
  wrong_type: { 'zh-CN': () => '类型不对', en: () => 'has the wrong type' },
  not_allowed: { 'zh-CN': () => '不是允许的取值', en: () => 'is not one of the allowed values' },
  bad_format: { 'zh-CN': () => '格式不对', en: () => 'is not in the expected format' },
  unknown_field: { 'zh-CN': () => '是未知的字段', en: () => 'is not a known field' },
  negative: { 'zh-CN': (d) => `此指标不能为负数（${d.value ?? ''}）`, en: (d) => `cannot be negative for this metric (${d.value ?? ''})` },
  entity_needed: { 'zh-CN': () => '范围为“产业”的数据必须填写产业编号，全省或集群组的数据不能填写', en: () => 'an industry figure needs its entity ID, a province or group figure takes none' },
  unknown_ref: { 'zh-CN': (d) => `指向不存在或已删除的记录（${d.value ?? ''}）`, en: (d) => `refers to a record that does not exist or was deleted (${d.value ?? ''})` },
  taken: { 'zh-CN': (d) => `“${d.value ?? ''}”已被使用`, en: (d) => `"${d.value ?? ''}" is already used` },
  invalid: { 'zh-CN': () => '无效', en: () => 'is not valid' },
  unit_kind: { 'zh-CN': (d) => `不是指标“${d.metric ?? ''}”可用的单位（${d.value ?? ''}）`, en: (d) => `is not a unit metric "${d.metric ?? ''}" takes (${d.value ?? ''})` },
};

/** "“备注”超过 5000 个字符的上限" / "note: is longer than ...": the field and its problem, or the free reason of older callers. */
function problemWords(d: Details, lang: Lang): string {
  const words = typeof d.problem === 'string' ? PROBLEM_TEXT[d.problem]?.[lang](d) : undefined;
  if (words === undefined) return String(d.reason ?? '');
  const label = fieldLabel(d.where, lang);
  if (lang === 'en') return label ? `${label} ${words}` : words;
  return label ? `“${label}”${words}` : words;
}
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

/** Why a file is not a data file (DB_CORRUPT's details.problem), in words. */
const CORRUPT_ZH: Record<string, string> = { empty: '文件为空，没有任何数据', folder: '这是一个文件夹，不是文件', 'not-sqlite': '不是 SQLite 数据库' };
const CORRUPT_EN: Record<string, string> = { empty: 'the file is empty, it holds no data', folder: 'a folder, not a file', 'not-sqlite': 'not an SQLite database' };

/** What a table column holds (TABLE_ROLE_TWICE), in Chinese. */
const ROLE_ZH: Record<string, string> = { entity: '产业', city: '城市', metric: '指标', unit: '单位', qualifier: '限定词', period: '期间', value: '数值' };

/** Where in a 简报 a block is: "第2节第3段" / "section 2, paragraph 3" (section 0: before the first heading). */
const bulletinPlaceZh = (d: Details): string =>
  `${d.section ? `第${d.section}节` : '正文开头'}第${d.index ?? '?'}${d.block === 'table' ? '个表格' : d.block === 'chart' ? '幅图表' : d.block === 'quote' ? '段引文' : '段'}`;
const bulletinPlaceEn = (d: Details): string =>
  `${d.section ? `section ${d.section}` : 'the opening text'}, ${d.block === 'table' ? 'table' : d.block === 'chart' ? 'chart' : d.block === 'quote' ? 'quotation' : 'paragraph'} ${d.index ?? '?'}`;
/** A block's place in an issue in words: 第1节第2段 / section 1, paragraph 2 (the opening text before the first section). */
export const bulletinPlaceWords = (place: { section: number; index: number; kind: string }, lang: Lang): string =>
  (lang === 'en' ? bulletinPlaceEn : bulletinPlaceZh)({ section: place.section, index: place.index, block: place.kind });
/** A reference's place (its `kind`, `section`, `index`, as the issue numbers them), or "第 N 段" by its block where a refusal has no place. */
const referencePlaceZh = (d: Details): string => (d.kind ? bulletinPlaceZh({ ...d, block: d.kind }) : `第 ${d.block ?? '?'} 段`);
const referencePlaceEn = (d: Details): string => (d.kind ? bulletinPlaceEn({ ...d, block: d.kind }) : `paragraph ${d.block ?? '?'}`);

const TEXT: Record<ErrorCode, Record<Lang, (d: Details) => string>> = {
  INVALID_INPUT: {
    'zh-CN': (d) => `输入无效${d.where && !fieldLabel(d.where, 'zh-CN') ? `（${d.where}）` : ''}：${problemWords(d, 'zh-CN')}。`,
    en: (d) => `Invalid input${d.where && !fieldLabel(d.where, 'en') ? ` (${d.where})` : ''}: ${problemWords(d, 'en')}.`,
  },
  UNKNOWN_CHANNEL: {
    'zh-CN': (d) => `未知的调用：${d.channel ?? ''}`,
    en: (d) => `Unknown call: ${d.channel ?? ''}`,
  },
  FORBIDDEN_SENDER: {
    'zh-CN': () => '拒绝来自非本应用页面的调用。',
    en: () => 'Refused a call from a page that is not the app.',
  },
  CHANGED_ELSEWHERE: {
    'zh-CN': (d) =>
      d.deleted
        ? `${d.names ?? ''}在你打开之后已被删除。你的修改没有保存，仍留在你的窗口中；可在“设置 ▸ 已删除的内容”中恢复它后再保存。`
        : `${d.names ?? ''}在你打开之后已被修改${d.value ? `，现为 ${d.value}` : ''}。为不覆盖这次修改，你的修改没有保存，仍留在你的窗口中；请核对最新内容后再保存。`,
    en: (d) =>
      d.deleted
        ? `${d.namesEn ?? ''} was deleted after you opened it. Your changes were not saved and are still in your window; restore it in Settings > Deleted items, then save again.`
        : `${d.namesEn ?? ''} was changed after you opened it${d.valueEn ? `; it is now ${d.valueEn}` : ''}. Your changes were not saved, so that change is not overwritten; they are still in your window: check the latest, then save again.`,
  },
  NOT_FOUND: {
    'zh-CN': (d) => `找不到${WHAT_ZH[String(d.what)] ?? d.what ?? '记录'}（编号 ${d.id ?? ''}）：它可能已被删除，或在另一窗口、命令行中被移除。`,
    en: (d) => `Not found: ${d.what ?? 'record'} ${d.id ?? ''} (it may have been deleted, here, in another window or from the command line).`,
  },
  DB_MISSING: {
    'zh-CN': (d) => `数据文件不存在：${d.path}。请先启动应用一次，或运行 “cluster-brief init --db ${d.path}” 创建它。`,
    en: (d) => `The data file does not exist: ${d.path}. Start the app once, or run "cluster-brief init --db ${d.path}" to create it.`,
  },
  DB_CORRUPT: {
    'zh-CN': (d) => `数据文件已损坏或不是 Cluster Brief 数据文件：${d.path}（${CORRUPT_ZH[String(d.problem)] ?? '不是 SQLite 数据库'}）。请从备份恢复。`,
    en: (d) => `The data file is damaged or is not a Cluster Brief data file: ${d.path} (${CORRUPT_EN[String(d.problem)] ?? 'not an SQLite database'}). Restore it from a backup.`,
  },
  DB_LOCKED: {
    'zh-CN': (d) => `数据文件正被另一个程序占用${d.path ? `：${d.path}` : ''}。请关闭其他正在使用它的窗口或程序后重试。`,
    en: (d) => `The data file is in use by another program${d.path ? `: ${d.path}` : ''}. Close the other window or program using it and try again.`,
  },
  DB_NEWER_SCHEMA: {
    'zh-CN': (d) => `数据文件由更新版本的 Cluster Brief 创建（结构版本 ${d.found}，本程序支持到 ${d.supported}）：${d.path}。请升级应用。`,
    en: (d) => `The data file was written by a newer Cluster Brief (schema ${d.found}; this version supports up to ${d.supported}): ${d.path}. Update the app.`,
  },
  DB_READ_ONLY: {
    'zh-CN': (d) => `数据文件只读，无法写入${d.path ? `：${d.path}` : ''}。未做任何更改。`,
    en: (d) => `The data file is read-only and cannot be written${d.path ? `: ${d.path}` : ''}. Nothing was changed.`,
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
    'zh-CN': (d) => `无法写入简报文件：${d.path ?? ''}（${writeReason(d.reason, 'zh-CN')}）。原有文件未被改动。`,
    en: (d) => `Could not write the briefing file: ${d.path ?? ''} (${writeReason(d.reason, 'en')}). Any existing file was left as it was.`,
  },
  BRIEFING_DOES_NOT_FIT: {
    'zh-CN': () => '无法把一页简报排在一页之内，即使已缩小图表、减少批注和注释。请缩短标题或副标题，或改用完整简报。',
    en: () => 'The one-page brief does not fit on one page, even with a smaller chart and fewer annotations and notes. Shorten the title or subtitle, or use the full briefing.',
  },
  BRIEFING_PREVIEW_FAILED: {
    'zh-CN': (d) => `预览无法显示这份 PDF（第 ${d.page ?? 1} 页：${d.reason ?? ''}）。PDF 本身已生成，可以导出后用其他阅读器查看。`,
    en: (d) => `The preview could not show this PDF (page ${d.page ?? 1}: ${d.reason ?? ''}). The PDF itself was made: export it and open it in another reader.`,
  },
  WORKBOOK_WRITE_FAILED: {
    'zh-CN': (d) => `无法写入工作簿 ${d.path ?? ''}，目标位置未留下任何文件（${writeReason(d.reason, 'zh-CN')}）。`,
    en: (d) => `Could not write the workbook ${d.path ?? ''}; nothing was left at the destination (${writeReason(d.reason, 'en')}).`,
  },
  IMPORT_NOT_A_ZIP: {
    'zh-CN': (d) => `不是 Excel 工作簿（.xlsx 文件应为 zip 压缩包）：${d.path ?? ''}。未做任何更改。`,
    en: (d) => `Not an Excel workbook (an .xlsx file is a zip archive): ${d.path ?? ''}. Nothing was changed.`,
  },
  IMPORT_TRUNCATED: {
    'zh-CN': (d) => `工作簿文件不完整或已损坏（压缩包无法完整读出）：${d.path ?? ''}。请在 Excel、WPS 或 LibreOffice 中打开并另存为 .xlsx 后重试。未做任何更改。`,
    en: (d) => `The workbook file is incomplete or damaged (its zip archive cannot be read whole): ${d.path ?? ''}. Open it in Excel, WPS or LibreOffice, save it as .xlsx and try again. Nothing was changed.`,
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
    'zh-CN': (d) => `无法作为 Excel 工作簿（.xlsx）读取：${d.path ?? ''}${d.part ? `（缺少或无法读取其中的 ${d.part}）` : ''}。请在 Excel、WPS 或 LibreOffice 中打开并另存为 .xlsx 后重试。未做任何更改。`,
    en: (d) => `Cannot be read as an Excel workbook (.xlsx): ${d.path ?? ''}${d.part ? ` (its part ${d.part} is missing or unreadable)` : ''}. Open it in Excel, WPS or LibreOffice, save it as .xlsx and try again. Nothing was changed.`,
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
    'zh-CN': (d) => `${cellZh(d)}：“${shown(d.value)}”不是有效的值${(d.expectedZh ?? d.expected) ? `（应为：${d.expectedZh ?? d.expected}）` : ''}。`,
    en: (d) => `${cellEn(d)}: "${shown(d.value)}" is not a valid value${(d.expectedEn ?? d.expected) ? ` (expected: ${d.expectedEn ?? d.expected})` : ''}.`,
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
      `${cellZh(d)}：${d.problem === 'entity_needed' ? '范围为“产业”的数据必须填写产业编号。' : d.problem === 'entity_not_allowed' ? '全省或集群组的数据不能填写产业编号。' : `${problemWords({ ...d, where: null }, 'zh-CN')}。`}`,
    en: (d) =>
      `${cellEn(d)}: ${d.problem === 'entity_needed' ? 'a figure about one industry needs its entity ID.' : d.problem === 'entity_not_allowed' ? 'a province or cluster-group figure takes no entity ID.' : `${problemWords({ ...d, where: null }, 'en')}.`}`,
  },
  IMPORT_HAS_ERRORS: {
    'zh-CN': (d) => `工作簿有 ${d.count ?? '?'} 处错误，未写入任何内容。请改正后重新预览。`,
    en: (d) => `The workbook has ${countEn(d.count, 'error', 'errors')}; nothing was written. Correct them and preview again.`,
  },
  IMPORT_DAMAGED: {
    'zh-CN': (d) =>
      `工作簿已损坏，已拒绝：${d.path ?? ''}，内部文件 ${d.part ?? '?'}${d.cell ? ` 的单元格 ${d.cell}` : ''} ${
        d.problem === 'dangling_string'
          ? `引用了不存在的共享字符串（索引 ${d.index ?? '?'}，共享字符串表只有 ${d.count ?? '?'} 项）`
          : d.problem === 'invalid_utf8'
            ? `含有无效的 UTF-8 字节（第 ${d.offset ?? '?'} 字节附近）`
            : d.problem === 'bad_char_ref'
              ? `含有无效的字符引用 ${d.ref ?? ''}`
              : d.problem === 'duplicate_entry'
                ? '在压缩包中出现了不止一次（不同程序可能读到不同的内容）'
                : '无法读取'
      }。请在 Excel、WPS 或 LibreOffice 中打开并另存为 .xlsx 后重试。未做任何更改。`,
    en: (d) =>
      `The workbook is damaged and was refused: ${d.path ?? ''}, part ${d.part ?? '?'}${d.cell ? `, cell ${d.cell}` : ''}${
        d.problem === 'dangling_string'
          ? ` refers to a shared string that does not exist (index ${d.index ?? '?'}; the table has ${countEn(d.count, 'item', 'items')})`
          : d.problem === 'invalid_utf8'
            ? ` holds bytes that are not valid UTF-8 (near byte ${d.offset ?? '?'})`
            : d.problem === 'bad_char_ref'
              ? ` holds an invalid character reference ${d.ref ?? ''}`
              : d.problem === 'duplicate_entry'
                ? ' appears more than once in the zip archive (programs may read different data)'
                : ' cannot be read'
      }. Open it in Excel, WPS or LibreOffice, save it as .xlsx and try again. Nothing was changed.`,
  },
  IMPORT_WRONG_FORMAT: {
    'zh-CN': (d) =>
      `${d.path ?? ''} 是${
        d.format === 'xls' ? ' Excel 97-2003 工作簿（.xls）' : d.format === 'xlsb' ? ' Excel 二进制工作簿（.xlsb）' : d.format === 'ods' ? ' OpenDocument 电子表格（.ods）' : '加密（设有打开密码）的工作簿'
      }，本应用只能导入 .xlsx。请${d.format === 'encrypted' ? '在 Excel 或 WPS 中取消打开密码后，' : '在 Excel、WPS 或 LibreOffice 中打开它，'}另存为“Excel 工作簿（.xlsx）”后再导入。未做任何更改。`,
    en: (d) =>
      `${d.path ?? ''} is ${
        d.format === 'xls' ? 'an Excel 97-2003 workbook (.xls)' : d.format === 'xlsb' ? 'an Excel binary workbook (.xlsb)' : d.format === 'ods' ? 'an OpenDocument spreadsheet (.ods)' : 'an encrypted (password-protected) workbook'
      }; this app imports .xlsx only. ${d.format === 'encrypted' ? 'Remove the password in Excel or WPS, then save' : 'Open it in Excel, WPS or LibreOffice and save'} it as "Excel Workbook (.xlsx)", then import that. Nothing was changed.`,
  },
  IMPORT_PERCENT_UNIT: {
    'zh-CN': (d) => `${cellZh(d)}：单元格设为百分比格式（显示为 ${shown(d.value)}），但此行的单位不是百分比。请去掉百分比格式并填写以本行单位计的数值。`,
    en: (d) => `${cellEn(d)}: the cell has a percent format (it shows ${shown(d.value)}) but this row's unit is not percent. Remove the percent format and type the value in the row's unit.`,
  },
  IMPORT_STALE_PREVIEW: {
    'zh-CN': () => '预览之后数据已被修改，或预览已过期。请重新预览后再应用。未写入任何内容。',
    en: () => 'The data changed since the preview, or the preview has expired. Preview again before applying. Nothing was written.',
  },
  DB_DAMAGED: {
    'zh-CN': (d) =>
      `数据文件已损坏（完整性检查未通过）${d.path ? `：${d.path}` : ''}。为免损坏扩大，已停止写入，未做任何更改。请在“设置 ▸ 备份”中恢复最新的完好备份${d.backup ? `（${d.backup}）` : ''}，或运行 “cluster-brief restore <备份文件>”。`,
    en: (d) =>
      `The data file is damaged (it failed its integrity check)${d.path ? `: ${d.path}` : ''}. Writing is stopped so the damage cannot spread; nothing was changed. Restore the newest good backup${d.backup ? ` (${d.backup})` : ''} in Settings > Backups, or run "cluster-brief restore <backup file>".`,
  },
  DB_IO_ERROR: {
    'zh-CN': (d) => `读写数据文件时磁盘出错${d.path ? `：${d.path}` : ''}。未做任何更改。请检查磁盘或网络驱动器是否仍可用后重试。`,
    en: (d) => `The disk failed while reading or writing the data file${d.path ? `: ${d.path}` : ''}. Nothing was changed. Check that the disk or network drive is still available and try again.`,
  },
  ROWS_CHANGED: {
    'zh-CN': (d) =>
      d.since === 'undo'
        ? `${d.names ? `${d.names}在这次更改之后又被修改过` : `有 ${d.count ?? '?'} 项内容在这次更改之后又被修改过（${d.ids ?? ''}）`}，为不覆盖那些修改，未写入任何内容。请先查看${d.count === 1 ? '它的' : '它们的'}修改历史。`
        : `有 ${d.count ?? '?'} 条数据在预览之后被他人修改（编号：${d.ids ?? ''}），为不覆盖他们的修改，未写入任何内容。请重新预览后再应用。`,
    en: (d) =>
      d.since === 'undo'
        ? `${d.namesEn ? `Changed again after this change: ${d.namesEn}` : `${d.count ?? '?'} ${d.count === 1 ? 'item was' : 'items were'} changed again after this change (${d.ids ?? ''})`}; nothing was written, so ${d.count === 1 ? 'that change is' : 'those changes are'} kept. Look at ${d.count === 1 ? 'its' : 'their'} history first.`
        : `${d.count ?? '?'} ${d.count === 1 ? 'figure was' : 'figures were'} changed by someone else since the preview (IDs: ${d.ids ?? ''}); nothing was written, so their edits are kept. Preview again before applying.`,
  },
  // Two callers: the bulletin writer names the place (section, kind, index); the store numbers the block.
  BULLETIN_BROKEN_REFERENCE: {
    'zh-CN': (d) =>
      typeof d.block === 'number'
        ? `简报${referencePlaceZh(d)}引用的数据${d.label ? `“${d.label}”` : `（编号 ${d.figureId ?? ''}）`}已被删除。请删除或替换该引用后再签发或导出。`
        : `无法生成简报：${bulletinPlaceZh(d)}引用的${d.what === 'source' ? '来源' : d.what === 'entity' ? '产业' : '数据'}已不存在（编号 ${d.id ?? '?'}）。请在该处删除或替换这一引用后再导出。未生成任何文件。`,
    en: (d) =>
      typeof d.block === 'number'
        ? `The figure ${d.labelEn ? `“${d.labelEn}”` : `(ID ${d.figureId ?? ''})`} referenced in ${referencePlaceEn(d)} has been deleted. Remove or replace the reference before issuing or exporting.`
        : `The bulletin was not made: ${bulletinPlaceEn(d)} refers to a ${d.what ?? 'figure'} that no longer exists (ID ${d.id ?? '?'}). Remove or replace that reference there and export again. No file was written.`,
  },
  BACKUP_NOT_FOUND: {
    'zh-CN': (d) => `找不到备份：${d.path ?? ''}。请用 “cluster-brief backups” 或“设置 ▸ 备份”查看现有备份。`,
    en: (d) => `No such backup: ${d.path ?? ''}. List the backups with "cluster-brief backups" or in Settings > Backups.`,
  },
  BACKUP_NOT_WRITTEN: {
    'zh-CN': (d) => `无法在 ${d.path ?? ''} 写入备份（${writeReason(d.reason, 'zh-CN')}）。数据文件未被改动，也没有留下不完整的备份。`,
    en: (d) => `Could not write the backup in ${d.path ?? ''} (${writeReason(d.reason, 'en')}). The data file is unchanged and no partial backup was left.`,
  },
  // 简报 issues (issue 10)
  BULLETIN_READ_ONLY: {
    'zh-CN': (d) => `简报 ${d.id ?? ''} 已签发，不能再修改或删除。如需更正，请另发一期“更正”。`,
    en: (d) => `Bulletin ${d.id ?? ''} has been issued and can no longer be changed or deleted. To correct it, issue a correction.`,
  },
  BULLETIN_DAMAGED: {
    'zh-CN': (d) => `数据文件中的简报 ${d.id ?? ''} 内容已损坏（${d.where ?? ''}），无法打开。其他数据不受影响；可从备份恢复。`,
    en: (d) => `Bulletin ${d.id ?? ''} in the data file is damaged (${d.where ?? ''}) and cannot be opened. Other data is not affected; a backup can restore it.`,
  },
  BULLETIN_STALE_REFERENCE: {
    'zh-CN': (d) => `简报${referencePlaceZh(d)}引用的数据${d.label ? `“${d.label}”` : `（编号 ${d.figureId ?? ''}）`}已更新${Number(d.count) > 1 ? `（共 ${d.count} 处）` : ''}。请先在“引用的数据”中确认新数值，再签发。`,
    en: (d) => `The figure ${d.labelEn ? `“${d.labelEn}”` : `(ID ${d.figureId ?? ''})`} referenced in ${referencePlaceEn(d)} has been updated${Number(d.count) > 1 ? ` (${d.count} references in all)` : ''}. Accept the new value under "Referenced figures" before issuing.`,
  },
  // Statistical tables in (issue 12)
  TABLE_UNSUPPORTED_FILE: {
    'zh-CN': (d) => `只能导入 .xlsx 或 .csv 表格：${d.path ?? ''}。请在 Excel、WPS 或 LibreOffice 中另存为其中一种后再导入。未做任何更改。`,
    en: (d) => `Only .xlsx or .csv tables can be imported: ${d.path ?? ''}. Save it as one of them in Excel, WPS or LibreOffice and import that. Nothing was changed.`,
  },
  TABLE_TOO_LARGE: {
    'zh-CN': (d) => `CSV 文件超过 ${d.limitMb ?? '?'} MB 的上限：${d.path ?? ''}。请分批导入。未做任何更改。`,
    en: (d) => `The CSV file is larger than the ${d.limitMb ?? '?'} MB limit: ${d.path ?? ''}. Import it in parts. Nothing was changed.`,
  },
  TABLE_TOO_MANY_COLUMNS: {
    'zh-CN': (d) => `${cellZh(d)}：超过 ${d.limit ?? '?'} 列的上限。未做任何更改。`,
    en: (d) => `${cellEn(d)}: more than the ${d.limit ?? '?'} column limit. Nothing was changed.`,
  },
  TABLE_TOO_MANY_CELLS: {
    'zh-CN': (d) => `${cellZh(d)}：表格超过 ${d.limit ?? '?'} 个单元格的上限。请分批导入。未做任何更改。`,
    en: (d) => `${cellEn(d)}: the table has more than the ${d.limit ?? '?'} cell limit. Import it in parts. Nothing was changed.`,
  },
  TABLE_NO_SHEET: {
    'zh-CN': (d) => `表格中没有工作表“${d.sheet ?? ''}”（现有：${d.sheets ?? ''}）。`,
    en: (d) => `The table has no sheet "${d.sheet ?? ''}" (it has: ${d.sheets ?? ''}).`,
  },
  TABLE_BAD_HEADER_ROW: {
    'zh-CN': (d) => `${cellZh(d)}：标题行所在的这一行不存在或为空。请重新选择标题行。`,
    en: (d) => `${cellEn(d)}: the header row chosen does not exist or is empty. Choose the header row again.`,
  },
  TABLE_NO_COLUMN: {
    'zh-CN': (d) => `${cellZh({ ...d, header: null })}：标题行中找不到列“${d.header ?? ''}”（映射里有这一列，表格里没有）。`,
    en: (d) => `${cellEn({ ...d, header: null })}: the header row has no column "${d.header ?? ''}" (the mapping names it; the table does not have it).`,
  },
  TABLE_MAPPING_INCOMPLETE: {
    'zh-CN': (d) => `工作表“${d.sheet ?? ''}”的映射不完整：缺少 ${d.missing ?? ''}（产业 entity、指标 metric、期间 period、数值 value 每项须由某一列或固定值给出）。`,
    en: (d) => `The mapping of sheet "${d.sheet ?? ''}" is incomplete: ${d.missing ?? ''} missing (entity, metric, period and value must each come from a column or a fixed value).`,
  },
  TABLE_MAPPING_NOT_FOUND: {
    'zh-CN': (d) => `没有名为“${d.name ?? ''}”的已保存映射。`,
    en: (d) => `No saved mapping is named "${d.name ?? ''}".`,
  },
  TABLE_UNKNOWN_ENTITY: {
    'zh-CN': (d) => `${cellZh(d)}：“${shown(d.value)}”不是已知的产业或集群${d.suggestions ? `（是否指：${d.suggestions}？请在向导中确认）` : '（请在向导中为它选择一个产业）'}。`,
    en: (d) => `${cellEn(d)}: "${shown(d.value)}" is not a known industry or cluster${d.suggestions ? ` (did you mean: ${d.suggestions}? Confirm it in the wizard)` : ' (pick an industry for it in the wizard)'}.`,
  },
  TABLE_UNKNOWN_CITY: {
    'zh-CN': (d) => `${cellZh(d)}：“${shown(d.value)}”不是广东省的地级市（可写“广州”“广州市”“Guangzhou”，全省写“全省”或“广东省”）。`,
    en: (d) => `${cellEn(d)}: "${shown(d.value)}" is not a prefecture-level city of Guangdong (write Guangzhou or Guangzhou City, in English or Chinese; for the whole province, Guangdong).`,
  },
  TABLE_UNKNOWN_METRIC: {
    'zh-CN': (d) => `${cellZh(d)}：“${shown(d.value)}”不是指标目录中的指标。请先在指标目录中添加它，或改用已有指标。`,
    en: (d) => `${cellEn(d)}: "${shown(d.value)}" is not a metric of the catalog. Add it to the catalog first, or use one that is there.`,
  },
  TABLE_NO_UNIT: {
    'zh-CN': (d) => `${cellZh(d)}：不知道数值的单位（指标“${d.metric ?? ''}”为金额）。请映射单位列，或为整张表选定单位。`,
    en: (d) => `${cellEn(d)}: the value's unit is unknown (the metric "${d.metric ?? ''}" is an amount). Map a unit column, or choose one unit for the whole table.`,
  },
  TABLE_NUMBER_MULTIPLIER: {
    'zh-CN': (d) => `${cellZh(d)}：“${shown(d.value)}”带有“万”或“亿”。本应用不替您换算：请写出完整数字（1.2万 写作 12000），或选用相应单位（万元、亿元）。`,
    en: (d) => `${cellEn(d)}: "${shown(d.value)}" carries a Chinese multiplier (wan, 10,000, or yi, 100 million). The app does not guess the scale: write the whole number (12000 for 1.2 wan), or choose the matching unit (10k yuan, 100m yuan).`,
  },
  TABLE_ROLE_TWICE: {
    'zh-CN': (d) => `${cellZh({ ...d, header: null })}：列“${d.first ?? ''}”和列“${d.header ?? ''}”都被设为同一含义（${ROLE_ZH[String(d.role)] ?? d.role ?? ''}）。每种含义只能对应一列；宽表的年份列不必设置。`,
    en: (d) => `${cellEn({ ...d, header: null })}: columns "${d.first ?? ''}" and "${d.header ?? ''}" are both mapped as ${d.role ?? ''}. Each meaning takes one column; a wide table's year columns need no role.`,
  },
  TABLE_DUPLICATE_FIGURE: {
    'zh-CN': (d) => `${cellZh(d)}：与单元格 ${d.firstCell ?? '?'} 是同一条数据（同一产业、城市、指标和期间）。`,
    en: (d) => `${cellEn(d)}: the same figure as cell ${d.firstCell ?? '?'} (same industry, city, metric and period).`,
  },
  BULLETIN_NOT_ISSUED: {
    'zh-CN': (d) => `简报 ${d.id ?? ''} 还是草稿，尚未签发，不需要更正，可直接修改。`,
    en: (d) => `Bulletin ${d.id ?? ''} is still a draft, not issued: edit it instead of correcting it.`,
  },
  // Data checks (issue 12)
  FINDING_GONE: {
    'zh-CN': () => '该核查结果已不存在（数据已修改或已被处理），未作确认。请重新运行核查。',
    en: () => 'This finding is no longer there (the data changed or it was dealt with); nothing was acknowledged. Run the checks again.',
  },
  // The metric catalog and cities (issue 12); a workbook's refusal names sheet, row and column.
  UNKNOWN_METRIC: {
    'zh-CN': (d) => `${d.sheet ? `${cellZh(d)}：` : ''}指标“${d.metric ?? ''}”不在指标目录中（或已删除）。请先在“设置 ▸ 指标”中添加它。未写入任何内容。`,
    en: (d) => `${d.sheet ? `${cellEn(d)}: ` : ''}The metric "${d.metric ?? ''}" is not in the metric catalog (or was deleted). Add it under Settings > Metrics first. Nothing was written.`,
  },
  UNKNOWN_CITY: {
    'zh-CN': (d) => `${d.sheet ? `${cellZh(d)}：` : ''}城市代码“${d.city ?? ''}”不是广东省的地级市。未写入任何内容。`,
    en: (d) => `${d.sheet ? `${cellEn(d)}: ` : ''}"${d.city ?? ''}" is not a prefecture-level city of Guangdong. Nothing was written.`,
  },
  METRIC_IN_USE: {
    'zh-CN': (d) =>
      d.change === 'kind'
        ? `指标“${d.name ?? d.metric ?? ''}”已有 ${d.count ?? '?'} 条数据在用，不能改变其类型。未写入任何内容。`
        : `指标“${d.name ?? d.metric ?? ''}”还有 ${d.count ?? '?'} 条数据在用，不能删除。请先删除或改动这些数据。`,
    en: (d) =>
      d.change === 'kind'
        ? `The metric "${d.name ?? d.metric ?? ''}" is used by ${countEn(d.count, 'figure', 'figures')}; its kind cannot change. Nothing was written.`
        : `The metric "${d.name ?? d.metric ?? ''}" is still used by ${countEn(d.count, 'figure', 'figures')} and cannot be deleted. Delete or change those figures first.`,
  },
  SOURCE_IN_USE: {
    'zh-CN': (d) => `来源“${d.title ?? d.id ?? ''}”还有 ${d.count ?? '?'} 条数据引用，不能删除。请先为这些数据改换来源。未写入任何内容。`,
    en: (d) => `The source "${d.title ?? d.id ?? ''}" is still cited by ${countEn(d.count, 'figure', 'figures')} and cannot be deleted. Give those figures another source first. Nothing was written.`,
  },
  METRIC_BUILTIN: {
    'zh-CN': (d) => `“${d.name ?? d.metric ?? ''}”是内置指标，不能删除，也不能改变类型。`,
    en: (d) => `"${d.name ?? d.metric ?? ''}" is a built-in metric: it cannot be deleted and its kind cannot change.`,
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
  const reason = error instanceof Error ? error.message : String(error);
  const condition = fileCondition((error as { code?: unknown } | null)?.code);
  if (condition) return { code: condition, message: reason, details: { path: '' } };
  return { code: 'INTERNAL', message: reason, details: { reason } };
}

/**
 * The file condition behind an SQLite result code (better-sqlite3's SqliteError.code, extended
 * codes included: SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, …) or a Node file error, or null.
 */
/** Why a file could not be written, in words, for the system codes a person meets (a file open in Word is EBUSY or EPERM on Windows); any other reason as it came. */
const WRITE_REASONS: Record<string, Record<Lang, string>> = {
  ENOENT: { 'zh-CN': '所在文件夹不存在，可能已被移动或删除', en: 'the folder does not exist; it may have been moved or deleted' },
  EACCES: { 'zh-CN': '没有写入该位置的权限，或文件正被其他程序（如 Word、Excel）打开', en: 'no permission to write there, or the file is open in another program such as Word or Excel' },
  EPERM: { 'zh-CN': '没有写入该位置的权限，或文件正被其他程序（如 Word、Excel）打开', en: 'no permission to write there, or the file is open in another program such as Word or Excel' },
  EBUSY: { 'zh-CN': '文件正被其他程序（如 Word、Excel）打开，请关闭后重试', en: 'the file is open in another program such as Word or Excel; close it and try again' },
  ENOSPC: { 'zh-CN': '磁盘空间已满', en: 'the disk is full' },
  EROFS: { 'zh-CN': '该位置只读', en: 'the location is read-only' },
  EIO: { 'zh-CN': '磁盘读写出错，请检查磁盘或网络驱动器是否仍可用', en: 'the disk failed while writing; check that the disk or network drive is still available' },
  ENAMETOOLONG: { 'zh-CN': '路径或文件名过长', en: 'the path or file name is too long' },
};

export function writeReason(reason: unknown, lang: Lang): string {
  const code = String(reason ?? '');
  const words = WRITE_REASONS[code]?.[lang];
  // The code stays at the end, for whoever helps the person.
  return words ? `${words}${lang === 'en' ? '; ' : '；'}${code}` : code;
}

export function fileCondition(code: unknown): ErrorCode | null {
  if (typeof code !== 'string') return null;
  const base = code.startsWith('SQLITE_') ? code.replace(/^(SQLITE_[A-Z]+)(_[A-Z_]+)?$/, '$1') : code;
  switch (base) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
    case 'EBUSY':
      return 'DB_LOCKED';
    case 'SQLITE_FULL':
    case 'ENOSPC':
    case 'EDQUOT':
      return 'DISK_FULL';
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'DB_READ_ONLY';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'DB_DAMAGED';
    case 'SQLITE_IOERR':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PROTOCOL':
    case 'EIO':
      return 'DB_IO_ERROR';
    default:
      return null;
  }
}
