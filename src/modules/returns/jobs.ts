/**
 * Producing a return takes seconds to minutes (every child's record is folded), longer than a
 * request should wait: the API starts a job and the page asks after it until it is done.
 *
 * Jobs are kept in this process's memory, by id, for the user who started it only. That is enough
 * for one server: a job started on a server that is then restarted is lost, and the person starts
 * it again (nothing is written while a return is produced). Behind a load balancer with several
 * servers, the polls must reach the server that started the job (sticky sessions). A finished
 * job's files are kept for KEEP_FINISHED_MS, then dropped.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../platform/errors.ts';
import type { ReturnFile } from './statutory-return.ts';
import type { ReturnProgress } from './service.ts';
import type { ProducibleKind } from './read-model.ts';
import type { ReturnIssue } from './validation-rule.ts';

/** What a finished job made: its files, and what a download of them shows. */
export interface ReturnJobResult {
  files: { name: string; mediaType: string; contents: string | Uint8Array }[];
  issues: readonly ReturnIssue[];
  schemaErrors: readonly { file: string; line: number | null; message: string }[];
  childIds: readonly string[];
  problems: readonly { childId: string; message: string }[];
}

export interface ReturnJob {
  jobId: string;
  ownerUserId: string;
  kind: ProducibleKind;
  period: string;
  state: 'running' | 'done' | 'failed';
  progress: ReturnProgress;
  startedAt: string;
  finishedAt: string | null;
  failure: string | null;
  result: ReturnJobResult | null;
}

/** An hour: long enough to download the files after a meeting, short enough not to hold every return made. */
export const KEEP_FINISHED_MS = 60 * 60 * 1000;
/** A person's jobs running at once: producing folds every record, so one person cannot start many. */
export const MOST_RUNNING_PER_USER = 2;

export class ReturnJobs {
  private readonly jobs = new Map<string, ReturnJob>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Starts `work` as a job of the user's; it reports progress and gives the result. */
  start(ownerUserId: string, kind: ProducibleKind, period: string, work: (onProgress: (progress: ReturnProgress) => void) => Promise<ReturnJobResult>): ReturnJob {
    this.dropExpired();
    const running = [...this.jobs.values()].filter((job) => job.ownerUserId === ownerUserId && job.state === 'running').length;
    if (running >= MOST_RUNNING_PER_USER) {
      throw new DomainError('busy', `You are already producing ${running} returns: wait for one to finish, then start this one`);
    }
    const job: ReturnJob = {
      jobId: randomUUID(), ownerUserId, kind, period, state: 'running', progress: { stage: 'Starting', done: 0, total: 0 },
      startedAt: new Date(this.now()).toISOString(), finishedAt: null, failure: null, result: null,
    };
    this.jobs.set(job.jobId, job);
    // Run after this request has answered; the job records its own end, so nothing awaits it.
    setImmediate(() => {
      work((progress) => { job.progress = progress; }).then(
        (result) => {
          job.result = result;
          job.state = 'done';
          job.finishedAt = new Date(this.now()).toISOString();
        },
        (error: unknown) => {
          job.state = 'failed';
          job.failure = error instanceof DomainError ? error.message : 'The return could not be produced: the error is in the server\'s log';
          job.finishedAt = new Date(this.now()).toISOString();
          if (!(error instanceof DomainError)) console.error(error);
        },
      );
    });
    return job;
  }

  /** The user's job (another user's is not found, as if it did not exist). */
  jobOf(ownerUserId: string, jobId: string): ReturnJob {
    this.dropExpired();
    const job = this.jobs.get(jobId);
    if (!job || job.ownerUserId !== ownerUserId) {
      throw DomainError.notFound('There is no such return being produced: it may have been made more than an hour ago. Produce it again', 'jobId');
    }
    return job;
  }

  /** Resolves when the job has finished (for the command line and tests). */
  async finished(ownerUserId: string, jobId: string, pollMs = 20): Promise<ReturnJob> {
    for (;;) {
      const job = this.jobOf(ownerUserId, jobId);
      if (job.state !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== null && now - Date.parse(job.finishedAt) > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
  }
}

/** A file's size in bytes, as downloaded. */
export function bytesOf(contents: string | Uint8Array): number {
  return typeof contents === 'string' ? Buffer.byteLength(contents, 'utf8') : contents.byteLength;
}

/** A produced return's files as a job keeps them. */
export function filesOfResult(files: readonly ReturnFile[]): ReturnJobResult['files'] {
  return files.map((file) => ({ name: file.name, mediaType: file.mediaType, contents: file.contents }));
}
