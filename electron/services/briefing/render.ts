/**
 * Making a briefing PDF: read the data, let the template build the document model, refuse any
 * character no embedded font has (naming the entity and the field), write the model as a pdfmake
 * definition and let pdfmake (0.3) lay it out. The one-page brief is laid out at successively
 * tighter fit levels until it is one page; if even the tightest is not, the export refuses. A fact
 * sheet that runs a few lines onto one page more than it needs is set a little tighter (type and
 * spacing, nothing left out) when that saves the page, as an editor would.
 */
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { BriefingRequest, type BriefingPreview } from '../../../shared/briefing';
import { BRIEFING_WORDS, localDate } from '../../../shared/briefing-words';
import { bodyTexts, walkBlocks, type BriefingDocument } from '../../../shared/document';
import { AppError } from '../../../shared/errors';
import { issueDetails } from '../../../shared/text';
import { PageDrawing } from '../../../shared/page-drawing';
import type { DB } from '../db/open';
import { cachedChartSvg } from './charts-svg';
import { Composer } from './compose';
import { readBriefingData } from './data';
import { fontAccessPolicy, pdfmakeFonts } from './fonts';
import { chartNumbers } from './chart-option';
import { assertPrintable, type PrintedText } from './glyphs';
import { TABLE_LAYOUTS, toPdfmake, type ChartRenderer } from './pdf';
import { joinLinePieces } from './pdfmake-lines';
import { takeFirstPage, type KitDocument } from './page-drawing';
import { FACT_SHEET_SCALES, factSheet } from './templates/fact-sheet';
import { fullBriefing } from './templates/full';
import { FIT_LEVELS, GIVE_BACK, onePage, type FitLevel } from './templates/one-page';

let configured = false;

/** pdfmake is one object per process: fonts by absolute path, no URLs, no files but the fonts. */
export function configurePdfmake(): typeof pdfmake {
  if (!configured) {
    pdfmake.setFonts(pdfmakeFonts());
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(fontAccessPolicy());
    pdfmake.addTableLayouts(TABLE_LAYOUTS);
    joinLinePieces();
    configured = true;
  }
  return pdfmake;
}

export interface RenderedBriefing {
  pdf: Buffer;
  pages: number;
  /** Page 1 ready to draw (asked for with `firstPage`; null when it could not be taken). */
  firstPage?: () => PageDrawing | null;
  /** The document that was printed: every string in it is in the PDF. */
  model: BriefingDocument;
}

export interface PreparedBriefing {
  model: BriefingDocument;
  doc: TDocumentDefinitions;
  printed: PrintedText[];
}

export { localDate };

/** Every string the document prints, with where it came from: the body, the running header and marking, the footer. */
export function printedTexts(model: BriefingDocument): PrintedText[] {
  const out: PrintedText[] = [];
  for (const r of bodyTexts(model.blocks)) out.push({ text: r.text, ...(r.from ? { from: r.from } : {}) });
  for (const r of model.footer) if (r.t === 'text') out.push({ text: r.text });
  const words = BRIEFING_WORDS[model.lang === 'en' ? 'en' : 'zh'];
  if (model.marking) out.push({ text: model.marking, from: { entity: words.fields.marking, field: words.fields.marking } });
  if (model.running) out.push({ text: model.running, from: { entity: words.fields.title, field: words.fields.title } });
  return out;
}

/**
 * The names a document's charts draw (in the chart's language or both): drawn with the app's fonts in
 * the PDF and in Word's pictures alike, so a character none of them has prints as an empty box there
 * ("䶮□喆" in the one-page brief, whose names print only in its chart). Checked with the printed text.
 */
export function chartLabels(model: BriefingDocument): PrintedText[] {
  const field = BRIEFING_WORDS[model.lang === 'en' ? 'en' : 'zh'].fields.name;
  const out: PrintedText[] = [];
  for (const b of walkBlocks(model.blocks)) {
    if (b.type !== 'chart') continue;
    for (const row of chartNumbers(b.spec, b.lang === 'bilingual' ? 'both' : b.lang)) for (const name of row.name) out.push({ text: name, from: { entity: name, field } });
  }
  return out;
}

