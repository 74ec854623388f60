/**
 * One page of a PDF drawn by pdf.js into a canvas, when it is first near the screen (page 1 at
 * once). Its text alternative: the canvas is an image named "page n of N" and described by the
 * page's own text (pdf.js getTextContent), kept in a hidden element. When the drawing is on the
 * screen (render() resolved, then the next animation frame), the canvas says so: data-painted;
 * and data-copied when that first drawing was the one made off the screen (pdf/pdfjs.ts loadPdf),
 * put in the page as it is: that canvas itself takes the place of the page's own, nothing redrawn or copied
 * (data-drawn-from="record" as well when the preview drew it from the service's record: pdf/draw-page.ts).
 *
 * The canvas is the page's own element, not React's: it can be swapped for the one drawn off the
 * screen, which React would not know of. Its name, description and size are set on it at each render.
 */
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FirstDrawing, PageSize } from '../pdf/pdfjs';


/** The page's text as a person reads it: runs joined, pdf.js's end-of-line marks kept as line breaks. */
async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str + (item.hasEOL ? '\n' : '');
  }
  return text.replace(/[ \t]+\n/g, '\n').trim();
}

/** How a page sits in the preview: centred, on white, with a shadow. */
export function pageBox(width: number): React.CSSProperties {
  return { margin: '0 auto 12px', width, boxShadow: '0 1px 4px rgba(0, 0, 0, 0.25)', background: '#fff' };
}

/** A page's canvas as the preview shows it: an image named "page n of N", described by the page's text once read, at its size in CSS pixels. */
export function dressCanvas(canvas: HTMLCanvasElement, { label, describedBy, page, width, height }: { label: string; describedBy?: string | undefined; page: number; width: number; height: number }): void {
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  if (describedBy) canvas.setAttribute('aria-describedby', describedBy);
  else canvas.removeAttribute('aria-describedby');
  canvas.dataset.page = String(page);
  canvas.style.display = 'block';
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
}

export function PdfPage({
  pdf,
  pageNumber,
  scale,
  placeholder,
  eager,
  loaded,
  drawn,
  scroller,
  onPainted,
  onError,
}: {
  pdf: PDFDocumentProxy;
  /** The region the pages scroll in: a page is drawn when it comes within one region's height of its view. */
  scroller: React.RefObject<HTMLElement | null>;
  pageNumber: number;
  /** CSS pixels per PDF point. */
  scale: number;
  /** The size (at scale 1) to hold for the page before it is loaded: the first page's. */
  placeholder: PageSize;
  /** Draw at once rather than when scrolled near. */
  eager: boolean;
  /** The page, when the caller has it already (page 1, asked for with the document). */
  loaded?: PDFPageProxy;
  /** The page drawn off the screen already (page 1: pdf/pdfjs.ts loadPdf): copied in for the first drawing when drawn at this scale, instead of drawing it again. */
  drawn?: Promise<FirstDrawing | null>;
  onPainted?: () => void;
  onError: (error: unknown, page: number) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  /** The canvas on the screen: made with the page, or the drawing made off the screen put in its place. */
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [near, setNear] = useState(eager);
  const [page, setPage] = useState<PDFPageProxy | null>(loaded ?? null);
  const [painted, setPainted] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const textId = useId();
  // The drawing made off the screen is used once, for the first drawing; later ones (zoom) are pdf.js's own.
  const drawnUsed = useRef(false);

  const size = page ? page.getViewport({ scale }) : { width: placeholder.width * scale, height: placeholder.height * scale };
  const label = t('pdfPreview.page', { page: pageNumber, pages: pdf.numPages });
  const describedBy = text ? textId : undefined;
  /** What the canvas says of itself and how large it shows: set on whichever canvas is on the screen. */
  const dress = useCallback(
    (canvas: HTMLCanvasElement) => dressCanvas(canvas, { label, describedBy, page: pageNumber, width: size.width, height: size.height }),
    [label, describedBy, pageNumber, size.width, size.height],
  );
  // Before the drawing's layout effect below, which needs the canvas.
  useLayoutEffect(() => {
    if (!canvasRef.current) {
      canvasRef.current = document.createElement('canvas');
      holder.current?.prepend(canvasRef.current);
    }
    dress(canvasRef.current);
  }, [dress]);

  // Further pages wait until they come within a screen of the visible part of the preview.
  useEffect(() => {
    if (near || !holder.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { root: scroller.current, rootMargin: '100% 0px' });
    observer.observe(holder.current);
    return () => observer.disconnect();
  }, [near, scroller]);

  useEffect(() => {
    if (!near || page) return;
    let live = true;
    pdf.getPage(pageNumber).then((p) => live && setPage(p), (e: unknown) => live && onError(e, pageNumber));
    return () => {
      live = false;
    };
  }, [pdf, pageNumber, near, page, onError]);

  // A layout effect: the drawing starts (or the drawing made off the screen is put in) in the
  // commit that puts the canvas on the page, not after a frame has gone by.
  useLayoutEffect(() => {
    const onScreen = canvasRef.current;
    if (!page || !onScreen) return;
    let canvas = onScreen;
    let live = true;
    let frame = 0;
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    delete canvas.dataset.painted;
    delete canvas.dataset.copied;
    delete canvas.dataset.drawnFrom;
    setPainted(false);
    if (pageNumber === 1) performance.mark('preview:render');
    let task: RenderTask | null = null;
    const draw = async (): Promise<void> => {
      const made = drawnUsed.current ? null : await drawn;
      if (!live) return;
      if (made && made.scale === scale && made.ratio === ratio && made.canvas.width === canvas.width && made.canvas.height === canvas.height) {
        dress(made.canvas);
        canvas.replaceWith(made.canvas);
        canvas = canvasRef.current = made.canvas;
        drawnUsed.current = true;
        // Said on the canvas, for whoever checks that the first page came the quick way.
        canvas.dataset.copied = 'true';
        return;
      }
      task = page.render({ canvas, viewport });
      await task.promise;
    };
    draw().then(
      () => {
        if (!live) return;
        if (pageNumber === 1) performance.mark('preview:rendered');
        frame = requestAnimationFrame(() => {
          // Set here, not through React's next render: this frame is the one that shows the drawing.
          canvas.dataset.painted = 'true';
          setPainted(true);
          onPainted?.();
        });
      },
      (e: unknown) => {
        // A drawing cancelled because the zoom changed or the preview was replaced is not an error.
        if (live && !(e instanceof Error && e.name === 'RenderingCancelledException')) onError(e, pageNumber);
      },
    );
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      task?.cancel();
    };
    // Not on dress: a new name or description is set by the effect above, not by drawing again.
  }, [page, pageNumber, scale, drawn, onPainted, onError]);

  useEffect(() => {
    if (!page || !painted || text !== null) return;
    let live = true;
    pageText(page).then((s) => live && setText(s), (e: unknown) => live && onError(e, pageNumber));
    return () => {
      live = false;
    };
  }, [page, pageNumber, painted, text, onError]);

  return (
    <div ref={holder} style={pageBox(size.width)}>
      <div id={textId} hidden>
        {text}
      </div>
    </div>
  );
}
