/**
 * The dashboard's trend comparison: one metric, up to five industries (MAX_TREND_ENTITIES), a line
 * each, with year-on-year changes computed where both periods exist.
 */
import { Empty, Select, Space } from 'antd';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTrend, MAX_TREND_ENTITIES } from '../../../shared/charts/trend';
import type { EntitySummary, Metric } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { useSession } from '../session';
import { useCall } from '../useCall';
import { LoadState } from './LoadState';
import { entityChoices } from './entityChoices';
import { MetricSelect } from './MetricSelect';
import { TrendChart } from './TrendChart';

export function TrendCompare({ entities, lang, dark }: { entities: EntitySummary[]; lang: Lang; dark: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion, metrics, catalog } = useSession();
  const id = useId();
  const [metric, setMetric] = useState<Metric>('output_value');
  const [ids, setIds] = useState<string[]>(() => entities.slice(0, MAX_TREND_ENTITIES).map((e) => e.id));
  const [loaded, retry] = useCall(() => Promise.all(ids.map((entityId) => getApi().getEntity({ id: entityId }))), [ids.join(','), dataVersion]);
  const options = useMemo(() => entityChoices(entities, (e) => (lang === 'en' ? e.name.en : e.name.zh), lang, t), [entities, lang, t]);
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <MetricSelect metrics={metrics.map((m) => m.id)} value={metric} onChange={setMetric} />
        <label htmlFor={id}>{t('trend.entities')}</label>
        <Select id={id} mode="multiple" maxCount={MAX_TREND_ENTITIES} style={{ minWidth: 320 }} value={ids} onChange={setIds} options={options} showSearch={{ optionFilterProp: 'label' }} />
      </Space>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {(details) => {
          // The chart and its description name an industry as its choice does: two 先进材料 bars read alike.
          const label = new Map(options.map((o) => [o.value, o.label]));
          const named = details.map((d) => ({ ...d, name: { ...d.name, [lang === 'en' ? 'en' : 'zh']: label.get(d.id) ?? (lang === 'en' ? d.name.en : d.name.zh) } }));
          const trend = buildTrend(named, metric, { zh: catalog.metricName(metric, 'zh-CN'), en: catalog.metricName(metric, 'en') });
          return trend ? <TrendChart trend={trend} lang={lang} dark={dark} /> : <Empty description={t('trend.noFigures')} />;
        }}
      </LoadState>
    </>
  );
}
