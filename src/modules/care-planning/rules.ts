import { addMonths, createCalendar, longDateOf } from '../../platform/calendar/calendar.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Reducers, TransitionRow } from '../domain-module.ts';
import {
  currentPeriodOfCareOf, episodeOn, isShortBreaksOnly, lookedAfterOn, placementsOf,
  type LookedAfterState, type PeriodOfCareState, type PlacementType,
} from '../looked-after/index.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import type { carePlanningEvents } from './events.ts';
import { iroOf, reviewsOf, termOf, type CarePlanningRecord, type CarePlanningState } from './state.ts';

export type CarePlanningView = CarePlanningState & LookedAfterState & PeopleState;

const calendar = createCalendar();

/** Long-term fostering placements (903 PLACE U1, U4): intended to last until the child is 18. */
const longTermPlacementTypes: readonly PlacementType[] = ['U1', 'U4'];

/** The first review is due within 20 working days of the child becoming looked after (CPPCR reg 33(1)). */
export const FIRST_REVIEW_WORKING_DAYS = 20;

/**
 * The period of care the child is in on the event's date, written on the event. Refused in plain
 * English when the child was not looked after that day.
 */
function periodFor(state: CarePlanningView, event: { occurredOn: string; data: { periodId?: string } }, what: string): PeriodOfCareState {
  const period = lookedAfterOn(state, event.occurredOn);
  if (period === undefined) {
    const periods = state.periodsOfCare.map((p) => `from ${longDateOf(p.startedOn)}${p.ceasedOn ? ` to ${longDateOf(p.ceasedOn)}` : ''}`);
    throw DomainError.invalidField(
      'occurredAt',
      `The child was not looked after on ${longDateOf(event.occurredOn)}, so ${what} cannot be recorded then: give a date when the child was looked after${periods.length ? ` (${periods.join('; ')})` : ', or record that the child became looked after first'}`,
    );
  }
  if (event.data.periodId !== undefined && event.data.periodId !== period.periodId) {
    throw DomainError.invalidField('data.periodId', `On ${longDateOf(event.occurredOn)} the child was in the period of care that began on ${longDateOf(period.startedOn)} (${period.periodId}), not ${event.data.periodId}`);
  }
  event.data.periodId = period.periodId;
  return period;
}

const record = (state: CarePlanningState): CarePlanningRecord => state.carePlanning;

/** The day the placement the child is in on `date` began, and its id and type. */
function placementOn(state: CarePlanningView, period: PeriodOfCareState, date: string) {
  const episode = episodeOn(state, date);
  if (!episode) return undefined;
  const placement = placementsOf(period).find((p) => p.placement.placementId === episode.placement.placementId)!;
  return { placementId: episode.placement.placementId, type: episode.placement.type, startedOn: placement.startedOn };
}

/** Whether a placement is intended to last until the child is 18: long-term fostering by type, or so decided in its placement plan. */
export function intendedLongTerm(carePlanning: CarePlanningRecord, placement: { placementId: string; type: PlacementType }): boolean {
  const decided = carePlanning.placementPlans.filter((plan) => plan.placementId === placement.placementId && plan.intendedLongTerm !== undefined).at(-1);
  return decided?.intendedLongTerm ?? longTermPlacementTypes.includes(placement.type);
}

/**
 * The interval the next visit is due within, from a visit on `date` (CPPCR reg 28(2)): 6 weeks in
 * the first year of the placement; after it 3 months when the placement is intended to last until
 * the child is 18, 6 weeks otherwise; shorter when the social worker set a shorter interval for the
 * child. A visit in the placement's first year counts as in it (its successor is due within 6 weeks,
 * even when that falls after the anniversary). A period of short breaks only (reg 48) has visits at
 * the interval agreed with the IRO: none is due until one is recorded.
 */
export function visitIntervalOf(state: CarePlanningView, period: PeriodOfCareState, date: string): string | undefined {
  const chosen = record(state).visitIntervalWeeks;
  if (isShortBreaksOnly(period)) return chosen === undefined ? undefined : `${chosen}-weeks`;
  const placement = placementOn(state, period, date);
  const longTermAfterFirstYear = placement !== undefined && date >= addMonths(placement.startedOn, 12) && intendedLongTerm(record(state), placement);
  const regulationWeeks = longTermAfterFirstYear ? 13 : 6;
  if (chosen !== undefined && chosen < regulationWeeks) return `${chosen}-weeks`;
  return longTermAfterFirstYear ? '3-months' : '6-weeks';
}

