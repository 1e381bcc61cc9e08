import { describe, expect, it } from 'vitest';
import {
  addMonths,
  bankHolidayListCoverage,
  computedBankHolidays,
  createCalendar,
  easterSunday,
  standardBankHolidays,
} from './calendar.ts';

const calendar = createCalendar();

describe('bank holidays', () => {
  it('reads the GOV.UK list for 2022 to 2027', () => {
    expect(bankHolidayListCoverage).toEqual({ firstYear: 2022, lastYear: 2027 });
    expect(calendar.bankHolidaysIn(2024)).toEqual([
      '2024-01-01',
      '2024-03-29',
      '2024-04-01',
      '2024-05-06',
      '2024-05-27',
      '2024-08-26',
      '2024-12-25',
      '2024-12-26',
    ]);
  });

  it('computes Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2038)).toBe('2038-04-25'); // latest possible date
    expect(easterSunday(2285)).toBe('2285-03-22'); // earliest possible date
  });

  it('computes the standing rules exactly as the list has them, apart from the known one-offs', () => {
    const oneOffsInList = ['2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'];
    const movedAway = ['2022-05-30']; // spring bank holiday 2022 moved to Thursday 2 June
    for (let year = 2022; year <= 2027; year += 1) {
      const listed = standardBankHolidays(year).filter((date) => !oneOffsInList.includes(date));
      const computed = computedBankHolidays(year).filter((date) => !movedAway.includes(date));
      expect(computed, String(year)).toEqual(listed);
    }
  });

  it('substitutes weekend Christmas and New Year days', () => {
    // 2022: Christmas on a Sunday → Boxing Day Monday 26th, Christmas substitute Tuesday 27th.
    expect(computedBankHolidays(2022).slice(-2)).toEqual(['2022-12-26', '2022-12-27']);
    // 2027: Christmas on a Saturday → Monday 27th and Tuesday 28th.
    expect(computedBankHolidays(2027).slice(-2)).toEqual(['2027-12-27', '2027-12-28']);
    // 2028: New Year's Day on a Saturday → Monday 3 January.
    expect(computedBankHolidays(2028)[0]).toBe('2028-01-03');
  });

  it('computes years beyond the list and knows earlier one-offs', () => {
    expect(calendar.isWorkingDay('2028-04-14')).toBe(false); // Good Friday 2028
    expect(calendar.isWorkingDay('2028-04-17')).toBe(false); // Easter Monday 2028
    expect(calendar.isWorkingDay('2028-04-18')).toBe(true);
    expect(calendar.isBankHoliday('2020-05-08')).toBe(true); // VE Day 75
    expect(calendar.isBankHoliday('2020-05-04')).toBe(false);
    expect(calendar.isBankHoliday('2012-06-05')).toBe(true); // diamond jubilee
    expect(calendar.isBankHoliday('2012-05-28')).toBe(false);
  });

  it('takes local additions and removals', () => {
    const local = createCalendar({ extraBankHolidays: ['2024-07-05'], notBankHolidays: ['2024-08-26'] });
    expect(local.isWorkingDay('2024-07-05')).toBe(false);
    expect(local.isWorkingDay('2024-08-26')).toBe(true);
    expect(calendar.isWorkingDay('2024-07-05')).toBe(true);
  });
});

