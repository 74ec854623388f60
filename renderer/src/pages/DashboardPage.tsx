/** The dashboard: tiers by category, the province level, open annotations and figures without a source. */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { attentionByCategoryOption, provinceFiguresOption, tiersByCategoryOption } from '../../../shared/charts/dashboard';
import { formatFigure } from '../../../shared/format';
import type { Lang } from '../../../shared/i18n';
import type { DashboardData } from '../../../shared/workbench';
import { getApi } from '../api';
import { EChart } from '../components/EChart';
import { LoadState } from '../components/LoadState';
import { useSession } from '../session';
import { useCall } from '../useCall';

export function DashboardPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const [loaded, retry] = useCall(() => getApi().getDashboard({}), [dataVersion]);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('dashboard.heading')}
      </Typography.Title>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {(data) => <Charts data={data} lang={lang} />}
      </LoadState>
    </>
  );
}

function Charts({ data, lang }: { data: DashboardData; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const dark = document.documentElement.dataset.theme === 'dark';
  const tiers = useMemo(() => tiersByCategoryOption(data.tiers, lang), [data, lang]);
  const province = useMemo(() => provinceFiguresOption(data.province, lang), [data, lang]);
  const attention = useMemo(() => attentionByCategoryOption(data, lang), [data, lang]);
  const other = data.province.filter((f) => f.unit !== 'percent');
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('dashboard.totalFigures')} value={data.totals.figures} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('dashboard.totalOpen')} value={data.totals.openAnnotations} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('dashboard.totalWithoutSource')} value={data.totals.withoutSource} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small">
            <EChart option={tiers} label={t('dashboard.chartLabel', { title: t('dashboard.tiers') })} dark={dark} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small">
            <EChart option={province} label={t('dashboard.chartLabel', { title: t('dashboard.province') })} dark={dark} height={240} />
            <ul aria-label={t('dashboard.province')} style={{ margin: '8px 0 0', paddingLeft: 18 }}>
              {other.map((f) => (
                <li key={f.id}>
                  {t(`scope.${f.scope}`)} · {t(`metric.${f.metric}`)} · {f.period}: <strong>{formatFigure(f, lang)}</strong>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small">
            <EChart option={attention} label={t('dashboard.chartLabel', { title: `${t('dashboard.openAnnotations')} / ${t('dashboard.withoutSource')}` })} dark={dark} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
