/**
 * A trend as the page shows it (shared/charts/trend.ts): when only one period is on record, that
 * there is no trend to draw yet (and the chart compares that period's values); the line chart with its screen-reader description; then the
 * year-on-year changes, each marked as computed (never stored), or why there is none for the latest
 * period; and how many figures of other periods were left out.
 */
import { Typography } from 'antd';
import { colonOf } from '../../../shared/format';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { trendDescription, trendOption, type Trend } from '../../../shared/charts/trend';
import type { Lang } from '../../../shared/i18n';
import { formatYoy } from '../../../shared/yoy';
import { EChart } from './EChart';

export function TrendChart({ trend, lang, dark }: { trend: Trend; lang: Lang; dark: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const option = useMemo(() => trendOption(trend, lang, { dark }), [trend, lang, dark]);
  const label = useMemo(() => trendDescription(trend, lang), [trend, lang]);
  const many = trend.lines.length > 1;
  const name = (n: { zh: string; en: string }): string => (lang === 'en' ? n.en : n.zh);
  const colon = colonOf(lang);
  const changes = trend.lines.flatMap((l) => l.points.flatMap((p) => (p.change.ok ? [{ key: `${name(l.name)} ${p.period}`, text: `${many ? `${name(l.name)} · ` : ''}${p.period}${colon}${formatYoy(p.change.yoy, lang)}` }] : [])));
  // With no change to list, say why the latest period of the (first) line has none.
  const latest = trend.lines.find((l) => l.points.length > 0)?.points.at(-1);
  return (
    <>
      {/* One period is one point a line: said before the chart, which then compares that period's
          values as bars (trendOption). */}
      {trend.periods.length === 1 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('trend.onePeriod', { period: trend.periods[0] })}
        </Typography.Paragraph>
      ) : null}
      <EChart option={option} label={label} dark={dark} height={many ? 360 : 300} />
      {trend.periods.length > 1 && trend.lines.some((l) => l.points.some((p) => p.figure.qualifier === 'over' || p.figure.qualifier === 'at_least')) ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('trend.lowerBounds')}
        </Typography.Paragraph>
      ) : null}
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 8 }} id={`yoy-${trend.metric}-${many ? 'compare' : 'one'}`}>
        {t('trend.yoyList')}
      </Typography.Title>
      {changes.length > 0 ? (
        <ul aria-labelledby={`yoy-${trend.metric}-${many ? 'compare' : 'one'}`} style={{ margin: 0, paddingLeft: 18 }}>
          {changes.map((c) => (
            <li key={c.key}>{c.text}</li>
          ))}
        </ul>
      ) : latest && !latest.change.ok ? (
        <Typography.Text type="secondary">{t(`yoy.${latest.change.why}`)}</Typography.Text>
      ) : null}
      {trend.leftOut > 0 ? (
        <div>
          <Typography.Text type="secondary">{t('trend.otherPeriods', { count: trend.leftOut })}</Typography.Text>
        </div>
      ) : null}
    </>
  );
}
