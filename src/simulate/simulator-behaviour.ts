/**
 * What a domain module contributes to the synthetic borough: its steps of a family's journey, the
 * teams that do its work, where its events fall in a day's recording, the rates it is tuned with,
 * and the published figures it is calibrated on. The engine (simulate.ts, journeys.ts,
 * calibration.ts) reads each module's `simulator` from the registry and names no module.
 *
 * This file is the contract between the two sides and imports no registry: modules import it.
 */
import type { Calendar } from '../platform/calendar/calendar.ts';
import type { BoroughProfile } from './borough.ts';
import type { Day, SimulationCalendar } from './dates.ts';
import type { Random } from './random.ts';

/** One event of a simulated child's record, before it is written out. */
export interface SimulatedEvent {
  eventId: string;
  type: string;
  day: Day;
  occurredAt: string;
  data: Record<string, unknown>;
  /** Days between the event and its recording (most same day; some late, as in real records). */
  recordingLag: number;
  /** The order it was added in: among a child's events of one day and rank, the earlier added comes first. */
  push: number;
  /** The id of the module whose random stream of its own it was drawn from (`ownRandomStream`): who recorded it is drawn from that stream too. */
  stream?: string;
}

export interface SimulatedChild {
  childId: string;
  familyId: string;
  forename: string;
  sex: 'M' | 'F';
  ethnicity: string;
  /** Born on this day, or expected then when the child is unborn at registration. */
  birthDay: Day;
  disabilities: string[];
  registeredDay?: Day;
  events: SimulatedEvent[];
  /** Allocation requests: the workforce turns them into allocation events. */
  allocations: AllocationNeed[];
  // What later stages leave for earlier ones to read when the child comes back to the front door.
  /** The day the child's case closes: Infinity while open (and when still open at the end of the run), -Infinity before the first. */
  caseOpenUntil: Day;
  /** The days the child's cases closed, in order: the child's allocation ends on each. */
  caseClosures: Day[];
  /** Child protection plans the child has had: a child who has had one is referred and conferenced more readily. */
  protectionPlans: number;
}

export interface AllocationNeed {
  childId: string;
  /** First day the child needs a worker, the minute of the day, and the last day (exclusive) or Infinity. */
  from: Day;
  minute: number;
  until: Day;
  /** The service of the team whose worker is allocated (a team plan's `service`). */
  service: string;
}

export interface Family {
  familyId: string;
  surname: string;
  ethnicity: string;
  postcode: string;
  householdId: string;
  /** The family's latent level of need: how often it comes to the front door, and how serious its incidents are. */
  risk: number;
  children: SimulatedChild[];
}

/** The child's age in years on the day. */
export function ageOn(child: SimulatedChild, day: Day): number {
  return (day - child.birthDay) / 365.25;
}

/**
 * A step of a journey that one module hands on to another (a referral from the front door, a
 * strategy discussion asked for during an assessment). It is named and typed by the module both
 * sides can see, the one nearer the front door, and taken by whichever registered module takes it,
 * so neither imports the other's internals.
 */
export interface JourneyStage<Input, Output> {
  readonly name: string;
  /** What the stage answers when no registered module takes it. */
  readonly untaken: (input: Input) => Output;
}

export function journeyStage<Input, Output = void>(name: string, untaken: (input: Input) => Output): JourneyStage<Input, Output> {
  return { name, untaken };
}

/** A stage a module takes, and how it runs it. */
export interface StageTaken<Input = never, Output = unknown> {
  readonly stage: JourneyStage<Input, Output>;
  readonly run: (journey: Journey, input: Input) => Output;
}

export function takeStage<Input, Output>(stage: JourneyStage<Input, Output>, run: (journey: Journey, input: Input) => Output): StageTaken<Input, Output> {
  return { stage, run };
}

/** What a module's steps use of the simulation: the journeys' random stream, the calendar, the run, and the child's record. */
export interface Journey {
  /** The one stream every journey of the borough draws from, in order: the same seed gives the same borough. */
  readonly random: Random;
  readonly calendar: SimulationCalendar;
  readonly borough: BoroughProfile;
  /** The days simulated (the warm-up years included); nothing on or after `end` is written. */
  readonly window: { readonly start: Day; readonly end: Day };
  /** Adds an event to the child's record, recorded the same day or, for some, later. */
  addEvent(child: SimulatedChild, type: string, day: Day, data?: Record<string, unknown>, occurredAt?: string): SimulatedEvent;
  /** Runs the stage through the module that takes it, and answers what it answers. */
  handOn<Input, Output>(stage: JourneyStage<Input, Output>, input: Input): Output;
  /** A child who joins the family during the run (a baby the front door is told about before birth). */
  addChild(family: Family, child: Pick<SimulatedChild, 'forename' | 'sex' | 'birthDay' | 'disabilities'>): SimulatedChild;
  /** Asks for a worker of the service for the child from a day, until ended. */
  allocate(child: SimulatedChild, need: Pick<AllocationNeed, 'from' | 'minute' | 'service'>): AllocationNeed;
  /** Ends the child's open allocations on the day (a worker of another service takes over). */
  endAllocations(child: SimulatedChild, day: Day): void;
  openCase(child: SimulatedChild): void;
  /** Closes the child's case on the day: its allocations end with it. */
  closeCase(child: SimulatedChild, day: Day): void;
}

