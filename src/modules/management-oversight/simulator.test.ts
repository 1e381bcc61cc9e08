import { beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import { ChildEvent } from '../../record/events.ts';
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';
import { boroughOfSize, islingtonShapedBorough } from '../../simulate/borough.ts';
import { Random } from '../../simulate/random.ts';
import { simulateBorough } from '../../simulate/simulate.ts';
import { managementOversightVolumes } from './simulator.ts';

/**
 * A small borough simulated over a year, as the simulator writes the interchange file: every
 * completed assessment is submitted and authorised a few working days later, some returned first,
 * and those completed in the last days still await a manager at the end of the run.
 */
const FROM = '2024-04-01';

function simulatedLines(): string[] {
  const simulation = simulateBorough(boroughOfSize(islingtonShapedBorough, 8000), { seed: 11, years: 1, from: FROM, warmUpYears: 0 }, new Random(11));
  return [...simulation.lines()];
}

function logsOf(lines: readonly string[]) {
  const logs = new Map<string, LoggedEvent[]>();
  const workers = new Map<string, string>();
  for (const line of lines) {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (value.record === 'worker') workers.set(value.workerId as string, value.role as string);
    if (value.record !== undefined) continue;
    const event = ChildEvent.parse(value);
    const log = logs.get(event.childId) ?? [];
    log.push({ ...event, sequence: log.length + 1 } as LoggedEvent);
    logs.set(event.childId, log);
  }
  return { logs, workers };
}

describe('management oversight in a synthetic borough', () => {
  let lines: string[];
  let simulated: ReturnType<typeof logsOf>;
  beforeAll(() => {
    lines = simulatedLines();
    simulated = logsOf(lines);
  }, 600_000);

  it('writes records the record\'s own rules accept, each completed assessment submitted by a worker and authorised by a service manager', () => {
    const calendar = createCalendar();
    let completed = 0;
    let authorised = 0;
    let returned = 0;
    let awaiting = 0;
    for (const [childId, events] of simulated.logs) {
      const { state } = foldChildRecord(islingtonShapedBorough.laCode, childId, events);
      for (const episode of state.episodes) {
        for (const assessment of episode.assessments.filter((a) => a.completedOn !== undefined)) {
          completed += 1;
          const item = state.authorisations.find((a) => a.subjectId === assessment.assessmentId);
          if (!item) continue;
          if (item.steps.some((step) => step.step === 'returned')) returned += 1;
          if (item.status === 'awaiting-authorisation') awaiting += 1;
          if (item.status !== 'authorised') continue;
          authorised += 1;
          expect(simulated.workers.get(item.authorisedByUserId!)).toBe('service-manager');
          expect(simulated.workers.get(item.submittedByUserId)).not.toBe('service-manager');
          // A plausible few working days after completion.
          const workingDays = calendar.workingDaysBetween(assessment.completedOn!, item.authorisedOn!);
          expect(workingDays).toBeGreaterThanOrEqual(1);
          expect(workingDays).toBeLessThanOrEqual(managementOversightVolumes.daysToSubmit + 2 * managementOversightVolumes.daysToDecide + 4);
        }
      }
    }
    expect(completed).toBeGreaterThan(50);
    // All but those completed in the run's last days are authorised; about one in ten was returned first.
    expect(authorised / completed).toBeGreaterThan(0.9);
    expect(returned / completed).toBeGreaterThan(0.03);
    expect(returned / completed).toBeLessThan(0.2);
    expect(awaiting).toBeGreaterThan(0);
    expect(awaiting).toBeLessThan(completed / 10);
  });

  it('records each decision in the name of the manager who made it', () => {
    const decisions = [...simulated.logs.values()].flat().filter((event) => event.type === 'approval.authorised' || event.type === 'approval.returned');
    expect(decisions.length).toBeGreaterThan(50);
    for (const event of decisions) {
      const data = event.data as { authorisedByUserId?: string; returnedByUserId?: string };
      expect((event as unknown as { recordedBy: { userId: string } }).recordedBy.userId).toBe(data.authorisedByUserId ?? data.returnedByUserId);
    }
  });

  it('is the same borough from the same seed', () => {
    expect(simulatedLines().filter((line) => line.includes('"approval.'))).toEqual(lines.filter((line) => line.includes('"approval.')));
  }, 600_000);
});
