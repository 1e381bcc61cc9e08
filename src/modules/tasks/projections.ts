/**
 * Tasks' projection table, created by migrations/0028_tasks_and_supervision.sql: every task with
 * whom it is given to now and whether it is open, so that My work finds a worker's and a team's
 * open tasks by an index lookup rather than by folding records.
 */
import { projectionTable } from '../../record/projection.ts';
import type { TasksState } from './state.ts';

export const taskProjections = [
  projectionTable({
    table: 'child_task',
    columns: {
      task_id: 'uuid', description: 'text', source_kind: 'text', source_event_id: 'uuid', set_on: 'date', due_on: 'date',
      team_id: 'text', worker_id: 'text', status: 'text', closed_on: 'date',
    },
    key: ['task_id'],
    rowsOf: (state: TasksState) => state.tasks.map((task) => ({
      task_id: task.taskId, description: task.description, source_kind: task.sourceKind, source_event_id: task.sourceEventId ?? null,
      set_on: task.setOn, due_on: task.dueOn, team_id: task.teamId, worker_id: task.workerId ?? null, status: task.status,
      closed_on: task.closedOn ?? null,
    })),
  }),
];
