/**
 * Management oversight's part of the child's record summary, as the API answers it and the web
 * app reads it.
 *
 * For the statutory returns: an assessment's authorisation date (the children in need census's
 * "assessment authorisation date") is `managementOversight.items[].authorisedOn` of the item whose
 * `subject` is 'assessment' and whose `subjectId` is the assessment's id; `assessmentAuthorisedOn`
 * (state.ts) gives it from the folded record, and the `authorisation` projection
 * (migrations/0027_management_oversight.sql) holds it as `authorised_on` for queries over many
 * children.
 */
import { z } from 'zod';
import { approvalSubjects } from './events.ts';

const Day = z.string();

export const AuthorisationStep = z.object({
  step: z.enum(['submitted', 'returned', 'authorised']),
  on: Day,
  byUserId: z.string(),
  byWorkerId: z.string().optional(),
  comments: z.string().optional(),
});

export const AuthorisationItem = z.object({
  subject: z.enum(approvalSubjects),
  subjectId: z.string(),
  episodeId: z.string(),
  /** The day it became ready to submit: the assessment completed, the plan started, the episode closed. */
  readyOn: Day,
  status: z.enum(['not-submitted', 'awaiting-authorisation', 'returned', 'authorised']),
  /** Whether the worker may submit it now: never submitted, or returned. */
  submittable: z.boolean(),
  submittedOn: Day.optional(),
  submittedByUserId: z.string().optional(),
  submittedByWorkerId: z.string().optional(),
  returnedOn: Day.optional(),
  returnComments: z.string().optional(),
  /** The authorisation date the statutory returns use. */
  authorisedOn: Day.optional(),
  authorisedByUserId: z.string().optional(),
  authorisedByWorkerId: z.string().optional(),
  steps: z.array(AuthorisationStep),
});
export type AuthorisationItem = z.infer<typeof AuthorisationItem>;

export const OversightEntry = z.object({
  oversightId: z.string(), recordedOn: Day, decisionPoint: z.string(), rationale: z.string(), direction: z.string(),
  recordedByUserId: z.string(), managerWorkerId: z.string().optional(),
});

export const ManagementOversightSummary = z.object({
  /** Every assessment completed, plan started and episode closed, with where its authorisation stands; the earliest first. */
  items: z.array(AuthorisationItem),
  /** Managers' oversight at decision points, the earliest first. */
  oversight: z.array(OversightEntry),
});
export type ManagementOversightSummary = z.infer<typeof ManagementOversightSummary>;

/** Management oversight's part of the record summary (DomainModule.readModel). */
export const ManagementOversightReadModel = z.object({
  managementOversight: ManagementOversightSummary.describe('Each assessment, plan and closure with its authorisation (authorisedOn: the date the statutory returns use), and managers\' oversight at decision points'),
});
export type ManagementOversightReadModel = z.infer<typeof ManagementOversightReadModel>;

/** A manager's worktray (GET /api/v1/worktray): what awaits their authorisation, the longest waiting first. */
export const WorktrayItem = z.object({
  childId: z.string(),
  forename: z.string(),
  surname: z.string(),
  subject: z.enum(approvalSubjects),
  subjectId: z.string(),
  episodeId: z.string(),
  submittedOn: z.string(),
  submittedByUserId: z.string(),
  submittedByWorkerId: z.string().nullable(),
  /** Calendar days since it was submitted. */
  daysWaiting: z.number().int(),
  /** The team it routes to (the team of the child's allocated worker) and that team's managers. */
  teamId: z.string().nullable(),
  allocatedWorkerId: z.string().nullable(),
  managerWorkerIds: z.array(z.string()),
});
export type WorktrayItem = z.infer<typeof WorktrayItem>;

export const Worktray = z.object({ asAt: z.string(), items: z.array(WorktrayItem) });
export type Worktray = z.infer<typeof Worktray>;
