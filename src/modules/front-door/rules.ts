import { requireOnOrAfter, resolveReference, type ReducerTable } from '../../record/fold-context.ts';
import type { ChildRecordState, ContactState } from '../../record/child-record-state.ts';

type FrontDoorEventType = 'contact.received' | 'mash-check.requested' | 'mash-check.completed' | 'contact.decided';

const undecidedContacts = (state: ChildRecordState) => state.contacts.filter((c) => c.decision === undefined);
const contactFor = (state: ChildRecordState, contactId: string | undefined): ContactState =>
  resolveReference(undecidedContacts(state), (c) => c.contactId, contactId, 'data.contactId', 'contact awaiting a decision');

export const frontDoorReducers: ReducerTable<FrontDoorEventType> = {
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
    const contact = contactFor(state, event.data.contactId);
    event.data.contactId = contact.contactId;
    requireOnOrAfter(event, contact.receivedOn, 'the contact was received');
    contact.mashChecks.push({ agency: event.data.agency, requestedOn: event.occurredOn });
  },
  'mash-check.completed': (state, event) => {
    const contact = contactFor(state, event.data.contactId);
    event.data.contactId = contact.contactId;
    requireOnOrAfter(event, contact.receivedOn, 'the contact was received');
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
    const contact = contactFor(state, event.data.contactId);
    event.data.contactId = contact.contactId;
    requireOnOrAfter(event, contact.receivedOn, 'the contact was received');
    contact.decision = event.data.decision;
    contact.decidedAt = event.occurredAt;
    contact.decidedOn = event.occurredOn;
    contact.decidedByWorkerId = event.data.decidedByWorkerId;
  },
};
