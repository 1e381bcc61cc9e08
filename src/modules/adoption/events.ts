/**
 * The events of adoption and permanence for a child looked after: the agency decision that the
 * child should be placed for adoption, the placement order, the match, the placement, the adoption
 * order or the decision reversed; the special guardianship and child arrangements orders that end
 * care; and the child's previous permanence. Every field of the 903 AD1, PlacedAdoption and
 * PrevPerm files is here or worked out from these (AD1 DATE_INT is the date of the decision to
 * place the adoption followed, so it is not asked twice; NB_ADOPTR follows from SEX_ADOPTR).
 *
 * The legal status (E1 placement order, and the rest) and the end of the period of care (E11/E12,
 * E41, E45–E48) are the looked-after module's events; these record the court's orders and the
 * agency's decisions, consistent with what that record shows.
 */
import { z } from 'zod';
import { codeFrom, EventId, FreeText, IsoDate } from '../../platform/schema-helpers.ts';
import {
  adoptersLegalStatusCodes, adoptersSexCodes, adoptionPlacementCodes, legalStatusesFor, previousPermanenceCodes, reasonPlacedCeasedCodes,
} from './codes.ts';

/** The adoption plan an event is about: the only open one when not given (the record fills it in). */
const PlanReference = EventId.optional();
const Court = FreeText(200).optional();

/**
 * The agency decision maker decides that the child should be placed for adoption (Adoption
 * Agencies Regulations 2005 reg 19; occurredAt: the day decided, 903 PlacedAdoption DATE_PLACED
 * and AD1 DATE_INT).
 */
export const AdoptionDecisionToPlace = z.object({
  type: z.literal('adoption.decision-to-place'),
  data: z.object({
    decisionMakerWorkerId: FreeText(40).optional(),
    /** Placed with carers approved as foster carers and as adopters (fostering for adoption, concurrent planning: 903 U2/U5). */
    fosteringForAdoption: z.boolean().default(false),
    summary: FreeText(4000).optional(),
  }),
});

/** The council applies to the court for a placement order (Adoption and Children Act 2002 s22; occurredAt: the day applied). */
export const AdoptionPlacementOrderApplied = z.object({
  type: z.literal('adoption.placement-order-applied'),
  data: z.object({ planId: PlanReference, court: Court }),
});

/**
 * The court makes a placement order (Adoption and Children Act 2002 s21; occurredAt: the day of the
 * order). The child's legal status E1 is recorded as a change of legal status on the looked-after record.
 */
export const AdoptionPlacementOrderGranted = z.object({
  type: z.literal('adoption.placement-order-granted'),
  data: z.object({ planId: PlanReference, court: Court }),
});

/**
 * The adoption panel's recommendation and the decision maker's decision match the child with
 * prospective adopters (occurredAt: the day matched, 903 AD1 DATE_MATCH).
 */
export const AdoptionMatched = z.object({
  type: z.literal('adoption.matched'),
  data: z.object({
    planId: PlanReference,
    adoptersSex: codeFrom(adoptersSexCodes, 'adopters\' sex'),
    adoptersLegalStatus: codeFrom(adoptersLegalStatusCodes, 'adopters\' legal status'),
    /** The adopters are the child's foster carers (903 AD1 FOSTER_CARE). */
    fosterCarers: z.boolean(),
    /**
     * For foster carers who adopt, the day the child moved in with them as foster carers: the
     * adoption scorecard's A10 counts to it rather than to the placement for adoption.
     */
    livingWithAdoptersSince: IsoDate.optional(),
    adoptersName: FreeText(200).optional(),
    /** Worked out by the record from the sex code (903 AD1 NB_ADOPTR): any value given is replaced. */
    numberOfAdopters: z.union([z.literal(1), z.literal(2)]).optional(),
  }).refine((d) => legalStatusesFor[d.adoptersSex].includes(d.adoptersLegalStatus), {
    message: 'Select a legal status that fits the adopters: L0 for one adopter; L12, L2 or L4 for two of the same gender; L11, L2 or L3 for a man and a woman',
    path: ['adoptersLegalStatus'],
  }).refine((d) => d.fosterCarers || d.livingWithAdoptersSince === undefined, {
    message: 'Leave the date the child moved in with the adopters empty: it is asked only when the adopters are the child\'s foster carers',
    path: ['livingWithAdoptersSince'],
  }),
});

/**
 * The child moves in with the prospective adopters, placed for adoption (occurredAt: the day
 * placed). The placement itself (A3–A6) is recorded as a change of placement on the looked-after
 * record; the record links the two.
 */
export const AdoptionPlaced = z.object({
  type: z.literal('adoption.placed'),
  data: z.object({ planId: PlanReference, placement: codeFrom(adoptionPlacementCodes, 'kind of placement for adoption') }),
});

