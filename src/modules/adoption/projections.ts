/**
 * Adoption's projection tables, created by migrations/0036_adoption.sql: each adoption plan with
 * its dates and match (903 AD1 and PlacedAdoption), each special guardianship and child
 * arrangements order, and each record of previous permanence (903 PrevPerm), for adoption's
 * figures, worklist and retention.
 */
import { projectionTable } from '../../record/projection.ts';
import type { LookedAfterState } from '../looked-after/index.ts';
import { adoptionPlanOf } from './read-model.ts';
import type { AdoptionState } from './state.ts';

type AdoptionRecordState = AdoptionState & Partial<LookedAfterState>;

export const adoptionProjections = [
  projectionTable({
    table: 'adoption_plan',
    columns: {
      plan_id: 'uuid', decided_on: 'date', decision_maker_worker_id: 'text', fostering_for_adoption: 'boolean', entered_care_on: 'date',
      placement_order_applied_on: 'date', placement_order_granted_on: 'date', matched_on: 'date', foster_carers: 'boolean', number_of_adopters: 'integer',
      adopters_sex: 'text', adopters_legal_status: 'text', living_with_adopters_since: 'date', placed_on: 'date', placement: 'text',
      adoption_order_on: 'date', reason_ceased: 'text', reversed_on: 'date', reversal_reason: 'text', stage: 'text',
    },
    key: ['plan_id'],
    rowsOf: (state: AdoptionRecordState) => state.adoptionPlans.map((p) => {
      const plan = adoptionPlanOf(state, p);
      return {
        plan_id: plan.planId, decided_on: plan.decidedOn, decision_maker_worker_id: plan.decisionMakerWorkerId ?? null, fostering_for_adoption: plan.fosteringForAdoption,
        entered_care_on: plan.enteredCareOn ?? null, placement_order_applied_on: plan.placementOrderAppliedOn ?? null,
        placement_order_granted_on: plan.placementOrderGrantedOn ?? null, matched_on: plan.match?.matchedOn ?? null, foster_carers: plan.match?.fosterCarers ?? null,
        number_of_adopters: plan.match?.numberOfAdopters ?? null, adopters_sex: plan.match?.adoptersSex ?? null, adopters_legal_status: plan.match?.adoptersLegalStatus ?? null,
        living_with_adopters_since: plan.match?.livingWithAdoptersSince ?? null, placed_on: plan.placedOn ?? null, placement: plan.placement ?? null,
        adoption_order_on: plan.adoptionOrderOn ?? null, reason_ceased: plan.reasonCeased ?? null, reversed_on: plan.reversedOn ?? null,
        reversal_reason: plan.reversalReason ?? null, stage: plan.stage,
      };
    }),
  }),
  projectionTable({
    table: 'permanence_order',
    columns: { order_id: 'uuid', order_kind: 'text', made_on: 'date', relative_or_friend: 'boolean', former_foster_carers: 'boolean', reason_ceased: 'text' },
    key: ['order_id'],
    rowsOf: (state: AdoptionRecordState) => state.permanenceOrders.map((o) => ({
      order_id: o.orderId, order_kind: o.order, made_on: o.madeOn, relative_or_friend: o.relativeOrFriend, former_foster_carers: o.formerFosterCarers, reason_ceased: o.reasonCeased,
    })),
  }),
  projectionTable({
    table: 'previous_permanence',
    columns: { record_id: 'uuid', recorded_on: 'date', period_id: 'uuid', previous_permanence: 'text', la_perm: 'text', perm_year: 'integer', perm_month: 'integer', perm_day: 'integer' },
    key: ['record_id'],
    rowsOf: (state: AdoptionRecordState) => state.previousPermanence.map((r) => ({
      record_id: r.recordId, recorded_on: r.recordedOn, period_id: r.periodId ?? null, previous_permanence: r.previousPermanence, la_perm: r.localAuthority ?? null,
      perm_year: r.orderDate?.year ?? null, perm_month: r.orderDate?.month ?? null, perm_day: r.orderDate?.day ?? null,
    })),
  }),
];
