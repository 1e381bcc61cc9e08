/**
 * Tasks: actions arising from a strategy discussion, a core group, a conference, supervision or
 * any other work on a child, given to a worker or a team with a date they are due by, and shown in
 * My work beside the statutory duties. Set, moved to someone else, completed or cancelled as
 * events on the child's record, so each step is audited and restricted with the record.
 */
import { defineDomainModule } from '../domain-module.ts';
import { assertTaskAssignee } from './assignee-check.ts';
import { taskEvents } from './events.ts';
import { taskProjections } from './projections.ts';
import { TasksReadModel, tasksSummaryOf } from './read-model.ts';
import { taskReducers, taskTransitions } from './rules.ts';
import { taskSimulator } from './simulator.ts';
import { openTasksOf, type TaskState, type TasksState } from './state.ts';

export const tasksModule = defineDomainModule({
  id: 'tasks',
  title: 'Tasks',
  events: taskEvents,
  initialState: (): TasksState => ({ tasks: [] }),
  reducers: taskReducers,
  transitions: taskTransitions,
  readModel: TasksReadModel,
  summaryOf: (state: TasksState) => ({ tasks: tasksSummaryOf(state) }),
  projections: taskProjections,
  simulator: taskSimulator,
  checksBeforeWrite: {
    // A task given to a team or worker who does not exist would be seen by nobody.
    event: {
      'task.set': (db, event, context) => assertTaskAssignee(db, context.laCode, { ...event.data, on: event.occurredOn }),
      'task.reassigned': (db, event, context) => assertTaskAssignee(db, context.laCode, { ...event.data, on: event.occurredOn }),
    },
  },
});

export { openTasksOf, type TaskState, type TasksState };
export * from './events.ts';
export { TaskList, TaskListItem } from './read-model.ts';
