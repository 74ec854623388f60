/** One 简报 issue (#/bulletins/<id>): a draft to write (bulletin/DraftView.tsx) or an issued one to read (bulletin/IssuedView.tsx). */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { DraftView } from '../bulletin/DraftView';
import { IssuedView } from '../bulletin/IssuedView';
import { LoadState } from '../components/LoadState';
import { useSession } from '../session';
import { useCall } from '../useCall';
import { hrefFor } from '../useRoute';

export function BulletinPage({ id, lang }: { id: number; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const [loaded, retry] = useCall(() => getApi().getBulletin({ id }), [id, dataVersion]);
  return (
    <>
      <a href={hrefFor({ name: 'bulletins' })}>{t('bulletins.back')}</a>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {(record) => (record.kind === 'issued' ? <IssuedView record={record} lang={lang} /> : <DraftView key={record.id} record={record} lang={lang} />)}
      </LoadState>
    </>
  );
}

