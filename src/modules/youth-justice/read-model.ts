/**
 * Youth justice's part of the child's record summary, as the API answers it and the web app reads
 * it: one schema for both. `youthJusticeSummaryOf` makes it from the folded state.
 */
import { z } from 'zod';
import { currentInvolvementOf, currentRemandOf, openCourtOrdersOf, type YouthJusticeState } from './state.ts';

const Day = z.string();

export const YouthJusticeInvolvement = z.object({
  involvementId: z.string(), startedOn: Day, reason: z.string(), workerId: z.string().optional(), workerAllocatedOn: Day.optional(),
  endedOn: Day.optional(), endReason: z.string().optional(),
});
export const OffenceOutcome = z.object({
  outcomeId: z.string(), offenceOn: Day, outcomeOn: Day, outcome: z.string(), court: z.string().optional(), sentence: z.string().optional(),
});
export const CourtOrder = z.object({
  orderId: z.string(), order: z.string(), madeOn: Day, court: z.string(), endsOn: Day, outcomeId: z.string().optional(),
  endedOn: Day.optional(), endReason: z.string().optional(),
});
export const Remand = z.object({
  remandId: z.string(), remandedOn: Day, court: z.string(), remandType: z.string(), endedOn: Day.optional(), endReason: z.string().optional(),
});
export const PaceTransfer = z.object({ transferId: z.string(), transferredOn: Day, policeStation: z.string().optional(), endedOn: Day.optional() });
export const JointMeeting = z.object({
  meetingId: z.string(), heldOn: Day, kind: z.string(),
  attendees: z.array(z.object({ role: z.string(), workerId: z.string().optional(), name: z.string().optional() })),
  discussion: z.string().optional(), decisions: z.string(),
});
export type JointMeeting = z.infer<typeof JointMeeting>;

export const YouthJusticeSummary = z.object({
  /** The youth justice service's open involvement ("known to the youth justice service"), or null. */
  current: YouthJusticeInvolvement.nullable(),
  /** The court orders in force now, and the remand, if the child is on one. */
  currentOrders: z.array(CourtOrder),
  currentRemand: Remand.nullable(),
  involvements: z.array(YouthJusticeInvolvement),
  offenceOutcomes: z.array(OffenceOutcome),
  courtOrders: z.array(CourtOrder),
  remands: z.array(Remand),
  paceTransfers: z.array(PaceTransfer),
  jointMeetings: z.array(JointMeeting),
});
export type YouthJusticeSummary = z.infer<typeof YouthJusticeSummary>;

/** Youth justice's part of the record summary (DomainModule.readModel). */
export const YouthJusticeReadModel = z.object({
  youthJustice: YouthJusticeSummary.describe('The youth justice service\'s involvement with the child, offence outcomes, court orders, remands and joint meetings with children\'s social care'),
});
export type YouthJusticeReadModel = z.infer<typeof YouthJusticeReadModel>;

export function youthJusticeSummaryOf(state: YouthJusticeState): YouthJusticeSummary {
  const yj = state.youthJustice;
  return {
    current: currentInvolvementOf(state) ?? null,
    currentOrders: openCourtOrdersOf(state),
    currentRemand: currentRemandOf(state) ?? null,
    involvements: yj.involvements,
    offenceOutcomes: yj.offenceOutcomes,
    courtOrders: yj.courtOrders,
    remands: yj.remands,
    paceTransfers: yj.paceTransfers,
    jointMeetings: yj.jointMeetings,
  };
}
