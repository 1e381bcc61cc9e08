import { DomainError } from '../../platform/errors.ts';
import type { Reducers, TransitionRow } from '../domain-module.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import type { caseNoteEvents } from './events.ts';
import type { CaseNotesState } from './state.ts';

type CaseNotesView = CaseNotesState & PeopleState;

/** Whether the child was a member of the household on the day (joined on or before it, not left before it). */
export function wasMemberOn(state: Pick<PeopleState, 'households'>, householdId: string, on: string): boolean {
  return state.households.some((h) => h.householdId === householdId && h.joinedOn <= on && (h.leftOn === undefined || h.leftOn > on));
}

export const caseNoteReducers: Reducers<typeof caseNoteEvents, CaseNotesView> = {
  'case-note.recorded': (state, event) => {
    const { data } = event;
    if (data.householdId !== undefined && !wasMemberOn(state, data.householdId, event.occurredOn)) {
      throw DomainError.invalidField('data.householdId', `The child was not a member of household ${data.householdId} on ${event.occurredOn}`);
    }
    state.caseNotes.push({
      noteId: event.entityId,
      eventId: event.eventId,
      noteType: data.noteType,
      occurredAt: event.occurredAt,
      occurredOn: event.occurredOn,
      present: data.present ?? [],
      narrative: data.narrative,
      ...(data.voiceOfTheChild !== undefined ? { voiceOfTheChild: data.voiceOfTheChild } : {}),
      ...(data.linkedEventId !== undefined ? { linkedEventId: data.linkedEventId } : {}),
      ...(data.writtenByWorkerId !== undefined ? { writtenByWorkerId: data.writtenByWorkerId } : {}),
      ...(data.householdId !== undefined ? { householdId: data.householdId, householdNoteId: data.householdNoteId } : {}),
      corrected: event.entityId !== event.eventId,
    });
  },
};

export const caseNoteTransitions: Record<'case-note.recorded', TransitionRow<CaseNotesView>> = {
  'case-note.recorded': { action: 'record a case note', what: 'the case note', requires: 'register the child first', holds: (state) => isRegistered(state) },
};
