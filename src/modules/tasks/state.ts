/**
 * Tasks' part of a child's record: every task set about the child, open or closed, with whom it
 * was given to over time.
 */
import { z } from 'zod';
import { taskSourceKinds } from './events.ts';

export const TaskAssignment = z.object({
  on: z.string(),
  teamId: z.string(),
  workerId: z.string().optional(),
  reason: z.string().optional(),
});
export type TaskAssignment = z.infer<typeof TaskAssignment>;

export const TaskState = z.object({
  taskId: z.string(),
  description: z.string(),
  sourceKind: z.enum(taskSourceKinds),
  sourceEventId: z.string().optional(),
  setOn: z.string(),
  dueOn: z.string(),
  teamId: z.string(),
  workerId: z.string().optional(),
  status: z.enum(['open', 'completed', 'cancelled']),
  /** The day it was completed or cancelled. */
  closedOn: z.string().optional(),
  outcome: z.string().optional(),
  cancelReason: z.string().optional(),
  /** Whom it was given to, the first assignment first. */
  assignments: z.array(TaskAssignment),
});
export type TaskState = z.infer<typeof TaskState>;

export interface TasksState {
  tasks: TaskState[];
}

export const openTasksOf = (state: TasksState): TaskState[] => state.tasks.filter((task) => task.status === 'open');
