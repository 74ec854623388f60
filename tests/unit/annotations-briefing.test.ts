/**
 * Which annotations a briefing prints (issue 13): those marked 写入简报 and still open. Resolving
 * an annotation takes it out of briefings, whether it sits on an entity, on one of its figures or
 * on a province-level figure; reopening it brings it back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnnotation, updateAnnotation } from '../../electron/services/db/annotations';
import { newChange } from '../../electron/services/db/revisions';
import { readBriefingData } from '../../electron/services/briefing/data';
import { openTemp } from '../helpers/files';

describe('annotations in a briefing', () => {
  it('prints an annotation only when it is marked for briefings and still open', () => {
    const { db } = openTemp();
    const robotsFigure = String((db.prepare(`SELECT id FROM figures WHERE entity_id = 'smart-robots' LIMIT 1`).get() as { id: number }).id);
    const provinceFigure = String((db.prepare(`SELECT id FROM figures WHERE scope <> 'entity' LIMIT 1`).get() as { id: number }).id);
    const targets = [
      { targetType: 'entity', targetId: 'smart-robots' },
      { targetType: 'figure', targetId: robotsFigure },
      { targetType: 'figure', targetId: provinceFigure },
    ] as const;
    let n = 0;
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.constantFrom('open', 'resolved'), fc.boolean(), (target, status, includeInBriefing) => {
        const body = `核对 ${++n}`;
        const created = createAnnotation(db, newChange('李分析'), { ...target, body, tags: [], status, includeInBriefing });
        const printed = (): boolean => readBriefingData(db, ['smart-robots']).annotations.some((a) => a.annotation.id === created.id);
        expect(printed()).toBe(includeInBriefing && status === 'open');
        // Resolving takes it out; reopening brings it back.
        updateAnnotation(db, newChange('李分析'), created.id, { status: status === 'open' ? 'resolved' : 'open' });
        expect(printed()).toBe(includeInBriefing && status === 'resolved');
      }),
      { numRuns: 40 },
    );
  });
});
