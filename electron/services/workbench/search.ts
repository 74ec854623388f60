/**
 * The global search (Ctrl/⌘+K, the overview's box): entities by name whether or not they have
 * figures; figures by what they read as — their industry's (or group's) name, their metric's name
 * in the catalog, their city, their period, their value as printed with qualifier and unit
 * (shared/format.ts: 超过100亿元, over 10 billion yuan) — and by their note and quoted sentence;
 * annotations by body and tags, sources by title, publisher and excerpt. The FTS5 indexes and
 * matching rules of the figures table (shared/search.ts); snippets are cut between words.
 *
 * Figures are found without reading them all: each word typed is matched first against the small
 * tables (entities, cities, the metric catalog) and against the printed forms of a value (each
 * unit's size band × qualifier, a few hundred at most), and becomes one SQL condition over ids,
 * codes, units and value ranges, or'd with the note/quote index; every word must match.
 */
import type { z } from 'zod';
import { QUALIFIERS, Scope, UNITS, type Qualifier, type Unit } from '../../../shared/domain';
import { formatValue } from '../../../shared/format';
import { SearchQuery, type SearchResults } from '../../../shared/global-search';
import { MESSAGES } from '../../../shared/i18n';
import type { MetricDef } from '../../../shared/metrics';
import { ftsQuery, lead, queryTerms, searchText, snippet } from '../../../shared/search';
import { readMetrics } from '../db/metrics';
import type { DB } from '../db/open';
import { toFigure, type FigureRow } from '../db/rows';

/** Best match first (bm25: a short name that is mostly the term ranks above a long one that mentions it). */
const ENTITIES = /* sql */ `
  SELECT e.id, e.name_zh, e.name_en, e.category,
         (SELECT count(*) FROM figures f WHERE f.entity_id = e.id AND f.deleted_at IS NULL) AS figures
    FROM entities_fts JOIN entities e ON e.id = entities_fts.entity_id
   WHERE entities_fts MATCH @match AND e.deleted_at IS NULL
   ORDER BY entities_fts.rank, e.sort_order, e.id
   LIMIT @limit`;

const CITIES = /* sql */ `
  SELECT c.code, c.name_zh, c.name_en,
         (SELECT count(*) FROM figures f WHERE f.city_code = c.code AND f.deleted_at IS NULL) AS figures
    FROM cities_fts JOIN cities c ON c.code = cities_fts.city_code
   WHERE cities_fts MATCH @match
   ORDER BY cities_fts.rank, c.sort_order
   LIMIT @limit`;

/** Figures by id, in the order given. */
const FIGURES = /* sql */ `
  SELECT f.*, e.name_zh, e.name_en
    FROM json_each(?) j JOIN figures f ON f.id = j.value LEFT JOIN entities e ON e.id = f.entity_id
   ORDER BY j.key`;

const ENTITY_IDS = /* sql */ `SELECT entity_id FROM entities_fts WHERE entities_fts MATCH ?`;
const CITY_CODES = /* sql */ `SELECT city_code FROM cities_fts WHERE cities_fts MATCH ?`;

const ANNOTATIONS = /* sql */ `
  SELECT a.id, a.target_type, a.status, a.body, a.tags,
         coalesce(e.id, fe.id) AS entity_id, coalesce(e.name_zh, fe.name_zh) AS name_zh, coalesce(e.name_en, fe.name_en) AS name_en
    FROM annotations a
    LEFT JOIN entities e ON a.target_type = 'entity' AND e.id = a.target_id
    LEFT JOIN figures f ON a.target_type = 'figure' AND f.id = CAST(a.target_id AS INTEGER)
    LEFT JOIN entities fe ON fe.id = f.entity_id
   WHERE a.deleted_at IS NULL AND a.id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH @match)
   ORDER BY a.status = 'resolved', a.id DESC
   LIMIT @limit`;

