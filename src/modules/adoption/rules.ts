/**
 * What adoption's events do to the child's record, what each requires (the transition table) and
 * the child's involvement while an adoption plan is open.
 *
 * The looked-after record is read through its contract (`LookedAfterState`): a decision to place, a
 * placement order and a previous permanence are for a child looked after, and an order that ends
 * care for a child looked after until that day. The looked-after part of the state exists once
 * that module is registered; without it (this module's own tests) those checks are not made.
 */
import { longDateOf } from '../../platform/calendar/calendar.ts';
import { DomainError } from '../../platform/errors.ts';
import { openItemFor, requireOnOrAfter, type Involvement, type Reducers, type TransitionRow } from '../domain-module.ts';
import { currentPeriodOfCareOf, type LookedAfterState, type PeriodOfCareState } from '../looked-after/index.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import { numberOfAdoptersOf, reasonCeasedFor, type PermanenceOrder } from './codes.ts';
import type { adoptionEvents } from './events.ts';
import { isOpen, openAdoptionPlanOf, stageOf, type AdoptionPlanState, type AdoptionState } from './state.ts';

export type AdoptionView = AdoptionState & Partial<LookedAfterState> & PeopleState;

/** The looked-after record is there to check against (the looked-after module is registered). */
const knowsCare = (state: Partial<LookedAfterState>): state is LookedAfterState => state.periodsOfCare !== undefined;

/** The child is looked after now (in the fold: at the event being applied), or the record cannot say. */
const lookedAfterNow = (state: AdoptionView) => !knowsCare(state) || currentPeriodOfCareOf(state) !== undefined;

/** The period of care open on the day or ending that day: an order that ends care is made the day the period ceases. */
function periodUntil(state: LookedAfterState, date: string): PeriodOfCareState | undefined {
  return state.periodsOfCare.find((period) => period.startedOn <= date && (period.ceasedOn === undefined || period.ceasedOn >= date));
}

/** Refuses an order that ends care when the record shows the child was not looked after up to that day. */
function requireLookedAfterUntil(state: AdoptionView, event: { occurredOn: string }, order: string): PeriodOfCareState | undefined {
  if (!knowsCare(state)) return undefined;
  const period = periodUntil(state, event.occurredOn);
  if (!period) {
    throw DomainError.invalidField('occurredAt', `The child was not looked after on ${longDateOf(event.occurredOn)}: record the ${order} on a day the child was looked after (the day the period of care ceased at the latest), or record the child becoming looked after first`);
  }
  return period;
}

/** The plan an event names, or the only open one; refused if dated before the decision. */
const planFor = (state: AdoptionState, event: { type: string; occurredOn: string; data: { planId?: string } }): AdoptionPlanState => openItemFor(event, {
  among: state.adoptionPlans.filter(isOpen), idOf: (plan) => plan.planId, field: 'planId',
  what: 'adoption plan', beganOn: (plan) => plan.decidedOn, began: 'the decision that the child should be placed for adoption',
});

function permanenceOrder(order: PermanenceOrder, words: string) {
  return (state: AdoptionView & { laCode: string; childId: string }, event: { entityId: string; occurredOn: string; data: { relativeOrFriend: boolean; formerFosterCarers: boolean; carersName?: string } }) => {
    const period = requireLookedAfterUntil(state, event, words);
    const open = openAdoptionPlanOf(state);
    if (open?.placedOn !== undefined) {
      throw DomainError.invalidField('occurredAt', `The child is placed for adoption (since ${longDateOf(open.placedOn)}): record the decision to place for adoption reversed first, then the ${words}`);
    }
    const { data } = event;
    state.permanenceOrders.push({
      orderId: event.entityId, order, madeOn: event.occurredOn, relativeOrFriend: data.relativeOrFriend, formerFosterCarers: data.formerFosterCarers,
      reasonCeased: reasonCeasedFor(order, data), ...(data.carersName ? { carersName: data.carersName } : {}), ...(period ? { periodId: period.periodId } : {}),
    });
  };
}

