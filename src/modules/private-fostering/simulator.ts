/**
 * Private fostering in a synthetic borough: about ten notifications a year for a borough of
 * Islington's size (catalogue PF-01: 11 in 2020/21, 10 in 2021/22), about two in ten of them private
 * fostering (PF-02), initial visits on time about half the time (PF-04: 50%) and monitoring visits
 * about nine times in ten (PF-05: 89%). Every event goes through the record's own rules when the
 * file is imported.
 *
 * Its journeys draw from a random stream of their own (`ownRandomStream`): with about ten
 * notifications a year, drawing from the stream the other modules share would move every later
 * draw of the borough, and so every other child's record; on its own stream, adding private
 * fostering changes only the records of the children it is about.
 */
import { isoOf, type Day } from '../../simulate/dates.ts';
import { forenameFor, surnameFor } from '../../simulate/names.ts';
import { WorkerToBeNamed, type Family, type Journey, type SimulatedChild, type SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';
import { childRegistration } from '../people/index.ts';
import type {
  arrangementEndReasonCodes, notifierCodes, notPrivateFosteringReasonCodes, privateFosteringReasonCodes,
} from './codes.ts';
import type { nationalityCodes } from './nationalities.ts';
import type { PrivateFosteringState } from './state.ts';

/** What the simulation aims at, from the metrics catalogue §11 (D2 p20). */
export const privateFosteringCalibrationTargets = {
  /** PF-01: notifications a year for 38,320 children (10 in 2021/22). */
  notificationsPerYear: 10,
  childrenOfTheBorough: 38_320,
  /** PF-02: notifications found to be private fostering (2 of 10 in 2021/22). */
  confirmedShare: 0.2,
  /** PF-04: initial visits within 7 working days (50%, "declined"). */
  initialVisitsOnTime: 0.5,
  /** PF-05: monitoring visits by their due date (89%). */
  monitoringVisitsOnTime: 0.89,
  /** PF-03: forwarded to the children in need service "typically within 7 days". */
  forwardedWithin7Days: 0.9,
} as const;

const notifiers: Readonly<Record<keyof typeof notifierCodes, number>> = {
  school: 0.35, parent: 0.2, 'private-foster-carer': 0.15, health: 0.1, 'other-professional': 0.1, 'arranging-person': 0.05, other: 0.05,
};
/** The report: reasons moving from education towards accommodation (an alternative family arrangement) and citizenship. */
const reasons: Readonly<Record<keyof typeof privateFosteringReasonCodes, number>> = { '8B': 0.1, '8C': 0.2, '8D': 0.25, '8E': 0.35, '8F': 0.1 };
const nationalities: Readonly<Partial<Record<keyof typeof nationalityCodes, number>>> = {
  GB: 0.5, NG: 0.08, GH: 0.06, UA: 0.08, RO: 0.04, PL: 0.04, SO: 0.04, ER: 0.03, AF: 0.03, CN: 0.04, ES: 0.03, IT: 0.03,
};
const notPrivateFostering: Readonly<Record<keyof typeof notPrivateFosteringReasonCodes, number>> = {
  'close-relative': 0.4, 'under-28-days': 0.2, 'did-not-go-ahead': 0.15, 'parental-responsibility': 0.05, 'child-over-age': 0.05, 'looked-after': 0.05, other: 0.1,
};
const endReasons: Readonly<Partial<Record<keyof typeof arrangementEndReasonCodes, number>>> = {
  'returned-to-parent': 0.55, 'returned-overseas': 0.15, 'moved-to-another-carer': 0.1, 'moved-away': 0.1, 'order-made': 0.05, other: 0.05,
};

/** The children in need service's workers: its manager authorises the assessment, and the panel's chair decides. */
const manager = WorkerToBeNamed.ofTeam('children-in-need');
const panelChair = WorkerToBeNamed.ofTeam('conference-and-review');

/** The youngest age a notified child is most often: most privately fostered children are 10 or over. */
const OLDER = 10 * 365.25;

/**
 * Each family's notifications over the run: at the borough's rate per child aged 1 to 15, each
 * about one of its children not privately fostered already, looked into, visited and either closed
 * or confirmed; a confirmed arrangement is checked, assessed, approved, visited, reviewed and ended.
 */
function familyNotifications(journey: Journey, family: Family, ratePerChildPerYear: number): void {
  const { random, window } = journey;
  const yearlyRate = ratePerChildPerYear * family.children.length;
  if (yearlyRate <= 0) return;
  let busyUntil = -Infinity;
  for (let day = window.start + random.exponential(365 / yearlyRate); day < window.end; day += random.exponential(365 / yearlyRate)) {
    const notifiedOn = journey.calendar.nextWorkingDay(Math.floor(day));
    if (notifiedOn >= window.end || notifiedOn <= busyUntil) continue;
    const youngest = random.chance(0.7) ? OLDER : 365;
    const eligible = family.children.filter((c) => {
      const age = notifiedOn - c.birthDay;
      // A child registered later by the front door is left alone: their record begins with that contact.
      return age >= youngest && age < 15.5 * 365.25 && (c.registeredDay === undefined || c.registeredDay <= notifiedOn);
    });
    if (eligible.length === 0) continue;
    const child = random.pick(eligible);
    if (child.registeredDay === undefined) journey.handOn(childRegistration, { family, child, day: notifiedOn });
    busyUntil = notification(journey, child, notifiedOn);
  }
}

/** One notification and what follows; answers the day it closed (Infinity while open). */
function notification(journey: Journey, child: SimulatedChild, day: Day): Day {
  const { random, calendar } = journey;
  const add = (type: string, on: Day, data: Record<string, unknown>) => journey.addEvent(child, type, on, data);
  const proposed = random.chance(0.2);
  const beginsOn = proposed ? day + random.integer(7, 45) : day - random.integer(7, 200);
  const notified = add('private-fostering.notified', day, {
    notifiedBy: random.weighted(notifiers), timing: proposed ? 'proposed' : 'existing', arrangementBeginsOn: isoOf(beginsOn),
  });
  const notificationId = notified.eventId;
  const targets = privateFosteringCalibrationTargets;
  const forwardedOn = random.chance(targets.forwardedWithin7Days) ? calendar.addWorkingDays(day, random.integer(0, 4)) : day + random.integer(8, 20);
  if (forwardedOn < journey.window.end) add('private-fostering.notification-forwarded', forwardedOn, { notificationId });

  const confirmedToBe = random.chance(targets.confirmedShare);
  const visitedOnTime = random.chance(confirmedToBe ? targets.initialVisitsOnTime : 0.7);
  const initialVisit = calendar.addWorkingDays(day, visitedOnTime ? random.integer(1, 7) : random.integer(8, 16));
  if (initialVisit >= journey.window.end) return Infinity;
  let lastVisit = initialVisit;
  add('private-fostering.visit-made', initialVisit, visitData(journey, child, notificationId, initialVisit));

  // Decided once visited, once forwarded (the decision is the children in need service's) and, for a proposed arrangement, once it began.
  const decidedOn = calendar.addWorkingDays(Math.max(initialVisit, forwardedOn, proposed ? beginsOn : day), random.integer(1, 10));
  if (decidedOn >= journey.window.end) return Infinity;
  const limit = child.disabilities.some((code) => code !== 'NONE') ? 18 : 16;
  const tooOld = calendar.addMonths(child.birthDay, limit * 12) <= decidedOn;
  if (!confirmedToBe || tooOld) {
    add('private-fostering.notification-closed', decidedOn, { notificationId, reason: tooOld ? 'child-over-age' : random.weighted(notPrivateFostering) });
    return decidedOn;
  }

  // A private fostering arrangement: who the carers are, checks, assessment, panel, visits and end.
  const ethnicity = random.pick(['WBRI', 'WOTH', 'BAFR', 'BCRB', 'ABAN', 'OOTH']);
  const carerSurname = surnameFor(random, ethnicity);
  const carers = [{ name: `${forenameFor(random, ethnicity, 'F')} ${carerSurname}`, dateOfBirth: isoOf(day - random.integer(30, 60) * 365) }];
  if (random.chance(0.5)) carers.push({ name: `${forenameFor(random, ethnicity, 'M')} ${carerSurname}`, dateOfBirth: isoOf(day - random.integer(30, 60) * 365) });
  const householdMembers = random.chance(0.4) ? [{ name: `${forenameFor(random, ethnicity, random.chance(0.5) ? 'F' : 'M')} ${carerSurname}` }] : [];
  const startedOn = beginsOn;
  add('private-fostering.arrangement-confirmed', decidedOn, {
    notificationId, startedOn: isoOf(startedOn), reason: random.weighted(reasons), nationality: random.weighted(nationalities as Record<string, number>),
    carerRelationship: random.weighted({ 'family-friend': 0.5, 'more-distant-relative': 0.25, 'host-family': 0.15, other: 0.1 }),
    carers, householdMembers,
    address: { line1: `${random.integer(1, 200)} ${random.pick(['Holloway Road', 'Caledonian Road', 'Essex Road', 'Upper Street', 'Seven Sisters Road', 'Blackstock Road'])}`, postcode: `N${random.pick([1, 4, 5, 7, 19])} ${random.integer(1, 9)}${random.pick(['AB', 'DG', 'HQ', 'LT', 'PW', 'XY'])}` },
    parents: [{ name: `${forenameFor(random, child.ethnicity, 'F')} ${surnameFor(random, child.ethnicity)}`, relationship: 'mother', livesAbroad: random.chance(0.4) }],
  });
  const countsFrom = Math.max(startedOn, day);
  const laterYears = calendar.addMonths(countsFrom, 12);
  const lastDay = Math.min(
    calendar.addMonths(child.birthDay, limit * 12) - 1,
    decidedOn + Math.round(Math.min(1_100, Math.max(40, random.logNormal(240, 0.8)))),
  );
  const before = (on: Day, limitDay: Day) => on < limitDay && on < journey.window.end;

  const adults = [...carers.map((_, i) => `carer-${i + 1}`), ...householdMembers.map((_, i) => `member-${i + 1}`)];
  let checked = decidedOn;
  for (const personId of adults) {
    const on = calendar.addWorkingDays(decidedOn, random.integer(5, 25));
    if (!before(on, lastDay)) continue;
    checked = Math.max(checked, on);
    add('private-fostering.carer-check-completed', checked, { personId, check: 'dbs-enhanced', outcome: random.chance(0.9) ? 'no-concerns' : 'information-to-consider', dbsCertificateIssuedOn: isoOf(on - random.integer(0, 4)) });
  }
  const assessedOn = calendar.addWorkingDays(Math.max(checked, decidedOn), random.integer(5, 25));
  const outcome = random.weighted({ suitable: 0.85, 'suitable-with-requirements': 0.12, 'not-suitable': 0.03 });
  let endDay = lastDay;
  let endReason: string = random.weighted(endReasons as Record<string, number>);
  if (lastDay === calendar.addMonths(child.birthDay, limit * 12) - 1) endReason = 'reached-age-limit';
  if (before(assessedOn, endDay)) {
    add('private-fostering.suitability-assessed', assessedOn, { outcome, authorisedByWorkerId: manager });
    const panelOn = calendar.addWorkingDays(assessedOn, random.integer(5, 20));
    if (before(panelOn, endDay)) {
      add('private-fostering.panel-decided', panelOn, { decision: outcome === 'not-suitable' ? 'not-approved' : outcome === 'suitable' ? 'approved' : 'approved-with-requirements', chairWorkerId: panelChair });
      if (outcome === 'not-suitable') {
        endDay = Math.min(endDay, panelOn + random.integer(3, 20));
        endReason = random.chance(0.5) ? 'prohibited' : 'returned-to-parent';
      }
    }
  }

  // Visits: every 6 weeks in the first year, every 12 after; most a little early, some late.
  let review = laterYears - random.integer(0, 20);
  for (;;) {
    const interval = lastVisit >= laterYears ? 84 : 42;
    const due = lastVisit + interval;
    const next = random.chance(targets.monitoringVisitsOnTime) ? calendar.nextWorkingDay(due - random.integer(3, 12)) : due + random.integer(1, 20);
    if (!before(next, endDay)) break;
    lastVisit = next;
    add('private-fostering.visit-made', next, visitData(journey, child, notificationId, next));
    while (review < next && review < endDay) {
      if (review > decidedOn) add('private-fostering.arrangement-reviewed', review, { outcome: 'continues', chairWorkerId: panelChair });
      review = calendar.addMonths(review, 12) - random.integer(0, 20);
    }
  }
  if (endDay >= journey.window.end) return Infinity;
  add('private-fostering.arrangement-ended', endDay, { reason: endReason });
  return endDay;
}

function visitData(journey: Journey, child: SimulatedChild, notificationId: string, day: Day): Record<string, unknown> {
  const { random, calendar } = journey;
  const childSeen = random.chance(0.97);
  return {
    notificationId, childSeen, seenAlone: childSeen && day - child.birthDay >= 5 * 365.25 && random.chance(0.85),
    reportWrittenOn: isoOf(calendar.addWorkingDays(day, random.integer(0, 5))), visitedByWorkerId: WorkerToBeNamed.ofTeam('children-in-need'),
  };
}

export const privateFosteringSimulator: SimulatorBehaviour<PrivateFosteringState> = {
  ownRandomStream: true,
  beginsJourneys: () => {
    // Notifications per child of the borough a year: PF-01's ten for 38,320 children.
    const { notificationsPerYear, childrenOfTheBorough } = privateFosteringCalibrationTargets;
    const rate = notificationsPerYear / childrenOfTheBorough;
    return (journey, family) => familyNotifications(journey, family, rate);
  },
  // After the child's registration, before the front door's contacts of the day: a notification opens the day's work.
  sameDayRanks: {
    'private-fostering.notified': 3, 'private-fostering.notification-forwarded': 7, 'private-fostering.visit-made': 11,
    'private-fostering.arrangement-confirmed': 12, 'private-fostering.notification-closed': 12, 'private-fostering.carer-check-completed': 13,
    'private-fostering.suitability-assessed': 14, 'private-fostering.panel-decided': 15, 'private-fostering.arrangement-reviewed': 16,
    'private-fostering.arrangement-ended': 19,
  },
  volumes: { notificationsPerChildPerYear: privateFosteringCalibrationTargets.notificationsPerYear / privateFosteringCalibrationTargets.childrenOfTheBorough },
  calibration: (states, { children, inYear, percent, row, calendar }) => {
    const targets = privateFosteringCalibrationTargets;
    const notifications = states.flatMap((s) => s.privateFosteringNotifications).filter((n) => inYear(n.receivedOn));
    const decided = notifications.filter((n) => n.arrangement !== undefined || n.closedOn !== undefined);
    const confirmed = notifications.filter((n) => n.arrangement !== undefined);
    // About ten a year: one year's shares swing widely, so the tolerances are wide.
    return [
      row(`PF-01 notifications in the year, scaled to ${targets.childrenOfTheBorough.toLocaleString('en-GB')} children`, targets.notificationsPerYear, (notifications.length * targets.childrenOfTheBorough) / children, 8, 'count'),
      row('PF-02 notifications found to be private fostering', 100 * targets.confirmedShare, percent(confirmed.length, decided.length), 40, '%'),
      row('PF-04 new arrangements visited within 7 working days', 100 * targets.initialVisitsOnTime, percent(confirmed.filter((n) => n.visits[0] !== undefined && n.visits[0].visitedOn <= calendar.addWorkingDays(n.receivedOn, 7)).length, confirmed.length), 50, '%'),
    ];
  },
};
