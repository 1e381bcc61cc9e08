/**
 * Child protection: strategy discussions, section 47 enquiries, initial and review conferences,
 * core groups and child protection plans, all within a children-in-need episode.
 */
import { categoryOfAbuseCodes } from '../../codes/statutory-codes.ts';
import { openEpisodeOf, type ChildrenInNeedState } from '../children-in-need/index.ts';
import { defineDomainModule } from '../domain-module.ts';
import { childProtectionEvents } from './events.ts';
import { childProtectionReportSections } from './report.ts';
import { childProtectionRetention } from './retention.ts';
import { childProtectionDimensions, childProtectionMetrics, childProtectionUnavailableMetrics } from './metrics.ts';
import { ChildProtectionReadModel } from './read-model.ts';
import { childProtectionSimulator } from './simulator.ts';
import { childProtectionProjections } from './projections.ts';
import { childProtectionInvolvements, childProtectionPartnerSharing, childProtectionReducers, childProtectionTransitions } from './rules.ts';
import { activePlanIn, type ChildProtectionParts, type ChildProtectionPlanState, type Section47State } from './state.ts';
import { childProtectionTimescaleRules } from './timescales.ts';

/** The plan open now, if any, in the child's open episode. */
export const activePlanOf = (state: ChildrenInNeedState): ChildProtectionPlanState | undefined => activePlanIn(openEpisodeOf(state));

export const childProtectionModule = defineDomainModule({
  id: 'child-protection',
  title: 'Child protection',
  events: childProtectionEvents,
  // Its state is kept in each children-in-need episode (ChildProtectionParts).
  initialState: () => ({}),
  reducers: childProtectionReducers,
  transitions: childProtectionTransitions,
  involvementsOf: childProtectionInvolvements,
  reportSections: childProtectionReportSections,
  retention: childProtectionRetention,
  readModel: ChildProtectionReadModel,
  summaryOf: (state: ChildrenInNeedState) => {
    const plan = activePlanOf(state);
    return {
      activeChildProtectionPlan: plan ? { ...plan, latestCategoryLabel: categoryOfAbuseCodes[plan.latestCategory as keyof typeof categoryOfAbuseCodes] } : null,
    };
  },
  timescales: childProtectionTimescaleRules,
  metrics: childProtectionMetrics,
  unavailableMetrics: childProtectionUnavailableMetrics,
  dimensions: childProtectionDimensions,
  simulator: childProtectionSimulator,
  projections: childProtectionProjections,
  partnerSharingOf: childProtectionPartnerSharing,
});

export type { ChildProtectionParts, ChildProtectionPlanState, Section47State };
export * from './events.ts';
