/**
 * The data-check channels (issue 12): run every check, acknowledge a finding with a note, withdraw
 * an acknowledgement. Each write is one transaction with one change context (one batch for undo).
 */
import { AppError } from '../../../shared/errors';
import type { HandlerContext, Handlers } from '../handlers';
import { newChange } from '../db/revisions';
import { authorOf } from '../workbench/settings';
import { acknowledge, unacknowledge } from './acknowledgements';
import { countChecks, findingExists, runChecks } from './run';

type CheckChannels = 'runChecks' | 'countChecks' | 'acknowledgeFinding' | 'unacknowledgeFinding';

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
    unacknowledgeFinding: write(({ checkId, subject }) => db.transaction(() => unacknowledge(db, newChange(authorOf(db)), checkId, subject)).immediate()),
  };
}
