import type { EventType } from './events.ts';
import { activePlanOf, openEpisodeOf, type ChildRecordState } from './child-record-state.ts';

/**
 * What each action needs of the child's record. The allowed actions at any moment are the rows
 * whose requirement holds; a refused action is answered with the requirement it failed and the
 * actions that are allowed instead.
 */
interface Requirement {
  requires: string;
  holds: (state: ChildRecordState) => boolean;
}

const registered = (s: ChildRecordState) => s.details !== undefined;
const hasOpenEpisode = (s: ChildRecordState) => openEpisodeOf(s) !== undefined;
const undecidedContact = (s: ChildRecordState) => s.contacts.some((c) => c.decision === undefined);
const assessmentInProgress = (s: ChildRecordState) => openEpisodeOf(s)?.assessments.some((a) => a.completedOn === undefined) ?? false;
const section47InProgress = (s: ChildRecordState) => openEpisodeOf(s)?.section47s.some((e) => e.completedOn === undefined) ?? false;
const awaitingInitialConference = (s: ChildRecordState) =>
  openEpisodeOf(s)?.section47s.some((e) => e.icpcOn === undefined && e.icpcRequired !== false) ?? false;
const activeCinPlan = (s: ChildRecordState) => openEpisodeOf(s)?.cinPlans.some((p) => p.endedOn === undefined) ?? false;
const hasActivePlan = (s: ChildRecordState) => activePlanOf(s) !== undefined;

export const actionRequirements = {
  'child.registered': { requires: 'a child not yet registered', holds: (s) => !registered(s) },
  'child.details-changed': { requires: 'a registered child', holds: registered },
  'relationship.recorded': { requires: 'a registered child', holds: registered },
  'relationship.ended': { requires: 'a current relationship', holds: (s) => s.relationships.some((r) => r.endedOn === undefined) },
  'household.joined': { requires: 'a registered child', holds: registered },
  'household.left': { requires: 'a current household', holds: (s) => s.households.some((h) => h.leftOn === undefined) },
  'allocation.started': { requires: 'a registered child', holds: registered },
  'allocation.ended': { requires: 'a current allocation', holds: (s) => s.allocations.some((a) => a.endedOn === undefined) },
  'contact.received': { requires: 'a registered child', holds: registered },
  'mash-check.requested': { requires: 'a contact awaiting a decision', holds: undecidedContact },
  'mash-check.completed': { requires: 'a contact awaiting a decision', holds: undecidedContact },
  'contact.decided': { requires: 'a contact awaiting a decision', holds: undecidedContact },
  'referral.received': { requires: 'no open children-in-need episode', holds: (s) => registered(s) && !hasOpenEpisode(s) },
  'assessment.started': {
    requires: 'an open episode with no assessment in progress',
    holds: (s) => hasOpenEpisode(s) && !assessmentInProgress(s),
  },
  'assessment.completed': { requires: 'an assessment in progress', holds: assessmentInProgress },
  'cin-plan.started': {
    requires: 'an open episode with no child in need or child protection plan',
    holds: (s) => hasOpenEpisode(s) && !activeCinPlan(s) && !hasActivePlan(s),
  },
  'cin-plan.ended': { requires: 'an active child in need plan', holds: activeCinPlan },
  'visit.made': { requires: 'an open episode', holds: hasOpenEpisode },
  'strategy-discussion.held': { requires: 'an open episode', holds: hasOpenEpisode },
  'section-47.completed': { requires: 'a section 47 enquiry in progress', holds: section47InProgress },
  'conference.initial-held': {
    requires: 'a section 47 enquiry awaiting an initial conference and no active plan',
    holds: (s) => awaitingInitialConference(s) && !hasActivePlan(s),
  },
  'core-group.held': { requires: 'an active child protection plan', holds: hasActivePlan },
  'conference.review-held': { requires: 'an active child protection plan', holds: hasActivePlan },
  'cp-plan.ended': { requires: 'an active child protection plan', holds: hasActivePlan },
  'cp-plan.category-changed': { requires: 'an active child protection plan', holds: hasActivePlan },
  'episode.closed': {
    requires: 'an open episode with no active plan and no section 47 enquiry or assessment in progress',
    holds: (s) => hasOpenEpisode(s) && !hasActivePlan(s) && !activeCinPlan(s) && !section47InProgress(s) && !assessmentInProgress(s),
  },
  'event.voided': { requires: 'an earlier event', holds: () => true },
} as const satisfies Record<EventType, Requirement>;

export type ChildAction = keyof typeof actionRequirements;

export function allowedActions(state: ChildRecordState): ChildAction[] {
  return (Object.keys(actionRequirements) as ChildAction[]).filter((action) => actionRequirements[action].holds(state));
}

/** A one-word summary of where the child is in the journey, for lists and refusals. */
export type ChildStatus =
  | 'not-registered'
  | 'known'
  | 'contact'
  | 'referral'
  | 'assessment'
  | 'child-in-need'
  | 'section-47'
  | 'child-protection-plan';

export function childStatusOf(state: ChildRecordState): ChildStatus {
  if (!registered(state)) return 'not-registered';
  if (hasActivePlan(state)) return 'child-protection-plan';
  if (section47InProgress(state) || awaitingInitialConference(state)) return 'section-47';
  if (assessmentInProgress(state)) return 'assessment';
  const episode = openEpisodeOf(state);
  if (episode) return episode.assessments.length > 0 || activeCinPlan(state) ? 'child-in-need' : 'referral';
  if (undecidedContact(state)) return 'contact';
  return 'known';
}
