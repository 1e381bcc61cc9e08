import { describe, expect, it } from 'vitest';
import { isAfterToday } from '../platform/clock.ts';
import { eventDateProblems } from './event-dates.ts';

describe('dates an event cannot have', () => {
  const today = '2026-11-21';

  it('refuses an event dated after today, naming the field and the event in words', () => {
    expect(eventDateProblems({ type: 'conference.initial-held', occurredAt: '2026-12-05', data: {} }, today)).toEqual([
      { field: 'occurredAt', message: 'The date of the conference must be today or in the past' },
    ]);
    expect(eventDateProblems({ type: 'conference.initial-held', occurredAt: '2026-11-21', data: {} }, today)).toEqual([]);
  });

  it('takes today in London: 23:30 on today\'s date in London is today though it is tomorrow in UTC', () => {
    // British Summer Time: 23:30 in London on 20 June is 22:30 UTC; 00:30 on 21 June in London is 23:30 UTC on the 20th.
    expect(isAfterToday('2026-06-20T23:30:00+01:00', '2026-06-20')).toBe(false);
    expect(isAfterToday('2026-06-20T23:30:00Z', '2026-06-20')).toBe(true);
    expect(isAfterToday('2026-06-20T22:59:00Z', '2026-06-20')).toBe(false);
    expect(eventDateProblems({ type: 'visit.made', occurredAt: '2026-06-20T23:30:00+01:00', data: {} }, '2026-06-20')).toEqual([]);
    expect(eventDateProblems({ type: 'visit.made', occurredAt: '2026-06-20T23:30:00Z', data: {} }, '2026-06-20')[0]!.message)
      .toBe('The date of the visit must be today or in the past');
  });

  it('allows planned dates in data, and refuses dates of what happened after today wherever they are', () => {
    expect(eventDateProblems({ type: 'private-fostering.arrangement-confirmed', occurredAt: today, data: { startedOn: today, expectedEndOn: '2027-06-01' } }, today)).toEqual([]);
    expect(eventDateProblems({
      type: 'private-fostering.visit-made', occurredAt: today, data: { reportWrittenOn: '2026-11-22', householdMembers: [{ name: 'A', dateOfBirth: '2030-01-01' }] },
    }, today)).toEqual([
      { field: 'data.reportWrittenOn', message: 'The date the report was written must be today or in the past' },
      { field: 'data.householdMembers.0.dateOfBirth', message: 'The date of birth must be today or in the past' },
    ]);
  });

  it('bounds a child\'s date of birth to 25 years back, and an expected date of birth to ten months ahead', () => {
    const registered = (data: Record<string, unknown>) => eventDateProblems({ type: 'child.registered', occurredAt: today, data: { forename: 'A', surname: 'B', ...data } }, today);
    expect(registered({ dateOfBirth: '1950-03-01' })).toEqual([
      { field: 'data.dateOfBirth', message: 'The date of birth must be on or after 21 November 2001: a child\'s record is for children and care leavers up to 25' },
    ]);
    expect(registered({ dateOfBirth: '2001-11-21' })).toEqual([]);
    expect(registered({ expectedDateOfBirth: '2027-09-21' })).toEqual([]);
    expect(registered({ expectedDateOfBirth: '2027-09-22' })).toEqual([
      { field: 'data.expectedDateOfBirth', message: 'The expected date of birth must be on or before 21 September 2027: no more than 10 months from today' },
    ]);
    expect(eventDateProblems({ type: 'child.details-changed', occurredAt: today, data: { dateOfBirth: '1950-03-01' } }, today)[0]!.field).toBe('data.dateOfBirth');
  });

  it('bounds a date of birth on the date it was recorded, so a council\'s history imports as it was', () => {
    const registeredOn = (occurredAt: string, dateOfBirth: string) =>
      eventDateProblems({ type: 'child.registered', occurredAt, data: { forename: 'A', surname: 'B', dateOfBirth } }, today);
    // Registered in 1995 at 8: an adult now, whose record is still kept.
    expect(registeredOn('1995-04-03', '1987-01-15')).toEqual([]);
    expect(registeredOn('1995-04-03', '1950-01-15')).toEqual([
      { field: 'data.dateOfBirth', message: 'The date of birth must be on or after 3 April 1970: a child\'s record is for children and care leavers up to 25' },
    ]);
  });
});
