import { describe, expect, it } from 'vitest';
import { foldChildRecord, FoldError, type LoggedEvent } from '../../record/fold.ts';
import { allowedActions } from '../../record/transitions.ts';
import { logged, registered } from '../private-fostering/test-builders.ts';
import { tasksSummaryOf } from './read-model.ts';
import { supervisionDueOf } from '../supervision/repo.ts';

const foldOf = (events: LoggedEvent[]) => foldChildRecord('206', 'TASKRULES1', events);
const setTask = (on: string, data: Record<string, unknown> = {}) =>
  logged('task.set', on, { description: 'Ask the school for attendance', sourceKind: 'strategy-discussion', teamId: 't-cin', workerId: 'sw-1', dueOn: '2024-03-15', ...data });

function refusalOf(events: LoggedEvent[]): FoldError {
  try {
    foldOf(events);
  } catch (error) {
    if (error instanceof FoldError) return error;
    throw error;
  }
  throw new Error('The log folded: expected a refusal');
}

describe('tasks on a child\'s record', () => {
  it('keeps a task from being set to being completed, with whom it was given to over time', () => {
    const task = setTask('2024-03-01');
    const { state } = foldOf([
      registered(), task,
      logged('task.reassigned', '2024-03-05', { teamId: 't-cin', workerId: 'sw-2', reason: 'sw-1 on leave' }),
      logged('task.completed', '2024-03-10', { outcome: 'Attendance is 82%' }),
    ]);
    const summary = tasksSummaryOf(state);
    expect(summary.open).toEqual([]);
    expect(summary.closed).toEqual([expect.objectContaining({
      taskId: task.eventId, status: 'completed', closedOn: '2024-03-10', outcome: 'Attendance is 82%', workerId: 'sw-2',
      assignments: [{ on: '2024-03-01', teamId: 't-cin', workerId: 'sw-1' }, { on: '2024-03-05', teamId: 't-cin', workerId: 'sw-2', reason: 'sw-1 on leave' }],
    })]);
  });

  it('gives a task to a team with no worker, and lists the open tasks soonest due first', () => {
    const { state } = foldOf([registered(), setTask('2024-03-01', { dueOn: '2024-04-01' }), setTask('2024-03-02', { workerId: undefined, dueOn: '2024-03-20' })]);
    const { open } = tasksSummaryOf(state);
    expect(open.map((task) => task.dueOn)).toEqual(['2024-03-20', '2024-04-01']);
    expect(open[0]!.workerId).toBeUndefined();
  });

  it('offers completing, reassigning and cancelling only while a task is open', () => {
    const open = [registered(), setTask('2024-03-01')];
    expect(allowedActions(foldOf(open).state)).toEqual(expect.arrayContaining(['task.set', 'task.completed', 'task.reassigned', 'task.cancelled']));
    const closed = [...open, logged('task.cancelled', '2024-03-02', { reason: 'Agreed at the review it is not needed' })];
    const actions = allowedActions(foldOf(closed).state);
    expect(actions).toContain('task.set');
    expect(actions).not.toContain('task.completed');
    expect(refusalOf([...closed, logged('task.completed', '2024-03-03', { outcome: 'Done' })]).code).toBe('conflict');
  });

  it('refuses a task due before it is set, a completion dated before it was set (folded in date order, there is no open task then), and a reassignment that changes nothing', () => {
    expect(refusalOf([registered(), setTask('2024-03-01', { dueOn: '2024-02-28' })]).message).toBe('The date the task is due must be on or after 2024-03-01, the day it is set');
    expect(refusalOf([registered(), setTask('2024-03-01'), logged('task.completed', '2024-02-20', { outcome: 'Done' })]).code).toBe('conflict');
    expect(refusalOf([registered(), setTask('2024-03-01'), logged('task.reassigned', '2024-03-02', { teamId: 't-cin', workerId: 'sw-1' })]).message)
      .toBe('Select a different worker or team, or give a new date the task is due');
  });

  it('asks which task when several are open and none is named', () => {
    const error = refusalOf([registered(), setTask('2024-03-01'), setTask('2024-03-01'), logged('task.completed', '2024-03-04', { outcome: 'Done' })]);
    expect(error.message).toContain('Select which task this is about: 2 are open');
  });
});

describe('supervision against the council\'s standard', () => {
  const worker = { worker_id: 'sw-1', name: 'Sam', role: 'social-worker', team_id: 't-cin', started_on: '2020-01-06' };
  it('is next due the standard\'s days after the last session, and overdue only after that day', () => {
    expect(supervisionDueOf({ ...worker, last_on: '2024-03-01' }, '2024-03-29', 28)).toMatchObject({ nextDueOn: '2024-03-29', overdue: false, daysSince: 28 });
    expect(supervisionDueOf({ ...worker, last_on: '2024-03-01' }, '2024-03-30', 28)).toMatchObject({ nextDueOn: '2024-03-29', overdue: true, daysSince: 29 });
    expect(supervisionDueOf({ ...worker, last_on: '2024-03-01' }, '2024-03-30', 42)).toMatchObject({ nextDueOn: '2024-04-12', overdue: false });
  });
  it('counts from a worker\'s start when they have never been supervised', () => {
    const due = supervisionDueOf({ ...worker, started_on: '2024-03-01', last_on: null }, '2024-04-01', 28);
    expect(due).toEqual({ workerId: 'sw-1', name: 'Sam', role: 'social-worker', teamId: 't-cin', nextDueOn: '2024-03-29', overdue: true, daysSince: 31 });
  });
});
