import { describe, expect, it } from 'vitest';
import { createCalendar, type IsoDate } from '../platform/calendar/calendar.ts';
import { computeDuties, dutyStatusAsAt, type ComputeDutiesOptions, type Duty, type TimedEvent } from './engine.ts';
import {
  resolveTimescaleRules,
  type TimescaleOverrides,
  type TimescaleRule,
  type TimescaleRuleId,
} from './rules.ts';
import {
  allocationStarted,
  assessmentCompleted,
  assessmentStarted,
  contactDecided,
  contactReceived,
  coreGroupHeld,
  cpPlanEnded,
  episodeClosed,
  initialConferenceHeld,
  referralReceived,
  reviewConferenceHeld,
  section47Completed,
  strategyDiscussionHeld,
  visitMade,
} from './test-builders.ts';

const calendar = createCalendar();

function dutiesOf(
  ruleId: TimescaleRuleId,
  events: TimedEvent[],
  { overrides, ...options }: ComputeDutiesOptions & { overrides?: TimescaleOverrides } = {},
): Duty[] {
  return computeDuties(events, resolveTimescaleRules(overrides), calendar, options).filter(
    (duty) => duty.ruleId === ruleId,
  );
}

function theOnly(duties: Duty[]): Duty {
  expect(duties).toHaveLength(1);
  return duties[0]!;
}

const statusOf = (duty: Duty, asAt: IsoDate | string) => dutyStatusAsAt(duty, asAt, calendar);

describe('contact decision within 1 working day', () => {
  it('is due on the next working day after the London date of the contact', () => {
    // Friday 1 March 2024, 16:30 → due Monday 4 March.
    const contact = contactReceived({ at: '2024-03-01T16:30:00Z' });
    const decision = contactDecided({ at: '2024-03-04T10:00:00Z', contact });
    const duty = theOnly(dutiesOf('contact-decision-within-1-working-day', [contact, decision]));
    expect(duty).toMatchObject({
      subjectId: contact.eventId,
      startedOn: '2024-03-01',
      dueOn: '2024-03-04',
      closure: 'met',
      closedOn: '2024-03-04',
      closedByEventId: decision.eventId,
    });
    expect(statusOf(duty, '2024-03-01')).toEqual({ state: 'open', daysLeft: 1, countedIn: 'working-days' });
    expect(statusOf(duty, '2024-03-04')).toEqual({ state: 'met-on-time', countedIn: 'working-days' });
  });

  it('takes the date in England, not in UTC', () => {
    // 23:30 UTC on Thursday 4 July 2024 is 00:30 on Friday 5 July in London → due Monday 8 July.
    const duty = theOnly(
      dutiesOf('contact-decision-within-1-working-day', [contactReceived({ at: '2024-07-04T23:30:00Z' })]),
    );
    expect(duty).toMatchObject({ startedOn: '2024-07-05', dueOn: '2024-07-08' });
    expect(duty.closure).toBeUndefined();
  });

  it('is met late across Easter, and only by the decision on that contact', () => {
    // Thursday 28 March 2024 → Good Friday and Easter Monday are not working days → due Tuesday 2 April.
    const contact = contactReceived({ at: '2024-03-28T09:00:00Z' });
    const otherContact = contactReceived({ at: '2024-03-28T09:05:00Z' });
    const events = [
      contact,
      otherContact,
      contactDecided({ at: '2024-04-02T09:00:00Z', contact: otherContact }),
      contactDecided({ at: '2024-04-03T09:00:00+01:00', contact }),
    ];
    const [late, onTime] = dutiesOf('contact-decision-within-1-working-day', events);
    expect(late).toMatchObject({ subjectId: contact.eventId, dueOn: '2024-04-02', closedOn: '2024-04-03' });
    expect(statusOf(late!, '2024-04-02')).toEqual({ state: 'open', daysLeft: 0, countedIn: 'working-days' });
    expect(statusOf(late!, '2024-04-03')).toEqual({ state: 'met-late', lateBy: 1, countedIn: 'working-days' });
    expect(statusOf(onTime!, '2024-04-03')).toEqual({ state: 'met-on-time', countedIn: 'working-days' });
  });

  it('stays due when a children-in-need episode closes', () => {
    const contact = contactReceived({ at: '2024-03-04T09:00:00Z' });
    const duty = theOnly(
      dutiesOf('contact-decision-within-1-working-day', [contact, episodeClosed({ at: '2024-03-04T12:00:00Z' })]),
    );
    expect(duty.closure).toBeUndefined();
    expect(statusOf(duty, '2024-03-06')).toEqual({ state: 'overdue', daysLeft: -1, countedIn: 'working-days' });
  });
});

