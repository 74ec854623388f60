/**
 * Making a briefing as Word: the template's document model with every source's note (no fit level cuts
 * a note in Word; the one-page brief's without their quotes, as its PDF),
 * written by the Word writer. The one-page brief holds what its PDF holds: the fit level its PDF was
 * laid out at (annotations, chart rows, key points, type scale), so the two say the same.
 */
import type { BriefingRequest } from '../../../shared/briefing';
import type { BriefingDocument } from '../../../shared/document';
import type { DB } from '../db/open';
import { toDocx } from './docx';
import { assertDocumentPrintable, composeBriefing, fittedOnePage } from './render';

export interface RenderedDocx {
  docx: Buffer;
  /** The document that was written: every string it prints is in the .docx. */
  model: BriefingDocument;
}

export async function renderBriefingDocx(db: DB, request: BriefingRequest, now: Date = new Date()): Promise<RenderedDocx> {
  const level = request.template === 'one-page' ? (await fittedOnePage(db, request, now)).level : 0;
  const model = composeBriefing(db, request, now, level, { allNotes: true });
  assertDocumentPrintable(model, []);
  return { docx: await toDocx(model), model };
}
