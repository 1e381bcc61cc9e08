import { describe, expect, it } from 'vitest';
import {
  allocationStarted,
  assessmentCompleted,
  assessmentStarted,
  dutiesOfRuleIn,
  episodeClosed,
  referralReceived,
  statusOf,
  theOnly,
  visitMade,
} from '../../timescales/test-builders.ts';
import { childrenInNeedTimescaleRules } from './timescales.ts';

const dutiesOf = dutiesOfRuleIn(childrenInNeedTimescaleRules);

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
