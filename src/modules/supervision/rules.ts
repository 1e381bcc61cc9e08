import { DomainError } from '../../platform/errors.ts';
import type { Reducers, TransitionRow } from '../domain-module.ts';
import { isRegistered, type PeopleState } from '../people/index.ts';
import type { supervisionEvents } from './events.ts';
import type { SupervisionState } from './state.ts';

type SupervisionView = SupervisionState & PeopleState;

export const supervisionReducers: Reducers<typeof supervisionEvents, SupervisionView> = {
  'supervision.case-discussed': (state, event) => {
    const { data } = event;
    if (state.caseDiscussions.some((d) => d.supervisionId === data.supervisionId && d.discussionId !== event.entityId)) {
      throw DomainError.invalidField('data.supervisionId', 'The child\'s case is already recorded as discussed in this supervision session: correct that discussion instead');
    }
    state.caseDiscussions.push({
      discussionId: event.entityId, supervisionId: data.supervisionId, heldOn: event.occurredOn, workerId: data.workerId,
      supervisorWorkerId: data.supervisorWorkerId, discussion: data.discussion, ...(data.decisions ? { decisions: data.decisions } : {}),
    });
  },
};

export const supervisionTransitions: { [K in keyof typeof supervisionReducers]: TransitionRow<SupervisionView> } = {
  'supervision.case-discussed': { requires: 'register the child first', holds: isRegistered },
};
