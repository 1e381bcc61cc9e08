/**
 * Private fostering's part of the child's record summary, as the API answers it and the web app
 * reads it: one schema for both. `privateFosteringSummaryOf` makes it from the folded state.
 */
import { z } from 'zod';
import { openPrivateFosteringOf, type PrivateFosteringState } from './state.ts';

const Day = z.string();
const Person = z.object({ personId: z.string(), name: z.string(), dateOfBirth: Day.optional() });

export const PrivateFosteringVisit = z.object({
  visitId: z.string(), visitedOn: Day, visitKind: z.enum(['initial', 'monitoring']), childSeen: z.boolean(), seenAlone: z.boolean(),
  reportWrittenOn: Day.optional(), visitedByWorkerId: z.string().optional(),
});

export const PrivateFosteringArrangement = z.object({
  arrangementId: z.string(),
  confirmedOn: Day,
  startedOn: Day,
  countsFrom: Day,
  expectedEndOn: Day.optional(),
  reason: z.string(),
  nationality: z.string(),
  carerRelationship: z.string(),
  carers: z.array(Person),
  householdMembers: z.array(Person),
  address: z.object({ line1: z.string(), postcode: z.string() }),
  parents: z.array(z.object({ personId: z.string().optional(), name: z.string(), relationship: z.string(), livesAbroad: z.boolean() })),
  carerChecks: z.array(z.object({ personId: z.string(), check: z.string(), outcome: z.string(), completedOn: Day, dbsCertificateIssuedOn: Day.optional() })),
  suitabilityAssessments: z.array(z.object({ assessedOn: Day, outcome: z.string(), authorisedByWorkerId: z.string() })),
  panelDecisions: z.array(z.object({ decidedOn: Day, decision: z.string(), chairWorkerId: z.string() })),
  reviews: z.array(z.object({ reviewId: z.string(), reviewedOn: Day, outcome: z.string() })),
  endedOn: Day.optional(),
  endReason: z.string().optional(),
});

export const PrivateFosteringNotification = z.object({
  notificationId: z.string(),
  receivedOn: Day,
  notifiedBy: z.string(),
  timing: z.string(),
  arrangementBeginsOn: Day.optional(),
  contactId: z.string().optional(),
  forwardedOn: Day.optional(),
  visits: z.array(PrivateFosteringVisit),
  closedOn: Day.optional(),
  closureReason: z.string().optional(),
  arrangement: PrivateFosteringArrangement.optional(),
});
export type PrivateFosteringNotification = z.infer<typeof PrivateFosteringNotification>;

export const PrivateFosteringSummary = z.object({
  /** The notification being dealt with, or the arrangement in force: at most one at a time. */
  current: PrivateFosteringNotification.nullable(),
  /** Every notification about the child, the earliest first. */
  notifications: z.array(PrivateFosteringNotification),
});
export type PrivateFosteringSummary = z.infer<typeof PrivateFosteringSummary>;

/** Private fostering's part of the record summary (DomainModule.readModel). */
export const PrivateFosteringReadModel = z.object({
  privateFostering: PrivateFosteringSummary.describe('The notification or arrangement open now, and every notification about the child'),
});
export type PrivateFosteringReadModel = z.infer<typeof PrivateFosteringReadModel>;

export function privateFosteringSummaryOf(state: PrivateFosteringState): PrivateFosteringSummary {
  return { current: openPrivateFosteringOf(state) ?? null, notifications: state.privateFosteringNotifications };
}
