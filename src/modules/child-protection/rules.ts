import type { z } from 'zod';
import { endingOn, type PartnerSharing } from '../../record/partner-sharing-reason.ts';
import { openEpisodeOf, type ChildrenInNeedState, type EpisodeState } from '../children-in-need/index.ts';
import { openItemFor, requireOnOrAfter, type Effective, type Reducers, type TransitionRow } from '../domain-module.ts';
import type { PeopleState } from '../people/index.ts';
import type { childProtectionEvents } from './events.ts';
import { activePlanIn, type ChildProtectionPlanState } from './state.ts';

type ChildProtectionView = ChildrenInNeedState & PeopleState;

/** The transition table has already checked that an episode is open for these events. */
const episodeOf = (state: ChildrenInNeedState): EpisodeState => openEpisodeOf(state)!;

/** The active plan an event acts on, checked to be dated on or after the plan started. */
const activePlanFor = (state: ChildrenInNeedState, event: { type: string; occurredOn: string; data: { planId?: string } }): ChildProtectionPlanState => openItemFor(event, {
  among: episodeOf(state).cpPlans.filter((p) => p.endedOn === undefined), idOf: (p) => p.planId, field: 'planId',
  what: 'child protection plan', beganOn: (p) => p.startedOn, began: 'the plan started',
});

/** Plans the child had before this one, in any episode (CIN census NumberOfPreviousCPP). */
const previousPlanCount = (state: ChildrenInNeedState) => state.episodes.reduce((count, e) => count + e.cpPlans.length, 0);

export const childProtectionReducers: Reducers<typeof childProtectionEvents, ChildProtectionView> = {
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
    const enquiry = openItemFor(event, {
      among: episodeOf(state).section47s.filter((s) => s.completedOn === undefined), idOf: (s) => s.section47Id, field: 'section47Id',
      what: 'section 47 enquiry', beganOn: (s) => s.startedOn, began: 'the strategy discussion that started the enquiry',
    });
    enquiry.completedOn = event.occurredOn;
    enquiry.outcome = event.data.outcome;
    enquiry.icpcRequired = event.data.outcome === 'initial-child-protection-conference';
  },
  'conference.initial-held': (state, event) => {
    const episode = episodeOf(state);
    const enquiry = openItemFor(event, {
      among: episode.section47s.filter((s) => s.icpcOn === undefined && s.icpcRequired !== false), idOf: (s) => s.section47Id, field: 'section47Id',
      what: 'section 47 enquiry awaiting a conference', beganOn: (s) => s.startedOn, began: 'the strategy discussion that started the enquiry',
    });
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
    const plan = activePlanFor(state, event);
    plan.coreGroups.push(event.occurredOn);
  },
  'conference.review-held': (state, event) => {
    const plan = activePlanFor(state, event);
    plan.reviewConferences.push(event.occurredOn);
    if (event.data.categoryOfAbuse) plan.latestCategory = event.data.categoryOfAbuse;
    if (!event.data.planContinues) {
      plan.endedOn = event.occurredOn;
      plan.endReason = event.data.planEndReason ?? 'no-longer-at-risk';
    }
  },
  'cp-plan.ended': (state, event) => {
    const plan = activePlanFor(state, event);
    plan.endedOn = event.occurredOn;
    plan.endReason = event.data.reason;
  },
  'cp-plan.category-changed': (state, event) => {
    const plan = activePlanFor(state, event);
    plan.latestCategory = event.data.categoryOfAbuse;
  },
};

const hasOpenEpisode = (s: ChildrenInNeedState) => openEpisodeOf(s) !== undefined;
const hasActivePlan = (s: ChildrenInNeedState) => activePlanIn(openEpisodeOf(s)) !== undefined;
const section47InProgress = (s: ChildrenInNeedState) => openEpisodeOf(s)?.section47s.some((e) => e.completedOn === undefined) ?? false;
const awaitingInitialConference = (s: ChildrenInNeedState) =>
  openEpisodeOf(s)?.section47s.some((e) => e.icpcOn === undefined && e.icpcRequired !== false) ?? false;

export const childProtectionTransitions: { [K in keyof typeof childProtectionReducers]: TransitionRow<ChildProtectionView> } = {
  'strategy-discussion.held': {
    action: 'record a strategy discussion', what: 'the strategy discussion',
    requires: 'first record a referral (the child has no open episode)', holds: hasOpenEpisode,
  },
  'section-47.completed': {
    action: 'complete a section 47 enquiry', what: 'the end of the section 47 enquiry',
    requires: 'first record a strategy discussion that starts a section 47 enquiry', holds: section47InProgress,
  },
  'conference.initial-held': {
    action: 'record an initial child protection conference', what: 'the conference',
    requires: 'first record a section 47 enquiry that decides to hold one (and the child must not already have a child protection plan)',
    holds: (s) => awaitingInitialConference(s) && !hasActivePlan(s),
  },
  'core-group.held': { action: 'record a core group meeting', what: 'the core group meeting', requires: 'the child has no child protection plan', holds: hasActivePlan },
  'conference.review-held': { action: 'record a review child protection conference', what: 'the conference', requires: 'the child has no child protection plan', holds: hasActivePlan },
  'cp-plan.ended': { action: 'end a child protection plan', what: 'the end of the plan', requires: 'the child has no child protection plan', holds: hasActivePlan },
  'cp-plan.category-changed': { action: 'change the category of abuse', what: 'the change of category', requires: 'the child has no child protection plan', holds: hasActivePlan },
};