const SOURCES = /* sql */ `
  SELECT s.id, s.title, s.publisher, s.excerpt,
         (SELECT f.entity_id FROM figures f JOIN entities e ON e.id = f.entity_id
           WHERE f.source_id = s.id AND f.deleted_at IS NULL AND e.deleted_at IS NULL ORDER BY e.sort_order LIMIT 1) AS entity_id
    FROM sources s
   WHERE s.deleted_at IS NULL AND s.id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH @match)
   ORDER BY s.id
   LIMIT @limit`;

type Named = { name_zh: string | null; name_en: string | null };
const nameOf = (r: Named): { zh: string; en: string } | null => (r.name_zh !== null && r.name_en !== null ? { zh: r.name_zh, en: r.name_en } : null);

/** Does `text` hold the term by the index's rule: its tokens as a phrase, the last one as a prefix ("产值" in 产值, "out" in Output value)? */
export function namedBy(text: string, term: string): boolean {
  const want = queryTerms(term)[0]?.map((t) => t.toLowerCase());
  if (!want) return false;
  const have = searchText(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const last = want.length - 1;
  return have.some((_, at) => want.every((t, i) => (i === last ? have[at + i]?.startsWith(t) : have[at + i] === t)));
}

/**
 * A value as it prints, without its number: `prefix` + number + `suffix` (超过 + 100 + 亿元, over + 10
 * + billion yuan), for the figures in one unit (and, for a metric's own unit, `metric`: one metric's
 * id, or null for those without a label), one size band (lo ≤ |value × scale| < hi) and one
 * qualifier; the printed number is the value times `factor`.
 */
interface ValueForm {
  prefix: string;
  suffix: string;
  unit: Unit;
  metric: { only: string } | { without: readonly string[] } | null;
  scale: number;
  lo: number;
  hi: number;
  qualifier: Qualifier;
  factor: number;
}

const MONEY_SCALE: Partial<Record<Unit, number>> = { yuan: 1, '10k_yuan': 1e4, '100m_yuan': 1e8 };
/** The sizes (in yuan) where the printed unit changes in either language: shared/format.ts formatAmount. */
const MONEY_BANDS = [0, 1e4, 1e6, 1e8, 1e9, 1e12, Infinity] as const;
const squash = (s: string): string => s.toLowerCase().replace(/[\s,，]/g, '');
const quoted = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const sqlNumber = (n: number): string => (n === Infinity ? '9e999' : String(n));

/** Every printed form a value can take in the catalog: each unit and size band × qualifier × language. */
function valueForms(metrics: readonly MetricDef[]): ValueForm[] {
  const forms: ValueForm[] = [];
  const add = (base: Pick<ValueForm, 'unit' | 'metric' | 'scale' | 'lo' | 'hi'>, label: MetricDef['unitLabel']): void => {
    const sample = (base.lo === 0 ? 1 : base.lo) / base.scale;
    for (const qualifier of QUALIFIERS) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = formatValue(sample, base.unit, qualifier, lang, label);
        const number = /-?\d[\d,.]*/.exec(text);
        if (!number) continue;
        // The sample prints as `printed`: any value in its band prints as value × printed / sample.
        const printed = Number(number[0].replace(/,/g, ''));
        forms.push({ ...base, qualifier, prefix: text.slice(0, number.index), suffix: text.slice(number.index + number[0].length), factor: printed / sample });
      }
    }
  };
  for (const unit of UNITS) {
    const scale = MONEY_SCALE[unit];
    if (scale !== undefined) {
      for (let b = 0; b + 1 < MONEY_BANDS.length; b++) add({ unit, metric: null, scale, lo: MONEY_BANDS[b]!, hi: MONEY_BANDS[b + 1]! }, null);
    } else if (unit === 'metric_unit') {
      const labelled = metrics.filter((m) => m.unitLabel !== null);
      for (const m of labelled) add({ unit, metric: { only: m.id }, scale: 1, lo: 0, hi: Infinity }, m.unitLabel);
      add({ unit, metric: { without: labelled.map((m) => m.id) }, scale: 1, lo: 0, hi: Infinity }, null);
    } else {
      add({ unit, metric: null, scale: 1, lo: 0, hi: Infinity }, null);
    }
  }
  return forms;
}

