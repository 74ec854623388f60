/**
 * The Word writer of the briefing document model: a plain function from a BriefingDocument to a
 * .docx (the `docx` package), for finishing in Word or WPS. The document is built from real styles
 * (body 仿宋_GB2312 三号, headings 黑体 / 楷体_GB2312, title 方正小标宋简体, Latin in Times New
 * Roman) on A4 with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
 * The one-page brief and a fact sheet are set in the same faces at about their PDF's sizes on their PDF's
 * margins (oneSheet); the one-page brief holds what its PDF holds (docx-render.ts), so that it too is
 * one page (onePageMeasures).
 *
 * Fonts: Word has no fallback list for a run's font. Each style names the official face in
 * w:eastAsia; the font table then gives Word and WPS the face to use where that one is missing
 * (w:altName, written by docx-font-table.ts): 仿宋_GB2312 → 仿宋 (FangSong on English Windows),
 * 楷体_GB2312 → 楷体 (KaiTi), 方正小标宋简体 → 宋体 (SimSun). Both names ship with every Chinese
 * Windows; a machine with neither substitutes as Word always does.
 *
 * Citations are numbers pointing to the document's list of sources, as its PDF prints them: each
 * listed number is a bookmark, and each citation a REF field to it in superscript, showing the number
 * (its cached result) and a link to the note. One note system, the list: a sentence rewritten or a
 * paragraph deleted in Word leaves every other citation pointing to its note, and a number the office
 * changes in the list changes in the text when fields update. (Word footnotes, one per source with a
 * NOTEREF for each later citation, printed each source twice — in the footnote and in the list — and
 * lost their note when the office rewrote the sentence that first cited it.)
 */
import { AlignmentType, BorderStyle, LineRuleType, Packer, TableLayoutType, TabStopType, WidthType, type Document, type IParagraphStyleOptions } from 'docx';
import { BRIEFING_WORDS } from '../../../shared/briefing-words';
import { DATES_JOINED, bulletinTailLines, numberNotes, text, walkBlocks, type Block, type BriefingDocument, type Cell, type ChartSpec, type Line, type RunStyle } from '../../../shared/document';
import { VALUES_JOINED } from '../../../shared/charts/style';
import { chartNumbers } from './chart-option';
import { bulletinHeadParagraphs, bulletinParagraphStyles, bulletinTailParagraphs } from './docx-bulletin';
import { chartPng, type ChartNames } from './chart-png';
import { cleanForPrint } from './glyphs';
import { measureText } from './measure';
import { PAGE, chartHeight } from './pdf';
import { turnedTitle } from './title-lines';
import { fontTableOverride } from './docx-font-table';
import { NOTES_PARTS_OVERRIDES } from './docx-notes-parts';
import { makeDocx, paragraph, textRun, type ImageRuns, type RunOptions, type WordBlock, type WordCell, type WordDocument, type WordInline, type WordParagraph, type WordRow, type WordRun, type WordRunPart, type WordTable } from './docx-description';

