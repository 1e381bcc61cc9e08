/**
 * Care planning in a synthetic borough: for each period of care the looked-after simulator gave a
 * child (read back with `simulatedCareOf`), the IRO, the care and placement plans, looked-after
 * reviews with the child's participation, the social worker's visits, health assessments, dental
 * checks, SDQs and screenings, PEPs, school and attendance, calibrated on the partnership's published
 * figures (metrics catalogue §5): reviews on time about 92%, participation 98% (D2 p24), visits on
 * time about 90%, health assessments up to date 96% and dental checks 75% (D2 p17), permanency
 * planning meetings by the protocol date 78% (D2 p36).
 *
 * Its journeys draw from a random stream of their own (`ownRandomStream`), after every other
 * module's, so adding care planning changes no other record. IROs are the conference and review
 * service's workers (child protection's chairs): in most councils one service chairs both.
 *
 * For a period that began before the run (the children in care at its start), care planning is
 * written from the run's first day, as if the record began then.
 */
import { isoOf, type Day } from '../../simulate/dates.ts';
import { ageOn, WorkerToBeNamed, type Family, type Journey, type SimulatedChild, type SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';
import { isShortBreaksOnly, lookedAfterOn, simulatedCareOf, type LookedAfterState, type PeriodOfCareState, type SimulatedPeriodOfCare } from '../looked-after/index.ts';
import type { ChildIdentity } from '../domain-module.ts';
import type { PeopleState } from '../people/index.ts';
import { participatedCodes, type ReviewParticipation } from './codes.ts';
import type { CarePlanningState } from './state.ts';

/** What the simulation aims at. */
export const carePlanningCalibrationTargets = {
  /** CLA-18: reviews held on time ("all children looked after are independently reviewed every six months"; 90–95%). */
  reviewsOnTime: 0.93,
  /** CLA-19: children aged 4 or over who took part in their reviews (98%, 2022/23). */
  participation: 0.98,
  /** CLA-17: visits by their due date (about 90%). */
  visitsOnTime: 0.9,
  /** CLA-20: health assessments up to date (96%, 2022/23). */
  healthAssessmentsUpToDate: 0.96,
  /** CLA-20: initial health assessments within 20 working days ("most"). */
  initialHealthAssessmentsOnTime: 0.8,
  /** CLA-21: dental checks (75%, 2022/23). */
  dentalChecks: 0.75,
  /** CLA-26: permanency planning meetings by the protocol date (78%, practice week November 2023). */
  permanencyMeetingsOnTime: 0.78,
  /** CLA-22: 49 screenings a year for about 340 children looked after. */
  screeningsPerChildPerYear: 49 / 340,
} as const;

const iro = WorkerToBeNamed.ofTeam('conference-and-review');
const socialWorker = WorkerToBeNamed.allocated;

/** PN1–PN6 as children take part, most speaking for themselves (DfE's published shares, rounded). */
const participation: Readonly<Partial<Record<ReviewParticipation, number>>> = { PN1: 0.55, PN2: 0.08, PN3: 0.04, PN4: 0.05, PN5: 0.08, PN6: 0.2 };

function carePlanningOf(journey: Journey, family: Family): void {
  for (const child of family.children) {
    let intervalSet = false;
    for (const period of simulatedCareOf(child)) intervalSet = periodOfCare(journey, child, period, intervalSet);
  }
}

/** One period of care's planning, reviews, visits, health and education; answers whether a visit interval is left set. */
function periodOfCare(journey: Journey, child: SimulatedChild, period: SimulatedPeriodOfCare, intervalSet: boolean): boolean {
  const { random, calendar, window } = journey;
  const targets = carePlanningCalibrationTargets;
  const end = Math.min(period.ceasedDay, window.end);
  const origin = Math.max(period.startedDay, window.start);
  const within = (day: Day) => day > period.startedDay && day > origin - 1 && day < end;
  const add = (type: string, day: Day, data: Record<string, unknown> = {}) => {
    if (within(day)) journey.addEvent(child, type, day, data);
  };
  const shortBreaks = period.legalStatuses.every((status) => status.legalStatus === 'V3' || status.legalStatus === 'V4');
  const onTimeOrLate = (onTime: boolean, due: Day, earliest: Day, late: [number, number]) =>
    (onTime ? Math.max(earliest, due - random.integer(0, Math.max(0, Math.min(15, due - earliest)))) : due + random.integer(...late));

  add('care-planning.iro-allocated', calendar.addWorkingDays(origin, random.integer(1, 3)), { iroWorkerId: iro });
  add('care-planning.care-plan-recorded', calendar.addWorkingDays(origin, random.chance(0.92) ? random.integer(1, 10) : random.integer(11, 20)));
  for (const placement of period.placements) {
    const from = Math.max(placement.day, origin);
    if (placement.day < origin && period.placements.some((later) => later.day > placement.day && later.day <= origin)) continue;
    add('care-planning.placement-plan-recorded', calendar.addWorkingDays(from, random.chance(0.9) ? random.integer(1, 5) : random.integer(6, 12)));
  }
  if (intervalSet && !shortBreaks) {
    add('care-planning.visit-interval-set', origin + 1, {});
    intervalSet = false;
  }
  if (shortBreaks && !intervalSet) {
    // CPPCR reg 48: visits at the interval agreed with the IRO.
    add('care-planning.visit-interval-set', origin + 1, { weeks: 8, reason: 'Agreed with the IRO for short breaks' });
    intervalSet = within(origin + 1);
  }

  // Reviews: the first within 20 working days, the second within 3 months, then every 6 months.
  const reviewDays: Day[] = [];
  let due = calendar.addWorkingDays(origin, 20);
  let earliest = origin + 5;
  for (let number = 1; ; number += 1) {
    const day = onTimeOrLate(random.chance(targets.reviewsOnTime), due, earliest, [1, 25]);
    if (day >= end) break;
    reviewDays.push(day);
    const under4 = calendar.addMonths(child.birthDay, 48) > day;
    const code: ReviewParticipation = under4 ? 'PN0' : random.chance(targets.participation) ? random.weighted(participation as Record<ReviewParticipation, number>) : 'PN7';
    add('care-planning.review-held', day, { participation: code });
    due = calendar.addMonths(day, number === 1 ? 3 : 6);
    earliest = day + 30;
  }
  // The permanency planning meeting, by the second review (3 months after the first).
  if (reviewDays[0] !== undefined) {
    const protocolDate = calendar.addMonths(reviewDays[0], 3);
    const day = random.chance(targets.permanencyMeetingsOnTime) ? protocolDate - random.integer(1, Math.max(1, protocolDate - reviewDays[0] - 1)) : protocolDate + random.integer(3, 45);
    add('care-planning.permanency-planning-meeting-held', day);
    add('care-planning.permanence-plan-recorded', day, { plan: random.weighted({ 'return-home': 0.35, 'long-term-fostering': 0.3, adoption: 0.1, 'special-guardianship': 0.1, 'supported-independence': 0.1, 'residential-care': 0.05 }) });
  }

  visits(journey, child, period, origin, end, add, shortBreaks);
  health(journey, child, origin, end, add);
  education(journey, child, origin, end, add);
  return intervalSet;
}

type Add = (type: string, day: Day, data?: Record<string, unknown>) => void;

/** Within a week of each placement, then every 6 weeks (3 months in a long-term placement after its first year), 8 weeks for short breaks. */
function visits(journey: Journey, child: SimulatedChild, period: SimulatedPeriodOfCare, origin: Day, end: Day, add: Add, shortBreaks: boolean): void {
  const { random, calendar } = journey;
  const onTime = carePlanningCalibrationTargets.visitsOnTime;
  let last = origin;
  let due = origin + 7;
  for (let guard = 0; guard < 1000; guard += 1) {
    const change = period.placements.find((placement) => placement.day > last && placement.day < end);
    const day = random.chance(onTime) ? due - random.integer(0, Math.min(10, Math.max(0, due - last - 1))) : due + random.integer(1, 14);
    if (change && change.day <= day) {
      last = change.day;
      due = change.day + 7;
      continue;
    }
    if (day >= end) return;
    const childSeen = random.chance(0.97);
    add('care-planning.visit-made', day, {
      childSeen, seenAlone: childSeen && ageOn(child, day) >= 5 && random.chance(0.8),
      location: random.weighted({ placement: 0.8, school: 0.08, 'family-time': 0.04, community: 0.06, office: 0.02 }), visitedByWorkerId: socialWorker,
    });
    last = day;
    if (!childSeen) {
      // Not seen: the visit is still owed, a few days later at the least.
      due = Math.max(due, day + 3);
      continue;
    }
    const placement = [...period.placements].reverse().find((p) => p.day <= day)!;
    const longTerm = (placement.type === 'U1' || placement.type === 'U4') && day >= calendar.addMonths(placement.day, 12);
    due = shortBreaks ? day + 56 : longTerm ? calendar.addMonths(day, 3) : day + 42;
  }
}

/** The initial health assessment, reviews every 6 months under 5 and 12 from 5, dental checks, immunisations, SDQs and screenings. */
function health(journey: Journey, child: SimulatedChild, origin: Day, end: Day, add: Add): void {
  const { random, calendar } = journey;
  const targets = carePlanningCalibrationTargets;
  let day = calendar.addWorkingDays(origin, random.chance(targets.initialHealthAssessmentsOnTime) ? random.integer(5, 20) : random.integer(21, 45));
  let kind = 'initial';
  while (day < end) {
    add('care-planning.health-assessment-completed', day, { kind, assessedBy: kind === 'initial' ? 'medical-practitioner' : random.pick(['nurse-or-midwife', 'nurse-or-midwife', 'health-visitor']) });
    kind = 'review';
    const months = calendar.addMonths(child.birthDay, 60) <= day ? 12 : 6;
    const due = calendar.addMonths(day, months);
    day = random.chance(0.93) ? due - random.integer(1, 25) : due + random.integer(1, 40);
  }
  // A year at a time from the start: a dental check, immunisations, an SDQ (ages 4 to 16), perhaps a screening.
  for (let year = origin + random.integer(20, 80); year < end; year += 365) {
    if (random.chance(targets.dentalChecks + 0.03)) add('care-planning.dental-check-completed', year + random.integer(0, 60));
    add('care-planning.immunisations-recorded', year + random.integer(0, 60), { upToDate: random.chance(0.88) });
    const age = ageOn(child, year);
    if (age >= 4 && age < 17) {
      add('care-planning.sdq-recorded', year + random.integer(0, 90), random.chance(0.85)
        ? { score: Math.max(0, Math.min(40, Math.round(random.normal(14, 7)))) }
        : { reasonNotDone: random.weighted({ SDQ2: 0.2, SDQ3: 0.2, SDQ4: 0.4, SDQ5: 0.2 }) });
    }
    if (random.chance(targets.screeningsPerChildPerYear)) {
      const furtherSupport = random.chance(0.7);
      add('care-planning.mental-health-screened', year + random.integer(0, 300), {
        tool: random.weighted({ sdq: 0.5, 'cla-camhs-screen': 0.4, 'trauma-screen': 0.1 }),
        outcome: furtherSupport ? 'further-support-needed' : 'no-further-support', referredToCamhs: furtherSupport && random.chance(0.5),
      });
    }
    if (age >= 11 && random.chance(0.06)) add('care-planning.substance-misuse-recorded', year + random.integer(0, 300), { identified: true, interventionOffered: true, interventionReceived: random.chance(0.7) });
  }
}

/** For a child of school age: the school, a PEP within 10 working days and each term after, and each term's attendance. */
function education(journey: Journey, child: SimulatedChild, origin: Day, end: Day, add: Add): void {
  const { random, calendar } = journey;
  const schoolAge = (day: Day) => ageOn(child, day) >= 4.5 && ageOn(child, day) < 16;
  if (!schoolAge(origin)) return;
  add('care-planning.school-recorded', origin + 1, { schoolName: random.pick(['Highbury Grove School', 'Central Foundation Boys\' School', 'Elizabeth Garrett Anderson School', 'Ambler Primary School', 'Hargrave Park School', 'City of London Academy Highbury Grove']) });
  let day = calendar.addWorkingDays(origin, random.chance(0.85) ? random.integer(2, 10) : random.integer(11, 25));
  while (day < end && schoolAge(day)) {
    add('care-planning.pep-held', day);
    day += random.chance(0.85) ? random.integer(80, 120) : random.integer(125, 160);
  }
  // Each term's attendance, recorded early in the next: September, January and May begin the terms.
  for (let day2 = origin + 120; day2 < end && schoolAge(day2); day2 += 122) {
    const iso = isoOf(day2);
    const month = Number(iso.slice(5, 7));
    const year = Number(iso.slice(0, 4));
    // The term just ended: before May the autumn term, before September the spring term, else the summer term.
    const [schoolYear, term] = month >= 9 ? [year - 1, 'summer'] : month >= 5 ? [year - 1, 'spring'] : [year - 1, 'autumn'];
    add('care-planning.attendance-recorded', day2, { schoolYear, term, percent: Math.max(40, Math.min(100, Math.round(random.normal(92, 7) * 10) / 10)) });
  }
}

type CalibratedState = CarePlanningState & LookedAfterState & PeopleState & ChildIdentity;

export const carePlanningSimulator: SimulatorBehaviour<CalibratedState> = {
  ownRandomStream: true,
  beginsJourneys: () => carePlanningOf,
  // After the period of care begins (9) and its placement changes (12), before it ceases (19).
  sameDayRanks: {
    'care-planning.iro-allocated': 13, 'care-planning.care-plan-recorded': 13, 'care-planning.placement-plan-recorded': 13, 'care-planning.visit-interval-set': 13,
    'care-planning.visit-made': 14, 'care-planning.review-held': 15, 'care-planning.permanency-planning-meeting-held': 15, 'care-planning.permanence-plan-recorded': 16,
    'care-planning.health-assessment-completed': 14, 'care-planning.dental-check-completed': 14, 'care-planning.immunisations-recorded': 14,
    'care-planning.sdq-recorded': 14, 'care-planning.mental-health-screened': 14, 'care-planning.substance-misuse-recorded': 14,
    'care-planning.pep-held': 14, 'care-planning.school-recorded': 13, 'care-planning.attendance-recorded': 14, 'care-planning.became-mother': 14,
  },
  calibration: (states, { yearEnd, inYear, percent, row, calendar }) => {
    const targets = carePlanningCalibrationTargets;
    const periods = states.flatMap((state) => state.periodsOfCare.map((period) => ({ state, period })));
    // Reviews held in the year, each judged against the one before it in the period (the first against the start).
    const reviews = periods.flatMap(({ state, period }) => state.carePlanning.reviews.filter((r) => r.periodId === period.periodId).map((review, index, all) => {
      const previous = all[index - 1];
      const due = previous === undefined ? calendar.addWorkingDays(period.startedOn, 20) : calendar.addMonths(previous.heldOn, index === 1 ? 3 : 6);
      return { review, onTime: review.heldOn <= due };
    })).filter(({ review }) => inYear(review.heldOn));
    const aged4 = reviews.filter(({ review }) => review.participation !== 'PN0');
    // Visits made in the year at which the child was seen, each against the interval the one before it set.
    const visits = states.flatMap((state) => state.carePlanning.visits.filter((visit) => visit.childSeen).map((visit, index, all) => {
      const previous = all[index - 1];
      if (previous === undefined || previous.periodId !== visit.periodId || previous.placementId !== visit.placementId || previous.nextVisitWithin === undefined) return undefined;
      const [amount, unit] = previous.nextVisitWithin.split('-') as [string, string];
      const due = unit.startsWith('month') ? calendar.addMonths(previous.visitedOn, Number(amount)) : calendar.addCalendarDays(previous.visitedOn, 7 * Number(amount));
      return inYear(visit.visitedOn) ? visit.visitedOn <= due : undefined;
    })).filter((onTime): onTime is boolean => onTime !== undefined);
    // DfE's OC2 population: looked after at 31 March, continuously for 12 months, short breaks apart.
    const yearBefore = calendar.addMonths(yearEnd, -12);
    const oc2 = states.flatMap((state) => {
      const period: PeriodOfCareState | undefined = lookedAfterOn(state, yearEnd);
      return period && !isShortBreaksOnly(period) && period.startedOn <= yearBefore ? [{ state, period }] : [];
    });
    const inLast12Months = (date: string) => date > yearBefore && date <= yearEnd;
    const meetings = periods.flatMap(({ state, period }) => {
      const first = state.carePlanning.reviews.find((r) => r.periodId === period.periodId);
      if (!first) return [];
      const protocolDate = calendar.addMonths(first.heldOn, 3);
      if (!inYear(protocolDate)) return [];
      const meeting = state.carePlanning.permanencyPlanningMeetings.find((m) => m.periodId === period.periodId);
      return [meeting !== undefined && meeting.heldOn <= protocolDate];
    });
    return [
      row('CLA-17 visits to children looked after made on time', 100 * targets.visitsOnTime, percent(visits.filter(Boolean).length, visits.length), 6, '%'),
      row('CLA-18 looked-after reviews held on time', 100 * targets.reviewsOnTime, percent(reviews.filter((r) => r.onTime).length, reviews.length), 6, '%'),
      row('CLA-19 reviews the child aged 4 or over took part in', 100 * targets.participation, percent(aged4.filter(({ review }) => participatedCodes.includes(review.participation)).length, aged4.length), 3, '%'),
      row('CLA-20 health assessments up to date (looked after 12 months at 31 March)', 100 * targets.healthAssessmentsUpToDate,
        percent(oc2.filter(({ state, period }) => state.carePlanning.healthAssessments.some((a) => a.periodId === period.periodId && inLast12Months(a.assessedOn))).length, oc2.length), 5, '%'),
      row('CLA-21 dental checks (looked after 12 months at 31 March)', 100 * targets.dentalChecks,
        percent(oc2.filter(({ state, period }) => state.carePlanning.dentalChecks.some((c) => c.periodId === period.periodId && inLast12Months(c.checkedOn))).length, oc2.length), 10, '%'),
      row('CLA-26 permanency planning meetings held by the protocol date', 100 * targets.permanencyMeetingsOnTime, percent(meetings.filter(Boolean).length, meetings.length), 12, '%'),
    ];
  },
};
