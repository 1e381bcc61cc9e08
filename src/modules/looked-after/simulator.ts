/**
 * Children looked after in a synthetic borough, calibrated on the borough's published figures
 * (metrics catalogue §5): about 90 children looked after per 10,000 at 31 March (CLA-02), about 130
 * entries a year weighted to adolescents (CLA-08) and to children on a child protection plan or in
 * need, about 12% of children looked after unaccompanied asylum-seeking children aged 15–17
 * (CLA-01/03: 41 of 337), about 10% with three or more placements in the year (CLA-04), long-term
 * stability about 66% (CLA-05) and about a third placed more than 20 miles away (CLA-07: 32%).
 *
 * The stock is right from the first day: at the run's start the borough already has the children
 * in care a council has (their periods of care began before the run, drawn so that the stock and its
 * mix are steady) and the young people aged 16–24 who left its care at 16–18 before the run, whose
 * leaving-care records the care leavers' module adds by reading `simulatedCareOf`.
 *
 * Its journeys draw from a random stream of their own (`ownRandomStream`), after every other
 * module's: they read the child protection plans and children in need episodes the other modules
 * gave each child, and change no other child's record.
 */
import { isoOf, type Day } from '../../simulate/dates.ts';
import { forenameFor, surnameFor } from '../../simulate/names.ts';
import type { Random } from '../../simulate/random.ts';
import { ageOn, type Family, type Journey, type SimulatedChild, type SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';
import { childRegistration } from '../people/index.ts';
import type { LegalStatus, PlacementProvider, PlacementType, ReasonEpisodeCeased, ReasonPlacementChanged } from './codes.ts';
import { placementLocationOf } from './placement-distance.ts';
import { postcodeDistrictCentres } from './postcode-districts.ts';
import type { LookedAfterView } from './rules.ts';
import { isShortBreaksOnly, lookedAfterOn, placementsOf, type PeriodOfCareState } from './state.ts';

/** What the simulation aims at, from the metrics catalogue §5 (D1 §3.1 and §6.3, D2 p8 and p17). */
export const lookedAfterCalibrationTargets = {
  childrenOfTheBorough: 38_300,
  /** CLA-02: children looked after at 31 March per 10,000 (90 in 2022/23). */
  lookedAfterPer10000: 90,
  /** CLA-08: children starting to be looked after in a year (short breaks apart). */
  entriesPerYear: 130,
  /** CLA-01/03: unaccompanied asylum-seeking children among those looked after (41 of 337). */
  uascShare: 0.12,
  /** CLA-04: children looked after at 31 March with three or more placements in the year (10%). */
  threeOrMorePlacements: 0.1,
  /** CLA-05: long-term stability (66.3%). */
  longTermStability: 0.663,
  /** CLA-07: placed more than 20 miles from home (32%). */
  placedOver20Miles: 0.32,
  /** Young people leaving care at 16–18 in a year, for the care leavers aged 16–24 at the start (CL-01: 374 aged 18–25). */
  careLeaversPerYearOfAge: 45,
} as const;

/** Years before the run's start the earliest period still open at the start may have begun. */
const LONGEST_STAY_YEARS = 17;
const YEAR = 365.25;
/** Uasc among entries: they stay about two years, the others about three (stock ÷ entries). */
const UASC_ENTRIES_PER_YEAR = 23;
const UASC_STOCK = 43;

/** Entries per year of age at entry, relative (DfE: under 1 about 18%, 10–15 about 37%, 16+ about 16%). */
function entryAgeWeight(age: number): number {
  if (age < 1) return 3.2;
  if (age < 5) return 0.6;
  if (age < 10) return 0.55;
  if (age < 16) return 1.15;
  if (age < 17.75) return 1.3;
  return 0;
}

/** The stock at a date by age, relative (DfE: under 1 about 5%, 10–15 about 38%, 16+ about 26%). */
function stockAgeWeight(age: number): number {
  if (age < 1) return 0.8;
  if (age < 5) return 0.6;
  if (age < 10) return 0.65;
  if (age < 16) return 1.15;
  if (age < 18) return 2.2;
  return 0;
}

/** How much likelier a child is to come into care: on a child protection plan much more, in need more, otherwise by the family's need. */
const ON_A_PLAN = 45;
const IN_NEED = 6;

interface Interval { from: Day; until: Day }

function intervalsOf(child: SimulatedChild): { plans: Interval[]; inNeed: Interval[] } {
  const plans: Interval[] = [];
  const inNeed: Interval[] = [];
  for (const event of [...child.events].sort((a, b) => a.day - b.day)) {
    if (event.type === 'conference.initial-held' && event.data.planRequired === true) plans.push({ from: event.day, until: Infinity });
    if (event.type === 'cp-plan.ended') { const open = plans.at(-1); if (open && open.until === Infinity) open.until = event.day; }
    if (event.type === 'referral.received') inNeed.push({ from: event.day, until: Infinity });
    if (event.type === 'episode.closed') { const open = inNeed.at(-1); if (open && open.until === Infinity) open.until = event.day; }
  }
  return { plans, inNeed };
}

const within = (intervals: Interval[], day: Day) => intervals.some((i) => i.from <= day && day < i.until);

// ---------------------------------------------------------------------------------------------
// Placements: types, providers, where and what they cost

interface PlacementChoice { type: PlacementType; provider?: PlacementProvider }

const choice = (type: PlacementType, provider?: PlacementProvider): PlacementChoice => ({ type, ...(provider ? { provider } : {}) });

function firstPlacement(random: Random, age: number, route: Route): PlacementChoice {
  if (route === 'remand') return random.weighted({ K2: 0.45, K1: 0.2, R5: 0.35 }) === 'K2' ? choice('K2', 'PR4') : random.chance(0.35) ? choice('K1', 'PR3') : choice('R5', 'PR3');
  if (route === 'uasc') return random.pick([choice('K3', 'PR4'), choice('K3', 'PR4'), choice('K3', 'PR4'), choice('U6', 'PR4'), choice('U6', 'PR4'), choice('U6', 'PR1')]);
  if (age < 1 && random.chance(0.08)) return choice('R3', 'PR4');
  if (age < 10) return random.weighted({ inHouse: 0.42, agency: 0.3, family: 0.22, parents: 0.06 }) === 'inHouse' ? choice('U6', 'PR1')
    : random.chance(0.55) ? choice('U6', 'PR4') : random.chance(0.75) ? choice('U3', 'PR1') : choice('P1', 'PR0');
  if (age < 16) {
    const kind = random.weighted({ inHouse: 0.3, agency: 0.36, family: 0.1, home: 0.24 });
    return kind === 'inHouse' ? choice('U6', 'PR1') : kind === 'agency' ? choice('U6', 'PR4') : kind === 'family' ? choice('U3', 'PR1') : choice('K2', random.chance(0.8) ? 'PR4' : 'PR1');
  }
  const kind = random.weighted({ inHouse: 0.15, agency: 0.25, supported: 0.4, home: 0.2 });
  return kind === 'inHouse' ? choice('U6', 'PR1') : kind === 'agency' ? choice('U6', 'PR4') : kind === 'supported' ? choice('K3', 'PR4') : choice('K2', 'PR4');
}

/** A later, settled placement: long-term fostering for younger children, a home or supported accommodation for some older ones. */
function laterPlacement(random: Random, age: number): PlacementChoice {
  if (age < 12) return random.chance(0.5) ? choice('U4', 'PR1') : random.chance(0.8) ? choice('U4', 'PR4') : choice('U1', 'PR1');
  if (age < 16) return random.weighted({ foster: 0.6, home: 0.4 }) === 'foster' ? choice(random.chance(0.5) ? 'U4' : 'U6', random.chance(0.5) ? 'PR1' : 'PR4') : choice('K2', 'PR4');
  return random.weighted({ foster: 0.35, supported: 0.5, home: 0.15 }) === 'foster' ? choice('U4', random.chance(0.4) ? 'PR1' : 'PR4')
    : random.chance(0.77) ? choice('K3', 'PR4') : choice('K2', 'PR4');
}

/** The share of each kind of placement made more than 20 miles away, tuned for CLA-07's third. */
function chanceFarAway(placement: PlacementChoice): number {
  if (placement.type === 'P1') return 0;
  if (placement.type === 'K1' || placement.type === 'R5') return 0.9;
  if (placement.type === 'K2') return 0.65;
  if (placement.type === 'K3') return 0.2;
  if (placement.type === 'A5' || placement.type === 'A6') return 0.45;
  return placement.provider === 'PR4' ? 0.45 : 0.1;
}

/** The weekly cost in pounds, by kind of placement (none for placements with parents, for adoption or temporary). */
function weeklyCostOf(random: Random, placement: PlacementChoice): number | undefined {
  const between = (low: number, high: number) => Math.round(low + random.next() * (high - low));
  switch (placement.type) {
    case 'K1': return between(9_000, 14_000);
    case 'K2': return between(4_500, 7_000);
    case 'K3': return between(1_500, 3_000);
    case 'R3': return between(3_000, 4_500);
    case 'R5': return between(3_500, 5_000);
    case 'P1': case 'A3': case 'A4': case 'A5': case 'A6': case 'T0': case 'T1': case 'T2': case 'T3': case 'T4': return undefined;
    default: return placement.provider === 'PR4' ? between(900, 1_200) : between(450, 600);
  }
}

const providerNames: Partial<Record<PlacementType, readonly string[]>> = {
  K1: ['Hillside Secure Centre', 'Aldine House', 'Clayfields House'],
  K2: ['Meadowbank House', 'Oakwood Lodge', 'The Willows', 'Cedar View', 'Riverside House', 'Beech Court'],
  K3: ['Northgate Supported Living', 'Compass Housing', 'Pathways Supported Accommodation', 'Lighthouse Lodgings'],
  R5: ['Feltham Young Offender Institution', 'Cookham Wood Young Offender Institution'],
};

/** Where the borough's own and other districts lie from each home district: in the borough, near, or more than 20 miles away. */
class PlacementMap {
  private readonly ownDistricts: string[];
  private readonly byHome = new Map<string, { near: string[]; far: string[] }>();

  constructor(private readonly laCode: string, boroughDistricts: readonly string[]) {
    this.ownDistricts = boroughDistricts.filter((district) => postcodeDistrictCentres.get(district)?.laCode === laCode);
  }

  private groupsFrom(homeDistrict: string): { near: string[]; far: string[] } {
    let groups = this.byHome.get(homeDistrict);
    if (!groups) {
      groups = { near: [], far: [] };
      for (const district of postcodeDistrictCentres.keys()) {
        if (this.ownDistricts.includes(district)) continue;
        const miles = placementLocationOf(this.laCode, `${homeDistrict} 1AA`, `${district} 1AA`).distanceMiles;
        if (miles === undefined) continue;
        (miles > 20 ? groups.far : groups.near).push(district);
      }
      this.byHome.set(homeDistrict, groups);
    }
    return groups;
  }

  postcodeFor(random: Random, homePostcode: string, placement: PlacementChoice): string {
    const homeDistrict = homePostcode.split(' ')[0]!;
    if (placement.type === 'P1') return homePostcode;
    const groups = this.groupsFrom(homeDistrict);
    let district: string;
    if (random.chance(chanceFarAway(placement)) && groups.far.length > 0) district = random.pick(groups.far);
    else if (this.ownDistricts.length > 0 && random.chance(placement.provider === 'PR1' ? 0.7 : 0.35)) district = random.pick(this.ownDistricts);
    else district = groups.near.length > 0 ? random.pick(groups.near) : homeDistrict;
    return `${district} ${random.integer(1, 9)}${String.fromCharCode(65 + random.integer(0, 25))}${String.fromCharCode(65 + random.integer(0, 25))}`;
  }
}

// ---------------------------------------------------------------------------------------------
// A period of care

/** How the period will go: the route decides its legal statuses, placements and how it ends. */
type Route = 'return-home' | 'adoption' | 'special-guardianship' | 'long-term' | 'remand' | 'uasc';

function routeFor(random: Random, age: number): Route {
  if (age >= 12 && random.chance(0.09)) return 'remand';
  if (age < 1) return random.weighted({ adoption: 0.33, 'special-guardianship': 0.2, 'return-home': 0.35, 'long-term': 0.12 });
  if (age < 5) return random.weighted({ adoption: 0.15, 'special-guardianship': 0.25, 'return-home': 0.35, 'long-term': 0.25 });
  if (age < 10) return random.weighted({ 'special-guardianship': 0.15, 'return-home': 0.4, 'long-term': 0.45 });
  if (age < 16) return random.weighted({ 'special-guardianship': 0.04, 'return-home': 0.5, 'long-term': 0.46 });
  return random.weighted({ 'return-home': 0.4, 'long-term': 0.6 });
}

/** How long the period lasts on its route (days), before the 18th birthday ends it. */
function lengthOf(random: Random, route: Route): number {
  switch (route) {
    case 'remand': return random.integer(20, 130);
    case 'adoption': return Math.round(random.integer(450, 900));
    case 'special-guardianship': return Math.round(random.integer(300, 1_000));
    case 'return-home': return Math.round(Math.min(1_800, random.logNormal(150, 1.0)));
    case 'long-term': return Math.round(random.logNormal(2_600, 0.5));
    case 'uasc': return Infinity;
  }
}

interface PlannedChange { day: Day; kind: 'legal' | 'move' | 'temporary' | 'return' | 'secure'; endsOn?: Day; legalStatus?: LegalStatus; placement?: PlacementChoice; reason?: ReasonPlacementChanged; sameCarer?: boolean }

/** A period of care drawn whole: its first day, its changes and its end (Infinity when it lasts past the 18th birthday's day). */
interface PlannedPeriod {
  startDay: Day;
  endDay: Day;
  route: Route;
  legalStatus: LegalStatus;
  categoryOfNeed: string;
  placement: PlacementChoice;
  changes: PlannedChange[];
  reasonCeased: ReasonEpisodeCeased;
  unaccompaniedAsylumSeeking: boolean;
}

function planPeriod(random: Random, child: SimulatedChild, startDay: Day, route: Route): PlannedPeriod {
  const age = ageOn(child, startDay);
  const eighteenth = child.birthDay + Math.round(18 * YEAR);
  const length = lengthOf(random, route);
  const reachesEighteen = startDay + length >= eighteenth;
  const endDay = Math.max(startDay + 2, reachesEighteen ? eighteenth : startDay + length);
  const changes: PlannedChange[] = [];
  let legalStatus: LegalStatus;
  if (route === 'remand') legalStatus = 'J1';
  else if (route === 'uasc') legalStatus = 'V2';
  else if (age < 1) legalStatus = random.weighted({ C1: 0.52, L2: 0.1, V2: 0.38 } as Record<LegalStatus, number>);
  else if (age < 10) legalStatus = random.weighted({ C1: 0.38, L1: 0.06, L2: 0.04, V2: 0.52 } as Record<LegalStatus, number>);
  else legalStatus = random.weighted({ C1: 0.2, L1: 0.08, V2: 0.72 } as Record<LegalStatus, number>);
  const placement = firstPlacement(random, age, route);

  // Legal statuses: police protection or an EPO lead to an interim care order within days; proceedings to a care order.
  let day = startDay;
  let current = legalStatus;
  const legal = (on: Day, status: LegalStatus) => {
    if (on <= day || on >= endDay || status === current) return;
    changes.push({ day: on, kind: 'legal', legalStatus: status });
    day = on;
    current = status;
  };
  if (current === 'L1' || current === 'L2') legal(startDay + random.integer(1, 8), route === 'return-home' && random.chance(0.5) ? 'V2' : 'C1');
  const inProceedings = route === 'adoption' || route === 'special-guardianship' || (route === 'long-term' && random.chance(0.75));
  if (inProceedings && current === 'V2') legal(startDay + random.integer(30, 200), 'C1');
  if (inProceedings && current === 'C1') legal(Math.max(day + 30, startDay + random.integer(180, 330)), 'C2');
  let adoptionPlacementDay: Day | undefined;
  if (route === 'adoption') {
    // A placement order (E1), then placed for adoption (A5 with the foster carer, A6 with adopters), then adopted.
    legal(Math.max(day + 14, endDay - random.integer(300, 420)), 'E1');
    adoptionPlacementDay = Math.max(day + 30, endDay - random.integer(180, 280));
  }

  // Moves: out of the first placement in the first weeks for many, then now and again, more often for adolescents.
  const moves: PlannedChange[] = [];
  let lastMove = startDay;
  if (route !== 'remand' && placement.type !== 'P1' && random.chance(route === 'uasc' ? 0.35 : 0.45)) {
    lastMove = startDay + random.integer(10, 90);
    moves.push({ day: lastMove, kind: 'move', reason: random.weighted({ CARPL: 0.75, CREQO: 0.1, LAREQ: 0.15 }) });
  }
  if (route !== 'remand') {
    for (let on = lastMove; ;) {
      const older = ageOn(child, on) >= 11;
      const firstYear = on - startDay < 365;
      const perYear = older ? (firstYear ? 0.85 : 0.24) : (firstYear ? 0.4 : 0.09);
      on += Math.max(20, Math.round(random.exponential(365 / perYear)));
      if (on >= endDay - 10) break;
      moves.push({
        day: on, kind: 'move',
        reason: random.weighted({ CARPL: 0.35, CREQB: older ? 0.2 : 0.05, CREQO: 0.1, CHILD: older ? 0.1 : 0.02, STAND: 0.03, ALLEG: 0.02, CLOSE: 0.05, LAREQ: 0.08, OTHER: 0.05 }),
      });
    }
    // A temporary move (T4) now and again, back to the same carer within a week.
    if (random.chance(0.06) && endDay - startDay > 120) {
      const on = startDay + random.integer(60, Math.min(endDay - startDay - 30, 1_000));
      moves.push({ day: on, kind: 'temporary', placement: choice('T4'), reason: 'OTHER' }, { day: on + random.integer(2, 7), kind: 'return', reason: 'CARPL', sameCarer: true });
    }
  }
  // A secure accommodation order for a few adolescents at risk (CLA-10: about four a year): a secure children's home, then a children's home.
  if ((route === 'long-term' || route === 'return-home') && age >= 12.5 && endDay - startDay > 200 && random.chance(0.1)) {
    const on = startDay + random.integer(30, Math.min(endDay - startDay - 150, 700));
    const endsOn = on + random.integer(60, 90);
    const removed = moves.filter((m) => m.day >= on - 2 && m.day <= endsOn + 2);
    for (const m of removed) moves.splice(moves.indexOf(m), 1);
    moves.push({ day: on, kind: 'secure', placement: choice('K1', 'PR3'), reason: 'CARPL', endsOn }, { day: endsOn - random.integer(0, 10), kind: 'move', placement: choice('K2', 'PR4'), reason: 'CARPL' });
  }
  for (const move of moves.sort((a, b) => a.day - b.day)) {
    if (adoptionPlacementDay !== undefined && move.day >= adoptionPlacementDay - 7) continue;
    if (changes.some((c) => Math.abs(c.day - move.day) < 2) || move.day <= startDay || move.day >= endDay) continue;
    changes.push(move);
  }
  if (adoptionPlacementDay !== undefined && adoptionPlacementDay > startDay && adoptionPlacementDay < endDay && !changes.some((c) => Math.abs(c.day - adoptionPlacementDay) < 2)) {
    const withCarer = random.chance(0.2);
    changes.push({ day: adoptionPlacementDay, kind: 'move', placement: choice(withCarer ? 'A5' : 'A6', withCarer ? 'PR1' : random.chance(0.7) ? 'PR1' : 'PR5'), reason: 'CARPL', sameCarer: withCarer });
  }
  changes.sort((a, b) => a.day - b.day);

  const reasonCeased: ReasonEpisodeCeased = (() => {
    if (reachesEighteen) return random.weighted({ E17: 0.22, E5: 0.45, E6: 0.05, E13: 0.13, E8: 0.08, E4A: 0.07 } as Record<ReasonEpisodeCeased, number>);
    switch (route) {
      case 'remand': return random.chance(0.7) ? 'E14' : 'E9';
      case 'adoption': return random.chance(0.85) ? 'E11' : 'E12';
      case 'special-guardianship': return random.weighted({ E45: 0.6, E46: 0.15, E47: 0.2, E48: 0.05 } as Record<ReasonEpisodeCeased, number>);
      case 'return-home': return random.weighted({ E4A: 0.8, E4B: 0.1, E13: 0.05, E41: 0.05 } as Record<ReasonEpisodeCeased, number>);
      case 'uasc': return random.chance(0.5) ? 'E15' : 'E8';
      default: return random.weighted({ E4A: 0.5, E13: 0.2, E41: 0.1, E3: 0.1, E8: 0.1 } as Record<ReasonEpisodeCeased, number>);
    }
  })();
  const categoryOfNeed = route === 'uasc' ? 'N7' : route === 'remand' ? 'N8' : random.weighted({ N1: 0.66, N2: 0.03, N3: 0.1, N4: 0.1, N5: 0.06, N6: 0.01, N7: 0.02, N8: 0.02 });
  return { startDay, endDay, route, legalStatus, categoryOfNeed, placement, changes, reasonCeased, unaccompaniedAsylumSeeking: route === 'uasc' };
}

/** Writes a planned period's events up to the end of the run; answers the day it ended (Infinity if still open). */
function writePeriod(journey: Journey, map: PlacementMap, child: SimulatedChild, homePostcode: string | undefined, plan: PlannedPeriod): Day {
  const { random, window } = journey;
  const add = (type: string, day: Day, data: Record<string, unknown>) => journey.addEvent(child, type, day, data);
  const home = homePostcode ?? 'N1 1AA';
  const placementData = (placement: PlacementChoice) => {
    const cost = weeklyCostOf(random, placement);
    const names = providerNames[placement.type];
    return {
      type: placement.type,
      ...(placement.provider ? { provider: placement.provider } : {}),
      ...(placement.provider && placement.provider !== 'PR0' ? { ofstedUrn: placement.type.startsWith('U') || placement.type.startsWith('A') ? 'XXXXXXX' : `SC${random.integer(10_000, 99_999)}` } : {}),
      ...(names ? { providerName: random.pick(names) } : {}),
      ...(placement.type.startsWith('T') ? {} : { postcode: map.postcodeFor(random, home, placement) }),
      ...(cost !== undefined ? { weeklyCost: cost } : {}),
    };
  };
  add('looked-after.started', plan.startDay, {
    legalStatus: plan.legalStatus, categoryOfNeed: plan.categoryOfNeed, placement: placementData(plan.placement),
    ...(homePostcode ? { homePostcode } : {}), unaccompaniedAsylumSeeking: plan.unaccompaniedAsylumSeeking,
  });
  let before: Record<string, unknown> = placementData(plan.placement);
  let current: Record<string, unknown> = before;
  for (const change of plan.changes) {
    if (change.day >= window.end) return Infinity;
    if (change.kind === 'legal') {
      add('looked-after.legal-status-changed', change.day, { legalStatus: change.legalStatus });
      continue;
    }
    const age = ageOn(child, change.day);
    let placement: Record<string, unknown>;
    if (change.kind === 'temporary') {
      before = current;
      placement = placementData(change.placement!);
    }
    else if (change.kind === 'return') placement = before;
    else placement = placementData(change.placement ?? (plan.route === 'uasc' ? firstPlacement(random, age, 'uasc') : laterPlacement(random, age)));
    add('looked-after.placement-changed', change.day, { placement, sameCarer: change.sameCarer ?? false, reason: change.reason ?? 'CARPL' });
    current = placement;
    if (change.kind === 'secure') {
      add('looked-after.secure-accommodation-order-made', change.day, {
        endsOn: isoOf(change.endsOn!), reasons: [random.weighted({ 'Risk of sexual exploitation': 0.3, 'Involvement with gangs and serious youth violence': 0.5, 'Going missing and at risk of serious harm': 0.2 })],
      });
    }
    // Fees go up each April for about a third of longer placements.
    if (change.kind !== 'temporary' && typeof placement.weeklyCost === 'number' && random.chance(0.15)) {
      const on = change.day + random.integer(120, 400);
      const next = plan.changes.find((c) => c.day > change.day)?.day ?? plan.endDay;
      if (on < next - 1 && on < window.end) add('looked-after.placement-cost-changed', on, { weeklyCost: Math.round(placement.weeklyCost * 1.04) });
    }
  }
  // Some unaccompanied children are granted leave to remain, or have their asylum claim decided, while looked after (903 DUC).
  if (plan.unaccompaniedAsylumSeeking && random.chance(0.3)) {
    const on = plan.startDay + random.integer(300, 700);
    if (on < plan.endDay && on < window.end) add('looked-after.uasc-status-ceased', on, {});
  }
  if (plan.endDay >= window.end) return Infinity;
  add('looked-after.ceased', plan.endDay, { reason: plan.reasonCeased });
  return plan.endDay;
}

// ---------------------------------------------------------------------------------------------
// The borough: entries over the run, the stock at its start, unaccompanied children and care leavers

const uascEthnicities = { AOTH: 0.35, BAFR: 0.3, OOTH: 0.2, WOTH: 0.1, MOTH: 0.05 } as const;

/** A young person who came to the borough alone: registered on arrival, with no household in the borough. */
function arrivingAlone(journey: Journey, family: Family, birthDay: Day, arrivalDay: Day): SimulatedChild {
  const { random } = journey;
  const sex = random.chance(0.9) ? 'M' : 'F';
  const ethnicity = random.weighted(uascEthnicities);
  const child = journey.addChild(family, { forename: forenameFor(random, ethnicity, sex), sex, birthDay, disabilities: [] });
  child.ethnicity = ethnicity;
  child.registeredDay = arrivalDay;
  journey.addEvent(child, 'child.registered', arrivalDay, {
    forename: child.forename, surname: surnameFor(random, ethnicity), sex, ethnicity, disabilities: ['NONE'], dateOfBirth: isoOf(birthDay), unaccompaniedAsylumSeeking: true,
    // New to England's schools: no UPN yet (UN2, never attended a maintained school in England).
    upnUnknown: 'UN2',
  });
  return child;
}

interface BoroughRates {
  /** Entries per unit of weighted exposure (child-years × weights). */
  entryRate: number;
  /** The chance per unit of stock weight that a child is in care at the start. */
  stockRate: number;
  meanRisk: number;
  families: number;
  years: number;
  /** The borough's children as a share of the 38,300 the targets are for. */
  scale: number;
}

const riskWeight = (family: Family, meanRisk: number) => Math.min(4, Math.sqrt(family.risk / meanRisk));
const STEP = 30;

function prepare(families: readonly Family[], window: { start: Day; end: Day }): BoroughRates {
  const meanRisk = families.reduce((sum, f) => sum + f.risk, 0) / Math.max(1, families.length);
  let exposure = 0;
  let stockWeight = 0;
  for (const family of families) {
    const familyWeight = riskWeight(family, meanRisk);
    for (const child of family.children) {
      const { plans, inNeed } = intervalsOf(child);
      for (let day = Math.max(window.start, child.birthDay); day < window.end; day += STEP) {
        const age = ageOn(child, day);
        if (age >= 18) break;
        exposure += (STEP / YEAR) * entryAgeWeight(age) * (within(plans, day) ? ON_A_PLAN : within(inNeed, day) ? IN_NEED : familyWeight);
      }
      const ageAtStart = ageOn(child, window.start);
      if (ageAtStart >= 0 && child.registeredDay === undefined) stockWeight += stockAgeWeight(ageAtStart) * familyWeight;
    }
  }
  const targets = lookedAfterCalibrationTargets;
  const children = families.reduce((sum, f) => sum + f.children.length, 0);
  const scale = children / targets.childrenOfTheBorough;
  const years = (window.end - window.start) / YEAR;
  const entries = (targets.entriesPerYear - UASC_ENTRIES_PER_YEAR) * scale * years;
  const stock = ((targets.lookedAfterPer10000 * targets.childrenOfTheBorough) / 10_000 - UASC_STOCK) * scale;
  return { entryRate: exposure > 0 ? entries / exposure : 0, stockRate: stockWeight > 0 ? stock / stockWeight : 0, meanRisk, families: families.length, years, scale };
}

/** A period already open at the run's start: its length drawn in proportion to itself (the longer, the likelier to be open on a day), its start a uniform share of it before. */
function periodOpenAtStart(random: Random, child: SimulatedChild, start: Day): PlannedPeriod | undefined {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const elapsed = Math.round(random.next() * Math.min(LONGEST_STAY_YEARS, ageOn(child, start)) * YEAR);
    const startDay = Math.max(child.birthDay, start - elapsed);
    if (startDay >= start) continue;
    const age = ageOn(child, startDay);
    if (entryAgeWeight(age) === 0) continue;
    const plan = planPeriod(random, child, startDay, routeFor(random, age));
    if (plan.endDay > start + 1) return plan;
  }
  return undefined;
}

