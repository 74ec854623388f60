/**
 * The briefing builder's preview pane: the PDF the service makes for the builder's choices, shown in
 * the page (components/PdfPreview.tsx, page 1 first), with its progress at once. The pane keeps its
 * own state, so a preview's steps re-render the pane, not the form beside it: the form is laid out
 * again only when the first page is on the screen (show() settles then), not while pdf.js draws it.
 */
import { Empty, Typography } from 'antd';
import { useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefingPreview as BriefingPreviewResult } from '../../../shared/briefing';
import { describeError } from '../../../shared/errors';
import type { Lang } from '../../../shared/i18n';
import { drawFirstPage } from '../pdf/draw-page';
import { bytesFromBase64, loadPdf, warmPdfWorker, type PdfLoad } from '../pdf/pdfjs';
import { PdfPreview, type OpenedPdf, type PdfPreviewHandle } from './PdfPreview';

/**
 * How long page 1 may take to draw before the status says it is being drawn (step 2 of 2). It shows
 * while pdf.js's worker is slow to read the page (tests/e2e/briefing.spec.ts); while the page's own
 * thread is drawing, nothing new can be shown on it anyway.
 */
const SLOW_DRAWING_MS = 300;

/** Where a preview is: the PDF being made, then its first page being shown, then shown. */
type PreviewStep = 'render' | 'show' | null;

export interface BriefingPreviewHandle {
  /**
   * Makes the PDF (`make`: a channel's call, e.g. previewBriefing for the builder's choices, previewBulletin
   * for a 简报 issue) and shows it; settles when its first page is on the screen or the preview failed
   * (said through onFailed). A refusal of the service (a request it cannot make) is thrown.
   */
  show: (make: () => Promise<BriefingPreviewResult>) => Promise<void>;
}

