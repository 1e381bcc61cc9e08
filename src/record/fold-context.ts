import { DomainError } from '../platform/errors.ts';
import type { EventType } from './events.ts';
import type { EffectiveEvent } from './effective-event.ts';
import type { ChildRecordState } from './child-record-state.ts';

export type Reducer<T extends EventType> = (state: ChildRecordState, event: Extract<EffectiveEvent, { type: T }>) => void;
export type ReducerTable<T extends EventType> = { [K in T]: Reducer<K> };

/** Refuses an event dated before the thing it follows (e.g. an assessment before its referral). */
export function requireOnOrAfter(event: EffectiveEvent, earliest: string | undefined, what: string): void {
  if (earliest !== undefined && event.occurredOn < earliest) {
    throw DomainError.invalidField('occurredAt', `${event.type} on ${event.occurredOn} is before ${what} on ${earliest}`);
  }
}

/**
 * Finds the sub-record an event refers to. With no id given, the single open candidate is used;
 * with none or several, the caller is told which ids are possible.
 */
export function resolveReference<T>(
  candidates: T[],
  idOf: (candidate: T) => string,
  givenId: string | undefined,
  field: string,
  what: string,
): T {
  if (givenId !== undefined) {
    const found = candidates.find((candidate) => idOf(candidate) === givenId);
    if (!found) throw DomainError.invalidField(field, `No open ${what} with id ${givenId}`);
    return found;
  }
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) throw DomainError.invalidField(field, `There is no open ${what}`);
  throw DomainError.invalidField(field, `Several ${what}s are open: give ${field} (one of ${candidates.map(idOf).join(', ')})`);
}
