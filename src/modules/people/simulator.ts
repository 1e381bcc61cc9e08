/**
 * The people module in the synthetic borough: a child's registration when first contacted (with
 * the household and siblings already known), and the workforce: teams and social workers with
 * turnover, children allocated to them, and who recorded each event.
 */
import { disabilityCodes } from '../../codes/statutory-codes.ts';
import { dateTimeOf, isoOf, type Day } from '../../simulate/dates.ts';
import { forenameFor, surnameFor } from '../../simulate/names.ts';
import { Random } from '../../simulate/random.ts';
import {
  journeyStage, takeStage, TeamOfNamedWorker, WorkerToBeNamed,
  type AllocationNeed, type Family, type Journey, type NewWorkforceEvent, type SimulatedChild, type SimulatedEvent, type SimulatedRecorder,
  type SimulatedWorkforce, type SimulatorBehaviour, type TeamPlan, type WorkforceSetup,
} from '../../simulate/simulator-behaviour.ts';
import type { PeopleState } from './state.ts';
import { schoolStartOn, simulatedUpn } from './upn.ts';
import type { Team, Worker } from './workforce.ts';

/** A child comes to children's services for the first time: the front door registers them. */
export const childRegistration = journeyStage<{ family: Family; child: SimulatedChild; day: Day }>('child-registration', () => {});

function register(journey: Journey, { family, child, day }: { family: Family; child: SimulatedChild; day: Day }): void {
  const { random } = journey;
  child.registeredDay = day;
  const unborn = child.birthDay > day;
  const details: Record<string, unknown> = {
    forename: unborn ? 'Unborn' : child.forename,
    surname: family.surname,
    sex: unborn ? 'U' : child.sex,
    ethnicity: random.chance(journey.borough.ethnicityNotRecorded) ? 'NOBT' : child.ethnicity,
    disabilities: child.disabilities.length > 0 ? withFurtherDisabilities(child) : ['NONE'],
    address: { postcode: family.postcode },
    ...(unborn ? { expectedDateOfBirth: isoOf(child.birthDay) } : { dateOfBirth: isoOf(child.birthDay) }),
    ...pupilNumberOn(journey, child, day),
  };
  if (random.chance(0.3)) details.firstLanguage = random.pick(['English', 'Bengali', 'Somali', 'Turkish', 'Arabic', 'Polish', 'Portuguese', 'Spanish', 'Albanian', 'Tigrinya']);
  journey.addEvent(child, 'child.registered', day, details);
  journey.addEvent(child, 'household.joined', day, { householdId: family.householdId });
  for (const sibling of family.children) {
    if (sibling !== child && sibling.registeredDay !== undefined) {
      journey.addEvent(child, 'relationship.recorded', day, { relationship: 'sibling', relatedChildId: sibling.childId, livesWithChild: true });
    }
  }
  if (details.ethnicity === 'NOBT' && random.chance(0.6)) {
    journey.addEvent(child, 'child.details-changed', Math.min(journey.window.end - 1, day + random.integer(5, 90)), { ethnicity: child.ethnicity });
  }
  if (unborn) {
    journey.addEvent(child, 'child.details-changed', child.birthDay, { forename: child.forename, sex: child.sex, dateOfBirth: isoOf(child.birthDay) });
  }
}

/** The disabilities a disabled child might also have, once chosen: the rest of the census's codes. */
const furtherDisabilityCodes = Object.keys(disabilityCodes).filter((code) => code !== 'NONE');

/**
 * A disabled child's disabilities as recorded: about a third have more than one (a learning
 * disability with autism or a communication need…), as the CIN census expects to see. Drawn from
 * a stream of the child's own, so no other draw of the borough changes.
 */
function withFurtherDisabilities(child: SimulatedChild): string[] {
  const own = new Random(`${child.childId}:further-disabilities`);
  if (!own.chance(0.35)) return child.disabilities;
  return [...child.disabilities, own.pick(furtherDisabilityCodes.filter((code) => !child.disabilities.includes(code)))];
}

/** A school-age child's UPN when first registered; before school age, why there is none (UN1: not yet of school age). */
function pupilNumberOn(journey: Journey, child: SimulatedChild, day: Day): { upn: string } | { upnUnknown: string } {
  const startsSchool = schoolStartOn(isoOf(child.birthDay));
  return startsSchool <= isoOf(day) ? { upn: simulatedUpn(journey.borough.laCode, child.childId, startsSchool) } : { upnUnknown: 'UN1' };
}

interface SimulatedWorker extends Worker {
  startDay: Day;
  leaveDay: Day;
  caseload: Set<string>;
}

