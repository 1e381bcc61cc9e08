import { londonDateOf } from '../platform/calendar/calendar.ts';
import { DomainError } from '../platform/errors.ts';
import { domainModules } from '../modules/registry.ts';
import { emptyChildRecord, type ChildRecordState } from './child-record-state.ts';
import type { EffectiveEvent } from './effective-event.ts';
import type { EventBody, EventType } from './events.ts';
import { actionRequirements, allowedActions, childStatusOf, eventNounOf, refusalOf } from './transitions.ts';

/** An event as read from the log, before corrections are resolved. */
export type LoggedEvent = EventBody & {
  eventId: string;
  sequence: number;
  occurredAt: string;
  recordedAt: string;
  supersedes?: string;
};

type Reducer = (state: ChildRecordState, event: EffectiveEvent) => void;

/** Every module's reducers, by event type. */
const reducers = Object.fromEntries(domainModules.flatMap((module) => Object.entries(module.reducers))) as Record<Exclude<EventType, 'event.voided'>, Reducer>;

export interface FoldedChildRecord {
  state: ChildRecordState;
  /** The events that count, in business order, each with the id other events refer to it by. */
  effectiveEvents: EffectiveEvent[];
  voided: Map<string, { byEventId: string; reason: string }>;
  supersededBy: Map<string, string>;
}

/** Thrown by the fold; `eventId` names the event that could not be applied. */
export class FoldError extends DomainError {
  readonly eventId: string;
  constructor(cause: DomainError, eventId: string) {
    super(cause.code, cause.message, { problems: cause.problems, details: cause.details });
    this.eventId = eventId;
  }
}

/** The business date of an event: its date, or the London date of its instant. */
export const businessDateOf = londonDateOf;

/**
 * Folds a child's logged events into the current record. Corrections are resolved first: voided
 * events and superseded versions drop out, and the latest version of a corrected event takes the
 * place in log order of the first; the rest are applied in business order (date, then log order),
 * each checked against the transition table and the date rules. Pure: same log, same record.
 */
export function foldChildRecord(laCode: string, childId: string, logged: readonly LoggedEvent[]): FoldedChildRecord {
  const byId = new Map(logged.map((event) => [event.eventId, event]));
  const voided = new Map<string, { byEventId: string; reason: string }>();
  const supersededBy = new Map<string, string>();
  for (const event of logged) {
    if (event.type === 'event.voided') {
      const target = byId.get(event.data.voidedEventId);
      if (!target) throw new FoldError(DomainError.invalidField('data.voidedEventId', 'Select an entry on this child\'s record: there is no such entry'), event.eventId);
      if (target.type === 'event.voided') throw new FoldError(DomainError.invalidField('data.voidedEventId', 'You cannot mark this as recorded in error: it already says an entry was recorded in error. Record the entry again instead'), event.eventId);
      voided.set(target.eventId, { byEventId: event.eventId, reason: event.data.reason });
    }
    if (event.supersedes !== undefined) {
      const target = byId.get(event.supersedes);
      if (!target) throw new FoldError(DomainError.invalidField('supersedes', 'Select an entry on this child\'s record to correct: there is no such entry'), event.eventId);
      if (target.type !== event.type) throw new FoldError(DomainError.invalidField('supersedes', `A correction of ${eventNounOf(target.type)} must be the same kind of entry as what it corrects`), event.eventId);
      if (supersededBy.has(target.eventId)) throw new FoldError(DomainError.invalidField('supersedes', 'That entry has already been corrected: correct its latest version'), event.eventId);
      supersededBy.set(target.eventId, event.eventId);
    }
  }

  const entityIdOf = (event: LoggedEvent): string => {
    let current = event;
    while (current.supersedes !== undefined) current = byId.get(current.supersedes)!;
    return current.eventId;
  };
  const isVoided = (event: LoggedEvent): boolean => {
    // Voiding any version of a corrected event voids the whole chain.
    for (let current: LoggedEvent | undefined = event; current; current = current.supersedes ? byId.get(current.supersedes) : undefined) {
      if (voided.has(current.eventId)) return true;
    }
    return false;
  };

  // A correction stands in the place of what it corrects: it keeps the first version's sequence, so
  // the record folds as if it had been recorded right the first time (a correction of a contact
  // made after the contact's decision on the same day is still folded before that decision).
  const effectiveEvents = logged
    .filter((event) => event.type !== 'event.voided' && !supersededBy.has(event.eventId) && !isVoided(event))
    .map((event) => {
      const entityId = entityIdOf(event);
      return effectiveEventOf(event, entityId, byId.get(entityId)!.sequence);
    })
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.sequence - b.sequence));

  const state = emptyChildRecord(laCode, childId);
  for (const event of effectiveEvents) {
    try {
      applyEvent(state, event);
    } catch (error) {
      if (error instanceof DomainError) throw new FoldError(error, event.eventId);
      throw error;
    }
  }
  return { state, effectiveEvents, voided, supersededBy };
}

/**
 * The record folded from a log and one event more, worked out from the record folded without it
 * when the event is simply the next in business order: neither a void nor a correction, and dated
 * no earlier than the last event that counts (it was logged after all of them). Applying it to a
 * copy of that record gives what folding the whole log again would. Undefined otherwise: fold the
 * whole log. Throws a FoldError when the event cannot be applied.
 */
export function foldAppended(before: FoldedChildRecord, event: LoggedEvent): FoldedChildRecord | undefined {
  if (event.type === 'event.voided' || event.supersedes !== undefined) return undefined;
  const last = before.effectiveEvents.at(-1);
  const effective = effectiveEventOf(event, event.eventId, event.sequence);
  if (last !== undefined && (effective.occurredOn < last.occurredOn || effective.sequence <= last.sequence)) return undefined;
  const state = structuredClone(before.state);
  try {
    applyEvent(state, effective);
  } catch (error) {
    if (error instanceof DomainError) throw new FoldError(error, event.eventId);
    throw error;
  }
  return { state, effectiveEvents: [...before.effectiveEvents, effective], voided: before.voided, supersededBy: before.supersededBy };
}

// Built field by field: spreading events of many shapes is the slowest step of an import's fold.
function effectiveEventOf(event: LoggedEvent, entityId: string, sequence: number): EffectiveEvent {
  return {
    type: event.type, data: structuredClone(event.data), eventId: event.eventId, entityId, sequence,
    occurredAt: event.occurredAt, occurredOn: businessDateOf(event.occurredAt), recordedAt: event.recordedAt,
  } as EffectiveEvent;
}

function applyEvent(state: ChildRecordState, event: EffectiveEvent): void {
  const type = event.type as Exclude<EventType, 'event.voided'>;
  const requirement = actionRequirements[type];
  if (!requirement.holds(state)) {
    throw new DomainError('conflict', refusalOf(type, state, event.occurredOn), {
      details: { status: childStatusOf(state), allowedActions: allowedActions(state), asAt: event.occurredOn },
    });
  }
  reducers[type](state, event);
}