/** The faces a Chinese official document names, and Latin. */
export const WORD_FONTS = {
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  title: '方正小标宋简体',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** A4 in twips (1/20 pt). */
const MM = 1440 / 25.4;
export const WORD_PAGE = { width: 11906, height: 16838 } as const;
export const twips = (mm: number): number => Math.round(mm * MM);
const PT_MM = 25.4 / 72;

/** Margins in mm; sizes in half-points, as Word counts them; lines, indents and widths in twips. */
interface Measures {
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  size: { body: number; title: number; small: number; table: number; cellSecond: number; figure: number; pageNumber: number; quote: number; notesHeading: number };
  /** The body's exact line; the title's; a small or table paragraph's automatic line (240 = single). */
  line: number;
  titleLine: number;
  autoLine: number;
  tableLine: number;
  /** Space above a level-3 heading and around the title. */
  headingBefore: number;
  titleSpace: number;
  /** Two of the body's characters (a Chinese paragraph's first-line indent). */
  indent: number;
  /** The text width in twips, and in pixels at 96 dpi (as docx sizes images). */
  contentTwips: number;
  contentPx: number;
}

function measures(margins: Measures['margins'], size: Measures['size'], rest: Omit<Measures, 'margins' | 'size' | 'indent' | 'contentTwips' | 'contentPx'>): Measures {
  const width = 210 - margins.left - margins.right;
  return { margins, size, ...rest, indent: size.body * 20, contentTwips: twips(width), contentPx: Math.round((width / 25.4) * 96) };
}

/** A document an office issues: 三号 16 pt body on a fixed 28 pt line, on the GB/T 9704 margins (top 37 mm, bottom 35, left 28, right 26). */
const OFFICIAL = measures(
  { top: 37, bottom: 35, left: 28, right: 26, header: 15, footer: 23 },
  { body: 32, title: 44, small: 24, table: 24, cellSecond: 21, figure: 32, pageNumber: 28, quote: 28, notesHeading: 28 },
  { line: 560, titleLine: 720, autoLine: 360, tableLine: 300, headingBefore: 280, titleSpace: 240 },
);

/**
 * The one-page brief: one sheet in Word as in its PDF, so set on the PDF's margins at about the PDF's
 * sizes (五号 10.5 pt body at the PDF's fit scale) in the same faces as every Word briefing. In 三号
 * on official margins it ran to three pages (five bilingual).
 */
function onePageMeasures(scale: number): Measures {
  const half = (pt: number): number => Math.round(pt * scale * 2);
  const mm = (pt: number): number => Math.round(pt * PT_MM * 10) / 10;
  return measures(
    { top: mm(PAGE.top), bottom: mm(PAGE.bottom), left: mm(PAGE.left), right: mm(PAGE.right), header: mm(PAGE.headerTop), footer: mm(PAGE.footerGap) },
    { body: half(10.5), title: half(18), small: half(8.5), table: half(9), cellSecond: half(8), figure: half(14), pageNumber: half(9), quote: half(10), notesHeading: half(10.5) },
    { line: Math.round(10.5 * scale * 1.45 * 20), titleLine: Math.round(18 * scale * 1.5 * 20), autoLine: 240, tableLine: 240, headingBefore: 120, titleSpace: 60 },
  );
}

/**
 * A document of one sheet: the one-page brief, and a fact sheet (its source list in the sheet's small
 * type, `small`). Word sets it on its PDF's margins at about its PDF's sizes: in 三号 on official
 * margins a fact sheet ran onto a second page.
 */
const oneSheet = (doc: BriefingDocument): boolean => doc.layout === 'one-page' || [...walkBlocks(doc.blocks)].some((b) => b.type === 'notes' && b.small === true);

const measuresOf = (doc: BriefingDocument): Measures => (oneSheet(doc) ? onePageMeasures(doc.scale) : OFFICIAL);

const RED = 'C00000';
const GREY = '595959';
const RULE_GREY = 'A6A6A6';

const fonts = (eastAsia: string): { ascii: string; hAnsi: string; cs: string; eastAsia: string } => ({ ascii: WORD_FONTS.latin, hAnsi: WORD_FONTS.latin, cs: WORD_FONTS.latin, eastAsia });

/** Style ids of the paragraphs this writer makes. */
const S = { body: 'Body', subtitle: 'Subtitle', meta: 'Meta', small: 'Small', caption: 'Caption', marking: 'Marking', table: 'TableText', source: 'SourceList', contents: 'ContentsEntry', editorNote: 'EditorNote', quote: 'Quote' } as const;

/** `english`: an English document's text is set flush left, as its PDF: justified without hyphenation, Word spread its lines wide. */
function paragraphStyles(m: Measures, english: boolean): IParagraphStyleOptions[] {
  const style = (id: string, name: string, run: IParagraphStyleOptions['run'], paragraph: IParagraphStyleOptions['paragraph'] = {}): IParagraphStyleOptions => ({ id, name, basedOn: 'Normal', next: S.body, quickFormat: true, run, paragraph });
  const text = english ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
  return [
    style(S.body, 'Body Text', {}, { indent: { firstLine: m.indent }, alignment: text }),
    style(S.subtitle, 'Subtitle', { font: fonts(WORD_FONTS.heading2) }, { alignment: AlignmentType.CENTER }),
    style(S.meta, 'Briefing Meta', { size: m.size.small, color: GREY }, { alignment: AlignmentType.CENTER, spacing: { line: m.autoLine, lineRule: LineRuleType.AUTO } }),
    style(S.small, 'Small Text', { size: m.size.small, color: GREY }, { spacing: { line: m.autoLine, lineRule: LineRuleType.AUTO } }),
    style(S.caption, 'Chart Caption', { font: fonts(WORD_FONTS.heading1), size: m.size.small }, { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, line: m.autoLine, lineRule: LineRuleType.AUTO } }),
    style(S.marking, 'Marking', { font: fonts(WORD_FONTS.heading1), color: RED }, {}),
    style(S.table, 'Table Text', { size: m.size.table }, { spacing: { line: m.tableLine, lineRule: LineRuleType.AUTO } }),
    style(S.source, 'Source List', { size: m.size.small }, { indent: { left: 420, hanging: 420 }, spacing: { line: m.autoLine, lineRule: LineRuleType.AUTO } }),
    style(S.contents, 'Contents Entry', {}, {}),
    // A bulleted item: docx names this style on every bullet paragraph (a second style on it was invalid Word
    // XML: two <w:pStyle> in one <w:pPr>). Set flush left: justified in a narrow column, a line was stretched.
    style('ListParagraph', 'List Paragraph', {}, { alignment: AlignmentType.LEFT }),
    // The 简报's 按语 in 楷体, and a quoted source passage indented as a block, as the PDF sets them (pdf.ts bulletinStyles).
    style(S.editorNote, 'Editor Note', { font: fonts(WORD_FONTS.heading2) }, { indent: { firstLine: m.indent }, alignment: text, spacing: { after: 120 } }),
    style(S.quote, 'Quote', { size: m.size.quote }, { indent: { left: m.indent, right: m.indent / 2 }, spacing: { before: 40, after: 160, line: Math.round(m.size.quote * 17), lineRule: LineRuleType.EXACT } }),
  ];
}

