import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { KEEP_FINISHED_MS, ReturnJobs, type ReturnJobResult } from './jobs.ts';

const result: ReturnJobResult = { files: [{ name: 'cin.xml', mediaType: 'application/xml', contents: '<Message/>' }], issues: [], schemaErrors: [], childIds: ['C1'], problems: [] };

describe('the jobs that produce returns', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('runs the work after answering, reports its progress, and keeps its result for its owner only', async () => {
    const jobs = new ReturnJobs();
    let release!: () => void;
    const job = jobs.start('u-1', 'cin', '2024-25', async (onProgress) => {
      onProgress({ stage: 'Reading children\'s records', done: 1, total: 4 });
      await new Promise<void>((resolve) => { release = resolve; });
      return result;
    });
    expect(job.state).toBe('running');
    await new Promise((resolve) => setImmediate(resolve));
    expect(jobs.jobOf('u-1', job.jobId).progress).toEqual({ stage: 'Reading children\'s records', done: 1, total: 4 });
    expect(() => jobs.jobOf('u-2', job.jobId)).toThrow(DomainError);
    release();
    const finished = await jobs.finished('u-1', job.jobId, 1);
    expect(finished).toMatchObject({ state: 'done', result, failure: null });
    expect(finished.finishedAt).not.toBeNull();
  });

  it('says in plain English why a job failed', async () => {
    const jobs = new ReturnJobs();
    const job = jobs.start('u-1', 'ssda903', '2024-25', async () => { throw DomainError.invalidField('year', 'Not a year the return knows'); });
    expect(await jobs.finished('u-1', job.jobId, 1)).toMatchObject({ state: 'failed', failure: 'Not a year the return knows', result: null });
  });

  it('lets a person run two at once, not more', () => {
    const jobs = new ReturnJobs();
    const never = () => new Promise<ReturnJobResult>(() => {});
    jobs.start('u-1', 'cin', '2024-25', never);
    jobs.start('u-1', 'ssda903', '2024-25', never);
    expect(() => jobs.start('u-1', 'annex-a', '2026-11-30', never)).toThrow(/already producing 2 returns/);
    expect(jobs.start('u-2', 'cin', '2024-25', never).state).toBe('running');
  });

  it('drops a finished job an hour after it finished', async () => {
    let now = Date.parse('2026-12-08T09:00:00Z');
    const jobs = new ReturnJobs(() => now);
    const job = jobs.start('u-1', 'cin', '2024-25', async () => result);
    await jobs.finished('u-1', job.jobId, 1);
    now += KEEP_FINISHED_MS;
    expect(jobs.jobOf('u-1', job.jobId).state).toBe('done');
    now += 1;
    expect(() => jobs.jobOf('u-1', job.jobId)).toThrow(/Produce it again/);
  });
});
