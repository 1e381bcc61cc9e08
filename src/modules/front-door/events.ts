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
    localSource: z.enum(Object.keys(localContactSources) as [keyof typeof localContactSources]).optional(),
    primaryReason: codeFrom(contactReasonCodes, 'contact reason'),
    otherReasons: z.array(codeFrom(contactReasonCodes, 'contact reason')).max(10).default([]),
    referrerName: FreeText(200).optional(),
    summary: FreeText(4000).optional(),
  }).refine((d) => !d.localSource || localContactSources[d.localSource].referralSource === d.source, {
    message: 'Select who the contact came from among those of the source selected',
    path: ['localSource'],
  }),
});

export const MashCheckRequested = z.object({
  type: z.literal('mash-check.requested'),
  data: z.object({ contactId: EventId.optional(), agency: z.enum(mashAgencies) }),
});

export const MashCheckCompleted = z.object({
  type: z.literal('mash-check.completed'),
  data: z.object({
    contactId: EventId.optional(),
    agency: z.enum(mashAgencies),
    informationHeld: z.boolean(),
    summary: FreeText(4000).optional(),
  }),
});

/** The front-door manager's decision on a contact (occurredAt: date and time decided). */
export const ContactDecided = z.object({
  type: z.literal('contact.decided'),
  data: z.object({
    contactId: EventId.optional(),
    decision: z.enum(frontDoorDecisions),
    decidedByWorkerId: FreeText(40),
    rationale: FreeText(4000).optional(),
  }),
});

export const frontDoorEvents = [ContactReceived, MashCheckRequested, MashCheckCompleted, ContactDecided] as const;
