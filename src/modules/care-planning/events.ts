/**
 * The events of care planning for children looked after: the care plan, placement plans, the
 * permanence plan and its planning meeting, the independent reviewing officer (IRO) and the
 * looked-after reviews, the social worker's visits, health and education. Every field the SSDA903
 * Reviews and OC2 files need is recorded here (REVIEW, REVIEW_CODE; SDQ_SCORE, SDQ_REASON,
 * HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE,
 * INTERVENTION_OFFERED, INTERVENTION_RECEIVED), and the Header's MOTHER and MC_DOB.
 *
 * The period of care an event is about is the one the child is in on the event's date: the record
 * writes its id on the event (`periodId`). Fields marked "worked out by the record" are replaced
 * by the fold, so the timescales can read them from the event.
 */
import { z } from 'zod';
import { codeFrom, EventId, FreeText, IsoDate } from '../../platform/schema-helpers.ts';
import {
  healthAssessmentKinds, healthAssessorCodes, mentalHealthScreeningOutcomeCodes, mentalHealthScreeningToolCodes, permanencePlanCodes,
  reviewParticipationCodes, schoolTermCodes, sdqReasonCodes, visitIntervalWeeks, visitLocationCodes,
} from './codes.ts';

/** Worked out by the record: the period of care the child is in on the event's date. */
const PeriodReference = EventId.optional();
const WorkerId = FreeText(40);

/** The care plan is recorded (CPPCR reg 4; occurredAt: the day it was agreed). */
export const CarePlanRecorded = z.object({
  type: z.literal('care-planning.care-plan-recorded'),
  data: z.object({
    periodId: PeriodReference,
    permanencePlan: codeFrom(permanencePlanCodes, 'permanence plan').optional(),
    summary: FreeText(4000).optional(),
  }),
});

/**
 * The placement plan of a placement is recorded (CPPCR reg 9; occurredAt: the day agreed with the
 * carer). Whether the placement is intended to last until the child is 18 changes the visits'
 * interval after its first year (reg 28(2)(b)); U1 and U4 placements are long-term fostering anyway.
 */
export const PlacementPlanRecorded = z.object({
  type: z.literal('care-planning.placement-plan-recorded'),
  data: z.object({
    periodId: PeriodReference,
    /** The placement it is for: the one the child is in on the day when not given. */
    placementId: EventId.optional(),
    intendedLongTerm: z.boolean().optional(),
    summary: FreeText(4000).optional(),
  }),
});

/** The permanence plan is decided or changed (occurredAt: the day, usually at a review). */
export const PermanencePlanRecorded = z.object({
  type: z.literal('care-planning.permanence-plan-recorded'),
  data: z.object({
    periodId: PeriodReference,
    plan: codeFrom(permanencePlanCodes, 'permanence plan'),
    contingencyPlan: codeFrom(permanencePlanCodes, 'contingency plan').optional(),
    summary: FreeText(4000).optional(),
  }),
});

/**
 * A permanency planning meeting is held (occurredAt: the day). The partnership's protocol wants one
 * by the second looked-after review: `dueBy` is that day, worked out by the record from the first
 * review (3 months after it) when not given.
 */
export const PermanencyPlanningMeetingHeld = z.object({
  type: z.literal('care-planning.permanency-planning-meeting-held'),
  data: z.object({
    periodId: PeriodReference,
    dueBy: IsoDate.optional(),
    summary: FreeText(4000).optional(),
  }),
});

/** An independent reviewing officer is allocated to the child (CPPCR reg 45; Children Act 1989 s25A). */
export const IroAllocated = z.object({
  type: z.literal('care-planning.iro-allocated'),
  data: z.object({ periodId: PeriodReference, iroWorkerId: WorkerId }),
});

/**
 * A looked-after review is held, chaired by the IRO (CPPCR reg 33; 903 Reviews: REVIEW and
 * REVIEW_CODE). Every review counts. `reviewNumber` is worked out by the record: the review's place
 * in the period of care (1 the first), which sets when the next one is due.
 */
