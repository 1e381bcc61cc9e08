import { agencyOfReferralSource } from '../../codes/statutory-codes.ts';
import { DomainError } from '../../platform/errors.ts';
import { endingOn, type PartnerSharing } from '../../record/partner-sharing-reason.ts';
import { activePlanIn, noChildProtectionParts } from '../child-protection/state.ts';
import { openItemFor, requireOnOrAfter, type Reducers, type TransitionRow } from '../domain-module.ts';
import type { FrontDoorState } from '../front-door/index.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import type { childrenInNeedEvents } from './events.ts';
import { openEpisodeOf, type ChildrenInNeedState, type EpisodeState } from './state.ts';

type ChildrenInNeedView = ChildrenInNeedState & FrontDoorState & PeopleState;

/** The transition table has already checked that an episode is open for these events. */
const episodeOf = (state: ChildrenInNeedState): EpisodeState => openEpisodeOf(state)!;

export const childrenInNeedReducers: Reducers<typeof childrenInNeedEvents, ChildrenInNeedView> = {
  'referral.received': (state, event) => {
    const previous = state.episodes.at(-1);
    requireOnOrAfter(event, previous?.closedOn, 'the previous episode closed');
    if (event.data.contactId !== undefined) {
      const contact = state.contacts.find((c) => c.contactId === event.data.contactId);
      if (!contact) throw DomainError.invalidField('data.contactId', `Select a contact on the child's record: there is no contact with id ${event.data.contactId}`);
      requireOnOrAfter(event, contact.receivedOn, 'the contact was received');
    }
    state.episodes.push({
      episodeId: event.entityId,
      referralOn: event.occurredOn,
      source: event.data.source,
      contactId: event.data.contactId,
      primaryNeed: event.data.primaryNeed,
      assessments: [],
      cinPlans: [],
      ...noChildProtectionParts(),
      visits: [],
    });
  },
  'assessment.started': (state, event) => {
    const episode = episodeOf(state);
    requireOnOrAfter(event, episode.referralOn, 'the referral');
    episode.assessments.push({ assessmentId: event.entityId, startedOn: event.occurredOn });
  },
  'assessment.completed': (state, event) => {
    const episode = episodeOf(state);
    const assessment = openItemFor(event, {
      among: episode.assessments.filter((a) => a.completedOn === undefined), idOf: (a) => a.assessmentId, field: 'assessmentId',
      what: 'assessment', beganOn: (a) => a.startedOn, began: 'the assessment started',
    });
    assessment.completedOn = event.occurredOn;
    assessment.factors = event.data.factors;
    assessment.outcome = event.data.outcome;
    if (event.data.primaryNeed) episode.primaryNeed = event.data.primaryNeed;
  },
  'cin-plan.started': (state, event) => {
    const episode = episodeOf(state);
    requireOnOrAfter(event, episode.referralOn, 'the referral');
    episode.cinPlans.push({ cinPlanId: event.entityId, startedOn: event.occurredOn });
  },
  'cin-plan.ended': (state, event) => {
    const plan = openItemFor(event, {
      among: episodeOf(state).cinPlans.filter((p) => p.endedOn === undefined), idOf: (p) => p.cinPlanId, field: 'cinPlanId',
      what: 'child in need plan', beganOn: (p) => p.startedOn, began: 'the plan started',
    });
    plan.endedOn = event.occurredOn;
  },
  'visit.made': (state, event) => {
    const episode = episodeOf(state);
    requireOnOrAfter(event, episode.referralOn, 'the referral');
    const visit = { visitedOn: event.occurredOn, childSeen: event.data.childSeen, seenAlone: event.data.seenAlone };
    episode.visits.push({ ...visit, kind: event.data.kind });
    if (event.data.kind === 'child-protection') {
      const plan = activePlanIn(episode);
      if (!plan) throw DomainError.invalidField('data.kind', 'Select another kind of visit: a child protection visit needs a child protection plan, and the child has none on that date');
      requireOnOrAfter(event, plan.startedOn, 'the plan started');
      plan.visits.push(visit);
    }
  },
  'episode.closed': (state, event) => {
    const episode = episodeOf(state);
    const latestActivity = [
      episode.referralOn,
      ...episode.assessments.map((a) => a.completedOn ?? a.startedOn),
      ...episode.cinPlans.map((p) => p.endedOn ?? p.startedOn),
      ...episode.section47s.map((s) => s.completedOn ?? s.startedOn),
      ...episode.cpPlans.map((p) => p.endedOn ?? p.startedOn),
    ].sort().at(-1);
    requireOnOrAfter(event, latestActivity, 'the last recorded work in the episode');
    episode.closedOn = event.occurredOn;
    episode.reasonForClosure = event.data.reasonForClosure;
    episode.primaryNeed = event.data.primaryNeed;
  },
};

