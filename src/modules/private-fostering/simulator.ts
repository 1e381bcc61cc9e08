/**
 * Private fostering in a synthetic borough: about ten notifications a year for a borough of
 * Islington's size (catalogue PF-01: 11 in 2020/21, 10 in 2021/22), about two in ten of them private
 * fostering (PF-02), initial visits on time about half the time (PF-04: 50%) and monitoring visits
 * about nine times in ten (PF-05: 89%). Every event goes through the record's own rules when the
 * file is imported. In the shapes the simulator uses (simulate/journeys.ts, simulate/calibration.ts):
 * the borough's children, a day-numbered calendar and a seeded random source.
 */
import type { ChildRecordState } from '../../record/child-record-state.ts';
import type { CalibrationRow } from '../../simulate/calibration.ts';
import { isoOf, type Day, type SimulationCalendar } from '../../simulate/dates.ts';
import type { SimulatedChild, SimulatedEvent } from '../../simulate/journeys.ts';
import { forenameFor, surnameFor } from '../../simulate/names.ts';
import type { Random } from '../../simulate/random.ts';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import type {
  arrangementEndReasonCodes, notifierCodes, notPrivateFosteringReasonCodes, privateFosteringReasonCodes,
} from './codes.ts';
import type { nationalityCodes } from './nationalities.ts';

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

/** Placeholders the simulator's writer turns into workers of the borough (simulate/simulate.ts). */
export interface PrivateFosteringStaff {
  manager: string;
  panelChair: string;
}

/** How a private fostering journey adds to a child's record: as FamilyJourneys adds its events. */
export interface PrivateFosteringRecorder {
  /** Registers the child on the day (with their household) when they are not registered yet. */
  register(child: SimulatedChild, day: Day): void;
  add(child: SimulatedChild, type: string, day: Day, data?: Record<string, unknown>): SimulatedEvent;
}

/**
 * Simulates the private fostering notifications of one borough over the window: each about a
 * child of the borough aged 1 to 15, looked into, visited and either closed or confirmed, and a
 * confirmed arrangement checked, assessed, approved, visited, reviewed and ended.
 */
export class PrivateFosteringJourneys {
  /** The day each child's last notification or arrangement closed: one at a time. */
  private readonly busyUntil = new Map<string, Day>();

  constructor(
    private readonly random: Random,
    private readonly calendar: SimulationCalendar,
    private readonly boroughChildren: number,
    private readonly window: { start: Day; end: Day },
    private readonly staff: PrivateFosteringStaff = { manager: 'team-manager', panelChair: 'panel-chair' },
  ) {}

  run(children: readonly SimulatedChild[], recorder: PrivateFosteringRecorder): void {
    const { random, window } = this;
    const { notificationsPerYear, childrenOfTheBorough } = privateFosteringCalibrationTargets;
    const years = (window.end - window.start) / 365.25;
    const expected = (notificationsPerYear * this.boroughChildren * years) / childrenOfTheBorough;
    const notifications = random.poisson(expected);
    const days = Array.from({ length: notifications }, () => this.calendar.nextWorkingDay(window.start + random.integer(0, Math.max(0, window.end - window.start - 1)))).sort((a, b) => a - b);
    for (const day of days) {
      const child = this.pickChild(children, day);
      if (!child) continue;
      if (child.registeredDay === undefined || child.registeredDay > day) recorder.register(child, day);
      this.busyUntil.set(child.childId, this.notification(child, day, recorder));
    }
  }

  /** A child aged 1 to 15 not privately fostered already, most often one of 10 or over; drawn until one fits. */
  private pickChild(children: readonly SimulatedChild[], day: Day): SimulatedChild | undefined {
    const { random } = this;
    const youngest = random.chance(0.7) ? 10 * 365.25 : 365;
    for (let draw = 0; draw < 1_000 && children.length > 0; draw += 1) {
      const child = random.pick(children);
      const age = day - child.birthDay;
      if (age >= youngest && age < 15.5 * 365.25 && (this.busyUntil.get(child.childId) ?? -Infinity) < day) return child;
    }
    return undefined;
  }