/**
 * Refuses a document with a character no embedded font has (BRIEFING_MISSING_GLYPHS): in its text
 * and its charts' names (the PDF), or in its charts' names alone (`printed` empty: Word, whose text
 * the reader's own fonts set, its charts being pictures drawn with the app's).
 */
export function assertDocumentPrintable(model: BriefingDocument, printed: readonly PrintedText[] = printedTexts(model)): void {
  assertPrintable([...printed, ...chartLabels(model)], model.layout === 'bulletin' ? (model.lang === 'en' ? 'bulletin' : '简报') : BRIEFING_WORDS[model.lang === 'en' ? 'en' : 'zh'].fields.title);
}

/**
 * The document model for a request (the one-page brief at the given fit level; the fact sheet at the
 * given one of its scales). `allNotes`: every
 * source's note, whatever the fit level cut, with its quoted passages but in the one-page brief (Word).
 */
export function composeBriefing(db: DB, rawRequest: BriefingRequest, now: Date = new Date(), level: number | FitLevel = 0, options: { allNotes?: boolean } = {}): BriefingDocument {
  const request = parseRequest(rawRequest);
  const data = readBriefingData(db, request.entityIds);
  const c = new Composer(request, data, localDate(now));
  const index = typeof level === 'number' ? level : 0;
  const fit = typeof level === 'number' ? FIT_LEVELS[Math.min(level, FIT_LEVELS.length - 1)]! : level;
  const model = request.template === 'one-page' ? onePage(c, fit) : request.template === 'full' ? fullBriefing(c) : factSheet(c, data.entities[0]!, FACT_SHEET_SCALES[Math.min(index, FACT_SHEET_SCALES.length - 1)]);
  if (options.allNotes) {
    // The one-page brief's notes stay without their quoted passages, as its PDF prints them at every
    // fit level: in Word the quotes of every figure made one note longer than a page, which pushed
    // the headline figures to page 2 (a "one-page" brief of five pages in LibreOffice).
    if (request.template !== 'one-page') for (const b of walkBlocks(model.blocks)) if (b.type === 'notes') b.compact = false;
    c.finishNotes(model.blocks);
  }
  return model;
}

/** Reads, builds and checks the document (everything but pdfmake's layout). */
export function prepareBriefing(db: DB, rawRequest: BriefingRequest, now: Date = new Date(), level: number | FitLevel = 0, renderChart: ChartRenderer = cachedChartSvg): PreparedBriefing {
  const model = composeBriefing(db, rawRequest, now, level);
  const printed = printedTexts(model);
  assertDocumentPrintable(model, printed);
  return { model, doc: toPdfmake(model, renderChart), printed };
}

/** What writing a PDF may also take: page 1 ready to draw (the preview). */
export interface WriteOptions {
  firstPage?: boolean;
}

/** pdfmake alone: a document definition in, PDF bytes out (and page 1 ready to draw, when asked: the same bytes). */
export async function writePdf(doc: TDocumentDefinitions, options: WriteOptions = {}): Promise<Omit<RenderedBriefing, 'model'>> {
  const output = configurePdfmake().createPdf(doc, options.firstPage ? { bufferPages: true } : {});
  const firstPage = options.firstPage ? takeFirstPage((await output.getStream()) as unknown as KitDocument) : null;
  const pdf = await output.getBuffer();
  return { pdf, pages: countPages(pdf), ...(firstPage ? { firstPage } : {}) };
}

