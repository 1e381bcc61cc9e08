/**
 * Tasks: actions that arise from the work on a child (a strategy discussion, a core group, a
 * conference, supervision or anything else), given to a worker or to a team with a date they are
 * due by, then completed, given to someone else or cancelled. Each step is an event on the child's
 * record, so who set, moved and closed a task, and when, is the record's own audit trail.
 */
import { z } from 'zod';
import { EventId, FreeText, IsoDate } from '../../platform/schema-helpers.ts';

/** What a task arose from: the kind of meeting or work, as the record names it. */
export const taskSourceKinds = ['strategy-discussion', 'core-group', 'conference', 'supervision', 'visit', 'other'] as const;
export const taskSourceWords: Record<(typeof taskSourceKinds)[number], string> = {
  'strategy-discussion': 'Strategy discussion',
  'core-group': 'Core group meeting',
  conference: 'Child protection conference',
  supervision: 'Supervision',
  visit: 'Visit',
  other: 'Other',
};

const WorkforceId = z.string().trim().regex(/^[A-Za-z0-9-]{1,40}$/, 'Select a team or worker from the list');

/** Whom a task is given to: a team, and within it a worker, or nobody yet (any worker of the team may take it). */
const Assignee = {
  teamId: WorkforceId,
  workerId: WorkforceId.optional(),
};

/** A task is set (occurredAt: the day it was agreed). Its id is the event's. */
export const TaskSet = z.object({
  type: z.literal('task.set'),
  data: z.object({
    description: FreeText(1000),
    sourceKind: z.enum(taskSourceKinds, { message: 'Select what the task arose from' }),
    /** The event on the record the task arose from (a strategy discussion's, a core group's…), where there is one. */
    sourceEventId: EventId.optional(),
    ...Assignee,
    dueOn: IsoDate,
  }),
});

/** The task is given to another worker or team, and may be given a new date (occurredAt: the day it was moved). */
export const TaskReassigned = z.object({
  type: z.literal('task.reassigned'),
  data: z.object({
    taskId: EventId.optional(),
    ...Assignee,
    dueOn: IsoDate.optional(),
    reason: FreeText(1000).optional(),
  }),
});

/** The task is done (occurredAt: the day it was done), with what came of it. */
export const TaskCompleted = z.object({
  type: z.literal('task.completed'),
  data: z.object({ taskId: EventId.optional(), outcome: FreeText(2000) }),
});

/** The task is no longer needed (occurredAt: the day it was cancelled), and why. */
export const TaskCancelled = z.object({
  type: z.literal('task.cancelled'),
  data: z.object({ taskId: EventId.optional(), reason: FreeText(1000) }),
});

export const taskEvents = [TaskSet, TaskReassigned, TaskCompleted, TaskCancelled] as const;
