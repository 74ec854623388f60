/**
 * Autosave for a 简报 draft, without React or the DOM: each edit restarts a short pause, then the
 * newest content is saved (one save, so one revision, per pause); one save at a time, and what was
 * typed during a save is saved after it. A failed save keeps the content and says so; the next edit
 * or `flush()` (the Retry button, leaving the page, issuing, exporting) tries again.
 */

export type SaveStatus = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; error: unknown };

export interface DraftSaverOptions<T> {
  /** The content as the data file holds it now. */
  initial: T;
  save: (content: T) => Promise<void>;
  /** The pause after the last edit before saving. */
  delayMs: number;
  onStatus: (status: SaveStatus) => void;
  /** Timers, replaceable for tests. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export class DraftSaver<T> {
  private latest: T;
  private saved: T;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: DraftSaverOptions<T>) {
    this.latest = options.initial;
    this.saved = options.initial;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** The content as last edited (saved or not). */
  get content(): T {
    return this.latest;
  }

  /** True while something typed is not yet in the data file. */
  get unsaved(): boolean {
    return !same(this.latest, this.saved);
  }

  edit(content: T): void {
    this.latest = content;
    this.stopTimer();
    if (!this.unsaved) {
      if (!this.running) this.setStatus({ kind: 'saved' });
      return;
    }
    if (!this.running) this.setStatus({ kind: 'pending' });
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, this.options.delayMs);
  }

  /** Saves now whatever is unsaved (waiting for a save under way first); resolves once the content is saved or the save failed. */
  async flush(): Promise<void> {
    this.stopTimer();
    while (this.running) await this.running;
    if (!this.unsaved) {
      this.setStatus({ kind: 'saved' });
      return;
    }
    const content = this.latest;
    this.setStatus({ kind: 'saving' });
    let failed: { error: unknown } | null = null;
    this.running = this.options.save(content).then(
      () => {
        this.saved = content;
      },
      (error: unknown) => {
        failed = { error };
      },
    );
    await this.running;
    this.running = null;
    if (failed !== null) {
      this.setStatus({ kind: 'failed', error: (failed as { error: unknown }).error });
      return;
    }
    // Typed during the save: saved in turn.
    if (this.unsaved) return this.flush();
    this.setStatus({ kind: 'saved' });
  }

  /** The data file's content replaced what was here (after an undo or redo): nothing is unsaved. */
  reset(content: T): void {
    this.stopTimer();
    this.latest = content;
    this.saved = content;
    if (!this.running) this.setStatus({ kind: 'saved' });
  }

  /** Leaving: no more timers; whatever is unsaved is saved now. */
  dispose(): Promise<void> {
    this.stopTimer();
    return this.unsaved ? this.flush() : Promise.resolve();
  }

  private stopTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private setStatus(status: SaveStatus): void {
    this.options.onStatus(status);
  }
}
