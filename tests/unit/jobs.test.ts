import { describe, expect, it } from 'vitest';
import { Jobs } from '../../electron/services/jobs';

describe('long work as jobs', () => {
  it('reports progress and ends done with its result', async () => {
    const jobs = new Jobs();
    const seen: number[] = [];
    const started = jobs.start('test', async (job) => {
      for (let i = 1; i <= 5; i++) {
        job.progress(i, 5);
        seen.push(jobs.get(started.id).done);
        await new Promise((r) => setTimeout(r, 2));
      }
      return { path: '/tmp/out.xlsx', summary: { rows: 5 } };
    });
    expect(started.state).toBe('running');
    const ended = await jobs.settle(started.id);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(ended).toMatchObject({ state: 'done', done: 5, total: 5, path: '/tmp/out.xlsx', summary: { rows: 5 } });
  });

  it('stops at the next progress report once cancelled', async () => {
    const jobs = new Jobs();
    let reached = 0;
    const started = jobs.start('test', async (job) => {
      for (let i = 1; i <= 1000; i++) {
        job.progress(i, 1000);
        reached = i;
        await new Promise((r) => setTimeout(r, 1));
      }
      return { path: null };
    });
    await new Promise((r) => setTimeout(r, 20));
    jobs.cancel(started.id);
    const ended = await jobs.settle(started.id);
    expect(ended.state).toBe('cancelled');
    expect(reached).toBeLessThan(1000);
  });

  it('turns a failure into a typed error', async () => {
    const jobs = new Jobs();
    const started = jobs.start('test', async () => {
      throw Object.assign(new Error('disk'), { code: 'SQLITE_FULL' });
    });
    expect(await jobs.settle(started.id)).toMatchObject({ state: 'failed', error: { code: 'DISK_FULL' } });
  });
});
