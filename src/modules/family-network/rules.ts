import { DomainError } from '../../platform/errors.ts';
import { openItemFor, type Reducers, type TransitionRow } from '../domain-module.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import type { familyNetworkEvents } from './events.ts';
import { activeFlagsOf, currentAddressOf, currentProfessionalsOf, type FamilyNetworkState } from './state.ts';

/** What the family network reads of the record: its own part, and whether the child is registered. */
export type FamilyNetworkView = FamilyNetworkState & Pick<PeopleState, 'details'>;

export const familyNetworkReducers: Reducers<typeof familyNetworkEvents, FamilyNetworkView> = {
  'professional.recorded': (state, event) => {
    const { data } = event;
    if (currentProfessionalsOf(state).some((p) => p.role === data.role && p.name.toLowerCase() === data.name.toLowerCase())) {
      throw DomainError.invalidField('data.name', `${data.name} is already recorded in this role`);
    }
    state.professionals.push({ professionalId: event.entityId, from: event.occurredOn, ...data });
  },
  'professional.ended': (state, event) => {
    const professional = openItemFor(event, {
      among: currentProfessionalsOf(state), idOf: (p) => p.professionalId, field: 'professionalId',
      what: 'professional', beganOn: (p) => p.from, began: 'the professional was recorded',
    });
    professional.endedOn = event.occurredOn;
    if (event.data.reason) professional.endReason = event.data.reason;
  },
  'flag.raised': (state, event) => {
    const { data } = event;
    // "Other" flags differ by what they say; any other kind is raised once at a time.
    if (activeFlagsOf(state).some((f) => f.kind === data.kind && (data.kind !== 'other' || f.description === data.description))) {
      throw DomainError.invalidField('data.kind', 'This flag is already raised on the record: remove it before raising it again');
    }
    state.flags.push({ flagId: event.entityId, kind: data.kind, reason: data.reason, raisedOn: event.occurredOn, ...(data.description ? { description: data.description } : {}) });
  },
  'flag.removed': (state, event) => {
    const flag = openItemFor(event, {
      among: activeFlagsOf(state), idOf: (f) => f.flagId, field: 'flagId', what: 'flag', beganOn: (f) => f.raisedOn, began: 'the flag was raised',
    });
    flag.removedOn = event.occurredOn;
    flag.removalReason = event.data.reason;
  },
  'address.changed': (state, event) => {
    const { data } = event;
    const bornOn = state.details?.dateOfBirth;
    if (bornOn !== undefined && event.occurredOn < bornOn) {
      throw DomainError.invalidField('occurredAt', `The date of the move must be on or after the child's date of birth, ${bornOn}`);
    }
    const current = currentAddressOf(state);
    // Folded in business order: a move recorded late still falls in its place in the history.
    if (current) current.to = event.occurredOn;
    state.addresses.push({
      address: data.address, from: event.occurredOn,
      ...(data.householdId ? { householdId: data.householdId } : {}), ...(data.moveId ? { moveId: data.moveId } : {}), ...(data.reason ? { reason: data.reason } : {}),
    });
    // The child's details keep their address current, so every list and form that reads it agrees.
    if (state.details) state.details = { ...state.details, address: { line1: data.address.line1, postcode: data.address.postcode } };
  },
};

export const familyNetworkTransitions: { [K in keyof typeof familyNetworkReducers]: TransitionRow<FamilyNetworkView> } = {
  'professional.recorded': { action: 'record a professional working with the child', what: 'the professional', requires: 'register the child first', holds: isRegistered },
  'professional.ended': { action: 'record that a professional no longer works with the child', what: 'the end of their involvement', requires: 'first record a professional working with the child', holds: (s) => currentProfessionalsOf(s).length > 0 },
  'flag.raised': { action: 'raise a flag on the record', what: 'the flag', requires: 'register the child first', holds: isRegistered },
  'flag.removed': { action: 'remove a flag', what: 'the removal of the flag', requires: 'first raise a flag on the record (there is none raised)', holds: (s) => activeFlagsOf(s).length > 0 },
  'address.changed': { action: 'record a change of address', what: 'the move', requires: 'register the child first', holds: isRegistered },
};
