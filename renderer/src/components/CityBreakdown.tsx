/**
 * An entity's figures by city (issue 12): for a chosen metric, the latest period that has city
 * figures, one row and one bar per city (largest first). Shown only when the entity has city figures.
 */
import { useDarkTheme } from '../darkTheme';
import { Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareChartOption } from '../../../shared/charts/series';
import type { Figure } from '../../../shared/domain';
import { formatFigure } from '../../../shared/format';
import type { Lang } from '../../../shared/i18n';
import { useSession } from '../session';
import { EChart } from './EChart';

interface CityRow {
  figure: Figure;
  city: string;
}

/** The latest period of `metric` among city figures, and each city's figure in it (the newest change if two). */
export function latestByCity(figures: readonly Figure[], metric: string): { period: string | null; figures: Figure[] } {
  const own = figures.filter((f) => f.cityCode !== null && f.metric === metric);
  const period = own.reduce<string | null>((p, f) => (p === null || f.period > p ? f.period : p), null);
  const byCity = new Map<string, Figure>();
  for (const f of own.filter((x) => x.period === period)) {
    const seen = byCity.get(f.cityCode!);
    if (!seen || f.changedAt > seen.changedAt) byCity.set(f.cityCode!, f);
  }
  return { period, figures: [...byCity.values()].sort((a, b) => b.value - a.value) };
}

export function CityBreakdown({ figures, lang }: { figures: readonly Figure[]; lang: Lang }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { catalog } = useSession();
  const metrics = useMemo(() => [...new Set(figures.filter((f) => f.cityCode !== null).map((f) => f.metric))], [figures]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const metric = chosen !== undefined && metrics.includes(chosen) ? chosen : metrics[0];
  const latest = useMemo(() => (metric === undefined ? null : latestByCity(figures, metric)), [figures, metric]);
  const dark = useDarkTheme();
  const names = lang === 'en' ? 'en' : 'zh';
  const rows: CityRow[] = (latest?.figures ?? []).map((figure) => ({ figure, city: catalog.cityName(figure.cityCode, lang) ?? '' }));
  const option = useMemo(
    () =>
      latest && latest.figures.length > 0
        ? compareChartOption(
            latest.figures.map((f) => ({ name: { zh: catalog.cityName(f.cityCode, 'zh-CN') ?? '', en: catalog.cityName(f.cityCode, 'en') ?? '' }, value: f.value, qualifier: f.qualifier, period: f.period })),
            latest.figures[0]!.unit,
            names,
            { dark },
            metric === undefined ? null : (catalog.metric(metric)?.unitLabel ?? null),
          )
        : null,
    [latest, catalog, names, dark, metric],
  );
  if (metric === undefined || !latest) return null;
  const unitLabel = catalog.metric(metric)?.unitLabel ?? null;
  const title = t('catalog.byCityChart', { metric: catalog.metricName(metric, lang), period: latest.period ?? '' });
  const described = `${title}: ${rows.map((r) => `${r.city} ${formatFigure(r.figure, lang, unitLabel)}`).join(lang === 'en' ? '; ' : '；')}`;
  return (
    <section aria-labelledby="cities-heading" style={{ marginTop: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} id="cities-heading" style={{ fontSize: 20, margin: 0 }}>
          {t('catalog.byCity')}
        </Typography.Title>
        <Select aria-label={t('catalog.byCityMetric')} style={{ minWidth: 200 }} value={metric} onChange={setChosen} options={metrics.map((m) => ({ value: m, label: catalog.metricName(m, lang) }))} />
      </Space>
      <Table<CityRow>
        style={{ marginTop: 12 }}
        aria-label={title}
        rowKey={(r) => r.figure.id}
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('catalog.city'), key: 'city', render: (_, r) => r.city },
          { title: t('figure.period'), key: 'period', render: (_, r) => r.figure.period },
          { title: t('figure.value'), key: 'value', align: 'right', render: (_, r) => formatFigure(r.figure, lang, unitLabel) },
        ]}
      />
      {option ? <EChart option={option} label={described} dark={dark} height={Math.max(120, 40 + rows.length * 32)} /> : null}
    </section>
  );
}