/** The Word document of a briefing as plain data (charts drawn as PNG): what docx is asked to make (docx-description.ts). */
export function describeDocx(doc: BriefingDocument): WordDocument {
  const m = measuresOf(doc);
  const LINE = { line: m.line, lineRule: LineRuleType.EXACT } as const;
  const w = new WordWriter(doc, m);
  const children = doc.blocks.flatMap((b, i) => w.block(b, doc.blocks[i - 1], doc.blocks[i + 1]));
  const english = doc.lang === 'en';
  return {
    options: {
      creator: doc.author || 'Cluster Brief',
      // Word's File ▸ Info names who saved it last: the author, not docx's "Un-named".
      lastModifiedBy: doc.author || 'Cluster Brief',
    title: doc.title,
    description: 'Cluster Brief',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        // w:val is the language of Latin text, w:eastAsia of Chinese: marked Chinese, Latin words (an English quotation, the
        // English lines of a bilingual report) were cut anywhere by LibreOffice ("reac" / "hed").
        document: { run: { font: fonts(WORD_FONTS.body), size: m.size.body, language: { value: 'en-GB', eastAsia: 'zh-CN' } }, paragraph: { spacing: LINE } },
        title: { next: S.body, run: { font: fonts(WORD_FONTS.title), size: m.size.title, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: m.titleSpace, after: m.titleSpace, line: m.titleLine, lineRule: LineRuleType.EXACT } } },
        // Chinese headings differ from the body by their face (黑体, 楷体), indented two characters as the body; an English
        // document's Latin headings are set in the body's face, so they are bold (level 2 also italic), at the margin.
        heading1: { next: S.body, run: { font: fonts(WORD_FONTS.heading1), size: m.size.body, bold: english, color: '000000' }, paragraph: { indent: { firstLine: english ? 0 : m.indent }, keepNext: true, spacing: LINE } },
        heading2: { next: S.body, run: { font: fonts(WORD_FONTS.heading2), size: m.size.body, bold: english, italics: english, color: '000000' }, paragraph: { indent: { firstLine: english ? 0 : m.indent }, keepNext: true, spacing: LINE } },
        // Level 3 in a report (an industry's name in the full report, a milestone year) is the third level of GB/T 9704:
        // the body's face in bold, indented as the body (in 黑体 14 pt it outweighed level 2, 楷体 16 pt). In the 简报
        // it is the 注释 heading and in the one-page brief 要点 / 批注: 黑体 at the margin with space above, as the PDF sets them.
        heading3:
          doc.layout === 'report'
            ? { next: S.body, run: { font: fonts(WORD_FONTS.body), size: m.size.body, bold: true, color: '000000' }, paragraph: { indent: { firstLine: english ? 0 : m.indent }, keepNext: true, spacing: LINE } }
            : // In English the heading's Latin is the body's face: bold, or "Key points" read as one more line of text.
              { next: S.body, run: { font: fonts(WORD_FONTS.heading1), size: m.size.notesHeading, bold: english, color: '000000' }, paragraph: { keepNext: true, spacing: { ...LINE, before: m.headingBefore, after: 80 } } },
      },
      paragraphStyles: [...paragraphStyles(m, english), ...(doc.layout === 'bulletin' ? bulletinParagraphStyles() : [])],
    },
    },
    section: {
      properties: {
        titlePage: true,
        page: {
          size: { width: WORD_PAGE.width, height: WORD_PAGE.height },
          // In twips: older Word and WPS read only numbers here, not "37mm".
          margin: { top: twips(m.margins.top), bottom: twips(m.margins.bottom), left: twips(m.margins.left), right: twips(m.margins.right), header: twips(m.margins.header), footer: twips(m.margins.footer) },
        },
      },
      headers: { first: w.header(false), default: w.header(true), even: w.header(true) },
      footers: { first: w.footer('right'), default: w.footer('right'), even: w.footer('left') },
      children,
    },
  };
}

/** A chart's image run is made once per drawing (ImageRuns): the same PNG, cached by chart-png.ts, in every export until its data changes. */
const images: ImageRuns = new WeakMap();

/** Builds the Word document: described, then made with docx; `toDocx` packs it. */
export function buildDocx(doc: BriefingDocument): Document {
  return makeDocx(describeDocx(doc), images);
}

/** The .docx bytes of a briefing document: built, and packed with the font table that names each face's alternative and separators as Word writes them. */
export async function toDocx(doc: BriefingDocument): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(doc), false, [fontTableOverride(), ...NOTES_PARTS_OVERRIDES]);
}

type Out = WordBlock;

/** A small note and its English line (bilingual), set in Word's Small style. */
const NOTE_STYLES: ReadonlySet<string> = new Set(['small', 'second']);

