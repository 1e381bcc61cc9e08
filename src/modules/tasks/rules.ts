import { DomainError } from '../../platform/errors.ts';
import { openItemFor, type Reducers, type TransitionRow } from '../domain-module.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import type { taskEvents } from './events.ts';
import { openTasksOf, type TasksState } from './state.ts';

type TasksView = TasksState & PeopleState;

/** The open task an event names (or the only one open); refused if dated before the task was set. */
const openTaskFor = (state: TasksState, event: { type: string; occurredOn: string; data: { taskId?: string } }) => openItemFor(event, {
  among: openTasksOf(state), idOf: (task) => task.taskId, field: 'taskId', what: 'task',
  beganOn: (task) => task.setOn, began: 'the task was set',
});

/** A task is due on or after the day it is set or moved. */
function requireDueOnOrAfter(dueOn: string, on: string): void {
  if (dueOn < on) throw DomainError.invalidField('data.dueOn', `The date the task is due must be on or after ${on}, the day it is set`);
}

export const taskReducers: Reducers<typeof taskEvents, TasksView> = {
  'task.set': (state, event) => {
    const { data } = event;
    requireDueOnOrAfter(data.dueOn, event.occurredOn);
    state.tasks.push({
      taskId: event.entityId,
      description: data.description,
      sourceKind: data.sourceKind,
      ...(data.sourceEventId ? { sourceEventId: data.sourceEventId } : {}),
      setOn: event.occurredOn,
      dueOn: data.dueOn,
      teamId: data.teamId,
      ...(data.workerId ? { workerId: data.workerId } : {}),
      status: 'open',
      assignments: [{ on: event.occurredOn, teamId: data.teamId, ...(data.workerId ? { workerId: data.workerId } : {}) }],
    });
  },
  'task.reassigned': (state, event) => {
    const task = openTaskFor(state, event);
    const { data } = event;
    if (data.teamId === task.teamId && data.workerId === task.workerId && (data.dueOn === undefined || data.dueOn === task.dueOn)) {
      throw DomainError.invalidField('data.workerId', 'Select a different worker or team, or give a new date the task is due');
    }
    if (data.dueOn !== undefined) requireDueOnOrAfter(data.dueOn, event.occurredOn);
    task.teamId = data.teamId;
    if (data.workerId) task.workerId = data.workerId;
    else delete task.workerId;
    if (data.dueOn !== undefined) task.dueOn = data.dueOn;
    task.assignments.push({
      on: event.occurredOn, teamId: data.teamId, ...(data.workerId ? { workerId: data.workerId } : {}), ...(data.reason ? { reason: data.reason } : {}),
    });
  },
  'task.completed': (state, event) => {
    const task = openTaskFor(state, event);
    task.status = 'completed';
    task.closedOn = event.occurredOn;
    task.outcome = event.data.outcome;
  },
  'task.cancelled': (state, event) => {
    const task = openTaskFor(state, event);
    task.status = 'cancelled';
    task.closedOn = event.occurredOn;
    task.cancelReason = event.data.reason;
  },
};

const hasOpenTask = (state: TasksState) => openTasksOf(state).length > 0;

export const taskTransitions: { [K in keyof typeof taskReducers]: TransitionRow<TasksView> } = {
  'task.set': { action: 'add a task', what: 'the task', requires: 'register the child first', holds: isRegistered },
  'task.reassigned': { action: 'give a task to someone else', what: 'the reassignment', requires: 'first add a task (there is no open task)', holds: hasOpenTask },
  'task.completed': { action: 'complete a task', what: 'the completion', requires: 'first add a task (there is no open task)', holds: hasOpenTask },
  'task.cancelled': { action: 'cancel a task', what: 'the cancellation', requires: 'first add a task (there is no open task)', holds: hasOpenTask },
};
