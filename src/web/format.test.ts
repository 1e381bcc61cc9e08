import { describe, expect, it } from 'vitest';
import { ageOn, byUrgency, classifySearch, financialYearOf, formatDate, formatDateTime, nameSearchOf, urgencyOf } from './format.ts';

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
