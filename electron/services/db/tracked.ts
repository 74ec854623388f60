/** Every kind of object the change log tracks, by its revision target name (undo, restore, delete). */
import { BULLETINS } from '../bulletins/store';
import { ANNOTATIONS } from './annotations';
import { ENTITIES } from './entities';
import { FIGURES } from './figures';
import { METRICS } from './metrics';
import type { RevisionTarget, Snapshot, Tracked } from './revisions';
import { SOURCES } from './sources';

export const TRACKED: Record<RevisionTarget, Tracked<Snapshot>> = {
  figure: FIGURES,
  entity: ENTITIES,
  source: SOURCES,
  annotation: ANNOTATIONS,
  bulletin: BULLETINS,
  metric: METRICS,
};