/** Children in the borough the team plans are sized for. */
const PLANNED_CHILDREN = 38_300;

/**
 * Teams and social workers, with turnover: workers leave (about one in six a year) and are
 * replaced; their children are reallocated, which is what makes continuity of worker a figure
 * worth reporting. Children are allocated to the worker in the right team with the fewest
 * children at that moment.
 */
class BoroughWorkforce implements SimulatedWorkforce {
  private readonly teams: Team[] = [];
  private readonly workers: SimulatedWorker[] = [];
  private readonly planOfTeam = new Map<string, TeamPlan>();
  private readonly recordingService = new Map<string, string>();
  private readonly serviceWhenNoneAllocated: string;
  private nextWorker = 1;
  // Looked up when the events are written, once the run's hiring is over, in the order the workers were hired.
  private byId: Map<string, SimulatedWorker> | undefined;
  private byService: Map<string, SimulatedWorker[]> | undefined;
  private holdingCases: SimulatedWorker[] | undefined;

  constructor(private readonly random: Random, children: number, start: Day, plans: readonly TeamPlan[]) {
    const scale = Math.max(0.25, children / PLANNED_CHILDREN);
    for (const plan of plans) {
      const count = Math.max(1, Math.round(plan.teams * (plan.holdsCases ? scale : 1)));
      for (let i = 1; i <= count; i += 1) {
        const teamId = `${plan.service}-${i}`;
        this.teams.push({ teamId, name: count > 1 ? `${plan.name} ${i}` : plan.name, service: plan.service as Team['service'] });
        this.planOfTeam.set(teamId, plan);
        for (let w = 0; w < plan.members; w += 1) this.hire(teamId, start - random.integer(0, 2000));
      }
      for (const type of plan.records ?? []) this.recordingService.set(type, plan.service);
    }
    const recordsWhenNoneAllocated = plans.find((plan) => plan.recordsWhenNoneAllocated);
    if (!recordsWhenNoneAllocated) throw new Error('No team records what happens while no worker is allocated to a child (recordsWhenNoneAllocated)');
    this.serviceWhenNoneAllocated = recordsWhenNoneAllocated.service;
  }

  private hire(teamId: string, startDay: Day): SimulatedWorker {
    const ethnicity = this.random.weighted({ WBRI: 0.5, WOTH: 0.15, BAFR: 0.12, BCRB: 0.08, ABAN: 0.05, MOTH: 0.05, OOTH: 0.05 });
    const sex = this.random.chance(0.8) ? 'F' : 'M';
    const worker: SimulatedWorker = {
      workerId: `W${String(this.nextWorker++).padStart(4, '0')}`,
      name: `${forenameFor(this.random, ethnicity, sex)} ${surnameFor(this.random, ethnicity)}`,
      role: this.planOfTeam.get(teamId)!.role as Worker['role'], teamId, agency: 'childrens-social-care', startedOn: isoOf(startDay), startDay,
      leaveDay: startDay + Math.round(this.random.exponential(6 * 365)), caseload: new Set(),
    };
    this.workers.push(worker);
    return worker;
  }

