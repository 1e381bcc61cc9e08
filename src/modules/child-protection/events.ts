import { z } from 'zod';
import { categoryOfAbuseCodes } from '../../codes/statutory-codes.ts';
import { codeFrom, EventId, FreeText } from '../../platform/schema-helpers.ts';

/**
 * A narrative field of a statutory form (issue 16): optional, so that events recorded before it and
 * imports without it stay valid.
 */
const Narrative = FreeText(10_000).optional();

export const partnerAgencies = [
  'childrens-social-care',
  'police',
  'health',
  'education',
  'probation',
  'youth-justice',
  'housing',
  'adult-social-care',
  'voluntary-sector',
  'other',
] as const;

const Agencies = z.array(z.enum(partnerAgencies)).min(1, 'Select at least one agency');

/** With decision section-47 it starts a section 47 enquiry dated the day of the discussion. */
export const StrategyDiscussionHeld = z.object({
  type: z.literal('strategy-discussion.held'),
  data: z.object({
    attendingAgencies: Agencies,
    decision: z.enum(['section-47', 'no-section-47']),
    /** Why the discussion was held: the concerns that led to it. */
    reasons: Narrative,
    /** Why the agencies decided as they did. */
    decisionRationale: Narrative,
  }),
});

export const section47Outcomes = [
  'initial-child-protection-conference',
  'no-further-action',
  'child-in-need-plan',
  'early-help',
  'looked-after',
] as const;

export const Section47Completed = z.object({
  type: z.literal('section-47.completed'),
  data: z.object({
    section47Id: EventId.optional(),
    outcome: z.enum(section47Outcomes),
    concernsSubstantiated: z.boolean(),
    /** What the enquiry found. */
    findings: Narrative,
  }),
});

const CategoryOfAbuse = codeFrom(categoryOfAbuseCodes, 'category of abuse');

/** An initial child protection conference (ICPC). A plan decided here starts on the conference date. */
export const InitialConferenceHeld = z.object({
  type: z.literal('conference.initial-held'),
  data: z.object({
    section47Id: EventId.optional(),
    planRequired: z.boolean(),
    categoryOfAbuse: CategoryOfAbuse.optional(),
    chairWorkerId: FreeText(40),
    attendingAgencies: Agencies,
    decisionRationale: Narrative,
    /** The outline of the child protection plan agreed. */
    planOutline: Narrative,
  }).refine((d) => !d.planRequired || d.categoryOfAbuse !== undefined, {
    message: 'Select the category of abuse for the plan',
    path: ['categoryOfAbuse'],
  }),
});

export const CoreGroupHeld = z.object({
  type: z.literal('core-group.held'),
  data: z.object({ planId: EventId.optional(), attendingAgencies: Agencies }),
});

export const ReviewConferenceHeld = z.object({
  type: z.literal('conference.review-held'),
  data: z.object({
    planId: EventId.optional(),
    planContinues: z.boolean(),
    categoryOfAbuse: CategoryOfAbuse.optional(),
    planEndReason: z.enum(['no-longer-at-risk', 'looked-after', 'moved-to-another-la', 'reached-18', 'died', 'other']).optional(),
    chairWorkerId: FreeText(40),
    attendingAgencies: Agencies,
    decisionRationale: Narrative,
    planOutline: Narrative,
  }),
});

export const cpPlanEndReasons = [
  'no-longer-at-risk',
  'looked-after',
  'moved-to-another-la',
  'reached-18',
  'died',
  'other',
] as const;

/** The plan ends outside a review conference (a review that ends the plan ends it by itself). */
export const ChildProtectionPlanEnded = z.object({
  type: z.literal('cp-plan.ended'),
  data: z.object({ planId: EventId.optional(), reason: z.enum(cpPlanEndReasons), reasonInWords: Narrative }),
});

export const CategoryOfAbuseChanged = z.object({
  type: z.literal('cp-plan.category-changed'),
  data: z.object({ planId: EventId.optional(), categoryOfAbuse: CategoryOfAbuse, reason: FreeText(500).optional() }),
});

export const childProtectionEvents = [
  StrategyDiscussionHeld,
  Section47Completed,
  InitialConferenceHeld,
  CoreGroupHeld,
  ReviewConferenceHeld,
  ChildProtectionPlanEnded,
  CategoryOfAbuseChanged,
] as const;
