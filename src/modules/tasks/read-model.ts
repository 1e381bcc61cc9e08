/**
 * Tasks' part of the child's record summary, as the API answers it and the web app reads it: the
 * open tasks, soonest due first, and those completed or cancelled, latest first.
 */
import { z } from 'zod';
import { TaskState, type TasksState } from './state.ts';

export const TaskSummary = TaskState;
export type TaskSummary = z.infer<typeof TaskSummary>;

export const TasksReadModel = z.object({
  tasks: z.object({
    open: z.array(TaskSummary).describe('Open tasks, the soonest due first'),
    closed: z.array(TaskSummary).describe('Tasks completed or cancelled, the latest first'),
  }).describe('The tasks set about the child'),
});
export type TasksReadModel = z.infer<typeof TasksReadModel>;

export function tasksSummaryOf(state: TasksState): TasksReadModel['tasks'] {
  const open = state.tasks.filter((task) => task.status === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const closed = state.tasks.filter((task) => task.status !== 'open').sort((a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? ''));
  return { open, closed };
}

/** A task in a list of tasks (My work): the task, and whose record it is on. */
export const TaskListItem = z.object({
  taskId: z.string(),
  childId: z.string(),
  childName: z.string(),
  description: z.string(),
  sourceKind: TaskState.shape.sourceKind,
  sourceEventId: z.string().optional(),
  setOn: z.string(),
  dueOn: z.string(),
  teamId: z.string(),
  workerId: z.string().optional(),
});
export type TaskListItem = z.infer<typeof TaskListItem>;

export const TaskList = z.object({
  asAt: z.string(),
  tasks: z.array(TaskListItem.extend({ overdue: z.boolean() })),
});
export type TaskList = z.infer<typeof TaskList>;
