import { z } from 'zod';
import { codeFrom, EventId, FreeText, IsoDate } from '../../platform/schema-helpers.ts';
import { ChildDetails } from '../people/index.ts';
import {
  arrangementEndReasonCodes, carerCheckCodes, carerCheckOutcomeCodes, carerRelationshipCodes, notifierCodes, notificationTimingCodes,
  notPrivateFosteringReasonCodes, panelDecisionCodes, parentRelationshipCodes, privateFosteringReasonCodes, reviewOutcomeCodes,
  suitabilityOutcomeCodes,
} from './codes.ts';
import { nationalityCodes } from './nationalities.ts';

/** The notification an event is about: the only open one when not given (the record fills it in). */
const NotificationReference = EventId.optional();

/**
 * The council is told of a private fostering arrangement, proposed or existing (occurredAt: the
 * day the notification was received). It may have come through the front door as a contact.
 */
export const PrivateFosteringNotified = z.object({
  type: z.literal('private-fostering.notified'),
  data: z.object({
    notifiedBy: codeFrom(notifierCodes, 'notifier'),
    timing: codeFrom(notificationTimingCodes, 'notification timing'),
    /** The day the arrangement began, or is to begin, as far as the notification says. */
    arrangementBeginsOn: IsoDate.optional(),
    notifierName: FreeText(200).optional(),
    contactId: EventId.optional(),
    summary: FreeText(4000).optional(),
  }),
});

/** The front door passes the notification to the children in need service to assess (occurredAt: the day it did). */
export const PrivateFosteringNotificationForwarded = z.object({
  type: z.literal('private-fostering.notification-forwarded'),
  data: z.object({ notificationId: NotificationReference }),
});

/**
 * Someone in the household. A person id links them across the council's records (a carer may
 * privately foster more than one child); without one, the record names them carer-1,
 * member-1… within the arrangement.
 */
const HouseholdPerson = z.object({ personId: FreeText(40).optional(), name: FreeText(200), dateOfBirth: IsoDate.optional() });

const Parent = z.object({
  personId: FreeText(40).optional(),
  name: FreeText(200),
  relationship: codeFrom(parentRelationshipCodes, 'parent relationship'),
  livesAbroad: z.boolean().default(false),
});

/** The private foster carer's home: where the child lives, and where the council visits. */
const Address = ChildDetails.shape.address.unwrap().required();

/**
 * The notification is found to be private fostering (Children Act 1989 s66): the child, under 16
 * (under 18 if disabled), is cared for and housed for 28 days or more by someone who is not a close
 * relative, has no parental responsibility for them and is not their guardian (occurredAt: the day
 * it was confirmed, on or after the arrangement began).
 */
export const PrivateFosteringArrangementConfirmed = z.object({
  type: z.literal('private-fostering.arrangement-confirmed'),
  data: z.object({
    notificationId: NotificationReference,
    startedOn: IsoDate,
    expectedEndOn: IsoDate.optional(),
    reason: codeFrom(privateFosteringReasonCodes, 'private fostering reason'),
    nationality: codeFrom(nationalityCodes, 'nationality'),
    carerRelationship: codeFrom(carerRelationshipCodes, 'carer relationship'),
    carers: z.array(HouseholdPerson).min(1, 'Give the private foster carer').max(2),
    /** The other people living in the household (adults are checked as the carers are). */
    householdMembers: z.array(HouseholdPerson).max(12).default([]),
    address: Address,
    parents: z.array(Parent).max(4).default([]),
  }).refine((d) => d.expectedEndOn === undefined || d.expectedEndOn > d.startedOn, {
    message: 'The expected end date must be after the start date', path: ['expectedEndOn'],
  }),
});

/** The notification is found not to be private fostering, and closes (occurredAt: the day decided). */
export const PrivateFosteringNotificationClosed = z.object({
  type: z.literal('private-fostering.notification-closed'),
  data: z.object({
    notificationId: NotificationReference,
    reason: codeFrom(notPrivateFosteringReasonCodes, 'reason'),
    summary: FreeText(4000).optional(),
  }),
});

export const visitKinds = ['initial', 'monitoring'] as const;

/**
 * A visit to the child in the private foster carer's home (regulations 7 and 8). The first visit
 * after a notification is the initial visit; the rest are monitoring visits. The officer speaks to
 * the child alone unless it is inappropriate, and writes a report after each visit.
 */