describe('working days', () => {
  it('counts day 0 as the start day and skips Easter 2024', () => {
    // Wed 27 Mar → Thu 28 (1), Good Friday 29 and Easter Monday 1 Apr skipped, Tue 2 Apr (2).
    expect(calendar.addWorkingDays('2024-03-27', 2)).toBe('2024-04-02');
    expect(calendar.addWorkingDays('2024-03-27', 0)).toBe('2024-03-27');
    expect(calendar.isWorkingDay('2024-03-29')).toBe(false);
    expect(calendar.isWorkingDay('2024-04-01')).toBe(false);
  });

  it('moves from Friday to the next working day', () => {
    expect(calendar.addWorkingDays('2024-03-01', 1)).toBe('2024-03-04'); // Fri → Mon
    expect(calendar.addWorkingDays('2024-05-24', 1)).toBe('2024-05-28'); // Fri → Tue after spring bank holiday
  });

  it('starts from a non-working day: the first working day after it is day 1', () => {
    expect(calendar.addWorkingDays('2024-03-02', 1)).toBe('2024-03-04'); // Sat → Mon
    expect(calendar.addWorkingDays('2024-03-29', 1)).toBe('2024-04-02'); // Good Friday → Tue
    expect(calendar.addWorkingDays('2024-03-30', 0)).toBe('2024-03-30');
  });

  it('crosses month ends', () => {
    expect(calendar.addWorkingDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(calendar.addWorkingDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(calendar.addWorkingDays('2024-08-30', 1)).toBe('2024-09-02');
    expect(calendar.addWorkingDays('2024-08-23', 1)).toBe('2024-08-27'); // summer bank holiday 26 Aug
  });

  it('runs through Christmas and New Year', () => {
    expect(calendar.addWorkingDays('2024-12-24', 1)).toBe('2024-12-27');
    expect(calendar.addWorkingDays('2024-12-24', 4)).toBe('2025-01-02'); // 27, 30, 31, (1 Jan off), 2 Jan
    expect(calendar.addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
    expect(calendar.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    expect(calendar.workingDaysBetween('2024-12-20', '2025-01-03')).toBe(7);
  });

  it('skips the coronation bank holiday', () => {
    expect(calendar.isWorkingDay('2023-05-08')).toBe(false);
    expect(calendar.addWorkingDays('2023-05-05', 1)).toBe('2023-05-09');
    expect(calendar.addWorkingDays('2023-04-28', 2)).toBe('2023-05-03'); // early May bank holiday 1 May
  });

  it('counts working days between two dates, symmetrically', () => {
    expect(calendar.workingDaysBetween('2024-03-27', '2024-04-02')).toBe(2);
    expect(calendar.workingDaysBetween('2024-04-02', '2024-03-27')).toBe(-2);
    expect(calendar.workingDaysBetween('2024-03-01', '2024-03-01')).toBe(0);
    expect(calendar.workingDaysBetween('2024-03-01', '2024-03-02')).toBe(0); // Fri → Sat
    expect(calendar.workingDaysBetween('2024-03-02', '2024-03-04')).toBe(1); // Sat → Mon
    const dates = ['2022-12-23', '2023-05-05', '2024-03-27', '2024-03-30', '2024-12-24', '2027-12-31', '2028-03-01'];
    for (const a of dates) {
      for (const b of dates) {
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, a)).toBe(0);
      }
    }
  });

  it('agrees with counting day by day', () => {
    const byDay = (from: string, to: string): number => {
      let count = 0;
      for (let date = from; date < to; ) {
        date = calendar.addCalendarDays(date, 1);
        if (calendar.isWorkingDay(date)) count += 1;
      }
      return count;
    };
    for (let offset = 0; offset < 400; offset += 7) {
      const from = calendar.addCalendarDays('2021-12-20', offset * 3);
      for (const span of [0, 1, 2, 3, 6, 13, 40, 400]) {
        const to = calendar.addCalendarDays(from, span + (offset % 5));
        expect(calendar.workingDaysBetween(from, to), `${from} → ${to}`).toBe(byDay(from, to));
      }
    }
  });

  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2022-01-01', '2023-05-05', '2024-03-28', '2024-12-21']) {
      for (const n of [0, 1, 2, 5, 10, 15, 45, 300]) {
        const end = calendar.addWorkingDays(start, n);
        expect(calendar.workingDaysBetween(start, end)).toBe(n);
        if (n > 0) expect(calendar.isWorkingDay(end)).toBe(true);
      }
    }
  });

  it('refuses negative or fractional counts and malformed dates', () => {
    expect(() => calendar.addWorkingDays('2024-03-01', -1)).toThrow(/forwards only/);
    expect(() => calendar.addWorkingDays('2024-03-01', 1.5)).toThrow(/whole number/);
    expect(() => calendar.isWorkingDay('2024-02-30')).toThrow(/Not a real calendar date/);
    expect(() => calendar.isWorkingDay('01/03/2024')).toThrow(/Not an ISO date/);
  });
});

describe('calendar arithmetic', () => {
  it('adds months clamped to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 3)).toBe('2024-04-30');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2024-03-15', 12)).toBe('2025-03-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('adds days and weeks and measures days between', () => {
    expect(calendar.addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(calendar.addWeeks('2024-12-30', 1)).toBe('2025-01-06');
    expect(calendar.daysBetween('2024-03-30', '2024-03-31')).toBe(1); // across the clocks going forward
    expect(calendar.daysBetween('2024-12-31', '2024-01-01')).toBe(-365);
  });

  it('adds hours to an instant, in UTC', () => {
    expect(calendar.addHours('2024-03-30T10:00:00Z', 48)).toBe('2024-04-01T10:00:00.000Z');
    expect(calendar.addHours('2024-03-30T10:00:00+00:00', 24)).toBe('2024-03-31T10:00:00.000Z');
    expect(() => calendar.addHours('2024-03-30', 1)).toThrow(/ISO date-time/);
    expect(() => calendar.addHours('2024-03-30T10:00:00', 1)).toThrow(/offset/);
  });

  it('gives the date in England at an instant', () => {
    expect(calendar.londonDateOf('2024-07-01T23:30:00Z')).toBe('2024-07-02'); // BST: 00:30 on 2 July
    expect(calendar.londonDateOf('2024-01-01T23:30:00Z')).toBe('2024-01-01'); // GMT
    expect(calendar.londonDateOf('2024-07-02T00:30:00+01:00')).toBe('2024-07-02');
    expect(calendar.londonDateOf('2024-03-31T00:59:59Z')).toBe('2024-03-31');
    expect(calendar.londonDateOf('2024-10-26T23:30:00Z')).toBe('2024-10-27'); // last night of BST
    expect(calendar.londonDateOf('2024-05-01')).toBe('2024-05-01');
  });

  it('agrees with the time zone database on the London date, either side of every clock change from 1960 to 2100', () => {
    const byTimeZoneDatabase = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
    const disagreements: string[] = [];
    const check = (instant: number) => {
      const dateTime = new Date(instant).toISOString();
      const expected = byTimeZoneDatabase.format(new Date(instant));
      if (calendar.londonDateOf(dateTime) !== expected) disagreements.push(`${dateTime}: ${calendar.londonDateOf(dateTime)} ≠ ${expected}`);
    };
    // Every half hour around midnight UTC, each day: the hours where BST moves the date.
    for (let day = Date.UTC(1960, 0, 1); day < Date.UTC(2100, 0, 1); day += 86_400_000 * 3) {
      for (const minutes of [-61, -60, -59, -1, 0, 1, 59, 60, 61]) check(day + minutes * 60_000);
    }
    // The midnight after each day a change can fall on (22–31 March and October), to the second.
    for (let year = 1990; year < 2100; year += 1) {
      for (const monthIndex of [2, 9]) {
        for (let date = 22; date <= 31; date += 1) {
          const oneUtc = Date.UTC(year, monthIndex, date, 1);
          for (const seconds of [-1, 0, 1]) check(oneUtc + seconds * 1000 + 23 * 3_600_000);
        }
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});
