// A worker thread folding import batches (see fold-pool.ts). Plain JavaScript so that it can
// register the TypeScript loader before loading the fold itself: a worker does not inherit the
// loader of the thread that started it.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { foldBatch } = await import('./batch-fold.ts');
const { timescalesFrom } = await import('../timescales/timescales.ts');
const timescales = timescalesFrom(workerData.timescaleSettings);

parentPort.on('message', ({ id, batch }) => {
  try {
    parentPort.postMessage({ id, result: foldBatch(batch, timescales) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
parentPort.postMessage({ ready: true });