function familyCare(journey: Journey, family: Family, rates: BoroughRates, map: PlacementMap): void {
  const { random, window } = journey;
  const familyWeight = riskWeight(family, rates.meanRisk);
  const enter = (child: SimulatedChild, plan: PlannedPeriod, home: string | undefined): Day => {
    if (child.registeredDay === undefined) journey.handOn(childRegistration, { family, child, day: plan.startDay });
    // The children looked after team takes over: other teams' closures after this day are not its own.
    child.caseClosures = child.caseClosures.filter((day) => day < plan.startDay);
    journey.openCase(child);
    const allocatedFrom = Math.max(plan.startDay, window.start);
    journey.endAllocations(child, allocatedFrom);
    journey.allocate(child, { from: allocatedFrom, minute: random.integer(60, 480), service: 'looked-after' });
    const ended = writePeriod(journey, map, child, home, plan);
    if (ended !== Infinity) journey.closeCase(child, ended);
    return ended;
  };

  for (const child of [...family.children]) {
    let busyUntil = -Infinity;
    // The stock at the start: a child never registered in the run may already be in care.
    const ageAtStart = ageOn(child, window.start);
    if (ageAtStart >= 0 && child.registeredDay === undefined && random.chance(Math.min(1, rates.stockRate * stockAgeWeight(ageAtStart) * familyWeight))) {
      const plan = periodOpenAtStart(random, child, window.start);
      if (plan) busyUntil = enter(child, plan, family.postcode);
    }
    const { plans, inNeed } = intervalsOf(child);
    for (let day = Math.max(window.start, child.birthDay); day < window.end; day += STEP) {
      const age = ageOn(child, day);
      if (age >= 17.75) break;
      if (day <= busyUntil + 60) continue;
      const weight = entryAgeWeight(age) * (within(plans, day) ? ON_A_PLAN : within(inNeed, day) ? IN_NEED : familyWeight);
      if (!random.chance(rates.entryRate * weight * (STEP / YEAR))) continue;
      const startDay = day + random.integer(0, STEP - 1);
      if (startDay >= window.end || startDay < child.birthDay) continue;
      // A child the front door registers later than this has no record yet to add to: left alone.
      if (child.registeredDay !== undefined && child.registeredDay > startDay) continue;
      busyUntil = enter(child, planPeriod(random, child, startDay, routeFor(random, ageOn(child, startDay))), family.postcode);
      if (busyUntil === Infinity) break;
    }
  }

  // Unaccompanied asylum-seeking children: those already here at the start, and arrivals over the run.
  const perFamily = rates.scale / rates.families;
  for (let i = random.poisson(UASC_STOCK * perFamily); i > 0; i -= 1) {
    const arrival = window.start - random.integer(10, 700);
    const birthDay = arrival - Math.round((14.5 + random.next() * 3) * YEAR);
    if (birthDay + 18 * YEAR <= window.start + 10) continue;
    const child = arrivingAlone(journey, family, birthDay, arrival);
    enter(child, planPeriod(random, child, arrival, 'uasc'), undefined);
  }
  for (let i = random.poisson(UASC_ENTRIES_PER_YEAR * rates.years * perFamily); i > 0; i -= 1) {
    const arrival = window.start + random.integer(0, Math.max(0, window.end - window.start - 1));
    const birthDay = arrival - Math.round((14 + Math.min(3.7, random.exponential(1.6) + random.next())) * YEAR);
    const child = arrivingAlone(journey, family, birthDay, arrival);
    enter(child, planPeriod(random, child, arrival, 'uasc'), undefined);
  }

  // Care leavers: young people aged 16–24 at the start who left the council's care at 16–18 before it.
  const eldest = Math.max(0, ...family.children.map((c) => ageOn(c, window.start)));
  for (let i = random.poisson(lookedAfterCalibrationTargets.careLeaversPerYearOfAge * 8.5 * perFamily); i > 0; i -= 1) {
    const ageAtStart = 16 + random.next() * 8.5;
    if (ageAtStart <= eldest) continue;
    const birthDay = window.start - Math.round(ageAtStart * YEAR);
    const alone = random.chance(0.22);
    const sex = random.chance(alone ? 0.9 : 0.55) ? 'M' : 'F';
    const entryAge = alone ? 15 + random.next() * 2 : Math.max(11, 17.5 - random.exponential(2.5));
    const entryDay = birthDay + Math.round(entryAge * YEAR);
    const child = alone ? arrivingAlone(journey, family, birthDay, entryDay)
      : journey.addChild(family, { forename: forenameFor(random, family.ethnicity, sex), sex, birthDay, disabilities: random.chance(0.06) ? ['LD'] : [] });
    if (!alone) journey.handOn(childRegistration, { family, child, day: entryDay });
    const plan = planPeriod(random, child, entryDay, alone ? 'uasc' : 'long-term');
    const eighteenth = birthDay + Math.round(18 * YEAR);
    // Most stayed until 18; some left at 16 or 17, after at least 13 weeks in care (relevant children).
    plan.endDay = random.chance(0.8) ? eighteenth : Math.min(eighteenth, Math.max(entryDay + 100, birthDay + Math.round((16 + random.next() * 2) * YEAR)));
    plan.changes = plan.changes.filter((change) => change.day < plan.endDay - 1);
    if (plan.endDay < eighteenth) plan.reasonCeased = random.weighted({ E13: 0.4, E4A: 0.3, E5: 0.3 } as Record<ReasonEpisodeCeased, number>);
    if (plan.endDay >= window.start) continue;
    writePeriod(journey, map, child, alone ? undefined : family.postcode, plan);
  }
}

