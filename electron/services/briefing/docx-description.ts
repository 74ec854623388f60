/**
 * A Word document as plain data — the options of each docx constructor call, nested as the document
 * is — and the one generic step that makes docx's objects from it (`makeDocx`). docx.ts maps the
 * briefing document model to this description; the objects, then Packer, are docx's own work.
 *
 * Keeping the two apart gives the bench the true analog of pdfmake's declarative input: the
 * description is built before the clock and docx is timed making and packing it, as pdfmake is timed
 * laying out its definition (bench/bulletin.bench.ts).
 *
 * Adjacent text runs with the same options are written as one run (`mergeRuns`): after the model's
 * glue breaks a sentence arrives as many small runs, and each run is a docx object, its properties
 * and an XML element to write. Only plain text merges; a run holding a field part, and a run that
 * starts with a line break, keep their own.
 */
import {
  Bookmark,
  BuilderElement,
  Document,
  Footer,
  Header,
  ImageRun,
  PageBreak,
  Paragraph,
  StringContainer,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type IImageOptions,
  type IParagraphOptions,
  type IPropertiesOptions,
  type IRunOptions,
  type ISectionOptions,
  type ITableCellOptions,
  type ITableOptions,
  type ITableRowOptions,
  type ParagraphChild,
  type XmlComponent,
} from 'docx';

/** What a run holds besides plain text: a field character, a field's instruction. */
export type WordRunPart = string | { field: 'begin' | 'separate' | 'end' } | { instruction: string };
/** A run's options (docx's, but its text and children). */
export type RunOptions = Omit<IRunOptions, 'children' | 'text'>;
export interface WordRun {
  run: Omit<IRunOptions, 'children'>;
  parts?: readonly WordRunPart[];
}
export type WordInline = WordRun | { bookmark: string; children: readonly WordInline[] } | { image: IImageOptions } | { pageBreak: true };
export interface WordParagraph {
  paragraph: Omit<IParagraphOptions, 'children' | 'text'>;
  children: readonly WordInline[];
}
export interface WordCell {
  cell: Omit<ITableCellOptions, 'children'>;
  children: readonly WordBlock[];
}
export interface WordRow {
  row: Omit<ITableRowOptions, 'children'>;
  cells: readonly WordCell[];
}
export interface WordTable {
  table: Omit<ITableOptions, 'rows'>;
  rows: readonly WordRow[];
}
export type WordBlock = WordParagraph | WordTable;
export interface WordFrame {
  first: readonly WordBlock[];
  default: readonly WordBlock[];
  even: readonly WordBlock[];
}
export interface WordDocument {
  options: Omit<IPropertiesOptions, 'sections' | 'footnotes'>;
  section: { properties: ISectionOptions['properties']; headers: WordFrame; footers: WordFrame; children: readonly WordBlock[] };
}

/** A paragraph of these runs, adjacent plain-text runs with the same options merged. */
export function paragraph(options: WordParagraph['paragraph'], children: readonly WordInline[] = []): WordParagraph {
  return { paragraph: options, children: mergeRuns(children) };
}

/** A run of plain text. */
export function textRun(text: string, options: RunOptions = {}): WordRun {
  return { run: { ...options, text } };
}

const isPlain = (x: WordInline): x is WordRun => 'run' in x && x.parts === undefined;

/** Whether two runs look the same: every option but text and line break equal (an object, such as a font, the very same one). */
function sameLook(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  for (const k in a) if (k !== 'text' && k !== 'break' && a[k] !== b[k]) return false;
  for (const k in b) if (k !== 'text' && k !== 'break' && a[k] !== b[k]) return false;
  return true;
}

/**
 * Adjacent plain-text runs with the same options as one: every character kept, in order. A run
 * with a line break starts a new run (the break prints before its text); a run after it may join it.
 */
export function mergeRuns(children: readonly WordInline[]): WordInline[] {
  const out: WordInline[] = [];
  for (const child of children) {
    const last = out[out.length - 1];
    if (isPlain(child) && last !== undefined && isPlain(last) && !child.run.break && sameLook(child.run, last.run)) {
      out[out.length - 1] = { run: { ...last.run, text: (last.run.text ?? '') + (child.run.text ?? '') } };
    } else out.push(child);
  }
  return out;
}

/** Image runs made already, by drawing and options: docx hashes an image's bytes (SHA-1, in JavaScript) for each ImageRun it makes. */
export type ImageRuns = WeakMap<object, Map<string, ImageRun>>;

/** The docx Document the description describes; `images` reuses the image run of an unchanged drawing. */
export function makeDocx(d: WordDocument, images?: ImageRuns): Document {
  const make = new Maker(images);
  return new Document({
    ...d.options,
    sections: [
      {
        properties: d.section.properties,
        headers: { first: new Header({ children: make.blocks(d.section.headers.first) }), default: new Header({ children: make.blocks(d.section.headers.default) }), even: new Header({ children: make.blocks(d.section.headers.even) }) },
        footers: { first: new Footer({ children: make.blocks(d.section.footers.first) }), default: new Footer({ children: make.blocks(d.section.footers.default) }), even: new Footer({ children: make.blocks(d.section.footers.even) }) },
        children: make.blocks(d.section.children),
      },
    ],
  });
}

