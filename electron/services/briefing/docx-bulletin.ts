/**
 * The 简报 head (报头) and tail (报尾) as Word paragraphs, in the format every Chinese government
 * reader knows: the marking top left and the copy number top right; the bulletin's name large, red
 * and centred (方正小标宋简体); the issue line (第N期) beneath it; the compiling unit on the left and
 * the issue date on the right above a red rule. At the end: a rule, 报送 and 抄送, and 共印N份 between
 * thin rules. The lines come worded in the document's language(s) (Lines of the document model);
 * `runs` is the writer's own way of turning a Line into Word runs. Wired into docx.ts's block switch
 * once the document model has its bulletinHead / bulletinTail blocks (issue 10, i10-pdf).
 */
import { AlignmentType, BorderStyle, LineRuleType, TabStopType, type IParagraphStyleOptions } from 'docx';
import { BULLETIN_RED, type Line } from '../../../shared/document';
import { tailLabelChars } from './measure';
import { paragraph, textRun, type RunOptions, type WordInline, type WordParagraph } from './docx-description';

export interface WordBulletinHead {
  /** 内部资料 注意保存, or a classification; empty for none. */
  marking: Line;
  /** 编号, when copies are controlled; empty for none. */
  copyNumber: Line;
  /** The bulletin's name: 广东省战略性产业集群工作简报. */
  name: Line;
  /** 第N期 (总第M期) or 增刊…. */
  issue: Line;
  /** 编印单位 (left) and 印发日期 (right). */
  unit: Line;
  /** The date; a bilingual one a language a line, each at the right margin. */
  date: Line[];
}

export interface WordBulletinTail {
  /** 报送：… and 抄送：…, each its label (报送：, To: ) and its list, worded already; a list without text is left out. */
  lists: { label: string; text: Line }[];
  /** 共印N份; empty for none. */
  copies: Line;
}

export type RunsOf = (line: Line, base: RunOptions) => WordInline[];

/** The 红头's red as Word writes a colour (shared/document.ts: the PDF's too). */
const RED = BULLETIN_RED.slice(1).toUpperCase();
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '方正小标宋简体' };
const HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '黑体' };
const SINGLE = { line: 240, lineRule: LineRuleType.AUTO } as const;

const hasText = (line: Line): boolean => line.some((r) => r.t === 'text' && r.text.trim() !== '');

/** One character of the tail's 14 pt (四号) text, in twips. */
const TAIL_CHAR = 280;
/** The tail's lists: 报送：'s three characters, label column as GB/T 9704 sets 抄送 (the widest label widens it per issue). */
const TAIL_LABEL_DEFAULT = 3 * TAIL_CHAR;

/**
 * The head's and tail's paragraphs by name, each style holding the look its paragraphs are given
 * (they carry it directly too, so the issue prints alike wherever a style is missing): a 发送 line
 * the office adds to the tail, or a masthead it rebuilds, takes its look from the style gallery
 * (every one of them was a plain paragraph formatted by hand).
 */
export const BULLETIN_STYLES = {
  marking: 'MastheadMarking',
  name: 'MastheadName',
  issue: 'MastheadIssue',
  unitDate: 'MastheadUnitDate',
  tailRule: 'TailRule',
  tailList: 'TailList',
  tailCopies: 'TailCopies',
} as const;

/** The styles' definitions (a style holds no tab stops here: each paragraph sets its own, at the text's width). */
export function bulletinParagraphStyles(): IParagraphStyleOptions[] {
  const style = (id: string, name: string, run: IParagraphStyleOptions['run'], paragraph: IParagraphStyleOptions['paragraph']): IParagraphStyleOptions => ({ id, name, basedOn: 'Normal', next: 'Body', quickFormat: true, run, paragraph });
  return [
    style(BULLETIN_STYLES.marking, 'Masthead Marking', { font: HEI }, { spacing: SINGLE }),
    style(BULLETIN_STYLES.name, 'Masthead Name', { font: TITLE_FONT, size: 72, color: RED }, { alignment: AlignmentType.CENTER, spacing: { before: 480, after: 240, line: 1200, lineRule: LineRuleType.EXACT } }),
    style(BULLETIN_STYLES.issue, 'Masthead Issue', {}, { alignment: AlignmentType.CENTER, spacing: { after: 240, ...SINGLE } }),
    style(BULLETIN_STYLES.unitDate, 'Masthead Unit and Date', {}, { spacing: { after: 480, ...SINGLE }, border: { bottom: { style: BorderStyle.SINGLE, size: 16, color: RED, space: 6 } } }),
    style(BULLETIN_STYLES.tailRule, 'Tail Rule', {}, { keepNext: true, spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 0 } } }),
    style(
      BULLETIN_STYLES.tailList,
      'Tail List',
      { size: 28 },
      { keepNext: true, spacing: { before: 60, after: 60, ...SINGLE }, indent: { left: TAIL_CHAR + TAIL_LABEL_DEFAULT, hanging: TAIL_LABEL_DEFAULT, right: TAIL_CHAR } },
    ),
    style(BULLETIN_STYLES.tailCopies, 'Tail Copies', { size: 28 }, { keepNext: true, alignment: AlignmentType.RIGHT, spacing: { before: 60, after: 60, ...SINGLE }, indent: { right: TAIL_CHAR } }),
  ];
}

/**
 * The name's size in half-points, as the PDF sets it: 36 pt, or smaller so that it stays on one line (a
 * CJK character is one em wide, other characters about half), but never under 20 pt — a longer name
 * wraps. (An English name was shrunk to 16.5 pt, about the body's size, to keep one line.)
 */
