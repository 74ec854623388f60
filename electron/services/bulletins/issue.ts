/**
 * 签发 (issuing) and 更正 (correcting). Issuing runs in one IMMEDIATE transaction: the write lock is
 * held from reading the last 期号 to writing the new one, so two windows or processes issuing at
 * once get distinct consecutive numbers (a unique index backs it). It freezes every referenced
 * value, unit, qualifier and source, and the data of every chart, so an export never reads live
 * data; from then on the issue is read-only.
 */
import type { BulletinContent, IssueNumber } from '../../../shared/bulletin';
import { IssueOptions, issueLabel, type BulletinFreeze, type BulletinRecord, type FrozenChart, type FrozenFigure } from '../../../shared/bulletin-store';
import { AppError } from '../../../shared/errors';
import type { DB } from '../db/open';
import { mustExist, newChange, recordRevision, type ChangeContext } from '../db/revisions';
import { latestOutputFigure } from '../../../shared/output';
import { getEntity } from '../db/read';
import { currentRef, mustBeCurrent, referencesOf } from './references';
import { BULLETINS, createDraft, getBulletin, mustBeDraft } from './store';

interface FigureMeta {
  id: number;
  scope: FrozenFigure['scope'];
  entity_id: string | null;
  metric: FrozenFigure['metric'];
  name_zh: string | null;
  name_en: string | null;
}

function frozenFigure(db: DB, figureId: number): FrozenFigure | undefined {
  const ref = currentRef(db, figureId);
  const meta = db
    .prepare(`SELECT f.id, f.scope, f.entity_id, f.metric, e.name_zh, e.name_en FROM figures f LEFT JOIN entities e ON e.id = f.entity_id WHERE f.id = ?`)
    .get(figureId) as FigureMeta | undefined;
  if (!ref || !meta) return undefined;
  const entityName = meta.name_zh !== null && meta.name_en !== null ? { zh: meta.name_zh, en: meta.name_en } : null;
  return { ...ref, figureId, scope: meta.scope, entityId: meta.entity_id, entityName, metric: meta.metric };
}

/** The entities and figures each chart shows, as they are now. */
function frozenCharts(db: DB, content: BulletinContent): FrozenChart[] {
  const charts: FrozenChart[] = [];
  content.blocks.forEach((block, b) => {
    if (block.type !== 'chart') return;
    const chart = block.chart;
    const entityIds =
      chart.kind === 'tiers'
        ? (db.prepare(`SELECT id FROM entities WHERE deleted_at IS NULL AND tier IS NOT NULL ORDER BY sort_order`).pluck().all() as string[])
        : chart.entityIds;
    const entities = entityIds.flatMap((id) => {
      const e = db.prepare(`SELECT id, name_zh, name_en, tier, category FROM entities WHERE id = ? AND deleted_at IS NULL`).get(id) as
        | { id: string; name_zh: string; name_en: string; tier: string | null; category: FrozenChart['entities'][number]['category'] }
        | undefined;
      return e ? [{ id: e.id, name: { zh: e.name_zh, en: e.name_en }, tier: e.tier, category: e.category }] : [];
    });
    // A tiers chart draws each cluster's newest output value where it has one (its tier otherwise), as the
    // draft's preview drew it: that figure is frozen with it. Frozen without figures, an issued chart drew
    // every cluster from its tier alone, cited no source, and could differ from what was previewed.
    const figureIds =
      chart.kind === 'tiers'
        ? entities.flatMap((e) => latestOutputFigure(getEntity(db, e.id))?.id ?? [])
        : (db
            // The cluster's own figures, as the draft's chart drew them: a city's figure is that city's part (its frozen copy keeps no city).
            .prepare(`SELECT id FROM figures WHERE deleted_at IS NULL AND city_code IS NULL AND metric = ? AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY entity_id, period, id`)
            .pluck()
            .all(chart.metric, JSON.stringify(chart.entityIds)) as number[]);
    charts.push({ block: b, entities, figures: figureIds.flatMap((id) => frozenFigure(db, id) ?? []) });
  });
  return charts;
}

/** Every referenced figure (once), the sources they and the quotes name, and the charts' data. */
export function freeze(db: DB, content: BulletinContent): BulletinFreeze {
  const figureIds = [...new Set(referencesOf(content).map((r) => r.figureId))];
  const figures = figureIds.flatMap((id) => frozenFigure(db, id) ?? []);
  const charts = frozenCharts(db, content);
  const sourceIds = new Set<number>();
  for (const f of [...figures, ...charts.flatMap((c) => c.figures)]) if (f.sourceId !== null) sourceIds.add(f.sourceId);
  for (const block of content.blocks) if (block.type === 'quote') sourceIds.add(block.sourceId);
  const sources = [...sourceIds].sort((a, b) => a - b).flatMap((id) => {
    const s = db.prepare(`SELECT id, title, publisher, author, published_on AS publishedOn, url FROM sources WHERE id = ?`).get(id) as BulletinFreeze['sources'][number] | undefined;
    return s ? [s] : [];
  });
  return { figures, sources, charts };
}

