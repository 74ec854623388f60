/**
 * A PDF shown in the page, drawn by pdf.js (renderer/src/pdf/pdfjs.ts): page 1 as soon as the
 * document is parsed, the others as they are scrolled near. A toolbar zooms (out, in, fit to width)
 * and shows what the caller says of the document (its page count); the pages scroll inside a region reachable from the keyboard.
 */
import { Button, Space, Typography, theme } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfLoad } from '../pdf/pdfjs';
import { PdfPage } from './PdfPage';

/** The zoom steps offered by 放大 / 缩小 (CSS pixels per PDF point; 1 = 100 %). */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const GUTTER = 16;

type Zoom = 'fit' | number;

export function PdfPreview({
  load,
  label,
  info,
  onFirstPage,
  onError,
}: {
  /** The PDF, opened by the caller as soon as its bytes arrived (pdf/pdfjs.ts loadPdf); the caller lets it go. */
  load: PdfLoad;
  /** The name of the scrolling pages region. */
  label: string;
  /** Shown at the end of the toolbar (the page count and size). */
  info: React.ReactNode;
  onFirstPage: () => void;
  /** The document could not be read (page 1), or a page drawn. */
  onError: (error: unknown, page: number) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [doc, setDoc] = useState<Awaited<PdfLoad['opened']> | null>(null);
  const [zoom, setZoom] = useState<Zoom>('fit');

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    let live = true;
    load.opened.then(
      (opened) => {
        performance.mark('preview:page1');
        if (live) setDoc(opened);
      },
      (e: unknown) => live && onError(e, 1),
    );
    return () => {
      live = false;
      setDoc(null);
    };
  }, [load, onError]);

  const fit = doc && width > 0 ? Math.max(0.25, (width - 2 * GUTTER) / doc.size.width) : 1;
  const scale = zoom === 'fit' ? fit : zoom;
  const zoomOut = ZOOM_STEPS.filter((s) => s < scale - 0.001).at(-1);
  const zoomIn = ZOOM_STEPS.find((s) => s > scale + 0.001);
  const painted = useCallback(() => onFirstPage(), [onFirstPage]);

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
        // A scrollbar always there: its width never changes the fitted scale (which would draw page 1 twice).
        style={{ height: '80vh', overflowX: 'auto', overflowY: 'scroll', marginTop: 8, padding: `${GUTTER}px 0`, background: token.colorFillSecondary, border: `1px solid ${token.colorBorder}` }}
      >
        {doc
          ? Array.from({ length: doc.pdf.numPages }, (_, i) => (
              <PdfPage key={i} pdf={doc.pdf} pageNumber={i + 1} scale={scale} placeholder={doc.size} eager={i === 0} scroller={scroller} onPainted={i === 0 ? painted : undefined} onError={onError} />
            ))
          : null}
      </div>
    </div>
  );
}