  /** One notification and what follows; answers the day it closed (Infinity while open). */
  private notification(child: SimulatedChild, day: Day, recorder: PrivateFosteringRecorder): Day {
    const { random, calendar } = this;
    const proposed = random.chance(0.2);
    const beginsOn = proposed ? day + random.integer(7, 45) : day - random.integer(7, 200);
    const notification = recorder.add(child, 'private-fostering.notified', day, {
      notifiedBy: random.weighted(notifiers), timing: proposed ? 'proposed' : 'existing', arrangementBeginsOn: isoOf(beginsOn),
    });
    const notificationId = notification.eventId;
    const targets = privateFosteringCalibrationTargets;
    const forwardedOn = random.chance(targets.forwardedWithin7Days) ? calendar.addWorkingDays(day, random.integer(0, 4)) : day + random.integer(8, 20);
    recorder.add(child, 'private-fostering.notification-forwarded', forwardedOn, { notificationId });

    const confirmedToBe = random.chance(targets.confirmedShare);
    const visitedOnTime = random.chance(confirmedToBe ? targets.initialVisitsOnTime : 0.7);
    const initialVisit = calendar.addWorkingDays(day, visitedOnTime ? random.integer(1, 7) : random.integer(8, 16));
    let lastVisit = initialVisit;
    recorder.add(child, 'private-fostering.visit-made', initialVisit, this.visitData(child, notificationId, initialVisit));

    // Decided once visited, once forwarded (the decision is the children in need service's) and, for a proposed arrangement, once it began.
    const decidedOn = calendar.addWorkingDays(Math.max(initialVisit, forwardedOn, proposed ? beginsOn : day), random.integer(1, 10));
    const limit = child.disabilities.some((code) => code !== 'NONE') ? 18 : 16;
    const tooOld = calendar.addMonths(child.birthDay, limit * 12) <= decidedOn;
    if (!confirmedToBe || tooOld) {
      recorder.add(child, 'private-fostering.notification-closed', decidedOn, { notificationId, reason: tooOld ? 'child-over-age' : random.weighted(notPrivateFostering) });
      return decidedOn;
    }

    // A private fostering arrangement: who the carers are, checks, assessment, panel, visits and end.
    const ethnicity = random.pick(['WBRI', 'WOTH', 'BAFR', 'BCRB', 'ABAN', 'OOTH']);
    const carerSurname = surnameFor(random, ethnicity);
    const carers = [{ name: `${forenameFor(random, ethnicity, 'F')} ${carerSurname}`, dateOfBirth: isoOf(day - random.integer(30, 60) * 365) }];
    if (random.chance(0.5)) carers.push({ name: `${forenameFor(random, ethnicity, 'M')} ${carerSurname}`, dateOfBirth: isoOf(day - random.integer(30, 60) * 365) });
    const householdMembers = random.chance(0.4) ? [{ name: `${forenameFor(random, ethnicity, random.chance(0.5) ? 'F' : 'M')} ${carerSurname}` }] : [];
    const startedOn = beginsOn;
    recorder.add(child, 'private-fostering.arrangement-confirmed', decidedOn, {
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

    const adults = [...carers.map((_, i) => `carer-${i + 1}`), ...householdMembers.map((_, i) => `member-${i + 1}`)];
    let checked = decidedOn;
    for (const personId of adults) {
      const on = calendar.addWorkingDays(decidedOn, random.integer(5, 25));
      if (on >= lastDay) continue;
      checked = Math.max(checked, on);
      recorder.add(child, 'private-fostering.carer-check-completed', checked, { personId, check: 'dbs-enhanced', outcome: random.chance(0.9) ? 'no-concerns' : 'information-to-consider', dbsCertificateIssuedOn: isoOf(on - random.integer(0, 4)) });
    }
    const assessedOn = calendar.addWorkingDays(Math.max(checked, decidedOn), random.integer(5, 25));
    const outcome = random.weighted({ suitable: 0.85, 'suitable-with-requirements': 0.12, 'not-suitable': 0.03 });
    let endDay = lastDay;
    let endReason: string = random.weighted(endReasons as Record<string, number>);
    if (lastDay === calendar.addMonths(child.birthDay, limit * 12) - 1) endReason = 'reached-age-limit';
    if (assessedOn < endDay) {
      recorder.add(child, 'private-fostering.suitability-assessed', assessedOn, { outcome, authorisedByWorkerId: this.staff.manager });
      const panelOn = calendar.addWorkingDays(assessedOn, random.integer(5, 20));
      if (panelOn < endDay) {
        recorder.add(child, 'private-fostering.panel-decided', panelOn, { decision: outcome === 'not-suitable' ? 'not-approved' : outcome === 'suitable' ? 'approved' : 'approved-with-requirements', chairWorkerId: this.staff.panelChair });
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
      const next = random.chance(privateFosteringCalibrationTargets.monitoringVisitsOnTime)
        ? calendar.nextWorkingDay(due - random.integer(3, 12))
        : due + random.integer(1, 20);
      if (next >= endDay || next >= this.window.end) break;
      lastVisit = next;
      recorder.add(child, 'private-fostering.visit-made', next, this.visitData(child, notificationId, next));
      while (review < next && review < endDay) {
        if (review > decidedOn) recorder.add(child, 'private-fostering.arrangement-reviewed', review, { outcome: 'continues', chairWorkerId: this.staff.panelChair });
        review = calendar.addMonths(review, 12) - random.integer(0, 20);
      }
    }
    if (endDay >= this.window.end) return Infinity;
    recorder.add(child, 'private-fostering.arrangement-ended', endDay, { reason: endReason });
    return endDay;
  }

  private visitData(child: SimulatedChild, notificationId: string, day: Day): Record<string, unknown> {
    const { random } = this;
    const childSeen = random.chance(0.97);
    return {
      notificationId, childSeen, seenAlone: childSeen && day - child.birthDay >= 5 * 365.25 && random.chance(0.85),
      reportWrittenOn: isoOf(this.calendar.addWorkingDays(day, random.integer(0, 5))),
    };
  }
}

/**
 * The private fostering figures the simulator is calibrated on, measured on folded records as
 * simulate/calibration.ts measures the others. With about ten notifications a year a single year's
 * shares swing widely, so they are measured over a period of several years, scaled to a year.
 */
export function privateFosteringCalibrationRows(states: readonly ChildRecordState[], { children, from, to }: { children: number; from: string; to: string }): CalibrationRow[] {
  const calendar = createCalendar();
  const targets = privateFosteringCalibrationTargets;
  const inYear = (date: string | undefined) => date !== undefined && date >= from && date <= to;
  const years = (calendar.daysBetween(from, to) + 1) / 365.25;
  const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);
  const rows: CalibrationRow[] = [];
  const row = (measure: string, target: number, simulated: number, tolerance: number, unit: CalibrationRow['unit']) =>
    rows.push({ measure, target, simulated: Math.round(simulated * 10) / 10, tolerance, unit, withinTolerance: Math.abs(simulated - target) <= tolerance });

  const notifications = states.flatMap((s) => s.privateFosteringNotifications).filter((n) => inYear(n.receivedOn));
  row(`PF-01 notifications a year, scaled to ${targets.childrenOfTheBorough.toLocaleString('en-GB')} children`, targets.notificationsPerYear, (notifications.length * targets.childrenOfTheBorough) / children / years, 3, 'count');
  const decided = notifications.filter((n) => n.arrangement !== undefined || n.closedOn !== undefined);
  const confirmed = notifications.filter((n) => n.arrangement !== undefined);
  row('PF-02 notifications found to be private fostering', 100 * targets.confirmedShare, percent(confirmed.length, decided.length), 8, '%');
  const visitedOnTime = confirmed.filter((n) => n.visits[0] !== undefined && n.visits[0].visitedOn <= calendar.addWorkingDays(n.receivedOn, 7));
  row('PF-04 new arrangements visited within 7 working days', 100 * targets.initialVisitsOnTime, percent(visitedOnTime.length, confirmed.length), 15, '%');
  // Each visit after the first against the interval in force at the visit before it (regulation 8).
  const intervals = states.flatMap((s) => s.privateFosteringNotifications).flatMap((n) => {
    const arrangement = n.arrangement;
    if (!arrangement) return [];
    const laterYears = calendar.addMonths(arrangement.countsFrom, 12);
    return n.visits.slice(1).map((visit, i) => ({ visit, previous: n.visits[i]! }))
      .filter(({ visit }) => inYear(visit.visitedOn))
      .map(({ visit, previous }) => visit.visitedOn <= calendar.addWeeks(previous.visitedOn, previous.visitedOn >= laterYears ? 12 : 6));
  });
  row('PF-05 monitoring visits within the interval', 100 * targets.monitoringVisitsOnTime, percent(intervals.filter(Boolean).length, intervals.length), 8, '%');
  return rows;
}
