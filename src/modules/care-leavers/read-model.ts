/**
 * Care leavers' part of the child's record summary, as the API answers it and the web app reads it:
 * one schema for both. `careLeaversSummaryOf` makes it from the folded state.
 */
import { z } from 'zod';
import type { CareLeaversState } from './state.ts';

const Day = z.string();

export const LeavingCare = z.object({
  since: Day,
  eligibilityDecisions: z.array(z.object({ decidedOn: Day, category: z.enum(['eligible', 'relevant', 'former-relevant', 'qualifying']), computedCategory: z.enum(['eligible', 'relevant', 'former-relevant', 'qualifying']).optional(), reason: z.string().optional() })),
  personalAdvisers: z.array(z.object({ workerId: z.string(), teamId: z.string(), allocatedOn: Day })),
  pathwayPlan: z.object({ madeOn: Day, participation: z.string(), qualityGrade: z.string().optional() }).optional(),
  pathwayPlanReviews: z.array(z.object({ reviewId: z.string(), reviewedOn: Day, participation: z.string(), qualityGrade: z.string().optional() })),
  birthdayContacts: z.array(z.object({
    contactId: z.string(), contactedOn: Day, birthdayAge: z.number(), inTouch: z.string(), activity: z.string().optional(), accommodation: z.string().optional(),
    accommodationSuitable: z.boolean().optional(),
  })),
  adviserContacts: z.array(z.object({ contactId: z.string(), contactedOn: Day, method: z.string(), workerId: z.string().optional() })),
  accommodations: z.array(z.object({ changeId: z.string(), changedOn: Day, accommodation: z.string(), suitable: z.boolean(), tenancy: z.string().optional(), tenancyStartedOn: Day.optional() })),
  stayingPut: z.array(z.object({ arrangementId: z.string(), startedOn: Day, carerName: z.string().optional(), endedOn: Day.optional() })),
  lifelongLinks: z.array(z.object({ referralId: z.string(), referredOn: Day, outcome: z.string().optional() })),
  ended: z.object({ endedOn: Day, reason: z.string() }).optional(),
});
export type LeavingCare = z.infer<typeof LeavingCare>;

/** Care leavers' part of the record summary (DomainModule.readModel). */
export const CareLeaversReadModel = z.object({
  leavingCare: LeavingCare.nullable().describe('The leaving care support, open or ended; null for a young person never supported as a care leaver'),
});
export type CareLeaversReadModel = z.infer<typeof CareLeaversReadModel>;

export const careLeaversSummaryOf = (state: CareLeaversState): LeavingCare | null => state.leavingCare ?? null;