export const adoptionReducers: Reducers<typeof adoptionEvents, AdoptionView> = {
  'adoption.decision-to-place': (state, event) => {
    const period = knowsCare(state) ? currentPeriodOfCareOf(state) : undefined;
    state.adoptionPlans.push({
      planId: event.entityId,
      decidedOn: event.occurredOn,
      // Read as the schema gives it: a stored event written before the field existed has none.
      fosteringForAdoption: event.data.fosteringForAdoption === true,
      ...(event.data.decisionMakerWorkerId ? { decisionMakerWorkerId: event.data.decisionMakerWorkerId } : {}),
      ...(period ? { periodId: period.periodId, enteredCareOn: period.startedOn } : {}),
    });
  },
  'adoption.placement-order-applied': (state, event) => {
    const plan = planFor(state, event);
    plan.placementOrderAppliedOn = event.occurredOn;
  },
  'adoption.placement-order-granted': (state, event) => {
    const plan = planFor(state, event);
    requireOnOrAfter(event, plan.placementOrderAppliedOn, 'the application for the placement order');
    plan.placementOrderGrantedOn = event.occurredOn;
  },
  'adoption.matched': (state, event) => {
    const plan = planFor(state, event);
    const { data } = event;
    if (data.livingWithAdoptersSince !== undefined && data.livingWithAdoptersSince > event.occurredOn) {
      throw DomainError.invalidField('data.livingWithAdoptersSince', `The date the child moved in with the foster carers must be on or before the match on ${longDateOf(event.occurredOn)}`);
    }
    // NB_ADOPTR follows from the sex code: written back so the stored event carries every AD1 field.
    data.numberOfAdopters = numberOfAdoptersOf(data.adoptersSex);
    plan.match = {
      matchedOn: event.occurredOn, fosterCarers: data.fosterCarers, numberOfAdopters: data.numberOfAdopters,
      adoptersSex: data.adoptersSex, adoptersLegalStatus: data.adoptersLegalStatus,
      ...(data.livingWithAdoptersSince ? { livingWithAdoptersSince: data.livingWithAdoptersSince } : {}),
      ...(data.adoptersName ? { adoptersName: data.adoptersName } : {}),
    };
  },
  'adoption.placed': (state, event) => {
    const plan = planFor(state, event);
    requireOnOrAfter(event, plan.match?.matchedOn, 'the match with the adopters');
    const underOrder = event.data.placement === 'A5' || event.data.placement === 'A6';
    if (underOrder && plan.placementOrderGrantedOn === undefined) {
      throw DomainError.invalidField('data.placement', 'Select a placement with consent (A3 or A4): no placement order is recorded, so record the placement order first to place under one (A5 or A6)');
    }
    if (underOrder) requireOnOrAfter(event, plan.placementOrderGrantedOn, 'the placement order');
    if (plan.match?.fosterCarers === true && (event.data.placement === 'A4' || event.data.placement === 'A6')) {
      throw DomainError.invalidField('data.placement', 'Select a placement with the child\'s current foster carers (A3 or A5): the adopters matched are the child\'s foster carers');
    }
    plan.placedOn = event.occurredOn;
    plan.placement = event.data.placement;
  },
  'adoption.order-granted': (state, event) => {
    const plan = planFor(state, event);
    requireOnOrAfter(event, plan.placedOn, 'the child was placed for adoption');
    requireLookedAfterUntil(state, event, 'adoption order');
    plan.adoptionOrderOn = event.occurredOn;
    plan.reasonCeased = event.data.consentDispensedWith === true ? 'E12' : 'E11';
  },
  'adoption.decision-reversed': (state, event) => {
    const plan = planFor(state, event);
    if (event.data.reason === 'RD2' && plan.placementOrderGrantedOn !== undefined) {
      throw DomainError.invalidField('data.reason', `Select another reason: the court made a placement order on ${longDateOf(plan.placementOrderGrantedOn)}`);
    }
    plan.reversedOn = event.occurredOn;
    plan.reversalReason = event.data.reason;
  },
  'adoption.special-guardianship-order-made': permanenceOrder('special-guardianship', 'special guardianship order'),
  'adoption.child-arrangements-order-made': permanenceOrder('child-arrangements', 'child arrangements order'),
  'adoption.previous-permanence-recorded': (state, event) => {
    const period = knowsCare(state) ? currentPeriodOfCareOf(state) : undefined;
    const { data } = event;
    if (data.orderDate !== undefined) {
      const { year, month, day } = data.orderDate;
      const earliest = `${year}-${String(month ?? 1).padStart(2, '0')}-${String(day ?? 1).padStart(2, '0')}`;
      if (earliest > event.occurredOn) throw DomainError.invalidField('data.orderDate', `The date of the previous order must be before ${longDateOf(event.occurredOn)}`);
    }
    if (period && state.previousPermanence.some((record) => record.periodId === period.periodId)) {
      throw DomainError.invalidField('data.previousPermanence', `The previous permanence of the period of care that began on ${longDateOf(period.startedOn)} is already recorded: correct that entry instead`);
    }
    state.previousPermanence.push({
      recordId: event.entityId, recordedOn: event.occurredOn, previousPermanence: data.previousPermanence,
      ...(period ? { periodId: period.periodId } : {}),
      ...(data.localAuthority ? { localAuthority: data.localAuthority } : {}),
      ...(data.orderDate ? { orderDate: data.orderDate } : {}),
    });
  },
};

