/**
 * Adoption and permanence in a synthetic borough, built around the care each child was given by
 * the looked-after simulator (`simulatedCareOf`): for a period of care that ceased by adoption
 * (E11, E12) the decision to place, the placement order, the match, the placement and the order,
 * on days consistent with the period and with its placement for adoption (A3–A6) where it has one;
 * for a child placed for adoption who was not adopted, the plan up to the placement, reversed if
 * the period then ceased another way; a special guardianship or child arrangements order on the day
 * a period ceased with E45–E48 or E41; some decisions to place reversed (RD1–RD4) for children
 * who then were not adopted; and the previous permanence of some children entering care.
 *
 * What it aims at (England; none of these is in statutory-data §6 or the metrics catalogue, so each
 * is an approximation from the DfE's published statistics, rounded):
 * - the adoption scorecard's A1, entering care to moving in with the adoptive family, averaged
 *   about 450–500 days nationally over 2019–22 (the threshold was 426);
 * - A2, placement order to match, about 200 days nationally (the threshold was 121): not a
 *   calibration row, because the placement order is dated on the day the looked-after record's
 *   legal status became E1, which the looked-after simulator sets (about 75 days before the match
 *   as simulated): the two records agree rather than A2 being met by moving the order;
 * - about 3,000 children adopted and 3,700 special guardianship orders from care in 2022-23: how
 *   many is the looked-after simulator's (its reasons for ceasing); this adds the records.
 *
 * The agency decision maker is not named: the borough has no adoption team yet, and a team of its
 * own would change the workforce every other child's records are recorded by.
 *
 * Its journeys draw from a random stream of their own (`ownRandomStream`) and run after every other
 * module's, so the care the looked-after module gave a child is there to read and no other child's
 * record changes.
 */
