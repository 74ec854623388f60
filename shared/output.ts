/**
 * An entity's output value as a briefing should state it: its latest output-value figure where it
 * has one, else the lower bound of its output tier; and whether the two disagree. Runs anywhere.
 */
import { TIER_LOWER_BOUND_100M_YUAN, TIERS, type EntityDetail, type Figure, type Qualifier, type Tier, type Unit } from './domain';

const YUAN_PER: Partial<Record<Unit, number>> = { yuan: 1, '10k_yuan': 1e4, '100m_yuan': 1e8 };

/** A money figure in 亿元 (100 million yuan); null for percentages and counts. */
export function in100mYuan(f: Pick<Figure, 'value' | 'unit'>): number | null {
  const per = YUAN_PER[f.unit];
  return per === undefined ? null : Number.parseFloat(((f.value * per) / 1e8).toPrecision(15));
}

/** The entity's own province-wide output-value figure of the latest period (the newest change breaks a tie), in money units. */
export function latestOutputFigure(e: Pick<EntityDetail, 'figures'>): Figure | null {
  let best: Figure | null = null;
  for (const f of e.figures) {
    // A target ("到2027年达到…") is a plan, not output: charted among 2023 values it read as achieved. A city's
    // figure is that city's part (深圳 60亿元): charted and tiered under the cluster's name it read as the whole.
    if (f.metric !== 'output_value' || f.scope !== 'entity' || f.qualifier === 'target' || (f.cityCode ?? null) !== null || in100mYuan(f) === null) continue;
    if (!best || f.period > best.period || (f.period === best.period && f.changedAt > best.changedAt)) best = f;
  }
  return best;
}

/** The tier an amount in 亿元 falls in; "nearly" values lie just below their number. Null below every tier. */
export function tierOfAmount(value100m: number, qualifier: Qualifier): Tier | null {
  for (const tier of TIERS) {
    const bound = TIER_LOWER_BOUND_100M_YUAN[tier];
    if (value100m > bound || (value100m === bound && qualifier !== 'nearly')) return tier;
  }
  return null;
}

export interface OutputStatement {
  /** In 亿元. */
  value: number;
  qualifier: Qualifier;
  figure: Figure | null;
  /** Set when the latest figure falls outside the entity's tier: the tier it would be in (null: below every tier). */
  disagreesWithTier: { tier: Tier; figureTier: Tier | null } | null;
}

export function outputStatement(e: Pick<EntityDetail, 'figures' | 'tier'>): OutputStatement | null {
  const f = latestOutputFigure(e);
  if (f) {
    const value = in100mYuan(f)!;
    const figureTier = tierOfAmount(value, f.qualifier);
    const disagrees = e.tier !== null && f.qualifier !== 'target' && figureTier !== e.tier ? { tier: e.tier, figureTier } : null;
    return { value, qualifier: f.qualifier, figure: f, disagreesWithTier: disagrees };
  }
  if (e.tier === null) return null;
  return { value: TIER_LOWER_BOUND_100M_YUAN[e.tier], qualifier: 'over', figure: null, disagreesWithTier: null };
}