export const PrivateFosteringVisitMade = z.object({
  type: z.literal('private-fostering.visit-made'),
  data: z.object({
    notificationId: NotificationReference,
    childSeen: z.boolean(),
    seenAlone: z.boolean().default(false),
    reasonNotSeenAlone: FreeText(500).optional(),
    reportWrittenOn: IsoDate.optional(),
    visitedByWorkerId: FreeText(40).optional(),
    /** What the officer saw of the child and the household (optional: issue 16's narrative fields). */
    observed: FreeText(10_000).optional(),
    /** What the child said and how they seemed, in their own words where possible. */
    childsView: FreeText(10_000).optional(),
    /** Worked out by the record from the visits before it: any value given is replaced. */
    visitKind: z.enum(visitKinds).optional(),
    /**
     * Worked out by the record: the first visit at which the child is seen on or after the first
     * anniversary of the arrangement (counted from when the council knew of it), from which visits
     * are due every 12 weeks instead of every 6 (regulation 8).
     */
    firstVisitOfLaterYears: z.boolean().optional(),
  }).refine((d) => d.childSeen || !d.seenAlone, { message: 'Select no for whether the child was seen alone: the child was not seen', path: ['seenAlone'] }),
});

/** The checks on the carer or another adult of the household (occurredAt: the day the result came). */
export const PrivateFosteringCarerCheckCompleted = z.object({
  type: z.literal('private-fostering.carer-check-completed'),
  data: z.object({
    /** Whom the check was on: a carer or household member of the arrangement; the first carer when not given. */
    personId: FreeText(40).optional(),
    check: codeFrom(carerCheckCodes, 'check'),
    outcome: codeFrom(carerCheckOutcomeCodes, 'check outcome'),
    dbsCertificateIssuedOn: IsoDate.optional(),
  }).refine((d) => d.dbsCertificateIssuedOn === undefined || d.check.startsWith('dbs-'), {
    message: 'Leave the date the DBS certificate was issued empty: only a DBS check has a certificate', path: ['dbsCertificateIssuedOn'],
  }),
});

/** The assessment of the arrangement's suitability is completed (occurredAt: the day a manager authorised it). */
export const PrivateFosteringSuitabilityAssessed = z.object({
  type: z.literal('private-fostering.suitability-assessed'),
  data: z.object({
    outcome: codeFrom(suitabilityOutcomeCodes, 'suitability outcome'),
    authorisedByWorkerId: FreeText(40),
    requirements: FreeText(4000).optional(),
    summary: FreeText(4000).optional(),
  }),
});

/** The panel (the Assistant Director or Director) decides on the assessed arrangement (occurredAt: the panel's date). */
export const PrivateFosteringPanelDecided = z.object({
  type: z.literal('private-fostering.panel-decided'),
  data: z.object({
    decision: codeFrom(panelDecisionCodes, 'panel decision'),
    chairWorkerId: FreeText(40),
    requirements: FreeText(4000).optional(),
  }),
});

/** The annual review of a long-term arrangement at the panel (occurredAt: the day reviewed). */
export const PrivateFosteringArrangementReviewed = z.object({
  type: z.literal('private-fostering.arrangement-reviewed'),
  data: z.object({
    outcome: codeFrom(reviewOutcomeCodes, 'review outcome'),
    chairWorkerId: FreeText(40),
    summary: FreeText(4000).optional(),
  }),
});

/** The child stops being privately fostered (occurredAt: the day the arrangement ended). */
export const PrivateFosteringArrangementEnded = z.object({
  type: z.literal('private-fostering.arrangement-ended'),
  data: z.object({ reason: codeFrom(arrangementEndReasonCodes, 'end reason'), summary: FreeText(4000).optional() }),
});

export const privateFosteringEvents = [
  PrivateFosteringNotified,
  PrivateFosteringNotificationForwarded,
  PrivateFosteringVisitMade,
  PrivateFosteringArrangementConfirmed,
  PrivateFosteringNotificationClosed,
  PrivateFosteringCarerCheckCompleted,
  PrivateFosteringSuitabilityAssessed,
  PrivateFosteringPanelDecided,
  PrivateFosteringArrangementReviewed,
  PrivateFosteringArrangementEnded,
] as const;
