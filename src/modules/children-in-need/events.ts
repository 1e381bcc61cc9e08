import { z } from 'zod';
import {
  assessmentFactorCodes,
  primaryNeedCodes,
  reasonForClosureCodes,
  referralSourceCodes,
} from '../../codes/statutory-codes.ts';
import { codeFrom, EventId, FreeText } from '../../platform/schema-helpers.ts';

/**
 * A narrative field of a statutory form (issue 16): optional, so that events recorded before it and
 * imports without it stay valid.
 */
const Narrative = FreeText(10_000).optional();

/** Opens a children-in-need episode (occurredAt: the referral date). */
export const ReferralReceived = z.object({
  type: z.literal('referral.received'),
  data: z.object({
    source: codeFrom(referralSourceCodes, 'referral source'),
    contactId: EventId.optional(),
    /**
     * The primary need as first understood at referral: the census returns it for a referral still
     * being assessed on 31 March (DfE rule 8610), and the assessment or closure updates it.
     */
    primaryNeed: codeFrom(primaryNeedCodes, 'primary need').optional(),
  }),
});

export const AssessmentStarted = z.object({
  type: z.literal('assessment.started'),
  data: z.object({ assessmentType: z.enum(['child-and-family']).default('child-and-family') }),
});

export const assessmentOutcomes = [
  'no-further-action',
  'early-help',
  'child-in-need-plan',
  'strategy-discussion',
  'looked-after',
  'other',
] as const;

/** The assessment is completed on the date a manager authorised it (CIN census AssessmentAuthorisationDate). */
export const AssessmentCompleted = z.object({
  type: z.literal('assessment.completed'),
  data: z.object({
    assessmentId: EventId.optional(),
    factors: z.array(codeFrom(assessmentFactorCodes, 'assessment factor')).min(1, 'Record at least one factor (21 if none)'),
    outcome: z.enum(assessmentOutcomes),
    authorisedByWorkerId: FreeText(40),
    primaryNeed: codeFrom(primaryNeedCodes, 'primary need').optional(),
  }).refine((d) => !d.factors.includes('21') || d.factors.length === 1, {
    message: 'Select either no factors identified (21) or the factors found, not both',
    path: ['factors'],
  }),
});

export const ChildInNeedPlanStarted = z.object({
  type: z.literal('cin-plan.started'),
  data: z.object({}).default({}),
});

export const ChildInNeedPlanEnded = z.object({
  type: z.literal('cin-plan.ended'),
  data: z.object({ cinPlanId: EventId.optional() }),
});

/** A statutory visit to the child (CP visits are of kind child-protection). */
export const VisitMade = z.object({
  type: z.literal('visit.made'),
  data: z.object({
    kind: z.enum(['child-protection', 'child-in-need', 'assessment', 'other']),
    childSeen: z.boolean(),
    seenAlone: z.boolean().default(false),
    visitedByWorkerId: FreeText(40).optional(),
    /** What the worker saw: the child, the home, the people there. */
    observed: Narrative,
    /** What the child said and how they seemed, in their own words where possible. */
    childsView: Narrative,
  }).refine((d) => d.childSeen || !d.seenAlone, { message: 'Select no for whether the child was seen alone: the child was not seen', path: ['seenAlone'] }),
});

export const EpisodeClosed = z.object({
  type: z.literal('episode.closed'),
  data: z.object({
    reasonForClosure: codeFrom(reasonForClosureCodes, 'reason for closure'),
    primaryNeed: codeFrom(primaryNeedCodes, 'primary need'),
    /** Why the case is closing, in words. */
    reasonInWords: Narrative,
  }),
});

export const childrenInNeedEvents = [
  ReferralReceived,
  AssessmentStarted,
  AssessmentCompleted,
  ChildInNeedPlanStarted,
  ChildInNeedPlanEnded,
  VisitMade,
  EpisodeClosed,
] as const;
