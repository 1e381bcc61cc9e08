/**
 * Adoption and permanence for children looked after (Adoption and Children Act 2002; Adoption
 * Agencies Regulations 2005; Children Act 1989 ss8 and 14A): the decision that a child should be
 * placed for adoption and what follows it, the orders that end care (adoption, special
 * guardianship, child arrangements) and the child's previous permanence, with every field the
 * SSDA903 AD1, PlacedAdoption and PrevPerm files need.
 */
import { defineDomainModule } from '../domain-module.ts';
import { adoptionEvents } from './events.ts';
import { adoptionDimensions, adoptionMetrics } from './metrics.ts';
import { adoptionProjections } from './projections.ts';
import { AdoptionReadModel, adoptionSummaryOf } from './read-model.ts';
import { adoptionReportSections } from './report.ts';
import { adoptionRetention } from './retention.ts';
import { adoptionInvolvements, adoptionReducers, adoptionTransitions, type AdoptionView } from './rules.ts';
import { adoptionSimulator } from './simulator.ts';
import type { AdoptionState } from './state.ts';
import { adoptionTimescaleRules } from './timescales.ts';

export const adoptionModule = defineDomainModule({
  id: 'adoption',
  title: 'Adoption and permanence',
  events: adoptionEvents,
  initialState: (): AdoptionState => ({ adoptionPlans: [], permanenceOrders: [], previousPermanence: [] }),
  reducers: adoptionReducers,
  transitions: adoptionTransitions,
  involvementsOf: adoptionInvolvements,
  readModel: AdoptionReadModel,
  summaryOf: (state: AdoptionView) => ({ adoption: adoptionSummaryOf(state) }),
  timescales: adoptionTimescaleRules,
  metrics: adoptionMetrics,
  dimensions: adoptionDimensions,
  reportSections: adoptionReportSections,
  retention: adoptionRetention,
  simulator: adoptionSimulator,
  projections: adoptionProjections,
});

export { isOpen as isOpenAdoptionPlan, openAdoptionPlanOf, stageOf as adoptionStageOf, type AdoptionPlanState, type AdoptionState } from './state.ts';
export * from './codes.ts';
export * from './events.ts';