/** The teams that do a module's work. */
export interface TeamPlan {
  /** The service its teams give: what allocations ask for (`AllocationNeed.service`). */
  service: string;
  /** The teams' name, numbered when there are several. */
  name: string;
  /** How many such teams a borough of 38,300 children has. */
  teams: number;
  /** Workers in each team when the run starts. */
  members: number;
  role: string;
  /**
   * Children are allocated to its workers. Such teams grow and shrink with the borough, and any of
   * their workers may stand in where an event names the allocated worker and none is allocated.
   */
  holdsCases: boolean;
  /** Event types its workers record, whoever is allocated to the child. */
  records?: readonly string[];
  /** Its workers record whatever happens while no worker is allocated to the child. */
  recordsWhenNoneAllocated?: boolean;
}

/**
 * A worker an event's data names before the borough's workforce exists (the manager who decided a
 * contact, the chair of a conference): the workforce names one when the events are written.
 */
export class WorkerToBeNamed {
  private constructor(
    /** A worker of a team giving this service; with none, the child's allocated worker. */
    readonly service: string | undefined,
  ) {}

  /** Any worker of a team giving the service. */
  static ofTeam(service: string): WorkerToBeNamed {
    return new WorkerToBeNamed(service);
  }

  /** The child's allocated worker; with none allocated, any worker of a team that holds cases. */
  static readonly allocated = new WorkerToBeNamed(undefined);
}

/**
 * The team of the worker another field of the event names (`workerField`), filled in once the
 * workforce has named that worker: a task given to a worker names their team too.
 */
export class TeamOfNamedWorker {
  constructor(readonly workerField: string) {}
}

/** Who recorded a simulated event. */
export interface SimulatedRecorder {
  userId: string;
  role: string;
  agency: string;
}

export type NewWorkforceEvent = (child: SimulatedChild, type: string, day: Day, occurredAt: string, data: Record<string, unknown>) => SimulatedEvent;

/** The borough's teams and workers over the run, from one module. */
export interface SimulatedWorkforce {
  /** Turns every child's allocation needs into allocation events, in time order across the borough, and ends them when a case closes. */
  allocate(children: readonly SimulatedChild[], end: Day, newEvent: NewWorkforceEvent): void;
  /** Reference data written before the children's events, by kind of record ('team', 'worker'). */
  referenceRecords(): readonly { record: string; rows: readonly object[] }[];
  /**
   * For one child, answers who recorded each event and the event's data with its workers named;
   * it is given the child's events in business order.
   */
  recorderFor(random: Random): (event: SimulatedEvent) => { data: Record<string, unknown>; recordedBy: SimulatedRecorder };
}

export interface WorkforceSetup {
  random: Random;
  /** Children aged 0–17 in the borough. */
  children: number;
  /** The first day of the run. */
  start: Day;
  /** Every module's teams, in the registry's order. */
  teams: readonly TeamPlan[];
}

/** A figure the simulation is calibrated on, measured on the fold of a simulated borough. */
export interface CalibrationRow {
  measure: string;
  target: number;
  simulated: number;
  /** Allowed distance from the target, in the measure's own units. */
  tolerance: number;
  unit: '%' | 'per 10,000' | 'count';
  withinTolerance: boolean;
}

/** The year a calibration is measured over, and the arithmetic its rows share. */
export interface CalibrationYear {
  /** Children aged 0–17 in the borough. */
  children: number;
  yearStart: string;
  yearEnd: string;
  calendar: Calendar;
  inYear(date: string | undefined): boolean;
  percent(part: number, whole: number): number;
  per10k(count: number): number;
  row(measure: string, target: number, simulated: number, tolerance: number, unit: CalibrationRow['unit']): CalibrationRow;
}

/**
 * A module's simulator behaviour. `View` is the part of the folded child record its calibration
 * reads (its `DomainModule` view).
 */
export interface SimulatorBehaviour<View = never> {
  /**
   * Where journeys begin (the front door): prepared once from all the borough's families, then
   * run for each family in turn over the window.
   */
  beginsJourneys?: (borough: BoroughProfile, families: readonly Family[]) => (journey: Journey, family: Family) => void;
  /** The stages it takes when a module hands on. */
  takes?: readonly StageTaken[];
  /**
   * Its journeys draw from a random stream of their own (seeded from the borough's seed and the
   * module's id), and begin after every other module's journeys of the borough: a module added to
   * the registry so leaves every other child of a seeded borough as it was, event for event. Its
   * journeys' `random` is that stream, and who recorded its events is drawn from another of its own.
   */
  ownRandomStream?: boolean;
  /**
   * With `ownRandomStream`: its journeys run after every other module's, so that they meet every
   * child the others registered (the family network is drawn for each registered child, whichever
   * module's journey brought the child to the council).
   */
  runsLast?: boolean;
  /**
   * Where its event types fall in the order a worker records one day's events for a child, on the
   * scale all modules share: 0 registration and the family, 3–6 the front door, 7 the referral,
   * 8 allocation, 9–19 casework, 20 closure, 21 the allocation ending. An unranked type is 10.
   */
  sameDayRanks?: Readonly<Record<string, number>>;
  /** The teams that do its work, from which the workforce hires. */
  teams?: readonly TeamPlan[];
  /**
   * Reference lines its journeys made that are part of no child's record (the adults of the
   * families' networks), written after the workforce's and before the children's events.
   */
  referenceLines?: (families: readonly Family[]) => readonly { record: string; rows: readonly object[] }[];
  /** The borough's workforce: hires the teams, allocates workers and names who recorded what. One module gives it. */
  workforce?: (setup: WorkforceSetup) => SimulatedWorkforce;
  /** How often its steps happen: the rates its stages are tuned with, against its calibration targets. */
  volumes?: Readonly<Record<string, number>>;
  /**
   * Measures the published figures its behaviour is calibrated on, each against its target and
   * tolerance. Given no states, it still lists every target.
   */
  calibration?: (states: readonly View[], year: CalibrationYear) => CalibrationRow[];
}
