/**
 * The front door in the synthetic borough: incidents bring a family's children to the front door
 * as contacts; the partner agencies are checked with; each contact is decided, and a referral is
 * handed on to whichever module takes referrals to children's social care.
 */
import { localContactSources } from '../../codes/statutory-codes.ts';
import type { BoroughProfile } from '../../simulate/borough.ts';
import { dateTimeOf, type Day } from '../../simulate/dates.ts';
import { forenameFor } from '../../simulate/names.ts';
import { journeyStage, WorkerToBeNamed, type Family, type Journey, type SimulatedChild, type SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';
import { childRegistration, type PeopleState } from '../people/index.ts';
import { frontDoorEvents } from './events.ts';
import type { FrontDoorState } from './state.ts';

/** A contact decided as a referral to children's social care, handed on to whichever module takes referrals. */
export interface SimulatedReferral {
  child: SimulatedChild;
  /** The day the contact was decided: the referral's date. */
  day: Day;
  contactId: string;
  /** The referral source (DfE code). */
  source: string;
  /** The contact's primary reason. */
  reason: string;
  /** How serious the incident was, 0–1: shared by the siblings it brought, so they tend to follow one path. */
  severity: number;
}

export const referralToSocialCare = journeyStage<SimulatedReferral>('referral-to-social-care', () => {});

/**
 * The 2023/24 figures the front door is calibrated on, from the metrics catalogue (FD-01, FD-03,
 * FD-04, FD-05): shares of contacts by source, by primary reason and by decision.
 */
const targets = {
  contactsPerYear: { contacts: 13_807, children: 38_320 },
  contactSources: {
    police: 0.262, school: 0.161, 'family-member': 0.07, 'education-welfare-service': 0.05, 'health-visitor': 0.035, gp: 0.03,
    'emergency-department': 0.03, 'mental-health-service': 0.03, midwifery: 0.02, 'other-health': 0.02, housing: 0.035,
    'adult-social-care': 0.02, 'early-help': 0.04, 'other-la-internal': 0.03, 'other-local-authority': 0.025, 'voluntary-sector': 0.03,
    self: 0.01, acquaintance: 0.01, 'member-of-public': 0.012, probation: 0.01, 'courts-cafcass': 0.008, anonymous: 0.012,
  },
  contactReasons: {
    'information-request': 0.129, 'domestic-abuse': 0.124, 'parenting-capacity': 0.102, 'child-mental-health': 0.097,
    'parental-mental-health': 0.052, 'physical-abuse': 0.052, neglect: 0.051, 'emotional-abuse': 0.04, 'sexual-abuse': 0.025,
    'parental-substance-misuse': 0.04, 'child-substance-misuse': 0.015, 'child-sexual-exploitation': 0.015,
    'child-criminal-exploitation': 0.025, missing: 0.03, behaviour: 0.045, disability: 0.02, housing: 0.03, 'financial-hardship': 0.02,
    'unaccompanied-asylum-seeking': 0.005, 'private-fostering': 0.003, 'female-genital-mutilation': 0.002, radicalisation: 0.004,
    'harmful-sexual-behaviour': 0.01, 'unborn-baby-concerns': 0.012, other: 0.032,
  },
  contactOutcomes: { 'early-help': 0.459, 'referral-to-social-care': 0.157, 'no-further-action': 0.295, 'information-and-advice': 0.087 },
} as const;

const volumes = {
  /** Contacts per child aged 0–17 a year, on average: FD-01's 13,807 over 38,320 children. */
  contactsPerChildPerYear: 0.3603,
  /** How readily a contact is referred to children's social care, before its severity and reason. */
  referralPropensity: 0.2,
};

const familyReasons = new Set(['information-request', 'domestic-abuse', 'parenting-capacity', 'parental-mental-health', 'neglect', 'parental-substance-misuse', 'housing', 'financial-hardship', 'other']);
/**
 * Reasons drawn per incident: a family-wide reason brings several children at once, so it is drawn
 * less often than its share of contacts, to keep the share of contacts by reason on target.
 */
const incidentReasonWeights = Object.fromEntries(
  Object.entries(targets.contactReasons).map(([reason, share]) => [reason, familyReasons.has(reason) ? share * 0.78 : share]),
) as Record<keyof typeof targets.contactReasons, number>;

const ethnicFactor = (borough: BoroughProfile, ethnicity: string) => borough.contactRateByEthnicity[ethnicity as keyof BoroughProfile['contactRateByEthnicity']] ?? 1;

/** Calibrates the incident rate so that contacts per child per year meet the target on average. */
function incidentRateFor(borough: BoroughProfile, families: readonly Family[]): number {
  const expectedInvolved = (n: number) => 0.55 * Math.max(1, 0.8 * n) + 0.45;
  const weight = families.reduce((sum, f) => sum + f.risk * ethnicFactor(borough, f.ethnicity) * expectedInvolved(f.children.length), 0);
  return (volumes.contactsPerChildPerYear * borough.children) / weight;
}

/** Incidents over the run, each bringing some of the family's children to the front door. */
function familyIncidents(journey: Journey, family: Family, incidentRate: number): void {
  const { random } = journey;
  const yearlyRate = incidentRate * family.risk * ethnicFactor(journey.borough, family.ethnicity);
  if (yearlyRate <= 0) return;
  let day = journey.window.start + random.exponential(365 / yearlyRate);
  let previous = -Infinity;
  while (day < journey.window.end) {
    // Moving a weekend incident to Monday must not put it after the family's next incident.
    previous = Math.max(previous, incident(journey, family, Math.max(Math.floor(day), previous)));
    day += random.exponential(365 / yearlyRate);
  }
}

/** Answers the day the incident reached the front door. */
function incident(journey: Journey, family: Family, rawDay: Day): Day {
  const { random } = journey;
  const day = random.chance(0.92) ? journey.calendar.nextWorkingDay(rawDay) : rawDay; // most contacts arrive on working days
  if (day >= journey.window.end) return day;
  const reason = random.weighted(incidentReasonWeights);
  let involved: SimulatedChild[];
  if (reason === 'unborn-baby-concerns') {
    involved = [addUnbornChild(journey, family, day)];
  } else {
    const living = family.children.filter((c) => c.birthDay <= day && day - c.birthDay < 18 * 365);
    if (living.length === 0) return day;
    if (familyReasons.has(reason)) {
      involved = living.filter(() => random.chance(0.8));
      if (involved.length === 0) involved = [random.pick(living)];
    } else {
      const older = living.filter((c) => day - c.birthDay >= 10 * 365);
      involved = [random.pick(older.length > 0 && random.chance(0.8) ? older : living)];
    }
  }
  const sourceKey = random.weighted(targets.contactSources);
  // One severity for the incident, shared by the siblings, so they tend to follow one path.
  const severity = Math.min(1, random.next() * 0.55 + Math.min(0.45, family.risk * 0.09));
  for (const child of involved) contact(journey, family, child, day, reason, sourceKey, severity);
  return day;
}

function addUnbornChild(journey: Journey, family: Family, day: Day): SimulatedChild {
  const { random } = journey;
  const sex = random.chance(0.51) ? 'M' : 'F';
  const forename = forenameFor(random, family.ethnicity, sex);
  return journey.addChild(family, { forename, sex, birthDay: day + random.integer(40, 160), disabilities: [] });
}

function contact(journey: Journey, family: Family, child: SimulatedChild, day: Day, reason: string, sourceKey: string, severity: number): void {
  const { random, calendar } = journey;
  if (child.registeredDay === undefined) journey.handOn(childRegistration, { family, child, day });
  const source = localContactSources[sourceKey as keyof typeof localContactSources].referralSource;
  const received = journey.addEvent(child, 'contact.received', day, {
    source, localSource: sourceKey, primaryReason: reason,
    otherReasons: random.chance(0.3) ? [random.weighted(targets.contactReasons)].filter((r) => r !== reason) : [],
  }, dateTimeOf(day, random.integer(0, 540)));
  const contactId = received.eventId;

  const openCase = day <= child.caseOpenUntil;
  // Most decisions within a working day; some late, as the front door is busy.
  const decisionDay = random.chance(0.93) ? calendar.addWorkingDays(day, random.chance(0.55) ? 0 : 1) : calendar.addWorkingDays(day, random.integer(2, 6));
  if (!openCase && random.chance(0.35)) {
    for (const agency of ['police', 'health', 'education'].filter(() => random.chance(0.6))) {
      journey.addEvent(child, 'mash-check.requested', day, { contactId, agency });
      journey.addEvent(child, 'mash-check.completed', decisionDay, { contactId, agency, informationHeld: random.chance(0.55) });
    }
  }
  const decisionAt = decisionDay === day ? dateTimeOf(day, 540 + random.integer(1, 59)) : dateTimeOf(decisionDay, random.integer(0, 480));
  let decision: string;
  // A contact about a child whose case is open is for the allocated worker: no new referral.
  if (openCase) {
    decision = random.chance(0.3) ? 'information-and-advice' : 'no-further-action';
  } else {
    const referralChance = Math.min(0.9, volumes.referralPropensity * (0.35 + severity * 1.6) * (reason === 'information-request' ? 0.25 : 1) * (child.protectionPlans > 0 ? 2 : 1));
    if (random.chance(referralChance)) decision = 'referral-to-social-care';
    else decision = random.weighted({ 'early-help': 0.66, 'no-further-action': 0.27, 'information-and-advice': 0.07 });
  }
  journey.addEvent(child, 'contact.decided', decisionDay, { contactId, decision, decidedByWorkerId: WorkerToBeNamed.ofTeam('front-door') }, decisionAt);
  if (decision === 'referral-to-social-care' && decisionDay < journey.window.end) {
    journey.handOn(referralToSocialCare, { child, day: decisionDay, contactId, source, reason, severity });
  }
}

export const frontDoorSimulator: SimulatorBehaviour<FrontDoorState & PeopleState> = {
  beginsJourneys: (borough, families) => {
    const incidentRate = incidentRateFor(borough, families);
    return (journey, family) => familyIncidents(journey, family, incidentRate);
  },
  sameDayRanks: { 'contact.received': 3, 'mash-check.requested': 4, 'mash-check.completed': 5, 'contact.decided': 6 },
  teams: [{
    service: 'front-door', name: "Children's services contact team", teams: 1, members: 8, role: 'front-door-officer', holdsCases: false,
    // A child is registered at the front door, when first contacted.
    records: [...frontDoorEvents.map((event) => event.shape.type.value), 'child.registered'],
    recordsWhenNoneAllocated: true,
  }],
  volumes,
  calibration: (states, { children, calendar, inYear, percent, row }) => {
    const contacts = states.flatMap((s) => s.contacts).filter((c) => inYear(c.receivedOn));
    const rows = [
      row('FD-01 contacts in the year, scaled to 38,320 children', targets.contactsPerYear.contacts,
        (contacts.length * targets.contactsPerYear.children) / children, targets.contactsPerYear.contacts * 0.1, 'count'),
    ];
    for (const [source, label] of [['6', 'police'], ['2A', 'schools']] as const) {
      const target = 100 * targets.contactSources[label === 'police' ? 'police' : 'school'];
      rows.push(row(`FD-03 contacts from ${label}`, target, percent(contacts.filter((c) => c.source === source).length, contacts.length), 3, '%'));
    }
    for (const reason of ['information-request', 'domestic-abuse', 'parenting-capacity', 'child-mental-health'] as const) {
      rows.push(row(`FD-04 contacts for ${reason}`, 100 * targets.contactReasons[reason], percent(contacts.filter((c) => c.primaryReason === reason).length, contacts.length), 2.5, '%'));
    }
    for (const [outcome, share] of Object.entries(targets.contactOutcomes)) {
      rows.push(row(`FD-05 contacts decided ${outcome}`, 100 * share, percent(contacts.filter((c) => c.decision === outcome).length, contacts.length), 3, '%'));
    }
    const decidedInTime = contacts.filter((c) => c.decidedOn !== undefined && c.decidedOn <= calendar.addWorkingDays(c.receivedOn, 1)).length;
    rows.push(row('FD-13 contacts decided within 1 working day', 90, percent(decidedInTime, contacts.length), 8, '%'));

    // The ethnicity a child is registered with at first contact: some not yet obtained, most recorded soon after.
    const contacted = states.filter((s) => s.contacts.some((c) => inYear(c.receivedOn)));
    const notRecorded = contacted.filter((s) => s.details?.ethnicity === 'NOBT').length;
    rows.push(row('Ethnicity not yet obtained, children contacted in the year', 3, percent(notRecorded, contacted.length), 3, '%'));
    return rows;
  },
};
