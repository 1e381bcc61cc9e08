import { DomainError } from '../../platform/errors.ts';
import { requireOnOrAfter, resolveReference, type ReducerTable } from '../../record/fold-context.ts';
import { openEpisodeOf, type ChildRecordState, type EpisodeState } from '../../record/child-record-state.ts';

type ChildrenInNeedEventType =
  | 'referral.received'
  | 'assessment.started'
  | 'assessment.completed'
  | 'cin-plan.started'
  | 'cin-plan.ended'
  | 'visit.made'
  | 'episode.closed';

/** The transition table has already checked that an episode is open for these events. */
const episodeOf = (state: ChildRecordState): EpisodeState => openEpisodeOf(state)!;

export const childrenInNeedReducers: ReducerTable<ChildrenInNeedEventType> = {
  'referral.received': (state, event) => {
    const previous = state.episodes.at(-1);
    requireOnOrAfter(event, previous?.closedOn, 'the previous episode closed');
    if (event.data.contactId !== undefined) {
      const contact = state.contacts.find((c) => c.contactId === event.data.contactId);
      if (!contact) throw DomainError.invalidField('data.contactId', `No contact with id ${event.data.contactId}`);
      requireOnOrAfter(event, contact.receivedOn, 'the contact was received');
    }
    state.episodes.push({
      episodeId: event.entityId,
      referralOn: event.occurredOn,
      source: event.data.source,
      contactId: event.data.contactId,
      assessments: [],
      cinPlans: [],
      strategyDiscussions: [],
      section47s: [],
      initialConferences: [],
      cpPlans: [],
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
    const inProgress = episode.assessments.filter((a) => a.completedOn === undefined);
    const assessment = resolveReference(inProgress, (a) => a.assessmentId, event.data.assessmentId, 'data.assessmentId', 'assessment');
    event.data.assessmentId = assessment.assessmentId;
    requireOnOrAfter(event, assessment.startedOn, 'the assessment started');
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
    const episode = episodeOf(state);
    const active = episode.cinPlans.filter((p) => p.endedOn === undefined);
    const plan = resolveReference(active, (p) => p.cinPlanId, event.data.cinPlanId, 'data.cinPlanId', 'child in need plan');
    event.data.cinPlanId = plan.cinPlanId;
    requireOnOrAfter(event, plan.startedOn, 'the plan started');
    plan.endedOn = event.occurredOn;
  },
  'visit.made': (state, event) => {
    const episode = episodeOf(state);
    requireOnOrAfter(event, episode.referralOn, 'the referral');
    const visit = { visitedOn: event.occurredOn, childSeen: event.data.childSeen, seenAlone: event.data.seenAlone };
    episode.visits.push({ ...visit, kind: event.data.kind });
    if (event.data.kind === 'child-protection') {
      const plan = episode.cpPlans.find((p) => p.endedOn === undefined);
      if (!plan) throw DomainError.invalidField('data.kind', 'A child protection visit needs an active child protection plan');
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
