/**
 * Children's logs as this process last read them, so that reading a record again, or writing to
 * it, does not fetch and parse every event again when none has been added since.
 *
 * A log is append-only and is only ever removed whole (a disposal), so the number of its events
 * and its last sequence say whether a copy is current: the database is asked for both in the
 * same statement that would otherwise return the events, and returns them only when they differ.
 * Every process checks against the database, so several processes can each keep their own.
 */
import type pg from 'pg';
import type { Duty } from '../timescales/engine.ts';
import type { Timescales } from '../timescales/timescales.ts';
import { foldChildRecord, type FoldedChildRecord, type LoggedEvent } from './fold.ts';
import { projectionRowTextsOf, type ProjectionRowTexts } from './projections.ts';
import type { StoredEvent } from './events.ts';

export interface LogFingerprint {
  events: number;
  lastSequence: number | null;
}

interface CachedLog extends LogFingerprint {
  log: readonly StoredEvent[];
}

/**
 * How many events the kept logs may hold in all (a few hundred bytes each, with their fold): enough
 * for the records a council's staff have open at once. The least recently used go first.
 */
const CACHED_EVENTS = 200_000;

export class ChildLogCache {
  private readonly logs = new Map<string, CachedLog>();
  private events = 0;
  constructor(private readonly limit = CACHED_EVENTS) {}

  find(laCode: string, childId: string): CachedLog | undefined {
    const key = `${laCode}:${childId}`;
    const found = this.logs.get(key);
    if (found) {
      // Map keeps insertion order: moving the entry to the end makes the first the least recently used.
      this.logs.delete(key);
      this.logs.set(key, found);
    }
    return found;
  }

  keep(laCode: string, childId: string, fingerprint: LogFingerprint, log: StoredEvent[]): readonly StoredEvent[] {
    const frozen = deepFreeze(log);
    const key = `${laCode}:${childId}`;
    this.forget(key);
    this.logs.set(key, { ...fingerprint, log: frozen });
    this.events += frozen.length;
    // The newest is kept even when it alone is over the limit: it is in use.
    for (const oldest of this.logs.keys()) {
      if (this.events <= this.limit || oldest === key) break;
      this.forget(oldest);
    }
    return frozen;
  }

  /** How many children's logs, and events in all, are kept. */
  size(): { children: number; events: number } {
    return { children: this.logs.size, events: this.events };
  }

  private forget(key: string): void {
    const kept = this.logs.get(key);
    if (!kept) return;
    this.events -= kept.log.length;
    this.logs.delete(key);
  }
}

/** Shared copies must never change: frozen, so that a caller changing one fails loudly instead. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const caches = new WeakMap<pg.Pool, ChildLogCache>();

/** The cache of the logs read through one pool (one database). */
export function childLogCacheOf(pool: pg.Pool): ChildLogCache {
  let cache = caches.get(pool);
  if (!cache) caches.set(pool, (cache = new ChildLogCache()));
  return cache;
}

/**
 * A log's fold, its duties and its projection rows are worked out once per copy of the log kept
 * (the copies are frozen, so the same copy always folds the same). Logs not kept are folded each time.
 */
const folds = new WeakMap<readonly StoredEvent[], FoldedChildRecord>();
interface Derived { timescales: Timescales; duties: readonly Duty[]; rows?: ProjectionRowTexts }
const derivedByFold = new WeakMap<FoldedChildRecord, Derived>();

export function foldOf(laCode: string, childId: string, log: readonly StoredEvent[]): FoldedChildRecord {
  const kept = Object.isFrozen(log);
  const found = kept ? folds.get(log) : undefined;
  if (found) return found;
  const folded = foldChildRecord(laCode, childId, log as readonly LoggedEvent[]);
  if (kept) folds.set(log, deepFreeze(folded));
  return folded;
}

/**
 * After a write has committed: its log (the log it read and its new event, as a read would return
 * them) is kept with the record, duties and projection rows the write worked out from it, so the
 * next read or write of the child starts from them. The fingerprint is what the database now holds.
 */
export function keepWritten(
  pool: pg.Pool, laCode: string, childId: string, fingerprint: LogFingerprint, log: StoredEvent[],
  folded: FoldedChildRecord, timescales: Timescales, duties: Duty[], rows: ProjectionRowTexts,
): void {
  const kept = childLogCacheOf(pool).keep(laCode, childId, fingerprint, log);
  folds.set(kept, deepFreeze(folded));
  derivedByFold.set(folded, { timescales, duties: deepFreeze(duties), rows });
}

export function dutiesOfFold(folded: FoldedChildRecord, timescales: Timescales, compute: () => Duty[]): readonly Duty[] {
  const found = derivedByFold.get(folded);
  if (found?.timescales === timescales) return found.duties;
  const duties = compute();
  if (Object.isFrozen(folded)) derivedByFold.set(folded, { timescales, duties: deepFreeze(duties) });
  return duties;
}

/** A kept record's projection rows (as a write needs them to compare), worked out once. */
export function projectionRowsOfFold(folded: FoldedChildRecord, timescales: Timescales, duties: readonly Duty[]): ProjectionRowTexts {
  const found = derivedByFold.get(folded);
  if (found?.timescales === timescales && found.duties === duties && found.rows) return found.rows;
  const rows = projectionRowTextsOf(folded, duties);
  if (found?.timescales === timescales && found.duties === duties) found.rows = rows;
  return rows;
}
