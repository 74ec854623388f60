import { Button, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityDetail, Figure } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { FigureSource, FigureValue } from '../components/FigureText';
import { LoadState } from '../components/LoadState';
import { useCall } from '../useCall';

export function EntityPage({ id, lang }: { id: string; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const [loaded, retry] = useCall(() => getApi().getEntity({ id }), [id]);
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
  return (
    <article aria-labelledby="entity-heading">
      <Typography.Title level={1} id="entity-heading" style={{ fontSize: 26 }}>
        {lang === 'en' ? entity.name.en : entity.name.zh}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('entity.chineseName')}>{entity.name.zh}</Descriptions.Item>
        <Descriptions.Item label={t('entity.englishName')}>{entity.name.en}</Descriptions.Item>
        <Descriptions.Item label={t('entity.category')}>{t(`category.${entity.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('tier.label')}>
          <Tag color={entity.tier ? 'blue' : 'default'}>{entity.tier ? t(`tier.${entity.tier}`) : t('tier.none')}</Tag>
        </Descriptions.Item>
      </Descriptions>

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
            columns={[
              { title: t('figure.metric'), key: 'metric', render: (_, f) => t(`metric.${f.metric}`) },
              { title: t('figure.value'), key: 'value', render: (_, f) => <FigureValue figure={f} lang={lang} /> },
              { title: t('figure.period'), dataIndex: 'period' },
              { title: t('figure.source'), key: 'source', render: (_, f) => <FigureSource figure={f} sources={entity.sources} /> },
              { title: t('figure.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="annotations-heading" style={{ marginTop: 24 }}>
        <Typography.Title level={2} id="annotations-heading" style={{ fontSize: 20 }}>
          {t('entity.annotationsHeading')}
        </Typography.Title>
        {entity.annotations.length === 0 ? (
          <Typography.Text type="secondary">{t('entity.noAnnotations')}</Typography.Text>
        ) : (
          <ul>
            {entity.annotations.map((a) => (
              <li key={a.id}>
                <Typography.Text strong>{a.author}</Typography.Text> · {a.updatedAt.slice(0, 16).replace('T', ' ')} · <Tag>{a.status}</Tag>
                <div style={{ whiteSpace: 'pre-wrap' }}>{a.body}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
