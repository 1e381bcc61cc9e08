import { addMonths, longDateOf } from '../../platform/calendar/calendar.ts';
import { DomainError } from '../../platform/errors.ts';
import { openItemFor, requireOnOrAfter, type Involvement, type Reducers, type TransitionRow } from '../domain-module.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import { ordersMakingLookedAfter } from './codes.ts';
import type { youthJusticeEvents } from './events.ts';
import { currentInvolvementOf, currentRemandOf, openCourtOrdersOf, type YouthJusticeState } from './state.ts';

export type YouthJusticeView = YouthJusticeState & PeopleState;

/** The age of criminal responsibility in England (Children and Young Persons Act 1933 s50). */
export const AGE_OF_CRIMINAL_RESPONSIBILITY = 10;
/** The youth justice system is for children: from 18 an adult is dealt with by the probation service. */
export const ADULT_AT = 18;

const ageBoundaryOn = (state: PeopleState, years: number) => (state.details?.dateOfBirth ? addMonths(state.details.dateOfBirth, years * 12) : undefined);

/** Refuses a date when the child was under 10: no child under 10 can commit an offence in England. */
function requireCriminalResponsibility(state: PeopleState, on: string, field: string): void {
  const tenth = ageBoundaryOn(state, AGE_OF_CRIMINAL_RESPONSIBILITY);
  if (tenth === undefined) throw DomainError.invalidField(field, 'Record the child\'s date of birth first: youth justice work is with children aged 10 to 17');
  if (on < tenth) {
    throw DomainError.invalidField(field, `The child was under 10 on ${longDateOf(on)}: a child under 10 cannot be dealt with for an offence in England (Children and Young Persons Act 1933 s50)`);
  }
}

const involvementOf = (state: YouthJusticeState) => currentInvolvementOf(state)!;

export const youthJusticeReducers: Reducers<typeof youthJusticeEvents, YouthJusticeView> = {
  'youth-justice.involvement-started': (state, event) => {
    requireCriminalResponsibility(state, event.occurredOn, 'occurredAt');
    const eighteenth = ageBoundaryOn(state, ADULT_AT)!;
    if (event.occurredOn >= eighteenth) {
      throw DomainError.invalidField('occurredAt', `The child was 18 on ${longDateOf(eighteenth)}: the youth justice service works with children aged 10 to 17, and an adult is supervised by the probation service`);
    }
    requireOnOrAfter(event, state.youthJustice.involvements.at(-1)?.endedOn, 'the youth justice service\'s last involvement ended');
    state.youthJustice.involvements.push({ involvementId: event.entityId, startedOn: event.occurredOn, reason: event.data.reason });
  },
  'youth-justice.worker-allocated': (state, event) => {
    const involvement = involvementOf(state);
    requireOnOrAfter(event, involvement.startedOn, 'the youth justice service\'s involvement began');
    involvement.workerId = event.data.workerId;
    involvement.workerAllocatedOn = event.occurredOn;
  },
  'youth-justice.offence-outcome-recorded': (state, event) => {
    const { data } = event;
    if (data.outcome === 'conviction') {
      const missing = [
        ...(data.court === undefined ? [{ field: 'data.court', message: 'Enter the court that convicted the child' }] : []),
        ...(data.sentence === undefined ? [{ field: 'data.sentence', message: 'Select the sentence the court passed' }] : []),
      ];
      if (missing.length > 0) throw DomainError.invalid(missing);
    }
    if (data.offenceOn > event.occurredOn) {
      throw DomainError.invalidField('data.offenceOn', `The date of the offence must be on or before the outcome on ${longDateOf(event.occurredOn)}`);
    }
    requireCriminalResponsibility(state, data.offenceOn, 'data.offenceOn');
    state.youthJustice.offenceOutcomes.push({
      outcomeId: event.entityId, offenceOn: data.offenceOn, outcomeOn: event.occurredOn, outcome: data.outcome,
      ...(data.court ? { court: data.court } : {}), ...(data.sentence ? { sentence: data.sentence } : {}),
    });
  },
  'youth-justice.court-order-made': (state, event) => {
    const { data } = event;
    requireOnOrAfter(event, involvementOf(state).startedOn, 'the youth justice service\'s involvement began');
    if (data.endsOn <= event.occurredOn) {
      throw DomainError.invalidField('data.endsOn', `The date the order is due to end must be after it was made on ${longDateOf(event.occurredOn)}`);
    }
    if (data.outcomeId !== undefined) {
      const conviction = state.youthJustice.offenceOutcomes.find((o) => o.outcomeId === data.outcomeId);
      if (!conviction || conviction.outcome !== 'conviction') {
        throw DomainError.invalidField('data.outcomeId', `Select a conviction recorded on or before ${longDateOf(event.occurredOn)}: there is no conviction with id ${data.outcomeId}`);
      }
    }
    state.youthJustice.courtOrders.push({
      orderId: event.entityId, order: data.order, madeOn: event.occurredOn, court: data.court, endsOn: data.endsOn,
      ...(data.outcomeId ? { outcomeId: data.outcomeId } : {}),
    });
  },
  'youth-justice.court-order-ended': (state, event) => {
    const order = openItemFor(event, {
      among: openCourtOrdersOf(state), idOf: (o) => o.orderId, field: 'orderId', what: 'court order',
      beganOn: (o) => o.madeOn, began: 'the order was made',
    });
    order.endedOn = event.occurredOn;
    order.endReason = event.data.reason;
  },
  'youth-justice.remanded': (state, event) => {
    requireOnOrAfter(event, involvementOf(state).startedOn, 'the youth justice service\'s involvement began');
    state.youthJustice.remands.push({ remandId: event.entityId, remandedOn: event.occurredOn, court: event.data.court, remandType: event.data.remandType });
  },
  'youth-justice.remand-ended': (state, event) => {
    const remand = openItemFor(event, {
      among: state.youthJustice.remands.filter((r) => r.endedOn === undefined), idOf: (r) => r.remandId, field: 'remandId', what: 'remand',
      beganOn: (r) => r.remandedOn, began: 'the child was remanded',
    });
    remand.endedOn = event.occurredOn;
    remand.endReason = event.data.reason;
  },
  'youth-justice.pace-transferred': (state, event) => {
    const { data } = event;
    requireCriminalResponsibility(state, event.occurredOn, 'occurredAt');
    if (data.endedOn !== undefined && data.endedOn < event.occurredOn) {
      throw DomainError.invalidField('data.endedOn', `The date the child left council accommodation must be on or after the transfer on ${longDateOf(event.occurredOn)}`);
    }
    state.youthJustice.paceTransfers.push({
      transferId: event.entityId, transferredOn: event.occurredOn,
      ...(data.policeStation ? { policeStation: data.policeStation } : {}), ...(data.endedOn ? { endedOn: data.endedOn } : {}),
    });
  },
  'youth-justice.joint-meeting-held': (state, event) => {
    const { data } = event;
    const fromSocialCare = data.attendees.some((a) => a.role === 'social-worker' || a.role === 'social-work-manager');
    const fromYouthJustice = data.attendees.some((a) => a.role === 'youth-justice-worker' || a.role === 'youth-justice-manager');
    if (!fromSocialCare || !fromYouthJustice) {
      throw DomainError.invalidField('data.attendees', 'Select someone from children\'s social care and someone from the youth justice service: the meeting is joint');
    }
    requireOnOrAfter(event, involvementOf(state).startedOn, 'the youth justice service\'s involvement began');
    state.youthJustice.jointMeetings.push({
      meetingId: event.entityId, heldOn: event.occurredOn, kind: data.kind, attendees: data.attendees, decisions: data.decisions,
      ...(data.discussion ? { discussion: data.discussion } : {}),
    });
  },
  'youth-justice.involvement-ended': (state, event) => {
    const involvement = involvementOf(state);
    requireOnOrAfter(event, involvement.startedOn, 'the youth justice service\'s involvement began');
    const open = [...openCourtOrdersOf(state).map(() => 'a court order'), ...(currentRemandOf(state) ? ['a remand'] : [])];
    if (open.length > 0) {
      throw DomainError.invalidField('occurredAt', `The child still has ${open.join(' and ')} open: end ${open.length === 1 ? 'it' : 'them'} first, then end the youth justice service's involvement`);
    }
    involvement.endedOn = event.occurredOn;
    involvement.endReason = event.data.reason;
  },
};

