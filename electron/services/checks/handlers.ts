/**
 * The data-check channels (issue 12): run every check, acknowledge a finding with a note (or every
 * listed open finding of one check with one note), withdraw an acknowledgement. Each write is one
 * transaction with one change context (one batch for undo).
 */
import { AppError } from '../../../shared/errors';
import type { HandlerContext, Handlers } from '../handlers';
import { newChange } from '../db/revisions';
import { authorOf } from '../workbench/settings';
import { acknowledge, unacknowledge } from './acknowledgements';
import { countChecks, findingExists, openSubjects, runChecks } from './run';

type CheckChannels = 'runChecks' | 'countChecks' | 'acknowledgeFinding' | 'acknowledgeFindings' | 'unacknowledgeFinding';

/** `write` wraps a channel that writes (refused once the file is known damaged: handlers.ts). */
export function checkHandlers(ctx: HandlerContext, write: <I, O>(fn: (input: I) => O) => (input: I) => O): Pick<Handlers, CheckChannels> {
  const { db } = ctx;
  return {
    runChecks: ({ limit }) => runChecks(db, { limit }),
    countChecks: () => countChecks(db),
    acknowledgeFinding: write(({ checkId, subject, note }) =>
      db
        .transaction(() => {
          // Only a finding that is there now: one the data has moved on from would never show.
          if (!findingExists(db, checkId, subject)) throw new AppError('FINDING_GONE', 'finding no longer found', { check: checkId });
          return acknowledge(db, newChange(authorOf(db)), checkId, subject, note);
        })
        .immediate(),
    ),
    acknowledgeFindings: write(({ checkId, subjects, note }) =>
      db
        .transaction(() => {
          // Exactly what the page listed and is still open now: a subject holds its figures' values, so one
          // edited since (by the command line, an import) no longer matches and is left for a fresh look.
          const open = openSubjects(db, checkId);
          const listed = [...new Set(subjects)];
          const still = listed.filter((subject) => open.has(subject));
          const change = newChange(authorOf(db));
          for (const subject of still) acknowledge(db, change, checkId, subject, note);
          return { acknowledged: still.length, changed: listed.length - still.length };
        })
        .immediate(),
    ),
    unacknowledgeFinding: write(({ checkId, subject }) => db.transaction(() => unacknowledge(db, newChange(authorOf(db)), checkId, subject)).immediate()),
  };
}