// ---------------------------------------------------------------------------------------------
// Calibration

/** Whether the child had three or more placements in the year by the counting this module's CLA-04 follows (metrics.ts). */
export function countedPlacementsInYear(period: PeriodOfCareState, yearStart: string, yearEnd: string): number {
  return placementsOf(period).filter(({ placement, startedOn, endedOn }) => {
    if (placement.type.startsWith('T')) return false;
    const first = period.episodes.find((e) => e.placement.placementId === placement.placementId)!;
    if (first.reasonForNewEpisode === 'T' || first.reasonForNewEpisode === 'U') return false;
    return startedOn <= yearEnd && (endedOn === undefined || endedOn >= yearStart);
  }).length;
}

const addDays = (iso: string, days: number) => isoOf(Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + days);

export const lookedAfterSimulator: SimulatorBehaviour<LookedAfterView> = {
  ownRandomStream: true,
  beginsJourneys: (borough, families) => {
    let prepared: { rates: BoroughRates; map: PlacementMap } | undefined;
    return (journey, family) => {
      prepared ??= { rates: prepare(families, journey.window), map: new PlacementMap(borough.laCode, borough.postcodeDistricts) };
      familyCare(journey, family, prepared.rates, prepared.map);
    };
  },
  sameDayRanks: {
    'looked-after.started': 9, 'looked-after.legal-status-changed': 12, 'looked-after.placement-changed': 12, 'looked-after.placement-cost-changed': 13,
    'looked-after.secure-accommodation-order-made': 13, 'looked-after.uasc-status-ceased': 14, 'looked-after.ceased': 19,
  },
  teams: [{ service: 'looked-after', name: 'Children looked after team', teams: 4, members: 7, role: 'social-worker', holdsCases: true }],
  volumes: { entriesPerYear: lookedAfterCalibrationTargets.entriesPerYear, uascEntriesPerYear: UASC_ENTRIES_PER_YEAR },
  calibration: (states, { children, yearStart, yearEnd, inYear, percent, row }) => {
    const targets = lookedAfterCalibrationTargets;
    const counted = (period: PeriodOfCareState) => !isShortBreaksOnly(period);
    const atYearEnd = states.flatMap((state) => {
      const period = lookedAfterOn(state, yearEnd);
      return period && counted(period) ? [{ state, period }] : [];
    });
    const entries = states.flatMap((s) => s.periodsOfCare).filter((p) => counted(p) && inYear(p.startedOn));
    const placed = atYearEnd.flatMap(({ period }) => {
      const now = period.episodes.at(-1)!.placement;
      return now.distanceMiles === undefined ? [] : [now.distanceMiles];
    });
    // CLA-05: under 16, in care 2.5 years or more, in the same placement 2 years (or placed for adoption, with the placement before).
    const longTerm = atYearEnd.filter(({ state, period }) => {
      const born = state.details?.dateOfBirth;
      return born !== undefined && addDays(born, Math.round(16 * YEAR)) > yearEnd && period.startedOn <= addDays(yearEnd, -Math.round(2.5 * YEAR));
    });
    const stable = longTerm.filter(({ period }) => {
      const placements = placementsOf(period);
      const last = placements.at(-1)!;
      const twoYearsAgo = addDays(yearEnd, -Math.round(2 * YEAR));
      if (last.startedOn <= twoYearsAgo) return true;
      const previous = placements.at(-2);
      return ['A3', 'A4', 'A5', 'A6'].includes(last.placement.type) && previous !== undefined && previous.startedOn <= twoYearsAgo;
    });
    return [
      row('CLA-02 children looked after at 31 March per 10,000', targets.lookedAfterPer10000, (atYearEnd.length * 10_000) / children, 15, 'per 10,000'),
      row(`CLA-08 children starting to be looked after in the year, scaled to ${targets.childrenOfTheBorough.toLocaleString('en-GB')} children`, targets.entriesPerYear, (entries.length * targets.childrenOfTheBorough) / children, 30, 'count'),
      row('CLA-03 unaccompanied asylum-seeking children among those looked after', 100 * targets.uascShare, percent(atYearEnd.filter(({ period }) => period.unaccompaniedAsylumSeeking && period.uascCeasedOn === undefined).length, atYearEnd.length), 5, '%'),
      row('CLA-04 children looked after with three or more placements in the year', 100 * targets.threeOrMorePlacements, percent(atYearEnd.filter(({ period }) => countedPlacementsInYear(period, yearStart, yearEnd) >= 3).length, atYearEnd.length), 5, '%'),
      row('CLA-05 long-term placement stability', 100 * targets.longTermStability, percent(stable.length, longTerm.length), 12, '%'),
      row('CLA-07 children looked after placed more than 20 miles from home', 100 * targets.placedOver20Miles, percent(placed.filter((miles) => miles > 20).length, placed.length), 10, '%'),
    ];
  },
};
