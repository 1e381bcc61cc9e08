import { describe, expect, it } from 'vitest';
import { ageOn, byUrgency, classifySearch, financialYearOf, formatDate, formatDateTime, formatDue, nameSearchOf, urgencyOf } from './format.ts';

describe('formatting for people', () => {
  it('writes dates the GOV.UK way', () => {
    expect(formatDate('2024-03-07')).toBe('7 March 2024');
    expect(formatDate('2024-12-25T09:00:00Z')).toBe('25 December 2024');
    expect(formatDate(undefined)).toBe('');
  });

  it('writes an instant as its date and time in London, summer time included', () => {
    expect(formatDateTime('2024-03-07T14:05:00Z')).toBe('7 March 2024 at 14:05');
    expect(formatDateTime('2024-07-01T23:30:00Z')).toBe('2 July 2024 at 00:30');
    expect(formatDateTime(null)).toBe('');
  });

  it('counts age in whole years', () => {
    expect(ageOn('2012-03-02', '2026-03-01')).toBe(13);
    expect(ageOn('2012-03-02', '2026-03-02')).toBe(14);
  });

  it('tags duties by urgency', () => {
    expect(urgencyOf({ state: 'overdue', daysLeft: -3, unit: 'working-days' })).toEqual({ text: 'Overdue by 3 working days', colour: 'red' });
    expect(urgencyOf({ state: 'open', daysLeft: 1, unit: 'working-days' })).toEqual({ text: '1 working day left', colour: 'orange' });
    expect(urgencyOf({ state: 'open', daysLeft: 0, unit: 'days' }).text).toBe('Due today');
    expect(urgencyOf({ state: 'open', daysLeft: 20, unit: 'days' }).colour).toBe('green');
  });

  it('counts an hour-based duty in hours to its due time, never its days as hours', () => {
    // Allocate a social worker within 48 hours of a referral at 10:00 on 1 December: due 10:00 on 3 December.
    const allocation = { state: 'open', daysLeft: 2, unit: 'hours', dueOn: '2026-12-03', dueAt: '2026-12-03T10:00:00Z' };
    expect(urgencyOf(allocation, new Date('2026-12-01T10:00:00Z'))).toEqual({ text: '48 hours left', colour: 'yellow' });
    expect(urgencyOf(allocation, new Date('2026-12-02T16:30:00Z'))).toEqual({ text: '17 hours left', colour: 'orange' });
    expect(urgencyOf(allocation, new Date('2026-12-03T09:15:00Z'))).toEqual({ text: 'Due within the hour', colour: 'orange' });
    // Past its time on the day it is due, the API (counting dates) still says open: the hours say overdue.
    expect(urgencyOf(allocation, new Date('2026-12-03T11:00:00Z'))).toEqual({ text: 'Overdue by 1 hour', colour: 'red' });
    expect(urgencyOf({ ...allocation, state: 'overdue', daysLeft: -3 }, new Date('2026-12-06T12:00:00Z'))).toEqual({ text: 'Overdue by 3 days', colour: 'red' });
    expect(formatDue(allocation)).toBe('3 December 2026 at 10:00');
  });

  it('counts an hour-based duty without its due time, and one met late, in calendar days', () => {
    expect(urgencyOf({ state: 'open', daysLeft: 2, unit: 'hours' }).text).toBe('2 days left');
    expect(urgencyOf({ state: 'met-late', lateBy: 1, unit: 'hours', dueAt: '2026-12-03T10:00:00Z' }).text).toBe('Met 1 day late');
  });

  it('counts calendar-day, week and month timescales in calendar days, and working-day ones in working days', () => {
    expect(urgencyOf({ state: 'open', daysLeft: 4, unit: 'calendar-days' })).toEqual({ text: '4 days left', colour: 'yellow' });
    expect(urgencyOf({ state: 'open', daysLeft: 9, unit: 'weeks' })).toEqual({ text: '9 days left', colour: 'green' });
    expect(urgencyOf({ state: 'overdue', daysLeft: -40, unit: 'months' })).toEqual({ text: 'Overdue by 40 days', colour: 'red' });
    expect(urgencyOf({ state: 'open', daysLeft: 1, unit: 'working-days' }).text).toBe('1 working day left');
    expect(urgencyOf({ state: 'met-late', lateBy: 2, unit: 'working-days' }).text).toBe('Met 2 working days late');
    expect(formatDue({ dueOn: '2026-12-03', unit: 'working-days' })).toBe('3 December 2026');
  });

  it('sorts the most overdue first', () => {
    const duties = [
      { state: 'open', daysLeft: 4, dueOn: '2026-01-10' },
      { state: 'overdue', daysLeft: -2, dueOn: '2026-01-04' },
      { state: 'overdue', daysLeft: -9, dueOn: '2025-12-20' },
    ];
    expect(duties.sort(byUrgency).map((d) => d.daysLeft)).toEqual([-9, -2, 4]);
  });

  it('names financial years as the metrics API does', () => {
    expect(financialYearOf('2026-03-31')).toBe('FY2025-26');
    expect(financialYearOf('2026-04-01')).toBe('FY2026-27');
    expect(financialYearOf('2099-12-01')).toBe('FY2099-00');
  });

  it('reads what is typed in the search box', () => {
    expect(classifySearch('943 476 5919')).toEqual({ kind: 'nhsNumber', value: '9434765919' });
    expect(classifySearch('2/3/2012')).toEqual({ kind: 'dateOfBirth', value: '2012-03-02' });
    expect(classifySearch('c2060000260')).toEqual({ kind: 'childId', value: 'C2060000260' });
    expect(classifySearch('NMWUGUIE820069')).toEqual({ kind: 'childId', value: 'NMWUGUIE820069' });
    expect(classifySearch('Ali Aziz')).toEqual({ kind: 'name', value: 'Ali Aziz' });
    expect(nameSearchOf('Ali Aziz')).toEqual({ forename: 'Ali', surname: 'Aziz' });
    expect(nameSearchOf('Aziz')).toEqual({ surname: 'Aziz' });
  });
});