/** The forms of the catalog last asked for (formatting them each keystroke costs more than the query). */
let formsCache: { key: string; forms: ValueForm[] } | null = null;
function formsOf(metrics: readonly MetricDef[]): ValueForm[] {
  const key = JSON.stringify(metrics.filter((m) => m.unitLabel !== null).map((m) => [m.id, m.unitLabel]));
  if (formsCache?.key !== key) formsCache = { key, forms: valueForms(metrics) };
  return formsCache.forms;
}

/** A typed word holding a number: what comes before it, the number, what comes after ("超过" 100 "亿元"). */
const WITH_NUMBER = /^(\D*?)(-?\d+(?:\.\d+)?)(\D*)$/;
const LATIN_WORD = /^[a-z]+:?$/;

/**
 * The SQL for the figures whose value prints with the word typed, or null: a word without a number
 * is part of the qualifier or unit (亿元 in 3万亿元, billion, 超过); with one, the printed number is
 * that number and what is typed around it is what prints around it (100亿元, 超过100亿, 9.2%). One
 * CASE on the unit, so a row weighs only its own unit's few conditions; a number is a range of
 * values (the index on value can serve it).
 */
function valueCondition(term: string, forms: readonly ValueForm[]): string | null {
  const typed = squash(term);
  if (typed === '') return null;
  const parts = WITH_NUMBER.exec(typed);
  if (!parts && /\d/.test(typed)) return null;
  // Each condition found, with the qualifiers it holds for.
  const found = new Map<string, { unit: Unit; qualifiers: Set<Qualifier> }>();
  for (const form of forms) {
    const prefix = squash(form.prefix);
    const suffix = squash(form.suffix);
    let where: string;
    if (!parts) {
      // English words by their beginnings (as the index matches them), anything else within the words.
      const hit = LATIN_WORD.test(typed)
        ? `${form.prefix} ${form.suffix}`
            .toLowerCase()
            .split(/\s+/)
            .some((w) => w.startsWith(typed))
        : prefix.includes(typed) || suffix.includes(typed);
      if (!hit) continue;
      where = form.lo === 0 && form.hi === Infinity ? '1' : `abs(f.value * ${form.scale}) >= ${sqlNumber(form.lo)} AND abs(f.value * ${form.scale}) < ${sqlNumber(form.hi)}`;
    } else {
      const [, before = '', number = '', after = ''] = parts;
      if (!prefix.endsWith(before) || !suffix.startsWith(after)) continue;
      const n = Number(number);
      // The printed number is rounded to 15 digits and 10 decimals (formatAmount): equal within that.
      const tolerance = 5e-11 + Math.abs(n) * 1e-14;
      const [a, b] = [(n - tolerance) / form.factor, (n + tolerance) / form.factor];
      const [lo, hi] = [Math.min(Math.abs(a), Math.abs(b)) * form.scale, Math.max(Math.abs(a), Math.abs(b)) * form.scale];
      if (hi < form.lo || lo >= form.hi) continue;
      const inside = lo >= form.lo && hi < form.hi;
      where = `f.value BETWEEN ${a} AND ${b}${inside ? '' : ` AND abs(f.value * ${form.scale}) >= ${sqlNumber(form.lo)} AND abs(f.value * ${form.scale}) < ${sqlNumber(form.hi)}`}`;
    }
    if (form.metric) where += 'only' in form.metric ? ` AND f.metric = ${quoted(form.metric.only)}` : ` AND f.metric NOT IN (${form.metric.without.map(quoted).join(', ')})`;
    const key = `${form.unit}\u0000${where}`;
    const entry = found.get(key) ?? { unit: form.unit, qualifiers: new Set<Qualifier>() };
    entry.qualifiers.add(form.qualifier);
    found.set(key, entry);
  }
  if (found.size === 0) return null;
  const byUnit = new Map<Unit, string[]>();
  for (const [key, { unit, qualifiers }] of found) {
    const where = key.slice(key.indexOf('\u0000') + 1);
    const which = qualifiers.size === QUALIFIERS.length ? '' : ` AND f.qualifier IN (${[...qualifiers].map(quoted).join(', ')})`;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), `(${where}${which})`]);
  }
  // A number: ranges of values, each one the index on live figures' values can serve; else one CASE on the unit.
  if (parts) return [...byUnit].flatMap(([unit, ors]) => ors.map((or) => `(f.deleted_at IS NULL AND f.unit = ${quoted(unit)} AND ${or})`)).join(' OR ');
  return `CASE f.unit ${[...byUnit].map(([unit, ors]) => `WHEN ${quoted(unit)} THEN ${ors.join(' OR ')}`).join(' ')} ELSE 0 END`;
}

