/**
 * pdf.js for the briefing preview: one parsing worker, started from the app's own files and kept
 * warm across previews, and the bytes of a PDF opened as a document on it.
 *
 * The legacy build carries its own polyfills (Map.getOrInsertComputed, Math.sumPrecise,
 * Uint8Array.fromBase64…), so it runs in Electron's Chromium whichever version ships, not only in
 * the newest. The worker file is copied into the build by Vite (`?url`, ./assets/…mjs), so it loads
 * under the page's Content-Security-Policy (script-src 'self') in the harness and from file:// in
 * Electron. pdf.js 6 uses no eval; fonts embedded in the PDF are drawn by pdf.js itself (each glyph
 * as a path, see loadPdf), so nothing is fetched: no cMaps, standard fonts or wasm (pdfmake embeds
 * every font and writes no JPX images).
 */
import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

let worker: PDFWorker | null = null;

/** The one parsing worker, started on first use; later documents reuse it (no start-up cost). */
function pdfWorker(): PDFWorker {
  if (worker && !worker.destroyed) return worker;
  const port = new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
  GlobalWorkerOptions.workerPort = port;
  worker = PDFWorker.create({ port, name: 'pdf.js' });
  return worker;
}

/** Starts the worker ahead of the first preview (the builder calls it when it opens). */
export function warmPdfWorker(): void {
  pdfWorker().promise.catch(() => undefined);
}

/** A page's size in PDF points (CSS pixels at 100 %). */
export interface PageSize {
  width: number;
  height: number;
}

/** The space left and right of the pages in the preview, in CSS pixels. */
export const PAGE_GUTTER = 16;

/** The scale (CSS pixels per PDF point) that fits a page across a preview region of this width. */
export function fitScale(regionWidth: number, pageWidth: number): number {
  return Math.max(0.25, (regionWidth - 2 * PAGE_GUTTER) / pageWidth);
}

/** Page 1 drawn off the screen, at `scale` CSS pixels per point on a screen of `ratio` device pixels per CSS pixel. */
export interface FirstDrawing {
  canvas: HTMLCanvasElement;
  scale: number;
  ratio: number;
}

/** A PDF being opened: its document and first page once parsed, page 1 drawn, and how to let it go. */
export interface PdfLoad {
  opened: Promise<{ pdf: PDFDocumentProxy; first: PDFPageProxy; size: PageSize }>;
  /**
   * Page 1, drawn the moment the document is parsed at the scale that fits the region it will be
   * shown in, while the page around it is still being laid out; null when no region width was
   * given or the drawing failed (the page is then drawn where it is shown, and a failure said there).
   */
  firstDrawing: Promise<FirstDrawing | null>;
  destroy: () => Promise<void>;
}

/**
 * Opens PDF bytes on the warm worker and asks for page 1 at once, before anything is on the screen
 * to draw it in; given the width of the region it will be shown in, draws it too. The bytes are
 * transferred to the worker: do not reuse them.
 */
export function loadPdf(data: Uint8Array, { regionWidth }: { regionWidth?: number } = {}): PdfLoad {
  const task = getDocument({
    data,
    worker: pdfWorker(),
    // Nothing outside the document: no system fonts looked up, no files fetched.
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    // Glyphs drawn as paths from the embedded fonts, not through fonts added to the page (FontFace):
    // each font added makes the browser lay the whole page out again (the builder's form and lists,
    // ~5 ms, in a frame of its own) while page 1 is being drawn. Drawn side by side, the two ways look
    // the same at screen sizes; this way pdf.js's worker spends ~4 ms more reading the glyphs, and the
    // preview's first page came ~8 ms sooner (bench/briefing-preview.bench.ts).
    disableFontFace: true,
    // enableHWA stays off: measured here (no GPU), the accelerated canvas drew page 1 slower
    // (p50 136 ms against 94 ms, interleaved); unverified on a GPU, so not taken.
  });
  const opened = task.promise.then(async (pdf) => {
    const first = await pdf.getPage(1);
    const { width, height } = first.getViewport({ scale: 1 });
    return { pdf, first, size: { width, height } };
  });
  // A load let go before it opened is not a failure anyone waits for.
  opened.catch(() => undefined);
  let drawing: { cancel: () => void } | null = null;
  const firstDrawing = opened.then(
    async ({ first, size }): Promise<FirstDrawing | null> => {
      performance.mark('preview:opened');
      if (!regionWidth) return null;
      const scale = fitScale(regionWidth, size.width);
      const ratio = window.devicePixelRatio || 1;
      const viewport = first.getViewport({ scale: scale * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      // Drawn in one go: pdf.js's screen drawing ('display') waits for an animation frame between each
      // 15 ms slice, so that a page being drawn on the screen never freezes it; off the screen there is
      // nothing to keep moving, and those waits were a third of the time to the first page. The 'print'
      // drawing is that same drawing without them (pixel for pixel the same on the app's briefings:
      // they have no annotations nor optional content, where the two may differ — tests/e2e/briefing.spec.ts).
      const render = first.render({ canvas, viewport, intent: 'print' });
      drawing = render;
      await render.promise;
      performance.mark('preview:drawn');
      return { canvas, scale, ratio };
    },
  ).catch(() => null);
  return {
    opened,
    firstDrawing,
    destroy: () => {
      drawing?.cancel();
      return task.destroy();
    },
  };
}

/** The bytes of a base64 string (the preview channel's answer). */
export function bytesFromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