/** A section 47 enquiry (until its initial conference) and a child protection plan, each while it lasts. */
export function childProtectionInvolvements(state: ChildrenInNeedState) {
  const episode = openEpisodeOf(state);
  if (!episode) return [];
  const involvements = [];
  const plan = activePlanIn(episode);
  if (plan) involvements.push({ kind: 'child-protection-plan', label: 'Child protection plan', since: plan.startedOn, rank: 6 });
  const enquiry = episode.section47s.find((e) => e.completedOn === undefined || (e.icpcOn === undefined && e.icpcRequired !== false));
  if (enquiry) involvements.push({ kind: 'section-47', label: 'Section 47 enquiry', since: enquiry.startedOn, rank: 5 });
  return involvements;
}

type ChildProtectionEvent = Effective<z.infer<(typeof childProtectionEvents)[number]>>;
/** The meetings whose attending agencies a child is shared with. */
type AttendedEvent = Extract<ChildProtectionEvent, { type: 'strategy-discussion.held' | 'conference.initial-held' | 'core-group.held' | 'conference.review-held' }>;
const isAttended = (event: ChildProtectionEvent): event is AttendedEvent =>
  event.type === 'strategy-discussion.held' || event.type === 'conference.initial-held' || event.type === 'core-group.held' || event.type === 'conference.review-held';

/**
 * Why child protection shares a child with a partner agency that attended its meetings:
 * - strategy-discussion: it attended a strategy discussion, while the section 47 enquiry it started
 *   is open, or, where the discussion decided against an enquiry, while the episode is open;
 * - child-protection-conference: it attended an initial conference that made no plan (the work
 *   ends that day);
 * - child-protection-plan: it attended the initial conference that made the plan, or a core group
 *   or review conference of it, while the plan is open (from the first of them).
 */
export function childProtectionPartnerSharing(state: ChildrenInNeedState, events: readonly ChildProtectionEvent[]): PartnerSharing[] {
  const attended = new Map<string, AttendedEvent>();
  for (const event of events) if (isAttended(event)) attended.set(event.entityId, event);
  const agenciesAt = (id: string): readonly string[] => attended.get(id)?.data.attendingAgencies ?? [];
  return state.episodes.flatMap((episode) => sharingOfEpisode(episode, agenciesAt, attended));
}

function sharingOfEpisode(episode: EpisodeState, agenciesAt: (id: string) => readonly string[], attended: ReadonlyMap<string, AttendedEvent>): PartnerSharing[] {
  const sharing: PartnerSharing[] = [];
  for (const discussion of episode.strategyDiscussions) {
    const enquiry = discussion.decision === 'section-47' ? episode.section47s.find((s) => s.section47Id === discussion.strategyDiscussionId) : undefined;
    const endedOn = enquiry ? enquiry.completedOn ?? episode.closedOn : episode.closedOn;
    for (const agency of agenciesAt(discussion.strategyDiscussionId)) {
      sharing.push({ agency, reason: 'strategy-discussion', subjectId: discussion.strategyDiscussionId, startedOn: discussion.heldOn, ...endingOn(endedOn) });
    }
  }
  for (const conference of episode.initialConferences) {
    if (conference.planRequired) continue; // its plan's sharing, below
    for (const agency of agenciesAt(conference.conferenceId)) {
      sharing.push({ agency, reason: 'child-protection-conference', subjectId: conference.conferenceId, startedOn: conference.heldOn, endedOn: conference.heldOn });
    }
  }
  for (const plan of episode.cpPlans) {
    // A plan still open when its episode closed ends with the episode.
    const endedOn = plan.endedOn ?? episode.closedOn;
    const meetings = [...attended.values()].filter((event) =>
      event.entityId === plan.planId || ((event.type === 'core-group.held' || event.type === 'conference.review-held') && event.data.planId === plan.planId));
    for (const meeting of meetings) {
      for (const agency of meeting.data.attendingAgencies) {
        sharing.push({ agency, reason: 'child-protection-plan', subjectId: plan.planId, startedOn: meeting.occurredOn, ...endingOn(endedOn) });
      }
    }
  }
  return sharing;
}