/**
 * The words typed, with the runs of them that together read as a value joined into one (over · 10 ·
 * billion · yuan; 超过 · 100 · 亿元): each word alone would also match the figures that print 10 in
 * another unit and mention "over" in a note.
 */
function valuePhrases(words: readonly string[], forms: readonly ValueForm[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let j = words.length;
    for (; j >= i + 2; j--) {
      const run = words.slice(i, j).join(' ');
      if (WITH_NUMBER.test(squash(run)) && valueCondition(run, forms) !== null) break;
    }
    if (j >= i + 2) {
      out.push(words.slice(i, j).join(' '));
      i = j;
    } else out.push(words[i++]!);
  }
  return out;
}

/** A period typed as stored or in Chinese words: 2024, 2024-Q1, 2024年, 2024年一季度, 2024年6月. */
function periodTyped(term: string): string | null {
  const t = term.trim().toUpperCase();
  if (/^\d{4}(?:-(?:Q[1-4]?|\d{1,2})?)?$/.test(t)) return t;
  const zh = /^(\d{4})年(?:([一二三四])季度|(\d{1,2})月)?$/.exec(term.trim());
  if (!zh) return null;
  const [, year, quarter, month] = zh;
  if (quarter) return `${year}-Q${'一二三四'.indexOf(quarter) + 1}`;
  if (month) return `${year}-${month.padStart(2, '0')}`;
  return year!;
}

const GROUP_SCOPES = Scope.options.filter((s) => s !== 'entity');

interface FigureSearch {
  /** What a figure must meet, and its parameters (named @w0, @w1, …: the figures table adds its own beside them). */
  where: string;
  params: Record<string, string>;
  /** The industries the query names. */
  named: readonly string[];
  /** Whether even the narrowest word may hold a large share of all figures (a metric, a unit). */
  broad: boolean;
}

/**
 * One query for the figures the words typed find: each word (as split by shared/search.ts) must be
 * found somewhere about the figure. Figures of an industry named by the query come first, then the
 * figures table's order. Each condition on a column repeats that the figure is live, so that SQLite
 * can serve a word's alternatives from the indexes on live figures (migration 2), one index each,
 * instead of reading every figure.
 */
