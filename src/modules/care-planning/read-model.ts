/**
 * Care planning's part of the child's record summary, as the API answers it and the web app reads
 * it: one schema for both. What is due next (reviews, visits, health assessments, PEPs) is the
 * record's duties; this is what was done, and the looked-after state it was done in.
 */
import { z } from 'zod';
import { currentPeriodOfCareOf, type LookedAfterState } from '../looked-after/state.ts';
import { reviewParticipationCodes, schoolTermCodes } from './codes.ts';
import { iroOf, type CarePlanningState } from './state.ts';

const Day = z.string();
const Term = z.enum(Object.keys(schoolTermCodes) as [keyof typeof schoolTermCodes, ...(keyof typeof schoolTermCodes)[]]);

export const LookedAfterReview = z.object({
  reviewId: z.string(), periodId: z.string(), heldOn: Day, reviewNumber: z.number(), iroWorkerId: z.string().optional(),
  participation: z.enum(Object.keys(reviewParticipationCodes) as [keyof typeof reviewParticipationCodes, ...(keyof typeof reviewParticipationCodes)[]]),
  recommendations: z.string().optional(),
});

export const LookedAfterVisit = z.object({
  visitId: z.string(), periodId: z.string(), placementId: z.string().optional(), visitedOn: Day, childSeen: z.boolean(), seenAlone: z.boolean(),
  location: z.string(), visitedByWorkerId: z.string().optional(), nextVisitWithin: z.string().optional(),
});

export const CarePlanningSummary = z.object({
  /** The period of care the child is in now, if looked after. */
  currentPeriodId: z.string().nullable(),
  /** The IRO allocated in the current period of care. */
  iroWorkerId: z.string().nullable(),
  carePlans: z.array(z.object({ planId: z.string(), periodId: z.string(), recordedOn: Day, permanencePlan: z.string().optional() })),
  placementPlans: z.array(z.object({ planId: z.string(), periodId: z.string(), placementId: z.string(), recordedOn: Day, intendedLongTerm: z.boolean().optional() })),
  permanencePlans: z.array(z.object({ planId: z.string(), periodId: z.string(), decidedOn: Day, plan: z.string(), contingencyPlan: z.string().optional() })),
  permanencyPlanningMeetings: z.array(z.object({ meetingId: z.string(), periodId: z.string(), heldOn: Day, dueBy: Day.optional() })),
  iroAllocations: z.array(z.object({ allocationId: z.string(), periodId: z.string(), iroWorkerId: z.string(), allocatedOn: Day })),
  reviews: z.array(LookedAfterReview),
  visits: z.array(LookedAfterVisit),
  visitIntervalWeeks: z.number().optional(),
  visitIntervalSetOn: Day.optional(),
  healthAssessments: z.array(z.object({
    assessmentId: z.string(), periodId: z.string(), kind: z.enum(['initial', 'review']), assessedOn: Day, assessedBy: z.string(),
    assessorName: z.string().optional(), developmentChecksUpToDate: z.boolean().optional(),
  })),
  dentalChecks: z.array(z.object({ checkId: z.string(), periodId: z.string(), checkedOn: Day })),
  immunisations: z.array(z.object({ periodId: z.string(), recordedOn: Day, upToDate: z.boolean() })),
  sdqs: z.array(z.object({ periodId: z.string(), recordedOn: Day, score: z.number().optional(), reasonNotDone: z.string().optional() })),
  mentalHealthScreenings: z.array(z.object({ screeningId: z.string(), periodId: z.string(), screenedOn: Day, tool: z.string(), outcome: z.string(), referredToCamhs: z.boolean() })),
  substanceMisuse: z.array(z.object({ periodId: z.string(), recordedOn: Day, identified: z.boolean(), interventionOffered: z.boolean().optional(), interventionReceived: z.boolean().optional() })),
  personalEducationPlans: z.array(z.object({ pepId: z.string(), periodId: z.string(), heldOn: Day, schoolYear: z.number(), term: Term })),
  schools: z.array(z.object({ schoolName: z.string(), urn: z.string().optional(), from: Day })),
  attendance: z.array(z.object({ schoolYear: z.number(), term: Term, percent: z.number(), recordedOn: Day })),
  childrenBorn: z.array(z.object({ bornOn: Day, recordedOn: Day })),
});
export type CarePlanningSummary = z.infer<typeof CarePlanningSummary>;

/** Care planning's part of the record summary (DomainModule.readModel). */
export const CarePlanningReadModel = z.object({
  carePlanning: CarePlanningSummary.describe('The care plan, reviews, visits, health and education of the child while looked after'),
});
export type CarePlanningReadModel = z.infer<typeof CarePlanningReadModel>;

export function carePlanningSummaryOf(state: CarePlanningState & LookedAfterState): CarePlanningSummary {
  const period = currentPeriodOfCareOf(state);
  return {
    ...state.carePlanning,
    currentPeriodId: period?.periodId ?? null,
    iroWorkerId: period ? iroOf(state.carePlanning, period.periodId) ?? null : null,
  };
}

/** The children looked after now with their IRO, as GET /api/v1/care-planning/iro-caseload answers. */
export const IroCaseload = z.object({
  children: z.array(z.object({
    childId: z.string(), forename: z.string(), surname: z.string(), periodId: z.string(), lookedAfterSince: Day,
    iroWorkerId: z.string().nullable(), allocatedWorkerId: z.string().nullable(),
  })),
});
export type IroCaseload = z.infer<typeof IroCaseload>;
