/** The dashboard: tiers by category, the province level, open annotations and figures without a source. */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { attentionByCategoryOption } from '../../../shared/charts/dashboard';
import { provinceChartOption } from '../../../shared/charts/province';
import { tierChartOption } from '../../../shared/charts/tiers';
import type { EntitySummary } from '../../../shared/domain';
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
  const [loaded, retry] = useCall(async () => {
    const [data, entities] = await Promise.all([getApi().getDashboard({}), getApi().listEntities({})]);
    return { data, entities };
  }, [dataVersion]);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('dashboard.heading')}
      </Typography.Title>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {({ data, entities }) => <Charts data={data} entities={entities} lang={lang} />}
      </LoadState>
    </>
  );
}

function Charts({ data, entities, lang }: { data: DashboardData; entities: EntitySummary[]; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const dark = document.documentElement.dataset.theme === 'dark';
  // The same chart definitions the PDF briefing draws (shared/charts/tiers.ts, province.ts).
  const tiers = useMemo(() => tierChartOption(entities, lang, { dark }), [entities, lang, dark]);
  const province = useMemo(() => provinceChartOption(data.province, lang, { dark }), [data, lang, dark]);
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
        <Col xs={24} xl={14}>
          <Card size="small" title={t('dashboard.tiers')}>
            <EChart option={tiers} label={t('dashboard.chartLabel', { title: t('dashboard.tiers') })} dark={dark} height={560} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('dashboard.province')}>
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
