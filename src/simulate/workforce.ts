import type { Team, Worker } from '../modules/people/workforce.ts';
import { forenameFor, surnameFor } from './names.ts';
import { isoOf, dateTimeOf, type Day } from './dates.ts';
import type { AllocationNeed, SimulatedChild, SimulatedEvent } from './journeys.ts';
import type { Random } from './random.ts';

interface SimulatedWorker extends Worker {
  startDay: Day;
  leaveDay: Day;
  caseload: Set<string>;
}

const teamPlan: { service: Team['service']; name: string; count: number; role: Worker['role'] }[] = [
  { service: 'front-door', name: "Children's services contact team", count: 1, role: 'front-door-officer' },
  { service: 'assessment', name: 'Assessment team', count: 2, role: 'social-worker' },
  { service: 'children-in-need', name: 'Children in need team', count: 3, role: 'social-worker' },
  { service: 'child-protection', name: 'Safeguarding and family support team', count: 3, role: 'social-worker' },
  { service: 'conference-and-review', name: 'Child protection chairs', count: 1, role: 'cp-chair' },
];

/**
 * Teams and social workers, with turnover: workers leave (about one in six a year) and are
 * replaced; their children are reallocated, which is what makes continuity of worker a figure
 * worth reporting. Children are allocated to the worker in the right team with the fewest
 * children at that moment.
 */
export class SimulatedWorkforce {
  readonly teams: Team[] = [];
  readonly workers: SimulatedWorker[] = [];
  private nextWorker = 1;

  constructor(private readonly random: Random, private readonly children: number, private readonly start: Day) {
    const scale = Math.max(0.25, children / 38_300);
    for (const plan of teamPlan) {
      const count = Math.max(1, Math.round(plan.count * (plan.service === 'front-door' || plan.service === 'conference-and-review' ? 1 : scale)));
      for (let i = 1; i <= count; i += 1) {
        const teamId = `${plan.service}-${i}`;
        this.teams.push({ teamId, name: count > 1 ? `${plan.name} ${i}` : plan.name, service: plan.service });
        const size = plan.service === 'front-door' ? 8 : plan.service === 'conference-and-review' ? 5 : 7;
        for (let w = 0; w < size; w += 1) this.hire(teamId, plan.role, start - random.integer(0, 2000));
      }
    }
  }

  private hire(teamId: string, role: Worker['role'], startDay: Day): SimulatedWorker {
    const ethnicity = this.random.weighted({ WBRI: 0.5, WOTH: 0.15, BAFR: 0.12, BCRB: 0.08, ABAN: 0.05, MOTH: 0.05, OOTH: 0.05 });
    const sex = this.random.chance(0.8) ? 'F' : 'M';
    const worker: SimulatedWorker = {
      workerId: `W${String(this.nextWorker++).padStart(4, '0')}`,
      name: `${forenameFor(this.random, ethnicity, sex)} ${surnameFor(this.random, ethnicity)}`,
      role, teamId, agency: 'childrens-social-care', startedOn: isoOf(startDay), startDay,
      leaveDay: startDay + Math.round(this.random.exponential(6 * 365)), caseload: new Set(),
    };
    this.workers.push(worker);
    return worker;
  }

  /** Turns every child's allocation needs into allocation events, in time order across the borough. */
  allocate(children: SimulatedChild[], end: Day, newEvent: (child: SimulatedChild, type: string, day: Day, occurredAt: string, data: Record<string, unknown>) => SimulatedEvent): void {
    const byChild = new Map(children.map((child) => [child.childId, child]));
    const needs: AllocationNeed[] = children.flatMap((child) => child.allocations).filter((need) => need.from < end && need.from < need.until);
    needs.sort((a, b) => a.from - b.from || a.minute - b.minute || a.childId.localeCompare(b.childId));
    const current = new Map<string, { worker: SimulatedWorker; until: Day }>();
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
      if (candidates.length === 0) candidates = [this.hire(this.random.pick(teams), 'social-worker', day)];
      return candidates.reduce((best, w) => (w.caseload.size < best.caseload.size ? w : best));
    };
    const assign = (child: SimulatedChild, need: AllocationNeed, day: Day, minute: number) => {
      release(day);
      const worker = pickWorker(need.service, day);
      worker.caseload.add(child.childId);
      newEvent(child, 'allocation.started', day, dateTimeOf(day, minute), { workerId: worker.workerId, teamId: worker.teamId });
      current.set(child.childId, { worker, until: need.until });
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
          if (worker.leaveDay < end) this.hire(worker.teamId, worker.role, worker.leaveDay + this.random.integer(20, 90));
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
  }

  referenceData(): { teams: Team[]; workers: Worker[] } {
    return {
      teams: this.teams,
      workers: this.workers.map(({ startDay: _s, leaveDay: _l, caseload: _c, ...worker }) => worker),
    };
  }
}
