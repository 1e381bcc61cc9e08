import { createCalendar } from '../platform/calendar/calendar.ts';
import { disabilityCodes } from '../codes/statutory-codes.ts';
import { interchangeFormatName, interchangeFormatVersion } from '../interchange/format.ts';
import { boroughOfSize, islingtonShapedBorough, type BoroughProfile } from './borough.ts';
import { dayOf, isoOf, SimulationCalendar, type Day } from './dates.ts';
import { BoroughJourneys, newSimulatedChild, ownRandomStreams, simulatorBehaviours, sortChildEvents } from './journeys.ts';
import { forenameFor, surnameFor } from './names.ts';
import { Random } from './random.ts';
import type { Family, SimulatedEvent, SimulatedWorkforce, WorkforceSetup } from './simulator-behaviour.ts';

export interface SimulationOptions {
  seed: number;
  /** Years simulated from `from` onwards. */
  years: number;
  from: string;
  /** Children aged 0–17 in each borough; by default 38,300 for the first and England-like sizes for the rest. */
  children?: number;
  /** The first borough's LA code; further boroughs get codes of their own. */
  laCode?: string;
  /** How many councils to simulate; England is about 153. */
  las?: number;
  /**
   * Years simulated before `from` so that the record has a history (repeat plans, open cases)
   * when the period of interest starts. Their events are part of the output.
   */
  warmUpYears?: number;
}

export interface SimulationProgress {
  laCode: string;
  borough: number;
  boroughs: number;
  stage: 'families' | 'journeys' | 'workforce' | 'writing';
  done: number;
  total: number;
}

export interface SimulatedPopulationRow {
  laCode: string;
  age: number;
  sex: 'M' | 'F';
  ethnicity: string;
  children: number;
}

const householdSizes = { 1: 0.45, 2: 0.33, 3: 0.14, 4: 0.06, 5: 0.02 } as const;

/** Distinct LA codes for simulated councils after the first: synthetic, in the DfE 3-digit form. */
export function laCodesFor(first: string, count: number): string[] {
  const codes = [first];
  for (let candidate = 301; codes.length < count && candidate <= 999; candidate += 1) {
    const code = String(candidate);
    if (code !== first) codes.push(code);
  }
  return codes;
}

/** Borough sizes for a national run: about 12 million children over 153 councils, unevenly. */
function boroughSizes(random: Random, count: number, children: number | undefined): number[] {
  // Given a size, every council has it; otherwise the first is the default borough and the rest vary as England's do.
  if (children !== undefined) return Array.from({ length: count }, () => children);
  const sizes: number[] = [islingtonShapedBorough.children];
  for (let i = 1; i < count; i += 1) sizes.push(Math.round(Math.min(300_000, Math.max(8_000, random.logNormal(66_000, 0.55)))));
  return sizes;
}

/**
 * Simulates one or more boroughs and yields the interchange file line by line: the header, each
 * borough's teams and workers, then every child's events in business order. One borough is held
 * in memory at a time, so a national run streams with memory bounded by the largest borough.
 */
export async function* simulateInterchange(options: SimulationOptions, onProgress: (progress: SimulationProgress) => void = () => {}): AsyncGenerator<string> {
  const las = options.las ?? 1;
  const laCodes = laCodesFor(options.laCode ?? islingtonShapedBorough.laCode, las);
  const root = new Random(options.seed);
  const sizes = boroughSizes(root.fork('sizes'), las, options.children);
  yield JSON.stringify({ format: interchangeFormatName, version: interchangeFormatVersion, laCodes, simulated: { seed: options.seed, years: options.years, from: options.from } });
  for (const [index, laCode] of laCodes.entries()) {
    const borough = boroughOfSize(islingtonShapedBorough, sizes[index]!, laCode, index === 0 ? islingtonShapedBorough.name : `Simulated council ${laCode}`);
    const simulation = simulateBorough(borough, options, root.fork(`borough:${laCode}`), (stage, done, total) =>
      onProgress({ laCode, borough: index + 1, boroughs: las, stage, done, total }),
    );
    for (const line of simulation.lines()) yield line;
  }
}

