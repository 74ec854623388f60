/**
 * Long work (a large export or import) runs as a job: the page starts it, polls its progress
 * through the contract (getJob), and may cancel it (cancelJob). A job reports done/total and ends
 * done, failed (with a typed error) or cancelled.
 */
import crypto from 'node:crypto';
import type { JobStatus } from '../../shared/domain';
import { AppError, toErrorPayload } from '../../shared/errors';

export interface JobControl {
  readonly signal: AbortSignal;
  /** Reports progress; throws a CANCELLED AppError once the job was cancelled. */
  progress(done: number, total: number): void;
}

interface Entry {
  status: JobStatus;
  abort: AbortController;
}

export class Jobs {
  private readonly entries = new Map<string, Entry>();

  start(kind: string, work: (job: JobControl) => Promise<{ path: string | null; summary?: Record<string, number | string> }>): JobStatus {
    const id = crypto.randomUUID();
    const abort = new AbortController();
    const entry: Entry = { abort, status: { id, kind, state: 'running', done: 0, total: 0, path: null, summary: {}, error: null } };
    this.entries.set(id, entry);
    const control: JobControl = {
      signal: abort.signal,
      progress: (done, total) => {
        if (abort.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
        entry.status = { ...entry.status, done, total };
      },
    };
    // Start on the next tick so the caller gets the id before any work happens.
    // A work function that throws at once (a synchronous SQLite call) fails the job like one that rejects.
    setImmediate(() => {
      new Promise<Awaited<ReturnType<typeof work>>>((resolve) => resolve(work(control))).then(
        (result) => {
          entry.status = abort.signal.aborted
            ? { ...entry.status, state: 'cancelled' }
            : { ...entry.status, state: 'done', path: result.path, summary: result.summary ?? {} };
        },
        (error: unknown) => {
          const payload = toErrorPayload(error);
          entry.status = abort.signal.aborted || payload.code === 'CANCELLED' ? { ...entry.status, state: 'cancelled' } : { ...entry.status, state: 'failed', error: payload };
        },
      );
    });
    return entry.status;
  }

  get(id: string): JobStatus {
    const entry = this.entries.get(id);
    if (!entry) throw new AppError('NOT_FOUND', 'job not found', { what: 'job', id });
    return entry.status;
  }

  cancel(id: string): JobStatus {
    const entry = this.entries.get(id);
    if (!entry) throw new AppError('NOT_FOUND', 'job not found', { what: 'job', id });
    if (entry.status.state === 'running') entry.abort.abort();
    return entry.status;
  }

  /** Resolves when the job has ended (tests and the command line). */
  async settle(id: string, pollMs = 10): Promise<JobStatus> {
    for (;;) {
      const status = this.get(id);
      if (status.state !== 'running') return status;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
}
