/**
 * The one calendar of Safeguard: working days, England and Wales bank holidays, calendar arithmetic.
 *
 * Dates are ISO strings 'YYYY-MM-DD' (`IsoDate`); instants are ISO date-times with 'Z' or an offset
 * (`IsoDateTime`). Date arithmetic works on whole days counted in UTC from the date's own parts, so
 * the machine's time zone and British Summer Time can never shift a date. Only `londonDateOf` looks at
 * a time zone: it answers which day it was in England at a given instant.
 *
 * A working day (WD) is Monday to Friday, excluding England and Wales bank holidays.
 * Bank holidays come from `england-wales-bank-holidays.csv` (GOV.UK list, read once at module load)
 * for the years it covers, because those years include one-off holidays (the 2022 jubilee, the 2022
 * state funeral, the 2023 coronation). For other years the standing rules are computed (see
 * `computedBankHolidays`), with the one-off changes of earlier years listed in `ONE_OFF_CHANGES`.
 */
import { readFileSync } from 'node:fs';

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** An instant, 'YYYY-MM-DDTHH:MM[:SS[.sss]]' followed by 'Z' or an offset such as '+01:00'. */
export type IsoDateTime = string;

export interface CalendarOptions {
  /** Holidays to add, e.g. a one-off announced after the CSV was copied. */
  extraBankHolidays?: readonly IsoDate[];
  /** Dates that are not bank holidays after all, e.g. a standing holiday moved for a one-off. */
  notBankHolidays?: readonly IsoDate[];
}

export interface Calendar {
  isBankHoliday(date: IsoDate): boolean;
  /** Monday to Friday and not a bank holiday. */
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The date `n` working days after `date` (n ≥ 0). Day 0 is `date` itself, working day or not;
   * day 1 is the first working day after it. addWorkingDays(Friday, 1) is the next working Monday
   * (or Tuesday after a bank holiday Monday).
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * Working days after `from` up to and including `to`; 0 when equal; negative when `to` is before
   * `from` (workingDaysBetween(a, b) === -workingDaysBetween(b, a)).
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  addCalendarDays(date: IsoDate, n: number): IsoDate;
  addWeeks(date: IsoDate, n: number): IsoDate;
  /** Calendar months, clamped to the month end: 31 Jan + 1 month = 28 or 29 Feb. */
  addMonths(date: IsoDate, n: number): IsoDate;
  /** Calendar days from `from` to `to`, negative when `to` is earlier. */
  daysBetween(from: IsoDate, to: IsoDate): number;
  /** The instant `n` hours after `dateTime`, as a UTC ISO date-time ('...Z'). */
  addHours(dateTime: IsoDateTime, n: number): IsoDateTime;
  /** The date in England (Europe/London) at an instant; a date-only string is returned unchanged. */
  londonDateOf(dateTimeOrDate: IsoDateTime | IsoDate): IsoDate;
  /** The bank holidays of a year as this calendar sees them, in date order. */
  bankHolidaysIn(year: number): IsoDate[];
}

