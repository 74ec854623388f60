/**
 * 预览 for one 简报 issue, draft or issued: the PDF exactly as 导出 PDF writes it — the 红头, the pages,
 * the tail at the last page's foot — in a drawer beside the page, page 1 first with its progress at
 * once (components/BriefingPreview.tsx). A draft saves what was typed first; a refusal (a broken
 * reference) is said in the drawer, naming the paragraph, in the person's language. Nothing is written.
 */
import { Alert, Button, Drawer } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { BriefingPreview, type BriefingPreviewHandle } from '../components/BriefingPreview';
import { errorText } from '../session';

/** The drawer's width: an A4 page fitted at a readable size, never wider than most of the window. */
const WIDTH = 'min(880px, 92vw)';

export function PreviewDrawer({ id, title, lang, before }: { id: number; title: string; lang: Lang; before?: () => Promise<void> }): React.JSX.Element {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pane = useRef<BriefingPreviewHandle>(null);
  const failed = useCallback((text: string) => setError(text), []);

  const preview = async (): Promise<void> => {
    setOpen(true);
    setError(null);
    setBusy(true);
    try {
      // Saving first is part of making the PDF: a save that fails clears the pages shown before, as a refusal does.
      await pane.current?.show(async () => {
        await before?.();
        return getApi().previewBulletin({ id });
      });
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button onClick={() => void preview()} loading={busy}>
        {t('bulletins.preview.open')}
      </Button>
      {/* Rendered while closed too, so that the pane is there to take the PDF the moment 预览 is pressed. */}
      <Drawer open={open} onClose={() => setOpen(false)} size={WIDTH} forceRender title={t('bulletins.preview.title', { title })} closable={{ 'aria-label': t('bulletins.preview.close') }}>
        {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <BriefingPreview ref={pane} lang={lang} onFailed={failed} names={{ pane: t('bulletins.preview.pane'), pages: t('bulletins.preview.pages') }} />
      </Drawer>
    </>
  );
}