describe('assessment within 45 working days of the referral', () => {
  it('runs from the referral but exists only once the assessment starts', () => {
    const referral = referralReceived({ at: '2024-01-10' });
    expect(dutiesOf('assessment-within-45-working-days-of-referral', [referral])).toEqual([]);

    const assessment = assessmentStarted({ at: '2024-01-15' });
    const events = [referral, assessment, assessmentCompleted({ at: '2024-03-14', assessment })];
    const duty = theOnly(dutiesOf('assessment-within-45-working-days-of-referral', events));
    // Wed 10 Jan 2024 + 45 WD, no bank holidays: Jan 11–31 is 15, February 21 (36), Mar 1–13 is 9 (45).
    expect(duty).toMatchObject({
      subjectId: assessment.eventId,
      openedOn: '2024-01-15',
      startedOn: '2024-01-10',
      dueOn: '2024-03-13',
      closure: 'met',
      closedOn: '2024-03-14',
    });
    expect(statusOf(duty, '2024-01-12')).toEqual({ state: 'not-yet-started' });
    expect(statusOf(duty, '2024-01-15')).toEqual({ state: 'open', daysLeft: 42, countedIn: 'working-days' });
    // Completed on the 14th, so as at the 13th it was still open, due that day.
    expect(statusOf(duty, '2024-03-13')).toEqual({ state: 'open', daysLeft: 0, countedIn: 'working-days' });
    expect(statusOf(duty, '2024-03-14')).toEqual({ state: 'met-late', lateBy: 1, countedIn: 'working-days' });
  });

  it('runs from the latest referral of the open episode, else from the assessment itself', () => {
    const events = [
      referralReceived({ at: '2023-06-01' }),
      episodeClosed({ at: '2023-07-01' }),
      assessmentStarted({ at: '2024-01-15' }),
    ];
    const duty = theOnly(dutiesOf('assessment-within-45-working-days-of-referral', events));
    expect(duty).toMatchObject({ startedOn: '2024-01-15', openedOn: '2024-01-15' });

    const reReferred = [
      referralReceived({ at: '2023-06-01' }),
      episodeClosed({ at: '2023-07-01' }),
      referralReceived({ at: '2024-01-12' }),
      assessmentStarted({ at: '2024-01-15' }),
    ];
    expect(theOnly(dutiesOf('assessment-within-45-working-days-of-referral', reReferred)).startedOn).toBe(
      '2024-01-12',
    );
  });

  it('is cancelled when the episode closes', () => {
    const events = [
      referralReceived({ at: '2024-01-10' }),
      assessmentStarted({ at: '2024-01-11' }),
      episodeClosed({ at: '2024-02-01' }),
    ];
    const duty = theOnly(dutiesOf('assessment-within-45-working-days-of-referral', events));
    expect(duty).toMatchObject({ closure: 'cancelled', closedOn: '2024-02-01' });
    expect(statusOf(duty, '2024-01-31')).toMatchObject({ state: 'open' });
    expect(statusOf(duty, '2024-02-01')).toEqual({ state: 'cancelled' });
  });
});

