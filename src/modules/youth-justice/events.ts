/**
 * Youth justice's events on a child's record: the youth justice service's involvement with the
 * child (aged 10 to 17) and its worker, how each offence was dealt with, the court orders and
 * remands, transfers to council accommodation under PACE, and the joint supervision and planning
 * of children's social care and the youth justice service. Dates are the event's `occurredAt`.
 *
 * A remand, a PACE transfer and a youth rehabilitation order with a residence or intensive
 * fostering requirement make the child looked after (SSDA903 legal status J1, J2, J3): the
 * looked-after module records the child's care; these events record what the court and the police
 * did.
 */
import { z } from 'zod';
import { codeFrom, EventId, FreeText, IsoDate } from '../../platform/schema-helpers.ts';
import {
  attendeeRoleCodes, courtOrderCodes, involvementEndReasonCodes, involvementReasonCodes, jointMeetingKindCodes, offenceOutcomeCodes,
  orderEndReasonCodes, remandEndReasonCodes, remandTypeCodes, sentenceCodes,
} from './codes.ts';

const WorkforceId = z.string().trim().regex(/^[A-Za-z0-9-]{1,40}$/, 'Select a worker from the list');
const Court = FreeText(200);

/** The youth justice service begins work with the child (occurredAt: the day it did). */
export const YouthJusticeInvolvementStarted = z.object({
  type: z.literal('youth-justice.involvement-started'),
  data: z.object({ reason: codeFrom(involvementReasonCodes, 'reason'), summary: FreeText(4000).optional() }),
});

/** The youth justice service's work with the child ends (occurredAt: the day it closed the case). */
export const YouthJusticeInvolvementEnded = z.object({
  type: z.literal('youth-justice.involvement-ended'),
  data: z.object({ reason: codeFrom(involvementEndReasonCodes, 'end reason'), summary: FreeText(4000).optional() }),
});

/** A worker of a youth justice service team becomes the child's youth justice worker (occurredAt: from that day). */
export const YouthJusticeWorkerAllocated = z.object({
  type: z.literal('youth-justice.worker-allocated'),
  data: z.object({ workerId: WorkforceId }),
});

/**
 * How an offence was dealt with (occurredAt: the outcome's date, the court's or the police's
 * decision). A conviction names the court and the sentence; the other outcomes are the police's.
 */
export const YouthJusticeOffenceOutcomeRecorded = z.object({
  type: z.literal('youth-justice.offence-outcome-recorded'),
  data: z.object({
    offenceOn: IsoDate,
    outcome: codeFrom(offenceOutcomeCodes, 'outcome'),
    court: Court.optional(),
    sentence: codeFrom(sentenceCodes, 'sentence').optional(),
    offence: FreeText(500).optional(),
  }).refine((d) => d.outcome === 'conviction' || d.sentence === undefined, { message: 'Leave the sentence empty: only a conviction has a sentence', path: ['sentence'] }),
});

/** A court order the youth justice service supervises begins (occurredAt: the day the court made it). */
export const YouthJusticeCourtOrderMade = z.object({
  type: z.literal('youth-justice.court-order-made'),
  data: z.object({
    order: codeFrom(courtOrderCodes, 'order'),
    court: Court,
    /** The day the order is due to end, as the court set its length. */
    endsOn: IsoDate,
    /** The conviction the order was made on, when recorded. */
    outcomeId: EventId.optional(),
  }),
});

/** A court order ends (occurredAt: the day it ended). */
export const YouthJusticeCourtOrderEnded = z.object({
  type: z.literal('youth-justice.court-order-ended'),
  data: z.object({ orderId: EventId.optional(), reason: codeFrom(orderEndReasonCodes, 'end reason') }),
});

/** A court remands the child (occurredAt: the day of the remand): to council or to youth detention accommodation. */
export const YouthJusticeRemanded = z.object({
  type: z.literal('youth-justice.remanded'),
  data: z.object({ court: Court, remandType: codeFrom(remandTypeCodes, 'remand') }),
});

/** The remand ends (occurredAt: the day it did). */
export const YouthJusticeRemandEnded = z.object({
  type: z.literal('youth-justice.remand-ended'),
  data: z.object({ remandId: EventId.optional(), reason: codeFrom(remandEndReasonCodes, 'end reason') }),
});

/**
 * The police transfer a child charged and refused bail to council accommodation until court
 * (Police and Criminal Evidence Act 1984 s38(6); SSDA903 legal status J2) (occurredAt: the day of the transfer).
 */
export const YouthJusticePaceTransferred = z.object({
  type: z.literal('youth-justice.pace-transferred'),
  data: z.object({ policeStation: FreeText(200).optional(), endedOn: IsoDate.optional() }),
});

const Attendee = z.object({
  role: codeFrom(attendeeRoleCodes, 'role'),
  workerId: WorkforceId.optional(),
  /** Someone not of the council's workforce (a police officer, a health worker). */
  name: FreeText(200).optional(),
});

/**
 * Children's social care and the youth justice service supervise or plan the child's work together
 * (occurredAt: the day of the meeting). Shown on the record as management oversight.
 */
export const YouthJusticeJointMeetingHeld = z.object({
  type: z.literal('youth-justice.joint-meeting-held'),
  data: z.object({
    kind: codeFrom(jointMeetingKindCodes, 'meeting'),
    /** Someone from each service (the record checks it). */
    attendees: z.array(Attendee).min(1, 'Select who took part').max(20),
    discussion: FreeText(6000).optional(),
    decisions: FreeText(4000),
  }),
});

export const youthJusticeEvents = [
  YouthJusticeInvolvementStarted,
  YouthJusticeWorkerAllocated,
  YouthJusticeOffenceOutcomeRecorded,
  YouthJusticeCourtOrderMade,
  YouthJusticeCourtOrderEnded,
  YouthJusticeRemanded,
  YouthJusticeRemandEnded,
  YouthJusticePaceTransferred,
  YouthJusticeJointMeetingHeld,
  YouthJusticeInvolvementEnded,
] as const;
