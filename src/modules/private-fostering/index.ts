/**
 * Private fostering (Children Act 1989 ss.66–70; Children (Private Arrangements for Fostering)
 * Regulations 2005): notifications of children cared for by someone who is not a close relative,
 * the visits, checks, assessment and panel approval of each arrangement, its annual review and its
 * end. Independent of a children-in-need episode: a privately fostered child need not have one.
 */
import { defineDomainModule } from '../domain-module.ts';
import { privateFosteringEvents } from './events.ts';
import { privateFosteringDimensions, privateFosteringMetrics, privateFosteringUnavailableMetrics } from './metrics.ts';
import { privateFosteringProjections } from './projections.ts';
import { PrivateFosteringReadModel, privateFosteringSummaryOf } from './read-model.ts';
import { privateFosteringReportSections } from './report.ts';
import { privateFosteringRetention } from './retention.ts';
import { privateFosteringInvolvements, privateFosteringReducers, privateFosteringTransitions } from './rules.ts';
import { privateFosteringSimulator } from './simulator.ts';
import {
  currentArrangementOf, openPrivateFosteringOf,
  type PrivateFosteringArrangementState, type PrivateFosteringNotificationState, type PrivateFosteringState, type PrivateFosteringVisitState,
} from './state.ts';
import { privateFosteringTimescaleRules } from './timescales.ts';

export const privateFosteringModule = defineDomainModule({
  id: 'private-fostering',
  title: 'Private fostering',
  events: privateFosteringEvents,
  initialState: (): PrivateFosteringState => ({ privateFosteringNotifications: [] }),
  reducers: privateFosteringReducers,
  transitions: privateFosteringTransitions,
  involvementsOf: privateFosteringInvolvements,
  readModel: PrivateFosteringReadModel,
  summaryOf: (state: PrivateFosteringState) => ({ privateFostering: privateFosteringSummaryOf(state) }),
  timescales: privateFosteringTimescaleRules,
  metrics: privateFosteringMetrics,
  unavailableMetrics: privateFosteringUnavailableMetrics,
  dimensions: privateFosteringDimensions,
  reportSections: privateFosteringReportSections,
  retention: privateFosteringRetention,
  simulator: privateFosteringSimulator,
  projections: privateFosteringProjections,
});

export {
  currentArrangementOf, openPrivateFosteringOf,
  type PrivateFosteringArrangementState, type PrivateFosteringNotificationState, type PrivateFosteringState, type PrivateFosteringVisitState,
};
export * from './codes.ts';
export * from './events.ts';
export { nationalityCodes } from './nationalities.ts';