export function nameSize(name: Line, width: number): number {
  return Math.max(40, Math.min(72, oneLineSize(name, width)));
}

/** The largest size in half-points at which the name holds one line. */
function oneLineSize(name: Line, width: number): number {
  const ems = name.reduce((sum, r) => sum + (r.t === 'text' ? [...r.text].reduce((n, ch) => n + (CJK.test(ch) ? 1 : 0.55), 0) : 0), 0);
  return Math.floor(((width / 20) * 0.96 * 2) / Math.max(1, ems));
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** The head: marking and copy number, the red name, the issue line, unit and date above a red rule. `width`: the text width in twips. */
export function bulletinHeadParagraphs(head: WordBulletinHead, runs: RunsOf, width: number): WordParagraph[] {
  const out: WordParagraph[] = [];
  if (hasText(head.marking) || hasText(head.copyNumber)) {
    out.push(paragraph({ style: BULLETIN_STYLES.marking, tabStops: [{ type: TabStopType.RIGHT, position: width }], spacing: SINGLE }, [...runs(head.marking, { font: HEI }), textRun('\t'), ...runs(head.copyNumber, { font: HEI })]));
  }
  const size = nameSize(head.name, width);
  const wraps = oneLineSize(head.name, width) < size;
  out.push(
    paragraph(
      // One line of 60 pt; a name that wraps at 20 pt, lines of 1.15 × its size. A Latin name in bold, as the PDF's: 方正小标宋 is a heavy face of its own.
      { style: BULLETIN_STYLES.name, alignment: AlignmentType.CENTER, spacing: { before: 480, after: 240, line: wraps ? Math.round(size * 11.5) : 1200, lineRule: LineRuleType.EXACT } },
      runs(head.name, { font: TITLE_FONT, size, color: RED, bold: !head.name.some((r) => r.t === 'text' && CJK.test(r.text)) }),
    ),
    paragraph({ style: BULLETIN_STYLES.issue, alignment: AlignmentType.CENTER, spacing: { after: 240, ...SINGLE } }, runs(head.issue, {})),
    paragraph(
      { style: BULLETIN_STYLES.unitDate, tabStops: [{ type: TabStopType.RIGHT, position: width }], spacing: { after: 480, ...SINGLE }, border: { bottom: { style: BorderStyle.SINGLE, size: 16, color: RED, space: 6 } } },
      [...runs(head.unit, {}), ...head.date.flatMap((d, i) => [...(i > 0 ? [textRun('', { break: 1 })] : []), textRun('\t'), ...runs(d, {})])],
    ),
  );
  return out;
}

/**
 * The tail: 报送 / 抄送 between rules, then 共印N份 at the right above the closing rule. As GB/T 9704
 * sets 抄送: one character in from either side, a line that runs on aligned with the first character
 * after the colon (a hanging indent as wide as the label; a narrower label, English "To:", is followed
 * by a tab to that place). The rules run the text's full width, as in the PDF: each is a paragraph of
 * its own, since a paragraph's border runs only between its indents.
 */
export function bulletinTailParagraphs(tail: WordBulletinTail, runs: RunsOf): WordParagraph[] {
  const lists = tail.lists.filter((l) => hasText(l.text));
  const copies = hasText(tail.copies);
  if (!lists.length && !copies) return [];
  /** A rule: an empty paragraph one point high, bordered below; thick (1 pt) first and last, thin (½ pt) between. */
  const rule = (thick: boolean, last = false, before = 0): WordParagraph =>
    paragraph({ style: BULLETIN_STYLES.tailRule, keepNext: !last, spacing: { before, after: 0, line: 20, lineRule: LineRuleType.EXACT }, border: { bottom: { style: BorderStyle.SINGLE, size: thick ? 8 : 4, color: '000000', space: 0 } } });
  // 24 pt above the first rule, as the PDF leaves (pdf.ts bulletinTail).
  const out: WordParagraph[] = [rule(true, false, 480)];
  // The labels' column, as wide as the PDF's (measure.ts): 报送： (three characters), or the widest label's whole characters.
  const chars = tailLabelChars(lists.map((l) => l.label));
  const TAIL_LABEL = chars * TAIL_CHAR;
  lists.forEach(({ label, text }, i) => {
    if (i > 0) out.push(rule(false));
    // A label of full-width characters exactly as wide as the column ends at the hanging indent; anything else is trimmed and tabbed there.
    const exact = [...label].length === chars && /^[\u3000-\u9fff\uff00-\uffef]+$/u.test(label);
    const head = exact ? [textRun(label, { size: 28 })] : [textRun(label.trimEnd(), { size: 28 }), textRun('\t')];
    out.push(
      paragraph(
        { style: BULLETIN_STYLES.tailList, keepNext: true, spacing: { before: 60, after: 60, ...SINGLE }, indent: { left: TAIL_CHAR + TAIL_LABEL, hanging: TAIL_LABEL, right: TAIL_CHAR }, tabStops: [{ type: TabStopType.LEFT, position: TAIL_CHAR + TAIL_LABEL }] },
        [...head, ...runs(text, { size: 28 })],
      ),
    );
  });
  if (copies) {
    if (lists.length) out.push(rule(false));
    out.push(paragraph({ style: BULLETIN_STYLES.tailCopies, keepNext: true, alignment: AlignmentType.RIGHT, spacing: { before: 60, after: 60, ...SINGLE }, indent: { right: TAIL_CHAR } }, runs(tail.copies, { size: 28 })));
  }
  out.push(rule(true, true));
  return out;
}
