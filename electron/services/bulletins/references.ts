/**
 * Live references of a draft: each figure reference (in a paragraph or a table) against its figure
 * now. Changed since the analyst accepted it: the page marks it 数据已更新 until accepted; deleted:
 * broken, and issuing refuses naming the paragraph. An issued issue reads only its frozen data.
 */
import { blockPlace, type BulletinBlock, type BulletinContent, type FigureSnapshotRef } from '../../../shared/bulletin';
import type { ReferencePlace, ReferenceReport, BulletinRecord } from '../../../shared/bulletin-store';
import { referenceLabel } from '../../../shared/bulletin-ref';
import type { Bilingual, Figure } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { DB } from '../db/open';
import { mustExist, recordRevision, type ChangeContext } from '../db/revisions';
import { BULLETINS, getBulletin, mustBeDraft } from './store';

interface CurrentRow {
  scope: Figure['scope'];
  entity_id: string | null;
  metric: string;
  city_code: string | null;
  entity_zh: string | null;
  entity_en: string | null;
  metric_zh: string | null;
  metric_en: string | null;
  city_zh: string | null;
  city_en: string | null;
  value: number;
  unit: FigureSnapshotRef['unit'];
  qualifier: FigureSnapshotRef['qualifier'];
  period: string;
  source_id: number | null;
  source_quote: string | null;
  deleted_at: string | null;
  publisher: string | null;
  title: string | null;
  author: string | null;
  published_on: string | null;
  unit_label_zh: string | null;
  unit_label_en: string | null;
}

/** The figure as a reference would show it now, named as it is now (label); undefined when it is gone or deleted. */
export function currentRef(db: DB, figureId: number): FigureSnapshotRef | undefined {
  const r = db
    .prepare(
      `SELECT f.scope, f.entity_id, f.metric, f.city_code, f.value, f.unit, f.qualifier, f.period, f.source_id, f.source_quote, f.deleted_at,
              e.name_zh AS entity_zh, e.name_en AS entity_en, mn.name_zh AS metric_zh, mn.name_en AS metric_en, c.name_zh AS city_zh, c.name_en AS city_en,
              s.publisher, s.title, s.author, s.published_on, m.unit_label_zh, m.unit_label_en
         FROM figures f LEFT JOIN sources s ON s.id = f.source_id
              LEFT JOIN metrics m ON m.id = f.metric AND f.unit = 'metric_unit'
              LEFT JOIN metrics mn ON mn.id = f.metric
              LEFT JOIN entities e ON e.id = f.entity_id
              LEFT JOIN cities c ON c.code = f.city_code
        WHERE f.id = ?`,
    )
    .get(figureId) as CurrentRow | undefined;
  if (!r || r.deleted_at !== null) return undefined;
  const both = (zh: string | null, en: string | null): Bilingual | undefined => (zh !== null && en !== null ? { zh, en } : undefined);
  const label = referenceLabel({ scope: r.scope, metric: r.metric }, both(r.entity_zh, r.entity_en) ?? null, both(r.metric_zh, r.metric_en), r.city_code === null ? null : (both(r.city_zh, r.city_en) ?? { zh: r.city_code, en: r.city_code }));
  return canonical({
    value: r.value,
    unit: r.unit,
    qualifier: r.qualifier,
    period: r.period,
    sourceId: r.source_id,
    sourceQuote: r.source_quote,
    source: r.title === null ? null : { publisher: r.publisher ?? '', title: r.title, author: r.author, publishedOn: r.published_on },
    ...(r.unit_label_zh !== null && r.unit_label_en !== null ? { unitLabel: { zh: r.unit_label_zh, en: r.unit_label_en } } : {}),
    label,
    about: { entityId: r.entity_id, metric: r.metric, cityCode: r.city_code },
  });
}

/**
 * The same fields in the same order, so two references compare by their JSON: the value as printed, its
 * source, and what it is about (`about`, kept where both sides have it); the label, a name, is not compared.
 */
function canonical(ref: FigureSnapshotRef, withAbout = true): FigureSnapshotRef {
  const { value, unit, qualifier, period, sourceId, sourceQuote, source, unitLabel, label, about } = ref;
  return {
    value,
    unit,
    qualifier,
    period,
    sourceId,
    sourceQuote,
    source: source === null ? null : { publisher: source.publisher, title: source.title, author: source.author, publishedOn: source.publishedOn },
    // Only a metric's own unit has a label: references of every other unit compare as they always did.
    ...(unitLabel ? { unitLabel: { zh: unitLabel.zh, en: unitLabel.en } } : {}),
    ...(label ? { label: { zh: label.zh, en: label.en } } : {}),
    ...(about && withAbout ? { about: { entityId: about.entityId, metric: about.metric, cityCode: about.cityCode } } : {}),
  };
}

/** Compared as printed and as what it is about; a reference saved before `about` was kept, by what it prints. */
const compared = (ref: FigureSnapshotRef, withAbout: boolean): string => {
  const { label: _label, ...rest } = canonical(ref, withAbout);
  return JSON.stringify(rest);
};

export const sameRef = (a: FigureSnapshotRef, b: FigureSnapshotRef): boolean => {
  const withAbout = a.about !== undefined && b.about !== undefined;
  return compared(a, withAbout) === compared(b, withAbout);
};

const sameAbout = (a: FigureSnapshotRef, b: FigureSnapshotRef): boolean => a.about === undefined || b.about === undefined || JSON.stringify(canonical(a).about) === JSON.stringify(canonical(b).about);

export interface Reference {
  place: ReferencePlace;
  figureId: number;
  accepted: FigureSnapshotRef;
}