/** The preview channels' answer: the PDF's bytes, and page 1 ready to draw when it could be taken. */
export function previewAnswer({ pdf, pages, firstPage }: Omit<RenderedBriefing, 'model'>): BriefingPreview {
  // A record the channel's schema would refuse (a page beyond its limits) is left out: the preview reads the PDF.
  const drawing = firstPage?.();
  const checked = drawing && PageDrawing.safeParse(drawing).success ? drawing : null;
  return { pdfBase64: pdf.toString('base64'), bytes: pdf.length, pages, ...(checked ? { firstPage: checked } : {}) };
}

export async function renderBriefing(db: DB, request: BriefingRequest, now: Date = new Date(), options: WriteOptions = {}): Promise<RenderedBriefing> {
  if (request.template === 'fact-sheet') return fittedFactSheet(db, request, now, options);
  if (request.template === 'one-page') return (await fittedOnePage(db, request, now, options)).rendered;
  const { model, doc } = prepareBriefing(db, request, now);
  return { ...(await writePdf(doc, options)), model };
}

/**
 * The one-page brief at the first fit level that is one page; then, when that level is not the
 * first, given back what the levels took on the way down, most valued first (GIVE_BACK: the chart's
 * rows, the annotations, the key points, the sources, the headline figures), each as far as the page
 * still holds it. The ladder takes everything of a kind at once: a bilingual brief, whose chart is
 * twice as tall, lost its key points and a colleague's annotation with a fifth of the page left empty.
 */
export async function fittedOnePage(db: DB, request: BriefingRequest, now: Date, options: WriteOptions = {}): Promise<{ rendered: RenderedBriefing; level: FitLevel }> {
  for (let index = 0; index < FIT_LEVELS.length; index++) {
    let level = FIT_LEVELS[index]!;
    const prepared = prepareBriefing(db, request, now, level);
    let out = { ...(await writePdf(prepared.doc, options)), model: prepared.model };
    if (out.pages !== 1) continue;
    // The first level took nothing: nothing to give back (and no model to compare, on the preview's path).
    if (index === 0) return { rendered: out, level };
    // The model as composed (pdfmake wrote into its definition while laying it out; the model it leaves alone).
    let printed = JSON.stringify(prepared.model);
    for (const give of GIVE_BACK) {
      for (let richer = index - 1; richer >= 0; richer--) {
        const tried: FitLevel = { ...level, ...give(FIT_LEVELS[richer]!) };
        const more = prepareBriefing(db, request, now, tried);
        const model = JSON.stringify(more.model);
        // Nothing more to give of this kind (one source cannot be shown as six): the same page, not laid out again.
        if (model === printed) continue;
        const written = await writePdf(more.doc, options);
        if (written.pages !== 1) break;
        level = tried;
        printed = model;
        out = { ...written, model: more.model };
      }
    }
    return { rendered: out, level };
  }
  throw new AppError('BRIEFING_DOES_NOT_FIT', 'one-page brief does not fit on one page', { template: request.template });
}

/** The fact sheet at full size, unless a tighter scale puts it on fewer pages: then the first that does. */
async function fittedFactSheet(db: DB, request: BriefingRequest, now: Date, options: WriteOptions): Promise<RenderedBriefing> {
  const write = async (level: number): Promise<RenderedBriefing> => {
    const { model, doc } = prepareBriefing(db, request, now, level);
    return { ...(await writePdf(doc, options)), model };
  };
  const full = await write(0);
  for (let level = 1; level < FACT_SHEET_SCALES.length && full.pages > 1; level++) {
    const tighter = await write(level);
    if (tighter.pages < full.pages) return tighter;
  }
  return full;
}

function parseRequest(raw: BriefingRequest): BriefingRequest {
  const parsed = BriefingRequest.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (raw.template === 'fact-sheet' && issue?.path[0] === 'entityIds') {
    throw new AppError('BRIEFING_NEEDS_ENTITY', 'fact sheet needs one entity', { count: raw.entityIds.length });
  }
  throw new AppError('INVALID_INPUT', 'invalid briefing', issueDetails(issue, 'briefing'));
}

/** Pages in a PDF written by pdfkit: one "/Type /Page" object per page. */
export function countPages(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  return (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}
