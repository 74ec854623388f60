/**
 * The embedded default dataset (resources/dataset), written into a new, empty data file once.
 * A file that was ever seeded — or that already holds entities — is never written over.
 */
import { z } from 'zod';
import seedJson from '../../../resources/dataset/guangdong-2024.json';
import { Bilingual, Category, EntityId, IsoDate, Metric, Period, Qualifier, Scope, Tier, Unit } from '../../../shared/domain';
import { writeExampleBulletin } from '../bulletins/example';
import type { DB } from './open';

const SeedFile = z.object({
  format: z.literal('cluster-brief/seed'),
  id: z.string(),
  author: z.string(),
  seededAt: z.string(),
  sources: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      publisher: z.string(),
      author: z.string().nullable(),
      publishedOn: IsoDate.nullable(),
      url: z.string().nullable(),
      excerpt: z.string().nullable(),
    }),
  ),
  entities: z.array(z.object({ id: EntityId, name: Bilingual, category: Category, tier: Tier.nullable(), sortOrder: z.number().int() })),
  figures: z.array(
    z.object({
      scope: Scope,
      entityId: EntityId.nullable(),
      metric: Metric,
      value: z.number(),
      unit: Unit,
      qualifier: Qualifier,
      period: Period,
      source: z.string(),
      sourceQuote: z.string(),
      note: z.string().nullable(),
    }),
  ),
  milestones: z.array(z.object({ year: z.number().int(), text: z.object({ zh: z.string(), en: z.string() }), source: z.string(), sourceQuote: z.string() })),
  futurePlan: z.object({ issuedOn: IsoDate, sourceQuote: z.string() }),
});
export type SeedFile = z.infer<typeof SeedFile>;

export const DEFAULT_DATASET: SeedFile = SeedFile.parse(seedJson);

/** Writes the default dataset into the file if it has never been seeded and holds no entities. */
export function seedIfNew(db: DB, dataset: SeedFile = DEFAULT_DATASET): boolean {
  return db.transaction(() => {
    const seeded = db.prepare(`SELECT value FROM meta WHERE key = 'seeded_from'`).get();
    const entities = db.prepare(`SELECT count(*) AS n FROM entities`).get() as { n: number };
    if (seeded || entities.n > 0) return false;
    writeDataset(db, dataset);
    // The worked 简报 example (示例) comes with the default dataset only, never into a file that holds data.
    if (dataset === DEFAULT_DATASET) writeExampleBulletin(db, dataset.author, new Date(dataset.seededAt));
    return true;
  })();
}

function writeDataset(db: DB, d: SeedFile): void {
  const at = d.seededAt;
  const insertSource = db.prepare(
    `INSERT INTO sources (title, publisher, author, published_on, url, excerpt, created_at)
     VALUES (@title, @publisher, @author, @publishedOn, @url, @excerpt, @at)`,
  );
  const sourceIds = new Map<string, number>();
  for (const s of d.sources) {
    sourceIds.set(s.key, Number(insertSource.run({ ...s, at }).lastInsertRowid));
  }
  const sourceId = (key: string): number => {
    const id = sourceIds.get(key);
    if (id === undefined) throw new Error(`seed: unknown source ${key}`);
    return id;
  };

  const insertEntity = db.prepare(
    `INSERT INTO entities (id, name_zh, name_en, category, tier, sort_order, changed_at, changed_by)
     VALUES (@id, @zh, @en, @category, @tier, @sortOrder, @at, @by)`,
  );
  for (const e of d.entities) {
    insertEntity.run({ id: e.id, zh: e.name.zh, en: e.name.en, category: e.category, tier: e.tier, sortOrder: e.sortOrder, at, by: d.author });
  }

  const insertFigure = db.prepare(
    `INSERT INTO figures (scope, entity_id, metric, value, unit, qualifier, period, source_id, source_quote, note, changed_at, changed_by)
     VALUES (@scope, @entityId, @metric, @value, @unit, @qualifier, @period, @sourceId, @sourceQuote, @note, @at, @by)`,
  );
  for (const f of d.figures) {
    insertFigure.run({ ...f, sourceId: sourceId(f.source), at, by: d.author });
  }

  const insertMilestone = db.prepare(
    `INSERT INTO milestones (year, text_zh, text_en, source_id, source_quote, sort_order)
     VALUES (@year, @zh, @en, @sourceId, @sourceQuote, @sortOrder)`,
  );
  d.milestones.forEach((m, i) => {
    insertMilestone.run({ year: m.year, zh: m.text.zh, en: m.text.en, sourceId: sourceId(m.source), sourceQuote: m.sourceQuote, sortOrder: i + 1 });
  });

  const setMeta = db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?)`);
  setMeta.run('seeded_from', d.id);
  setMeta.run('seeded_at', new Date().toISOString());
  setMeta.run('future_plan_issued_on', d.futurePlan.issuedOn);
  setMeta.run('future_plan_quote', d.futurePlan.sourceQuote);
}