export interface BoroughSimulation {
  borough: BoroughProfile;
  population: SimulatedPopulationRow[];
  lines(): Generator<string>;
}

export function simulateBorough(
  borough: BoroughProfile,
  options: SimulationOptions,
  random: Random,
  onProgress: (stage: SimulationProgress['stage'], done: number, total: number) => void = () => {},
): BoroughSimulation {
  const calendar = new SimulationCalendar(createCalendar());
  const periodStart = dayOf(options.from);
  const start = periodStart - Math.round((options.warmUpYears ?? 2) * 365.25);
  const end = dayOf(isoOf(periodStart).replace(/^\d{4}/, (year) => String(Number(year) + options.years)));
  const middle = Math.round((periodStart + end) / 2);

  // Families: the children of the borough in households, with a latent level of need.
  let childCounter = 0;
  const newChildId = () => `C${borough.laCode}${String(++childCounter).padStart(7, '0')}`;
  const familyRandom = random.fork('families');
  const families: Family[] = [];
  let children = 0;
  while (children < borough.children) {
    const size = Number(familyRandom.weighted(householdSizes));
    const ethnicity = familyRandom.weighted(borough.ethnicMix as Record<string, number>);
    const family: Family = {
      familyId: `F${families.length + 1}`,
      surname: surnameFor(familyRandom, ethnicity),
      ethnicity,
      postcode: `${familyRandom.pick(borough.postcodeDistricts)} ${familyRandom.integer(1, 9)}${String.fromCharCode(65 + familyRandom.integer(0, 25))}${String.fromCharCode(65 + familyRandom.integer(0, 25))}`,
      householdId: `H${borough.laCode}${String(families.length + 1).padStart(6, '0')}`,
      risk: familyRandom.logNormal(0.3, 1.15),
      children: [],
    };
    let age = familyRandom.next() * 18;
    for (let i = 0; i < size && age >= 0; i += 1) {
      const sex = familyRandom.chance(0.51) ? 'M' : 'F';
      family.children.push(newSimulatedChild({
        childId: newChildId(), familyId: family.familyId, forename: '', sex, ethnicity, birthDay: Math.round(middle - age * 365.25),
        disabilities: familyRandom.chance(0.05) ? [familyRandom.pick(Object.keys(disabilityCodes).filter((c) => c !== 'NONE'))] : [],
      }));
      children += 1;
      age -= 1 + familyRandom.exponential(2);
    }
    families.push(family);
  }
  for (const family of families) for (const child of family.children) child.forename = forenameFor(random, family.ethnicity, child.sex);
  onProgress('families', families.length, families.length);

  const population = populationOf(borough.laCode, families, middle);
  // Mid-year populations for every year the run touches, as ONS mid-year estimates would give them.
  const populationYears: { year: number; rows: SimulatedPopulationRow[] }[] = [];
  for (let year = Number(isoOf(start).slice(0, 4)); year <= Number(isoOf(end).slice(0, 4)); year += 1) {
    populationYears.push({ year, rows: populationOf(borough.laCode, families, dayOf(`${year}-06-30`)) });
  }

  const journeys = new BoroughJourneys(random.fork('journeys'), calendar, borough, { start, end }, newChildId);
  const runJourney = journeys.runnerFor(families);
  families.forEach((family, index) => {
    runJourney(family);
    if (index % 500 === 0) onProgress('journeys', index, families.length);
  });
  // Modules with a random stream of their own follow, so that they change no other child's journey.
  for (const stream of ownRandomStreams) {
    const runOwn = new BoroughJourneys(new Random(`${options.seed}:${borough.laCode}:journeys:${stream}`), calendar, borough, { start, end }, newChildId, stream).runnerFor(families);
    for (const family of families) runOwn(family);
  }
  onProgress('journeys', families.length, families.length);

  const allChildren = families.flatMap((f) => f.children).filter((c) => c.registeredDay !== undefined);
  const workforce = boroughWorkforce({ random: random.fork('workforce'), children: borough.children, start, teams: simulatorBehaviours.flatMap((behaviour) => behaviour.teams ?? []) });
  let push = 1e9;
  const workforceRandom = random.fork('allocation-events');
  workforce.allocate(allChildren, end, (child, type, day, occurredAt, data) => {
    const event: SimulatedEvent = { eventId: workforceRandom.uuid(), type, day, occurredAt, data, recordingLag: 0, push: push++ };
    child.events.push(event);
    return event;
  });
  onProgress('workforce', 1, 1);

  return {
    borough,
    population,
    *lines() {
      const recorder = new Random(options.seed ^ 0x5eed);
      const streamRecorders = new Map(ownRandomStreams.map((stream) => [stream, new Random(`${options.seed}:${borough.laCode}:recorder:${stream}`)]));
      for (const { record, rows } of workforce.referenceRecords()) {
        for (const row of rows) yield JSON.stringify({ record, laCode: borough.laCode, ...row });
      }
      for (const behaviour of simulatorBehaviours) {
        for (const { record, rows } of behaviour.referenceLines?.(families) ?? []) {
          for (const row of rows) yield JSON.stringify({ record, laCode: borough.laCode, ...row });
        }
      }
      for (const { year, rows } of populationYears) {
        for (const row of rows) yield JSON.stringify({ record: 'population', ...row, year, source: `Synthetic borough, seed ${options.seed}` });
      }
      let written = 0;
      for (const child of allChildren) {
        const recordingOf = workforce.recorderFor(recorder);
        const streamRecordingOf = new Map<string, ReturnType<typeof workforce.recorderFor>>();
        for (const event of sortChildEvents(child.events)) {
          if (event.day >= end) break;
          const streamRecorder = event.stream === undefined ? undefined : streamRecorders.get(event.stream)!;
          let recording = recordingOf;
          if (event.stream !== undefined && streamRecorder) {
            recording = streamRecordingOf.get(event.stream) ?? workforce.recorderFor(streamRecorder);
            streamRecordingOf.set(event.stream, recording);
          }
          const { data, recordedBy } = recording(event);
          const recordedDay = Math.min(event.day + event.recordingLag, end - 1);
          const recordedAt = event.occurredAt.length > 10 && recordedDay === event.day
            ? event.occurredAt.replace(/Z$/, '').slice(0, 19) + '.500Z'
            : `${isoOf(Math.max(recordedDay, event.day))}T18:${String((streamRecorder ?? recorder).integer(0, 59)).padStart(2, '0')}:00.000Z`;
          yield JSON.stringify({
            eventId: event.eventId, laCode: borough.laCode, childId: child.childId, type: event.type, occurredAt: event.occurredAt,
            recordedAt, recordedBy, clientId: event.eventId, data,
          });
        }
        written += 1;
        if (written % 1000 === 0) onProgress('writing', written, allChildren.length);
      }
      onProgress('writing', allChildren.length, allChildren.length);
    },
  };
}

/** The borough's teams and workers, from the module that gives the workforce. */
function boroughWorkforce(setup: WorkforceSetup): SimulatedWorkforce {
  const [workforce, ...others] = simulatorBehaviours.flatMap((behaviour) => (behaviour.workforce ? [behaviour.workforce] : []));
  if (!workforce || others.length > 0) throw new Error('Exactly one registered module must give the simulated borough its workforce');
  return workforce(setup);
}

/** The child population by single year of age, sex and ethnicity at the middle of the run (for rates). */
function populationOf(laCode: string, families: Family[], middle: Day): SimulatedPopulationRow[] {
  const counts = new Map<string, SimulatedPopulationRow>();
  for (const family of families) {
    for (const child of family.children) {
      const age = Math.floor((middle - child.birthDay) / 365.25);
      if (age < 0 || age > 17) continue;
      const key = `${age}|${child.sex}|${child.ethnicity}`;
      const row = counts.get(key) ?? { laCode, age, sex: child.sex, ethnicity: child.ethnicity, children: 0 };
      row.children += 1;
      counts.set(key, row);
    }
  }
  return [...counts.values()].sort((a, b) => a.age - b.age || a.sex.localeCompare(b.sex) || a.ethnicity.localeCompare(b.ethnicity));
}

