/**
 * The side panel for one figure: edit it, read its history, annotate it. Also adds a new figure.
 * Closing it (Esc, ×, a click outside) with unsaved changes in the form asks first.
 */
import { Drawer, Tabs } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureInput } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { useSession } from '../session';
import { useCall } from '../useCall';
import { AnnotationsPanel } from './Annotations';
import { useConfirmDiscard } from './confirmDiscard';
import { FigureForm } from './FigureForm';
import { HistoryPanel } from './HistoryPanel';
import { LoadState } from './LoadState';

export type DrawerTarget = { id: number; name: string } | { id: null; defaults?: Partial<FigureInput> };

/** The panel's width; messages shown while it is open centre themselves on the rest of the window. */
const PANEL_WIDTH = 640;

/**
 * While the panel is open, the window's messages ("已保存：…") sit over the page beside it rather than
 * over the panel's tabs (fonts.css reads --cb-side-panel).
 */
function useMessagesBeside(open: boolean): void {
  useEffect(() => {
    if (!open) return;
    const root = document.documentElement;
    root.style.setProperty('--cb-side-panel', `${PANEL_WIDTH}px`);
    return () => {
      root.style.removeProperty('--cb-side-panel');
    };
  }, [open]);
}

export function FigureDrawer({ target, lang, onClose }: { target: DrawerTarget | null; lang: Lang; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const dirty = useRef(false);
  const confirmDiscard = useConfirmDiscard();
  const onDirty = (d: boolean): void => {
    dirty.current = d;
  };
  const close = (): void => {
    dirty.current = false;
    onClose();
  };
  // After a deletion the button that opened the panel is gone with its row, and the keyboard's focus
  // fell to the page's start: it goes to the page's heading instead, where the message is read.
  const deleted = useRef(false);
  const closeDeleted = (): void => {
    deleted.current = true;
    close();
  };
  const afterOpenChange = (open: boolean): void => {
    if (open || !deleted.current) return;
    deleted.current = false;
    const heading = document.querySelector<HTMLElement>('main h1, h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    // After the panel has handed the focus back (to the gone button: the page's start).
    setTimeout(() => heading.focus(), 0);
  };
  useMessagesBeside(target !== null);
  // What the panel shows: the figure it was opened on, or one the form pointed to (the same period's
  // existing figure); a new target from the page starts over.
  const [shown, setShown] = useState<DrawerTarget | null>(target);
  const [opened, setOpened] = useState(target);
  if (opened !== target) {
    setOpened(target);
    setShown(target);
  }
  const openFigure = (next: { id: number; name: string }): void =>
    confirmDiscard(dirty.current, () => {
      dirty.current = false;
      setShown(next);
    });
  return (
    <Drawer
      open={target !== null}
      onClose={() => confirmDiscard(dirty.current, close)}
      size={PANEL_WIDTH}
      destroyOnHidden
      afterOpenChange={afterOpenChange}
      title={shown?.id ? `${t('figureForm.titleEdit')} · ${shown.name}` : t('figureForm.titleNew')}
      closable={{ 'aria-label': t('figureForm.cancel') }}
    >
      {shown === null ? null : shown.id === null ? (
        <FigureForm figure={null} defaults={shown.defaults ?? {}} lang={lang} onSaved={close} onDirty={onDirty} onOpenFigure={openFigure} />
      ) : (
        <FigureTabs key={shown.id} id={shown.id} name={shown.name} lang={lang} onClose={closeDeleted} onDirty={onDirty} onOpenFigure={openFigure} />
      )}
    </Drawer>
  );
}

function FigureTabs({ id, name, lang, onClose, onDirty, onOpenFigure }: { id: number; name: string; lang: Lang; onClose: () => void; onDirty: (dirty: boolean) => void; onOpenFigure: (target: { id: number; name: string }) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const [tab, setTab] = useState('edit');
  const [loaded, retry] = useCall(() => getApi().getFigure({ id }), [id, dataVersion]);
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        {
          key: 'edit',
          label: t('figureForm.tabEdit'),
          children: (
            <LoadState loaded={loaded} lang={lang} retry={retry}>
              {(figure) => <FigureForm key={`${figure.id}-${figure.changedAt}`} figure={figure} lang={lang} onSaved={() => setTab('history')} onDeleted={onClose} onDirty={onDirty} onOpenFigure={onOpenFigure} />}
            </LoadState>
          ),
        },
        { key: 'history', label: t('figureForm.tabHistory'), children: <HistoryPanel targetType="figure" targetId={String(id)} name={name} lang={lang} /> },
        { key: 'annotations', label: t('figureForm.tabAnnotations'), children: <AnnotationsPanel targetType="figure" targetId={String(id)} lang={lang} /> },
      ]}
    />
  );
}
