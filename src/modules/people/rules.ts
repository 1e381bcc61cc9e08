import { DomainError } from '../../platform/errors.ts';
import { openItemFor, requireOnOrAfter, type Reducers, type TransitionRow } from '../domain-module.ts';
import type { peopleEvents } from './events.ts';
import { isMergedAway, isRegistered, type PeopleState } from './state.ts';

export const peopleReducers: Reducers<typeof peopleEvents, PeopleState> = {
  'child.registered': (state, event) => {
    const details = event.data;
    if (!details.dateOfBirth && !details.expectedDateOfBirth) {
      throw DomainError.invalidField('data.dateOfBirth', 'Enter the date of birth, or the expected date of birth for an unborn child');
    }
    if (details.dateOfBirth && details.dateOfBirth > event.recordedAt.slice(0, 10)) {
      throw DomainError.invalidField('data.dateOfBirth', 'The date of birth must be today or in the past: for an unborn child, enter the expected date of birth instead');
    }
    state.details = details;
    state.registeredOn = event.occurredOn;
  },
  'child.details-changed': (state, event) => {
    const changed = event.data;
    if (changed.dateOfBirth && changed.dateOfBirth > event.recordedAt.slice(0, 10)) {
      throw DomainError.invalidField('data.dateOfBirth', 'The date of birth must be today or in the past');
    }
    const { reason: _reason, ...details } = changed;
    state.details = { ...state.details!, ...details };
  },
  'child.merged-into': (state, event) => {
    if (event.data.survivingChildId === state.childId) throw DomainError.invalidField('data.survivingChildId', 'A record cannot be merged into itself');
    state.mergedInto = { mergeId: event.data.mergeId, childId: event.data.survivingChildId, on: event.occurredOn };
  },
  'child.merge-reversed': (state, event) => {
    // On the surviving record the reversal is a note: its copies are voided beside it.
    if (event.data.mergedChildId !== state.childId) return;
    if (state.mergedInto?.mergeId !== event.data.mergeId) throw DomainError.invalidField('data.mergeId', 'This record is not merged by that merge');
    delete state.mergedInto;
  },
  'relationship.recorded': (state, event) => {
    if (event.data.relatedChildId === state.childId) {
      throw DomainError.invalidField('data.relatedChildId', 'Select another child: a child cannot be related to themselves');
    }
    state.relationships.push({ relationshipId: event.entityId, recordedOn: event.occurredOn, ...event.data });
  },
  'relationship.ended': (state, event) => {
    const relationship = openItemFor(event, {
      among: state.relationships.filter((r) => r.endedOn === undefined), idOf: (r) => r.relationshipId, field: 'relationshipId',
      what: 'relationship', beganOn: (r) => r.recordedOn, began: 'the relationship was recorded',
    });
    relationship.endedOn = event.occurredOn;
  },
  'household.joined': (state, event) => {
    if (state.households.some((h) => h.householdId === event.data.householdId && h.leftOn === undefined)) {
      throw DomainError.invalidField('data.householdId', 'The child is already in this household: select another household');
    }
    state.households.push({ householdId: event.data.householdId, joinedOn: event.occurredOn });
  },
  'household.left': (state, event) => {
    const household = openItemFor(event, {
      among: state.households.filter((h) => h.leftOn === undefined), idOf: (h) => h.householdId, field: 'householdId',
      what: 'household', beganOn: (h) => h.joinedOn, began: 'the child joined the household',
    });
    household.leftOn = event.occurredOn;
  },
  'allocation.started': (state, event) => {
    // A new allocation replaces the current one: workers change, the child stays allocated.
    for (const allocation of state.allocations) {
      if (allocation.endedOn === undefined) {
        requireOnOrAfter(event, allocation.startedOn, 'the current allocation started');
        allocation.endedOn = event.occurredOn;
      }
    }
    state.allocations.push({ ...event.data, startedOn: event.occurredOn, startedAt: event.occurredAt });
  },
  'allocation.ended': (state, event) => {
    const allocation = state.allocations.find((a) => a.endedOn === undefined)!;
    requireOnOrAfter(event, allocation.startedOn, 'the allocation started');
    allocation.endedOn = event.occurredOn;
  },
};

export const peopleTransitions: { [K in keyof typeof peopleReducers]: TransitionRow<PeopleState> } = {
  'child.registered': { action: 'register the child', what: 'the registration', requires: 'the child is already registered: change their details instead', holds: (s) => !isRegistered(s) },
  'child.details-changed': { action: "change the child's details", what: 'the change', requires: 'register the child first', holds: isRegistered },
  // Written only by the merge service (src/modules/identity/merges.ts): no action words, so never offered.
  'child.merged-into': { requires: 'register the child first; a record already merged into another cannot be merged again', holds: (s) => isRegistered(s) && !isMergedAway(s) },
  'child.merge-reversed': { requires: 'register the child first', holds: isRegistered },
  'relationship.recorded': { action: 'record a relationship', what: 'the relationship', requires: 'register the child first', holds: isRegistered },
  'relationship.ended': { action: 'end a relationship', what: 'the end of the relationship', requires: 'the child has no current relationship', holds: (s) => s.relationships.some((r) => r.endedOn === undefined) },
  'household.joined': { action: 'record the child joining a household', what: 'the move', requires: 'register the child first', holds: isRegistered },
  'household.left': { action: 'record the child leaving a household', what: 'the move', requires: 'the child is not in a household', holds: (s) => s.households.some((h) => h.leftOn === undefined) },
  'allocation.started': { action: 'allocate the child to a worker', what: 'the allocation', requires: 'register the child first', holds: isRegistered },
  'allocation.ended': { action: 'end an allocation', what: 'the end of the allocation', requires: 'the child is not allocated to anyone', holds: (s) => s.allocations.some((a) => a.endedOn === undefined) },
};
