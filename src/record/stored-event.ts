import type { ChildEvent } from './events.ts';

/** A logged event with everything the log keeps about it, as the API and the export show it. */
export type StoredEvent = ChildEvent & { sequence: number; importBatchId?: string; importLine?: number };
