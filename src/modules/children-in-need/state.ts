import type { ChildProtectionParts } from '../child-protection/state.ts';

/** Children in need's part of a child's record: their episodes, from referral to closure. */
export interface ChildrenInNeedState {
  episodes: EpisodeState[];
}

export interface AssessmentState {
  assessmentId: string;
  startedOn: string;
  completedOn?: string;
  factors?: string[];
  outcome?: string;
}

/** One children-in-need episode, with the child protection work done within it. */
export interface EpisodeState extends ChildProtectionParts {
  episodeId: string;
  referralOn: string;
  source: string;
  contactId?: string;
  assessments: AssessmentState[];
  cinPlans: { cinPlanId: string; startedOn: string; endedOn?: string }[];
  visits: { visitedOn: string; kind: string; childSeen: boolean; seenAlone: boolean }[];
  closedOn?: string;
  reasonForClosure?: string;
  primaryNeed?: string;
}

export const openEpisodeOf = (state: ChildrenInNeedState): EpisodeState | undefined =>
  state.episodes.find((episode) => episode.closedOn === undefined);
