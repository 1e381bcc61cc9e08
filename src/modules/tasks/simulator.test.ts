import { beforeAll, describe, expect, it } from 'vitest';
import { foldChildRecord } from '../../record/fold.ts';
import { boroughOfSize, islingtonShapedBorough } from '../../simulate/borough.ts';
import { simulatedChildLogs, withEventsOf } from '../../simulate/test-support.ts';
import type { TasksState } from './state.ts';

/** A borough of a quarter of the default's children over two years, as the simulator writes the interchange file. */
function simulatedTasks(seed: number) {
  return withEventsOf(simulatedChildLogs(boroughOfSize(islingtonShapedBorough, Math.round(islingtonShapedBorough.children / 4)), { seed, years: 2, from: '2023-04-01', warmUpYears: 0 }).logs, 'task.');
}

describe('tasks in a synthetic borough', () => {
  let logs: ReturnType<typeof simulatedTasks>;
  beforeAll(() => {
    logs = simulatedTasks(11);
  }, 600_000);

  it('sets tasks from strategy discussions and core groups that the record\'s own rules accept', () => {
    expect(logs.length).toBeGreaterThan(20);
    const kinds = new Set<string>();
    for (const { childId, events } of logs) {
      const { state } = foldChildRecord(islingtonShapedBorough.laCode, childId, events);
      for (const task of (state as unknown as TasksState).tasks) {
        kinds.add(task.sourceKind);
        // Each names the meeting it arose from, on the child's own record, and a worker with their team.
        expect(events.find((e) => e.eventId === task.sourceEventId)?.occurredAt.slice(0, 10)).toBe(task.setOn);
        expect(task.workerId).toMatch(/^W\d{4}$/);
        expect(task.teamId).toMatch(/^child-protection-\d+$/);
      }
    }
    expect([...kinds].sort()).toEqual(['core-group', 'strategy-discussion']);
  });

  it('completes most tasks on time, some late, and leaves a few open', () => {
    const tasks = logs.flatMap(({ childId, events }) => (foldChildRecord(islingtonShapedBorough.laCode, childId, events).state as unknown as TasksState).tasks);
    const completed = tasks.filter((task) => task.status === 'completed');
    const onTime = completed.filter((task) => task.closedOn! <= task.dueOn).length / tasks.length;
    expect(onTime).toBeGreaterThan(0.65);
    expect(onTime).toBeLessThan(0.9);
    expect(completed.some((task) => task.closedOn! > task.dueOn)).toBe(true);
    expect(tasks.some((task) => task.status === 'open')).toBe(true);
  });
});