describe('initial child protection conference within 15 working days of the strategy discussion', () => {
  it('counts over Easter 2024', () => {
    // Wed 20 Mar 2024: 21, 22 (2); 25–28 (6); Good Friday 29 and Easter Monday 1 Apr skipped;
    // 2–5 Apr (10); 8–12 Apr (15) → due Friday 12 April 2024.
    const strategy = strategyDiscussionHeld({ at: '2024-03-20' });
    const conference = initialConferenceHeld({ at: '2024-04-12', section47: strategy });
    const duty = theOnly(dutiesOf('initial-conference-within-15-working-days-of-strategy-discussion', [strategy, conference]));
    expect(duty).toMatchObject({ subjectId: strategy.eventId, dueOn: '2024-04-12', closure: 'met' });
    // Thursday 28 March is day 6 of 15.
    expect(statusOf(duty, '2024-03-28')).toEqual({ state: 'open', daysLeft: 9, countedIn: 'working-days' });
    expect(statusOf(duty, '2024-04-12')).toEqual({ state: 'met-on-time', countedIn: 'working-days' });
  });

  it('counts the start day as day 1 when asked to, as the CIN validator does', () => {
    const strategy = strategyDiscussionHeld({ at: '2024-03-20' });
    const [duty] = dutiesOf('initial-conference-within-15-working-days-of-strategy-discussion', [strategy], {
      startDayConvention: 'trigger-day-is-day-1',
    });
    expect(duty?.dueOn).toBe('2024-04-11');
    // On a non-working day the first working day after it is day 1 either way.
    const [weekend] = dutiesOf(
      'initial-conference-within-15-working-days-of-strategy-discussion',
      [strategyDiscussionHeld({ at: '2024-03-23' })],
      { startDayConvention: 'trigger-day-is-day-1' },
    );
    expect(weekend?.dueOn).toBe(calendar.addWorkingDays('2024-03-23', 15));
  });

  it('starts only when the strategy discussion decides on a section 47 enquiry', () => {
    const events = [strategyDiscussionHeld({ at: '2024-03-20', decision: 'no-section-47' })];
    expect(dutiesOf('initial-conference-within-15-working-days-of-strategy-discussion', events)).toEqual([]);
  });

  it('is cancelled when the enquiry concludes that no conference is needed', () => {
    const strategy = strategyDiscussionHeld({ at: '2024-03-20' });
    const events = [
      strategy,
      section47Completed({ at: '2024-03-22', section47: 'another-enquiry', icpcRequired: false }),
      section47Completed({ at: '2024-03-25', section47: strategy, icpcRequired: true }),
      section47Completed({ at: '2024-03-26', section47: strategy, icpcRequired: false }),
    ];
    const duty = theOnly(dutiesOf('initial-conference-within-15-working-days-of-strategy-discussion', events));
    expect(duty).toMatchObject({ closure: 'cancelled', closedOn: '2024-03-26' });
  });

  it('restarts from a further strategy discussion, which takes over the earlier enquiry', () => {
    const first = strategyDiscussionHeld({ at: '2024-03-01' });
    const second = strategyDiscussionHeld({ at: '2024-03-08' });
    // The conference names the first enquiry: it still meets the restarted clock.
    const conference = initialConferenceHeld({ at: '2024-03-27', section47: first });
    const [cancelled, restarted] = dutiesOf('initial-conference-within-15-working-days-of-strategy-discussion', [
      first,
      second,
      conference,
    ]);
    expect(cancelled).toMatchObject({ closure: 'cancelled', closedByEventId: second.eventId, closedOn: '2024-03-08' });
    // Fri 8 Mar: 11–15 (5), 18–22 (10), 25–28 (14), Easter, Tue 2 Apr (15).
    expect(restarted).toMatchObject({
      subjectId: second.eventId,
      dueOn: '2024-04-02',
      closure: 'met',
      closedByEventId: conference.eventId,
    });
  });

  it('is met by a conference that names no enquiry', () => {
    const events = [strategyDiscussionHeld({ at: '2024-03-20' }), initialConferenceHeld({ at: '2024-04-15' })];
    const duty = theOnly(dutiesOf('initial-conference-within-15-working-days-of-strategy-discussion', events));
    expect(statusOf(duty, '2024-04-15')).toEqual({ state: 'met-late', lateBy: 1, countedIn: 'working-days' });
  });
});

describe('first core group within 10 working days of the initial conference', () => {
  it('is due 10 working days after the plan starts, across Easter', () => {
    // Wed 20 Mar 2024: 21, 22 (2); 25–28 (6); Easter; 2–5 Apr (10) → Friday 5 April.
    const plan = initialConferenceHeld({ at: '2024-03-20' });
    const events = [plan, coreGroupHeld({ at: '2024-04-04', plan: 'another-plan' }), coreGroupHeld({ at: '2024-04-08', plan })];
    const duty = theOnly(dutiesOf('first-core-group-after-initial-conference', events));
    expect(duty).toMatchObject({ subjectId: plan.eventId, dueOn: '2024-04-05', closedOn: '2024-04-08' });
    expect(statusOf(duty, '2024-04-06')).toEqual({ state: 'overdue', daysLeft: -1, countedIn: 'working-days' });
    expect(statusOf(duty, '2024-04-08')).toEqual({ state: 'met-late', lateBy: 1, countedIn: 'working-days' });
  });

  it('does not start without a plan, and ends with the plan', () => {
    expect(
      dutiesOf('first-core-group-after-initial-conference', [
        initialConferenceHeld({ at: '2024-03-20', planRequired: false }),
      ]),
    ).toEqual([]);
    const plan = initialConferenceHeld({ at: '2024-03-20' });
    const duty = theOnly(
      dutiesOf('first-core-group-after-initial-conference', [
        plan,
        cpPlanEnded({ at: '2024-03-22', plan }),
      ]),
    );
    expect(duty).toMatchObject({ closure: 'cancelled', closedOn: '2024-03-22' });
  });
});

