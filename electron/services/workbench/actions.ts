/**
 * The workbench's user actions. Each is one transaction with one change context (one batch), so it
 * lands whole with its revisions, or not at all, and undo takes it back whole.
 */
import type { AnnotationInput, AnnotationSnapshot, EntityInput, EntitySnapshot, FigureInput, FigureSnapshot, SourceInput } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { createAnnotation, updateAnnotation } from '../db/annotations';
import { createEntity, deleteEntity, restoreEntity, updateEntity } from '../db/entities';
import { createFigure, updateFigure } from '../db/figures';
import { mustBeAsSeen } from '../db/seen';
import type { DB } from '../db/open';
import { newChange, setDeleted, type ChangeContext, type RevisionTarget } from '../db/revisions';
import { createSource } from '../db/sources';
import { createMetric, updateMetric } from '../db/metrics';
import type { MetricInput, MetricSnapshot } from '../../../shared/metrics';
import { TRACKED } from '../db/tracked';
import { authorOf } from './settings';

/**
 * Runs one user action in one transaction, recorded as the person named in settings. IMMEDIATE: the
 * write lock is taken first, so while another program writes (an import from the command line) the
 * action waits its turn for the busy timeout; a deferred one that had read first was refused at once
 * ("file in use").
 */
function act<T>(db: DB, work: (ctx: ChangeContext) => T): T {
  return db.transaction(() => work(newChange(authorOf(db)))).immediate();
}

/** Names a field of a nested part of the input (newSource.title) when that part is invalid. */
function within<T>(prefix: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_INPUT' && error.details) {
      throw new AppError(error.code, error.message, { ...error.details, where: `${prefix}.${error.details.where ?? ''}` });
    }
    throw error;
  }
}

/** Creates a figure (no id) or changes one; a new source given with it is created in the same action. */
export function saveFigure(db: DB, input: { id?: number | undefined; figure: FigureInput; newSource?: SourceInput | undefined; seen?: string | undefined }): FigureSnapshot {
  return act(db, (ctx) => {
    if (input.id !== undefined) mustBeAsSeen(db, 'figure', input.id, input.seen);
    const newSource = input.newSource;
    const sourceId = newSource ? within('newSource', () => createSource(db, ctx, newSource)).id : input.figure.sourceId;
    const figure = { ...input.figure, sourceId };
    return input.id === undefined ? createFigure(db, ctx, figure) : updateFigure(db, ctx, input.id, figure);
  });
}

export function saveEntity(db: DB, input: { mode: 'create' | 'update'; entity: EntityInput; seen?: string | undefined }): EntitySnapshot {
  return act(db, (ctx) => {
    if (input.mode === 'create') return createEntity(db, ctx, input.entity);
    mustBeAsSeen(db, 'entity', input.entity.id, input.seen);
    const { id, ...patch } = input.entity;
    return updateEntity(db, ctx, id, patch);
  });
}

export function saveAnnotation(db: DB, input: { id?: number | undefined; annotation: AnnotationInput; seen?: string | undefined }): AnnotationSnapshot {
  return act(db, (ctx) => {
    if (input.id === undefined) return createAnnotation(db, ctx, input.annotation);
    mustBeAsSeen(db, 'annotation', input.id, input.seen);
    const { targetType: _t, targetId: _i, ...patch } = input.annotation;
    return updateAnnotation(db, ctx, input.id, patch);
  });
}

/** Soft delete (or restore) of any kind of object, as one action. */
export function setItemDeleted(db: DB, ref: { targetType: RevisionTarget; targetId: string }, deleted: boolean): void {
  act(db, (ctx) => {
    if (ref.targetType === 'entity') return deleted ? deleteEntity(db, ctx, ref.targetId) : restoreEntity(db, ctx, ref.targetId);
    if (ref.targetType === 'source' && deleted) mustBeUncited(db, ref.targetId);
    // A figure restored from the trash brings back the source it cites, if that was deleted since, in the same action (undone
    // together): restored alone it cited a deleted source, and the workbook exported then failed its own re-import.
    if (ref.targetType === 'figure' && !deleted) {
      const gone = db.prepare(`SELECT s.id FROM figures f JOIN sources s ON s.id = f.source_id WHERE f.id = ? AND s.deleted_at IS NOT NULL`).pluck().get(ref.targetId) as number | undefined;
      if (gone !== undefined) setDeleted(db, ctx, TRACKED.source, String(gone), false);
    }
    return setDeleted(db, ctx, TRACKED[ref.targetType], ref.targetId, deleted);
  });
}

/**
 * A source still cited by a figure is not deleted: the figure would print a note to nothing, a draft
 * 简报 could not be exported, and a workbook exported then was refused on its own re-import ("no source
 * with ID 2"). The screens offer no deletion of a source; a call over the bridge could.
 */
function mustBeUncited(db: DB, id: string): void {
  const { count } = db.prepare(`SELECT count(*) AS count FROM figures WHERE source_id = ? AND deleted_at IS NULL`).get(id) as { count: number };
  if (count === 0) return;
  const title = (db.prepare(`SELECT title FROM sources WHERE id = ?`).pluck().get(id) as string | undefined) ?? null;
  throw new AppError('SOURCE_IN_USE', `source ${id} cited by ${count} figures`, { id, title, count });
}

/** Adds a metric to the catalog (no id) or changes one, as one action. */
export function saveMetric(db: DB, input: { id?: string | undefined; metric: MetricInput }): MetricSnapshot {
  return act(db, (ctx) => (input.id === undefined ? createMetric(db, ctx, input.metric) : updateMetric(db, ctx, input.id, input.metric)));
}
