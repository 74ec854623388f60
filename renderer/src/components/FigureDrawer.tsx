/** The side panel for one figure: edit it, read its history, annotate it. Also adds a new figure. */
import { Drawer, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureInput } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { useSession } from '../session';
import { useCall } from '../useCall';
import { AnnotationsPanel } from './Annotations';
import { FigureForm } from './FigureForm';
import { HistoryPanel } from './HistoryPanel';
import { LoadState } from './LoadState';

export type DrawerTarget = { id: number; name: string } | { id: null; defaults?: Partial<FigureInput> };

export function FigureDrawer({ target, lang, onClose }: { target: DrawerTarget | null; lang: Lang; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={target?.id ? `${t('figureForm.titleEdit')} · ${target.name}` : t('figureForm.titleNew')}
      closable={{ 'aria-label': t('figureForm.cancel') }}
    >
      {target === null ? null : target.id === null ? (
        <FigureForm figure={null} defaults={target.defaults ?? {}} lang={lang} onSaved={onClose} />
      ) : (
        <FigureTabs id={target.id} name={target.name} lang={lang} onClose={onClose} />
      )}
    </Drawer>
  );
}

function FigureTabs({ id, name, lang, onClose }: { id: number; name: string; lang: Lang; onClose: () => void }): React.JSX.Element {
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
              {(figure) => <FigureForm key={`${figure.id}-${figure.changedAt}`} figure={figure} lang={lang} onSaved={() => setTab('history')} onDeleted={onClose} />}
            </LoadState>
          ),
        },
        { key: 'history', label: t('figureForm.tabHistory'), children: <HistoryPanel targetType="figure" targetId={String(id)} name={name} lang={lang} /> },
        { key: 'annotations', label: t('figureForm.tabAnnotations'), children: <AnnotationsPanel targetType="figure" targetId={String(id)} lang={lang} /> },
      ]}
    />
  );
}
