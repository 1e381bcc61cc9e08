/**
 * Small named builders of a child's logged events for the CIN census tests: each takes the
 * business date first and the data that matters to the test, with everything else filled in.
 *
 *   const { state } = foldOf([registered(), referral('2024-05-01'), closed('2024-05-02', 'RC8')]);
 */
import { foldChildRecord, type LoggedEvent } from '../../../record/fold.ts';
import type { ReturnsChildState } from '../child-state.ts';

export const LA_CODE = '201';
export const CHILD_ID = 'CIN1';

let sequence = 0;

/** An event as the log holds it, numbered in the order built (recorded later than any business date used). */
export function logged(type: string, occurredAt: string, data: Record<string, unknown> = {}): LoggedEvent {
  sequence += 1;
  return {
    type, occurredAt, data, eventId: `00000000-0000-4000-8000-${sequence.toString().padStart(12, '0')}`, sequence, recordedAt: '2030-01-01T12:00:00Z',
  } as LoggedEvent;
}

export const registered = (details: Record<string, unknown> = {}, on = '2015-01-02') =>
  logged('child.registered', on, { forename: 'Amara', surname: 'Okafor', dateOfBirth: '2014-06-01', sex: 'F', ethnicity: 'BAFR', disabilities: [], unaccompaniedAsylumSeeking: false, ...details });
export const referral = (on: string, source = '2A') => logged('referral.received', on, { source });
export const assessmentStarted = (on: string) => logged('assessment.started', on, { assessmentType: 'child-and-family' });
export const assessmentCompleted = (on: string, factors = ['16A'], primaryNeed = 'N1') =>
  logged('assessment.completed', on, { factors, outcome: 'child-in-need-plan', authorisedByWorkerId: 'W1', primaryNeed });
export const cinPlanStarted = (on: string) => logged('cin-plan.started', on);
export const cinPlanEnded = (on: string) => logged('cin-plan.ended', on);
const agencies = ['childrens-social-care', 'police'];
export const strategyDiscussion = (on: string, decision = 'section-47') => logged('strategy-discussion.held', on, { attendingAgencies: agencies, decision });
export const section47Completed = (on: string, outcome = 'no-further-action') => logged('section-47.completed', on, { outcome, concernsSubstantiated: false });
export const initialConference = (on: string, categoryOfAbuse: string | undefined = 'NEG') =>
  logged('conference.initial-held', on, { planRequired: categoryOfAbuse !== undefined, categoryOfAbuse, chairWorkerId: 'W2', attendingAgencies: agencies });
export const reviewConference = (on: string, data: Record<string, unknown> = {}) =>
  logged('conference.review-held', on, { planContinues: true, chairWorkerId: 'W2', attendingAgencies: agencies, ...data });
export const categoryChanged = (on: string, categoryOfAbuse: string) => logged('cp-plan.category-changed', on, { categoryOfAbuse });
export const planEnded = (on: string, reason = 'no-longer-at-risk') => logged('cp-plan.ended', on, { reason });
export const closed = (on: string, reasonForClosure = 'RC7', primaryNeed = 'N1') => logged('episode.closed', on, { reasonForClosure, primaryNeed });

export const foldOf = (events: readonly LoggedEvent[], childId = CHILD_ID): ReturnsChildState =>
  foldChildRecord(LA_CODE, childId, events).state as unknown as ReturnsChildState;
