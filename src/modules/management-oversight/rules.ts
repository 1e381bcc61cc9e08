import { DomainError } from '../../platform/errors.ts';
import type { Reducers, TransitionRow } from '../domain-module.ts';
import type { ChildrenInNeedState } from '../children-in-need/index.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import type { ApprovalSubject, managementOversightEvents } from './events.ts';
import { authorisationOf, type AuthorisationState, type ManagementOversightState } from './state.ts';
import { formatLongDate, subjectWords } from './words.ts';

export type ManagementOversightView = ManagementOversightState & ChildrenInNeedState & PeopleState;

/** An assessment, plan or closure on the record that a manager may be asked to authorise. */
export interface AuthorisableItem {
  subject: ApprovalSubject;
  subjectId: string;
  episodeId: string;
  /** The day it became ready to submit: the assessment completed, the plan started, the episode closed. */
  readyOn: string;
}

/** Every assessment completed, plan started and episode closed on the record, the earliest episode first. */
export function authorisableItemsOf(state: ChildrenInNeedState): AuthorisableItem[] {
  return state.episodes.flatMap((episode) => [
    ...episode.assessments.flatMap((a) => (a.completedOn ? [{ subject: 'assessment' as const, subjectId: a.assessmentId, episodeId: episode.episodeId, readyOn: a.completedOn }] : [])),
    ...episode.cinPlans.map((p) => ({ subject: 'cin-plan' as const, subjectId: p.cinPlanId, episodeId: episode.episodeId, readyOn: p.startedOn })),
    ...episode.cpPlans.map((p) => ({ subject: 'cp-plan' as const, subjectId: p.planId, episodeId: episode.episodeId, readyOn: p.startedOn })),
    ...(episode.closedOn ? [{ subject: 'closure' as const, subjectId: episode.episodeId, episodeId: episode.episodeId, readyOn: episode.closedOn }] : []),
  ]);
}

/** May be submitted now: never submitted, or returned to the worker. */
const submittable = (state: ManagementOversightState, item: AuthorisableItem) => {
  const authorisation = authorisationOf(state, item.subjectId);
  return authorisation === undefined || authorisation.status === 'returned';
};

/** The item a submission names; refused in words when the record has no such item. */
function itemSubmitted(state: ManagementOversightView, on: string, data: { subject: ApprovalSubject; subjectId: string }): AuthorisableItem {
  const item = authorisableItemsOf(state).find((candidate) => candidate.subjectId === data.subjectId && candidate.subject === data.subject);
  if (item) return item;
  const started = data.subject === 'assessment' && state.episodes.some((e) => e.assessments.some((a) => a.assessmentId === data.subjectId));
  throw DomainError.invalidField('data.subjectId', started
    ? 'An assessment can be submitted for authorisation only once it has been completed: record its completion first'
    : `There is no ${subjectWords[data.subject].noun} with that id on this child's record on ${formatLongDate(on)}: check what is submitted and the date of submission`);
}

/**
 * The item a manager's decision is about: it must be awaiting authorisation, and dated on or after
 * it was submitted. A manager never decides on their own submission.
 */
function itemAwaiting(state: ManagementOversightState, event: { occurredOn: string; data: { subject: ApprovalSubject; subjectId: string } }, decision: 'authorised' | 'returned', byUserId: string): AuthorisationState {
  const words = subjectWords[event.data.subject];
  const item = authorisationOf(state, event.data.subjectId);
  if (!item || item.subject !== event.data.subject) {
    throw DomainError.invalidField('data.subjectId', `${words.capitalised} can be ${decision} only after it has been submitted for authorisation`);
  }
  if (item.status === 'returned') {
    throw DomainError.invalidField('data.subjectId', `${words.capitalised} was returned to the worker on ${formatLongDate(item.returnedOn!)}: it can be ${decision} once it has been submitted again`);
  }
  if (item.status === 'authorised') {
    throw DomainError.invalidField('data.subjectId', `${words.capitalised} was authorised on ${formatLongDate(item.authorisedOn!)}`);
  }
  if (event.occurredOn < item.submittedOn) {
    throw DomainError.invalidField('occurredAt', `The date must be on or after the day it was submitted for authorisation, ${formatLongDate(item.submittedOn)}`);
  }
  if (byUserId === item.submittedByUserId) {
    const verb = decision === 'authorised' ? 'authorise' : 'return';
    throw new DomainError('forbidden', `You cannot ${verb} ${words.determined} you submitted yourself: another manager must decide on it`, {
      problems: [{ field: 'data.subjectId', message: `You cannot ${verb} ${words.determined} you submitted yourself` }],
    });
  }
  return item;
}

