/**
 * Exporting a briefing: render, ask where to save (native dialog in the app, a folder in the
 * harness), write to a temporary file beside the target and rename it into place, so a failed
 * write never leaves half a PDF under the chosen name; then open it if the person asked to.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { suggestedBriefingFileName, type BriefingExportResult, type BriefingRequest } from '../../../shared/briefing';
import { AppError } from '../../../shared/errors';
import type { DB } from '../db/open';
import type { Host } from '../host';
import { renderBriefingDocx } from './docx-render';
import { localDate, renderBriefing } from './render';

/** Writes bytes to `file` through a temporary sibling and a rename; the old file survives any failure. */
export function writeFileReplacing(file: string, bytes: Buffer): void {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as { code?: string }).code;
    if (code === 'ENOSPC') throw new AppError('DISK_FULL', 'disk full', { path: target });
    throw new AppError('BRIEFING_WRITE_FAILED', 'write failed', { path: target, reason: code ?? (error instanceof Error ? error.message : String(error)) });
  }
}

export async function exportBriefing(db: DB, host: Host, request: BriefingRequest, openAfter: boolean, now: Date = new Date(), format: 'pdf' | 'docx' = 'pdf'): Promise<BriefingExportResult> {
  if (format === 'docx') {
    // The same briefing as Word, to finish there (docx-render.ts: a one-page brief at its PDF's fit).
    const { docx } = await renderBriefingDocx(db, request, now);
    return saveThroughHost(host, docx, { suggestedName: suggestedBriefingFileName(request, localDate(now), 'docx'), filters: [{ name: 'Word', extensions: ['docx'] }] }, openAfter);
  }
  const { pdf } = await renderBriefing(db, request, now);
  return saveThroughHost(host, pdf, { suggestedName: suggestedBriefingFileName(request, localDate(now)), filters: [{ name: 'PDF', extensions: ['pdf'] }] }, openAfter);
}

/**
 * Asks the person where to save (null: they cancelled, nothing is written), writes the bytes whole
 * (writeFileReplacing), and opens the file if asked; a file that could not be opened is still written.
 */
export async function saveThroughHost(
  host: Host,
  bytes: Buffer,
  dialog: Parameters<Host['chooseSavePath']>[0],
  openAfter: boolean,
): Promise<{ path: string | null; bytes: number; opened: boolean }> {
  const file = await host.chooseSavePath(dialog);
  if (file === null) return { path: null, bytes: 0, opened: false };
  writeFileReplacing(file, bytes);
  let opened = false;
  if (openAfter) {
    try {
      await host.openPath(file);
      opened = true;
    } catch {
      opened = false; // the file is written; the page tells the person it could not be opened
    }
  }
  return { path: file, bytes: bytes.length, opened };
}