const stageIs = (...stages: ReturnType<typeof stageOf>[]) => (s: AdoptionState) => {
  const plan = openAdoptionPlanOf(s);
  return plan !== undefined && stages.includes(stageOf(plan));
};
const hasOpenPlan = (s: AdoptionState) => openAdoptionPlanOf(s) !== undefined;
/** A placement order comes before the match: the scorecard's A2 counts from the order to the match. */
const awaitingPlacementOrder = stageIs('decision');

export const adoptionTransitions: { [K in keyof typeof adoptionReducers]: TransitionRow<AdoptionView> } = {
  'adoption.decision-to-place': {
    action: 'record a decision that the child should be placed for adoption', what: 'the decision',
    requires: 'record the child becoming looked after first, and reverse or complete any adoption plan already open',
    holds: (s) => isRegistered(s) && lookedAfterNow(s) && !hasOpenPlan(s),
  },
  'adoption.placement-order-applied': {
    action: 'record an application for a placement order', what: 'the application',
    requires: 'first record the decision that the child should be placed for adoption (an open adoption plan not yet matched, with no placement order yet)',
    holds: awaitingPlacementOrder,
  },
  'adoption.placement-order-granted': {
    action: 'record a placement order', what: 'the placement order',
    requires: 'first record the decision that the child should be placed for adoption, while the child is looked after (an open adoption plan not yet matched, with no placement order yet)',
    holds: (s) => awaitingPlacementOrder(s) && lookedAfterNow(s),
  },
  'adoption.matched': {
    action: 'record a match with prospective adopters', what: 'the match',
    requires: 'first record the decision that the child should be placed for adoption (an open adoption plan not yet matched)',
    holds: stageIs('decision', 'placement-order'),
  },
  'adoption.placed': {
    action: 'record the child placed for adoption', what: 'the placement for adoption',
    requires: 'first record the match with prospective adopters', holds: stageIs('matched'),
  },
  'adoption.order-granted': {
    action: 'record an adoption order', what: 'the adoption order',
    requires: 'first record the child placed for adoption', holds: stageIs('placed'),
  },
  'adoption.decision-reversed': {
    action: 'record that the child should no longer be placed for adoption', what: 'the reversal',
    requires: 'there is no open adoption plan: the decision to place for adoption must be recorded first', holds: hasOpenPlan,
  },
  'adoption.special-guardianship-order-made': {
    action: 'record a special guardianship order', what: 'the order',
    requires: 'register the child first', holds: isRegistered,
  },
  'adoption.child-arrangements-order-made': {
    action: 'record a child arrangements order', what: 'the order',
    requires: 'register the child first', holds: isRegistered,
  },
  'adoption.previous-permanence-recorded': {
    action: 'record the child\'s previous permanence', what: 'the record of previous permanence',
    requires: 'record the child becoming looked after first: previous permanence is asked of each period of care', holds: (s) => isRegistered(s) && lookedAfterNow(s),
  },
};

/** Where an open plan not yet placed stands, for the record header and the adoption worklist. */
const planStageWords = { decision: 'decision made', 'placement-order': 'placement order made', matched: 'matched with adopters' } as const;

/**
 * An open adoption plan: placed for adoption once placed, else a plan for adoption whose label says
 * how far it has come. Ranked with being looked after, which the child is (and which, registered
 * first, gives the record its one-word status).
 */
export function adoptionInvolvements(state: AdoptionState): Involvement[] {
  const plan = openAdoptionPlanOf(state);
  if (!plan) return [];
  if (plan.placedOn !== undefined) return [{ kind: 'placed-for-adoption', label: 'Placed for adoption', since: plan.placedOn, rank: 7 }];
  const stage = stageOf(plan) as keyof typeof planStageWords;
  return [{ kind: 'adoption-plan', label: `Plan for adoption: ${planStageWords[stage]}`, since: plan.decidedOn, rank: 7 }];
}