function figureSearch(db: DB, q: string): FigureSearch | null {
  const metrics = readMetrics(db);
  const forms = formsOf(metrics);
  const params: Record<string, string> = {};
  /** A parameter's placeholder, the value kept. */
  const bind = (value: string): string => {
    const name = `w${Object.keys(params).length}`;
    params[name] = value;
    return `@${name}`;
  };
  const named: string[] = [];
  /** Each word's condition, and how many figures it may hold: 1 few (an industry, a city, a period, a number), 2 many (a metric), 3 read every figure (a unit). */
  const conditions: { sql: string; breadth: number }[] = [];
  for (const term of valuePhrases(q.trim().split(/\s+/).slice(0, 8), forms)) {
    const either: string[] = [];
    if (term.includes(' ')) {
      // A value typed in several words (over 10 billion yuan): that value, or those words together in a note or quote.
      either.push(valueCondition(term, forms)!, `f.id IN (SELECT rowid FROM figures_fts WHERE figures_fts MATCH ${bind(`"${queryTerms(term).flat().join(' ')}"*`)})`);
      conditions.push({ sql: `(${either.join(' OR ')})`, breadth: 1 });
      continue;
    }
    const match = ftsQuery(term);
    let breadth = 1;
    if (match) {
      const entities = db.prepare(ENTITY_IDS).pluck().all(match) as string[];
      if (entities.length > 0) {
        either.push(`f.deleted_at IS NULL AND f.entity_id IN (${entities.map(quoted).join(', ')})`);
        named.push(...entities);
      }
      const cities = db.prepare(CITY_CODES).pluck().all(match) as string[];
      if (cities.length > 0) {
        either.push(`f.deleted_at IS NULL AND f.city_code IN (${cities.map(quoted).join(', ')})`);
      }
      const metricIds = metrics.filter((m) => namedBy(m.name.zh, term) || namedBy(m.name.en, term)).map((m) => m.id);
      if (metricIds.length > 0) {
        either.push(`f.deleted_at IS NULL AND f.metric IN (${metricIds.map(quoted).join(', ')})`);
        breadth = 2;
      }
      const scopes = GROUP_SCOPES.filter((s) => namedBy(MESSAGES['zh-CN'].scope[s], term) || namedBy(MESSAGES.en.scope[s], term));
      if (scopes.length > 0) {
        either.push(`f.scope IN (${scopes.map(quoted).join(', ')})`);
        breadth = 2;
      }
      either.push(`f.id IN (SELECT rowid FROM figures_fts WHERE figures_fts MATCH ${bind(match)})`);
    }
    const period = periodTyped(term);
    if (period) {
      // A range (the index on period serves it): 2024 holds 2024, 2024-Q1 … 2024-12.
      either.push(`f.deleted_at IS NULL AND f.period BETWEEN ${bind(period)} AND ${bind(`${period}~`)}`);
    }
    const value = valueCondition(term, forms);
    if (value) {
      either.push(value);
      if (value.startsWith('CASE')) breadth = 3;
    }
    // A word with nothing searchable in it ("·") asks for nothing.
    if (either.length > 0) conditions.push({ sql: `(${either.join(' OR ')})`, breadth });
  }
  if (conditions.length === 0) return null;
  // SQLite cannot tell how many figures a list of ids holds: the narrowest word is read by index and
  // the others tested on its figures ("机器人 产值": 智能机器人's figures, not every 产值 figure).
  // When even that word is broad, every word is tested on the figures of a few industries at a time (figureIds).
  const driver = conditions.reduce((best, c) => (c.breadth < best.breadth ? c : best));
  const broad = driver.breadth > 1;
  const where = conditions.map((c) => (c === driver && !broad ? c.sql : c.sql.replace(/\bf\.(entity_id|city_code|metric|scope|period|value|id) (IN|BETWEEN|=)/g, '+f.$1 $2')));
  return { where: where.join('\n       AND '), params, named: [...new Set(named)], broad };
}

const LIVE_ENTITIES = /* sql */ `SELECT id FROM entities WHERE deleted_at IS NULL ORDER BY sort_order, id`;

/**
 * The first `limit` figures found, in order: those of the industries named first, then province-level
 * ones, then by industry (sort order), metric, newest period. Asked of a few industries at a time
 * (the named, the province, then 4, 16, 64 more), each by the index on live figures' scope and
 * industry, until enough are found: a word many figures meet ("亿元", "产值") is answered from the
 * first industries' figures, not by sorting all it matches.
 */