/** Under 5 on the day of the assessment: reviewed every 6 months; from 5, every 12 (statutory guidance 2015). */
function healthReviewIntervalOf(state: PeopleState, date: string): '6-months' | '12-months' {
  const born = state.details?.dateOfBirth;
  return born !== undefined && addMonths(born, 60) <= date ? '12-months' : '6-months';
}

export const carePlanningReducers: Reducers<typeof carePlanningEvents, CarePlanningView> = {
  'care-planning.care-plan-recorded': (state, event) => {
    const period = periodFor(state, event, 'a care plan');
    record(state).carePlans.push({
      planId: event.entityId, periodId: period.periodId, recordedOn: event.occurredOn,
      ...(event.data.permanencePlan ? { permanencePlan: event.data.permanencePlan } : {}),
    });
  },
  'care-planning.placement-plan-recorded': (state, event) => {
    const period = periodFor(state, event, 'a placement plan');
    const placements = placementsOf(period).filter((p) => p.startedOn <= event.occurredOn);
    const placementId = event.data.placementId ?? placementOn(state, period, event.occurredOn)?.placementId;
    const placement = placements.find((p) => p.placement.placementId === placementId);
    if (!placement) {
      throw DomainError.invalidField('data.placementId', `Select a placement of the period of care begun by ${longDateOf(event.occurredOn)}: ${placements.map((p) => `${p.placement.placementId} (from ${longDateOf(p.startedOn)})`).join(', ')}`);
    }
    event.data.placementId = placement.placement.placementId;
    record(state).placementPlans.push({
      planId: event.entityId, periodId: period.periodId, placementId: placement.placement.placementId, recordedOn: event.occurredOn,
      ...(event.data.intendedLongTerm !== undefined ? { intendedLongTerm: event.data.intendedLongTerm } : {}),
    });
  },
  'care-planning.permanence-plan-recorded': (state, event) => {
    const period = periodFor(state, event, 'a permanence plan');
    record(state).permanencePlans.push({
      planId: event.entityId, periodId: period.periodId, decidedOn: event.occurredOn, plan: event.data.plan,
      ...(event.data.contingencyPlan ? { contingencyPlan: event.data.contingencyPlan } : {}),
    });
  },
  'care-planning.permanency-planning-meeting-held': (state, event) => {
    const period = periodFor(state, event, 'a permanency planning meeting');
    // The protocol wants the meeting by the second review, which is due 3 months after the first
    // (or after the day the first was due, while it has not been held).
    const first = reviewsOf(record(state), period.periodId)[0];
    event.data.dueBy ??= addMonths(first?.heldOn ?? calendar.addWorkingDays(period.startedOn, FIRST_REVIEW_WORKING_DAYS), 3);
    record(state).permanencyPlanningMeetings.push({ meetingId: event.entityId, periodId: period.periodId, heldOn: event.occurredOn, dueBy: event.data.dueBy });
  },
  'care-planning.iro-allocated': (state, event) => {
    const period = periodFor(state, event, 'the allocation of an independent reviewing officer');
    record(state).iroAllocations.push({ allocationId: event.entityId, periodId: period.periodId, iroWorkerId: event.data.iroWorkerId, allocatedOn: event.occurredOn });
  },
  'care-planning.review-held': (state, event) => {
    const period = periodFor(state, event, 'a looked-after review');
    const { data } = event;
    const reviewNumber = reviewsOf(record(state), period.periodId).length + 1;
    data.reviewNumber = reviewNumber;
    const iroWorkerId = data.iroWorkerId ?? iroOf(record(state), period.periodId);
    if (iroWorkerId !== undefined) data.iroWorkerId = iroWorkerId;
    const born = state.details?.dateOfBirth;
    const underFour = born !== undefined && addMonths(born, 48) > event.occurredOn;
    if (underFour !== (data.participation === 'PN0')) {
      throw DomainError.invalidField('data.participation', underFour
        ? `Select PN0: the child was under 4 on ${longDateOf(event.occurredOn)}`
        : `Select how the child took part (PN1 to PN7): PN0 is for a child under 4, and the child was 4 or over on ${longDateOf(event.occurredOn)}`);
    }
    record(state).reviews.push({
      reviewId: event.entityId, periodId: period.periodId, heldOn: event.occurredOn, reviewNumber, participation: data.participation,
      ...(iroWorkerId !== undefined ? { iroWorkerId } : {}),
      ...(data.recommendations ? { recommendations: data.recommendations } : {}),
    });
  },
  'care-planning.visit-made': (state, event) => {
    const period = periodFor(state, event, 'a visit to a child looked after');
    const { data } = event;
    // Only a visit at which the child is seen counts towards the intervals, so only it sets the next.
    const nextVisitWithin = data.childSeen ? visitIntervalOf(state, period, event.occurredOn) : undefined;
    if (nextVisitWithin === undefined) delete data.nextVisitWithin;
    else data.nextVisitWithin = nextVisitWithin;
    const placementId = placementOn(state, period, event.occurredOn)?.placementId;
    record(state).visits.push({
      visitId: event.entityId, periodId: period.periodId, visitedOn: event.occurredOn, childSeen: data.childSeen, seenAlone: data.seenAlone,
      location: data.location,
      ...(placementId ? { placementId } : {}),
      ...(data.visitedByWorkerId ? { visitedByWorkerId: data.visitedByWorkerId } : {}),
      ...(nextVisitWithin ? { nextVisitWithin } : {}),
    });
  },
  'care-planning.visit-interval-set': (state, event) => {
    const carePlanning = record(state);
    if (event.data.weeks === undefined) delete carePlanning.visitIntervalWeeks;
    else carePlanning.visitIntervalWeeks = event.data.weeks;
    carePlanning.visitIntervalSetOn = event.occurredOn;
  },
  'care-planning.health-assessment-completed': (state, event) => {
    const period = periodFor(state, event, 'a health assessment');
    const { data } = event;
    const earlier = record(state).healthAssessments.filter((a) => a.periodId === period.periodId);
    if (data.kind === 'initial' && earlier.some((a) => a.kind === 'initial')) {
      throw DomainError.invalidField('data.kind', 'Select review health assessment: this period of care has its initial health assessment already');
    }
    data.nextReviewWithin = healthReviewIntervalOf(state, event.occurredOn);
    record(state).healthAssessments.push({
      assessmentId: event.entityId, periodId: period.periodId, kind: data.kind, assessedOn: event.occurredOn, assessedBy: data.assessedBy,
      ...(data.assessorName ? { assessorName: data.assessorName } : {}),
      ...(data.developmentChecksUpToDate !== undefined ? { developmentChecksUpToDate: data.developmentChecksUpToDate } : {}),
    });
  },
  'care-planning.dental-check-completed': (state, event) => {
    const period = periodFor(state, event, 'a dental check');
    record(state).dentalChecks.push({ checkId: event.entityId, periodId: period.periodId, checkedOn: event.occurredOn });
  },
  'care-planning.immunisations-recorded': (state, event) => {
    const period = periodFor(state, event, 'whether immunisations are up to date');
    record(state).immunisations.push({ periodId: period.periodId, recordedOn: event.occurredOn, upToDate: event.data.upToDate });
  },
  'care-planning.sdq-recorded': (state, event) => {
    const period = periodFor(state, event, 'a strengths and difficulties questionnaire');
    const { score, reasonNotDone } = event.data;
    record(state).sdqs.push({
      periodId: period.periodId, recordedOn: event.occurredOn, ...(score !== undefined ? { score } : {}), ...(reasonNotDone ? { reasonNotDone } : {}),
    });
  },
  'care-planning.mental-health-screened': (state, event) => {
    const period = periodFor(state, event, 'a mental health screening');
    const { tool, outcome, referredToCamhs } = event.data;
    record(state).mentalHealthScreenings.push({ screeningId: event.entityId, periodId: period.periodId, screenedOn: event.occurredOn, tool, outcome, referredToCamhs });
  },
  'care-planning.substance-misuse-recorded': (state, event) => {
    const period = periodFor(state, event, 'substance misuse');
    const { identified, interventionOffered, interventionReceived } = event.data;
    record(state).substanceMisuse.push({
      periodId: period.periodId, recordedOn: event.occurredOn, identified,
      ...(interventionOffered !== undefined ? { interventionOffered } : {}), ...(interventionReceived !== undefined ? { interventionReceived } : {}),
    });
  },
  'care-planning.pep-held': (state, event) => {
    const period = periodFor(state, event, 'a personal education plan');
    const { schoolYear, term } = termOf(event.occurredOn);
    event.data.term = term;
    record(state).personalEducationPlans.push({ pepId: event.entityId, periodId: period.periodId, heldOn: event.occurredOn, schoolYear, term });
  },
  'care-planning.school-recorded': (state, event) => {
    record(state).schools.push({ schoolName: event.data.schoolName, from: event.occurredOn, ...(event.data.urn ? { urn: event.data.urn } : {}) });
  },
  'care-planning.attendance-recorded': (state, event) => {
    const { schoolYear, term, percent } = event.data;
    const current = termOf(event.occurredOn);
    if (schoolYear > current.schoolYear || (schoolYear === current.schoolYear && termOrder[term] > termOrder[current.term])) {
      throw DomainError.invalidField('data.term', `Give a term that has begun by ${longDateOf(event.occurredOn)}: the ${term} term of ${schoolYear}/${(schoolYear + 1) % 100} has not`);
    }
    const carePlanning = record(state);
    // A term's figure recorded again replaces the earlier one.
    carePlanning.attendance = carePlanning.attendance.filter((a) => a.schoolYear !== schoolYear || a.term !== term);
    carePlanning.attendance.push({ schoolYear, term, percent, recordedOn: event.occurredOn });
  },
  'care-planning.became-mother': (state, event) => {
    if (state.details?.sex === 'M') {
      throw DomainError.invalidField('type', 'The child is recorded as male: SSDA903 records motherhood of young women looked after only');
    }
    if (event.data.childBornOn > event.occurredOn) {
      throw DomainError.invalidField('data.childBornOn', `The baby's date of birth must be on or before ${longDateOf(event.occurredOn)}`);
    }
    const born = state.details?.dateOfBirth;
    if (born !== undefined && event.data.childBornOn <= born) {
      throw DomainError.invalidField('data.childBornOn', `The baby's date of birth must be after the young woman's own, ${longDateOf(born)}`);
    }
    record(state).childrenBorn.push({ bornOn: event.data.childBornOn, recordedOn: event.occurredOn });
  },
};