const involved = (s: YouthJusticeState) => currentInvolvementOf(s) !== undefined;

export const youthJusticeTransitions: { [K in keyof typeof youthJusticeReducers]: TransitionRow<YouthJusticeView> } = {
  'youth-justice.involvement-started': {
    action: 'record that the youth justice service is involved', what: 'the start of the involvement',
    requires: 'register the child first, and end the youth justice service\'s open involvement before starting another',
    holds: (s) => isRegistered(s) && !involved(s),
  },
  'youth-justice.worker-allocated': {
    action: 'allocate a youth justice worker', what: 'the allocation',
    requires: 'first record that the youth justice service is involved with the child', holds: involved,
  },
  'youth-justice.offence-outcome-recorded': {
    action: 'record an offence outcome', what: 'the outcome',
    requires: 'register the child first', holds: isRegistered,
  },
  'youth-justice.court-order-made': {
    action: 'record a court order', what: 'the order',
    requires: 'first record that the youth justice service is involved with the child', holds: involved,
  },
  'youth-justice.court-order-ended': {
    action: 'end a court order', what: 'the end of the order',
    requires: 'the child has no open court order: record a court order first', holds: (s) => openCourtOrdersOf(s).length > 0,
  },
  'youth-justice.remanded': {
    action: 'record a remand', what: 'the remand',
    requires: 'first record that the youth justice service is involved with the child, and end any remand still open',
    holds: (s) => involved(s) && currentRemandOf(s) === undefined,
  },
  'youth-justice.remand-ended': {
    action: 'end a remand', what: 'the end of the remand',
    requires: 'the child is not on remand: record a remand first', holds: (s) => currentRemandOf(s) !== undefined,
  },
  'youth-justice.pace-transferred': {
    action: 'record a transfer to council accommodation under PACE', what: 'the transfer',
    requires: 'register the child first', holds: isRegistered,
  },
  'youth-justice.joint-meeting-held': {
    action: 'record a joint supervision or planning meeting', what: 'the meeting',
    requires: 'first record that the youth justice service is involved with the child', holds: involved,
  },
  'youth-justice.involvement-ended': {
    action: 'end the youth justice service\'s involvement', what: 'the end of the involvement',
    requires: 'the youth justice service is not involved with the child', holds: involved,
  },
};

/** Known to the youth justice service while its involvement is open; remanded while a remand is. */
export function youthJusticeInvolvements(state: YouthJusticeState): Involvement[] {
  const involvement = currentInvolvementOf(state);
  if (!involvement) return [];
  return [{ kind: 'youth-justice', label: 'Known to the youth justice service', since: involvement.startedOn, rank: 2 }];
}

/** Whether an order makes the child looked after (SSDA903 J3), for the record panel's words. */
export const makesLookedAfter = (order: string) => (ordersMakingLookedAfter as readonly string[]).includes(order);