/** docx's paragraphs and tables for these blocks (a document of one's own, as a test makes). */
export function makeBlocks(blocks: readonly WordBlock[]): (Paragraph | Table)[] {
  return new Maker(undefined).blocks(blocks);
}

/*
 * docx reads some forty options of every run, paragraph and cell it makes. Each literal below lists
 * the options this writer gives, unset ones undefined, before the described ones, so the options of
 * every run (paragraph, cell) have one shape and V8 reads them through one inline cache: options of
 * many shapes made docx's constructors about 1.7 times as slow (a spread constant in place of the
 * written-out literal did not keep one shape). docx treats an undefined option as one not given: the
 * output is byte-identical.
 */
const runOptions = (o: WordRun['run'], children?: (XmlComponent | string)[]): IRunOptions => ({ style: undefined, font: undefined, bold: undefined, color: undefined, size: undefined, superScript: undefined, break: undefined, text: undefined, ...o, ...(children ? { children } : {}) });
const paragraphOptions = (o: WordParagraph['paragraph'], children: ParagraphChild[]): IParagraphOptions => ({ style: undefined, heading: undefined, alignment: undefined, keepNext: undefined, keepLines: undefined, bullet: undefined, border: undefined, spacing: undefined, indent: undefined, tabStops: undefined, ...o, children });
const cellOptions = (o: WordCell['cell'], children: (Paragraph | Table)[]): ITableCellOptions => ({ width: undefined, margins: undefined, borders: undefined, ...o, children });

/** Makes docx's objects, one constructor call per described one. */
class Maker {
  /**
   * The runs that hold a field part (a note number's REF or the page number: begin, instruction,
   * separator, cached result and end), each made once per document and placed wherever it repeats:
   * docx writes an object's XML from its state every time it meets it, so the file is the same, and
   * the ~70 note numbers of a long issue (five runs each) cost a handful of objects.
   */
  private readonly fieldRuns = new Map<string, TextRun>();

  constructor(private readonly images: ImageRuns | undefined) {}

  blocks(blocks: readonly WordBlock[]): (Paragraph | Table)[] {
    return blocks.map((b) => ('paragraph' in b ? this.paragraph(b) : this.table(b)));
  }

  paragraph(p: WordParagraph): Paragraph {
    return new Paragraph(paragraphOptions(p.paragraph, p.children.map((c) => this.inline(c))));
  }

  private table(t: WordTable): Table {
    return new Table({ ...t.table, rows: t.rows.map((r) => new TableRow({ ...r.row, children: r.cells.map((c) => new TableCell(cellOptions(c.cell, this.blocks(c.children)))) })) });
  }

  private inline(x: WordInline): ParagraphChild {
    if ('run' in x) return x.parts ? this.fieldRun(x.run, x.parts) : x.run.text?.includes('\t') ? new TextRun(runOptions({ ...x.run, text: undefined }, withTabs(x.run.text))) : new TextRun(runOptions(x.run));
    if ('bookmark' in x) return new Bookmark({ id: x.bookmark, children: x.children.map((c) => this.inline(c)) });
    if ('image' in x) return this.image(x.image);
    return new PageBreak();
  }

  private fieldRun(options: WordRun['run'], parts: readonly WordRunPart[]): TextRun {
    const key = JSON.stringify([options, parts]);
    const run = this.fieldRuns.get(key) ?? new TextRun(runOptions(options, parts.map(runPart)));
    this.fieldRuns.set(key, run);
    return run;
  }

  private image(options: IImageOptions): ImageRun {
    const { data, ...rest } = options;
    if (!this.images || typeof data === 'string') return new ImageRun(options);
    const key = JSON.stringify(rest);
    const byOptions = this.images.get(data) ?? new Map<string, ImageRun>();
    this.images.set(data, byOptions);
    const run = byOptions.get(key) ?? new ImageRun(options);
    byOptions.set(key, run);
    return run;
  }
}

/**
 * A run's text with each tab as Word's tab element (<w:tab/>): a tab character inside <w:t> is not one —
 * LibreOffice set the head's 编印单位 and date ("…办公室\t2026年…", runs joined) side by side, not at the tab stop.
 */
function withTabs(text: string): (XmlComponent | string)[] {
  return text.split('\t').flatMap((part, i) => [...(i > 0 ? [new Tab()] : []), ...(part ? [part] : [])]);
}

function runPart(part: WordRunPart): XmlComponent | string {
  if (typeof part === 'string') return part;
  if ('field' in part) return new BuilderElement<{ type: string }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: part.field } } });
  return new StringContainer('w:instrText', part.instruction);
}