/**
 * A value in Word as the PDF keeps it, as far as Word's line breaking lets it: a no-break space only
 * after a number ("15.68 billion"), so a long English value still breaks between its words (with every
 * space no-break, LibreOffice broke it inside a word: "bil / lion", "yu / an"). A Chinese value may
 * still break between two characters in Word: neither LibreOffice nor Word keeps CJK text together for
 * a word joiner (U+2060, U+FEFF or U+200D, tried in LibreOffice), and the PDF is the issued form.
 */
export function keptTogether(value: string): string {
  return value.replace(/(\d) /g, '$1\u00a0');
}

/**
 * A chart value's lines in its table: in both languages the Chinese above the English, as the name
 * beside it ("超过 1 万亿元 / over 1 trillion" and "yuan" alone on the next line, in a column of 42 %).
 */
function valueLines(value: string, names: ChartNames): string[] {
  const at = names === 'both' ? value.indexOf(VALUES_JOINED) : -1;
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + VALUES_JOINED.length)];
}

class WordWriter {
  /** The note numbers a notes block lists (each a bookmark there, which citations point to), and those bookmarked so far. */
  private readonly listed = new Set<number>();
  private readonly bookmarked = new Set<number>();

  constructor(
    private readonly doc: BriefingDocument,
    private readonly m: Measures,
  ) {
    numberNotes(doc.blocks); // each citation's number (r.n), in reading order, as the notes blocks list them
    for (const b of walkBlocks(doc.blocks)) if (b.type === 'notes') for (const item of b.items) this.listed.add(item.n);
  }

  /** A line's runs; `notes` false in the notes themselves (a source's line cites nothing). */
  runs(line: Line, base: RunOptions, notes = true): WordInline[] {
    return line.flatMap((r, k): WordInline[] => {
      // Two note numbers side by side are set apart by a comma ("1,2", not "12").
      // A word joiner (U+2060) before a note number keeps it on the line of what it follows, as the PDF does ("超过1000亿元¹", not "¹，" at a line's start).
      if (r.t === 'cite') return notes && r.n !== undefined ? [...(line[k - 1]?.t === 'cite' ? [noteRun(',')] : [noteRun('\u2060')]), ...this.citation(r.n)] : [];
      const value = cleanForPrint(r.text);
      const text = r.nowrap ? keptTogether(value) : value;
      return text.split('\n').map((part, i) => textRun(part, { ...base, ...runStyle(r.style), ...(i > 0 ? { break: 1 } : {}) }));
    });
  }

  /**
   * A citation: a REF field to its note's number in the list (\h: a link to it; \* CHARFORMAT: the
   * result keeps the field's superscript, not the list's look, when Word updates it), its cached result
   * the number; a note no block lists (the one-page brief's beyond its "another N sources"), the number.
   */
  private citation(n: number): WordInline[] {
    if (!this.listed.has(n)) return [noteRun(String(n))];
    return [noteRun({ field: 'begin' }), noteRun({ instruction: ` REF ${noteBookmark(n)} \\h \\* CHARFORMAT ` }), noteRun({ field: 'separate' }), noteRun(String(n)), noteRun({ field: 'end' })];
  }

  /** A listed note's number, in the bookmark its citations point to (the first list holding it). */
  private noteNumber(n: number): WordInline[] {
    if (this.bookmarked.has(n)) return [textRun(String(n))];
    this.bookmarked.add(n);
    return [{ bookmark: noteBookmark(n), children: [textRun(String(n))] }];
  }

  /**
   * A title's runs, turned between words into lines of about one length (title-lines.ts), as the PDF
   * turns it; 5 % under the measure, as Word sets it in 方正小标宋 and Times New Roman, not the PDF's faces.
   */
  private titleTurned(b: Extract<Block, { type: 'paragraph' }>): Line {
    if (paragraphStyle(b.style) !== 'Title') return b.runs;
    const size = this.m.size.title / 2;
    return turnedTitle(b.runs, (this.m.contentTwips / 20) * 0.95, (t) => measureText(t, size, false, 'serif'));
  }

  /** A heading's runs, a bilingual one's English after two spaces in grey, smaller; `notes`: with its note references (not in the contents). */
  private headingRuns(h: Extract<Block, { type: 'heading' }>, notes: boolean): WordInline[] {
    const second = h.second ? [textRun('  '), ...this.runs(h.second, { color: GREY, size: this.m.size.small }, notes)] : [];
    return [...this.runs(h.runs, {}, notes), ...second];
  }

  private para(line: Line, style: string, base: RunOptions = {}): WordParagraph {
    return paragraph({ style }, this.runs(line, base));
  }

