import { DomainError } from '../../platform/errors.ts';
import { requireOnOrAfter, resolveReference, type ReducerTable } from '../../record/fold-context.ts';

type PeopleEventType =
  | 'child.registered'
  | 'child.details-changed'
  | 'relationship.recorded'
  | 'relationship.ended'
  | 'household.joined'
  | 'household.left'
  | 'allocation.started'
  | 'allocation.ended';

export const peopleReducers: ReducerTable<PeopleEventType> = {
  'child.registered': (state, event) => {
    const details = event.data;
    if (!details.dateOfBirth && !details.expectedDateOfBirth) {
      throw DomainError.invalidField('data.dateOfBirth', 'Give a date of birth, or an expected date of birth for an unborn child');
    }
    if (details.dateOfBirth && details.dateOfBirth > event.recordedAt.slice(0, 10)) {
      throw DomainError.invalidField('data.dateOfBirth', 'Date of birth is in the future: record an expected date of birth instead');
    }
    state.details = details;
    state.registeredOn = event.occurredOn;
  },
  'child.details-changed': (state, event) => {
    const changed = event.data;
    if (changed.dateOfBirth && changed.dateOfBirth > event.recordedAt.slice(0, 10)) {
      throw DomainError.invalidField('data.dateOfBirth', 'Date of birth is in the future');
    }
    state.details = { ...state.details!, ...changed };
  },
  'relationship.recorded': (state, event) => {
    if (event.data.relatedChildId === state.childId) {
      throw DomainError.invalidField('data.relatedChildId', 'A child cannot be related to themselves');
    }
    state.relationships.push({ relationshipId: event.entityId, recordedOn: event.occurredOn, ...event.data });
  },
  'relationship.ended': (state, event) => {
    const current = state.relationships.filter((r) => r.endedOn === undefined);
    const relationship = resolveReference(current, (r) => r.relationshipId, event.data.relationshipId, 'data.relationshipId', 'relationship');
    event.data.relationshipId = relationship.relationshipId;
    requireOnOrAfter(event, relationship.recordedOn, 'the relationship was recorded');
    relationship.endedOn = event.occurredOn;
  },
  'household.joined': (state, event) => {
    if (state.households.some((h) => h.householdId === event.data.householdId && h.leftOn === undefined)) {
      throw DomainError.invalidField('data.householdId', 'The child is already in this household');
    }
    state.households.push({ householdId: event.data.householdId, joinedOn: event.occurredOn });
  },
  'household.left': (state, event) => {
    const current = state.households.filter((h) => h.leftOn === undefined);
    const household = resolveReference(current, (h) => h.householdId, event.data.householdId, 'data.householdId', 'household');
    requireOnOrAfter(event, household.joinedOn, 'the child joined the household');
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
