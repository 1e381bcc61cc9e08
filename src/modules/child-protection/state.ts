/**
 * Child protection's parts of a children-in-need episode: the strategy discussions, section 47
 * enquiries, conferences and plans held within it (as the CIN census nests them in an episode).
 * The children-in-need episode carries these lists; this module alone changes them.
 */
export interface ChildProtectionParts {
  strategyDiscussions: { strategyDiscussionId: string; heldOn: string; decision: string }[];
  section47s: Section47State[];
  initialConferences: { conferenceId: string; heldOn: string; planRequired: boolean; section47Id?: string }[];
  cpPlans: ChildProtectionPlanState[];
}

export interface Section47State {
  section47Id: string;
  startedOn: string;
  completedOn?: string;
  outcome?: string;
  icpcRequired?: boolean;
  icpcOn?: string;
}

export interface ChildProtectionPlanState {
  planId: string;
  startedOn: string;
  prebirth: boolean;
  initialCategory: string;
  latestCategory: string;
  numberOfPreviousPlans: number;
  reviewConferences: string[];
  coreGroups: string[];
  visits: { visitedOn: string; childSeen: boolean; seenAlone: boolean }[];
  endedOn?: string;
  endReason?: string;
}

/** A new episode's child protection parts: none yet. */
export const noChildProtectionParts = (): ChildProtectionParts => ({ strategyDiscussions: [], section47s: [], initialConferences: [], cpPlans: [] });

export const activePlanIn = (episode: ChildProtectionParts | undefined): ChildProtectionPlanState | undefined =>
  episode?.cpPlans.find((plan) => plan.endedOn === undefined);