  /** `before`, `after`: the blocks printed before and after this one, where they decide how this one is set. */
  block(b: Block, before?: Block, after?: Block): Out[] {
    switch (b.type) {
      case 'heading': {
        const heading = b.level === 1 ? 'Heading1' : b.level === 2 ? 'Heading2' : 'Heading3';
        return [paragraph({ heading }, this.headingRuns(b, true))];
      }
      case 'paragraph':
        // A caption (the 简报's 表1 …) is kept with its table in the paragraph itself too: WPS honours direct formatting more surely than a style's.
        if (b.style === 'caption') return [paragraph({ style: S.caption, keepNext: true, keepLines: true }, this.runs(b.runs, {}))];
        // A meta line is centred under a centred title; elsewhere (an industry's category and tier under its heading) at the margin.
        if (b.style === 'meta' && !(before?.type === 'paragraph' && TITLE_BLOCK.has(before.style))) return [paragraph({ style: S.meta, alignment: AlignmentType.LEFT }, this.runs(b.runs, {}))];
        // A chart's notes stay together (a bilingual chart's Chinese note ended a page, its English line began the next).
        if (NOTE_STYLES.has(b.style) && after?.type === 'paragraph' && NOTE_STYLES.has(after.style)) return [paragraph({ style: S.small, keepNext: true }, this.runs(b.runs, {}))];
        return [this.para(this.titleTurned(b), paragraphStyle(b.style))];
      case 'list':
        return b.items.map((i) => paragraph({ bullet: { level: 0 } }, [...this.runs(i.runs, {}), ...(i.second ? [textRun('', { break: 1 }), ...this.runs(i.second, { color: GREY, size: this.m.size.small })] : [])]));
      case 'figures':
        return [this.figures(b)];
      case 'table':
        return [this.table(b)];
      case 'chart':
        return this.chart(b, after);
      case 'annotation':
        // The byline is kept with the note it names (a heading and byline stood at a page's foot, the note on the next).
        return [paragraph({ style: S.small, keepNext: true }, this.runs(b.meta, {})), paragraph({ style: S.body, border: { left: { style: BorderStyle.SINGLE, size: 12, color: RULE_GREY, space: 8 } } }, this.runs(b.body, {}))];
      case 'notes':
        // Each source once, by its note number (the bookmark its citations point to), and its quoted passages beneath it.
        return b.items.flatMap((item) => [
          paragraph({ style: S.source }, [...this.noteNumber(item.n), textRun('.\t'), ...this.runs(item.lines[0] ?? [], {}, false)]),
          ...item.lines.slice(1).map((l) => paragraph({ style: S.source, indent: { left: 420, hanging: 0 } }, this.runs(l, {}, false))),
        ]);
      case 'rule':
        return [paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 120 }, border: { bottom: { style: BorderStyle.SINGLE, size: b.strong ? 12 : 4, color: b.strong ? '000000' : RULE_GREY, space: 1 } } })];
      case 'contents':
        return [
          paragraph({ heading: 'Heading1' }, this.runs(b.title, {}, false)),
          // Each heading as printed, a bilingual one with its English (the contents listed the Chinese alone).
          ...[...walkBlocks(this.doc.blocks)].flatMap((h) => (h.type === 'heading' && h.toc ? [paragraph({ style: S.contents, indent: { left: (h.level - 1) * this.m.indent } }, this.headingRuns(h, false))] : [])),
        ];
      case 'pageBreak':
        return [paragraph({}, [{ pageBreak: true }])];
      case 'columns':
        return [this.columns(b.columns)];
      // The 简报's head and tail (docx-bulletin.ts: red name centred, issue line, unit/date line above a
      // red rule; tail rules, 报送/抄送, 共印N份).
      case 'bulletinHead': {
        const line = (v: string): Line => (v ? [text(v)] : []);
        return bulletinHeadParagraphs(
          // A bilingual date a language a line, each at the right tab (on one, Word wrapped it: "…3日 / 3 ⏎ December 2026").
          // A date is kept whole: after a long 编印单位 it wrapped "3 / December 2026"; whole, it goes to the next line at the right.
          { marking: line(b.marking), copyNumber: line(b.copyNumber), name: line(b.name), issue: line(b.issueLine), unit: line(b.unit), date: b.date.split(DATES_JOINED).map((d) => line(d.replace(/ /g, '\u00a0'))) },
          (l, base) => this.runs(l, base),
          this.m.contentTwips,
        );
      }
      case 'bulletinTail': {
        const lines = bulletinTailLines(b);
        const copies = lines.find((x) => x.label === '');
        return bulletinTailParagraphs({ lists: lines.filter((x) => x.label !== '').map((x) => ({ label: x.label, text: [text(x.text)] })), copies: copies ? [text(copies.text)] : [] }, (l, base) => this.runs(l, base));
      }
    }
  }

  /** `keep`: kept with the row after it (a header row, and the first row of a table of more than two). */
  private cellParagraphs(c: Cell, header: boolean, keep = header): WordParagraph[] {
    const alignment = c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
    const lines = c.lines.length ? c.lines : [[]];
    // A header row is kept with the row after it (keepNext on its paragraphs): it never stands alone at the foot of a page;
    // nor with one row under it, its first row being kept with the second (a header and one row stood at a page's foot).
    return lines.map((l, i) => paragraph({ style: S.table, alignment, ...(keep ? { keepNext: true } : {}) }, this.runs(l, header ? { bold: true } : i > 0 ? { color: GREY, size: this.m.size.cellSecond } : {})));
  }

  /** Column widths in twips: numbers scaled from the PDF's points to Word's text width, "auto" as wide as its widest line (at most 45%), "*" sharing the rest. */
  private widths(b: Extract<Block, { type: 'table' }>): number[] {
    const scale = this.m.contentTwips / (442 * 20);
    const fixed = b.columns.map((c, i) => {
      if (typeof c.width === 'number') return Math.round(c.width * 20 * scale);
      if (c.width === '*') return null;
      const cells = [b.header[i], ...b.rows.map((r) => r[i])].filter((x): x is Cell => x !== undefined);
      const widest = Math.max(0, ...cells.flatMap((cell) => cell.lines.map((l) => l.reduce((sum, r) => sum + (r.t === 'text' ? measureText(r.text.replace(/\s*\n\s*/g, ' '), 12, true) : 8), 0))));
      // 15 % over our font's measure: Word sets the table in Times New Roman and 仿宋, or whatever stands in for them
      // (LibreOffice's stand-ins are wider: "Period" broke as "Perio|d").
      return Math.min(Math.ceil((widest * 1.15 + 12) * 20), Math.round(this.m.contentTwips * 0.45));
    });
    const used = fixed.reduce<number>((s, w) => s + (w ?? 0), 0);
    const stars = fixed.filter((w) => w === null).length;
    const share = stars ? Math.max(800, Math.floor((this.m.contentTwips - used) / stars)) : 0;
    const widths = fixed.map((w) => w ?? share);
    const total = widths.reduce((s, w) => s + w, 0);
    // Never wider than the page: a table wider than the text area is scaled down whole.
    return total > this.m.contentTwips ? widths.map((w) => Math.floor((w * this.m.contentTwips) / total)) : widths;
  }

  private table(b: Extract<Block, { type: 'table' }>): WordTable {
    return dataTable(this.widths(b), b.header.map((c) => this.cellParagraphs(c, true)), b.rows.map((r, i) => r.map((c) => this.cellParagraphs(c, false, i === 0 && b.rows.length > 2))));
  }

  private figures(b: Extract<Block, { type: 'figures' }>): WordTable {
    const perRow = Math.min(this.doc.lang === 'zh' ? 4 : 2, Math.max(1, b.items.length));
    // A label turns between words, as in the PDF ("…增加值同 / 比增长" split a word): the box less its cell margins, 5 % under the measure.
    const room = ((Math.floor(this.m.contentTwips / perRow) - CELL_MARGINS.left - CELL_MARGINS.right) / 20) * 0.95;
    const size = this.m.size.cellSecond / 2;
    const cells = b.items.map((i) => [
      ...i.label.map((l) => paragraph({ style: S.table }, this.runs(turnedTitle(l, room, (t) => measureText(t, size, false, 'serif')), { color: GREY, size: this.m.size.cellSecond }))),
      // A bilingual value's English line is smaller, as in the PDF: set as large as the Chinese it read as a second figure.
      ...i.value.map((l, k) => paragraph({ style: S.table }, this.runs(l, k === 0 ? { bold: true, size: this.m.size.figure } : { bold: true, color: GREY, size: this.m.size.cellSecond }))),
    ]);
    const rows: WordParagraph[][][] = [];
    for (let i = 0; i < cells.length; i += perRow) {
      const row = cells.slice(i, i + perRow);
      while (row.length < perRow) row.push([paragraph({ style: S.table })]);
      rows.push(row);
    }
    const width = Math.floor(this.m.contentTwips / perRow);
    return {
      table: {
        layout: TableLayoutType.FIXED,
        width: { size: width * perRow, type: WidthType.DXA },
        columnWidths: rows[0]?.map(() => width) ?? [],
        borders: { top: { style: BorderStyle.SINGLE, size: 12, color: '000000' }, bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE_GREY }, left: NONE, right: NONE, insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: RULE_GREY }, insideVertical: { style: BorderStyle.SINGLE, size: 4, color: RULE_GREY } },
      },
      rows: rows.map((r) => ({ row: { cantSplit: true }, cells: r.map((children): WordCell => ({ cell: { width: { size: width, type: WidthType.DXA }, margins: CELL_MARGINS }, children })) })),
    };
  }

  /**
   * The chart as the PDF draws it, as a PNG across the text width, and its numbers in a table beneath.
   * The one-page brief's and the 简报's bar charts carry their numbers on their bars, as in their PDF, and
   * in the picture's alternative text (Word's Alt Text, read aloud by a screen reader): beneath the chart,
   * a table of twenty rows pushed the brief onto a second and third page, and the shipped 简报 示例 onto a
   * page the PDF does not have. A 简报's trend (lines, no number on each point) keeps its table.
   */
  private chart(b: Extract<Block, { type: 'chart' }>, after?: Block): Out[] {
    const names: ChartNames = b.lang === 'bilingual' ? 'both' : b.lang;
    // The PDF's drawing size (1.3 × its printed size, so 11 px labels print at about 8.5 pt), a tall chart
    // as squeezed as there (Word's kept 60 pt less of the page, and drew such a chart taller than the PDF).
    const size = { width: Math.round(483.28 * 1.3), height: Math.round(chartHeight(this.doc, b) * 1.3) };
    const png = chartPng(b.spec, names, size);
    const height = Math.round((this.m.contentPx * size.height) / size.width);
    const caption = [...b.caption, ...(b.second ? [{ t: 'text' as const, text: '  ' }, ...b.second] : [])];
    const title = caption.flatMap((r) => (r.t === 'text' ? [r.text] : [])).join('');
    const numbersBeneath = this.doc.layout === 'report' || (this.doc.layout === 'bulletin' && b.spec.kind === 'trend');
    // The note beneath ("标有“超过”…的数值为下限") stays with what stands above it, the chart or the last of its numbers: it stood alone at the top of the next page.
    const noted = after?.type === 'paragraph' && after.style === 'small';
    const description = numbersBeneath ? title : [title, ...chartNumbers(b.spec, names).map((r) => `${r.name.join(' / ')}${names === 'en' ? ': ' : '：'}${r.value}`)].map(cleanForPrint).join('\n');
    return [
      this.para(caption, S.caption),
      // Kept with what explains it beneath: its numbers, or the note that follows it ("标有“超过”…的数值为下限", which went to the next page alone).
      paragraph(
        { alignment: AlignmentType.CENTER, keepNext: numbersBeneath || noted, spacing: { line: 240, lineRule: LineRuleType.AUTO, after: numbersBeneath ? 0 : 240 } },
        [{ image: { type: 'png', data: png, transformation: { width: this.m.contentPx, height }, altText: { name: 'chart', title, description } } }],
      ),
      // A table's numbers, with a paragraph after them (an empty one after the picture stood as a stray line).
      ...(numbersBeneath ? [this.chartNumbers(b.spec, names, noted, height), paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO }, ...(noted ? { keepNext: true } : {}) })] : []),
    ];
  }

  /**
   * The chart's numbers: one row per bar, its name and its value with qualifier and unit. `noted` (a note
   * follows): chart, numbers and note kept together when they fit on a page (`chartPx`: the picture's
   * height); else kept with the chart by the header and first row, and with the note by the last row.
   * Every row kept with the next under a chart of twenty bars is taller than a page: LibreOffice then
   * drew the header and one row and dropped the other nineteen.
   */
  private chartNumbers(spec: ChartSpec, names: ChartNames, noted: boolean, chartPx: number): WordTable {
    const word = (key: 'name' | 'value'): string => (names === 'both' ? `${BRIEFING_WORDS.zh[key]} ${BRIEFING_WORDS.en[key]}` : BRIEFING_WORDS[names][key]);
    const rows = chartNumbers(spec, names);
    const lines = rows.map((r) => Math.max(r.name.length, valueLines(r.value, names).length));
    const cell = (texts: string[], align: 'left' | 'right', header: boolean, keep: boolean): WordParagraph[] =>
      texts.map((t, i) => paragraph({ style: S.table, alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, ...(keep ? { keepNext: true } : {}) }, [textRun(cleanForPrint(t), header ? { bold: true } : i > 0 ? { color: GREY, size: this.m.size.cellSecond } : {})]));
    const together = noted && chartPx + this.tablePx(lines) <= 0.8 * this.pagePx();
    const keep = (i: number): boolean => together || (i === 0 && rows.length > 2) || (noted && i === rows.length - 1);
    const valueWidth = Math.round(this.m.contentTwips * 0.42);
    return dataTable(
      [this.m.contentTwips - valueWidth, valueWidth],
      [cell([word('name')], 'left', true, true), cell([word('value')], 'right', true, true)],
      rows.map((r, i) => [cell(r.name, 'left', false, keep(i)), cell(valueLines(r.value, names), 'right', false, keep(i))]),
    );
  }

  /** The text area's height in pixels at 96 dpi (as docx sizes images). */
  private pagePx(): number {
    return (PAGE.height / 72 - (this.m.margins.top + this.m.margins.bottom) / 25.4) * 96;
  }

  /** About how tall a table of rows of these many lines is (and a header row), in pixels: each line at its automatic height, 1.3 × the type, and its cell's margins. */
  private tablePx(lines: readonly number[]): number {
    const line = ((this.m.size.table / 2) * 1.3 * (this.m.tableLine / 240) * 96) / 72;
    const margins = ((CELL_MARGINS.top + CELL_MARGINS.bottom) / 20) * (96 / 72);
    return [1, ...lines].reduce((sum, n) => sum + n * line + margins, 0);
  }

  /** Side-by-side blocks: a one-row table without borders. */
  private columns(columns: Block[][]): WordTable {
    const width = Math.floor(this.m.contentTwips / Math.max(1, columns.length));
    return {
      table: {
        layout: TableLayoutType.FIXED,
        width: { size: width * columns.length, type: WidthType.DXA },
        columnWidths: columns.map(() => width),
        borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
      },
      rows: [
        {
          row: {},
          cells: columns.map((col): WordCell => {
            const children = col.flatMap((x) => this.block(x));
            // A cell ends with a paragraph (Word refuses one that ends with a table).
            const last = children[children.length - 1];
            if (!last || !('paragraph' in last)) children.push(paragraph({}));
            return { cell: { width: { size: width, type: WidthType.DXA }, margins: { left: 60, right: 180 } }, children };
          }),
        },
      ],
    };
  }

  // ---- the page frame ------------------------------------------------------------------------------

  /** The marking at the right; after the first page, the running title at the left. A cover's first page has none. */
  header(running: boolean): WordBlock[] {
    const { marking, cover } = this.doc;
    const title = running ? oneLine(this.doc.running) : '';
    if ((!running && cover) || (!title && !marking)) return [];
    return [paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: this.m.contentTwips }], spacing: { line: 240, lineRule: LineRuleType.AUTO } }, [textRun(title, { size: 18, color: GREY }), textRun(`\t${oneLine(marking)}`, { size: 21, bold: true, color: RED })])];
  }

  /** "— 1 —" in 四号 宋体 at the outside (right on odd pages, left on even ones); the document's footer line (data as of …) on the inside. */
  footer(side: 'left' | 'right'): WordBlock[] {
    // The PAGE field with a cached result, as Word writes it (docx's own has none between its separator and end).
    const look = { font: fonts(WORD_FONTS.pageNumber), size: this.m.size.pageNumber };
    const parts: WordRunPart[] = ['— ', { field: 'begin' }, { instruction: ' PAGE ' }, { field: 'separate' }, '1', { field: 'end' }, ' —'];
    const number: WordRun[] = parts.map((part) => ({ run: look, parts: [part] }));
    const line = this.runs(this.doc.footer, { size: 18, color: GREY }, false);
    // One character in from the edge (GB/T 9704: 居右空一字, 居左空一字), as the PDF sets it.
    const char = this.m.size.pageNumber * 10;
    const tabStops =
      side === 'right'
        ? [{ type: TabStopType.RIGHT, position: this.m.contentTwips - char }]
        : [
            { type: TabStopType.LEFT, position: char },
            { type: TabStopType.RIGHT, position: this.m.contentTwips },
          ];
    const children = side === 'right' ? [...line, textRun('\t'), ...number] : [textRun('\t'), ...number, textRun('\t'), ...line];
    return [paragraph({ tabStops, spacing: { line: 240, lineRule: LineRuleType.AUTO } }, children)];
  }
}

