/**
 * The events of a period of care, as SSDA903 needs them: the child becomes looked after, their
 * legal status or placement changes, they stop being looked after; with the UASC status ending,
 * the weekly cost of a placement changing and secure accommodation orders. Each event's date
 * (`occurredAt`) is the day it took effect: 903's DECOM, DEC, DUC.
 */
import { z } from 'zod';
import { codeFrom, EventId, FreeText, IsoDate } from '../../platform/schema-helpers.ts';
import {
  categoryOfNeedCodes, legalStatusCodes, placementProviderCodes, placementTypeCodes, reasonEpisodeCeasedCodes, reasonPlacementChangedCodes,
  temporaryPlacementTypes, type PlacementType,
} from './codes.ts';

/** A UK postcode (903 HOME_POST and PL_POST are kept whole; the return gives the district and sector). */
export const Postcode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, 'Enter a real UK postcode, like N1 1AA');

/** Ofsted's unique reference number of the provision (903 URN): 7 characters, or XXXXXXX when it is not registered with Ofsted. */
export const OfstedUrn = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{7}$/, 'Enter the Ofsted unique reference number (7 letters or digits), or XXXXXXX if the provision is not registered with Ofsted');

/** The weekly cost of a placement in pounds, as the council pays it. */
export const WeeklyCost = z.number({ error: 'Enter the weekly cost in pounds' }).nonnegative('The weekly cost cannot be negative').max(100_000, 'Enter a weekly cost of £100,000 or less');

const isTemporary = (type: PlacementType) => temporaryPlacementTypes.includes(type);

/** Where the child is placed (903 PLACE, PLACE_PROVIDER, URN, PL_POST). */
export const Placement = z.object({
  type: codeFrom(placementTypeCodes, 'placement type'),
  /** Not given for temporary moves (T0–T4, 903 rule 213); required otherwise. */
  provider: codeFrom(placementProviderCodes, 'placement provider').optional(),
  ofstedUrn: OfstedUrn.optional(),
  providerName: FreeText(200).optional(),
  postcode: Postcode.optional(),
  weeklyCost: WeeklyCost.optional(),
}).superRefine((placement, context) => {
  if (isTemporary(placement.type) && placement.provider !== undefined) {
    context.addIssue({ code: 'custom', path: ['provider'], message: 'Leave the placement provider empty: a temporary move (T0–T4) has none' });
  }
  if (!isTemporary(placement.type) && placement.provider === undefined) {
    context.addIssue({ code: 'custom', path: ['provider'], message: 'Select the placement provider' });
  }
});
export type Placement = z.infer<typeof Placement>;

/** The period of care an event is about: the only open one when not given (the record fills it in). */
const PeriodReference = EventId.optional();

/** The child becomes looked after (occurredAt: the day, 903 DECOM of the first episode; RNE S). */
export const LookedAfterStarted = z.object({
  type: z.literal('looked-after.started'),
  data: z.object({
    legalStatus: codeFrom(legalStatusCodes, 'legal status'),
    categoryOfNeed: codeFrom(categoryOfNeedCodes, 'category of need'),
    placement: Placement,
    /** Where the child lived when they became looked after: distances are measured from it (903 HOME_POST). */
    homePostcode: Postcode.optional(),
    unaccompaniedAsylumSeeking: z.boolean().default(false),
  }),
});

/** The child's legal status changes, the placement staying the same (occurredAt: the day; RNE L). */
export const LookedAfterLegalStatusChanged = z.object({
  type: z.literal('looked-after.legal-status-changed'),
  data: z.object({ periodId: PeriodReference, legalStatus: codeFrom(legalStatusCodes, 'legal status') }),
});

/**
 * The child moves placement (occurredAt: the day of the move). With the same carer it is RNE T
 * (U when the legal status changes too), otherwise P (B).
 */
export const LookedAfterPlacementChanged = z.object({
  type: z.literal('looked-after.placement-changed'),
  data: z.object({
    periodId: PeriodReference,
    placement: Placement,
    sameCarer: z.boolean({ error: 'Select whether the child stays with the same carer' }),
    reason: codeFrom(reasonPlacementChangedCodes, 'reason the placement changed'),
    /** Given when the legal status changes on the same day. */
    legalStatus: codeFrom(legalStatusCodes, 'legal status').optional(),
  }),
});

const { X1: _sameDay, ...reasonsPeriodCeased } = reasonEpisodeCeasedCodes;
/** The reasons that end a period of care: every 903 REC code except X1 (a new episode the same day, which the record works out). */
export const reasonPeriodCeasedCodes = reasonsPeriodCeased;

/** The child stops being looked after (occurredAt: the day, 903 DEC of the last episode). */
export const LookedAfterCeased = z.object({
  type: z.literal('looked-after.ceased'),
  data: z.object({ periodId: PeriodReference, reason: codeFrom(reasonPeriodCeasedCodes, 'reason the child stopped being looked after') }),
});

/** The child stops being an unaccompanied asylum-seeking child, e.g. granted leave to remain (occurredAt: 903 DUC). */
export const LookedAfterUascStatusCeased = z.object({
  type: z.literal('looked-after.uasc-status-ceased'),
  data: z.object({ periodId: PeriodReference }),
});

/** The weekly cost of the current placement changes (occurredAt: the day the new cost applies from). */
export const LookedAfterPlacementCostChanged = z.object({
  type: z.literal('looked-after.placement-cost-changed'),
  data: z.object({ periodId: PeriodReference, weeklyCost: WeeklyCost }),
});

/** A court authorises keeping the child in secure accommodation (Children Act 1989 s25; occurredAt: the day the order was made). */
export const LookedAfterSecureAccommodationOrderMade = z.object({
  type: z.literal('looked-after.secure-accommodation-order-made'),
  data: z.object({
    periodId: PeriodReference,
    /** The last day the order authorises. */
    endsOn: IsoDate.optional(),
    /** The risks it protects the child from, in a few words each (e.g. sexual exploitation, going missing). */
    reasons: z.array(FreeText(200)).min(1, 'Give at least one reason for the order').max(6),
  }),
});

export const lookedAfterEvents = [
  LookedAfterStarted,
  LookedAfterLegalStatusChanged,
  LookedAfterPlacementChanged,
  LookedAfterCeased,
  LookedAfterUascStatusCeased,
  LookedAfterPlacementCostChanged,
  LookedAfterSecureAccommodationOrderMade,
] as const;
