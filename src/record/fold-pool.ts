import { Worker } from 'node:worker_threads';
import type { Timescales } from '../timescales/timescales.ts';
import { foldBatch, type FoldBatch, type FoldBatchResult } from './batch-fold.ts';

/** Folds import batches: on worker threads when there are any, else on this thread. */
export interface BatchFolder {
  fold(batch: FoldBatch): Promise<FoldBatchResult>;
  /** How many batches may usefully be in flight at once. */
  readonly capacity: number;
  close(): Promise<void>;
}

/** Folds on the calling thread: for small imports, where starting threads costs more than it saves. */
export class InThreadFolder implements BatchFolder {
  readonly capacity = 1;
  constructor(private readonly timescales: Timescales) {}
  async fold(batch: FoldBatch): Promise<FoldBatchResult> {
    return foldBatch(batch, this.timescales);
  }
  async close(): Promise<void> {}
}

interface Pending {
  resolve: (result: FoldBatchResult) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads folding batches round robin. Each worker makes its own timescales from the same
 * settings (a calendar and rules are functions, which cannot be sent). Threads start loading as
 * soon as the pool is made, so they are ready by the time the import has stored its events.
 */
export class WorkerPoolFolder implements BatchFolder {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;
  readonly capacity: number;

  constructor(threads: number, timescales: Timescales) {
    this.capacity = threads * 2; // one batch folding and one waiting, per thread
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL('./fold-worker.mjs', import.meta.url), { workerData: { timescaleSettings: timescales.settings } });
      worker.on('message', (message: { id?: number; result?: FoldBatchResult; error?: string }) => {
        if (message.id === undefined) return; // the ready signal
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error !== undefined) pending?.reject(new Error(`Folding an import batch failed: ${message.error}`));
        else pending?.resolve(message.result!);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`An import fold thread stopped (exit code ${code})`));
      });
      return worker;
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  fold(batch: FoldBatch): Promise<FoldBatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, batch });
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('The fold threads were closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
