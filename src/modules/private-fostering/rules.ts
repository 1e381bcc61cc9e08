import { addCalendarDays, addMonths, longDateOf } from '../../platform/calendar/calendar.ts';
import { DomainError } from '../../platform/errors.ts';
import { openItemFor, type Involvement, type Reducers, type TransitionRow } from '../domain-module.ts';
import type { FrontDoorState } from '../front-door/index.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import type { privateFosteringEvents } from './events.ts';
import {
  awaitingDecision, currentArrangementOf, householdOf, isOpen, openPrivateFosteringOf,
  type HouseholdPersonState, type PrivateFosteringArrangementState, type PrivateFosteringState,
} from './state.ts';

type PrivateFosteringView = PrivateFosteringState & PeopleState & FrontDoorState;

/** Care for less than 28 days, not meant to last longer, is not private fostering (Children Act 1989 s66(2)). */
const LEAST_DAYS = 28;

/** The notification an event names, or the only open one; refused if dated before it was received. */
const notificationFor = (
  state: PrivateFosteringState,
  event: { type: string; occurredOn: string; data: { notificationId?: string } },
  which: { awaitingDecision: boolean },
) => openItemFor(event, {
  among: state.privateFosteringNotifications.filter(which.awaitingDecision ? awaitingDecision : isOpen),
  idOf: (n) => n.notificationId, field: 'notificationId',
  what: which.awaitingDecision ? 'private fostering notification awaiting a decision' : 'private fostering notification',
  beganOn: (n) => n.receivedOn, began: 'the notification was received',
});

/** The first anniversary of the arrangement: from then visits are due every 12 weeks instead of every 6 (regulation 8). */
const laterYearsBeginOn = (arrangement: Pick<PrivateFosteringArrangementState, 'countsFrom'>) => addMonths(arrangement.countsFrom, 12);

/** The transition table has already checked that there is a current arrangement. */
const arrangementOf = (state: PrivateFosteringState): PrivateFosteringArrangementState => currentArrangementOf(state)!;

/**
 * The household's people as the record keeps them: each with the person id given or, without one,
 * a name within the arrangement (carer-1, member-1…), written back so the stored event is explicit.
 */
function householdPeople(people: { personId?: string; name: string; dateOfBirth?: string }[], prefix: string): HouseholdPersonState[] {
  return people.map((person, index) => {
    person.personId ??= `${prefix}-${index + 1}`;
    return { personId: person.personId, name: person.name, ...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth } : {}) };
  });
}

/** Under 16 (Children Act 1989 s66(1)), or under 18 if disabled (s66(4)), on the day. */
function requireOfPrivateFosteringAge(state: PeopleState, on: string): void {
  const details = state.details!;
  if (details.dateOfBirth === undefined) {
    throw DomainError.invalidField('data.startedOn', 'An unborn child cannot be privately fostered: record the child\'s date of birth first');
  }
  const disabled = details.disabilities.some((code) => code !== 'NONE');
  const limit = disabled ? 18 : 16;
  if (addMonths(details.dateOfBirth, limit * 12) <= on) {
    throw DomainError.invalidField(
      'data.startedOn',
      `On ${longDateOf(on)} the child is ${limit} or over${disabled ? '' : ' and has no recorded disability'}: that is not private fostering (Children Act 1989 s66). Close the notification instead`,
    );
  }
}

