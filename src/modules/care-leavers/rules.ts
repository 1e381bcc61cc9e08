import { addMonths, longDateOf } from '../../platform/calendar/calendar.ts';
import { DomainError } from '../../platform/errors.ts';
import { openItemFor, requireOnOrAfter, type Involvement, type Reducers, type TransitionRow } from '../domain-module.ts';
import type { LookedAfterState } from '../looked-after/index.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import { eligibilityCategoryCodes, type EligibilityCategory } from './codes.ts';
import { ageOn, computedEligibilityOn } from './eligibility.ts';
import type { careLeaversEvents } from './events.ts';
import { currentStayingPutOf, openLeavingCareOf, type CareLeaversState, type LeavingCareState } from './state.ts';

export type CareLeaversView = CareLeaversState & PeopleState & LookedAfterState;

/** Leaving care support lasts to the 25th birthday at most (Children and Social Work Act 2017 s3, s23CZB). */
export const OLDEST_AGE = 25;

/** The transition table has already checked that support is open. */
const supportOf = (state: CareLeaversState): LeavingCareState => openLeavingCareOf(state)!;

/** The young person's age on the day; refused for a child with no date of birth. */
function ageOnTheDay(state: PeopleState, on: string, field: string): number {
  const dateOfBirth = state.details?.dateOfBirth;
  if (dateOfBirth === undefined) throw DomainError.invalidField(field, 'Record the young person\'s date of birth first: leaving care support depends on their age');
  return ageOn(dateOfBirth, on);
}

/** Refuses an event dated after the young person's 25th birthday, or before support began. */
function requireWithinSupport(state: CareLeaversView, event: { type: string; occurredOn: string }): LeavingCareState {
  const support = supportOf(state);
  requireOnOrAfter(event, support.since, 'leaving care support began');
  if (ageOnTheDay(state, event.occurredOn, 'occurredAt') >= OLDEST_AGE) {
    throw DomainError.invalidField('occurredAt', `On ${longDateOf(event.occurredOn)} the young person is ${OLDEST_AGE} or over: leaving care support ends at ${OLDEST_AGE}. End the support instead`);
  }
  return support;
}

const NEEDS_A_PATHWAY_PLAN: readonly EligibilityCategory[] = ['eligible', 'relevant', 'former-relevant'];

