/**
 * Making a briefing PDF: read the data, build the document for the template, refuse characters no
 * embedded font has, set fallback-font runs, and let pdfmake (0.3) write the file's bytes.
 */
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { BriefingRequest } from '../../../shared/briefing';
import { AppError } from '../../../shared/errors';
import { issueDetails } from '../../../shared/text';
import type { DB } from '../db/open';
import { cachedChartSvg } from './charts-svg';
import { readBriefingData } from './data';
import { buildBriefing, TABLE_LAYOUTS, type BuiltBriefing } from './document';
import { fontAccessPolicy, pdfmakeFonts } from './fonts';
import { assertPrintable, describeChar, glyphCoverage, withFallbackRuns } from './glyphs';

const A4 = { width: 595.28, height: 841.89, orientation: 'portrait' as const };

let configured = false;

/** pdfmake is one object per process: fonts by absolute path, no URLs, no files but the fonts. */
export function configurePdfmake(): typeof pdfmake {
  if (!configured) {
    pdfmake.setFonts(pdfmakeFonts());
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(fontAccessPolicy());
    pdfmake.addTableLayouts(TABLE_LAYOUTS);
    configured = true;
  }
  return pdfmake;
}

export interface RenderedBriefing {
  pdf: Buffer;
  pages: number;
}

/** The local date as YYYY-MM-DD (the day printed in the footer). */
export function localDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Reads, builds and checks the document definition (everything but pdfmake itself). */
export function prepareBriefing(db: DB, rawRequest: BriefingRequest, now: Date = new Date()): BuiltBriefing {
  const request = parseRequest(rawRequest);
  const data = readBriefingData(db, request.entityIds);
  const built = buildBriefing({ request, data, generatedOn: localDate(now), renderChart: cachedChartSvg });
  assertPrintable(built.printed);
  const { doc } = built;
  const header = doc.header;
  const footer = doc.footer;
  // A safety net behind the check above: anything else the document prints (template words,
  // numbers, dates) must be covered as well; a character that is not would print as nothing.
  const missing = new Set<string>();
  doc.content = withFallbackRuns(doc.content, glyphCoverage(), missing);
  if (typeof header === 'function') {
    doc.header = (page, pages, size) => withFallbackRuns(header(page, pages, size) ?? undefined) ?? null;
    withFallbackRuns(header(2, 2, A4) ?? undefined, glyphCoverage(), missing);
  }
  if (typeof footer === 'function') {
    doc.footer = (page, pages, size) => withFallbackRuns(footer(page, pages, size) ?? undefined) ?? null;
    withFallbackRuns(footer(1, 1, A4) ?? undefined, glyphCoverage(), missing);
  }
  if (missing.size > 0) {
    const characters = [...missing].map(describeChar).join(', ');
    throw new AppError('BRIEFING_MISSING_GLYPHS', `no font has ${characters}`, { characters, where: 'document' });
  }
  return built;
}

/** pdfmake alone: a document definition in, PDF bytes out. */
export async function writePdf(doc: TDocumentDefinitions): Promise<RenderedBriefing> {
  const pdf = await configurePdfmake().createPdf(doc).getBuffer();
  return { pdf, pages: countPages(pdf) };
}

export async function renderBriefing(db: DB, request: BriefingRequest, now: Date = new Date()): Promise<RenderedBriefing> {
  return writePdf(prepareBriefing(db, request, now).doc);
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