export const privateFosteringReducers: Reducers<typeof privateFosteringEvents, PrivateFosteringView> = {
  'private-fostering.notified': (state, event) => {
    const { data } = event;
    if (data.contactId !== undefined) {
      // Folded in business order: a contact received after the notification is not there yet.
      if (!state.contacts.some((c) => c.contactId === data.contactId)) {
        throw DomainError.invalidField('data.contactId', `Select a contact received on or before ${longDateOf(event.occurredOn)}: there is no such contact with id ${data.contactId}`);
      }
    }
    if (data.arrangementBeginsOn !== undefined) {
      if (data.timing === 'proposed' && data.arrangementBeginsOn < event.occurredOn) {
        throw DomainError.invalidField('data.arrangementBeginsOn', `The date the arrangement begins must be on or after the notification on ${longDateOf(event.occurredOn)} for a proposed arrangement: one that began on ${longDateOf(data.arrangementBeginsOn)} is an existing arrangement`);
      }
      if (data.timing === 'existing' && data.arrangementBeginsOn > event.occurredOn) {
        throw DomainError.invalidField('data.arrangementBeginsOn', `The date the arrangement began must be on or before the notification on ${longDateOf(event.occurredOn)} for an existing arrangement: one beginning on ${longDateOf(data.arrangementBeginsOn)} is a proposed arrangement`);
      }
    }
    state.privateFosteringNotifications.push({
      notificationId: event.entityId,
      receivedOn: event.occurredOn,
      notifiedBy: data.notifiedBy,
      timing: data.timing,
      ...(data.arrangementBeginsOn ? { arrangementBeginsOn: data.arrangementBeginsOn } : {}),
      ...(data.contactId ? { contactId: data.contactId } : {}),
      visits: [],
    });
  },
  'private-fostering.notification-forwarded': (state, event) => {
    const notification = notificationFor(state, event, { awaitingDecision: false });
    notification.forwardedOn = event.occurredOn;
  },
  'private-fostering.visit-made': (state, event) => {
    const notification = notificationFor(state, event, { awaitingDecision: false });
    const { data } = event;
    if (data.reportWrittenOn !== undefined && data.reportWrittenOn < event.occurredOn) {
      throw DomainError.invalidField('data.reportWrittenOn', `The date the report was written must be on or after the visit on ${longDateOf(event.occurredOn)}`);
    }
    const arrangement = notification.arrangement;
    const laterYearsBegin = arrangement ? laterYearsBeginOn(arrangement) : undefined;
    const visitKind = notification.visits.length === 0 ? 'initial' : 'monitoring';
    // A visit counts towards the regulation 8 intervals when the child is seen.
    const firstVisitOfLaterYears = data.childSeen && laterYearsBegin !== undefined && event.occurredOn >= laterYearsBegin
      && !notification.visits.some((visit) => visit.childSeen && visit.visitedOn >= laterYearsBegin);
    // The timescales read these from the event: which visit met the initial visit's duty, and where 12-weekly visits begin.
    data.visitKind = visitKind;
    data.firstVisitOfLaterYears = firstVisitOfLaterYears;
    notification.visits.push({
      visitId: event.entityId,
      visitedOn: event.occurredOn,
      visitKind,
      childSeen: data.childSeen,
      seenAlone: data.seenAlone,
      ...(data.reportWrittenOn ? { reportWrittenOn: data.reportWrittenOn } : {}),
      ...(data.visitedByWorkerId ? { visitedByWorkerId: data.visitedByWorkerId } : {}),
    });
  },
  'private-fostering.arrangement-confirmed': (state, event) => {
    const notification = notificationFor(state, event, { awaitingDecision: true });
    const { data } = event;
    if (data.startedOn > event.occurredOn) {
      throw DomainError.invalidField('data.startedOn', `The start date must be on or before ${longDateOf(event.occurredOn)}: confirm the arrangement once it has begun`);
    }
    if (notification.timing === 'proposed' && data.startedOn < notification.receivedOn) {
      throw DomainError.invalidField('data.startedOn', `The start date must be on or after the notification on ${longDateOf(notification.receivedOn)}, which was of an arrangement not yet begun`);
    }
    if (data.expectedEndOn !== undefined && data.expectedEndOn < addCalendarDays(data.startedOn, LEAST_DAYS)) {
      throw DomainError.invalidField('data.expectedEndOn', `The expected end date must be at least ${LEAST_DAYS} days after the start: a shorter arrangement is not private fostering (Children Act 1989 s66), so close the notification instead`);
    }
    requireOfPrivateFosteringAge(state, event.occurredOn);
    const carers = householdPeople(data.carers, 'carer');
    const householdMembers = householdPeople(data.householdMembers, 'member');
    const ids = [...carers, ...householdMembers].map((person) => person.personId);
    const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeated !== undefined) throw DomainError.invalidField('data.carers', `Give each person in the household their own person id: ${repeated} is given to two people`);
    notification.arrangement = {
      arrangementId: event.entityId,
      confirmedOn: event.occurredOn,
      startedOn: data.startedOn,
      countsFrom: data.startedOn > notification.receivedOn ? data.startedOn : notification.receivedOn,
      ...(data.expectedEndOn ? { expectedEndOn: data.expectedEndOn } : {}),
      reason: data.reason,
      nationality: data.nationality,
      carerRelationship: data.carerRelationship,
      carers,
      householdMembers,
      address: data.address,
      parents: data.parents,
      carerChecks: [],
      suitabilityAssessments: [],
      panelDecisions: [],
      reviews: [],
    };
  },
  'private-fostering.notification-closed': (state, event) => {
    const notification = notificationFor(state, event, { awaitingDecision: true });
    notification.closedOn = event.occurredOn;
    notification.closureReason = event.data.reason;
  },
  'private-fostering.carer-check-completed': (state, event) => {
    const arrangement = arrangementOf(state);
    const { data } = event;
    const household = householdOf(arrangement);
    const personId = data.personId ?? arrangement.carers[0]!.personId;
    if (!household.some((person) => person.personId === personId)) {
      throw DomainError.invalidField('data.personId', `Select a person in the household (${household.map((person) => person.personId).join(', ')}): ${personId} is not one of them`);
    }
    if (data.dbsCertificateIssuedOn !== undefined && data.dbsCertificateIssuedOn > event.occurredOn) {
      throw DomainError.invalidField('data.dbsCertificateIssuedOn', `The date the DBS certificate was issued must be on or before the check on ${longDateOf(event.occurredOn)}`);
    }
    data.personId = personId;
    arrangement.carerChecks.push({
      personId, check: data.check, outcome: data.outcome, completedOn: event.occurredOn,
      ...(data.dbsCertificateIssuedOn ? { dbsCertificateIssuedOn: data.dbsCertificateIssuedOn } : {}),
    });
  },
  'private-fostering.suitability-assessed': (state, event) => {
    arrangementOf(state).suitabilityAssessments.push({ assessedOn: event.occurredOn, outcome: event.data.outcome, authorisedByWorkerId: event.data.authorisedByWorkerId });
  },
  'private-fostering.panel-decided': (state, event) => {
    // Folded in business order, the transition table has checked the assessment came first.
    arrangementOf(state).panelDecisions.push({ decidedOn: event.occurredOn, decision: event.data.decision, chairWorkerId: event.data.chairWorkerId });
  },
  'private-fostering.arrangement-reviewed': (state, event) => {
    arrangementOf(state).reviews.push({ reviewId: event.entityId, reviewedOn: event.occurredOn, outcome: event.data.outcome });
  },
  'private-fostering.arrangement-ended': (state, event) => {
    const arrangement = arrangementOf(state);
    arrangement.endedOn = event.occurredOn;
    arrangement.endReason = event.data.reason;
  },
};

