/**
 * The fact sheet: one entity — its category and tier, every figure with its note, the annotations
 * marked for briefings, the province-level figures of its group (or, for a future industry, the
 * action plan and its goals), and the source notes in the order they are cited.
 */
import type { Block, BriefingDocument } from '../../../../shared/document';
import type { EntityDetail } from '../../../../shared/domain';
import type { Composer } from '../compose';
import { entityFacts, figuresTable, frame, provinceTable, titleBlock } from './parts';

/**
 * The scales a fact sheet may be set at (1 = normal), tried in turn when it runs onto one page more
 * than it needs (render.ts): a few lines on a page of their own, set a little smaller, stay on the
 * page before. Nothing is left out at any scale.
 */
export const FACT_SHEET_SCALES: readonly number[] = [1, 0.95, 0.9, 0.85];

export function factSheet(c: Composer, e: EntityDetail, scale = 1): BriefingDocument {
  const title = c.req.title || c.w.defaultTitle['fact-sheet'];
  const group = c.data.province.figures.filter(
    (f) =>
      f.scope === 'strategic_clusters' ||
      (e.category === 'pillar' && f.scope === 'pillar_clusters') ||
      (e.category === 'emerging' && f.scope === 'emerging_clusters') ||
      (e.category === 'future' && f.scope === 'future_industries'),
  );
  const printedGroup = e.category !== 'future' ? group : [];
  // The sheet's annotations, and those on a province-level figure it prints (dropped: the full briefing printed them).
  const marked = c.data.annotations.filter(
    (x) => x.entity?.id === e.id || (x.entity === null && x.annotation.targetType === 'figure' && printedGroup.some((f) => String(f.id) === x.annotation.targetId)),
  );
  const name = c.name(e);
  const blocks: Block[] = [
    ...titleBlock(c, title, { kicker: true }),
    c.heading(1, name, false),
    ...entityFacts(c, e),
    // No figures: said where the table would be (the sheet went from its category line to the next heading).
    ...(e.figures.length ? figuresTable(c, e, e.figures) : c.paragraphs(c.say((w) => w.noFiguresYet), 'muted')),
    ...(marked.length ? [c.heading(2, c.say((w) => w.annotationsShort), false), ...marked.map((x) => c.annotation(x.annotation, x.entity))] : []),
    ...(printedGroup.length ? [c.heading(2, c.say((w) => w.headlineFigures), false), ...provinceTable(c, printedGroup)] : []),
    ...(e.category === 'future' ? [c.heading(2, c.say((w) => w.milestones), false), ...c.futurePlan(), ...c.data.province.milestones.flatMap((m) => c.milestone(m))] : []),
    { type: 'rule', strong: false },
    c.heading(3, c.say((w) => w.sources), false),
    { type: 'notes', compact: false, small: true, items: [] },
  ];
  c.finishNotes(blocks);
  return frame(c, 'report', title, blocks, scale);
}
