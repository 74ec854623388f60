/**
 * Exporting a 简报 as PDF or Word. An issued issue prints only what was frozen at 签发 (its 期号,
 * its date, every referenced value and source, its charts' data): it never reads live figures, so
 * the text is the same whatever the data has become. A draft prints live data and is refused while
 * a reference is broken (exportable). The app asks the Host where to save; both write through a
 * temporary file, so a failure leaves no partial file.
 */
import type { BulletinContent } from '../../../shared/bulletin';
import { suggestedBulletinFileName, type BulletinExportResult, type BulletinFormat, type BulletinFreeze, type BulletinRecord } from '../../../shared/bulletin-store';
import type { BriefingDocument } from '../../../shared/document';
import { Category, Tier, type EntityDetail, type Figure, type Source } from '../../../shared/domain';
import seedJson from '../../../resources/dataset/guangdong-2024.json';
import type { DB } from '../db/open';
import type { Host } from '../host';
import { figureLabel, fromSnapshot, liveResolver, type BulletinResolver } from '../briefing/bulletin-figures';
import { composeParsedBulletin } from '../briefing/bulletin';
import { toDocx } from '../briefing/docx';
import { saveThroughHost } from '../briefing/export';
import { toPdfmake } from '../briefing/pdf';
import { cachedChartSvg } from '../briefing/charts-svg';
import { localDate, writePdf, type WriteOptions } from '../briefing/render';
import type { PageDrawing } from '../../../shared/page-drawing';
import { exportable } from './exportable';

/** The category of each entity of the embedded default dataset (the province's classification). */
const SEEDED_CATEGORY = new Map<string, Category>(
  seedJson.entities.flatMap((e) => {
    const category = Category.safeParse(e.category);
    return category.success ? [[e.id, category.data] as const] : [];
  }),
);

/**
 * The resolver of an issued issue: reads only its frozen data (a figure, source or entity it does
 * not hold does not exist). A chart's entities come from the charts frozen with it; an issue frozen
 * before categories were kept (files made before i10-export) reads each entity's category from the
 * embedded default dataset, where it is fixed by the province's classification (never from the live
 * file: an issued issue must print the same whatever the data becomes); an entity the dataset does
 * not have is drawn as a pillar cluster.
 */
export function issuedResolver(content: BulletinContent, data: BulletinFreeze): BulletinResolver {
  const sources = new Map<number, Source>(data.sources.map((s) => [s.id, { ...s, excerpt: null }]));
  const figures = new Map(data.figures.map((f) => [f.figureId, f]));
  const entities = new Map<string, EntityDetail>();
  for (const chart of data.charts) {
    for (const e of chart.entities) {
      const tier = Tier.safeParse(e.tier);
      if (!entities.has(e.id)) entities.set(e.id, { id: e.id, name: e.name, category: e.category ?? SEEDED_CATEGORY.get(e.id) ?? 'pillar', tier: tier.success ? tier.data : null, sortOrder: entities.size, figures: [], sources: [], annotations: [] });
    }
    for (const f of chart.figures) {
      const owner = f.entityId === null ? undefined : entities.get(f.entityId);
      if (!owner || owner.figures.some((g) => g.id === f.figureId)) continue;
      const figure: Figure = { id: f.figureId, scope: f.scope, entityId: f.entityId, metric: f.metric, value: f.value, unit: f.unit, qualifier: f.qualifier, period: f.period, cityCode: null, sourceId: f.sourceId, sourceQuote: f.sourceQuote, note: null, changedAt: '1970-01-01T00:00:00.000Z', changedBy: '' };
      owner.figures.push(figure);
      const source = f.sourceId === null ? undefined : sources.get(f.sourceId);
      if (source && !owner.sources.some((s) => s.id === source.id)) owner.sources.push(source);
    }
  }
  const tiers = data.charts.filter((c) => {
    const block = content.blocks[c.block];
    return block?.type === 'chart' && block.chart.kind === 'tiers';
  });
  const tierEntities = new Set(tiers.flatMap((c) => c.entities.map((e) => e.id)));
  return {
    frozen: true,
    figure(id) {
      const f = figures.get(id);
      return f ? fromSnapshot(f, f.label ?? figureLabel(f, f.entityName)) : null;
    },
    source: (id) => sources.get(id) ?? null,
    entities(ids) {
      if (ids.length > 0) return ids.flatMap((id) => entities.get(id) ?? []);
      return [...entities.values()].filter((e) => tierEntities.has(e.id));
    },
  };
}

/** The document model issue `id` prints (both writers take it), and the date it prints. */
export function bulletinModel(db: DB, id: number, now: Date = new Date()): { model: BriefingDocument; bulletin: BulletinRecord; date: string } {
  const { bulletin, data } = exportable(db, id);
  const issued = bulletin.kind === 'issued' && bulletin.frozen !== null;
  const resolver = issued ? issuedResolver(bulletin.content, data) : liveResolver(db);
  const date = issued && bulletin.issuedAt ? localDate(new Date(bulletin.issuedAt)) : localDate(now);
  // The content was checked against its schema when read back (store.ts): not parsed a second time.
  return { model: composeParsedBulletin(bulletin.content, resolver, { number: issued ? bulletin.issue : null, date }), bulletin, date };
}

/** The bytes of issue `id` in `format`, and its suggested file name. */
export async function exportBulletin(
  db: DB,
  id: number,
  format: BulletinFormat,
  now: Date = new Date(),
  options: WriteOptions = {},
): Promise<{ bytes: Buffer; pages: number | null; fileName: string; firstPage?: () => PageDrawing | null }> {
  const { model, bulletin, date } = bulletinModel(db, id, now);
  const fileName = suggestedBulletinFileName(bulletin, format, date);
  if (format === 'docx') return { bytes: await toDocx(model), pages: null, fileName };
  const { pdf, pages, firstPage } = await writePdf(toPdfmake(model, cachedChartSvg), options);
  return { bytes: pdf, pages, fileName, ...(firstPage ? { firstPage } : {}) };
}

/** Asks where to save (null: the person cancelled), writes, and opens the file if asked to. */
export async function exportBulletinTo(db: DB, host: Host, id: number, format: BulletinFormat, openAfter: boolean, now: Date = new Date()): Promise<BulletinExportResult> {
  const { bytes, fileName } = await exportBulletin(db, id, format, now);
  return saveThroughHost(host, bytes, { suggestedName: fileName, filters: [format === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Word', extensions: ['docx'] }] }, openAfter);
}
