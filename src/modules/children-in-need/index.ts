/**
 * Children in need: the episode from referral to closure, assessments, child in need plans and
 * visits. Child protection work happens within an episode (see the child-protection module).
 */
import { activePlanIn } from '../child-protection/state.ts';
import { defineDomainModule } from '../domain-module.ts';
import { childrenInNeedEvents } from './events.ts';
import { childrenInNeedReportSections } from './report.ts';
import { childrenInNeedRetention } from './retention.ts';
import { childrenInNeedDimensions, childrenInNeedMetrics } from './metrics.ts';
import { ChildrenInNeedReadModel } from './read-model.ts';
import {
  childProtectionEnquiry, childProtectionPlanStarts, childrenInNeedSimulator, type ChildProtectionConcern, type ChildProtectionOutcome,
} from './simulator.ts';
import { childrenInNeedProjections } from './projections.ts';
import { childrenInNeedInvolvements, childrenInNeedPartnerSharing, childrenInNeedReducers, childrenInNeedTransitions } from './rules.ts';
import { openEpisodeOf, type AssessmentState, type ChildrenInNeedState, type EpisodeState } from './state.ts';
import { childrenInNeedTimescaleRules, episodeClosure } from './timescales.ts';

export const childrenInNeedModule = defineDomainModule({
  id: 'children-in-need',
  title: 'Children in need',
  events: childrenInNeedEvents,
  initialState: (): ChildrenInNeedState => ({ episodes: [] }),
  reducers: childrenInNeedReducers,
  transitions: childrenInNeedTransitions,
  involvementsOf: childrenInNeedInvolvements,
  reportSections: childrenInNeedReportSections,
  retention: childrenInNeedRetention,
  readModel: ChildrenInNeedReadModel,
  summaryOf: (state: ChildrenInNeedState) => ({ openEpisode: openEpisodeOf(state) ?? null, episodes: state.episodes }),
  timescales: childrenInNeedTimescaleRules,
  metrics: childrenInNeedMetrics,
  dimensions: childrenInNeedDimensions,
  simulator: childrenInNeedSimulator,
  projections: childrenInNeedProjections,
  partnerSharingOf: childrenInNeedPartnerSharing,
});

export { activePlanIn, episodeClosure, openEpisodeOf, type AssessmentState, type ChildrenInNeedState, type EpisodeState };
export { childProtectionEnquiry, childProtectionPlanStarts, type ChildProtectionConcern, type ChildProtectionOutcome };
export * from './events.ts';
