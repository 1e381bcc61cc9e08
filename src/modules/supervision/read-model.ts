/**
 * Supervision's part of the child's record summary: the management oversight of the case, each
 * discussion in a worker's supervision, the latest first.
 */
import { z } from 'zod';
import { CaseDiscussionState, type SupervisionState } from './state.ts';

export const SupervisionReadModel = z.object({
  caseDiscussions: z.array(CaseDiscussionState).describe('The discussions of the child\'s case in supervision: management oversight, the latest first'),
});
export type SupervisionReadModel = z.infer<typeof SupervisionReadModel>;

export const supervisionSummaryOf = (state: SupervisionState): SupervisionReadModel['caseDiscussions'] =>
  [...state.caseDiscussions].sort((a, b) => b.heldOn.localeCompare(a.heldOn));

/** A worker's supervision against the council's standard, for their manager. */
export const SupervisionDue = z.object({
  workerId: z.string(),
  name: z.string(),
  role: z.string(),
  teamId: z.string(),
  lastSupervisedOn: z.string().optional(),
  /** The last session's day plus the standard; for a worker never supervised, their start plus the standard. */
  nextDueOn: z.string(),
  overdue: z.boolean(),
  /** Days since the last session (or since they started, when never supervised). */
  daysSince: z.number(),
});
export type SupervisionDue = z.infer<typeof SupervisionDue>;

export const SupervisionWorkers = z.object({
  asAt: z.string(),
  standardDays: z.number(),
  workers: z.array(SupervisionDue),
});
export type SupervisionWorkers = z.infer<typeof SupervisionWorkers>;

const TaskInSupervision = z.object({
  description: z.string().trim().min(1, 'Enter what is to be done').max(1000),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date the task is due'),
  teamId: z.string().min(1, 'Select the team the task is given to').max(40),
  workerId: z.string().max(40).optional(),
});

/** What a supervisor records of a session: whom, when, and each child's case discussed. */
export const SupervisionSessionInput = z.object({
  workerId: z.string().min(1, 'Select the worker supervised').max(40),
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date of the supervision'),
  /** The worker's own part (wellbeing, workload, learning): not about any one child. */
  notes: z.string().trim().max(4000).optional(),
  caseDiscussions: z.array(z.object({
    childId: z.string().regex(/^[A-Za-z0-9]{1,20}$/, 'Select a child from the worker\'s caseload'),
    discussion: z.string().trim().min(1, 'Enter what was discussed').max(6000),
    decisions: z.string().trim().max(4000).optional(),
    tasks: z.array(TaskInSupervision).max(10).default([]),
  })).max(40).default([]),
});
export type SupervisionSessionInput = z.infer<typeof SupervisionSessionInput>;

export const RecordedSupervision = z.object({
  supervisionId: z.string(),
  caseDiscussions: z.array(z.object({ childId: z.string(), eventId: z.string(), taskEventIds: z.array(z.string()) })),
});

/** A worker's supervision session, with the case discussions the reader may see. */
export const SupervisionSession = z.object({
  supervisionId: z.string(),
  version: z.number(),
  workerId: z.string(),
  supervisorWorkerId: z.string(),
  heldOn: z.string(),
  notes: z.string().optional(),
  recordedAt: z.string(),
  caseDiscussions: z.array(z.object({
    childId: z.string(), childName: z.string(), discussionId: z.string(), discussion: z.string(), decisions: z.string().optional(),
  })),
});
export type SupervisionSession = z.infer<typeof SupervisionSession>;
