/**
 * Children in need: the episode from referral to closure, assessments, child in need plans and
 * visits. Child protection work happens within an episode (see the child-protection module).
 */
import { activePlanIn } from '../child-protection/state.ts';
import { defineDomainModule } from '../domain-module.ts';
import { childrenInNeedEvents } from './events.ts';
import { childrenInNeedProjections } from './projections.ts';
import { childrenInNeedInvolvements, childrenInNeedPartnerSharing, childrenInNeedReducers, childrenInNeedTransitions } from './rules.ts';
import { openEpisodeOf, type AssessmentState, type ChildrenInNeedState, type EpisodeState } from './state.ts';

export const childrenInNeedModule = defineDomainModule({
  id: 'children-in-need',
  title: 'Children in need',
  events: childrenInNeedEvents,
  initialState: (): ChildrenInNeedState => ({ episodes: [] }),
  reducers: childrenInNeedReducers,
  transitions: childrenInNeedTransitions,
  involvementsOf: childrenInNeedInvolvements,
  summaryOf: (state: ChildrenInNeedState) => ({ openEpisode: openEpisodeOf(state) ?? null, episodes: state.episodes }),
  projections: childrenInNeedProjections,
  partnerSharingOf: childrenInNeedPartnerSharing,
});

export { activePlanIn, openEpisodeOf, type AssessmentState, type ChildrenInNeedState, type EpisodeState };
export * from './events.ts';
