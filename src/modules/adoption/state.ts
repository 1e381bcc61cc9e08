/**
 * Adoption's part of a child's record: each decision that the child should be placed for adoption
 * and what followed it (the adoption plan), the orders other than adoption that gave the child
 * permanence, and the child's permanence before each period of care.
 */
import type { ReasonEpisodeCeased } from '../looked-after/index.ts';
import type { AdoptersLegalStatus, AdoptersSex, AdoptionPlacement, PermanenceOrder, PreviousPermanence, ReasonPlacedCeased } from './codes.ts';
import type { PartialDate } from './events.ts';

export interface AdoptionState {
  /** Every decision that the child should be placed for adoption, oldest first; at most one is open. */
  adoptionPlans: AdoptionPlanState[];
  permanenceOrders: PermanenceOrderState[];
  previousPermanence: PreviousPermanenceState[];
}

export interface AdoptionPlanState {
  /** The entity id of the decision. */
  planId: string;
  /** 903 PlacedAdoption DATE_PLACED and AD1 DATE_INT. */
  decidedOn: string;
  decisionMakerWorkerId?: string;
  fosteringForAdoption: boolean;
  /** The period of care the decision was made in, and the day it began (the scorecard counts from it). */
  periodId?: string;
  enteredCareOn?: string;
  placementOrderAppliedOn?: string;
  placementOrderGrantedOn?: string;
  match?: AdoptionMatchState;
  placedOn?: string;
  placement?: AdoptionPlacement;
  adoptionOrderOn?: string;
  /** E11 unopposed, E12 consent dispensed with. */
  reasonCeased?: ReasonEpisodeCeased;
  /** 903 PlacedAdoption DATE_PLACED_CEASED and REASON_PLACED_CEASED. */
  reversedOn?: string;
  reversalReason?: ReasonPlacedCeased;
}

/** The match with prospective adopters: 903 AD1 DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR. */
export interface AdoptionMatchState {
  matchedOn: string;
  fosterCarers: boolean;
  numberOfAdopters: 1 | 2;
  adoptersSex: AdoptersSex;
  adoptersLegalStatus: AdoptersLegalStatus;
  livingWithAdoptersSince?: string;
  adoptersName?: string;
}

export interface PermanenceOrderState {
  orderId: string;
  order: PermanenceOrder;
  madeOn: string;
  relativeOrFriend: boolean;
  formerFosterCarers: boolean;
  /** The reason the period of care ceases that the order matches (E41, E45–E48). */
  reasonCeased: ReasonEpisodeCeased;
  carersName?: string;
  periodId?: string;
}

export interface PreviousPermanenceState {
  recordId: string;
  recordedOn: string;
  /** The period of care it is about, when the record shows the child looked after then. */
  periodId?: string;
  previousPermanence: PreviousPermanence;
  localAuthority?: string;
  orderDate?: PartialDate;
}

/** Where an adoption plan stands, furthest along first. */
export type AdoptionStage = 'adopted' | 'reversed' | 'placed' | 'matched' | 'placement-order' | 'decision';

export function stageOf(plan: AdoptionPlanState): AdoptionStage {
  if (plan.adoptionOrderOn !== undefined) return 'adopted';
  if (plan.reversedOn !== undefined) return 'reversed';
  if (plan.placedOn !== undefined) return 'placed';
  if (plan.match !== undefined) return 'matched';
  if (plan.placementOrderGrantedOn !== undefined) return 'placement-order';
  return 'decision';
}

/** An adoption plan neither ended by an adoption order nor reversed. */
export const isOpen = (plan: AdoptionPlanState) => plan.adoptionOrderOn === undefined && plan.reversedOn === undefined;

/** The child's open adoption plan, if any. */
export const openAdoptionPlanOf = (state: AdoptionState): AdoptionPlanState | undefined => state.adoptionPlans.find(isOpen);

/** 903 DATE_PERM as the return writes it: DD/MM/YYYY with ZZ for an unknown day or month. */
export function returnDateOf(date: PartialDate): string {
  const two = (n: number | undefined) => (n === undefined ? 'ZZ' : String(n).padStart(2, '0'));
  return `${two(date.day)}/${two(date.month)}/${date.year}`;
}
