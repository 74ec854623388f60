/** The dashboard: tiers by category, the province level, open annotations and figures without a source, trends compared. */
import { useDarkTheme } from '../darkTheme';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { attentionByCategoryOption, provinceMetricOption, provinceMetricTitle, provincePercentages, tierChartDescription } from '../../../shared/charts/dashboard';
import { tierChartOption } from '../../../shared/charts/tiers';
import type { EntitySummary, Metric } from '../../../shared/domain';
import { colonOf, formatFigure } from '../../../shared/format';
import type { Lang } from '../../../shared/i18n';
import type { DashboardData } from '../../../shared/workbench';
import { getApi } from '../api';
import { ChecksCard } from '../components/ChecksCard';
import { EChart } from '../components/EChart';
import { LoadState } from '../components/LoadState';
import { TrendCompare } from '../components/TrendCompare';
import { useSession } from '../session';
import { useCall } from '../useCall';

/** The province-level percentages, one chart each: a growth rate and a GDP share never share an axis. */
const PERCENT_METRICS: Metric[] = ['added_value_growth', 'gdp_share'];

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
  const { catalog } = useSession();
  const { t } = useTranslation();
  const dark = useDarkTheme();
  // The tier chart is the very definition the PDF briefing draws (shared/charts/tiers.ts).
  const tiers = useMemo(() => tierChartOption(entities, lang, { dark }), [entities, lang, dark]);
  const tiersLabel = useMemo(() => tierChartDescription(entities, lang), [entities, lang]);
  const percentCharts = useMemo(
    () =>
      PERCENT_METRICS.map((metric) => ({ metric, rows: provincePercentages(data.province, metric) }))
        .filter(({ rows }) => rows.length > 0)
        .map(({ metric, rows }) => ({ metric, rows, title: provinceMetricTitle(rows, metric, lang), option: provinceMetricOption(data.province, metric, lang, { dark }) })),
    [data, lang, dark],
  );
  const attention = useMemo(() => attentionByCategoryOption(data, lang, { dark }), [data, lang, dark]);
  const provinceTitle = t('dashboard.province', { periods: [...new Set(data.province.map((f) => f.period))].sort().reverse().join(lang === 'en' ? ', ' : '、') });
  const needsAttention = data.totals.openAnnotations + data.totals.withoutSource > 0;
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
      <ChecksCard lang={lang} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('dashboard.tiers')}>
            <EChart option={tiers} label={tiersLabel} dark={dark} height={560} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {/* Titled with the periods it lists (it said 2023 over 2022 and 2021 figures). */}
          <Card size="small" title={provinceTitle}>
            <ul aria-label={provinceTitle} style={{ margin: 0, paddingLeft: 18 }}>
              {data.province.map((f) => (
                <li key={f.id}>
                  {t(`scope.${f.scope}`)} · {catalog.metricName(f.metric, lang)} · {f.period}
                  {colonOf(lang)}
                  <strong>{formatFigure(f, lang)}</strong>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
        {percentCharts.map(({ metric, rows, title, option }) => (
          <Col key={metric} xs={24} xl={12}>
            <Card size="small" title={title}>
              <EChart option={option} label={chartDescription(option)} dark={dark} height={Math.max(120, 56 + rows.length * 48)} />
            </Card>
          </Col>
        ))}
        {needsAttention ? (
          <Col xs={24}>
            <Card size="small" title={`${t('dashboard.openAnnotations')} / ${t('dashboard.withoutSource')}`}>
              <EChart option={attention} label={chartDescription(attention)} dark={dark} />
            </Card>
          </Col>
        ) : null}
        <Col xs={24}>
          <section aria-label={t('trend.compareHeading')}>
            <Card size="small" title={t('trend.compareHeading')}>
              <TrendCompare entities={entities} lang={lang} dark={dark} />
            </Card>
          </section>
        </Col>
      </Row>
    </>
  );
}

/** The description an option carries for screen readers (shared/charts/dashboard.ts writes one into every chart). */
function chartDescription(option: { aria?: unknown }): string {
  const aria = option.aria as { label?: { description?: string } } | undefined;
  return aria?.label?.description ?? '';
}
