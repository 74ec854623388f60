import { Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type EntitySummary, type ProvinceOverview } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { FigureValue, FoldedSource } from '../components/FigureText';
import { SearchBox } from '../components/GlobalSearch';
import { LoadState } from '../components/LoadState';
import { Milestones } from '../components/Milestones';
import { useSession } from '../session';
import { useCall } from '../useCall';
import { hrefFor } from '../useRoute';

export function OverviewPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const [loaded, retry] = useCall(async () => {
    const api = getApi();
    const [province, entities] = await Promise.all([api.getProvince({}), api.listEntities({})]);
    return { province, entities };
  }, [dataVersion]);
  return (
    <LoadState loaded={loaded} lang={lang} retry={retry}>
      {({ province, entities }) => (
        <>
          <Typography.Title level={1} style={{ fontSize: 26 }}>
            {t('overview.heading')}
          </Typography.Title>
          <SearchBox lang={lang} />
          <ProvinceFigures province={province} lang={lang} />
          <Typography.Title level={2} style={{ fontSize: 20, marginTop: 32 }}>
            {t('overview.groupsHeading')}
          </Typography.Title>
          {CATEGORIES.map((category) => (
            <EntityGroup key={category} title={t(`category.${category}`)} entities={entities.filter((e) => e.category === category)} lang={lang} milestoneYears={province.milestones.map((m) => m.year)} />
          ))}
          <Milestones province={province} lang={lang} />
        </>
      )}
    </LoadState>
  );
}

function ProvinceFigures({ province, lang }: { province: ProvinceOverview; lang: Lang }): React.JSX.Element {
  const { catalog } = useSession();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="province-heading">
      <Typography.Title level={2} id="province-heading" style={{ fontSize: 20 }}>
        {t('overview.provinceHeading')}
      </Typography.Title>
      <Row gutter={[16, 16]} align="stretch">
        {province.figures.map((f) => (
          <Col key={f.id} xs={24} md={12} xl={6}>
            <Card size="small" style={{ height: '100%' }}>
              <article aria-label={`${t(`scope.${f.scope}`)} · ${catalog.metricName(f.metric, lang)}`}>
                <div style={{ opacity: 0.78, fontSize: 13 }}>
                  {t(`scope.${f.scope}`)} · {catalog.metricName(f.metric, lang)} · {f.period}
                </div>
                <div style={{ fontSize: 26, fontWeight: 600, margin: '4px 0 8px' }}>
                  <FigureValue figure={f} lang={lang} />
                </div>
                <FoldedSource figure={f} sources={province.sources} />
              </article>
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}

function EntityGroup({ title, entities, lang, milestoneYears }: { title: string; entities: EntitySummary[]; lang: Lang; milestoneYears: number[] }): React.JSX.Element {
  const { t } = useTranslation();
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  const name = (e: EntitySummary, l: Lang): string => (l === 'en' ? e.name.en : e.name.zh);
  return (
    <section aria-label={title} style={{ marginTop: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 17 }}>
        {title} <Tag>{t('overview.entityCount', { count: entities.length })}</Tag>
      </Typography.Title>
      <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 12 }}>
        {entities.map((e) => (
          <li key={e.id}>
            <Card size="small" hoverable style={{ height: '100%' }}>
              <a href={hrefFor({ name: 'entity', id: e.id })} style={{ display: 'block', fontWeight: 600, fontSize: 15 }}>
                {name(e, lang)}
              </a>
              <div style={{ opacity: 0.78, fontSize: 12 }} lang={other}>
                {name(e, other)}
              </div>
              <div style={{ marginTop: 6 }}>
                {/* The tier when there is one; a future industry has none, but has the action plan's target years. */}
                {e.tier ? (
                  <Tag color="blue">{t(`tier.${e.tier}`)}</Tag>
                ) : e.category === 'future' && milestoneYears.length > 0 ? (
                  <span style={{ fontSize: 13 }}>{t('overview.futureTargets', { years: [...new Set(milestoneYears)].join(lang === 'en' ? ', ' : '、') })}</span>
                ) : (
                  <Tag>{t('tier.none')}</Tag>
                )}
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
