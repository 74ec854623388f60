/** An entity's trend on its page: one metric across periods (the metric with the most periods first). */
import { useDarkTheme } from '../darkTheme';
import { Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTrend } from '../../../shared/charts/trend';
import type { EntityDetail, Metric } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import { useSession } from '../session';
import { MetricSelect } from './MetricSelect';
import { TrendChart } from './TrendChart';

export function EntityTrend({ entity, lang }: { entity: EntityDetail; lang: Lang }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { metrics: catalogMetrics, catalog } = useSession();
  const metrics = useMemo(() => catalogMetrics.map((m) => m.id).filter((m) => entity.figures.some((f) => f.metric === m)), [catalogMetrics, entity]);
  const periods = (m: Metric): number => new Set(entity.figures.filter((f) => f.metric === m).map((f) => f.period)).size;
  const [chosen, setChosen] = useState<Metric | null>(null);
  const metric = chosen && metrics.includes(chosen) ? chosen : metrics.reduce<Metric | null>((best, m) => (best === null || periods(m) > periods(best) ? m : best), null);
  const trend = useMemo(() => (metric ? buildTrend([{ name: entity.name, figures: entity.figures }], metric, { zh: catalog.metricName(metric, 'zh-CN'), en: catalog.metricName(metric, 'en') }) : null), [entity, metric, catalog]);
  const dark = useDarkTheme();
  if (!metric || !trend) return null;
  return (
    <section aria-labelledby="trend-heading" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="trend-heading" style={{ fontSize: 20 }}>
        {t('trend.heading')}
      </Typography.Title>
      <MetricSelect metrics={metrics} value={metric} onChange={setChosen} />
      <TrendChart trend={trend} lang={lang} dark={dark} />
    </section>
  );
}