describe('review conferences within 3 months, then every 6 months', () => {
  it('clamps to the month end', () => {
    const fromJanuary = theOnly(
      dutiesOf('review-conference-within-3-months-then-every-6-months', [initialConferenceHeld({ at: '2024-01-31' })]),
    );
    expect(fromJanuary.dueOn).toBe('2024-04-30');
    const fromNovember = theOnly(
      dutiesOf('review-conference-within-3-months-then-every-6-months', [initialConferenceHeld({ at: '2023-11-30' })]),
    );
    expect(fromNovember.dueOn).toBe('2024-02-29');
    expect(statusOf(fromNovember, '2024-02-28')).toEqual({ state: 'open', daysLeft: 1, countedIn: 'calendar-days' });
    expect(statusOf(fromNovember, '2024-03-02')).toEqual({ state: 'overdue', daysLeft: -2, countedIn: 'calendar-days' });
  });

  it('recurs from each review, and a review that ends the plan meets the last one', () => {
    const plan = initialConferenceHeld({ at: '2024-01-31' });
    const firstReview = reviewConferenceHeld({ at: '2024-04-25', plan });
    const lastReview = reviewConferenceHeld({ at: '2024-10-30', plan, planContinues: false });
    const [first, second, ...rest] = dutiesOf('review-conference-within-3-months-then-every-6-months', [
      plan,
      firstReview,
      lastReview,
    ]);
    expect(first).toMatchObject({ occurrence: 1, dueOn: '2024-04-30', closure: 'met', closedOn: '2024-04-25' });
    // The next review runs from the date of the last one, not from the previous due date.
    expect(second).toMatchObject({
      occurrence: 2,
      openedOn: '2024-04-25',
      openedByEventId: firstReview.eventId,
      startedOn: '2024-04-25',
      dueOn: '2024-10-25',
      closure: 'met',
      closedByEventId: lastReview.eventId,
    });
    expect(rest).toEqual([]);
    expect(statusOf(second!, '2024-04-24')).toEqual({ state: 'not-yet-started' });
    expect(statusOf(second!, '2024-10-28')).toEqual({ state: 'overdue', daysLeft: -3, countedIn: 'calendar-days' });
    expect(statusOf(second!, '2024-11-01')).toEqual({ state: 'met-late', lateBy: 5, countedIn: 'calendar-days' });
  });

  it('stops when the plan ends', () => {
    const plan = initialConferenceHeld({ at: '2024-01-31' });
    const [first, second, ...rest] = dutiesOf('review-conference-within-3-months-then-every-6-months', [
      plan,
      reviewConferenceHeld({ at: '2024-04-25', plan }),
      cpPlanEnded({ at: '2024-06-03', plan }),
    ]);
    expect(first?.closure).toBe('met');
    expect(second).toMatchObject({ occurrence: 2, closure: 'cancelled', closedOn: '2024-06-03' });
    expect(rest).toEqual([]);
  });
});

describe('child protection visits every 10 working days', () => {
  it('recurs from each visit in which the child is seen, until the plan ends', () => {
    const plan = initialConferenceHeld({ at: '2024-03-20' });
    const firstVisit = visitMade({ at: '2024-03-27' });
    const events = [
      plan,
      visitMade({ at: '2024-03-25', childSeen: false }),
      visitMade({ at: '2024-03-26', kind: 'child-in-need' }),
      firstVisit,
      visitMade({ at: '2024-04-15' }),
      cpPlanEnded({ at: '2024-04-20', plan }),
    ];
    const [first, second, third, ...rest] = dutiesOf('child-protection-visit', events);
    // Plan from Wed 20 Mar: due Fri 5 Apr (see the core group); met by the visit on 27 March.
    expect(first).toMatchObject({ occurrence: 1, dueOn: '2024-04-05', closedByEventId: firstVisit.eventId });
    // From Wed 27 Mar: 28 (1); Easter; 2–5 Apr (5); 8–12 Apr (10) → Friday 12 April. Met on the 15th: late.
    expect(second).toMatchObject({ occurrence: 2, startedOn: '2024-03-27', dueOn: '2024-04-12', closedOn: '2024-04-15' });
    expect(statusOf(second!, '2024-04-15')).toEqual({ state: 'met-late', lateBy: 1, countedIn: 'working-days' });
    expect(third).toMatchObject({ occurrence: 3, startedOn: '2024-04-15', closure: 'cancelled', closedOn: '2024-04-20' });
    expect(rest).toEqual([]);
  });

  it('follows a council\'s own interval', () => {
    const events = [initialConferenceHeld({ at: '2024-03-20' }), visitMade({ at: '2024-03-27' })];
    const [first, second] = dutiesOf('child-protection-visit', events, {
      overrides: { 'child-protection-visit': { amount: 15 } },
    });
    expect(first?.dueOn).toBe(calendar.addWorkingDays('2024-03-20', 15));
    expect(second?.dueOn).toBe(calendar.addWorkingDays('2024-03-27', 15));
  });
});

