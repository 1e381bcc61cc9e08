/**
 * Youth justice in a synthetic borough of 38,300 children, on a random stream of its own, after
 * every other module's journeys (so it reads the care the looked-after simulator gave each child,
 * and changes no other child's record).
 *
 * The sizes it aims at, and where they come from (approximations, said as such):
 *  - First-time entrants: about 13,000 a year in England (YJB/MoJ Youth Justice Statistics
 *    2022/23), about 11 per 10,000 children aged 10 to 17. A borough of 38,300 children has about
 *    17,000 aged 10 to 17 (the ONS age structure of an inner London borough, roughly 8/18 of its
 *    children), so about 19 first-time entrants a year.
 *  - Children open to the youth justice service at a time: about 100 to 150 for a borough like this
 *    (youth justice plans of inner London boroughs of this size give caseloads in that range); 120
 *    is aimed at. Most are dealt with out of court and many return, so starts far outnumber
 *    first-time entrants.
 *  - Care experience: 67% of the children open to the youth justice service are or were looked after
 *    (CLA-16, August 2023, the partnership's report D2 p35). Children looked after, recently come
 *    into care, or who left care are therefore far likelier to become involved; among other
 *    children, those known to children's social care are likelier than the rest.
 *  - Offending of children looked after 12 months or more, aged 10 to 17: 3% in 2022/23 (CLA-23,
 *    D2 p17). Children long in care are seldom convicted or cautioned; most youth justice work with
 *    them follows a community resolution or prevention.
 *  - Every period in which the looked-after simulator gave a child legal status J1 (remanded) is a
 *    court remand here, on the same days, with the youth justice service involved from the first
 *    day; J2 periods are PACE transfers. A joint planning meeting follows most remands within 10
 *    working days, and a child looked after and open to the youth justice service has a joint
 *    supervision about every six weeks.
 */
