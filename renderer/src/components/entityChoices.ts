/**
 * An industry select's choices. A label two industries share (先进材料 Advanced materials: a pillar
 * cluster and a future industry) names the category ("先进材料（未来产业）", "Advanced materials (Future
 * industries)"): two identical choices left the person to guess which one a 简报 or a chart would draw.
 */
import type { EntitySummary } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';

export function entityChoices(entities: readonly EntitySummary[], label: (e: EntitySummary) => string, lang: Lang, t: (key: string) => string): { value: string; label: string }[] {
  const labels = entities.map(label);
  const shared = new Set(labels.filter((l, i) => labels.indexOf(l) !== i));
  return entities.map((e, i) => {
    const category = t(`category.${e.category}`);
    return { value: e.id, label: shared.has(labels[i]!) ? (lang === 'en' ? `${labels[i]} (${category})` : `${labels[i]}（${category}）`) : labels[i]! };
  });
}