describe('allocation within 48 hours of the referral (local)', () => {
  it('counts hours from the instant of the referral, weekends included', () => {
    const referral = referralReceived({ at: '2024-03-28T15:00:00Z' });
    const allocation = allocationStarted({ at: '2024-03-30T14:00:00Z' });
    const duty = theOnly(dutiesOf('allocation-after-referral', [referral, allocation]));
    expect(duty).toMatchObject({
      startedOn: '2024-03-28',
      startedAt: '2024-03-28T15:00:00Z',
      dueOn: '2024-03-30',
      dueAt: '2024-03-30T15:00:00.000Z',
      closure: 'met',
    });
    expect(statusOf(duty, '2024-03-30')).toEqual({ state: 'met-on-time', countedIn: 'calendar-days' });
    expect(statusOf(duty, '2024-03-30T13:00:00Z')).toEqual({ state: 'open', daysLeft: 0, countedIn: 'calendar-days' });
  });

  it('is late from the due instant', () => {
    const referral = referralReceived({ at: '2024-03-28T15:00:00Z' });
    const duty = theOnly(
      dutiesOf('allocation-after-referral', [referral, allocationStarted({ at: '2024-03-30T16:00:00Z' })]),
    );
    expect(statusOf(duty, '2024-03-30T15:30:00Z')).toEqual({ state: 'overdue', daysLeft: -1, countedIn: 'calendar-days' });
    expect(statusOf(duty, '2024-03-30')).toEqual({ state: 'met-late', lateBy: 1, countedIn: 'calendar-days' });
  });

  it('from a date alone, is due at the end of the second day', () => {
    const duty = theOnly(dutiesOf('allocation-after-referral', [referralReceived({ at: '2024-03-28' })]));
    expect(duty).toMatchObject({ startedOn: '2024-03-28', dueOn: '2024-03-30' });
    expect(duty.startedAt).toBeUndefined();
    expect(duty.dueAt).toBeUndefined();
    expect(statusOf(duty, '2024-03-31')).toEqual({ state: 'overdue', daysLeft: -1, countedIn: 'calendar-days' });
  });

  it('applies from the date the council adopted it', () => {
    const events = [referralReceived({ at: '2024-03-28' }), referralReceived({ at: '2024-04-02' })];
    const duties = dutiesOf('allocation-after-referral', events, {
      overrides: { 'allocation-after-referral': { effectiveFrom: '2024-04-01' } },
    });
    expect(duties.map((duty) => duty.startedOn)).toEqual(['2024-04-02']);
  });

  it('can be switched off by the council', () => {
    const events = [referralReceived({ at: '2024-03-28' })];
    expect(dutiesOf('allocation-after-referral', events, { overrides: { 'allocation-after-referral': { enabled: false } } })).toEqual([]);
  });
});

describe('child seen within 10 working days of allocation (local)', () => {
  it('is met by any visit in which the child is seen', () => {
    // Tue 2 Apr 2024 + 10 WD → Tue 16 April.
    const events = [
      allocationStarted({ at: '2024-04-02' }),
      visitMade({ at: '2024-04-05', kind: 'assessment', childSeen: false }),
      visitMade({ at: '2024-04-10', kind: 'child-in-need' }),
    ];
    const duty = theOnly(dutiesOf('child-seen-after-allocation', events));
    expect(duty).toMatchObject({ dueOn: '2024-04-16', closedOn: '2024-04-10', closure: 'met' });
  });
});

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
