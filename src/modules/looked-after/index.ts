/**
 * Children looked after (Children Act 1989 s20–s22, Part IV; Care Planning, Placement and Case
 * Review (England) Regulations 2010): each period of care as SSDA903 counts it.
 */
import { defineDomainModule } from '../domain-module.ts';
import { lookedAfterEvents } from './events.ts';
import { lookedAfterDimensions, lookedAfterMetrics, lookedAfterUnavailableMetrics } from './metrics.ts';
import { lookedAfterProjections } from './projections.ts';
import { LookedAfterReadModel, lookedAfterSummaryOf } from './read-model.ts';
import { lookedAfterReportSections } from './report.ts';
import { lookedAfterRetention } from './retention.ts';
import { lookedAfterInvolvements, lookedAfterReducers, lookedAfterTransitions } from './rules.ts';
import { lookedAfterSimulator } from './simulator.ts';
import type { LookedAfterState } from './state.ts';

export const lookedAfterModule = defineDomainModule({
  id: 'looked-after',
  title: 'Children looked after',
  events: lookedAfterEvents,
  initialState: (): LookedAfterState => ({ periodsOfCare: [] }),
  reducers: lookedAfterReducers,
  transitions: lookedAfterTransitions,
  involvementsOf: lookedAfterInvolvements,
  readModel: LookedAfterReadModel,
  summaryOf: (state: LookedAfterState) => ({ lookedAfter: lookedAfterSummaryOf(state) }),
  reportSections: lookedAfterReportSections,
  retention: lookedAfterRetention,
  metrics: lookedAfterMetrics,
  unavailableMetrics: lookedAfterUnavailableMetrics,
  dimensions: lookedAfterDimensions,
  projections: lookedAfterProjections,
  simulator: lookedAfterSimulator,
});

export * from './codes.ts';
export * from './events.ts';
export { CarePlacement, LookedAfterSummary, PeriodOfCare } from './read-model.ts';
export { councilOfPostcode, placementLocationOf, postcodeDistrictOf } from './placement-distance.ts';
export * from './state.ts';
export * from './simulated-care.ts';