  allocate(children: readonly SimulatedChild[], end: Day, newEvent: NewWorkforceEvent): void {
    const byChild = new Map(children.map((child) => [child.childId, child]));
    const needs: AllocationNeed[] = children.flatMap((child) => child.allocations).filter((need) => need.from < end && need.from < need.until);
    needs.sort((a, b) => a.from - b.from || a.minute - b.minute || a.childId.localeCompare(b.childId));
    const releases: { day: Day; childId: string; worker: SimulatedWorker }[] = [];

    const release = (today: Day) => {
      for (let i = releases.length - 1; i >= 0; i -= 1) {
        const entry = releases[i]!;
        if (entry.day <= today) {
          entry.worker.caseload.delete(entry.childId);
          releases.splice(i, 1);
        }
      }
    };
    const pickWorker = (service: string, day: Day): SimulatedWorker => {
      const teams = this.teams.filter((t) => t.service === service).map((t) => t.teamId);
      let candidates = this.workers.filter((w) => teams.includes(w.teamId) && w.startDay <= day && w.leaveDay > day);
      if (candidates.length === 0) candidates = [this.hire(this.random.pick(teams), day)];
      return candidates.reduce((best, w) => (w.caseload.size < best.caseload.size ? w : best));
    };
    const assign = (child: SimulatedChild, need: AllocationNeed, day: Day, minute: number) => {
      release(day);
      const worker = pickWorker(need.service, day);
      worker.caseload.add(child.childId);
      newEvent(child, 'allocation.started', day, dateTimeOf(day, minute), { workerId: worker.workerId, teamId: worker.teamId });
      if (need.until !== Infinity) releases.push({ day: need.until, childId: child.childId, worker });
      // A worker who leaves hands the child on: reallocated within a few days.
      if (worker.leaveDay < need.until && worker.leaveDay < end) {
        const replacementDay = worker.leaveDay + this.random.integer(1, 6);
        if (replacementDay < need.until && replacementDay < end) {
          pending.push({ ...need, from: replacementDay, minute: this.random.integer(0, 500) });
          pending.sort((a, b) => a.from - b.from || a.minute - b.minute || a.childId.localeCompare(b.childId));
        }
        releases.push({ day: worker.leaveDay, childId: child.childId, worker });
      }
    };
    const pending: AllocationNeed[] = [];
    const hireReplacements = (upTo: Day) => {
      for (const worker of [...this.workers]) {
        if (worker.leaveDay <= upTo && !replaced.has(worker.workerId)) {
          replaced.add(worker.workerId);
          worker.leftOn = isoOf(worker.leaveDay);
          if (worker.leaveDay < end) this.hire(worker.teamId, worker.leaveDay + this.random.integer(20, 90));
        }
      }
    };
    const replaced = new Set<string>();
    let index = 0;
    while (index < needs.length || pending.length > 0) {
      const next = pending.length > 0 && (index >= needs.length || pending[0]!.from <= needs[index]!.from) ? pending.shift()! : needs[index++]!;
      hireReplacements(next.from);
      assign(byChild.get(next.childId)!, next, next.from, next.minute);
    }
    hireReplacements(end);

    // The allocation ends with the case.
    for (const child of children) {
      for (const closedOn of child.caseClosures) {
        const allocated = child.events.some((e) => e.type === 'allocation.started' && e.day <= closedOn);
        if (allocated) newEvent(child, 'allocation.ended', closedOn, isoOf(closedOn), {});
      }
    }
  }

  referenceRecords(): { record: string; rows: object[] }[] {
    return [
      { record: 'team', rows: this.teams },
      { record: 'worker', rows: this.workers.map(({ startDay: _s, leaveDay: _l, caseload: _c, ...worker }) => worker) },
    ];
  }

  recorderFor(random: Random): (event: SimulatedEvent) => { data: Record<string, unknown>; recordedBy: SimulatedRecorder } {
    let allocatedWorker: SimulatedWorker | undefined;
    return (event) => {
      if (event.type === 'allocation.started') allocatedWorker = this.workerById().get(event.data.workerId as string);
      const data = { ...event.data };
      for (const [field, value] of Object.entries(data)) {
        if (!(value instanceof WorkerToBeNamed)) continue;
        data[field] = value.service !== undefined ? random.pick(this.workersOf(value.service)).workerId : allocatedWorker?.workerId ?? random.pick(this.caseHolders()).workerId;
      }
      // Teams follow the workers named above (no draw is made for them).
      for (const [field, value] of Object.entries(data)) {
        if (value instanceof TeamOfNamedWorker) data[field] = this.workerById().get(data[value.workerField] as string)?.teamId;
      }
      const recordingService = this.recordingService.get(event.type);
      const recorder = recordingService !== undefined || !allocatedWorker ? random.pick(this.workersOf(recordingService ?? this.serviceWhenNoneAllocated)) : allocatedWorker;
      return { data, recordedBy: { userId: recorder.workerId, role: recorder.role, agency: recorder.agency } };
    };
  }

  private workerById(): Map<string, SimulatedWorker> {
    return (this.byId ??= new Map(this.workers.map((worker) => [worker.workerId, worker])));
  }

  private workersOf(service: string): SimulatedWorker[] {
    this.byService ??= new Map();
    let workers = this.byService.get(service);
    if (!workers) this.byService.set(service, (workers = this.workers.filter((worker) => this.planOfTeam.get(worker.teamId)!.service === service)));
    return workers;
  }

  private caseHolders(): SimulatedWorker[] {
    return (this.holdingCases ??= this.workers.filter((worker) => this.planOfTeam.get(worker.teamId)!.holdsCases));
  }
}

export const peopleSimulator: SimulatorBehaviour<PeopleState> = {
  takes: [takeStage(childRegistration, register)],
  sameDayRanks: {
    'child.registered': 0, 'household.joined': 1, 'relationship.recorded': 2, 'child.details-changed': 2, 'allocation.started': 8, 'allocation.ended': 21,
  },
  workforce: ({ random, children, start, teams }: WorkforceSetup) => new BoroughWorkforce(random, children, start, teams),
};
