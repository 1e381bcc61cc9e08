/**
 * Adoption's part of the child's record summary, as the API answers it and the web app reads it:
 * one schema for both. `adoptionSummaryOf` makes it from the folded state, linking each placement
 * for adoption to the looked-after placement (A3–A6) recorded for it, where there is one.
 */
import { z } from 'zod';
// The looked-after module's state file, not its index: this schema is read in the browser too, and the index reaches server code.
import { placementsOf, type LookedAfterState } from '../looked-after/state.ts';
import { adoptionPlacementCodes } from './codes.ts';
import { stageOf, type AdoptionPlanState, type AdoptionState } from './state.ts';

const Day = z.string();

export const AdoptionPlan = z.object({
  planId: z.string(),
  stage: z.enum(['adopted', 'reversed', 'placed', 'matched', 'placement-order', 'decision']),
  decidedOn: Day,
  decisionMakerWorkerId: z.string().optional(),
  fosteringForAdoption: z.boolean(),
  periodId: z.string().optional(),
  enteredCareOn: Day.optional(),
  placementOrderAppliedOn: Day.optional(),
  placementOrderGrantedOn: Day.optional(),
  match: z.object({
    matchedOn: Day, fosterCarers: z.boolean(), numberOfAdopters: z.union([z.literal(1), z.literal(2)]), adoptersSex: z.string(), adoptersLegalStatus: z.string(),
    livingWithAdoptersSince: Day.optional(), adoptersName: z.string().optional(),
  }).optional(),
  placedOn: Day.optional(),
  placement: z.string().optional(),
  /** The looked-after placement (A3–A6) the placement for adoption is recorded as, when there is one. */
  lookedAfterPlacementId: z.string().optional(),
  adoptionOrderOn: Day.optional(),
  reasonCeased: z.string().optional(),
  reversedOn: Day.optional(),
  reversalReason: z.string().optional(),
});
export type AdoptionPlan = z.infer<typeof AdoptionPlan>;

export const PermanenceOrder = z.object({
  orderId: z.string(), order: z.enum(['special-guardianship', 'child-arrangements']), madeOn: Day, relativeOrFriend: z.boolean(), formerFosterCarers: z.boolean(),
  reasonCeased: z.string(), carersName: z.string().optional(), periodId: z.string().optional(),
});
export type PermanenceOrder = z.infer<typeof PermanenceOrder>;

export const PreviousPermanence = z.object({
  recordId: z.string(), recordedOn: Day, periodId: z.string().optional(), previousPermanence: z.string(), localAuthority: z.string().optional(),
  orderDate: z.object({ year: z.number(), month: z.number().optional(), day: z.number().optional() }).optional(),
});

export const AdoptionSummary = z.object({
  /** The adoption plan open now, if any. */
  current: AdoptionPlan.nullable(),
  /** Every decision that the child should be placed for adoption and what followed, the earliest first. */
  plans: z.array(AdoptionPlan),
  permanenceOrders: z.array(PermanenceOrder),
  previousPermanence: z.array(PreviousPermanence),
});
export type AdoptionSummary = z.infer<typeof AdoptionSummary>;

/** Adoption's part of the record summary (DomainModule.readModel). */
export const AdoptionReadModel = z.object({
  adoption: AdoptionSummary.describe('The adoption plan open now, every decision to place for adoption, the orders that gave the child permanence and the child\'s previous permanence'),
});
export type AdoptionReadModel = z.infer<typeof AdoptionReadModel>;

/** The looked-after placement for adoption (A3–A6) that began on or after the match, nearest the day placed. */
function lookedAfterPlacementOf(state: Partial<LookedAfterState>, plan: AdoptionPlanState): string | undefined {
  if (plan.placedOn === undefined || state.periodsOfCare === undefined) return undefined;
  const from = plan.match?.matchedOn ?? plan.decidedOn;
  const candidates = state.periodsOfCare.flatMap(placementsOf)
    .filter((p) => p.placement.type in adoptionPlacementCodes && p.startedOn >= from)
    .sort((a, b) => Math.abs(Date.parse(a.startedOn) - Date.parse(plan.placedOn!)) - Math.abs(Date.parse(b.startedOn) - Date.parse(plan.placedOn!)));
  return candidates[0]?.placement.placementId;
}

export function adoptionPlanOf(state: Partial<LookedAfterState>, plan: AdoptionPlanState): AdoptionPlan {
  const linked = lookedAfterPlacementOf(state, plan);
  return { ...plan, stage: stageOf(plan), ...(linked ? { lookedAfterPlacementId: linked } : {}) };
}

export function adoptionSummaryOf(state: AdoptionState & Partial<LookedAfterState>): AdoptionSummary {
  const plans = state.adoptionPlans.map((plan) => adoptionPlanOf(state, plan));
  return {
    current: plans.find((plan) => plan.adoptionOrderOn === undefined && plan.reversedOn === undefined) ?? null,
    plans, permanenceOrders: state.permanenceOrders, previousPermanence: state.previousPermanence,
  };
}
