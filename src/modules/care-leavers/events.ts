import { z } from 'zod';
import { codeFrom, EventId, FreeText, IsoDate } from '../../platform/schema-helpers.ts';
import {
  accommodationCodes, activityCodes, contactMethodCodes, eligibilityCategoryCodes, inTouchCodes, lifelongLinksOutcomeCodes, participationCodes,
  qualityGradeCodes, supportEndedReasonCodes, tenancyKindCodes,
} from './codes.ts';

/**
 * The council decides which leaving care duties it owes the young person (occurredAt: the day
 * decided). The record works the category out from the periods of care where it can (eligibility.ts):
 * a decision that differs from it, or one the record cannot work out (care before the record began,
 * care by another council), says why.
 */
export const EligibilityRecorded = z.object({
  type: z.literal('care-leavers.eligibility-recorded'),
  data: z.object({
    category: codeFrom(eligibilityCategoryCodes, 'eligibility category'),
    reason: FreeText(2000).optional(),
    /** Worked out by the record from the periods of care: any value given is replaced. */
    computedCategory: z.string().optional(),
    /** Worked out by the record: a pathway plan is owed and none is made yet (the pathway plan's clock starts). */
    pathwayPlanOwed: z.boolean().optional(),
  }),
});

/** A personal adviser is allocated (Children Act 1989 s23B, s23C; occurredAt: the day allocated). A worker of a leaving care team. */
export const PersonalAdviserAllocated = z.object({
  type: z.literal('care-leavers.personal-adviser-allocated'),
  data: z.object({ workerId: FreeText(40), teamId: FreeText(40) }),
});

/** The pathway plan is made, from the assessment of needs (Care Leavers (England) Regulations 2010 regs 5–6; occurredAt: the day). */
export const PathwayPlanMade = z.object({
  type: z.literal('care-leavers.pathway-plan-made'),
  data: z.object({
    participation: codeFrom(participationCodes, 'participation'),
    qualityGrade: codeFrom(qualityGradeCodes, 'quality grade').optional(),
    summary: FreeText(4000).optional(),
  }),
});

/** The pathway plan is reviewed (reg 7: at least every 6 months; occurredAt: the day of the review). */
export const PathwayPlanReviewed = z.object({
  type: z.literal('care-leavers.pathway-plan-reviewed'),
  data: z.object({
    participation: codeFrom(participationCodes, 'participation'),
    qualityGrade: codeFrom(qualityGradeCodes, 'quality grade').optional(),
    summary: FreeText(4000).optional(),
  }),
});

/**
 * The contact around a birthday that the SSDA903 OC3 record reports (occurredAt: the day of the
 * contact): whether the council was in touch, and, when it was, the young person's activity and
 * accommodation, and whether the accommodation is suitable.
 */
export const BirthdayContactRecorded = z.object({
  type: z.literal('care-leavers.birthday-contact-recorded'),
  data: z.object({
    inTouch: codeFrom(inTouchCodes, 'in touch'),
    activity: codeFrom(activityCodes, 'activity').optional(),
    accommodation: codeFrom(accommodationCodes, 'accommodation').optional(),
    accommodationSuitable: z.boolean().optional(),
    /** Worked out by the record from the date of birth: the birthday (17th to 25th) the contact is around. */
    birthdayAge: z.number().int().optional(),
  }).superRefine((d, context) => {
    if (d.inTouch === 'YES') {
      if (d.activity === undefined) context.addIssue({ code: 'custom', message: 'Select the young person\'s main activity: the council was in touch', path: ['activity'] });
      if (d.accommodation === undefined) context.addIssue({ code: 'custom', message: 'Select where the young person lives: the council was in touch', path: ['accommodation'] });
    }
    if (d.accommodation !== undefined && d.accommodationSuitable === undefined) {
      context.addIssue({ code: 'custom', message: 'Select whether the accommodation is suitable', path: ['accommodationSuitable'] });
    }
    if (d.inTouch === 'DIED' && (d.activity !== undefined || d.accommodation !== undefined)) {
      context.addIssue({ code: 'custom', message: 'Leave the activity and accommodation empty: the young person has died', path: ['activity'] });
    }
  }),
});

/** The personal adviser is in contact with the young person (occurredAt: the day). */
export const PersonalAdviserContactMade = z.object({
  type: z.literal('care-leavers.personal-adviser-contact-made'),
  data: z.object({
    method: codeFrom(contactMethodCodes, 'contact method'),
    workerId: FreeText(40).optional(),
    summary: FreeText(4000).optional(),
  }),
});

/** The young person moves, or their accommodation is judged again (occurredAt: the day of the move). */
export const AccommodationChanged = z.object({
  type: z.literal('care-leavers.accommodation-changed'),
  data: z.object({
    accommodation: codeFrom(accommodationCodes, 'accommodation'),
    suitable: z.boolean(),
    /** A tenancy of their own began (CL-06): the kind and the day it started (the day of the move when not given: the record fills it in). */
    tenancy: codeFrom(tenancyKindCodes, 'tenancy').optional(),
    tenancyStartedOn: IsoDate.optional(),
  }).refine((d) => d.tenancy !== undefined || d.tenancyStartedOn === undefined, {
    message: 'Select the kind of tenancy, or leave the day it started empty', path: ['tenancy'],
  }),
});

/** A staying put arrangement begins: the young person, 18 or over, stays with their former foster carers (Children Act 1989 s23CZA). */
export const StayingPutStarted = z.object({
  type: z.literal('care-leavers.staying-put-started'),
  data: z.object({ carerName: FreeText(200).optional() }),
});

export const StayingPutEnded = z.object({
  type: z.literal('care-leavers.staying-put-ended'),
  data: z.object({ arrangementId: EventId.optional(), reason: FreeText(500).optional() }),
});

/** A referral to Lifelong Links, and, when known, what came of it (occurredAt: the day referred). */
export const LifelongLinksReferred = z.object({
  type: z.literal('care-leavers.lifelong-links-referred'),
  data: z.object({ outcome: codeFrom(lifelongLinksOutcomeCodes, 'outcome').optional() }),
});

/** The council's leaving care support ends (occurredAt: the day). A death is notified (CL-09). */
export const SupportEnded = z.object({
  type: z.literal('care-leavers.support-ended'),
  data: z.object({ reason: codeFrom(supportEndedReasonCodes, 'reason'), summary: FreeText(4000).optional() }),
});

export const careLeaversEvents = [
  EligibilityRecorded,
  PersonalAdviserAllocated,
  PathwayPlanMade,
  PathwayPlanReviewed,
  BirthdayContactRecorded,
  PersonalAdviserContactMade,
  AccommodationChanged,
  StayingPutStarted,
  StayingPutEnded,
  LifelongLinksReferred,
  SupportEnded,
] as const;