const termOrder = { autumn: 0, spring: 1, summer: 2 } as const;

const lookedAfterNow = (s: CarePlanningView) => isRegistered(s) && currentPeriodOfCareOf(s) !== undefined;
const becomeLookedAfter = 'first record that the child became looked after';

/** An event that needs the child looked after: the row's words, and the check. */
const whileLookedAfter = (action: string, what: string): TransitionRow<CarePlanningView> => ({ action, what, requires: becomeLookedAfter, holds: lookedAfterNow });

export const carePlanningTransitions: { [K in keyof typeof carePlanningReducers]: TransitionRow<CarePlanningView> } = {
  'care-planning.care-plan-recorded': whileLookedAfter('record a care plan', 'the care plan'),
  'care-planning.placement-plan-recorded': whileLookedAfter('record a placement plan', 'the placement plan'),
  'care-planning.permanence-plan-recorded': whileLookedAfter('record a permanence plan', 'the permanence plan'),
  'care-planning.permanency-planning-meeting-held': whileLookedAfter('record a permanency planning meeting', 'the meeting'),
  'care-planning.iro-allocated': whileLookedAfter('allocate an independent reviewing officer', 'the allocation'),
  'care-planning.review-held': whileLookedAfter('record a looked-after review', 'the review'),
  'care-planning.visit-made': whileLookedAfter('record a visit to a child looked after', 'the visit'),
  'care-planning.visit-interval-set': whileLookedAfter('set how often the child is visited', 'the visit interval'),
  'care-planning.health-assessment-completed': whileLookedAfter('record a health assessment', 'the health assessment'),
  'care-planning.dental-check-completed': whileLookedAfter('record a dental check', 'the dental check'),
  'care-planning.immunisations-recorded': whileLookedAfter('record whether immunisations are up to date', 'the immunisations'),
  'care-planning.sdq-recorded': whileLookedAfter('record a strengths and difficulties questionnaire', 'the questionnaire'),
  'care-planning.mental-health-screened': whileLookedAfter('record a mental health screening', 'the screening'),
  'care-planning.substance-misuse-recorded': whileLookedAfter('record substance misuse', 'the record of substance misuse'),
  'care-planning.pep-held': whileLookedAfter('record a personal education plan meeting', 'the PEP meeting'),
  'care-planning.school-recorded': {
    action: 'record the child\'s school', what: 'the school', requires: 'register the child first', holds: isRegistered,
  },
  'care-planning.attendance-recorded': {
    action: 'record school attendance', what: 'the attendance', requires: 'register the child first', holds: isRegistered,
  },
  'care-planning.became-mother': {
    action: 'record that the young woman became a mother', what: 'the record of the birth', requires: becomeLookedAfter, holds: lookedAfterNow,
  },
};