export const LookedAfterReviewHeld = z.object({
  type: z.literal('care-planning.review-held'),
  data: z.object({
    periodId: PeriodReference,
    /** The IRO who chaired it: the allocated IRO when not given. */
    iroWorkerId: WorkerId.optional(),
    participation: codeFrom(reviewParticipationCodes, 'child\'s participation'),
    recommendations: FreeText(10_000).optional(),
    reviewNumber: z.number().int().positive().optional(),
  }),
});

/**
 * The social worker visits the child looked after (CPPCR reg 28). A visit at which the child is seen
 * counts towards the intervals; `nextVisitWithin` is worked out by the record: the interval the next
 * visit is due within (see `visitIntervalOf` in rules.ts).
 */
export const LookedAfterVisitMade = z.object({
  type: z.literal('care-planning.visit-made'),
  data: z.object({
    periodId: PeriodReference,
    childSeen: z.boolean(),
    seenAlone: z.boolean().default(false),
    location: codeFrom(visitLocationCodes, 'place the visit was'),
    visitedByWorkerId: WorkerId.optional(),
    observed: FreeText(10_000).optional(),
    childsView: FreeText(10_000).optional(),
    nextVisitWithin: FreeText(20).optional(),
  }).refine((d) => d.childSeen || !d.seenAlone, { message: 'Select no for whether the child was seen alone: the child was not seen', path: ['seenAlone'] }),
});

/**
 * The social worker sets how often this child is to be visited, shorter than the regulations ask
 * (e.g. every 4 weeks), or, for a child on short breaks only (CPPCR reg 48), the interval agreed
 * with the IRO. No weeks: back to the regulations' intervals.
 */
export const VisitIntervalSet = z.object({
  type: z.literal('care-planning.visit-interval-set'),
  data: z.object({
    weeks: z.number().refine((weeks) => (visitIntervalWeeks as readonly number[]).includes(weeks), {
      message: `Select the visit interval in weeks (${visitIntervalWeeks.join(', ')})`,
    }).optional(),
    reason: FreeText(2000).optional(),
  }),
});

/**
 * A health assessment (CPPCR reg 7): the initial one when the child becomes looked after, then
 * reviews (903 HEALTH_ASSESSMENT). `developmentChecksUpToDate` is the 903 HEALTH_CHECK of a child
 * under 5 (health surveillance and development checks). `nextReviewWithin` is worked out by the
 * record from the child's age: 6 months under 5, 12 months from 5.
 */
export const HealthAssessmentCompleted = z.object({
  type: z.literal('care-planning.health-assessment-completed'),
  data: z.object({
    periodId: PeriodReference,
    kind: z.enum(healthAssessmentKinds, { error: 'Select whether it was the initial health assessment or a review' }),
    assessedBy: codeFrom(healthAssessorCodes, 'professional who did the assessment'),
    assessorName: FreeText(200).optional(),
    developmentChecksUpToDate: z.boolean().optional(),
    nextReviewWithin: FreeText(20).optional(),
  }),
});

/** The child's teeth are checked by a dentist (903 TEETH_CHECK). */
export const DentalCheckCompleted = z.object({
  type: z.literal('care-planning.dental-check-completed'),
  data: z.object({ periodId: PeriodReference }),
});

/** Whether the child's immunisations were up to date on the day (903 IMMUNISATIONS). */
export const ImmunisationsRecorded = z.object({
  type: z.literal('care-planning.immunisations-recorded'),
  data: z.object({ periodId: PeriodReference, upToDate: z.boolean() }),
});

/**
 * The strengths and difficulties questionnaire (903 SDQ_SCORE 0–40), or why there is no score
 * (SDQ_REASON): one or the other.
 */
export const SdqRecorded = z.object({
  type: z.literal('care-planning.sdq-recorded'),
  data: z.object({
    periodId: PeriodReference,
    score: z.number().int().min(0, 'The SDQ score must be between 0 and 40').max(40, 'The SDQ score must be between 0 and 40').optional(),
    reasonNotDone: codeFrom(sdqReasonCodes, 'reason there is no SDQ score').optional(),
  }).refine((d) => (d.score === undefined) !== (d.reasonNotDone === undefined), {
    message: 'Give either the SDQ score or the reason there is none, not both', path: ['score'],
  }),
});

