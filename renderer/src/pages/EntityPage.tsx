import { App, Badge, Button, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { Confirm } from '../components/Confirm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDetail, Figure } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { AnnotationsPanel } from '../components/Annotations';
import { CityBreakdown } from '../components/CityBreakdown';
import { EntityFormButton } from '../components/EntityForm';
import { EntityTrend } from '../components/EntityTrend';
import { FigureDrawer, type DrawerTarget } from '../components/FigureDrawer';
import { FigureSource, FigureValue } from '../components/FigureText';
import { HistoryPanel } from '../components/HistoryPanel';
import { LoadState } from '../components/LoadState';
import { Milestones } from '../components/Milestones';
import { TierCheck } from '../components/TierCheck';
import { useSession } from '../session';
import { useCall } from '../useCall';

const NOWRAP = (): React.HTMLAttributes<HTMLElement> => ({ style: { whiteSpace: 'nowrap' } });
const WRAP = (): React.HTMLAttributes<HTMLElement> => ({ style: { minWidth: 240, maxWidth: 560, overflowWrap: 'anywhere' } });

export function EntityPage({ id, lang }: { id: string; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const [loaded, retry] = useCall(() => getApi().getEntity({ id }), [id, dataVersion]);
  return (
    <>
      <Button href="#/" style={{ marginBottom: 16 }}>
        ← {t('nav.backToOverview')}
      </Button>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {(entity) => <EntityView entity={entity} lang={lang} />}
      </LoadState>
    </>
  );
}

function EntityView({ entity, lang }: { entity: EntityDetail; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { changed, showError, catalog } = useSession();
  const { message } = App.useApp();
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const name = lang === 'en' ? entity.name.en : entity.name.zh;
  const openCount = (f: Figure): number => entity.annotations.filter((a) => a.targetType === 'figure' && a.targetId === String(f.id) && a.status === 'open').length;
  const remove = async (): Promise<void> => {
    try {
      await getApi().deleteItem({ targetType: 'entity', targetId: entity.id });
      changed();
      // Said, with the way back (it just jumped to the overview).
      void message.success(t('entityForm.deletedWhat', { name }));
      window.location.hash = '#/';
    } catch (error) {
      showError(error);
    }
  };
  return (
    <article aria-labelledby="entity-heading">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} id="entity-heading" style={{ fontSize: 26, margin: 0 }}>
          {name}
        </Typography.Title>
        <Space wrap>
          <Button type="primary" onClick={() => setDrawer({ id: null, defaults: { scope: 'entity', entityId: entity.id } })}>
            {t('workbench.addFigure')}
          </Button>
          <EntityFormButton mode="update" entity={entity} />
          <Confirm title={t('entityForm.deleteConfirm')} onConfirm={() => void remove()} okText={t('entityForm.delete')} cancelText={t('figureForm.cancel')} placement="bottomRight">
            <Button danger>{t('entityForm.delete')}</Button>
          </Confirm>
        </Space>
      </Space>
      <div style={{ height: 12 }} />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('entity.chineseName')}>{entity.name.zh}</Descriptions.Item>
        <Descriptions.Item label={t('entity.englishName')}>{entity.name.en}</Descriptions.Item>
        <Descriptions.Item label={t('entity.category')}>{t(`category.${entity.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('tier.label')}>
          <Tag color={entity.tier ? 'blue' : 'default'}>{entity.tier ? t(`tier.${entity.tier}`) : t('tier.none')}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <TierCheck entity={entity} lang={lang} />

      <section aria-labelledby="figures-heading" style={{ marginTop: 24 }}>
        <Typography.Title level={2} id="figures-heading" style={{ fontSize: 20 }}>
          {t('entity.figuresHeading')}
        </Typography.Title>
        {entity.figures.length === 0 ? (
          <Empty description={t('entity.noFigures')} />
        ) : (
          <Table<Figure>
            rowKey="id"
            pagination={false}
            dataSource={entity.figures}
            aria-label={t('entity.figuresHeading')}
            // Short columns keep their words whole; a long source quote wraps in its own column.
            columns={[
              { title: t('figure.metric'), key: 'metric', onCell: NOWRAP, onHeaderCell: NOWRAP, render: (_, f) => [catalog.metricName(f.metric, lang), catalog.cityName(f.cityCode, lang)].filter(Boolean).join(' · ') },
              { title: t('figure.value'), key: 'value', align: 'right', onCell: NOWRAP, onHeaderCell: NOWRAP, render: (_, f) => <FigureValue figure={f} lang={lang} /> },
              { title: t('figure.period'), dataIndex: 'period', onCell: NOWRAP, onHeaderCell: NOWRAP },
              { title: t('figure.source'), key: 'source', onCell: WRAP, render: (_, f) => <FigureSource figure={f} sources={entity.sources} /> },
              { title: t('figure.note'), dataIndex: 'note', onCell: () => ({ style: { minWidth: 120 } }), render: (note: string | null) => note ?? '' },
              {
                title: t('figuresTable.annotations'),
                key: 'annotations',
                onHeaderCell: NOWRAP,
                render: (_, f) => (openCount(f) > 0 ? <Badge count={openCount(f)} color="orange" title={t('figuresTable.openCount', { count: openCount(f) })} /> : null),
              },
              {
                title: t('figuresTable.actions'),
                key: 'actions',
                onHeaderCell: NOWRAP,
                render: (_, f) => {
                  const label = `${name} · ${catalog.metricName(f.metric, lang)} · ${f.period}`;
                  return (
                    <Button size="small" aria-label={t('figuresTable.edit', { name: label })} onClick={() => setDrawer({ id: f.id, name: label })}>
                      {t('annotations.edit')}
                    </Button>
                  );
                },
              },
            ]}
          />
        )}
      </section>

      {entity.category === 'future' ? <FutureGoals key={entity.id} lang={lang} /> : null}
      <EntityTrend entity={entity} lang={lang} />
      {entity.figures.some((f) => f.cityCode !== null) ? <CityBreakdown figures={entity.figures} lang={lang} /> : null}

      <section aria-labelledby="annotations-heading" style={{ marginTop: 24 }}>
        <Typography.Title level={2} id="annotations-heading" style={{ fontSize: 20 }}>
          {t('entity.annotationsHeading')}
        </Typography.Title>
        <AnnotationsPanel targetType="entity" targetId={entity.id} lang={lang} />
      </section>

      <section aria-labelledby="history-heading" style={{ marginTop: 24 }}>
        <Typography.Title level={2} id="history-heading" style={{ fontSize: 20 }}>
          {t('history.heading')}
        </Typography.Title>
        <HistoryPanel targetType="entity" targetId={entity.id} name={name} lang={lang} />
      </section>
      <FigureDrawer target={drawer} lang={lang} onClose={() => setDrawer(null)} />
    </article>
  );
}

/** A future industry's page: the action plan's goals, set for all the future industries together (the overview lists them too). */
function FutureGoals({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const [loaded, retry] = useCall(() => getApi().getProvince({}), [dataVersion]);
  return (
    <LoadState loaded={loaded} lang={lang} retry={retry}>
      {(province) => (province.milestones.length > 0 ? <Milestones province={province} lang={lang} intro={t('entity.futureGoalsIntro')} /> : null)}
    </LoadState>
  );
}
