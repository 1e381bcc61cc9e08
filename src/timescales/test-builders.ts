/**
 * Small named builders of the events the timescale engine reads, and the duties it makes of them,
 * for tests. `at` is a date or a date-time; links to earlier events take the event itself (or its id).
 */
import { expect } from 'vitest';
import { createCalendar, type IsoDate } from '../platform/calendar/calendar.ts';
import { computeDuties, dutyStatusAsAt, type ComputeDutiesOptions, type Duty, type TimedEvent } from './engine.ts';
import { resolveTimescaleRules, type TimescaleOverrides } from './rules.ts';
import type { TimescaleRule } from './timescale-rule.ts';

/** England and Wales bank holidays, none of the council's own. */
export const calendar = createCalendar();

/**
 * `dutiesOfRuleIn(rules)(ruleId, events)`: the duties of one of `rules` that the events give rise
 * to, with a council's overrides if given. A rule id that is not one of `rules` does not compile.
 */
export function dutiesOfRuleIn<const Rules extends readonly TimescaleRule[]>(rules: Rules) {
  return (
    ruleId: Rules[number]['id'],
    events: TimedEvent[],
    { overrides, ...options }: ComputeDutiesOptions & { overrides?: TimescaleOverrides } = {},
  ): Duty[] =>
    computeDuties(events, resolveTimescaleRules(overrides, rules), calendar, options).filter((duty) => duty.ruleId === ruleId);
}

export function theOnly(duties: Duty[]): Duty {
  expect(duties).toHaveLength(1);
  return duties[0]!;
}

export const statusOf = (duty: Duty, asAt: IsoDate | string) => dutyStatusAsAt(duty, asAt, calendar);

let sequence = 0;

interface Common {
  at: string;
  /** Defaults to 'child-1'. */
  child?: string;
  /** Defaults to the event type and a sequence number. */
  id?: string;
}

type Linked = TimedEvent | string;
const idOf = (linked: Linked): string => (typeof linked === 'string' ? linked : linked.eventId);

function event(type: string, { at, child = 'child-1', id }: Common, data: Record<string, unknown> = {}): TimedEvent {
  sequence += 1;
  return { eventId: id ?? `${type}-${sequence}`, childId: child, type, occurredAt: at, data };
}

export const contactReceived = (common: Common) => event('contact.received', common);

export const contactDecided = ({ contact, ...common }: Common & { contact: Linked }) =>
  event('contact.decided', common, { contactId: idOf(contact) });

export const referralReceived = (common: Common) => event('referral.received', common);

export const assessmentStarted = (common: Common) => event('assessment.started', common);

export const assessmentCompleted = ({ assessment, ...common }: Common & { assessment: Linked }) =>
  event('assessment.completed', common, { assessmentId: idOf(assessment) });

export const allocationStarted = ({
  workerId = 'worker-1',
  teamId = 'team-1',
  ...common
}: Common & { workerId?: string; teamId?: string }) => event('allocation.started', common, { workerId, teamId });

export const visitMade = ({
  kind = 'child-protection',
  childSeen = true,
  seenAlone = false,
  ...common
}: Common & {
  kind?: 'child-protection' | 'child-in-need' | 'assessment' | 'other';
  childSeen?: boolean;
  seenAlone?: boolean;
}) => event('visit.made', common, { kind, childSeen, seenAlone });

export const strategyDiscussionHeld = ({
  decision = 'section-47',
  ...common
}: Common & { decision?: 'section-47' | 'no-section-47' }) => event('strategy-discussion.held', common, { decision });

export const section47Completed = ({
  section47,
  icpcRequired,
  ...common
}: Common & { section47: Linked; icpcRequired: boolean }) =>
  event('section-47.completed', common, {
    section47Id: idOf(section47),
    icpcRequired,
    outcome: icpcRequired ? 'initial-child-protection-conference' : 'no-further-action',
  });

export const initialConferenceHeld = ({
  section47,
  planRequired = true,
  ...common
}: Common & { section47?: Linked; planRequired?: boolean }) =>
  event('conference.initial-held', common, {
    ...(section47 === undefined ? {} : { section47Id: idOf(section47) }),
    planRequired,
  });

export const coreGroupHeld = ({ plan, ...common }: Common & { plan: Linked }) =>
  event('core-group.held', common, { planId: idOf(plan) });

export const reviewConferenceHeld = ({
  plan,
  planContinues = true,
  ...common
}: Common & { plan: Linked; planContinues?: boolean }) =>
  event('conference.review-held', common, { planId: idOf(plan), planContinues });

export const cpPlanEnded = ({ plan, ...common }: Common & { plan: Linked }) =>
  event('cp-plan.ended', common, { planId: idOf(plan) });

export const episodeClosed = (common: Common) => event('episode.closed', common);
