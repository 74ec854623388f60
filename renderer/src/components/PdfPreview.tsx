/**
 * A PDF shown in the page, drawn by pdf.js (renderer/src/pdf/pdfjs.ts): page 1 as soon as the
 * document is parsed, the others as they are scrolled near. A toolbar zooms (out, in, fit to width)
 * and shows what the caller says of the document (its page count); the pages scroll inside a region reachable from the keyboard.
 */
import { Button, Space, Typography, theme } from 'antd';
import { useCallback, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_GUTTER, fitScale, type FirstDrawing, type PageSize, type PdfLoad } from '../pdf/pdfjs';
import { PdfPage, dressCanvas, pageBox } from './PdfPage';

/** The zoom steps offered by 放大 / 缩小 (CSS pixels per PDF point; 1 = 100 %). */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** What decides the pages region's inner width: a scrollbar always there (its width never changes the fitted scale, which would draw page 1 twice) and a 1 px border. */
const REGION_BOX = { overflowX: 'auto', overflowY: 'scroll', borderWidth: 1, borderStyle: 'solid' } as const;

/** A PDF opened (pdf/pdfjs.ts loadPdf) and page 1 as drawn off the screen. */
export interface OpenedPdf {
  doc: Awaited<PdfLoad['opened']>;
  firstDrawing: PdfLoad['firstDrawing'];
}

type Zoom = 'fit' | number;

export interface PdfPreviewHandle {
  /**
   * Puts page 1, drawn off the screen, in the pages region at once, before the document is handed
   * over (`opened`): no React rendering stands between the drawing and the frame that shows it.
   * onFirstPage is called when it is on the screen; the page's PdfPage takes the canvas over when the
   * document comes. False when the region is not there to hold it.
   */
  showFirst: (drawing: FirstDrawing, size: PageSize, pages: number) => boolean;
}

export function PdfPreview({
  ref,
  opened,
  label,
  info,
  onFirstPage,
  onError,
  onWidth,
}: {
  ref?: React.Ref<PdfPreviewHandle>;
  /**
   * The PDF, opened by the caller as soon as its bytes arrived; the caller lets it go. Null while it
   * is being made: the toolbar and the pages region are laid out already, so that work is done
   * while the PDF is made, not after.
   */
  opened: OpenedPdf | null;
  /** The name of the scrolling pages region. */
  label: string;
  /** Shown at the end of the toolbar (the page count and size). */
  info: React.ReactNode;
  onFirstPage: () => void;
  /** A page could not be read or drawn. */
  onError: (error: unknown, page: number) => void;
  /** The pages region's inner width, when laid out and whenever it changes: the caller can draw page 1 at its fitted scale before handing it over. */
  onWidth?: (width: number) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const doc = opened?.doc ?? null;
  const widthChanged = useRef(onWidth);
  widthChanged.current = onWidth;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measured = (): void => {
      setWidth(el.clientWidth);
      widthChanged.current?.(el.clientWidth);
    };
    measured();
    const observer = new ResizeObserver(measured);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const fit = doc && width > 0 ? fitScale(width, doc.size.width) : 1;
  const scale = zoom === 'fit' ? fit : zoom;
  const zoomOut = ZOOM_STEPS.filter((s) => s < scale - 0.001).at(-1);
  const zoomIn = ZOOM_STEPS.find((s) => s > scale + 0.001);
  const painted = useCallback(() => onFirstPage(), [onFirstPage]);
  // Where page 1 goes when it is shown before the document is handed over.
  const firstSlot = useRef<HTMLDivElement>(null);
  const firstShown = useRef(onFirstPage);
  firstShown.current = onFirstPage;
  useImperativeHandle(
    ref,
    () => ({
      showFirst: ({ canvas, scale: drawnAt }, size, pages) => {
        const slot = firstSlot.current;
        if (!slot) return false;
        const width = size.width * drawnAt;
        Object.assign(slot.style, pageBox(width), { width: `${width}px` });
        dressCanvas(canvas, { label: t('pdfPreview.page', { page: 1, pages }), page: 1, width, height: size.height * drawnAt });
        slot.replaceChildren(canvas);
        performance.mark('preview:rendered');
        requestAnimationFrame(() => {
          canvas.dataset.painted = 'true';
          firstShown.current();
        });
        return true;
      },
    }),
    [t],
  );

  return (
    <div>
      <Space role="toolbar" aria-label={t('pdfPreview.toolbar')} wrap style={{ marginTop: 8 }}>
        <Button size="small" disabled={!doc || zoomOut === undefined} onClick={() => zoomOut !== undefined && setZoom(zoomOut)}>
          {t('pdfPreview.zoomOut')}
        </Button>
        <Button size="small" disabled={!doc || zoomIn === undefined} onClick={() => zoomIn !== undefined && setZoom(zoomIn)}>
          {t('pdfPreview.zoomIn')}
        </Button>
        <Button size="small" disabled={!doc} aria-pressed={zoom === 'fit'} onClick={() => setZoom('fit')}>
          {t('pdfPreview.fitWidth')}
        </Button>
        <Typography.Text aria-live="polite">{doc ? t('pdfPreview.zoomLevel', { percent: Math.round(scale * 100) }) : ''}</Typography.Text>
        {info}
      </Space>
      <div
        ref={scroller}
        role="region"
        aria-label={label}
        tabIndex={0}
        style={{ ...REGION_BOX, height: '80vh', marginTop: 8, padding: `${PAGE_GUTTER}px 0`, background: token.colorFillSecondary, borderColor: token.colorBorder }}
      >
        {doc
          ? Array.from({ length: doc.pdf.numPages }, (_, i) => (
              <PdfPage
                key={i}
                pdf={doc.pdf}
                pageNumber={i + 1}
                scale={scale}
                placeholder={doc.size}
                scroller={scroller}
                onError={onError}
                {...(i === 0 ? { eager: true, loaded: doc.first, drawn: opened?.firstDrawing, onPainted: painted } : { eager: false })}
              />
            ))
          : <div ref={firstSlot} />}
      </div>
    </div>
  );
}
