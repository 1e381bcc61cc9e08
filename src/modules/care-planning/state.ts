/**
 * Care planning's part of a child's record: what was planned, reviewed, visited, assessed and
 * taught while the child was looked after. Each item names the period of care it belongs to
 * (`periodId`, the looked-after module's id), so a figure can count per period.
 */
import type { ReviewParticipation, SchoolTerm } from './codes.ts';

export interface CarePlanningState {
  carePlanning: CarePlanningRecord;
}

export interface CarePlanningRecord {
  carePlans: { planId: string; periodId: string; recordedOn: string; permanencePlan?: string }[];
  placementPlans: { planId: string; periodId: string; placementId: string; recordedOn: string; intendedLongTerm?: boolean }[];
  permanencePlans: { planId: string; periodId: string; decidedOn: string; plan: string; contingencyPlan?: string }[];
  permanencyPlanningMeetings: { meetingId: string; periodId: string; heldOn: string; dueBy?: string }[];
  iroAllocations: { allocationId: string; periodId: string; iroWorkerId: string; allocatedOn: string }[];
  reviews: LookedAfterReviewState[];
  visits: LookedAfterVisitState[];
  /** The interval the social worker set for this child, in weeks, when set (the latest setting). */
  visitIntervalWeeks?: number;
  visitIntervalSetOn?: string;
  healthAssessments: HealthAssessmentState[];
  dentalChecks: { checkId: string; periodId: string; checkedOn: string }[];
  immunisations: { periodId: string; recordedOn: string; upToDate: boolean }[];
  sdqs: { periodId: string; recordedOn: string; score?: number; reasonNotDone?: string }[];
  mentalHealthScreenings: { screeningId: string; periodId: string; screenedOn: string; tool: string; outcome: string; referredToCamhs: boolean }[];
  substanceMisuse: { periodId: string; recordedOn: string; identified: boolean; interventionOffered?: boolean; interventionReceived?: boolean }[];
  personalEducationPlans: { pepId: string; periodId: string; heldOn: string; schoolYear: number; term: SchoolTerm }[];
  schools: { schoolName: string; urn?: string; from: string }[];
  attendance: { schoolYear: number; term: SchoolTerm; percent: number; recordedOn: string }[];
  /** 903 MOTHER and MC_DOB: the births of the young woman's children. */
  childrenBorn: { bornOn: string; recordedOn: string }[];
}

export interface LookedAfterReviewState {
  reviewId: string;
  periodId: string;
  heldOn: string;
  /** 1 for the first review of the period of care. */
  reviewNumber: number;
  iroWorkerId?: string;
  participation: ReviewParticipation;
  recommendations?: string;
}

export interface LookedAfterVisitState {
  visitId: string;
  periodId: string;
  placementId?: string;
  visitedOn: string;
  childSeen: boolean;
  seenAlone: boolean;
  location: string;
  visitedByWorkerId?: string;
  /** The interval the next visit was due within, from this one. */
  nextVisitWithin?: string;
}

export interface HealthAssessmentState {
  assessmentId: string;
  periodId: string;
  kind: 'initial' | 'review';
  assessedOn: string;
  assessedBy: string;
  assessorName?: string;
  developmentChecksUpToDate?: boolean;
}

export const emptyCarePlanningRecord = (): CarePlanningRecord => ({
  carePlans: [], placementPlans: [], permanencePlans: [], permanencyPlanningMeetings: [], iroAllocations: [], reviews: [], visits: [],
  healthAssessments: [], dentalChecks: [], immunisations: [], sdqs: [], mentalHealthScreenings: [], substanceMisuse: [],
  personalEducationPlans: [], schools: [], attendance: [], childrenBorn: [],
});

/**
 * How Safeguard divides the school year into terms, for "a PEP each term": three terms of four
 * months each, with the holidays in the term before them — autumn September to December, spring
 * January to April (Easter falls in it), summer May to August. Schools' own term dates vary by a week
 * or two; these fixed ones let a figure say whether each term had a PEP. The school year is named by
 * its first calendar year (September 2024 to August 2025 is 2024).
 */
export function termOf(date: string): { schoolYear: number; term: SchoolTerm } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month >= 9) return { schoolYear: year, term: 'autumn' };
  return { schoolYear: year - 1, term: month <= 4 ? 'spring' : 'summer' };
}

/** The IRO allocated to the child in a period of care now, if any (the latest allocation). */
export const iroOf = (record: CarePlanningRecord, periodId: string): string | undefined =>
  record.iroAllocations.filter((allocation) => allocation.periodId === periodId).at(-1)?.iroWorkerId;

/** The reviews of a period of care, oldest first. */
export const reviewsOf = (record: CarePlanningRecord, periodId: string) => record.reviews.filter((review) => review.periodId === periodId);