// ---------------------------------------------------------------------------------------------
// Day numbers: whole days since 1970-01-01, computed from the date parts in UTC.

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function dayNumber(date: IsoDate): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a real calendar date: ${date}`);
  }
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function isoDateOf(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return DAYS_IN_MONTH[month - 1]!;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

/** Throws a RangeError naming the value unless it is a real 'YYYY-MM-DD' date. */
export function assertIsoDate(date: IsoDate): void {
  dayNumber(date);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function isIsoDateTime(value: unknown): value is IsoDateTime {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function instantOf(dateTime: IsoDateTime): number {
  if (!isIsoDateTime(dateTime)) {
    throw new RangeError(
      `Not an ISO date-time with 'Z' or an offset (e.g. 2024-03-01T09:30:00Z): ${JSON.stringify(dateTime)}`,
    );
  }
  return Date.parse(dateTime);
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic that needs no holidays.

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of days');
  return isoDateOf(dayNumber(date) + n);
}

export function addWeeks(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of weeks');
  return isoDateOf(dayNumber(date) + 7 * n);
}

export function addMonths(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of months');
  dayNumber(date); // validates
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return isoDateOf(Date.UTC(targetYear, targetMonth - 1, targetDay) / MS_PER_DAY);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addHours(dateTime: IsoDateTime, n: number): IsoDateTime {
  if (!Number.isFinite(n)) throw new RangeError(`Number of hours must be finite, got ${n}`);
  return new Date(instantOf(dateTime) + n * 3_600_000).toISOString();
}

const londonDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The first instant of British Summer Time in a year and the first instant after it, under the
 * rule in force since 1996 (01:00 UTC on the last Sunday of March and of October).
 */
function britishSummerTimeOf(year: number): [number, number] {
  const lastSundayAtOneUtc = (monthIndex: number) => {
    const lastDay = Date.UTC(year, monthIndex + 1, 0);
    return lastDay - new Date(lastDay).getUTCDay() * MS_PER_DAY + 3_600_000;
  };
  return [lastSundayAtOneUtc(2), lastSundayAtOneUtc(9)];
}

const SUMMER_TIME_RULE_FROM = Date.UTC(1996, 0, 1);
const SUMMER_TIME_RULE_TO = Date.UTC(2200, 0, 1);
const londonDateByHour = new Map<number, IsoDate>();

/**
 * The London date of an instant. Since 1996 it is worked out from the summer-time rule; earlier
 * (double summer time, the 1968–71 experiment) and later it comes from the time zone database.
 * Answers are remembered per UTC hour: London's offset is a whole number of hours and changes on
 * the hour, so every instant in a UTC hour has the same London date. Imports and timescales ask
 * this millions of times; the time zone database answers in microseconds, this in nanoseconds.
 */
function londonDateOfInstant(instant: number): IsoDate {
  const hour = Math.floor(instant / 3_600_000);
  let date = londonDateByHour.get(hour);
  if (date !== undefined) return date;
  if (instant >= SUMMER_TIME_RULE_FROM && instant < SUMMER_TIME_RULE_TO) {
    const [summerFrom, summerTo] = britishSummerTimeOf(new Date(instant).getUTCFullYear());
    const offset = instant >= summerFrom && instant < summerTo ? 3_600_000 : 0;
    date = new Date(instant + offset).toISOString().slice(0, 10);
  } else {
    const parts = londonDateFormat.formatToParts(new Date(instant));
    const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
    date = `${part('year')}-${part('month')}-${part('day')}`;
  }
  if (londonDateByHour.size >= 200_000) londonDateByHour.clear();
  londonDateByHour.set(hour, date);
  return date;
}

export function londonDateOf(dateTimeOrDate: IsoDateTime | IsoDate): IsoDate {
  if (typeof dateTimeOrDate === 'string' && dateTimeOrDate.length === 10 && ISO_DATE.test(dateTimeOrDate)) {
    dayNumber(dateTimeOrDate); // validates
    return dateTimeOrDate;
  }
  return londonDateOfInstant(instantOf(dateTimeOrDate));
}

// ---------------------------------------------------------------------------------------------
// England and Wales bank holidays.

/** Easter Sunday (Gregorian), by the anonymous computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertInteger(year, 'Year');
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateOf(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

function firstMonday(year: number, month: number): number {
  const first = Date.UTC(year, month - 1, 1) / MS_PER_DAY;
  return first + ((8 - weekdayOf(first)) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = Date.UTC(year, month - 1, daysInMonth(year, month)) / MS_PER_DAY;
  return last - ((weekdayOf(last) + 6) % 7);
}

/**
 * Days that fall on a weekend move to the next weekday not already a holiday (the substitute day).
 * Christmas on a Saturday: Monday 27th and Tuesday 28th; on a Sunday: Boxing Day Monday 26th and
 * Christmas substitute Tuesday 27th.
 */
function withSubstitutes(days: number[]): number[] {
  const taken = new Set(days.filter((day) => !isWeekend(day)));
  const result = [...taken];
  for (const day of days.filter(isWeekend)) {
    let substitute = day + 1;
    while (isWeekend(substitute) || taken.has(substitute)) substitute += 1;
    taken.add(substitute);
    result.push(substitute);
  }
  return result;
}

/**
 * The standing England and Wales bank holidays of a year (Banking and Financial Dealings Act 1971
 * and royal proclamations): New Year's Day, Good Friday, Easter Monday, the early May bank holiday
 * (first Monday of May, from 1978), the spring bank holiday (last Monday of May), the summer bank
 * holiday (last Monday of August), Christmas Day and Boxing Day, with weekend substitutes.
 * One-off changes are not included: see `ONE_OFF_CHANGES` and the CSV.
 */
export function computedBankHolidays(year: number): IsoDate[] {
  assertInteger(year, 'Year');
  const easter = dayNumber(easterSunday(year));
  const days = [
    ...withSubstitutes([Date.UTC(year, 0, 1) / MS_PER_DAY]),
    easter - 2,
    easter + 1,
    ...(year >= 1978 ? [firstMonday(year, 5)] : []),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...withSubstitutes([Date.UTC(year, 11, 25) / MS_PER_DAY, Date.UTC(year, 11, 26) / MS_PER_DAY]),
  ];
  return days.sort((x, y) => x - y).map(isoDateOf);
}

/**
 * One-off changes to the standing rules in years the CSV does not cover (GOV.UK and royal
 * proclamations). The CSV's own years already include theirs (2022 jubilee and state funeral,
 * 2023 coronation).
 */
export const ONE_OFF_CHANGES: Readonly<Record<number, { added: IsoDate[]; removed: IsoDate[] }>> = {
  1995: { added: ['1995-05-08'], removed: ['1995-05-01'] }, // early May moved for VE Day 50
  1999: { added: ['1999-12-31'], removed: [] }, // millennium
  2002: { added: ['2002-06-03', '2002-06-04'], removed: ['2002-05-27'] }, // golden jubilee
  2011: { added: ['2011-04-29'], removed: [] }, // royal wedding
  2012: { added: ['2012-06-04', '2012-06-05'], removed: ['2012-05-28'] }, // diamond jubilee
  2020: { added: ['2020-05-08'], removed: ['2020-05-04'] }, // early May moved for VE Day 75
};

function readBankHolidayList(): Map<number, IsoDate[]> {
  const url = new URL('./england-wales-bank-holidays.csv', import.meta.url);
  const lines = readFileSync(url, 'utf8').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (lines[0] !== 'date') throw new Error(`${url.pathname}: expected the header 'date', got ${lines[0]}`);
  const byYear = new Map<number, IsoDate[]>();
  for (const [index, line] of lines.slice(1).entries()) {
    if (!isIsoDate(line)) throw new Error(`${url.pathname} line ${index + 2}: not an ISO date: ${line}`);
    const year = Number(line.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), line]);
  }
  return byYear;
}

/** The bank holidays of the CSV by year. Its years are taken as complete. */
const BANK_HOLIDAY_LIST = readBankHolidayList();

/** The years the CSV covers, first to last. */
export const bankHolidayListCoverage: { readonly firstYear: number; readonly lastYear: number } = {
  firstYear: Math.min(...BANK_HOLIDAY_LIST.keys()),
  lastYear: Math.max(...BANK_HOLIDAY_LIST.keys()),
};

/** The bank holidays of a year with no local additions: the CSV's, or computed with one-offs. */
export function standardBankHolidays(year: number): IsoDate[] {
  const listed = BANK_HOLIDAY_LIST.get(year);
  if (listed) return [...listed];
  const change = ONE_OFF_CHANGES[year];
  const computed = computedBankHolidays(year);
  if (!change) return computed;
  return [...computed.filter((date) => !change.removed.includes(date)), ...change.added].sort();
}

// ---------------------------------------------------------------------------------------------

export function createCalendar(options: CalendarOptions = {}): Calendar {
  const extra = (options.extraBankHolidays ?? []).map(dayNumber);
  const removed = new Set((options.notBankHolidays ?? []).map(dayNumber));
  /** Bank holidays by year as day numbers, filled in as years are asked for. */
  const holidaysByYear = new Map<number, Set<number>>();

  function holidaysOf(year: number): Set<number> {
    let holidays = holidaysByYear.get(year);
    if (!holidays) {
      holidays = new Set(standardBankHolidays(year).map(dayNumber));
      for (const day of extra) if (yearOf(day) === year) holidays.add(day);
      for (const day of removed) holidays.delete(day);
      holidaysByYear.set(year, holidays);
    }
    return holidays;
  }

  const isHoliday = (day: number): boolean => holidaysOf(yearOf(day)).has(day);
  const isWorking = (day: number): boolean => !isWeekend(day) && !isHoliday(day);

  /** Monday–Friday days in (from, to], for from ≤ to, by arithmetic on whole weeks. */
  function weekdaysAfterUpTo(from: number, to: number): number {
    const span = to - from;
    let count = Math.floor(span / 7) * 5;
    for (let day = from + Math.floor(span / 7) * 7 + 1; day <= to; day += 1) if (!isWeekend(day)) count += 1;
    return count;
  }

  function workingDaysAfterUpTo(from: number, to: number): number {
    let count = weekdaysAfterUpTo(from, to);
    for (let year = yearOf(from); year <= yearOf(to); year += 1) {
      for (const holiday of holidaysOf(year)) {
        if (holiday > from && holiday <= to && !isWeekend(holiday)) count -= 1;
      }
    }
    return count;
  }

  return {
    isBankHoliday: (date) => isHoliday(dayNumber(date)),
    isWorkingDay: (date) => isWorking(dayNumber(date)),
    addWorkingDays(date, n) {
      assertInteger(n, 'Number of working days');
      if (n < 0) throw new RangeError(`addWorkingDays counts forwards only; got ${n}`);
      let day = dayNumber(date);
      for (let counted = 0; counted < n; ) {
        day += 1;
        if (isWorking(day)) counted += 1;
      }
      return isoDateOf(day);
    },
    workingDaysBetween(from, to) {
      const a = dayNumber(from);
      const b = dayNumber(to);
      return a <= b ? workingDaysAfterUpTo(a, b) : 0 - workingDaysAfterUpTo(b, a); // 0 - x: never -0
    },
    addCalendarDays,
    addWeeks,
    addMonths,
    daysBetween,
    addHours,
    londonDateOf,
    bankHolidaysIn(year) {
      assertInteger(year, 'Year');
      return [...holidaysOf(year)].sort((x, y) => x - y).map(isoDateOf);
    },
  };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as GOV.UK writes it in messages: "21 November 2026" (a date-time: its London date). */
export function longDateOf(dateTimeOrDate: IsoDateTime | IsoDate): string {
  const date = londonDateOf(dateTimeOrDate);
  return `${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