function figureIds(db: DB, search: FigureSearch, limit: number): number[] {
  const live = db.prepare(LIVE_ENTITIES).pluck().all() as string[];
  const named = new Set(search.named);
  const rest = live.filter((id) => !named.has(id));
  // A narrow word's figures are few enough to sort at once (its index reads them all anyway).
  const chunks: (readonly string[] | null)[] = search.broad ? [live.filter((id) => named.has(id)), null] : [[...live.filter((id) => named.has(id)), ...rest]];
  if (search.broad) for (let from = 0, size = 4; from < rest.length; from += size, size *= 4) chunks.push(rest.slice(from, from + size));
  const ids: number[] = [];
  for (const chunk of chunks) {
    if (chunk?.length === 0) continue;
    const which = chunk === null ? `f.scope <> 'entity'` : search.broad ? `f.scope = 'entity' AND f.entity_id IN (${chunk.map(quoted).join(', ')})` : '1';
    const sql = /* sql */ `
      SELECT f.id
        FROM figures f LEFT JOIN entities e ON e.id = f.entity_id
       WHERE f.deleted_at IS NULL AND (f.entity_id IS NULL OR e.deleted_at IS NULL) AND ${which}
         AND ${search.where}
       ORDER BY f.entity_id IS NULL OR f.entity_id NOT IN (SELECT value FROM json_each(@named)), e.sort_order NULLS FIRST, f.entity_id, f.metric, f.period DESC, f.id
       LIMIT @limit`;
    ids.push(...(db.prepare(sql).pluck().all({ ...search.params, named: JSON.stringify(search.named), limit: limit - ids.length }) as number[]));
    if (ids.length >= limit) break;
  }
  return ids;
}

/**
 * The figures the global search finds for `q`, as a condition the figures table adds to its own
 * search (query.ts), so that 在工作台中查看全部 opens every figure the search found (产值 found 20 there
 * and none in the table, which matched only notes, quotes, names, sources and annotations). For the
 * table's deleted figures (`deleted`), the same words without the condition that a figure is live.
 */
export function figureMatch(db: DB, q: string, deleted = false): { where: string; params: Record<string, string> } | null {
  const search = figureSearch(db, q);
  return search && { where: deleted ? search.where.replaceAll('f.deleted_at IS NULL AND ', '') : search.where, params: search.params };
}

export function searchEverything(db: DB, raw: z.input<typeof SearchQuery>): SearchResults {
  const { q, limit } = SearchQuery.parse(raw);
  const match = ftsQuery(q);
  if (!match) return { entities: [], cities: [], figures: [], annotations: [], sources: [] };
  const params = { match, limit };
  const entities = db.prepare(ENTITIES).all(params) as (Named & { id: string; category: 'pillar' | 'emerging' | 'future'; figures: number })[];
  const cities = db.prepare(CITIES).all(params) as { code: string; name_zh: string; name_en: string; figures: number }[];
  const search = figureSearch(db, q);
  // The ids in order first (the sorter holds ids, not whole rows with their notes), then those rows.
  const ids = search ? figureIds(db, search, limit) : [];
  const figures = ids.length > 0 ? (db.prepare(FIGURES).all(JSON.stringify(ids)) as (FigureRow & Named)[]) : [];
  const annotations = db.prepare(ANNOTATIONS).all(params) as (Named & { id: number; target_type: 'entity' | 'figure'; status: 'open' | 'resolved'; body: string; tags: string; entity_id: string | null })[];
  const sources = db.prepare(SOURCES).all(params) as { id: number; title: string; publisher: string; excerpt: string | null; entity_id: string | null }[];
  return {
    entities: entities.map((e) => ({ entityId: e.id, name: { zh: e.name_zh!, en: e.name_en! }, category: e.category, figures: e.figures })),
    cities: cities.map((c) => ({ code: c.code, name: { zh: c.name_zh, en: c.name_en }, figures: c.figures })),
    figures: figures.map((r) => {
      const f = toFigure(r);
      return {
        figureId: f.id,
        entityId: f.entityId,
        entityName: nameOf(r),
        scope: f.scope,
        metric: f.metric,
        period: f.period,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        snippet: snippet(f.note, q) ?? snippet(f.sourceQuote, q),
      };
    }),
    annotations: annotations.map((a) => ({
      annotationId: a.id,
      targetType: a.target_type,
      entityId: a.entity_id,
      entityName: nameOf(a),
      status: a.status,
      snippet: snippet(a.body, q) ?? lead(a.body),
    })),
    sources: sources.map((s) => ({ sourceId: s.id, title: s.title, publisher: s.publisher, entityId: s.entity_id, snippet: snippet(s.excerpt, q) })),
  };
}
