import { describe, expect, it } from 'vitest';
import {
  calendar,
  coreGroupHeld,
  cpPlanEnded,
  dutiesOfRuleIn,
  initialConferenceHeld,
  reviewConferenceHeld,
  section47Completed,
  statusOf,
  strategyDiscussionHeld,
  theOnly,
  visitMade,
} from '../../timescales/test-builders.ts';
import { childProtectionTimescaleRules } from './timescales.ts';

const dutiesOf = dutiesOfRuleIn(childProtectionTimescaleRules);

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
