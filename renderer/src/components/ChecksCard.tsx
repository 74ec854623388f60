/** The dashboard's 数据核查 card (issue 12): each check's open findings, linking to the Data checks page. */
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { useSession } from '../session';
import { useCall } from '../useCall';
import { hrefFor } from '../useRoute';
import { LoadState } from './LoadState';

export function ChecksCard({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const [loaded, retry] = useCall(() => getApi().countChecks({}), [dataVersion]);
  return (
    <Card size="small" title={t('checks.card')} extra={<a href={hrefFor({ name: 'checks' })}>{t('checks.cardLink')}</a>} style={{ marginTop: 16 }}>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {(report) => (
          <>
            <p style={{ marginTop: 0 }}>{t('checks.cardAll', { count: report.checks.reduce((n, c) => n + c.count, 0) })}</p>
            <ul aria-label={t('checks.card')} style={{ margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              {report.checks.map((c) => (
                <li key={c.id}>
                  <a href={hrefFor({ name: 'checks' })}>
                    {lang === 'en' ? c.name.en : c.name.zh} <Tag color={c.count > 0 ? 'orange' : undefined}>{c.count}</Tag>
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </LoadState>
    </Card>
  );
}