export const managementOversightReducers: Reducers<typeof managementOversightEvents, ManagementOversightView> = {
  'approval.submitted': (state, event) => {
    const { data } = event;
    const words = subjectWords[data.subject];
    // Folded in business order: an item not yet completed, started or closed on the day is not found.
    const item = itemSubmitted(state, event.occurredOn, data);
    const existing = authorisationOf(state, data.subjectId);
    if (existing?.status === 'awaiting-authorisation') {
      throw DomainError.invalidField('data.subjectId', `${words.capitalised} has been awaiting authorisation since ${formatLongDate(existing.submittedOn)}`);
    }
    if (existing?.status === 'authorised') {
      throw DomainError.invalidField('data.subjectId', `${words.capitalised} was authorised on ${formatLongDate(existing.authorisedOn!)}`);
    }
    const step = {
      step: 'submitted' as const, on: event.occurredOn, byUserId: data.submittedByUserId,
      ...(data.submittedByWorkerId ? { byWorkerId: data.submittedByWorkerId } : {}), ...(data.comments ? { comments: data.comments } : {}),
    };
    const submission = {
      status: 'awaiting-authorisation' as const, submittedOn: event.occurredOn, submittedByUserId: data.submittedByUserId,
      ...(data.submittedByWorkerId ? { submittedByWorkerId: data.submittedByWorkerId } : {}),
    };
    if (existing) {
      // Submitted again after being returned: what was asked for stays in the steps.
      delete existing.submittedByWorkerId;
      Object.assign(existing, submission);
      existing.steps.push(step);
      return;
    }
    state.authorisations.push({ subject: data.subject, subjectId: data.subjectId, episodeId: item.episodeId, ...submission, steps: [step] });
  },
  'approval.authorised': (state, event) => {
    const { data } = event;
    const item = itemAwaiting(state, event, 'authorised', data.authorisedByUserId);
    item.status = 'authorised';
    item.authorisedOn = event.occurredOn;
    item.authorisedByUserId = data.authorisedByUserId;
    if (data.authorisedByWorkerId) item.authorisedByWorkerId = data.authorisedByWorkerId;
    item.steps.push({
      step: 'authorised', on: event.occurredOn, byUserId: data.authorisedByUserId,
      ...(data.authorisedByWorkerId ? { byWorkerId: data.authorisedByWorkerId } : {}), ...(data.comments ? { comments: data.comments } : {}),
    });
  },
  'approval.returned': (state, event) => {
    const { data } = event;
    const item = itemAwaiting(state, event, 'returned', data.returnedByUserId);
    item.status = 'returned';
    item.returnedOn = event.occurredOn;
    item.returnComments = data.comments;
    item.steps.push({
      step: 'returned', on: event.occurredOn, byUserId: data.returnedByUserId,
      ...(data.returnedByWorkerId ? { byWorkerId: data.returnedByWorkerId } : {}), comments: data.comments,
    });
  },
  'management-oversight.recorded': (state, event) => {
    const { data } = event;
    state.managementOversight.push({
      oversightId: event.entityId, recordedOn: event.occurredOn, decisionPoint: data.decisionPoint, rationale: data.rationale, direction: data.direction,
      recordedByUserId: data.recordedByUserId, ...(data.managerWorkerId ? { managerWorkerId: data.managerWorkerId } : {}),
    });
  },
};

const anySubmittable = (s: ManagementOversightView) => authorisableItemsOf(s).some((item) => submittable(s, item));
const anyAwaiting = (s: ManagementOversightState) => s.authorisations.some((item) => item.status === 'awaiting-authorisation');

export const managementOversightTransitions: { [K in keyof typeof managementOversightReducers]: TransitionRow<ManagementOversightView> } = {
  'approval.submitted': {
    action: 'submit an assessment, plan or closure for authorisation', what: 'the submission',
    requires: 'first complete an assessment, start a plan or close the episode (nothing is waiting to be submitted: what there is has been submitted or authorised already)',
    holds: anySubmittable,
  },
  'approval.authorised': {
    action: 'authorise an assessment, plan or closure', what: 'the authorisation',
    requires: 'first submit the assessment, plan or closure for authorisation (nothing is awaiting authorisation)',
    holds: anyAwaiting,
  },
  'approval.returned': {
    action: 'return an assessment, plan or closure to the worker', what: 'the return',
    requires: 'first submit the assessment, plan or closure for authorisation (nothing is awaiting authorisation)',
    holds: anyAwaiting,
  },
  'management-oversight.recorded': { action: 'record management oversight', what: 'the oversight', requires: 'register the child first', holds: isRegistered },
};

/** The items of the record that could be submitted now, for the record page to offer. */
export const submittableItemsOf = (state: ManagementOversightView): AuthorisableItem[] => authorisableItemsOf(state).filter((item) => submittable(state, item));
