/**
 * The one-page brief: title, headline province figures, the output chart, key points beside the
 * annotations marked for briefings, and the sources. It must stay on one page whatever the inputs:
 * `fit` steps down through shorter annotations, a smaller chart, fewer annotations (with "another N
 * in the full briefing"), shorter notes and a smaller type scale until the renderer finds one page,
 * then gives back, kind by kind, what still fits (GIVE_BACK).
 */
import type { Block, BriefingDocument } from '../../../../shared/document';
import type { Composer } from '../compose';
import { frame, headlineFigures, notDrawn, outputChart, titleBlock } from './parts';

export interface FitLevel {
  annotations: number;
  annotationChars: number;
  nameChars: number;
  chartRows: number;
  rowHeight: number;
  headline: number;
  keyPoints: number;
  sources: number;
  quotes: boolean;
  scale: number;
}

/** From the fullest page to the barest one that still says everything essential. */
export const FIT_LEVELS: readonly FitLevel[] = [
  { annotations: 3, annotationChars: 300, nameChars: 60, chartRows: 30, rowHeight: 13, headline: 4, keyPoints: 8, sources: 8, quotes: false, scale: 1 },
  { annotations: 2, annotationChars: 160, nameChars: 40, chartRows: 30, rowHeight: 12, headline: 4, keyPoints: 8, sources: 6, quotes: false, scale: 1 },
  { annotations: 2, annotationChars: 90, nameChars: 30, chartRows: 30, rowHeight: 11, headline: 4, keyPoints: 6, sources: 4, quotes: false, scale: 0.92 },
  { annotations: 1, annotationChars: 60, nameChars: 24, chartRows: 30, rowHeight: 10.5, headline: 4, keyPoints: 2, sources: 3, quotes: false, scale: 0.85 },
  { annotations: 1, annotationChars: 40, nameChars: 20, chartRows: 30, rowHeight: 10, headline: 4, keyPoints: 0, sources: 2, quotes: false, scale: 0.8 },
  { annotations: 0, annotationChars: 0, nameChars: 20, chartRows: 20, rowHeight: 10, headline: 4, keyPoints: 0, sources: 2, quotes: false, scale: 0.78 },
  { annotations: 0, annotationChars: 0, nameChars: 20, chartRows: 12, rowHeight: 10, headline: 4, keyPoints: 0, sources: 2, quotes: false, scale: 0.75 },
  { annotations: 0, annotationChars: 0, nameChars: 16, chartRows: 6, rowHeight: 9, headline: 2, keyPoints: 0, sources: 1, quotes: false, scale: 0.7 },
];

/**
 * What a fit level took, kind by kind, most valued first: given back from a richer level when the
 * page still holds it (render.ts fittedOnePage). Type size and spacing are not given back: they are
 * the price of the content.
 */
export const GIVE_BACK: readonly ((richer: FitLevel) => Partial<FitLevel>)[] = [
  (l) => ({ chartRows: l.chartRows }),
  (l) => ({ annotations: l.annotations, annotationChars: l.annotationChars, nameChars: l.nameChars }),
  // Then an annotation's words before more annotations: a note cut mid-sentence loses what it asks.
  (l) => ({ annotationChars: l.annotationChars, nameChars: l.nameChars }),
  (l) => ({ annotations: l.annotations }),
  (l) => ({ keyPoints: l.keyPoints }),
  (l) => ({ sources: l.sources }),
  (l) => ({ headline: l.headline }),
];

export function onePage(c: Composer, level: FitLevel): BriefingDocument {
  const title = c.req.title || c.w.defaultTitle['one-page'];
  const marked = c.data.annotations;
  const shown = marked.slice(0, level.annotations);
  const more = marked.length - shown.length;
  const points = c.keyPointsByTier(c.data.entities).slice(0, level.keyPoints);
  const annotations: Block[] = shown.map((x) => c.annotation(x.annotation, x.entity, { body: level.annotationChars, name: level.nameChars }));
  const left: Block[] = points.length ? [c.heading(3, c.say((w) => w.keyPoints), false), { type: 'list', items: points }] : [];
  // No annotation marked: no section for them, as in the full briefing (the issued page said "No annotations
  // are marked for the briefing", the workbench speaking), and the key points take the page's width.
  const body = [...annotations, ...(more > 0 ? c.paragraphs(c.say((w) => w.annotationsMore(more)), 'muted') : [])];
  const right: Block[] = body.length ? [c.heading(3, c.say((w) => w.annotationsShort), false), ...body] : [];
  const blocks: Block[] = [
    ...titleBlock(c, title, { kicker: false }),
    ...headlineFigures(c, level.headline),
    ...outputChart(c, c.data.entities, level.chartRows, level.rowHeight),
    // Industries the analyst chose are named even where the chart cannot draw them (all industries: the chart is the clusters').
    ...(c.req.entityIds.length ? notDrawn(c, c.data.entities) : []),
    ...(left.length && right.length ? [{ type: 'columns', columns: [left, right] } as Block] : [...left, ...right]),
    { type: 'rule', strong: false },
    { type: 'paragraph', runs: c.inline(c.say((w) => w.sources, 'strong')), style: 'small' },
    { type: 'notes', compact: !level.quotes, items: [] },
  ];
  c.finishNotes(blocks, level.sources);
  return frame(c, 'one-page', title, blocks, level.scale);
}