export const careLeaversReducers: Reducers<typeof careLeaversEvents, CareLeaversView> = {
  'care-leavers.eligibility-recorded': (state, event) => {
    const { data } = event;
    const age = ageOnTheDay(state, event.occurredOn, 'data.category');
    if (age < 16 || age >= OLDEST_AGE) {
      throw DomainError.invalidField('data.category', `On ${longDateOf(event.occurredOn)} the young person is ${age}: leaving care support is for young people aged 16 to 24`);
    }
    const computed = computedEligibilityOn(state, state.details!.dateOfBirth!, event.occurredOn);
    if (computed !== data.category && data.reason === undefined) {
      throw DomainError.invalidField('data.reason', computed === undefined
        ? `Give the reason for the decision: the record's periods of care do not make the young person ${data.category} on ${longDateOf(event.occurredOn)} (care before the record began, or by another council?)`
        : `Give the reason for the decision: the record's periods of care make the young person ${eligibilityCategoryCodes[computed].split(':')[0]!.toLowerCase()} on ${longDateOf(event.occurredOn)}`);
    }
    if (data.category === 'eligible' && age >= 18) {
      throw DomainError.invalidField('data.category', 'Select former relevant: a young person of 18 or over is no longer an eligible child');
    }
    if ((data.category === 'relevant' || data.category === 'eligible') && age >= 18) {
      throw DomainError.invalidField('data.category', 'Select former relevant or qualifying: at 18 or over a young person is no longer an eligible or relevant child');
    }
    if (data.category === 'former-relevant' && age < 18) {
      throw DomainError.invalidField('data.category', 'Select eligible or relevant: a young person under 18 cannot be former relevant');
    }
    if (computed === undefined) delete data.computedCategory;
    else data.computedCategory = computed;
    const decision = { decidedOn: event.occurredOn, category: data.category, ...(computed ? { computedCategory: computed } : {}), ...(data.reason ? { reason: data.reason } : {}) };
    const open = openLeavingCareOf(state);
    if (open) {
      requireOnOrAfter(event, open.since, 'leaving care support began');
      open.eligibilityDecisions.push(decision);
    } else {
      state.leavingCare = {
        since: event.occurredOn, eligibilityDecisions: [decision], personalAdvisers: [], pathwayPlanReviews: [], birthdayContacts: [], adviserContacts: [],
        accommodations: [], stayingPut: [], lifelongLinks: [],
      };
    }
    // The timescales read it from the event: the pathway plan's clock starts with the first decision that owes one.
    data.pathwayPlanOwed = NEEDS_A_PATHWAY_PLAN.includes(data.category) && state.leavingCare!.pathwayPlan === undefined
      && !state.leavingCare!.eligibilityDecisions.slice(0, -1).some((earlier) => NEEDS_A_PATHWAY_PLAN.includes(earlier.category));
  },
  'care-leavers.personal-adviser-allocated': (state, event) => {
    const support = requireWithinSupport(state, event);
    support.personalAdvisers.push({ workerId: event.data.workerId, teamId: event.data.teamId, allocatedOn: event.occurredOn });
  },
  'care-leavers.pathway-plan-made': (state, event) => {
    const support = requireWithinSupport(state, event);
    const { data } = event;
    support.pathwayPlan = { madeOn: event.occurredOn, participation: data.participation, ...(data.qualityGrade ? { qualityGrade: data.qualityGrade } : {}) };
  },
  'care-leavers.pathway-plan-reviewed': (state, event) => {
    const support = requireWithinSupport(state, event);
    requireOnOrAfter(event, support.pathwayPlan!.madeOn, 'the pathway plan was made');
    const { data } = event;
    support.pathwayPlanReviews.push({ reviewId: event.entityId, reviewedOn: event.occurredOn, participation: data.participation, ...(data.qualityGrade ? { qualityGrade: data.qualityGrade } : {}) });
  },
  'care-leavers.birthday-contact-recorded': (state, event) => {
    const support = requireWithinSupport(state, event);
    const { data } = event;
    // The birthday it is around: from three months before it to one month after (birthday-contacts.ts).
    const birthdayAge = ageOnTheDay(state, addMonths(event.occurredOn, 3), 'occurredAt');
    if (birthdayAge < 17) {
      throw DomainError.invalidField('occurredAt', 'A birthday contact is around the 17th to 25th birthdays, from three months before each to a month after: this date is too early for the 17th');
    }
    if (support.birthdayContacts.some((contact) => contact.birthdayAge === birthdayAge)) {
      throw DomainError.invalidField('occurredAt', `The contact around the ${ordinal(birthdayAge)} birthday is already recorded: correct that entry instead`);
    }
    data.birthdayAge = birthdayAge;
    support.birthdayContacts.push({
      contactId: event.entityId, contactedOn: event.occurredOn, birthdayAge, inTouch: data.inTouch,
      ...(data.activity ? { activity: data.activity } : {}),
      ...(data.accommodation ? { accommodation: data.accommodation } : {}),
      ...(data.accommodationSuitable !== undefined ? { accommodationSuitable: data.accommodationSuitable } : {}),
    });
  },
  'care-leavers.personal-adviser-contact-made': (state, event) => {
    const support = requireWithinSupport(state, event);
    support.adviserContacts.push({ contactId: event.entityId, contactedOn: event.occurredOn, method: event.data.method, ...(event.data.workerId ? { workerId: event.data.workerId } : {}) });
  },
  'care-leavers.accommodation-changed': (state, event) => {
    const support = requireWithinSupport(state, event);
    const { data } = event;
    if (data.tenancy !== undefined) data.tenancyStartedOn ??= event.occurredOn;
    if (data.tenancyStartedOn !== undefined && data.tenancyStartedOn > event.occurredOn) {
      throw DomainError.invalidField('data.tenancyStartedOn', `The tenancy's start must be on or before the move on ${longDateOf(event.occurredOn)}: record the move once the tenancy has begun`);
    }
    support.accommodations.push({
      changeId: event.entityId, changedOn: event.occurredOn, accommodation: data.accommodation, suitable: data.suitable,
      ...(data.tenancy ? { tenancy: data.tenancy, tenancyStartedOn: data.tenancyStartedOn! } : {}),
    });
  },
  'care-leavers.staying-put-started': (state, event) => {
    const support = requireWithinSupport(state, event);
    if (ageOnTheDay(state, event.occurredOn, 'occurredAt') < 18) {
      throw DomainError.invalidField('occurredAt', 'Staying put begins at 18: before then the young person is still looked after by their foster carers');
    }
    support.stayingPut.push({ arrangementId: event.entityId, startedOn: event.occurredOn, ...(event.data.carerName ? { carerName: event.data.carerName } : {}) });
  },
  'care-leavers.staying-put-ended': (state, event) => {
    const support = supportOf(state);
    const arrangement = openItemFor(event, {
      among: support.stayingPut.filter((a) => a.endedOn === undefined), idOf: (a) => a.arrangementId, field: 'arrangementId',
      what: 'staying put arrangement', beganOn: (a) => a.startedOn, began: 'the staying put arrangement began',
    });
    arrangement.endedOn = event.occurredOn;
  },
  'care-leavers.lifelong-links-referred': (state, event) => {
    const support = requireWithinSupport(state, event);
    support.lifelongLinks.push({ referralId: event.entityId, referredOn: event.occurredOn, ...(event.data.outcome ? { outcome: event.data.outcome } : {}) });
  },
  'care-leavers.support-ended': (state, event) => {
    const support = supportOf(state);
    requireOnOrAfter(event, support.since, 'leaving care support began');
    const stayingPut = currentStayingPutOf(support);
    if (stayingPut) stayingPut.endedOn = event.occurredOn;
    support.ended = { endedOn: event.occurredOn, reason: event.data.reason };
  },
};

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;

