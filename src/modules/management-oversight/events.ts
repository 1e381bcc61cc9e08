import { z } from 'zod';
import { EventId, FreeText } from '../../platform/schema-helpers.ts';

/**
 * What a manager authorises: a children-and-families assessment, a child in need plan, a child
 * protection plan (as the worker records it after the conference) or the closure of an episode.
 * A private fostering suitability assessment is recorded already authorised (its event names the
 * manager who did), so it is not submitted here.
 */
export const approvalSubjects = ['assessment', 'cin-plan', 'cp-plan', 'closure'] as const;
export type ApprovalSubject = (typeof approvalSubjects)[number];

/**
 * Who took a step, as the server knows them: the signed-in user (checked against the request
 * before the event is written, so nobody records a step in someone else's name) and their worker
 * id, which the record shows as a name.
 */
const UserId = FreeText(60);

/** Words that must be given, with the GOV.UK message for when they are not. */
const requiredText = (missing: string) => z.string({ message: missing }).trim().min(1, missing).max(4000, 'Use 4,000 characters or fewer')
  .refine((text) => !text.includes('\u0000'), 'Text cannot contain a NUL character');
const WorkerId = FreeText(40).optional();

/**
 * What a step is about. `subjectId` is the id the record knows the item by: the assessment's
 * (its assessment.started event), the plan's (cin-plan.started, or the initial conference that
 * started the child protection plan), or, for a closure, the episode's (its referral).
 */
const Subject = {
  subject: z.enum(approvalSubjects, { message: 'Select what is to be authorised' }),
  subjectId: EventId,
};

/** The worker submits the item for a manager's authorisation (occurredAt: the day submitted). */
export const ApprovalSubmitted = z.object({
  type: z.literal('approval.submitted'),
  data: z.object({
    ...Subject,
    comments: FreeText(4000).optional(),
    submittedByUserId: UserId,
    submittedByWorkerId: WorkerId,
  }),
});

/**
 * A manager authorises the item (occurredAt: the authorisation date, which the statutory returns
 * use: the children in need census's assessment authorisation date is this day).
 */
export const ApprovalAuthorised = z.object({
  type: z.literal('approval.authorised'),
  data: z.object({
    ...Subject,
    comments: FreeText(4000).optional(),
    authorisedByUserId: UserId,
    authorisedByWorkerId: WorkerId,
  }),
});

/**
 * A manager returns the item to the worker with what to change (occurredAt: the day returned).
 * The worker corrects the assessment, plan or closure (a new version of its event) and submits it again.
 */
export const ApprovalReturned = z.object({
  type: z.literal('approval.returned'),
  data: z.object({
    ...Subject,
    comments: requiredText('Enter what needs to change before it can be authorised'),
    returnedByUserId: UserId,
    returnedByWorkerId: WorkerId,
  }),
});

/** The decision points at which a manager records their oversight of the work. */
export const decisionPointCodes = {
  'contact-decision': 'Decision on a contact',
  'strategy-discussion': 'Strategy discussion',
  'section-47-outcome': 'Outcome of a section 47 enquiry',
  'assessment-outcome': 'Outcome of an assessment',
  'plan': 'Starting, reviewing or ending a plan',
  'step-down': 'Stepping down to early help',
  'case-closure': 'Closing the case',
  'allocation': 'Allocation',
  'case-review': 'Review of the case',
  other: 'Another decision',
} as const;
export const decisionPoints = Object.keys(decisionPointCodes) as [keyof typeof decisionPointCodes, ...(keyof typeof decisionPointCodes)[]];

/**
 * A manager's oversight at a decision point: what was decided and why, and the direction given to
 * the worker (occurredAt: the day of the oversight).
 */
export const ManagementOversightRecorded = z.object({
  type: z.literal('management-oversight.recorded'),
  data: z.object({
    decisionPoint: z.enum(decisionPoints, { message: 'Select the decision point' }),
    rationale: requiredText('Enter the reasons for the decision'),
    direction: requiredText('Enter the direction given to the worker'),
    recordedByUserId: UserId,
    managerWorkerId: WorkerId,
  }),
});

export const managementOversightEvents = [ApprovalSubmitted, ApprovalAuthorised, ApprovalReturned, ManagementOversightRecorded] as const;

/** The events a manager alone records. */
export const managersOnlyEvents = ['approval.authorised', 'approval.returned', 'management-oversight.recorded'] as const;
