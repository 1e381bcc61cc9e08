/**
 * Youth justice's part of a child's record: each time the youth justice service was involved with
 * the child and who their worker was, how each offence was dealt with, the court orders, remands
 * and PACE transfers, and the joint meetings of children's social care and the youth justice
 * service.
 */
import type { AttendeeRole, CourtOrder, OffenceOutcome, RemandType, Sentence } from './codes.ts';

export interface YouthJusticeState {
  youthJustice: {
    involvements: YouthJusticeInvolvementState[];
    offenceOutcomes: OffenceOutcomeState[];
    courtOrders: CourtOrderState[];
    remands: RemandState[];
    paceTransfers: PaceTransferState[];
    jointMeetings: JointMeetingState[];
  };
}

export interface YouthJusticeInvolvementState {
  involvementId: string;
  startedOn: string;
  reason: string;
  workerId?: string;
  workerAllocatedOn?: string;
  endedOn?: string;
  endReason?: string;
}

export interface OffenceOutcomeState {
  outcomeId: string;
  offenceOn: string;
  outcomeOn: string;
  outcome: OffenceOutcome;
  court?: string;
  sentence?: Sentence;
}

export interface CourtOrderState {
  orderId: string;
  order: CourtOrder;
  madeOn: string;
  court: string;
  endsOn: string;
  outcomeId?: string;
  endedOn?: string;
  endReason?: string;
}

export interface RemandState {
  remandId: string;
  remandedOn: string;
  court: string;
  remandType: RemandType;
  endedOn?: string;
  endReason?: string;
}

export interface PaceTransferState {
  transferId: string;
  transferredOn: string;
  policeStation?: string;
  endedOn?: string;
}

export interface JointMeetingState {
  meetingId: string;
  heldOn: string;
  kind: string;
  attendees: { role: AttendeeRole; workerId?: string; name?: string }[];
  discussion?: string;
  decisions: string;
}

export const emptyYouthJustice = (): YouthJusticeState => ({
  youthJustice: { involvements: [], offenceOutcomes: [], courtOrders: [], remands: [], paceTransfers: [], jointMeetings: [] },
});

/** The youth justice service's open involvement with the child ("known to the youth justice service"), if any. */
export const currentInvolvementOf = (state: YouthJusticeState): YouthJusticeInvolvementState | undefined =>
  state.youthJustice.involvements.find((involvement) => involvement.endedOn === undefined);

/** Whether the youth justice service was involved with the child at the end of the day. */
export const knownToYouthJusticeOn = (state: YouthJusticeState, date: string): YouthJusticeInvolvementState | undefined =>
  state.youthJustice.involvements.find((i) => i.startedOn <= date && (i.endedOn === undefined || i.endedOn > date));

export const openCourtOrdersOf = (state: YouthJusticeState): CourtOrderState[] => state.youthJustice.courtOrders.filter((o) => o.endedOn === undefined);

export const currentRemandOf = (state: YouthJusticeState): RemandState | undefined => state.youthJustice.remands.find((r) => r.endedOn === undefined);
