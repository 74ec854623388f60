/**
 * The latest output figure against the output tier: where they disagree, the industry's page says so
 * beside the tier, and the briefing builder lists the industries and asks before exporting.
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TierDisagreement } from '../../../shared/briefing';
import { TIER_LOWER_BOUND_100M_YUAN, type EntityDetail } from '../../../shared/domain';
import { formatFigure, formatValue } from '../../../shared/format';
import type { Lang } from '../../../shared/i18n';
import { outputStatement } from '../../../shared/output';

/** A tier in the same words as any "over" figure: 超过100亿元 / over 10 billion yuan. */
export function tierWords(tier: TierDisagreement['tier'], lang: Lang): string {
  return formatValue(TIER_LOWER_BOUND_100M_YUAN[tier], '100m_yuan', 'over', lang);
}

export function TierCheck({ entity, lang }: { entity: EntityDetail; lang: Lang }): React.JSX.Element | null {
  const { t } = useTranslation();
  const s = outputStatement(entity);
  if (!s?.disagreesWithTier || !s.figure) return null;
  const { tier, figureTier } = s.disagreesWithTier;
  return (
    <Alert
      role="status"
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      title={t('tierCheck.disagrees', { value: formatFigure(s.figure, lang), period: s.figure.period, tier: tierWords(tier, lang) })}
      description={figureTier ? t('tierCheck.figureTier', { tier: tierWords(figureTier, lang) }) : t('tierCheck.belowAll')}
    />
  );
}

export function BriefingTierWarnings({ items, lang }: { items: TierDisagreement[]; lang: Lang }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Alert
      role="status"
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('tierCheck.builderTitle', { count: items.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {items.map((d) => (
            <li key={d.entityId}>
              {t('tierCheck.builderItem', { name: lang === 'en' ? d.name.en : d.name.zh, value: formatFigure(d, lang), period: d.period, tier: tierWords(d.tier, lang) })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