const supportOpen = (s: CareLeaversState) => openLeavingCareOf(s) !== undefined;
const RECORD_ELIGIBILITY = 'first record the young person\'s eligibility for leaving care support (there is no open leaving care support)';

export const careLeaversTransitions: { [K in keyof typeof careLeaversReducers]: TransitionRow<CareLeaversView> } = {
  'care-leavers.eligibility-recorded': {
    action: 'record eligibility for leaving care support', what: 'the eligibility decision',
    requires: 'register the young person first', holds: (s) => isRegistered(s),
  },
  'care-leavers.personal-adviser-allocated': {
    action: 'allocate a personal adviser', what: 'the allocation', requires: RECORD_ELIGIBILITY, holds: supportOpen,
  },
  'care-leavers.pathway-plan-made': {
    action: 'record a pathway plan', what: 'the pathway plan',
    requires: 'first record the young person\'s eligibility for leaving care support; a pathway plan already made is reviewed, not made again',
    holds: (s) => supportOpen(s) && openLeavingCareOf(s)!.pathwayPlan === undefined,
  },
  'care-leavers.pathway-plan-reviewed': {
    action: 'record a pathway plan review', what: 'the review',
    requires: 'first record a pathway plan', holds: (s) => openLeavingCareOf(s)?.pathwayPlan !== undefined,
  },
  'care-leavers.birthday-contact-recorded': {
    action: 'record a birthday contact', what: 'the contact', requires: RECORD_ELIGIBILITY, holds: supportOpen,
  },
  'care-leavers.personal-adviser-contact-made': {
    action: 'record a personal adviser contact', what: 'the contact', requires: RECORD_ELIGIBILITY, holds: supportOpen,
  },
  'care-leavers.accommodation-changed': {
    action: 'record a change of accommodation', what: 'the move', requires: RECORD_ELIGIBILITY, holds: supportOpen,
  },
  'care-leavers.staying-put-started': {
    action: 'record a staying put arrangement', what: 'the arrangement',
    requires: 'first record the young person\'s eligibility for leaving care support, and end the staying put arrangement already in force',
    holds: (s) => supportOpen(s) && currentStayingPutOf(openLeavingCareOf(s)!) === undefined,
  },
  'care-leavers.staying-put-ended': {
    action: 'end a staying put arrangement', what: 'the end of the arrangement',
    requires: 'there is no staying put arrangement in force', holds: (s) => supportOpen(s) && currentStayingPutOf(openLeavingCareOf(s)!) !== undefined,
  },
  'care-leavers.lifelong-links-referred': {
    action: 'record a Lifelong Links referral', what: 'the referral', requires: RECORD_ELIGIBILITY, holds: supportOpen,
  },
  'care-leavers.support-ended': {
    action: 'end leaving care support', what: 'the end of support', requires: 'there is no open leaving care support', holds: supportOpen,
  },
};

/** A care leaver while the council's support is open (an eligible child, still looked after, is one too: their leaving care has begun). */
export function careLeaversInvolvements(state: CareLeaversState): Involvement[] {
  const support = openLeavingCareOf(state);
  if (!support) return [];
  return [{ kind: 'care-leaver', label: 'Care leaver', since: support.since, rank: 3 }];
}