import type { Day } from '../../simulate/dates.ts';
import { isoOf } from '../../simulate/dates.ts';
import { forenameFor, surnameFor } from '../../simulate/names.ts';
import { type Journey, type SimulatedChild, type SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';
import {
  adoptedReasons, fosterPlacementTypes, placedForAdoptionTypes, simulatedCareOf, specialGuardianshipReasons, type SimulatedPeriodOfCare,
} from '../looked-after/index.ts';
import type { AdoptersLegalStatus, AdoptersSex, AdoptionPlacement, PreviousPermanence, ReasonPlacedCeased } from './codes.ts';
import type { AdoptionState } from './state.ts';

export const adoptionCalibrationTargets = {
  /** Scorecard A1 nationally, about 450–500 days (DfE adoption scorecards 2019–22, approximate). */
  averageDaysEnteringCareToPlaced: 475,
  /** Scorecard A2 nationally, about 200 days (approximate): used where the looked-after record has no E1 before the placement. */
  averageDaysPlacementOrderToMatch: 200,
  /**
   * Decisions to place reversed, of the decisions made: about one in four (DfE PlacedAdoption
   * returns, approximate). Too few in one borough's year to calibrate on (about ten decisions), so
   * the simulator test measures the share over the whole run.
   */
  reversedShareOfPlans: 0.25,
  /** The chance that a child under 5 looked after for 8 months or more, and not adopted, had a decision to place reversed: tuned to the share above. */
  reversedDecisionsAmongYoungChildren: 0.12,
  /**
   * Children entering care whose previous permanence is recorded: every one, as 903 PrevPerm is
   * asked of every child entering care (rule 630) and the worker records it at entry.
   */
  previousPermanenceRecorded: 1,
} as const;

const adoptersSexes: Readonly<Record<AdoptersSex, number>> = { MF: 0.7, F1: 0.12, FF: 0.09, MM: 0.07, M1: 0.02 };
const legalStatuses: Readonly<Record<AdoptersSex, Readonly<Partial<Record<AdoptersLegalStatus, number>>>>> = {
  MF: { L11: 0.8, L3: 0.17, L2: 0.03 }, FF: { L12: 0.5, L2: 0.3, L4: 0.2 }, MM: { L12: 0.5, L2: 0.3, L4: 0.2 }, F1: { L0: 1 }, M1: { L0: 1 },
};
const reversalReasons: Readonly<Record<ReasonPlacedCeased, number>> = { RD1: 0.3, RD2: 0.15, RD3: 0.2, RD4: 0.35 };
const previousPermanence: Readonly<Record<PreviousPermanence, number>> = { Z1: 0.86, P2: 0.06, P3: 0.03, P1: 0.02, P4: 0.03 };
const otherCouncils = ['202', '204', '205', '209', '210', '211', '309', '316', '319', '884'];

interface Steps {
  decidedOn: Day;
  placementOrderOn?: Day;
  matchedOn?: Day;
  placedOn?: Day;
}

function adoptionFor(journey: Journey, child: SimulatedChild, period: SimulatedPeriodOfCare): void {
  const { random, window } = journey;
  const add = (type: string, day: Day, data: Record<string, unknown>) => journey.addEvent(child, type, day, data);
  const last = Math.min(period.ceasedDay, window.end) - 1;
  const adopted = period.reasonCeased !== undefined && adoptedReasons.includes(period.reasonCeased);
  const adoptionPlacement = period.placements.find((p) => placedForAdoptionTypes.includes(p.type));
  const order = period.reasonCeased;

  if (order !== undefined && (specialGuardianshipReasons.includes(order) || order === 'E41') && period.ceasedDay < window.end) {
    // The order ends care the day it is made.
    const formerFosterCarers = order === 'E45' || order === 'E46' || (order === 'E41' && random.chance(0.3));
    const relativeOrFriend = order === 'E45' || order === 'E47' || (order === 'E41' && random.chance(0.7));
    add(order === 'E41' ? 'adoption.child-arrangements-order-made' : 'adoption.special-guardianship-order-made', period.ceasedDay, { relativeOrFriend, formerFosterCarers });
    return;
  }

  if (adopted || adoptionPlacement) {
    const start = period.startedDay;
    const targets = adoptionCalibrationTargets;
    // Placed on the day the looked-after record placed the child for adoption; otherwise about A1 after entering care, leaving the court time before the order.
    const latestPlacement = adopted ? period.ceasedDay - random.integer(70, 300) : last;
    const placedOn = adoptionPlacement?.day ?? Math.max(start, Math.min(latestPlacement, period.startedDay + Math.round(random.logNormal(targets.averageDaysEnteringCareToPlaced - 20, 0.3))));
    if (placedOn < start) return;
    const type = (adoptionPlacement?.type ?? random.weighted({ A6: 0.78, A5: 0.17, A4: 0.03, A3: 0.02 })) as AdoptionPlacement;
    const underOrder = type === 'A5' || type === 'A6';
    // The placement order on the day the looked-after record's legal status became E1, where it did before the placement.
    const e1 = period.legalStatuses.find((status) => status.legalStatus === 'E1' && status.day <= placedOn)?.day;
    const drawnOrderOn = Math.max(start, placedOn - random.integer(14, 60) - Math.min(Math.round(random.logNormal(targets.averageDaysPlacementOrderToMatch - 20, 0.5)), 500));
    const orderOn = e1 !== undefined && e1 >= start ? e1 : drawnOrderOn;
    const matchedOn = underOrder ? Math.max(orderOn, placedOn - random.integer(14, 60)) : Math.max(start, placedOn - random.integer(14, 60));
    const decidedOn = Math.max(start, (underOrder ? orderOn : matchedOn) - random.integer(60, 200));
    const steps: Steps = {
      decidedOn: Math.min(decidedOn, placedOn), placementOrderOn: underOrder ? Math.min(orderOn, matchedOn) : undefined, matchedOn: Math.min(matchedOn, placedOn), placedOn,
    };
    const planId = plan(journey, child, period, steps, type);
    if (planId === undefined || placedOn > last) return;
    if (adopted && period.ceasedDay < window.end) {
      add('adoption.order-granted', period.ceasedDay, { planId, consentDispensedWith: period.reasonCeased === 'E12' });
    } else if (!adopted && period.ceasedDay < window.end) {
      // Placed but not adopted: the placement disrupted and the plan changed.
      add('adoption.decision-reversed', period.ceasedDay - 1 >= placedOn ? period.ceasedDay - 1 : placedOn, { planId, reason: random.weighted({ RD1: 0.6, RD4: 0.4 }) });
    }
    return;
  }

  // A decision to place later reversed, for some young children who stayed a while and were not adopted.
  const targets = adoptionCalibrationTargets;
  const stayed = last - period.startedDay;
  const young = period.startedDay - child.birthDay < 5 * 365;
  if (stayed > 240 && young && random.chance(targets.reversedDecisionsAmongYoungChildren)) {
    const decidedOn = period.startedDay + random.integer(60, Math.min(200, stayed - 120));
    const reason = random.weighted(reversalReasons);
    const placementOrderOn = reason !== 'RD2' && random.chance(0.6) ? decidedOn + random.integer(60, 150) : undefined;
    const reversedOn = Math.max(placementOrderOn ?? decidedOn, decidedOn) + random.integer(30, 200);
    if (reversedOn > last) return;
    const planId = plan(journey, child, period, { decidedOn, placementOrderOn }, undefined);
    if (planId !== undefined) add('adoption.decision-reversed', reversedOn, { planId, reason });
  }
}

/** The plan's events up to the placement; answers the plan's id. */
function plan(journey: Journey, child: SimulatedChild, period: SimulatedPeriodOfCare, steps: Steps, placement: AdoptionPlacement | undefined): string | undefined {
  const { random, window } = journey;
  const add = (type: string, day: Day, data: Record<string, unknown>) => journey.addEvent(child, type, day, data);
  const inPeriod = (day: Day | undefined): day is Day => day !== undefined && day < window.end && day < period.ceasedDay;
  if (!inPeriod(steps.decidedOn)) return undefined;
  // The foster carers the child lived with by the match (the record refuses a moving-in day after it).
  const placedWithFosterCarersBefore = period.placements.filter((p) => p.day <= (steps.matchedOn ?? steps.placedOn ?? Infinity) && p.day < (steps.placedOn ?? Infinity) && fosterPlacementTypes.includes(p.type)).at(-1);
  const fosteringForAdoption = period.placements.some((p) => (p.type === 'U2' || p.type === 'U5') && p.day <= steps.decidedOn);
  const planId = add('adoption.decision-to-place', steps.decidedOn, { fosteringForAdoption }).eventId;
  if (inPeriod(steps.placementOrderOn)) {
    add('adoption.placement-order-applied', Math.max(steps.decidedOn, steps.placementOrderOn - random.integer(30, 120)), { planId });
    add('adoption.placement-order-granted', steps.placementOrderOn, { planId });
  }
  if (inPeriod(steps.matchedOn) && placement !== undefined) {
    const fosterCarers = placement === 'A3' || placement === 'A5';
    const adoptersSex = random.weighted(adoptersSexes);
    const surname = surnameFor(random, child.ethnicity);
    add('adoption.matched', steps.matchedOn, {
      planId, adoptersSex, adoptersLegalStatus: random.weighted(legalStatuses[adoptersSex] as Record<AdoptersLegalStatus, number>), fosterCarers,
      ...(fosterCarers && placedWithFosterCarersBefore ? { livingWithAdoptersSince: isoOf(placedWithFosterCarersBefore.day) } : {}),
      adoptersName: `${forenameFor(random, child.ethnicity, adoptersSex.includes('F') ? 'F' : 'M')} ${surname}`,
    });
    if (inPeriod(steps.placedOn)) add('adoption.placed', steps.placedOn, { planId, placement });
  }
  return planId;
}

function previousPermanenceFor(journey: Journey, child: SimulatedChild, period: SimulatedPeriodOfCare): void {
  const { random, window } = journey;
  if (period.startedDay < window.start || !random.chance(adoptionCalibrationTargets.previousPermanenceRecorded)) return;
  // Recorded within 20 days of entry, and by the last day of a period shorter than that.
  const day = Math.min(period.startedDay + random.integer(1, 20), period.ceasedDay - 1);
  if (day < period.startedDay || day >= window.end) return;
  const code = random.weighted(previousPermanence);
  const known = code === 'P1' || code === 'P2' || code === 'P3';
  const orderDay = known ? child.birthDay + random.integer(180, Math.max(181, period.startedDay - child.birthDay - 30)) : undefined;
  const date = orderDay === undefined || orderDay >= day ? undefined : new Date(orderDay * 86_400_000);
  journey.addEvent(child, 'adoption.previous-permanence-recorded', day, {
    previousPermanence: code,
    ...(known ? { localAuthority: random.pick(otherCouncils) } : {}),
    // The day, and sometimes the month, are often not known: the return writes ZZ for them.
    ...(date ? { orderDate: { year: date.getUTCFullYear(), ...(random.chance(0.8) ? { month: date.getUTCMonth() + 1, ...(random.chance(0.6) ? { day: date.getUTCDate() } : {}) } : {}) } } : {}),
  });
}

export const adoptionSimulator: SimulatorBehaviour<AdoptionState> = {
  ownRandomStream: true,
  beginsJourneys: () => (journey, family) => {
    for (const child of family.children) {
      for (const period of simulatedCareOf(child)) {
        previousPermanenceFor(journey, child, period);
        adoptionFor(journey, child, period);
      }
    }
  },
  // After the looked-after record's own events of the day (a placement or the end of care is recorded first).
  sameDayRanks: {
    'adoption.previous-permanence-recorded': 15, 'adoption.decision-to-place': 15, 'adoption.placement-order-applied': 15,
    'adoption.placement-order-granted': 16, 'adoption.matched': 16, 'adoption.placed': 17, 'adoption.order-granted': 17, 'adoption.decision-reversed': 17,
    'adoption.special-guardianship-order-made': 17, 'adoption.child-arrangements-order-made': 17,
  },
  calibration: (states, { inYear, row, per10k }) => {
    const targets = adoptionCalibrationTargets;
    const plans = states.flatMap((s) => s.adoptionPlans);
    const adopted = plans.filter((p) => inYear(p.adoptionOrderOn));
    const mean = (days: number[]) => (days.length === 0 ? 0 : days.reduce((sum, n) => sum + n, 0) / days.length);
    const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
    const a1 = adopted.filter((p) => p.enteredCareOn && p.placedOn).map((p) => daysBetween(p.enteredCareOn!, p.placedOn!));
    const orders = states.flatMap((s) => s.permanenceOrders).filter((o) => inYear(o.madeOn));
    return [
      row('ADOPT-02 average days from entering care to placed for adoption (A1)', targets.averageDaysEnteringCareToPlaced, mean(a1), 120, 'count'),
      // England 2022-23, approximately: 2,960 adopted and 3,700 SGOs from care for about 12 million children (2.5 and 3.1 per 10,000).
      row('ADOPT-01 children adopted per 10,000', 2.5, per10k(adopted.length), 1.5, 'per 10,000'),
      row('ADOPT-07 special guardianship orders per 10,000', 3.1, per10k(orders.filter((o) => o.order === 'special-guardianship').length), 2, 'per 10,000'),
    ];
  },
};