/** Every figure reference of the content, in reading order. */
export function referencesOf(content: BulletinContent): Reference[] {
  const out: Reference[] = [];
  content.blocks.forEach((block: BulletinBlock, b) => {
    if (block.type === 'paragraph') {
      block.content.forEach((inline, i) => {
        if (inline.type === 'figure') out.push({ place: { block: b, inline: i, cell: null }, figureId: inline.figureId, accepted: inline.accepted });
      });
    } else if (block.type === 'table') {
      block.figureIds.forEach((figureId, c) => {
        const accepted = block.accepted[c];
        if (accepted) out.push({ place: { block: b, inline: null, cell: c }, figureId, accepted });
      });
    }
  });
  return out;
}

/** For a draft: the references whose figure changed since accepted, and those whose figure is deleted. An issued one: none (it is frozen). */
export function referenceReport(db: DB, id: number): ReferenceReport {
  const bulletin = getBulletin(db, id);
  if (bulletin.kind === 'issued') return { kind: 'issued', changed: [], broken: [] };
  return { kind: 'draft', ...liveState(db, bulletin) };
}

function liveState(db: DB, bulletin: BulletinRecord): Omit<ReferenceReport, 'kind'> {
  const report: Omit<ReferenceReport, 'kind'> = { changed: [], broken: [] };
  for (const ref of referencesOf(bulletin.content)) {
    const current = currentRef(db, ref.figureId);
    if (!current) report.broken.push(ref);
    else if (!sameRef(current, ref.accepted)) report.changed.push({ ...ref, current });
  }
  return report;
}

/** 第N段 in the person's words: the block, counted from 1. */
export const blockWhere = (place: ReferencePlace): string => `blocks.${place.block}${place.inline !== null ? `.inline.${place.inline}` : place.cell !== null ? `.cell.${place.cell}` : ''}`;

/** What a refusal says the figure is: "智能机器人 · 产值（2023）" from the label the reference keeps (a reference saved without one is named by its number). */
const named = (ref: Pick<Reference, 'accepted'>): Record<string, string> =>
  ref.accepted.label ? { label: `${ref.accepted.label.zh}（${ref.accepted.period}）`, labelEn: `${ref.accepted.label.en} (${ref.accepted.period})` } : {};

/** Where a reference is, as the issue numbers it (第1节第2段, 第2个表格): details for a refusal. */
const placed = (content: BulletinContent, ref: Pick<Reference, 'place'>): Record<string, string | number> => {
  const at = blockPlace(content.blocks, ref.place.block);
  return at ? { section: at.section, index: at.index, kind: at.kind } : {};
};

/** The refusal of a reference whose figure is deleted, naming its place (第1节第2段) and the figure. */
export const brokenReference = (id: number, content: BulletinContent, ref: Pick<Reference, 'place' | 'figureId' | 'accepted'>): AppError =>
  new AppError('BULLETIN_BROKEN_REFERENCE', 'referenced figure deleted', { id, block: ref.place.block + 1, figureId: ref.figureId, where: blockWhere(ref.place), ...placed(content, ref), ...named(ref) });

/** Refuses a draft with a broken or not-yet-accepted reference, naming the first one's paragraph. */
export function mustBeCurrent(db: DB, bulletin: BulletinRecord): void {
  const { changed, broken } = liveState(db, bulletin);
  const first = broken[0];
  if (first) throw brokenReference(bulletin.id, bulletin.content, first);
  const stale = changed[0];
  if (stale) throw new AppError('BULLETIN_STALE_REFERENCE', 'referenced figure changed', { id: bulletin.id, block: stale.place.block + 1, figureId: stale.figureId, where: blockWhere(stale.place), count: changed.length, ...placed(bulletin.content, stale), ...named(stale) });
}

/** Accepts the figure's current value everywhere the draft references it: an edit like any other (a revision; undo takes it back). */
/**
 * The new value with what the reference names (label: "智能机器人 · 产值"): a table row or the editor keeps
 * its name; a figure moved to another industry, metric or city takes its new one.
 */
function keepLabel(current: FigureSnapshotRef, accepted: FigureSnapshotRef): FigureSnapshotRef {
  return accepted.label && sameAbout(current, accepted) ? { ...current, label: accepted.label } : current;
}

export function acceptReference(db: DB, ctx: ChangeContext, id: number, figureId: number): BulletinRecord {
  const before = mustBeDraft(db, id);
  const current = currentRef(db, figureId);
  if (!current) throw new AppError('BULLETIN_BROKEN_REFERENCE', 'referenced figure deleted', { id, figureId, block: null, where: null });
  let touched = 0;
  const blocks = before.content.blocks.map((block): BulletinBlock => {
    if (block.type === 'paragraph') {
      return {
        ...block,
        content: block.content.map((inline) => {
          if (inline.type !== 'figure' || inline.figureId !== figureId) return inline;
          touched++;
          return { ...inline, accepted: keepLabel(current, inline.accepted) };
        }),
      };
    }
    if (block.type === 'table') {
      return {
        ...block,
        accepted: block.accepted.map((a, c) => {
          if (block.figureIds[c] !== figureId) return a;
          touched++;
          return keepLabel(current, a);
        }),
      };
    }
    return block;
  });
  if (touched === 0) throw new AppError('NOT_FOUND', 'no such reference', { what: 'figure reference', id: String(figureId) });
  const content = { ...before.content, blocks };
  if (JSON.stringify(content) === JSON.stringify(before.content)) return before;
  BULLETINS.put(db, ctx, { ...before, content });
  const after = mustExist(db, BULLETINS, id);
  recordRevision(db, ctx, { targetType: 'bulletin', targetId: id, action: 'update', before, after });
  return after;
}
