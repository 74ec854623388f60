/** A choice of one metric, named by a visible label (found by role and name: combobox "指标"). */
import { Select, Space } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Metric } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import { useSession } from '../session';

export function MetricSelect({ metrics, value, onChange }: { metrics: readonly Metric[]; value: Metric; onChange: (m: Metric) => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { catalog } = useSession();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const id = useId();
  return (
    <Space>
      <label htmlFor={id}>{t('trend.metric')}</label>
      <Select id={id} style={{ minWidth: 200 }} value={value} onChange={onChange} options={metrics.map((m) => ({ value: m, label: catalog.metricName(m, lang) }))} />
    </Space>
  );
}
