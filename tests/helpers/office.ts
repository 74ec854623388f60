/**
 * Opening files the way an office user's programs would: LibreOffice headless converts a .docx to
 * text or PDF. Each conversion gets its own LibreOffice profile, so tests running in parallel never
 * share (and lock) one; several files convert in one start-up.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type OfficeTarget = 'txt' | 'pdf';
const FILTER: Record<OfficeTarget, string> = { txt: 'txt:Text (encoded):UTF8', pdf: 'pdf' };

/** Converts the files into `outDir` (same base names, new extension) and returns the converted files' paths, in order. */
export function officeConvert(files: string[], target: OfficeTarget, outDir: string): string[] {
  const profile = path.join(os.tmpdir(), `lo-${crypto.randomBytes(6).toString('hex')}`);
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', FILTER[target], '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 600_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${target}`));
  const missing = out.filter((f) => !fs.existsSync(f));
  if (missing.length) throw new Error(`LibreOffice did not open ${missing.join(', ')}`);
  return out;
}