import { isoOf, type Day } from '../../simulate/dates.ts';
import { ageOn, WorkerToBeNamed, type Family, type Journey, type SimulatedChild, type SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';
import { simulatedCareOf, type SimulatedPeriodOfCare } from '../looked-after/index.ts';
import { childRegistration } from '../people/index.ts';
import { YOUTH_JUSTICE_SERVICE } from './checks.ts';
import { convictedForOc2, formalOutcomes, type OffenceOutcome } from './codes.ts';
import type { YouthJusticeView } from './rules.ts';
import { knownToYouthJusticeOn } from './state.ts';
import type { ChildIdentity } from '../domain-module.ts';

export const youthJusticeCalibrationTargets = {
  childrenOfTheBorough: 38_300,
  /** Children open to the youth justice service at the end of the year (approximation, above). */
  openAtYearEnd: 120,
  /** CLA-16: open to the youth justice service and are or were looked after (67%, August 2023). */
  careExperiencedShare: 0.67,
  /** CLA-23: looked after 12 months or more, aged 10 to 17, convicted or cautioned in the year (3%, 2022/23). */
  lookedAfterOffending: 0.03,
  /** First-time entrants a year: 11 per 10,000 of about 17,000 children aged 10 to 17. */
  firstTimeEntrantsPerYear: 19,
  /** Joint planning meetings held within 10 working days of a remand (no published figure: the simulation's own). */
  jointPlanningOnTime: 0.85,
} as const;

/**
 * Yearly rates of the youth justice service becoming involved with a child aged 10 to 17, by what
 * the child's care is on the day: tuned so that the open cohort is about 120, two thirds care
 * experienced, and few children long in care are convicted or cautioned.
 */
export const youthJusticeVolumes = {
  lookedAfterUnder12Months: 1.1,
  lookedAfter12MonthsOrMore: 0.06,
  previouslyLookedAfter: 0.95,
  knownToSocialCare: 0.008,
  otherChildren: 0.0008,
} as const;

/**
 * Share of involvements that begin with a formal outcome (a caution or a conviction) rather than a
 * community resolution or prevention work: few first-time entrants against a large open cohort,
 * and few children long in care convicted or cautioned (CLA-23).
 */
const formalOutcomeShare: Readonly<Record<Care, number>> = {
  'looked-after-under-12-months': 0.15, 'looked-after-12-months-or-more': 0.5, 'previously-looked-after': 0.15, 'known-to-social-care': 0.08, other: 0.08,
};

const courts = ['Highbury Corner Youth Court', 'Thames Youth Court', 'Stratford Youth Court', 'Wood Green Crown Court'];
const youthJusticeWorker = WorkerToBeNamed.ofTeam(YOUTH_JUSTICE_SERVICE);
const MONTH = 30;

type Care = 'looked-after-under-12-months' | 'looked-after-12-months-or-more' | 'previously-looked-after' | 'known-to-social-care' | 'other';

function careOn(child: SimulatedChild, periods: readonly SimulatedPeriodOfCare[], day: Day): Care {
  const now = periods.find((p) => p.startedDay <= day && day < p.ceasedDay);
  if (now) return day - now.startedDay >= 365 ? 'looked-after-12-months-or-more' : 'looked-after-under-12-months';
  if (periods.some((p) => p.ceasedDay <= day)) return 'previously-looked-after';
  // Any record of another module's work with the child before the day (a contact, a referral…).
  if (child.events.some((e) => e.day <= day && !e.type.startsWith('youth-justice.') && e.type !== 'child.registered')) return 'known-to-social-care';
  return 'other';
}

const yearlyRate: Record<Care, number> = {
  'looked-after-under-12-months': youthJusticeVolumes.lookedAfterUnder12Months,
  'looked-after-12-months-or-more': youthJusticeVolumes.lookedAfter12MonthsOrMore,
  'previously-looked-after': youthJusticeVolumes.previouslyLookedAfter,
  'known-to-social-care': youthJusticeVolumes.knownToSocialCare,
  other: youthJusticeVolumes.otherChildren,
};

interface Span { start: Day; end: Day }

/** A child's youth justice over the run: the remands the care history holds first, then the involvements drawn around them. */
function childJourney(journey: Journey, family: Family, child: SimulatedChild): void {
  const { random, window } = journey;
  const tenth = journey.calendar.addMonths(child.birthDay, 120);
  const eighteenth = journey.calendar.addMonths(child.birthDay, 216);
  if (eighteenth <= window.start || tenth >= window.end) return;
  const periods = simulatedCareOf(child);
  const busy: Span[] = [];

  for (const period of periods) {
    period.legalStatuses.forEach((status, index) => {
      // A remand lasts until the legal status is next something else (a placement change may repeat J1).
      const next = period.legalStatuses.slice(index + 1).find((later) => later.legalStatus !== status.legalStatus);
      const until = Math.min(next?.day ?? period.ceasedDay, period.ceasedDay);
      if (index > 0 && period.legalStatuses[index - 1]!.legalStatus === status.legalStatus) return;
      if (status.legalStatus === 'J2') {
        journey.addEvent(child, 'youth-justice.pace-transferred', status.day, { policeStation: 'Islington', ...(until < window.end ? { endedOn: isoOf(until) } : {}) });
      }
      if (status.legalStatus !== 'J1' || status.day < tenth || status.day >= eighteenth) return;
      if (busy.some((span) => span.start <= status.day && status.day < span.end)) return;
      busy.push({ start: status.day, end: remandInvolvement(journey, child, status.day, until, periods) });
    });
  }

  // Month by month from the tenth birthday, the chance of the youth justice service becoming involved.
  for (let day = Math.max(tenth, window.start); day < Math.min(eighteenth, window.end); day += MONTH) {
    if (busy.some((span) => span.start <= day && day < span.end)) continue;
    const care = careOn(child, periods, day);
    if (!random.chance(1 - Math.exp(-yearlyRate[care] * (MONTH / 365)))) continue;
    const start = journey.calendar.nextWorkingDay(day + random.integer(0, MONTH - 1));
    if (start >= window.end || start >= eighteenth) break;
    if (child.registeredDay !== undefined && child.registeredDay > start) continue;
    // Another involvement must have ended before the next remand the care history holds.
    const nextRemand = busy.filter((span) => span.start > start).sort((a, b) => a.start - b.start)[0]?.start ?? Infinity;
    if (busy.some((span) => span.start <= start && start < span.end)) continue;
    if (child.registeredDay === undefined) journey.handOn(childRegistration, { family, child, day: start });
    const end = involvement(journey, child, start, care, nextRemand, periods);
    busy.push({ start, end });
    day = end;
  }
}

/** The youth justice service's worker, allocated within days of its involvement beginning. */
function started(journey: Journey, child: SimulatedChild, day: Day, reason: string, limit: Day): void {
  journey.addEvent(child, 'youth-justice.involvement-started', day, { reason });
  const allocated = journey.calendar.addWorkingDays(day, journey.random.integer(0, 5));
  if (allocated < limit && allocated < journey.window.end) journey.addEvent(child, 'youth-justice.worker-allocated', allocated, { workerId: youthJusticeWorker });
}

function offenceOn(journey: Journey, child: SimulatedChild, outcomeDay: Day, before: [number, number]): string {
  const tenth = journey.calendar.addMonths(child.birthDay, 120);
  return isoOf(Math.max(tenth, outcomeDay - journey.random.integer(...before)));
}

/**
 * A remand the looked-after simulator began (legal status J1 from `day` until `until`): the court's
 * remand and the youth justice service's involvement on the same day, a joint planning meeting, and
 * at its end a sentence, bail or an acquittal. Answers the day the involvement ended (Infinity while open).
 */
function remandInvolvement(journey: Journey, child: SimulatedChild, day: Day, until: Day, periods: readonly SimulatedPeriodOfCare[]): Day {
  const { random, calendar, window } = journey;
  started(journey, child, day, 'remand', until);
  const court = random.pick(courts);
  journey.addEvent(child, 'youth-justice.remanded', day, { court, remandType: random.chance(0.6) ? 'youth-detention-accommodation' : 'local-authority-accommodation' });
  const planning = calendar.addWorkingDays(day, random.chance(youthJusticeCalibrationTargets.jointPlanningOnTime) ? random.integer(2, 10) : random.integer(11, 20));
  if (planning < until && planning < window.end) jointMeeting(journey, child, planning, 'joint-planning-meeting');
  if (until >= window.end) return Infinity;
  const ending = random.weighted({ sentenced: 0.5, 'bail-granted': 0.35, acquitted: 0.15 });
  journey.addEvent(child, 'youth-justice.remand-ended', until, { reason: ending });
  let end: Day;
  if (ending === 'sentenced') {
    const custodial = random.chance(0.5);
    const order = custodial ? 'detention-and-training-order' : 'youth-rehabilitation-order';
    journey.addEvent(child, 'youth-justice.offence-outcome-recorded', until, {
      offenceOn: offenceOn(journey, child, day, [1, 30]), outcome: 'conviction', court, sentence: order,
    });
    end = courtOrder(journey, child, until, order, court, custodial ? [4, 12] : [6, 18]);
  } else {
    end = ending === 'acquitted' ? until + random.integer(1, 10) : until + random.integer(40, 150);
  }
  return endInvolvement(journey, child, end, periods, day);
}

/** A court order from `day`, lasting some months, ended (mostly completed); answers the day it ended. */
function courtOrder(journey: Journey, child: SimulatedChild, day: Day, order: string, court: string, months: [number, number]): Day {
  const { random, calendar, window } = journey;
  const endsOn = calendar.addMonths(day, random.integer(...months));
  journey.addEvent(child, 'youth-justice.court-order-made', day, { order, court, endsOn: isoOf(endsOn) });
  const breached = random.chance(0.12);
  const ended = breached ? day + random.integer(30, Math.max(31, endsOn - day - 1)) : endsOn;
  if (ended >= window.end) return Infinity;
  journey.addEvent(child, 'youth-justice.court-order-ended', ended, { reason: breached ? 'revoked-breach' : 'completed' });
  return ended;
}

/** The involvement ends a few days after its last piece of work; joint supervisions are held while the child is looked after. */
function endInvolvement(journey: Journey, child: SimulatedChild, lastWork: Day, periods: readonly SimulatedPeriodOfCare[], start: Day): Day {
  const { random, window } = journey;
  const end = lastWork === Infinity ? Infinity : lastWork + random.integer(0, 14);
  jointSupervisions(journey, child, start, Math.min(end, window.end), periods);
  if (end >= window.end) return Infinity;
  journey.addEvent(child, 'youth-justice.involvement-ended', end, { reason: random.weighted({ 'order-completed': 0.7, 'no-further-action': 0.2, 'moved-away': 0.05, other: 0.05 }) });
  return end;
}

/** An involvement drawn by the monthly chance: an out-of-court outcome, a court order, or bail supervision. */
function involvement(journey: Journey, child: SimulatedChild, start: Day, care: Care, nextRemand: Day, periods: readonly SimulatedPeriodOfCare[]): Day {
  const { random } = journey;
  const formal = random.chance(formalOutcomeShare[care]);
  const reason = !formal ? random.weighted({ 'out-of-court-disposal': 0.85, other: 0.15 }) : random.weighted({ 'out-of-court-disposal': 0.5, 'court-order': 0.4, bail: 0.05, other: 0.05 });
  // Room before the next remand: the involvement must end first.
  const room = nextRemand - start - 20;
  if (room < 60) return start;
  started(journey, child, start, reason, Math.min(nextRemand, start + room));
  let lastWork: Day;
  if (reason === 'court-order' && room > 600) {
    const court = random.pick(courts);
    const order = random.weighted({ 'referral-order': 0.65, 'youth-rehabilitation-order': 0.3, 'detention-and-training-order': 0.05 });
    journey.addEvent(child, 'youth-justice.offence-outcome-recorded', start, { offenceOn: offenceOn(journey, child, start, [20, 120]), outcome: 'conviction', court, sentence: order });
    const months: [number, number] = order === 'referral-order' ? [3, 12] : [6, 18];
    lastWork = courtOrder(journey, child, start, order, court, months);
  } else {
    const outcome: OffenceOutcome = formal
      ? random.weighted({ 'youth-caution': 0.6, 'youth-conditional-caution': 0.4 })
      : 'community-resolution';
    if (reason !== 'bail') journey.addEvent(child, 'youth-justice.offence-outcome-recorded', start, { offenceOn: offenceOn(journey, child, start, [10, 90]), outcome });
    lastWork = start + random.integer(Math.min(120, room - 15), Math.min(300, room - 15));
  }
  if (lastWork !== Infinity && lastWork >= nextRemand - 15) lastWork = nextRemand - 16;
  return endInvolvement(journey, child, lastWork, periods, start);
}

function jointMeeting(journey: Journey, child: SimulatedChild, day: Day, kind: 'joint-supervision' | 'joint-planning-meeting'): void {
  const { random } = journey;
  const attendees = [{ role: 'social-worker' }, { role: 'youth-justice-worker' }];
  if (kind === 'joint-planning-meeting' || random.chance(0.4)) attendees.push({ role: random.pick(['social-work-manager', 'youth-justice-manager']) });
  if (kind === 'joint-planning-meeting' && random.chance(0.5)) attendees.push({ role: 'iro' });
  journey.addEvent(child, 'youth-justice.joint-meeting-held', day, {
    kind, attendees,
    decisions: random.pick([
      'The social worker and the youth justice worker to visit together fortnightly; the placement to continue.',
      'A referral to the exploitation panel; the youth justice worker to share the risk assessment with the social worker.',
      'Education: the virtual school to arrange a tutor; the youth justice worker to support attendance.',
      'The care plan and the intervention plan to be aligned before the next review.',
    ]),
  });
}

/** Joint supervision about every six weeks while the child is looked after and the involvement is open. */
function jointSupervisions(journey: Journey, child: SimulatedChild, start: Day, end: Day, periods: readonly SimulatedPeriodOfCare[]): void {
  const { random, calendar } = journey;
  for (const period of periods) {
    const from = Math.max(start, period.startedDay);
    const to = Math.min(end, period.ceasedDay, journey.window.end);
    for (let day = calendar.nextWorkingDay(from + random.integer(14, 35)); day < to; day = calendar.nextWorkingDay(day + random.integer(35, 56))) {
      jointMeeting(journey, child, day, 'joint-supervision');
    }
  }
}

type CalibratedView = YouthJusticeView & ChildIdentity & { periodsOfCare?: { startedOn: string; ceasedOn?: string; episodes: { legalStatus: string }[] }[] };

export const youthJusticeSimulator: SimulatorBehaviour<CalibratedView> = {
  ownRandomStream: true,
  beginsJourneys: () => (journey, family) => {
    for (const child of family.children) if (child.birthDay < journey.window.end && ageOn(child, journey.window.end) >= 10) childJourney(journey, family, child);
  },
  // After registration and the looked-after events of the day; the end of the involvement after its orders and remand.
  sameDayRanks: {
    'youth-justice.involvement-started': 9, 'youth-justice.offence-outcome-recorded': 10, 'youth-justice.worker-allocated': 10,
    'youth-justice.remanded': 11, 'youth-justice.pace-transferred': 11, 'youth-justice.remand-ended': 12, 'youth-justice.court-order-made': 13,
    'youth-justice.joint-meeting-held': 14, 'youth-justice.court-order-ended': 15, 'youth-justice.involvement-ended': 19,
  },
  teams: [{
    service: YOUTH_JUSTICE_SERVICE, name: 'Youth justice service', teams: 1, members: 10, role: 'social-worker', holdsCases: false,
    records: ['youth-justice.involvement-started', 'youth-justice.worker-allocated', 'youth-justice.offence-outcome-recorded', 'youth-justice.court-order-made', 'youth-justice.court-order-ended', 'youth-justice.remanded', 'youth-justice.remand-ended', 'youth-justice.pace-transferred', 'youth-justice.involvement-ended'],
  }],
  volumes: youthJusticeVolumes,
  calibration: (states, { children, inYear, percent, row, yearEnd, calendar }) => {
    const targets = youthJusticeCalibrationTargets;
    const scaled = (count: number) => (count * targets.childrenOfTheBorough) / children;
    const lookedAfterOn = (s: CalibratedView, on: string) => (s.periodsOfCare ?? []).find((p) => p.startedOn <= on && (p.ceasedOn === undefined || p.ceasedOn > on)
      && !p.episodes.every((e) => e.legalStatus === 'V3' || e.legalStatus === 'V4'));
    const open = states.filter((s) => s.youthJustice && knownToYouthJusticeOn(s, yearEnd));
    const careExperienced = open.filter((s) => (s.periodsOfCare ?? []).some((p) => p.startedOn <= yearEnd && !p.episodes.every((e) => e.legalStatus === 'V3' || e.legalStatus === 'V4')));
    const yearAgo = calendar.addMonths(yearEnd, -12);
    const ageAtYearEnd = (s: CalibratedView) => (s.details?.dateOfBirth ? Math.floor((Date.parse(yearEnd) - Date.parse(s.details.dateOfBirth)) / (365.25 * 86_400_000)) : -1);
    const oc2 = states.filter((s) => {
      const period = lookedAfterOn(s, yearEnd);
      const age = ageAtYearEnd(s);
      return period !== undefined && period.startedOn <= yearAgo && age >= 10 && age <= 17;
    });
    const convicted = oc2.filter((s) => s.youthJustice?.offenceOutcomes.some((o) => inYear(o.outcomeOn) && (convictedForOc2 as readonly string[]).includes(o.outcome)));
    const firstTime = states.filter((s) => {
      const first = s.youthJustice?.offenceOutcomes.filter((o) => (formalOutcomes as readonly string[]).includes(o.outcome)).sort((a, b) => a.outcomeOn.localeCompare(b.outcomeOn))[0];
      return first !== undefined && inYear(first.outcomeOn);
    });
    return [
      row(`YJ-04 children open to the youth justice service at the year end, scaled to ${targets.childrenOfTheBorough.toLocaleString('en-GB')} children`, targets.openAtYearEnd, scaled(open.length), 50, 'count'),
      row('CLA-16 children open to the youth justice service who are or were looked after', 100 * targets.careExperiencedShare, percent(careExperienced.length, open.length), 15, '%'),
      row('CLA-23 children looked after 12 months or more, aged 10 to 17, convicted or cautioned in the year', 100 * targets.lookedAfterOffending, percent(convicted.length, oc2.length), 3, '%'),
      row(`YJ-01 first-time entrants in the year, scaled to ${targets.childrenOfTheBorough.toLocaleString('en-GB')} children`, targets.firstTimeEntrantsPerYear, scaled(firstTime.length), 12, 'count'),
    ];
  },
};