/** The next 第N期 of `year` (增刊 counted apart); only inside the write transaction that uses it. */
export function nextNumber(db: DB, year: number, supplement: boolean): number {
  return db.prepare(`SELECT coalesce(max(number), 0) + 1 FROM bulletins WHERE kind = 'issued' AND year = ? AND supplement = ?`).pluck().get(year, supplement ? 1 : 0) as number;
}

/** The 期号 签发 would give now with these options (read only; 签发 numbers again inside its own write transaction). */
export function nextIssue(db: DB, options: { supplement: boolean; withTotal: boolean }, now: Date = new Date()): IssueNumber {
  const year = now.getFullYear();
  const total = options.withTotal ? (db.prepare(`SELECT coalesce(max(total), 0) + 1 FROM bulletins`).pluck().get() as number) : null;
  return { year, number: nextNumber(db, year, options.supplement), total, supplement: options.supplement };
}

/**
 * Issues draft `id`: refused while a reference is broken or changed and not yet accepted (naming
 * the paragraph). The earlier edits of the draft can no longer be undone (their batches are
 * dropped from the undo stack): an issued issue never changes.
 */
export function issueBulletin(db: DB, author: string, id: number, rawOptions: unknown = {}, now: Date = new Date()): BulletinRecord {
  const parsed = IssueOptions.safeParse(rawOptions);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'invalid issue options', { where: parsed.error.issues[0]?.path.join('.') ?? 'options', reason: 'invalid' });
  const options = parsed.data;
  return db
    .transaction(() => {
      const before = mustBeDraft(db, id);
      mustBeCurrent(db, before);
      for (const block of before.content.blocks) {
        if (block.type === 'quote' && !db.prepare(`SELECT 1 FROM sources WHERE id = ?`).get(block.sourceId)) {
          throw new AppError('INVALID_INPUT', 'unknown source', { where: 'sourceId', reason: `unknown source ${block.sourceId}`, problem: 'unknown_ref', value: block.sourceId });
        }
      }
      // Read inside the write transaction: two issues 签发'd at once get consecutive numbers.
      const { year, number, total } = nextIssue(db, options, now);
      const supplement = options.supplement ? 1 : 0;
      const ctx = newChange(author, now);
      db.prepare(
        `UPDATE bulletins SET kind = 'issued', year = @year, number = @number, total = @total, supplement = @supplement,
                issued_at = @at, frozen = @frozen, changed_at = @at, changed_by = @author
          WHERE id = @id AND kind = 'draft'`,
      ).run({ id, year, number, total, supplement, at: ctx.at, author, frozen: JSON.stringify(freeze(db, before.content)) });
      const after = mustExist(db, BULLETINS, id);
      recordRevision(db, ctx, { targetType: 'bulletin', targetId: id, action: 'update', before, after });
      db.prepare(
        `UPDATE batches SET state = 'dropped'
          WHERE kind = 'change' AND state IN ('done', 'undone')
            AND id IN (SELECT batch_id FROM revisions WHERE target_type = 'bulletin' AND target_id = ?)`,
      ).run(String(id));
      return after;
    })
    .immediate();
}

const CORRECTION_PREFIX = { zh: '更正：', en: 'Correction: ' } as const;
/** The 按语's first line in a 更正: which issue it corrects, cited with its year (issues are numbered per year). */
const CORRECTION_NOTE = {
  zh: (mark: IssueNumber, title: string) => `本期为${issueLabel({ ...mark, total: null }, 'zh')}《${title}》的更正，以本期为准。`,
  en: (mark: IssueNumber, title: string) => `This issue corrects ${issueLabel({ ...mark, total: null }, 'en')} (“${title}”) and replaces it.`,
} as const;
const EARLIER_NOTE = /^(本期为.*的更正，以本期为准。|This issue corrects .* and replaces it\.)\n?/;

/**
 * A new draft (更正) pointing to issued issue `id`, starting from its content: its title marked 更正,
 * its 按语 opening with the issue it corrects (本期为2026年第3期《…》的更正，以本期为准。) in place
 * of such a line the corrected issue had itself.
 */
export function correctBulletin(db: DB, ctx: ChangeContext, id: number): BulletinRecord {
  const old = getBulletin(db, id);
  if (old.kind !== 'issued') throw new AppError('BULLETIN_NOT_ISSUED', 'only an issued bulletin is corrected', { id });
  const lang = old.content.lang === 'en' ? 'en' : 'zh';
  const prefix = CORRECTION_PREFIX[lang];
  const title = old.content.title.startsWith(prefix) ? old.content.title : `${prefix}${old.content.title}`.slice(0, 200);
  const rest = old.content.editorNote.replace(EARLIER_NOTE, '');
  const editorNote = old.issue ? `${CORRECTION_NOTE[lang](old.issue, old.content.title)}${rest ? `\n${rest}` : ''}`.slice(0, 5000) : old.content.editorNote;
  return createDraft(db, ctx, { ...old.content, title, editorNote }, id);
}