/**
 * The court makes the adoption order (Adoption and Children Act 2002 s46; occurredAt: the day of
 * the order). The period of care ceases with it (E11 or E12), recorded on the looked-after record.
 */
export const AdoptionOrderGranted = z.object({
  type: z.literal('adoption.order-granted'),
  data: z.object({ planId: PlanReference, court: Court, consentDispensedWith: z.boolean().default(false) }),
});

/**
 * The decision that the child should be placed for adoption is reversed (occurredAt: the day, 903
 * PlacedAdoption DATE_PLACED_CEASED; REASON_PLACED_CEASED).
 */
export const AdoptionDecisionReversed = z.object({
  type: z.literal('adoption.decision-reversed'),
  data: z.object({ planId: PlanReference, reason: codeFrom(reasonPlacedCeasedCodes, 'reason the decision was reversed'), summary: FreeText(4000).optional() }),
});

/** To whom an order giving permanence was made: what the 903 reason the period of care ceased records. */
const OrderCarers = {
  /** The carers are relatives or friends of the child (E45/E47). */
  relativeOrFriend: z.boolean(),
  /** The carers were the child's foster carers (E45/E46). */
  formerFosterCarers: z.boolean(),
  carersName: FreeText(200).optional(),
  court: Court,
};

/**
 * The court makes a special guardianship order (Children Act 1989 s14A; occurredAt: the day of the
 * order). The period of care ceases with it (E45–E48), recorded on the looked-after record.
 */
export const SpecialGuardianshipOrderMade = z.object({
  type: z.literal('adoption.special-guardianship-order-made'),
  data: z.object(OrderCarers),
});

/**
 * The court makes a child arrangements order naming with whom the child lives (Children Act 1989
 * s8; occurredAt: the day of the order). The period of care ceases with it (E41).
 */
export const ChildArrangementsOrderMade = z.object({
  type: z.literal('adoption.child-arrangements-order-made'),
  data: z.object(OrderCarers),
});

/**
 * A date the 903 PrevPerm file allows to be partly unknown (DATE_PERM, `ZZ` for an unknown day or
 * month): the year always, the month when known, the day only with the month.
 */
export const PartialDate = z.object({
  year: z.number({ error: 'Enter the year of the order' }).int().min(1900, 'Enter the year of the order as 4 digits').max(2100, 'Enter the year of the order as 4 digits'),
  month: z.number({ error: 'Enter the month of the order as a number from 1 to 12' }).int().min(1, 'Enter the month of the order as a number from 1 to 12').max(12, 'Enter the month of the order as a number from 1 to 12').optional(),
  day: z.number({ error: 'Enter the day of the order as a number from 1 to 31' }).int().min(1, 'Enter the day of the order as a number from 1 to 31').max(31, 'Enter the day of the order as a number from 1 to 31').optional(),
}).refine((d) => d.day === undefined || d.month !== undefined, { message: 'Give the month of the order as well as the day, or leave the day empty', path: ['day'] })
  .refine((d) => d.day === undefined || d.month === undefined || new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDate() === d.day, {
    message: 'The day of the order must be a real day of that month', path: ['day'],
  });
export type PartialDate = z.infer<typeof PartialDate>;

/**
 * What the child's permanence was before this period of care (903 PrevPerm; occurredAt: the day
 * recorded). Asked when the child becomes looked after; recorded against the period of care then open.
 */
export const PreviousPermanenceRecorded = z.object({
  type: z.literal('adoption.previous-permanence-recorded'),
  data: z.object({
    previousPermanence: codeFrom(previousPermanenceCodes, 'previous permanence'),
    /** The council that arranged it: its 3-digit DfE code (LA_PERM), when known. */
    localAuthority: z.string().regex(/^\d{3}$/, 'Give the council as its 3-digit DfE code, like 206').optional(),
    /** The date of the order, as far as it is known (DATE_PERM). */
    orderDate: PartialDate.optional(),
  }).refine((d) => d.previousPermanence !== 'Z1' || (d.localAuthority === undefined && d.orderDate === undefined), {
    message: 'Leave the council and the date of the order empty: the child had no previous permanence order', path: ['previousPermanence'],
  }),
});

export const adoptionEvents = [
  AdoptionDecisionToPlace,
  AdoptionPlacementOrderApplied,
  AdoptionPlacementOrderGranted,
  AdoptionMatched,
  AdoptionPlaced,
  AdoptionOrderGranted,
  AdoptionDecisionReversed,
  SpecialGuardianshipOrderMade,
  ChildArrangementsOrderMade,
  PreviousPermanenceRecorded,
] as const;