const hasOpenEpisode = (s: ChildrenInNeedState) => openEpisodeOf(s) !== undefined;
const assessmentInProgress = (s: ChildrenInNeedState) => openEpisodeOf(s)?.assessments.some((a) => a.completedOn === undefined) ?? false;
const activeCinPlan = (s: ChildrenInNeedState) => openEpisodeOf(s)?.cinPlans.some((p) => p.endedOn === undefined) ?? false;
const hasActivePlan = (s: ChildrenInNeedState) => activePlanIn(openEpisodeOf(s)) !== undefined;
const section47InProgress = (s: ChildrenInNeedState) => openEpisodeOf(s)?.section47s.some((e) => e.completedOn === undefined) ?? false;

export const childrenInNeedTransitions: { [K in keyof typeof childrenInNeedReducers]: TransitionRow<ChildrenInNeedView> } = {
  'referral.received': {
    action: 'record a referral', what: 'the referral',
    requires: 'register the child first, and close the open episode before a new referral', holds: (s) => isRegistered(s) && !hasOpenEpisode(s) },
  'assessment.started': {
    action: 'start an assessment', what: 'the start of the assessment',
    requires: 'first record a referral, and complete any assessment already in progress',
    holds: (s) => hasOpenEpisode(s) && !assessmentInProgress(s),
  },
  'assessment.completed': { action: 'complete an assessment', what: 'the completion of the assessment', requires: 'first start an assessment', holds: assessmentInProgress },
  'cin-plan.started': {
    action: 'start a child in need plan', what: 'the start of the plan',
    requires: 'first record a referral, and the child must not already have a child in need or child protection plan',
    holds: (s) => hasOpenEpisode(s) && !activeCinPlan(s) && !hasActivePlan(s),
  },
  'cin-plan.ended': { action: 'end a child in need plan', what: 'the end of the plan', requires: 'the child has no child in need plan', holds: activeCinPlan },
  'visit.made': { action: 'record a visit', what: 'the visit', requires: 'first record a referral (the child has no open episode)', holds: hasOpenEpisode },
  'episode.closed': {
    action: 'close the case', what: 'the closure',
    requires: 'first end any plan and complete any section 47 enquiry or assessment in progress (and there must be an open episode)',
    holds: (s) => hasOpenEpisode(s) && !hasActivePlan(s) && !activeCinPlan(s) && !section47InProgress(s) && !assessmentInProgress(s),
  },
};

/** Referral, assessment or child in need: where the child stands in an open episode. */
export function childrenInNeedInvolvements(state: ChildrenInNeedState) {
  const episode = openEpisodeOf(state);
  if (!episode) return [];
  const assessment = episode.assessments.find((a) => a.completedOn === undefined);
  if (assessment) return [{ kind: 'assessment', label: 'Assessment in progress', since: assessment.startedOn, rank: 3 }];
  const plan = episode.cinPlans.find((p) => p.endedOn === undefined);
  if (plan) return [{ kind: 'child-in-need', label: 'Child in need plan', since: plan.startedOn, rank: 3 }];
  if (episode.assessments.length > 0) return [{ kind: 'child-in-need', label: 'Child in need', since: episode.referralOn, rank: 3 }];
  return [{ kind: 'referral', label: 'Referral', since: episode.referralOn, rank: 2 }];
}

/**
 * Why children in need shares a child with a partner agency:
 * - own-contact: the agency's own contact that led to a referral, while the episode is open (the
 *   front door shares it until the contact's decision; this carries it on);
 * - own-referral: a referral the agency made straight to social care, while its episode is open.
 */
export function childrenInNeedPartnerSharing(state: ChildrenInNeedState & FrontDoorState): PartnerSharing[] {
  const sharing: PartnerSharing[] = [];
  for (const contact of state.contacts) {
    const agency = agencyOfReferralSource(contact.source);
    const episode = agency && state.episodes.find((e) => e.contactId === contact.contactId);
    if (episode) sharing.push({ agency, reason: 'own-contact', subjectId: contact.contactId, startedOn: contact.receivedOn, ...endingOn(episode.closedOn) });
  }
  for (const episode of state.episodes) {
    const agency = agencyOfReferralSource(episode.source);
    const contactAgency = episode.contactId ? agencyOfReferralSource(state.contacts.find((c) => c.contactId === episode.contactId)?.source ?? '') : undefined;
    if (agency && agency !== contactAgency) {
      sharing.push({ agency, reason: 'own-referral', subjectId: episode.episodeId, startedOn: episode.referralOn, ...endingOn(episode.closedOn) });
    }
  }
  return sharing;
}
