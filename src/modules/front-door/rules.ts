import { agencyOfReferralSource } from '../../codes/statutory-codes.ts';
import { endingOn, type PartnerSharing } from '../../record/partner-sharing-reason.ts';
import { openItemFor, requireOnOrAfter, type Reducers, type TransitionRow } from '../domain-module.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import type { frontDoorEvents } from './events.ts';
import { undecidedContactsOf, type FrontDoorState } from './state.ts';

type FrontDoorView = FrontDoorState & PeopleState;

/** The contact an event acts on: the one it names, or the only one awaiting a decision. */
const contactFor = (state: FrontDoorState, event: { type: string; occurredOn: string; data: { contactId?: string } }) => openItemFor(event, {
  among: undecidedContactsOf(state), idOf: (c) => c.contactId, field: 'contactId',
  what: 'contact awaiting a decision', beganOn: (c) => c.receivedOn, began: 'the contact was received',
});

export const frontDoorReducers: Reducers<typeof frontDoorEvents, FrontDoorView> = {
  'contact.received': (state, event) => {
    state.contacts.push({
      contactId: event.entityId,
      receivedAt: event.occurredAt,
      receivedOn: event.occurredOn,
      source: event.data.source,
      localSource: event.data.localSource,
      primaryReason: event.data.primaryReason,
      otherReasons: event.data.otherReasons,
      mashChecks: [],
    });
  },
  'mash-check.requested': (state, event) => {
    const contact = contactFor(state, event);
    contact.mashChecks.push({ agency: event.data.agency, requestedOn: event.occurredOn });
  },
  'mash-check.completed': (state, event) => {
    const contact = contactFor(state, event);
    const requested = contact.mashChecks.find((c) => c.agency === event.data.agency && c.completedOn === undefined);
    if (requested) {
      requireOnOrAfter(event, requested.requestedOn, 'the check was requested');
      requested.completedOn = event.occurredOn;
      requested.informationHeld = event.data.informationHeld;
    } else {
      contact.mashChecks.push({ agency: event.data.agency, completedOn: event.occurredOn, informationHeld: event.data.informationHeld });
    }
  },
  'contact.decided': (state, event) => {
    const contact = contactFor(state, event);
    contact.decision = event.data.decision;
    contact.decidedAt = event.occurredAt;
    contact.decidedOn = event.occurredOn;
    contact.decidedByWorkerId = event.data.decidedByWorkerId;
  },
};

const undecidedContact = (s: FrontDoorState) => s.contacts.some((c) => c.decision === undefined);

export const frontDoorTransitions: { [K in keyof typeof frontDoorReducers]: TransitionRow<FrontDoorView> } = {
  'contact.received': { action: 'record a contact', what: 'the contact', requires: 'register the child first', holds: isRegistered },
  'mash-check.requested': { action: 'request a MASH check', what: 'the request', requires: 'first record a contact (there is none waiting for a decision)', holds: undecidedContact },
  'mash-check.completed': { action: 'record a MASH check', what: 'the MASH check', requires: 'first record a contact (there is none waiting for a decision)', holds: undecidedContact },
  'contact.decided': { action: 'record a decision on a contact', what: 'the decision', requires: 'first record a contact (there is none waiting for a decision)', holds: undecidedContact },
};

/**
 * Why the front door shares a child with a partner agency:
 * - own-contact: the agency's own contact, while it is undecided (children in need carries it on
 *   while the episode it led to is open);
 * - mash-check: the agency was asked at the front door what it knows, while the contact is undecided.
 */
export function frontDoorPartnerSharing(state: FrontDoorState): PartnerSharing[] {
  const sharing: PartnerSharing[] = [];
  for (const contact of state.contacts) {
    const agency = agencyOfReferralSource(contact.source);
    if (agency) sharing.push({ agency, reason: 'own-contact', subjectId: contact.contactId, startedOn: contact.receivedOn, ...endingOn(contact.decidedOn) });
    for (const check of contact.mashChecks) {
      const startedOn = check.requestedOn ?? check.completedOn!;
      sharing.push({ agency: check.agency, reason: 'mash-check', subjectId: contact.contactId, startedOn, ...endingOn(contact.decidedOn) });
    }
  }
  return sharing;
}
