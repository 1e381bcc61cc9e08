/**
 * The family network in the synthetic borough: each registered child's mother (with parental
 * responsibility, living with them) recorded when the child is registered; when the child is
 * referred, often their father, a GP, and a school from the age of four, and now and then a flag; and some households moving once,
 * the move recorded on each child and each adult of the household. Drawn from a random stream of
 * its own, so the rest of the borough is unchanged, and from the borough's name lists.
 */
import { isoOf, type Day } from '../../simulate/dates.ts';
import { forenameFor, surnameFor } from '../../simulate/names.ts';
import type { Family, Journey, SimulatedChild, SimulatorBehaviour } from '../../simulate/simulator-behaviour.ts';
import type { FamilyAdultLine } from './reference-records.ts';
import type { FamilyNetworkState } from './state.ts';

/** The adults each family's journey made, for the reference lines written after the journeys. */
const adultsOfFamily = new WeakMap<Family, FamilyAdultLine[]>();

const streets = ['Road', 'Street', 'Avenue', 'Close', 'Gardens', 'Lane', 'Way', 'Grove'];
const languages = ['Bengali', 'Somali', 'Turkish', 'Arabic', 'Polish', 'Portuguese', 'Romanian', 'Tigrinya'];

function addressFor(journey: Journey, family: Family, postcode = family.postcode) {
  const { random } = journey;
  return { line1: `${random.integer(1, 180)} ${surnameFor(random, family.ethnicity)} ${random.pick(streets)}`, postcode };
}

