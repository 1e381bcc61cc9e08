import { describe, expect, it } from 'vitest';
import { computeDuties } from './engine.ts';
import { resolveTimescaleRules, timescaleRules } from './rules.ts';
import {
  allocationStarted,
  assessmentStarted,
  calendar,
  contactDecided,
  contactReceived,
  dutiesOfRuleIn,
  episodeClosed,
  initialConferenceHeld,
  referralReceived,
  section47Completed,
  statusOf,
  strategyDiscussionHeld,
  theOnly,
} from './test-builders.ts';
import type { TimescaleRule } from './timescale-rule.ts';

const dutiesOf = dutiesOfRuleIn(timescaleRules);

describe('closing the episode', () => {
  it('cancels every open duty but the contact decision', () => {
    const contact = contactReceived({ at: '2024-03-01T09:00:00Z' });
    const referral = referralReceived({ at: '2024-03-01T10:00:00Z' });
    const assessment = assessmentStarted({ at: '2024-03-04' });
    const strategy = strategyDiscussionHeld({ at: '2024-03-05' });
    const plan = initialConferenceHeld({ at: '2024-03-12', section47: strategy });
    const allocation = allocationStarted({ at: '2024-03-12' });
    const closed = episodeClosed({ at: '2024-03-13' });
    const duties = computeDuties(
      [contact, referral, assessment, strategy, plan, allocation, closed],
      resolveTimescaleRules(),
      calendar,
    );
    const closure = Object.fromEntries(duties.map((duty) => [duty.ruleId, duty.closure ?? 'open']));
    expect(closure).toEqual({
      'contact-decision-within-1-working-day': 'open',
      'allocation-after-referral': 'met', // late: 48 hours ran out on 3 March
      'assessment-within-45-working-days-of-referral': 'cancelled',
      'initial-conference-within-15-working-days-of-strategy-discussion': 'met',
      'first-core-group-after-initial-conference': 'cancelled',
      'review-conference-within-3-months-then-every-6-months': 'cancelled',
      'child-protection-visit': 'cancelled',
      'child-seen-after-allocation': 'cancelled',
    });
    expect(duties).toHaveLength(8);
  });
});

describe('rules as data', () => {
  it('takes the subject from a data field of the clock-start event when the rule says so', () => {
    const conferenceAfterEnquiry: TimescaleRule = {
      id: 'conference-after-enquiry',
      title: 'Hold the conference within 10 working days of the enquiry concluding it is needed',
      clockStart: { eventType: 'section-47.completed', when: { icpcRequired: true } },
      subject: { dataField: 'section47Id' },
      due: { amount: 10, unit: 'working-days' },
      metBy: [{ eventType: 'conference.initial-held', link: 'section47Id' }],
      cancelledBy: [],
      source: 'a test',
      local: true,
      effectiveFrom: '2013-04-15',
    };
    const strategy = strategyDiscussionHeld({ at: '2024-03-01' });
    const events = [
      strategy,
      section47Completed({ at: '2024-03-04', section47: strategy, icpcRequired: true }),
      initialConferenceHeld({ at: '2024-03-11', section47: strategy }),
    ];
    const [duty, ...rest] = computeDuties(events, [conferenceAfterEnquiry], calendar);
    expect(duty).toMatchObject({ subjectId: strategy.eventId, dueOn: '2024-03-18', closure: 'met' });
    expect(rest).toEqual([]);
  });
});

describe('as-at status', () => {
  it('sees only what had happened by then', () => {
    const contact = contactReceived({ at: '2024-03-01T09:00:00Z' });
    const duty = theOnly(
      dutiesOf('contact-decision-within-1-working-day', [contact, contactDecided({ at: '2024-03-06T09:00:00Z', contact })]),
    );
    expect(statusOf(duty, '2024-02-29')).toEqual({ state: 'not-yet-started' });
    expect(statusOf(duty, '2024-03-01')).toEqual({ state: 'open', daysLeft: 1, countedIn: 'working-days' });
    expect(statusOf(duty, '2024-03-04')).toEqual({ state: 'open', daysLeft: 0, countedIn: 'working-days' });
    expect(statusOf(duty, '2024-03-05')).toEqual({ state: 'overdue', daysLeft: -1, countedIn: 'working-days' });
    expect(statusOf(duty, '2024-03-06')).toEqual({ state: 'met-late', lateBy: 2, countedIn: 'working-days' });
  });

  it('counts a weekend after the due date as overdue', () => {
    // Due Friday 8 March; on Saturday no working day has passed, but the duty is late.
    const duty = theOnly(
      dutiesOf('contact-decision-within-1-working-day', [contactReceived({ at: '2024-03-07T09:00:00Z' })]),
    );
    expect(duty.dueOn).toBe('2024-03-08');
    expect(statusOf(duty, '2024-03-09')).toEqual({ state: 'overdue', daysLeft: -1, countedIn: 'working-days' });
    expect(statusOf(duty, '2024-03-12')).toEqual({ state: 'overdue', daysLeft: -2, countedIn: 'working-days' });
  });

  it('keeps children apart', () => {
    const contact = contactReceived({ at: '2024-03-01T09:00:00Z', child: 'child-a' });
    const events = [
      contact,
      contactDecided({ at: '2024-03-01T10:00:00Z', contact, child: 'child-b' }),
    ];
    const duty = theOnly(dutiesOf('contact-decision-within-1-working-day', events));
    expect(duty).toMatchObject({ childId: 'child-a' });
    expect(duty.closure).toBeUndefined();
  });

  it('names the event whose date cannot be read', () => {
    const bad = contactReceived({ at: '2024-03-01T09:00:00', id: 'contact-without-offset' });
    expect(() => computeDuties([bad], resolveTimescaleRules(), calendar)).toThrow(/contact-without-offset/);
  });
});