/** The paragraphs of a title block, under which a meta line is centred as they are. */
const TITLE_BLOCK = new Set<string>(['title', 'subtitle', 'coverTitle', 'coverSubtitle', 'kicker', 'meta']);

/** The bookmark of note n's number in the list. */
const noteBookmark = (n: number): string => `_RefNote${n}`;

/** A run in the note-number style: superscript, as Word's own footnote references. */
const noteRun = (part: WordRunPart): WordRun => ({ run: { style: 'FootnoteReference', superScript: true }, parts: [part] });

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 } as const;

/**
 * A table as statistics print it: a rule above, a rule under the header row (repeated on every page), a
 * rule below. No row is split across pages: a name on one page and its value on the next ("Automobiles"
 * alone at the top of a page, its value left behind) reads as two rows. A row taller than a page is
 * still broken, by Word and LibreOffice alike.
 */
function dataTable(widths: number[], header: WordParagraph[][], rows: WordParagraph[][][]): WordTable {
  const row = (cells: WordParagraph[][], isHeader: boolean): WordRow => ({
    row: { tableHeader: isHeader, cantSplit: true },
    cells: cells.map((children, i) => ({ cell: { width: { size: widths[i] ?? 800, type: WidthType.DXA }, margins: CELL_MARGINS, ...(isHeader ? { borders: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000' } } } : {}) }, children })),
  });
  return {
    table: {
      layout: TableLayoutType.FIXED,
      width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: { style: BorderStyle.SINGLE, size: 12, color: '000000' }, bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000' }, left: NONE, right: NONE, insideHorizontal: { style: BorderStyle.SINGLE, size: 2, color: 'D9D9D9' }, insideVertical: NONE },
    },
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  };
}

function paragraphStyle(style: Extract<Block, { type: 'paragraph' }>['style']): string {
  switch (style) {
    case 'title':
    case 'coverTitle':
    case 'bulletinTitle':
      return 'Title';
    case 'editorNote':
      return S.editorNote;
    case 'quote':
      return S.quote;
    case 'subtitle':
    case 'coverSubtitle':
      return S.subtitle;
    case 'meta':
    case 'coverMeta':
    case 'kicker':
      return S.meta;
    case 'muted':
    case 'small':
    case 'second':
      return S.small;
    case 'caption':
      return S.caption;
    case 'marking':
      return S.marking;
    case 'body':
    case 'lead':
      return S.body;
  }
}

function runStyle(style: RunStyle | undefined): RunOptions {
  switch (style) {
    case 'strong':
    case 'value':
      return { bold: true };
    case 'muted':
    case 'label':
    case 'second':
      return { color: GREY };
    case 'warn':
      return { color: RED };
    default:
      return {};
  }
}

function oneLine(value: string): string {
  return cleanForPrint(value).replace(/\s*\n\s*/g, ' ').trim();
}