function familyNetwork(journey: Journey, family: Family): void {
  const { random } = journey;
  // A child who came to the country alone is kept with a family only for the simulation's sake: not its network.
  const arrivedAlone = (c: SimulatedChild) => c.events.some((e) => e.type === 'child.registered' && e.data.unaccompaniedAsylumSeeking === true);
  const children = family.children.filter((c): c is SimulatedChild & { registeredDay: Day } => c.registeredDay !== undefined && c.registeredDay < journey.window.end && !arrivedAlone(c));
  if (children.length === 0) return;
  const firstRegistered = Math.min(...children.map((c) => c.registeredDay));
  const eldest = Math.min(...children.map((c) => c.birthDay));
  const recordedAt = `${isoOf(firstRegistered)}T17:00:00.000Z`;
  const home = addressFor(journey, family);
  const interpreter = random.chance(0.06) ? random.pick(languages) : undefined;
  const adult = (sex: 'M' | 'F', ageAtEldest: number): FamilyAdultLine => ({
    personId: random.uuid(), version: 1, recordedBy: 'synthetic-borough', recordedRole: 'social-worker', recordedAt,
    details: {
      forename: forenameFor(random, family.ethnicity, sex), surname: family.surname, dateOfBirth: isoOf(eldest - Math.round(ageAtEldest * 365.25)), sex,
      address: home, householdId: family.householdId, phone: `07700 900${String(random.integer(0, 999)).padStart(3, '0')}`,
      interpreterNeeded: interpreter !== undefined, ...(interpreter ? { interpreterLanguage: interpreter } : {}),
    },
  });
  // A contact alone records the mother; a referral brings in the rest of the network (the father,
  // the GP and the school), which keeps the borough's records, and its seeding, close to their size.
  const referralOf = (child: SimulatedChild) => child.events.find((e) => e.type === 'referral.received');
  const mother = adult('F', random.integer(18, 36));
  const father = random.chance(0.6) && children.some(referralOf) ? adult('M', random.integer(19, 40)) : undefined;
  const fatherLivesWithFamily = father !== undefined && random.chance(0.55);
  if (father && !fatherLivesWithFamily) {
    const { householdId: _elsewhere, ...details } = father.details;
    father.details = { ...details, address: addressFor(journey, family) };
  }
  const adults = [mother, ...(father ? [father] : [])];
  adultsOfFamily.set(family, adults);

  const gp = { role: 'gp', name: `Dr ${forenameFor(random, 'WBRI', random.chance(0.5) ? 'F' : 'M')} ${surnameFor(random, random.pick(['WBRI', 'AIND', 'BAFR', family.ethnicity]))}`, organisation: `${random.pick(['Park', 'Green', 'High Street', 'Riverside', 'Northway'])} Medical Centre`, phone: `01632 960${String(random.integer(0, 999)).padStart(3, '0')}` };
  const school = `${surnameFor(random, 'WBRI')} ${random.pick(['Primary School', 'Academy', 'Community School'])}`;
  const link = (person: FamilyAdultLine, relationship: string, livesWithChild: boolean) => ({
    relationship, relatedPerson: { personId: person.personId, name: `${person.details.forename} ${person.details.surname}`, ...(person.details.dateOfBirth ? { dateOfBirth: person.details.dateOfBirth } : {}) },
    parentalResponsibility: true, livesWithChild,
  });
  for (const child of children) {
    const day = child.registeredDay;
    journey.addEvent(child, 'relationship.recorded', day, link(mother, 'mother', true));
    const referral = referralOf(child);
    if (referral) {
      if (father) journey.addEvent(child, 'relationship.recorded', referral.day, link(father, 'father', fatherLivesWithFamily));
      journey.addEvent(child, 'professional.recorded', referral.day, gp);
      if ((referral.day - child.birthDay) / 365.25 >= 4) {
        journey.addEvent(child, 'professional.recorded', referral.day, { role: 'school', name: `${forenameFor(random, 'WBRI', 'F')} ${surnameFor(random, 'WBRI')}`, organisation: school });
      }
    }
    if (interpreter && referral) journey.addEvent(child, 'flag.raised', referral.day, { kind: 'interpreter-needed', description: interpreter, reason: `The family's first language is ${interpreter}` });
    if (referral && random.chance(0.05)) {
      const raised = journey.addEvent(child, 'flag.raised', referral.day, { kind: 'risk-to-visiting-staff', reason: 'An adult of the household has been aggressive to visiting professionals: visit in pairs' });
      const removedOn = referral.day + random.integer(90, 720);
      if (removedOn < journey.window.end) journey.addEvent(child, 'flag.removed', removedOn, { flagId: raised.eventId, reason: 'No incidents since: the risk was reviewed with the team manager' });
    }
    if (referral && random.chance(0.02)) journey.addEvent(child, 'flag.raised', referral.day, { kind: 'cp-is-elsewhere', reason: 'CP-IS shows the child subject to a plan in another council' });
  }

  // One referred household in ten moves once, after every child is registered: one move, applied to each member.
  const lastRegistered = Math.max(...children.map((c) => Math.max(c.registeredDay, c.birthDay)));
  if (children.some(referralOf) && random.chance(0.1) && lastRegistered + 60 < journey.window.end) {
    const movedOn = random.integer(lastRegistered + 30, Math.min(journey.window.end - 1, lastRegistered + 900));
    const moveId = random.uuid();
    const address = addressFor(journey, family);
    for (const child of children) journey.addEvent(child, 'address.changed', movedOn, { address, householdId: family.householdId, moveId, reason: 'The family moved' });
    for (const resident of adults.filter((a) => a.details.householdId === family.householdId)) {
      adults.push({
        ...resident, version: 2, changeReason: 'The household moved: the family moved', recordedAt: `${isoOf(movedOn)}T17:00:00.000Z`,
        details: { ...resident.details, address, addressFrom: isoOf(movedOn) },
      });
    }
  }
}

export const familyNetworkSimulator: SimulatorBehaviour<FamilyNetworkState> = {
  ownRandomStream: true,
  // Children looked after, youth justice and care leavers register children of their own (the
  // caseload already in care, young people who left care before the records begin): their networks too.
  runsLast: true,
  beginsJourneys: () => familyNetwork,
  referenceLines: (families) => [{
    record: 'family-adult',
    rows: families.flatMap((family) => adultsOfFamily.get(family) ?? []).sort((a, b) => a.personId.localeCompare(b.personId) || a.version - b.version),
  }],
  // The professionals come after the referral of the day (7); the family's links after registration.
  sameDayRanks: { 'professional.recorded': 8, 'flag.raised': 8, 'address.changed': 2, 'flag.removed': 19, 'professional.ended': 19 },
};
