/**
 * What the node views need from the editor around them (they render inside EditorContent, under this
 * provider): the language, the live-reference report, and the editor's dialogs.
 */
import { createContext, useContext } from 'react';
import type { BulletinContent, FigureSnapshotRef } from '../../../../shared/bulletin';
import type { ReferenceReport } from '../../../../shared/bulletin-store';
import type { EntitySummary, Source } from '../../../../shared/domain';
import type { BlockAtomName } from './nodes';

export interface LiveState {
  /** Figures changed since accepted: their value now. */
  changed: Map<number, FigureSnapshotRef>;
  /** Figures deleted since accepted. */
  broken: Set<number>;
}

export interface EditorViewContext {
  lang: BulletinContent['lang'];
  readOnly: boolean;
  live: LiveState;
  onAccept?: (figureId: number) => void;
  /** Reopens the dialog of the block node at `pos`. */
  edit: (kind: BlockAtomName, pos: number) => void;
  sources: ReadonlyMap<number, Source>;
  entities: ReadonlyMap<string, EntitySummary>;
}

export function liveState(report: ReferenceReport | undefined): LiveState {
  const live: LiveState = { changed: new Map(), broken: new Set() };
  if (!report || report.kind === 'issued') return live;
  for (const c of report.changed) live.changed.set(c.figureId, c.current);
  for (const b of report.broken) live.broken.add(b.figureId);
  return live;
}

export const ViewContext = createContext<EditorViewContext>({
  lang: 'zh',
  readOnly: true,
  live: { changed: new Map(), broken: new Set() },
  edit: () => undefined,
  sources: new Map(),
  entities: new Map(),
});

export const useViewContext = (): EditorViewContext => useContext(ViewContext);
