import { domainModules } from '../modules/registry.ts';
import type { BoroughProfile } from './borough.ts';
import { isoOf, type Day, type SimulationCalendar } from './dates.ts';
import type { Random } from './random.ts';
import type {
  AllocationNeed, Family, Journey, JourneyStage, SimulatedChild, SimulatedEvent, SimulatorBehaviour, StageTaken,
} from './simulator-behaviour.ts';

/** Every registered module's simulator behaviour, in the registry's order. */
export const simulatorBehaviours: readonly SimulatorBehaviour[] = domainModules.flatMap((module) => (module.simulator ? [module.simulator] : []));

/**
 * The modules whose journeys draw from a random stream of their own, by id, in the order their
 * journeys run: the registry's, except that those that run last (`runsLast`) follow the rest.
 */
export const ownRandomStreams: readonly string[] = [
  ...domainModules.filter((module) => module.simulator?.ownRandomStream && !module.simulator.runsLast),
  ...domainModules.filter((module) => module.simulator?.ownRandomStream && module.simulator.runsLast),
].map((module) => module.id);

const behaviourOf = new Map<string, SimulatorBehaviour>(domainModules.flatMap((module) => (module.simulator ? [[module.id, module.simulator]] : [])));

/** The module that takes each stage of a journey, by the stage's name. */
const stageTakers = new Map<string, StageTaken['run']>();
for (const { stage, run } of simulatorBehaviours.flatMap((behaviour) => behaviour.takes ?? [])) {
  if (stageTakers.has(stage.name)) throw new Error(`Two modules take the journey stage ${stage.name}`);
  stageTakers.set(stage.name, run);
}

/** Same-day order of event types: the order a worker would record them in on one day. */
const sameDayRank: Readonly<Record<string, number>> = Object.assign({}, ...simulatorBehaviours.map((behaviour) => behaviour.sameDayRanks ?? {}));

export function sortChildEvents(events: SimulatedEvent[]): SimulatedEvent[] {
  return events.sort((a, b) => a.day - b.day || (sameDayRank[a.type] ?? 10) - (sameDayRank[b.type] ?? 10) || a.push - b.push);
}

/** A child of the borough, with nothing recorded yet. */
export function newSimulatedChild(child: Omit<SimulatedChild, 'events' | 'allocations' | 'caseOpenUntil' | 'caseClosures' | 'protectionPlans'>): SimulatedChild {
  return { ...child, events: [], allocations: [], caseOpenUntil: -Infinity, caseClosures: [], protectionPlans: 0 };
}

/**
 * Simulates the families of one borough over the run: each family's journey begins where a module
 * begins journeys (the front door) and goes on through the stages the modules hand each other.
 * Every step is an event the record's own rules will check when the events are imported.
 */
export class BoroughJourneys implements Journey {
  private push = 0;

  constructor(
    readonly random: Random,
    readonly calendar: SimulationCalendar,
    readonly borough: BoroughProfile,
    readonly window: { start: Day; end: Day },
    private readonly newChildId: () => string,
    /** The module whose own random stream this is (`ownRandomStream`); without it, the stream every other module shares. */
    private readonly stream?: string,
  ) {}

  /** Prepares where journeys begin for the borough's families; answers how to run one family's. */
  runnerFor(families: readonly Family[]): (family: Family) => void {
    const behaviours = this.stream === undefined ? simulatorBehaviours.filter((behaviour) => !behaviour.ownRandomStream) : [behaviourOf.get(this.stream)!];
    const beginnings = behaviours.flatMap((behaviour) => (behaviour.beginsJourneys ? [behaviour.beginsJourneys(this.borough, families)] : []));
    return (family) => {
      for (const begin of beginnings) begin(this, family);
    };
  }

  addEvent(child: SimulatedChild, type: string, day: Day, data: Record<string, unknown> = {}, occurredAt = isoOf(day)): SimulatedEvent {
    const lag = this.random.chance(0.9) ? 0 : this.random.chance(0.7) ? this.random.integer(1, 3) : this.random.integer(4, 30);
    const event: SimulatedEvent = { eventId: this.random.uuid(), type, day, occurredAt, data, recordingLag: lag, push: this.push++ };
    if (this.stream !== undefined) event.stream = this.stream;
    child.events.push(event);
    return event;
  }

  handOn<Input, Output>(stage: JourneyStage<Input, Output>, input: Input): Output {
    const run = stageTakers.get(stage.name) as ((journey: Journey, input: Input) => Output) | undefined;
    return run ? run(this, input) : stage.untaken(input);
  }

  addChild(family: Family, child: Pick<SimulatedChild, 'forename' | 'sex' | 'birthDay' | 'disabilities'>): SimulatedChild {
    const added = newSimulatedChild({ childId: this.newChildId(), familyId: family.familyId, ethnicity: family.ethnicity, ...child });
    family.children.push(added);
    return added;
  }

  allocate(child: SimulatedChild, need: Pick<AllocationNeed, 'from' | 'minute' | 'service'>): AllocationNeed {
    const allocation: AllocationNeed = { childId: child.childId, ...need, until: Infinity };
    child.allocations.push(allocation);
    return allocation;
  }

  endAllocations(child: SimulatedChild, day: Day): void {
    for (const need of child.allocations) if (need.until === Infinity) need.until = day;
  }

  openCase(child: SimulatedChild): void {
    child.caseOpenUntil = Infinity;
  }

  closeCase(child: SimulatedChild, day: Day): void {
    this.endAllocations(child, day);
    child.caseOpenUntil = day;
    child.caseClosures.push(day);
  }
}
