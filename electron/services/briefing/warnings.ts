/**
 * What the briefing builder warns about before export: the chosen industries whose latest output
 * figure falls outside their output tier (the briefing prints the figure; the tier may need updating).
 */
import type { BriefingRequest, BriefingWarnings, TierDisagreement } from '../../../shared/briefing';
import { outputStatement } from '../../../shared/output';
import type { DB } from '../db/open';
import { getEntity, listEntities } from '../db/read';

export function briefingWarnings(db: DB, request: BriefingRequest): BriefingWarnings {
  const known = new Set(listEntities(db).map((e) => e.id));
  const ids = request.entityIds.length ? request.entityIds.filter((id) => known.has(id)) : [...known];
  const tierDisagreements: TierDisagreement[] = [];
  for (const id of ids) {
    const e = getEntity(db, id);
    const s = outputStatement(e);
    if (!s?.disagreesWithTier || !s.figure) continue;
    const f = s.figure;
    tierDisagreements.push({ entityId: e.id, name: e.name, tier: s.disagreesWithTier.tier, figureTier: s.disagreesWithTier.figureTier, figureId: f.id, value: f.value, unit: f.unit, qualifier: f.qualifier, period: f.period });
  }
  return { tierDisagreements };
}
