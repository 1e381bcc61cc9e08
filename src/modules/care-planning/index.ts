/**
 * Care planning for children looked after (Children Act 1989 ss22–26; Care Planning, Placement and
 * Case Review (England) Regulations 2010): the care plan and placement plans, permanence planning,
 * the independent reviewing officer and the looked-after reviews, the social worker's visits, and
 * the child's health and education, each in the period of care the looked-after module keeps.
 */
import { defineDomainModule } from '../domain-module.ts';
import { carePlanningEvents } from './events.ts';
import { carePlanningDimensions, carePlanningMetrics, carePlanningUnavailableMetrics } from './metrics.ts';
import { carePlanningProjections } from './projections.ts';
import { CarePlanningReadModel, carePlanningSummaryOf } from './read-model.ts';
import { carePlanningReportSections } from './report.ts';
import { carePlanningRetention } from './retention.ts';
import { carePlanningReducers, carePlanningTransitions, type CarePlanningView } from './rules.ts';
import { carePlanningSimulator } from './simulator.ts';
import { emptyCarePlanningRecord, type CarePlanningState } from './state.ts';
import { carePlanningTimescaleRules } from './timescales.ts';

export const carePlanningModule = defineDomainModule({
  id: 'care-planning',
  title: 'Care planning, reviews, visits, health and education of children looked after',
  events: carePlanningEvents,
  initialState: (): CarePlanningState => ({ carePlanning: emptyCarePlanningRecord() }),
  reducers: carePlanningReducers,
  transitions: carePlanningTransitions,
  readModel: CarePlanningReadModel,
  summaryOf: (state: CarePlanningView) => ({ carePlanning: carePlanningSummaryOf(state) }),
  timescales: carePlanningTimescaleRules,
  metrics: carePlanningMetrics,
  unavailableMetrics: carePlanningUnavailableMetrics,
  dimensions: carePlanningDimensions,
  reportSections: carePlanningReportSections,
  retention: carePlanningRetention,
  simulator: carePlanningSimulator,
  projections: carePlanningProjections,
});

export type { CarePlanningRecord, CarePlanningState, HealthAssessmentState, LookedAfterReviewState, LookedAfterVisitState } from './state.ts';
export { termOf } from './state.ts';
export * from './codes.ts';
export * from './events.ts';
