/**
 * Properties of 简报 issues over many random cases (fast-check; the seed is printed on failure):
 * the 期号 of any sequence of issues, and the live-reference report after any set of figure edits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saveNewDraft } from '../../electron/services/bulletins/actions';
import { issueBulletin, nextIssue } from '../../electron/services/bulletins/issue';
import { referenceReport } from '../../electron/services/bulletins/references';
import { getBulletin } from '../../electron/services/bulletins/store';
import { bulletinModel } from '../../electron/services/bulletins/export';
import { walkBlocks } from '../../shared/document';
import { setItemDeleted, saveFigure } from '../../electron/services/workbench/actions';
import { figureSnapshot } from '../../electron/services/db/figures';
import { draftContent } from '../helpers/bulletins';
import { openTemp } from '../helpers/files';

const Op = fc.record({ year: fc.constantFrom(2025, 2026, 2027), supplement: fc.boolean(), withTotal: fc.boolean() });

describe('期号', () => {
  it('any sequence of issues: 第N期 runs 1, 2, 3… per year, 增刊 apart, 总第M期 one more than the last given', () => {
    fc.assert(
      fc.property(fc.array(Op, { minLength: 1, maxLength: 12, size: 'max' }), (ops) => {
        const { db } = openTemp();
        const numbers = new Map<string, number>();
        let total = 0;
        for (const op of ops) {
          const draft = saveNewDraft(db, draftContent(db, `${op.year}年`, []));
          // What the 签发 dialog shows beforehand is the 期号 given.
          const shown = nextIssue(db, { supplement: op.supplement, withTotal: op.withTotal }, new Date(op.year, 5, 1));
          const issue = issueBulletin(db, '李分析', draft.id, { supplement: op.supplement, withTotal: op.withTotal }, new Date(op.year, 5, 1)).issue;
          expect(issue).toEqual(shown);
          const key = `${op.year}:${op.supplement}`;
          const expected = (numbers.get(key) ?? 0) + 1;
          numbers.set(key, expected);
          if (op.withTotal) total++;
          expect(issue).toEqual({ year: op.year, number: expected, supplement: op.supplement, total: op.withTotal ? total : null });
        }
        db.close();
      }),
      { numRuns: 25, verbose: true },
    );
  });
});

const Edit = fc.constantFrom('value', 'qualifier', 'delete', 'none');
const ENTITIES = ['electronics-it', 'new-energy', 'semiconductors-ic', 'smart-robots', 'biomedicine-health'];

describe('live references', () => {
  it('after any edits: exactly the edited figures are changed, the deleted ones broken, and the issued copy frozen', () => {
    fc.assert(
      fc.property(fc.array(Edit, { minLength: ENTITIES.length, maxLength: ENTITIES.length }), (edits) => {
        const { db } = openTemp();
        const ids = ENTITIES.map((e) => db.prepare(`SELECT id FROM figures WHERE entity_id = ? AND metric = 'output_value'`).pluck().get(e) as number);
        const draft = saveNewDraft(db, draftContent(db, '产值', ids));
        const issued = issueBulletin(db, '李分析', saveNewDraft(db, draftContent(db, '产值（签发）', ids)).id);
        edits.forEach((edit, i) => {
          const id = ids[i]!;
          if (edit === 'delete') return setItemDeleted(db, { targetType: 'figure', targetId: String(id) }, true);
          if (edit === 'none') return;
          const { scope, entityId, metric, unit, period, sourceId, sourceQuote, note, value, qualifier } = figureSnapshot(db, id)!;
          const changed = edit === 'value' ? { value: value + 1, qualifier } : { value, qualifier: qualifier === 'over' ? ('about' as const) : ('over' as const) };
          saveFigure(db, { id, figure: { scope, entityId, metric, unit, period, sourceId, sourceQuote, note, ...changed } });
        });
        const report = referenceReport(db, draft.id);
        const pick = (kind: string) => ids.filter((_, i) => (kind === 'delete' ? edits[i] === 'delete' : edits[i] === 'value' || edits[i] === 'qualifier'));
        expect(report.changed.map((c) => c.figureId)).toEqual(pick('changed'));
        expect(report.broken.map((c) => c.figureId)).toEqual(pick('delete'));
        expect(referenceReport(db, issued.id)).toEqual({ kind: 'issued', changed: [], broken: [] });
        expect(getBulletin(db, issued.id)).toEqual(issued);
        db.close();
      }),
      { numRuns: 20, verbose: true },
    );
  });
});

describe('issuing', () => {
  it('prints the tier chart as the draft drew it, after any output values were changed before 签发: each cluster’s newest figure, cited', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ value: fc.integer({ min: 1, max: 30_000 }), qualifier: fc.constantFrom('exact', 'over', 'about', 'nearly') }), { minLength: ENTITIES.length, maxLength: ENTITIES.length }), (edits) => {
        const { db } = openTemp();
        edits.forEach((edit, i) => {
          const id = db.prepare(`SELECT id FROM figures WHERE entity_id = ? AND metric = 'output_value'`).pluck().get(ENTITIES[i]) as number;
          const { scope, entityId, metric, unit, period, sourceId, sourceQuote, note } = figureSnapshot(db, id)!;
          saveFigure(db, { id, figure: { scope, entityId, metric, unit, period, sourceId, sourceQuote, note, ...edit } });
        });
        const content = draftContent(db, '产值分档', []);
        content.blocks.push({ type: 'chart', chart: { kind: 'tiers' }, caption: '图1 各集群年产值分档' });
        const draft = saveNewDraft(db, content);
        const charts = (id: number): unknown[] => [...walkBlocks(bulletinModel(db, id).model.blocks)].filter((b) => b.type === 'chart');
        const previewed = charts(draft.id);
        const issued = issueBulletin(db, '李分析', draft.id);
        expect(charts(issued.id)).toEqual(previewed);
        expect(JSON.stringify(previewed)).toContain('"t":"cite"');
        db.close();
      }),
      { numRuns: 10, verbose: true },
    );
  });
});
