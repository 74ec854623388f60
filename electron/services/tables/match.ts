/**
 * Matching what a table writes to what the data file knows: entities (by Chinese or English name or
 * id: exact, then normalized, else suggestions by similarity that the analyst confirms), cities (with
 * or without 市; 全省/广东省/Guangdong for the whole province), metrics of the catalog and units.
 */
import type { Bilingual, Qualifier, Unit } from '../../../shared/domain';
import type { EntityChoice } from '../../../shared/table-import';
import type { City, MetricDef } from '../../../shared/metrics';
import { listCities, readMetrics } from '../db/metrics';
import type { DB } from '../db/open';
import { enumLookup } from '../workbook/layout';

export type CatalogMetric = MetricDef;

export interface Catalog {
  entities: { id: string; name: Bilingual }[];
  cities: City[];
  metrics: Map<string, MetricDef>;
}

/** The live entities, the cities and the metric catalog (db/metrics.ts). */
export function readCatalog(db: DB): Catalog {
  const entities = (db.prepare(`SELECT id, name_zh AS zh, name_en AS en FROM entities WHERE deleted_at IS NULL ORDER BY sort_order, id`).all() as { id: string; zh: string; en: string }[]).map((e) => ({
    id: e.id,
    name: { zh: e.zh, en: e.en },
  }));
  return { entities, cities: listCities(db), metrics: new Map(readMetrics(db).map((m) => [m.id, m])) };
}

/** Case, width, spaces and punctuation ignored: "Smart  Robots" = "smart-robots" = "ＳＭＡＲＴ robots". */
export const normalizeName = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/** Words a cluster's name often carries in a table but not in the app ("智能机器人产业集群", "Smart robots cluster"). */
const trimCluster = (s: string): string => s.replace(/(战略性)?(新兴)?(产业集群|产业|集群)$/u, '').replace(/(industry|industries|clusters?|sector)$/u, '');

const PROVINCE_WORDS = new Set(['全省', '广东', '广东省', '全省合计', 'guangdong', 'guangdongprovince', 'province', 'wholeprovince'].map(normalizeName));

/** Similarity of two names (Dice coefficient over character pairs; single characters for short names). */
export function similarity(a: string, b: string): number {
  const grams = (s: string): string[] => (s.length < 2 ? [s] : Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2)));
  const [x, y] = [grams(a), grams(b)];
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** A name two entities share (先进材料: a pillar cluster and a future industry) matches neither: the analyst picks. */
const AMBIGUOUS = '';

export class EntityMatcher {
  private readonly exact = new Map<string, string>();
  private readonly normalized = new Map<string, string>();
  constructor(private readonly catalog: Catalog) {
    const put = (map: Map<string, string>, name: string, id: string): void => {
      const there = map.get(name);
      map.set(name, there === undefined || there === id ? id : AMBIGUOUS);
    };
    for (const e of catalog.entities)
      for (const name of [e.id, e.name.zh, e.name.en]) {
        put(this.exact, name.trim(), e.id);
        put(this.normalized, normalizeName(name), e.id);
        put(this.normalized, trimCluster(normalizeName(name)), e.id);
      }
  }

  /** The entity or province-wide scope a name means, or null (then `suggest`): an ambiguous name is null. */
  match(name: string): EntityChoice | null {
    const id = this.exact.get(name.trim()) ?? this.normalized.get(normalizeName(name)) ?? this.normalized.get(trimCluster(normalizeName(name)));
    if (id) return { entityId: id };
    if (id === AMBIGUOUS) return null;
    return PROVINCE_WORDS.has(normalizeName(name)) ? { scope: 'province' } : null;
  }

  /** Entities whose names resemble `name`, best first (at most three, none below 0.3). */
  suggest(name: string): { entityId: string; name: Bilingual; score: number }[] {
    const n = trimCluster(normalizeName(name));
    return this.catalog.entities
      .map((e) => ({ entityId: e.id, name: e.name, score: Math.max(similarity(n, trimCluster(normalizeName(e.name.zh))), similarity(n, trimCluster(normalizeName(e.name.en)))) }))
      .filter((s) => s.score >= 0.3)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }));
  }
}

/** A city by its code or name in either language, with or without 市 / "City"; undefined: unknown; null: the whole province. */
export function cityMatcher(catalog: Catalog): (text: string) => string | null | undefined {
  const names = new Map<string, string>();
  for (const c of catalog.cities) for (const name of [c.code, c.name.zh, c.name.zh.replace(/市$/, ''), c.name.en, `${c.name.en} city`]) names.set(normalizeName(name), c.code);
  return (text) => {
    const n = normalizeName(text);
    if (PROVINCE_WORDS.has(n)) return null;
    return names.get(n) ?? names.get(n.replace(/市$/, ''));
  };
}

export function metricMatcher(catalog: Catalog): (text: string) => CatalogMetric | undefined {
  const names = new Map<string, CatalogMetric>();
  for (const m of catalog.metrics.values()) for (const name of [m.id, m.name.zh, m.name.en]) names.set(normalizeName(name), m);
  return (text) => catalog.metrics.get(text.trim()) ?? names.get(normalizeName(text));
}

const UNITS = enumLookup('unit');
const EXTRA_UNITS = new Map<string, Unit>([
  ['%', 'percent'],
  ['％', 'percent'],
  ['百分比', 'percent'],
  ['家', 'count'],
  ['项', 'count'],
  ['户', 'count'],
  ['人', 'count'],
  ['件', 'count'],
  ['yuan', 'yuan'],
  ['rmb', 'yuan'],
  ['10,000 yuan', '10k_yuan'],
  ['100 million yuan', '100m_yuan'],
  ['100m yuan', '100m_yuan'],
]);
export const matchUnit = (text: string): Unit | undefined => UNITS.get(text.trim()) ?? UNITS.get(text.normalize('NFKC').trim().toLowerCase()) ?? EXTRA_UNITS.get(text.normalize('NFKC').trim().toLowerCase());

const QUALIFIERS = enumLookup('qualifier');
const EXTRA_QUALIFIERS = new Map<string, Qualifier>([
  ['约', 'about'],
  ['近', 'nearly'],
  ['超过', 'over'],
  ['逾', 'over'],
  ['至少', 'at_least'],
  ['目标', 'target'],
  ['', 'exact'],
]);
export const matchQualifier = (text: string): Qualifier | undefined => QUALIFIERS.get(text.trim()) ?? QUALIFIERS.get(text.normalize('NFKC').trim().toLowerCase()) ?? EXTRA_QUALIFIERS.get(text.trim());

/** The unit a metric's kind implies, when no column or fixed value gives one. */
export function impliedUnit(metric: CatalogMetric): Unit | null {
  return metric.kind === 'percent' ? 'percent' : metric.kind === 'count' ? 'count' : metric.kind === 'other' ? 'metric_unit' : null;
}
