/** A choice of one metric, named by a visible label (found by role and name: combobox "指标"). */
import { Select, Space } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Metric } from '../../../shared/domain';

export function MetricSelect({ metrics, value, onChange }: { metrics: readonly Metric[]; value: Metric; onChange: (m: Metric) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Space>
      <label htmlFor={id}>{t('trend.metric')}</label>
      <Select id={id} style={{ minWidth: 200 }} value={value} onChange={onChange} options={metrics.map((m) => ({ value: m, label: t(`metric.${m}`) }))} />
    </Space>
  );
}