/** A screening of the child's mental health (CLA-22), and whether they were referred to CAMHS. */
export const MentalHealthScreened = z.object({
  type: z.literal('care-planning.mental-health-screened'),
  data: z.object({
    periodId: PeriodReference,
    tool: codeFrom(mentalHealthScreeningToolCodes, 'screening tool'),
    outcome: codeFrom(mentalHealthScreeningOutcomeCodes, 'outcome of the screening'),
    referredToCamhs: z.boolean(),
  }).refine((d) => !d.referredToCamhs || d.outcome === 'further-support-needed', {
    message: 'Select further support needed as the outcome: the child was referred to CAMHS', path: ['outcome'],
  }),
});

/**
 * Substance misuse (903 SUBSTANCE_MISUSE, INTERVENTION_OFFERED, INTERVENTION_RECEIVED): whether the
 * child was identified as having a problem in the year, and whether an intervention was offered and
 * received.
 */
export const SubstanceMisuseRecorded = z.object({
  type: z.literal('care-planning.substance-misuse-recorded'),
  data: z.object({
    periodId: PeriodReference,
    identified: z.boolean(),
    interventionOffered: z.boolean().optional(),
    interventionReceived: z.boolean().optional(),
  }).refine((d) => d.identified || (d.interventionOffered === undefined && d.interventionReceived === undefined), {
    message: 'Leave the intervention empty: no substance misuse problem was identified', path: ['interventionOffered'],
  }).refine((d) => d.interventionReceived !== true || d.interventionOffered === true, {
    message: 'Select yes for whether an intervention was offered: one was received', path: ['interventionOffered'],
  }),
});

/** A personal education plan (PEP) meeting is held (occurredAt: the day); the term is worked out by the record. */
export const PersonalEducationPlanHeld = z.object({
  type: z.literal('care-planning.pep-held'),
  data: z.object({
    periodId: PeriodReference,
    term: codeFrom(schoolTermCodes, 'term').optional(),
    summary: FreeText(4000).optional(),
  }),
});

/** The school the child goes to, from the event's date. */
export const SchoolRecorded = z.object({
  type: z.literal('care-planning.school-recorded'),
  data: z.object({
    schoolName: FreeText(200),
    /** The school's unique reference number (DfE's Get Information about Schools). */
    urn: z.string().regex(/^\d{6}$/, 'The school URN must be 6 digits').optional(),
  }),
});

/** The child's attendance at school over a term, as a percentage of possible sessions. */
export const AttendanceRecorded = z.object({
  type: z.literal('care-planning.attendance-recorded'),
  data: z.object({
    /** The school year the term is in, by its first calendar year: 2024 is 2024/25. */
    schoolYear: z.number().int().min(1990, 'Give the school year by its first year, like 2024').max(2100, 'Give the school year by its first year, like 2024'),
    term: codeFrom(schoolTermCodes, 'term'),
    percent: z.number().min(0, 'Attendance must be between 0 and 100 per cent').max(100, 'Attendance must be between 0 and 100 per cent'),
  }),
});

/** The young woman looked after became a mother (903 MOTHER and MC_DOB; occurredAt: the recording). */
export const BecameMother = z.object({
  type: z.literal('care-planning.became-mother'),
  data: z.object({ childBornOn: IsoDate }),
});

export const carePlanningEvents = [
  CarePlanRecorded,
  PlacementPlanRecorded,
  PermanencePlanRecorded,
  PermanencyPlanningMeetingHeld,
  IroAllocated,
  LookedAfterReviewHeld,
  LookedAfterVisitMade,
  VisitIntervalSet,
  HealthAssessmentCompleted,
  DentalCheckCompleted,
  ImmunisationsRecorded,
  SdqRecorded,
  MentalHealthScreened,
  SubstanceMisuseRecorded,
  PersonalEducationPlanHeld,
  SchoolRecorded,
  AttendanceRecorded,
  BecameMother,
] as const;
