import type { ChildDetails } from '../modules/people/events.ts';

/** A child's record as folded from the effective events. Nothing here is stored as truth. */
export interface ChildRecordState {
  childId: string;
  laCode: string;
  details?: ChildDetails;
  registeredOn?: string;
  relationships: RelationshipState[];
  households: { householdId: string; joinedOn: string; leftOn?: string }[];
  allocations: { workerId: string; teamId: string; startedOn: string; startedAt: string; endedOn?: string }[];
  contacts: ContactState[];
  episodes: EpisodeState[];
}

export interface RelationshipState {
  relationshipId: string;
  relationship: string;
  relatedChildId?: string;
  relatedPerson?: { personId: string; name: string; dateOfBirth?: string };
  parentalResponsibility: boolean;
  livesWithChild: boolean;
  recordedOn: string;
  endedOn?: string;
}

export interface ContactState {
  contactId: string;
  receivedAt: string;
  receivedOn: string;
  source: string;
  localSource?: string;
  primaryReason: string;
  otherReasons: string[];
  mashChecks: { agency: string; requestedOn?: string; completedOn?: string; informationHeld?: boolean }[];
  decision?: string;
  decidedAt?: string;
  decidedOn?: string;
  decidedByWorkerId?: string;
}

export interface AssessmentState {
  assessmentId: string;
  startedOn: string;
  completedOn?: string;
  factors?: string[];
  outcome?: string;
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

export interface EpisodeState {
  episodeId: string;
  referralOn: string;
  source: string;
  contactId?: string;
  assessments: AssessmentState[];
  cinPlans: { cinPlanId: string; startedOn: string; endedOn?: string }[];
  strategyDiscussions: { strategyDiscussionId: string; heldOn: string; decision: string }[];
  section47s: Section47State[];
  initialConferences: { conferenceId: string; heldOn: string; planRequired: boolean; section47Id?: string }[];
  cpPlans: ChildProtectionPlanState[];
  visits: { visitedOn: string; kind: string; childSeen: boolean; seenAlone: boolean }[];
  closedOn?: string;
  reasonForClosure?: string;
  primaryNeed?: string;
}

export function emptyChildRecord(laCode: string, childId: string): ChildRecordState {
  return { laCode, childId, relationships: [], households: [], allocations: [], contacts: [], episodes: [] };
}

export const openEpisodeOf = (state: ChildRecordState): EpisodeState | undefined =>
  state.episodes.find((episode) => episode.closedOn === undefined);

export const activePlanOf = (state: ChildRecordState): ChildProtectionPlanState | undefined =>
  openEpisodeOf(state)?.cpPlans.find((plan) => plan.endedOn === undefined);

export const currentAllocationOf = (state: ChildRecordState) =>
  state.allocations.find((allocation) => allocation.endedOn === undefined);