const hasOpenNotification = (s: PrivateFosteringState) => openPrivateFosteringOf(s) !== undefined;
const hasNotificationAwaitingDecision = (s: PrivateFosteringState) => s.privateFosteringNotifications.some(awaitingDecision);
const hasCurrentArrangement = (s: PrivateFosteringState) => currentArrangementOf(s) !== undefined;
const awaitingForwarding = (s: PrivateFosteringState) => {
  const open = openPrivateFosteringOf(s);
  return open !== undefined && open.forwardedOn === undefined;
};
const suitabilityAssessed = (s: PrivateFosteringState) => (currentArrangementOf(s)?.suitabilityAssessments.length ?? 0) > 0;

export const privateFosteringTransitions: { [K in keyof typeof privateFosteringReducers]: TransitionRow<PrivateFosteringView> } = {
  'private-fostering.notified': {
    action: 'record a private fostering notification', what: 'the notification',
    requires: 'register the child first, and close or end any private fostering notification or arrangement already open',
    holds: (s) => isRegistered(s) && !hasOpenNotification(s),
  },
  'private-fostering.notification-forwarded': {
    action: 'forward a private fostering notification', what: 'the forwarding',
    requires: 'there is no open private fostering notification waiting to be forwarded', holds: awaitingForwarding,
  },
  'private-fostering.visit-made': {
    action: 'record a private fostering visit', what: 'the visit',
    requires: 'first record a private fostering notification', holds: hasOpenNotification,
  },
  'private-fostering.arrangement-confirmed': {
    action: 'confirm a private fostering arrangement', what: 'the confirmation',
    requires: 'first record a private fostering notification (there is none waiting for a decision)', holds: hasNotificationAwaitingDecision,
  },
  'private-fostering.notification-closed': {
    action: 'close a private fostering notification', what: 'the closure',
    requires: 'there is no private fostering notification waiting for a decision', holds: hasNotificationAwaitingDecision,
  },
  'private-fostering.carer-check-completed': {
    action: "record a check on the private foster carer's household", what: 'the check',
    requires: 'first confirm a private fostering arrangement', holds: hasCurrentArrangement,
  },
  'private-fostering.suitability-assessed': {
    action: 'record an assessment of the arrangement', what: 'the assessment',
    requires: 'first confirm a private fostering arrangement', holds: hasCurrentArrangement,
  },
  'private-fostering.panel-decided': {
    action: 'record a panel decision', what: 'the panel decision',
    requires: 'first confirm a private fostering arrangement and record an assessment of its suitability',
    holds: (s) => hasCurrentArrangement(s) && suitabilityAssessed(s),
  },
  'private-fostering.arrangement-reviewed': {
    action: 'record a review of the arrangement', what: 'the review',
    requires: 'first confirm a private fostering arrangement', holds: hasCurrentArrangement,
  },
  'private-fostering.arrangement-ended': {
    action: 'end a private fostering arrangement', what: 'the end of the arrangement',
    requires: 'the child has no current private fostering arrangement', holds: hasCurrentArrangement,
  },
};

/**
 * A notification being looked into, then the arrangement while it lasts. The children in need
 * service assesses and visits privately fostered children, so an arrangement ranks with child in
 * need (where both hold, the children-in-need status, registered first, is the one word shown).
 */
export function privateFosteringInvolvements(state: PrivateFosteringState): Involvement[] {
  const open = openPrivateFosteringOf(state);
  if (!open) return [];
  if (open.arrangement) return [{ kind: 'privately-fostered', label: 'Privately fostered', since: open.arrangement.startedOn, rank: 3 }];
  return [{ kind: 'private-fostering-notification', label: 'Private fostering notification', since: open.receivedOn, rank: 2 }];
}
