import { requireOnOrAfter, resolveReference, type ReducerTable } from '../../record/fold-context.ts';
import { openEpisodeOf, type ChildProtectionPlanState, type ChildRecordState, type EpisodeState } from '../../record/child-record-state.ts';

type ChildProtectionEventType =
  | 'strategy-discussion.held'
  | 'section-47.completed'
  | 'conference.initial-held'
  | 'core-group.held'
  | 'conference.review-held'
  | 'cp-plan.ended'
  | 'cp-plan.category-changed';

const episodeOf = (state: ChildRecordState): EpisodeState => openEpisodeOf(state)!;

function activePlan(state: ChildRecordState, planId: string | undefined): ChildProtectionPlanState {
  const active = episodeOf(state).cpPlans.filter((p) => p.endedOn === undefined);
  return resolveReference(active, (p) => p.planId, planId, 'data.planId', 'child protection plan');
}

/** Plans the child had before this one, in any episode (CIN census NumberOfPreviousCPP). */
const previousPlanCount = (state: ChildRecordState) => state.episodes.reduce((count, e) => count + e.cpPlans.length, 0);

export const childProtectionReducers: ReducerTable<ChildProtectionEventType> = {
  'strategy-discussion.held': (state, event) => {
    const episode = episodeOf(state);
    requireOnOrAfter(event, episode.referralOn, 'the referral');
    episode.strategyDiscussions.push({ strategyDiscussionId: event.entityId, heldOn: event.occurredOn, decision: event.data.decision });
    if (event.data.decision === 'section-47') {
      // A later strategy discussion restarts the clock: the ICPC is due from the last one (WT 2023 ch.4).
      const open = episode.section47s.find((s) => s.completedOn === undefined);
      if (open) {
        // The earlier enquiry is carried on by the new one: it no longer awaits its own conference.
        open.completedOn = event.occurredOn;
        open.icpcRequired = false;
      }
      episode.section47s.push({ section47Id: event.entityId, startedOn: event.occurredOn });
    }
  },
  'section-47.completed': (state, event) => {
    const inProgress = episodeOf(state).section47s.filter((s) => s.completedOn === undefined);
    const enquiry = resolveReference(inProgress, (s) => s.section47Id, event.data.section47Id, 'data.section47Id', 'section 47 enquiry');
    event.data.section47Id = enquiry.section47Id;
    requireOnOrAfter(event, enquiry.startedOn, 'the strategy discussion that started the enquiry');
    enquiry.completedOn = event.occurredOn;
    enquiry.outcome = event.data.outcome;
    enquiry.icpcRequired = event.data.outcome === 'initial-child-protection-conference';
  },
  'conference.initial-held': (state, event) => {
    const episode = episodeOf(state);
    const awaiting = episode.section47s.filter((s) => s.icpcOn === undefined && s.icpcRequired !== false);
    const enquiry = resolveReference(awaiting, (s) => s.section47Id, event.data.section47Id, 'data.section47Id', 'section 47 enquiry awaiting a conference');
    event.data.section47Id = enquiry.section47Id;
    requireOnOrAfter(event, enquiry.startedOn, 'the strategy discussion that started the enquiry');
    enquiry.icpcOn = event.occurredOn;
    if (enquiry.completedOn === undefined) {
      enquiry.completedOn = event.occurredOn;
      enquiry.outcome = 'initial-child-protection-conference';
      enquiry.icpcRequired = true;
    }
    episode.initialConferences.push({ conferenceId: event.entityId, heldOn: event.occurredOn, planRequired: event.data.planRequired, section47Id: enquiry.section47Id });
    if (event.data.planRequired) {
      const dateOfBirth = state.details?.dateOfBirth;
      episode.cpPlans.push({
        planId: event.entityId,
        startedOn: event.occurredOn,
        prebirth: dateOfBirth === undefined || dateOfBirth > event.occurredOn,
        initialCategory: event.data.categoryOfAbuse!,
        latestCategory: event.data.categoryOfAbuse!,
        numberOfPreviousPlans: previousPlanCount(state),
        reviewConferences: [],
        coreGroups: [],
        visits: [],
      });
    }
  },
  'core-group.held': (state, event) => {
    const plan = activePlan(state, event.data.planId);
    event.data.planId = plan.planId;
    requireOnOrAfter(event, plan.startedOn, 'the plan started');
    plan.coreGroups.push(event.occurredOn);
  },
  'conference.review-held': (state, event) => {
    const plan = activePlan(state, event.data.planId);
    event.data.planId = plan.planId;
    requireOnOrAfter(event, plan.startedOn, 'the plan started');
    plan.reviewConferences.push(event.occurredOn);
    if (event.data.categoryOfAbuse) plan.latestCategory = event.data.categoryOfAbuse;
    if (!event.data.planContinues) {
      plan.endedOn = event.occurredOn;
      plan.endReason = event.data.planEndReason ?? 'no-longer-at-risk';
    }
  },
  'cp-plan.ended': (state, event) => {
    const plan = activePlan(state, event.data.planId);
    event.data.planId = plan.planId;
    requireOnOrAfter(event, plan.startedOn, 'the plan started');
    plan.endedOn = event.occurredOn;
    plan.endReason = event.data.reason;
  },
  'cp-plan.category-changed': (state, event) => {
    const plan = activePlan(state, event.data.planId);
    event.data.planId = plan.planId;
    requireOnOrAfter(event, plan.startedOn, 'the plan started');
    plan.latestCategory = event.data.categoryOfAbuse;
  },
};
