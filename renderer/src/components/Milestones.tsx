/** The action plan's goals for the future industries, each with its source: on the overview, and on each future industry's page. */
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProvinceOverview } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import { FoldedSource } from './FigureText';

export function Milestones({ province, lang, intro }: { province: ProvinceOverview; lang: Lang; intro?: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="milestones-heading" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="milestones-heading" style={{ fontSize: 20 }}>
        {t('overview.milestonesHeading')}
      </Typography.Title>
      {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
      {province.milestones.map((m) => (
        <Card key={m.id} size="small" style={{ marginBottom: 12 }}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('overview.milestoneYear', { year: m.year })}
          </Typography.Title>
          <p>{lang === 'en' ? m.text.en : m.text.zh}</p>
          <FoldedSource figure={m} sources={province.sources} />
        </Card>
      ))}
    </section>
  );
}
