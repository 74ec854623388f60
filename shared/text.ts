/**
 * The one rule for text a person types or a workbook brings in: line ends made "\n", NFC
 * normalised, trimmed, no control characters but tab and newline (a NUL anywhere is refused on its
 * own), not empty where required, and at most so many characters. Every input schema of the
 * contract and every import use it, so SQL constraints are never the first line of defence.
 * Also: a zod issue turned into details a person can read in either language (errors.ts words them).
 * Runs anywhere.
 */
import { z } from 'zod';

/** Control characters other than tab (U+0009) and newline (U+000A): C0, DEL and C1. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** The problems errors.ts has words for; zod's own English never reaches a person. */
export const TEXT_PROBLEMS = [
  'required',
  'too_long',
  'too_short',
  'too_large',
  'too_small',
  'too_many',
  'nul',
  'control',
  'wrong_type',
  'not_allowed',
  'bad_format',
  'unknown_field',
  'negative',
  'entity_needed',
  'unknown_ref',
  'taken',
  'invalid',
  // Issue 12: a unit the figure's metric does not take (money: 元/万元/亿元; percent: %; …).
  'unit_kind',
] as const;
export type TextProblem = (typeof TEXT_PROBLEMS)[number];

/** A wide (Chinese, Japanese, Korean, full-width) character, which joins the next without a space. */
const WIDE_EDGE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * A name's text on one line: white space holding a line break or tab becomes one space, or nothing
 * between two wide characters ("新一代电子\n信息" → "新一代电子信息", "Smart\nhome" → "Smart home").
 * A name is printed in table cells, headers and chart labels, where a line break made a row taller
 * than a page (a workbook cell of many Alt+Enter lines).
 */
export function oneLineText(value: string): string {
  return value.replace(/[^\S\n\t]*[\n\t]\s*/g, (gap, at: number, all: string) => {
    const before = all[at - 1] ?? '';
    const after = all[at + gap.length] ?? '';
    return WIDE_EDGE.test(before) && WIDE_EDGE.test(after) ? '' : ' ';
  });
}

/**
 * Text a person supplied: `max` characters after normalising; `required` (the default) refuses empty
 * text; `oneLine` (names, titles, labels) folds line breaks and tabs (oneLineText).
 */
export function personText({ max, required = true, oneLine = false }: { max: number; required?: boolean; oneLine?: boolean }) {
  return z
    .string()
    .overwrite((s) => {
      const normal = s.replace(/\r\n?/g, '\n').normalize('NFC').trim();
      return oneLine ? oneLineText(normal) : normal;
    })
    .superRefine((s, ctx) => {
      if (s.includes('\u0000')) ctx.addIssue({ code: 'custom', params: { problem: 'nul' }, message: 'NUL character' });
      else {
        const at = s.search(CONTROL);
        if (at >= 0) ctx.addIssue({ code: 'custom', params: { problem: 'control', char: `U+${s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`, position: at + 1 }, message: 'control character' });
      }
    })
    .min(required ? 1 : 0)
    .max(max);
}

/** A custom zod issue carrying one of TEXT_PROBLEMS (for refinements: negative values and the like). */
export const problemIssue = (problem: TextProblem, path: (string | number)[], extra: Record<string, string | number> = {}) =>
  ({ code: 'custom', params: { problem, ...extra }, message: problem, path }) as const;

export type IssueDetails = { where: string; problem: TextProblem } & Record<string, string | number>;

/** What went wrong, without zod's English: the field's path, a problem code, and the limit when there is one. */
export function issueDetails(issue: z.core.$ZodIssue | undefined, prefix?: string): IssueDetails {
  const path = issue?.path.map(String).join('.') ?? '';
  const where = [prefix, path].filter((p) => p).join('.') || (prefix ?? 'input');
  if (!issue) return { where, problem: 'invalid' };
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return { where, problem: 'too_long', limit: Number(issue.maximum) };
      if (issue.origin === 'array' || issue.origin === 'set') return { where, problem: 'too_many', limit: Number(issue.maximum) };
      return { where, problem: 'too_large', limit: Number(issue.maximum) };
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { where, problem: 'required' } : { where, problem: 'too_short', limit: Number(issue.minimum) };
      if (issue.origin === 'array' || issue.origin === 'set') return { where, problem: 'too_small', limit: Number(issue.minimum) };
      return { where, problem: 'too_small', limit: Number(issue.minimum) };
    case 'invalid_type':
      return { where, problem: 'wrong_type' };
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { where, problem: 'not_allowed' };
    case 'invalid_format':
      return { where, problem: 'bad_format' };
    case 'unrecognized_keys':
      return { where: [where, issue.keys[0]].filter((p) => p).join('.'), problem: 'unknown_field' };
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, unknown>;
      const problem = (TEXT_PROBLEMS as readonly string[]).includes(String(params.problem)) ? (params.problem as TextProblem) : 'invalid';
      const extra: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(params)) if (k !== 'problem' && (typeof v === 'string' || typeof v === 'number')) extra[k] = v;
      return { where, problem, ...extra };
    }
    default:
      return { where, problem: 'invalid' };
  }
}
