/**
 * The 简报 draft's autosave (renderer/src/bulletin/draftSaver.ts) over random sequences of typing,
 * pauses ending, saves succeeding or failing, and Retry (fast-check; the seed is printed on failure):
 * one save at a time, each of the newest content and never of what is already stored (one revision per
 * save), nothing typed is ever dropped, a failure says so and keeps the text, and once saves succeed
 * again the data file holds exactly the last thing typed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DraftSaver, type SaveStatus } from '../../renderer/src/bulletin/draftSaver';

type Action = { kind: 'type'; text: string } | { kind: 'pause' } | { kind: 'answer'; ok: boolean } | { kind: 'retry' };

const Action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), text: fc.string({ maxLength: 3 }) }),
  fc.record({ kind: fc.constant('pause' as const) }),
  fc.record({ kind: fc.constant('answer' as const), ok: fc.boolean() }),
  fc.record({ kind: fc.constant('retry' as const) }),
);

/** Lets the saver's promise callbacks run (no clock involved). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A data file that answers each save when told to, and a timer that fires when told to. */
function rig(initial: string) {
  const calls: { content: string; storedThen: string; answer: (ok: boolean) => void }[] = [];
  let stored = initial;
  let inFlight = 0;
  let maxInFlight = 0;
  let timer: (() => void) | null = null;
  const statuses: SaveStatus[] = [];
  const saver = new DraftSaver<string>({
    initial,
    delayMs: 1000,
    onStatus: (s) => statuses.push(s),
    setTimer: (run) => {
      timer = run;
      return run;
    },
    clearTimer: (handle) => {
      if (timer === handle) timer = null;
    },
    save: (content) =>
      new Promise<void>((resolve, reject) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        calls.push({
          content,
          storedThen: stored,
          answer: (ok) => {
            inFlight--;
            if (ok) {
              stored = content;
              resolve();
            } else reject(new Error('DB_LOCKED'));
          },
        });
      }),
  });
  return {
    saver,
    calls,
    statuses,
    stored: () => stored,
    maxInFlight: () => maxInFlight,
    fire: () => {
      const run = timer;
      timer = null;
      run?.();
    },
  };
}

describe('a draft saving itself', () => {
  it('never loses what was typed, saves one at a time, and ends with the last text stored', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Action, { maxLength: 40, size: 'max' }), async (actions) => {
        const r = rig('');
        let typed = '';
        let answered = 0;
        for (const action of actions) {
          if (action.kind === 'type') {
            typed += action.text;
            r.saver.edit(typed);
          } else if (action.kind === 'pause') r.fire();
          else if (action.kind === 'retry') void r.saver.flush();
          else if (answered < r.calls.length) r.calls[answered++]!.answer(action.ok);
          await settle();
          // What was typed is always there to show, saved or not.
          expect(r.saver.content).toBe(typed);
          expect(r.saver.unsaved).toBe(typed !== r.stored());
          const last = r.statuses.at(-1);
          if (last?.kind === 'failed') expect(r.saver.unsaved).toBe(true);
        }
        expect(r.maxInFlight()).toBeLessThanOrEqual(1);
        // Each save wrote something new: never the content already stored when it was asked.
        for (const call of r.calls) expect(call.content).not.toBe(call.storedThen);
        // Saves succeed from now on: Retry (or leaving) stores exactly the last text.
        const done = r.saver.dispose();
        for (;;) {
          await settle();
          if (answered >= r.calls.length) break;
          r.calls[answered++]!.answer(true);
        }
        await done;
        await r.saver.flush();
        expect(r.stored()).toBe(typed);
        expect(r.saver.unsaved).toBe(false);
        expect(r.statuses.at(-1)?.kind ?? 'saved').toBe('saved');
      }),
      { numRuns: 200, verbose: true },
    );
  });

  it('saves once per pause, however many keystrokes came before it', async () => {
    const r = rig('');
    for (const text of ['集', '集群', '集群简', '集群简报']) r.saver.edit(text);
    expect(r.calls).toHaveLength(0);
    expect(r.statuses.at(-1)).toEqual({ kind: 'pending' });
    r.fire();
    await settle();
    expect(r.calls.map((c) => c.content)).toEqual(['集群简报']);
    r.calls[0]!.answer(true);
    await settle();
    expect(r.statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('after a failed save keeps the text, says why, and stores it on Retry', async () => {
    const r = rig('旧标题');
    r.saver.edit('新标题');
    r.fire();
    await settle();
    r.calls[0]!.answer(false);
    await settle();
    expect(r.statuses.at(-1)).toMatchObject({ kind: 'failed', error: new Error('DB_LOCKED') });
    expect(r.saver.content).toBe('新标题');
    expect(r.stored()).toBe('旧标题');
    const retry = r.saver.flush();
    await settle();
    r.calls[1]!.answer(true);
    await retry;
    expect(r.stored()).toBe('新标题');
    expect(r.statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('takes the data file’s content after an undo without saving it back', async () => {
    const r = rig('第一稿');
    r.saver.reset('撤销后的稿');
    expect(r.saver.unsaved).toBe(false);
    await r.saver.dispose();
    expect(r.calls).toHaveLength(0);
  });
});