export function BriefingPreview({
  ref,
  lang,
  onFailed,
  names,
}: {
  ref: React.Ref<BriefingPreviewHandle>;
  lang: Lang;
  onFailed: (text: string) => void;
  /** The pane's and its pages region's accessible names (default: the briefing builder's). */
  names?: { pane: string; pages: string };
}): React.JSX.Element {
  const { t } = useTranslation();
  const [step, setStep] = useState<PreviewStep>(null);
  const [preview, setPreview] = useState<{ opened: OpenedPdf; pages: number; bytes: number } | null>(null);
  // The last preview failed or was refused: the pane says there is none (the reason is said beside it),
  // rather than inviting a press that has just been made.
  const [failed, setFailed] = useState(false);
  // A preview was asked for: the pages region stays from the press on, also while page 1 drawn from the
  // service's record is shown and pdf.js is still opening the PDF (no step, no opened preview yet).
  const [asked, setAsked] = useState(false);
  // A fresh pages region for each preview (zoom back to fit), laid out the moment 预览 is pressed.
  const [frameKey, setFrameKey] = useState(0);
  const frame = useRef<PdfPreviewHandle>(null);
  const regionWidth = useRef(0);
  const widthMeasured = useCallback((width: number) => (regionWidth.current = width), []);
  // The open PDF, let go when the next preview replaces it or the builder closes.
  const openPreview = useRef<PdfLoad | null>(null);
  // Counts the previews asked for, so one whose page 1 was drawn at once knows whether it is still the last.
  const previews = useRef(0);
  useEffect(() => () => void openPreview.current?.destroy(), []);
  // pdf.js's worker starts while the choices are made, so a preview does not wait for it.
  useEffect(warmPdfWorker, []);
  // What show() waits for: the first page shown, or the preview failed.
  const settle = useRef<(() => void) | null>(null);
  const settled = (): void => {
    settle.current?.();
    settle.current = null;
  };

  const firstPageShown = useCallback(() => {
    setStep(null);
    settled();
  }, []);
  const previewFailed = useCallback(
    (e: unknown, page: number) => {
      const reason = e instanceof Error ? e.message : String(e);
      setStep(null);
      setPreview(null);
      setFailed(true);
      onFailed(describeError({ code: 'BRIEFING_PREVIEW_FAILED', message: reason, details: { page, reason } }, lang));
      settled();
    },
    [lang, onFailed],
  );

  useImperativeHandle(
    ref,
    () => ({
      show: async (make) => {
        const mine = ++previews.current;
        setStep('render');
        setPreview(null);
        setFailed(false);
        setAsked(true);
        setFrameKey((n) => n + 1);
        // The previous PDF is let go now, while this one is made (pdf.js frees its pages in its worker),
        // rather than after the answer.
        void openPreview.current?.destroy();
        openPreview.current = null;
        let result: BriefingPreviewResult;
        try {
          result = await make();
        } catch (e) {
          setStep(null);
          setFailed(true);
          throw e;
        }
        performance.mark('preview:answer');
        // Page 1 drawn at once from the service's record of it (pdf/draw-page.ts), when it came and holds
        // nothing the player does not know; pdf.js reads the PDF behind it for the other pages and zoom.
        const own = result.firstPage && regionWidth.current > 0 ? drawFirstPage(result.firstPage, regionWidth.current) : null;
        if (own && previews.current === mine) {
          const shown = new Promise<void>((resolve) => (settle.current = resolve));
          if (frame.current?.showFirst(own, { width: result.firstPage!.width, height: result.firstPage!.height }, result.pages)) {
            await shown;
            // Another preview was asked for meanwhile: this one is let go unread.
            if (previews.current !== mine) return;
            const load = loadPdf(bytesFromBase64(result.pdfBase64));
            openPreview.current = load;
            try {
              const doc = await load.opened;
              if (openPreview.current === load) setPreview({ opened: { doc, firstDrawing: Promise.resolve(own) }, pages: result.pages, bytes: result.bytes });
            } catch (e) {
              if (openPreview.current === load) previewFailed(e, 1);
            }
            return;
          }
          settle.current = null;
        }
        // Parsing, and drawing page 1 at the width of the region laid out meanwhile, start now.
        const load = loadPdf(bytesFromBase64(result.pdfBase64), regionWidth.current > 0 ? { regionWidth: regionWidth.current } : {});
        openPreview.current = load;
        let doc: OpenedPdf['doc'];
        try {
          doc = await load.opened;
        } catch (e) {
          if (openPreview.current === load) previewFailed(e, 1);
          return;
        }
        if (openPreview.current !== load) return;
        // Nothing on the page changes while page 1 is drawn off the screen (tens of ms): a change would
        // make the browser lay the page out and paint a frame in the middle of the drawing, on the same
        // thread. A drawing that takes longer says so (step 2 of 2) and is waited for.
        const slow = window.setTimeout(() => openPreview.current === load && setStep('show'), SLOW_DRAWING_MS);
        const drawing = await load.firstDrawing;
        window.clearTimeout(slow);
        if (openPreview.current !== load) return;
        const shown = new Promise<void>((resolve) => (settle.current = resolve));
        const next = { opened: { doc, firstDrawing: load.firstDrawing }, pages: result.pages, bytes: result.bytes };
        // The drawing goes on the screen as it is, with no React rendering before the frame that shows
        // it; React catches up after (the toolbar, the other pages, page 1's text), and page 1's PdfPage
        // takes the canvas over.
        if (drawing && frame.current?.showFirst(drawing, doc.size, result.pages)) {
          await shown;
          if (openPreview.current === load) setPreview(next);
          return;
        }
        setPreview(next);
        await shown;
      },
    }),
    [previewFailed],
  );

  return (
    <section aria-label={names?.pane ?? t('briefingBuilder.previewFrame')}>
      {step ? (
        // Shown the moment Preview is pressed, in place of the empty state or the previous preview. Words and a
        // count of seconds, no spinning: an animation redrawn 60 times a second takes a share of a 2-core
        // laptop from the PDF being made.
        <div role="status" style={{ display: 'flex', alignItems: 'baseline', gap: 12, padding: '16px 0' }}>
          <span>{t(step === 'render' ? 'briefingBuilder.previewStepRender' : 'briefingBuilder.previewStepShow')}</span>
          <Elapsed />
        </div>
      ) : null}
      {asked && !failed ? (
        <PdfPreview
          key={frameKey}
          ref={frame}
          opened={preview?.opened ?? null}
          label={names?.pages ?? t('briefingBuilder.previewPages')}
          info={step === null && preview ? <Typography.Text type="secondary">{t('briefingBuilder.previewInfo', { count: preview.pages, pages: preview.pages, size: Math.round(preview.bytes / 1024) })}</Typography.Text> : null}
          onFirstPage={firstPageShown}
          onError={previewFailed}
          onWidth={widthMeasured}
        />
      ) : (
        <Empty description={t(failed ? 'briefingBuilder.previewNone' : 'briefingBuilder.previewEmpty')} />
      )}
    </section>
  );
}

/** Whole seconds since it appeared, from the first second on ("已用 3 秒"), redrawn once a second. */
function Elapsed(): React.JSX.Element | null {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = performance.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((performance.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return seconds > 0 ? <Typography.Text type="secondary">{t('briefingBuilder.previewElapsed', { seconds })}</Typography.Text> : null;
}
