import { z } from 'zod';
import { contactReasonCodes, localContactSources, referralSourceCodes } from '../../codes/statutory-codes.ts';
import { codeFrom, EventId, FreeText } from '../../platform/schema-helpers.ts';

export const mashAgencies = [
  'police',
  'health',
  'education',
  'probation',
  'housing',
  'adult-social-care',
  'early-help',
  'youth-justice',
  'mental-health',
  'other',
] as const;

export const frontDoorDecisions = ['no-further-action', 'information-and-advice', 'early-help', 'referral-to-social-care'] as const;

/** A request for a service about one child at the front door (occurredAt: the date and time received). */
export const ContactReceived = z.object({
  type: z.literal('contact.received'),
  data: z.object({
    source: codeFrom(referralSourceCodes, 'referral source'),
    localSource: z.enum(Object.keys(localContactSources) as [keyof typeof localContactSources], { message: 'Unknown local contact source' }).optional(),
    primaryReason: codeFrom(contactReasonCodes, 'contact reason'),
    otherReasons: z.array(codeFrom(contactReasonCodes, 'contact reason')).max(10).default([]),
    referrerName: FreeText(200).optional(),
    summary: FreeText(4000).optional(),
  }).refine((d) => !d.localSource || localContactSources[d.localSource].referralSource === d.source, {
    message: 'Local source does not belong to this DfE referral source',
    path: ['localSource'],
  }),
});

export const MashCheckRequested = z.object({
  type: z.literal('mash-check.requested'),
  data: z.object({ contactId: EventId.optional(), agency: z.enum(mashAgencies, { message: 'Unknown MASH agency' }) }),
});

export const MashCheckCompleted = z.object({
  type: z.literal('mash-check.completed'),
  data: z.object({
    contactId: EventId.optional(),
    agency: z.enum(mashAgencies, { message: 'Unknown MASH agency' }),
    informationHeld: z.boolean(),
    summary: FreeText(4000).optional(),
  }),
});

/** The front-door manager's decision on a contact (occurredAt: date and time decided). */
export const ContactDecided = z.object({
  type: z.literal('contact.decided'),
  data: z.object({
    contactId: EventId.optional(),
    decision: z.enum(frontDoorDecisions, { message: 'Unknown front-door decision' }),
    decidedByWorkerId: FreeText(40),
    rationale: FreeText(4000).optional(),
  }),
});

export const frontDoorEvents = [ContactReceived, MashCheckRequested, MashCheckCompleted, ContactDecided] as const;
