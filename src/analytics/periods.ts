/**
 * Reporting windows: the periods the partnership's figures are quoted for, as pure functions.
 *
 * A window is either a period (every day from `from` to `to`, both included) or a snapshot (one
 * day, `asAt`: "as at 31 March 2024"). Periods are named the way the reports name them:
 *
 *   FY2023-24      financial year, 1 April 2023 – 31 March 2024
 *   FY2023-24-Q1   financial quarter: Q1 = April–June 2023 … Q4 = January–March 2024
 *   AY2023-24      academic year, 1 September 2023 – 31 August 2024
 *   CY2023         calendar year
 *   2023-Q1        calendar quarter: Q1 = January–March 2023 (the year in the name is the calendar year)
 *   2023-06        a month
 *   ISCP2022-24    the safeguarding partnership's reporting period, 1 September 2022 – 31 March 2024. Its
 *                  report calls it "18 months"; counted in calendar months it is 19, and "per month"
 *                  figures divide by 19.
 *   YTD            financial year to date: 1 April of the financial year containing the as-at date, to that date
 *   2023-04-01..2023-09-30   any custom range (also `periodBetween(from, to)`)
 *
 * Dates are ISO 'YYYY-MM-DD' strings and all arithmetic uses the calendar module, so no time zone
 * can shift a day.
 */
import { addCalendarDays, addMonths, daysBetween, isIsoDate, type IsoDate } from '../platform/calendar/calendar.ts';
import { DomainError, type FieldProblem } from '../platform/errors.ts';

export type PeriodKind =
  | 'financial-year'
  | 'financial-quarter'
  | 'academic-year'
  | 'calendar-year'
  | 'calendar-quarter'
  | 'month'
  | 'partnership-period'
  | 'year-to-date'
  | 'custom';

export interface Period {
  kind: PeriodKind;
  /** The name it was asked for by, e.g. 'FY2023-24'; custom ranges are named 'from..to'. */
  label: string;
  from: IsoDate;
  to: IsoDate;
}

export interface Snapshot {
  kind: 'snapshot';
  label: string;
  asAt: IsoDate;
}

export type ReportingWindow = Period | Snapshot;

const invalid = (field: string, message: string) => DomainError.invalidField(field, message);

const pad2 = (n: number) => String(n).padStart(2, '0');
const twoDigits = (year: number) => pad2(year % 100);
const endOfMonth = (year: number, month: number): IsoDate => addCalendarDays(addMonths(`${year}-${pad2(month)}-01`, 1), -1);

/** 'FY2023-24' style: the second part must be the year after the first. */
function checkedYearPair(first: string, second: string, text: string, field: string): number {
  const start = Number(first);
  if (Number(second) !== (start + 1) % 100) {
    throw invalid(field, `${text}: the second year must follow the first, e.g. ${first}-${twoDigits(start + 1)}`);
  }
  return start;
}

export function financialYear(startYear: number): Period {
  return { kind: 'financial-year', label: `FY${startYear}-${twoDigits(startYear + 1)}`, from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

export function academicYear(startYear: number): Period {
  return { kind: 'academic-year', label: `AY${startYear}-${twoDigits(startYear + 1)}`, from: `${startYear}-09-01`, to: `${startYear + 1}-08-31` };
}

export function calendarYear(year: number): Period {
  return { kind: 'calendar-year', label: `CY${year}`, from: `${year}-01-01`, to: `${year}-12-31` };
}

export function calendarQuarter(year: number, quarter: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { kind: 'calendar-quarter', label: `${year}-Q${quarter}`, from: `${year}-${pad2(firstMonth)}-01`, to: endOfMonth(year, firstMonth + 2) };
}

/** Q1 of FY2023-24 is April–June 2023; Q4 is January–March 2024. */
export function financialQuarter(startYear: number, quarter: number): Period {
  const from = addMonths(`${startYear}-04-01`, (quarter - 1) * 3);
  return { kind: 'financial-quarter', label: `FY${startYear}-${twoDigits(startYear + 1)}-Q${quarter}`, from, to: addCalendarDays(addMonths(from, 3), -1) };
}

export function month(year: number, monthNumber: number): Period {
  return { kind: 'month', label: `${year}-${pad2(monthNumber)}`, from: `${year}-${pad2(monthNumber)}-01`, to: endOfMonth(year, monthNumber) };
}

/** The partnership's period from 1 September of `startYear` to 31 March two years later (ISCP2022-24: Sep 2022 – Mar 2024). */
export function partnershipPeriod(startYear: number): Period {
  return { kind: 'partnership-period', label: `ISCP${startYear}-${twoDigits(startYear + 2)}`, from: `${startYear}-09-01`, to: `${startYear + 2}-03-31` };
}

/** The financial year that contains `date`. */
export function financialYearOf(date: IsoDate): Period {
  const year = Number(date.slice(0, 4));
  return financialYear(date.slice(5) >= '04-01' ? year : year - 1);
}

/** Financial year to date: from 1 April of the financial year containing `asAt`, to `asAt`. */
export function yearToDate(asAt: IsoDate): Period {
  return { kind: 'year-to-date', label: `YTD ${asAt}`, from: financialYearOf(asAt).from, to: asAt };
}

export function periodBetween(from: IsoDate, to: IsoDate): Period {
  if (!isIsoDate(from)) throw invalid('from', `Not a date (YYYY-MM-DD): ${from}`);
  if (!isIsoDate(to)) throw invalid('to', `Not a date (YYYY-MM-DD): ${to}`);
  if (from > to) throw invalid('from', `The period starts (${from}) after it ends (${to})`);
  return { kind: 'custom', label: `${from}..${to}`, from, to };
}

export function snapshotAt(asAt: IsoDate): Snapshot {
  if (!isIsoDate(asAt)) throw invalid('asAt', `Not a date (YYYY-MM-DD): ${asAt}`);
  return { kind: 'snapshot', label: `as at ${asAt}`, asAt };
}

const PATTERNS: { pattern: RegExp; build: (match: RegExpExecArray, text: string, options: ParseOptions) => Period }[] = [
  { pattern: /^FY(\d{4})-(\d{2})$/, build: ([, a, b], text) => financialYear(checkedYearPair(a!, b!, text, 'period')) },
  {
    pattern: /^FY(\d{4})-(\d{2})[- ]?Q([1-4])$/,
    build: ([, a, b, q], text) => financialQuarter(checkedYearPair(a!, b!, text, 'period'), Number(q)),
  },
  { pattern: /^AY(\d{4})-(\d{2})$/, build: ([, a, b], text) => academicYear(checkedYearPair(a!, b!, text, 'period')) },
  { pattern: /^CY(\d{4})$/, build: ([, y]) => calendarYear(Number(y)) },
  { pattern: /^(\d{4})-Q([1-4])$/, build: ([, y, q]) => calendarQuarter(Number(y), Number(q)) },
  {
    pattern: /^(\d{4})-(\d{2})$/,
    build: ([, y, m], text) => {
      const monthNumber = Number(m);
      if (monthNumber < 1 || monthNumber > 12) throw invalid('period', `${text}: there is no month ${m}`);
      return month(Number(y), monthNumber);
    },
  },
  {
    pattern: /^ISCP(\d{4})-(\d{2})$/,
    build: ([, a, b], text) => {
      const start = Number(a);
      if (Number(b) !== (start + 2) % 100) {
        throw invalid('period', `${text}: the partnership period ends in March two years after it starts, e.g. ISCP${start}-${twoDigits(start + 2)} (1 September ${start} – 31 March ${start + 2})`);
      }
      return partnershipPeriod(start);
    },
  },
  { pattern: /^YTD$/, build: (_match, _text, options) => yearToDate(options.asAt ?? options.today()) },
  { pattern: /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/, build: ([, from, to]) => periodBetween(from!, to!) },
];

export interface ParseOptions {
  /** For YTD: the date the year to date runs to. */
  asAt?: IsoDate;
  /** Today's date in London, when YTD has no as-at date. */
  today: () => IsoDate;
}

/** The period a name stands for; an unknown name is a DomainError naming the field 'period'. */
export function parsePeriod(text: string, options: ParseOptions): Period {
  const trimmed = text.trim().toUpperCase();
  for (const { pattern, build } of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (match) return build(match, text.trim(), options);
  }
  throw invalid(
    'period',
    `Unknown period '${text}'. Use FY2023-24, FY2023-24-Q1, AY2023-24, CY2023, 2023-Q1 (calendar quarter), 2023-06, ISCP2022-24, YTD, or from..to`,
  );
}

export interface WindowRequest {
  period?: string;
  from?: IsoDate;
  to?: IsoDate;
  asAt?: IsoDate;
}

/**
 * The window a request asks for: `period`, or `from` and `to`, or only `asAt` (a snapshot).
 * `asAt` with a period is the date YTD runs to. Nothing at all is refused: a figure without a
 * window would silently mean "today", which no report wants.
 */
export function windowOf(request: WindowRequest, today: () => IsoDate): ReportingWindow {
  const { period, from, to, asAt } = request;
  if (period !== undefined && (from !== undefined || to !== undefined)) {
    throw invalid('period', 'Give either a period or from and to, not both');
  }
  if (period !== undefined) {
    const parsed = parsePeriod(period, { asAt, today });
    if (asAt !== undefined && parsed.kind !== 'year-to-date') throw invalid('asAt', 'asAt goes with period=YTD (the date it runs to) or alone (a snapshot), not with another period');
    return checkedWindow(parsed);
  }
  if (from !== undefined || to !== undefined) {
    if (from === undefined) throw invalid('from', 'Give from as well as to');
    if (to === undefined) throw invalid('to', 'Give to as well as from');
    return checkedWindow(periodBetween(from, to));
  }
  if (asAt !== undefined) return checkedWindow(snapshotAt(asAt));
  throw invalid('period', 'Give a period (e.g. FY2023-24), from and to, or asAt for a snapshot');
}

/** Days in a period, both ends included. */
export const daysIn = (period: Period): number => daysBetween(period.from, period.to) + 1;

/**
 * Months in a period, for "per month" averages: whole calendar months are counted exactly
 * (FY = 12, the partnership period = 19); other ranges count days ÷ (365.25 ÷ 12).
 */
export function monthsIn(period: Period): number {
  const whole = wholeMonthsIn(period);
  return whole ?? daysIn(period) / (365.25 / 12);
}

/** The number of months when the period runs from a 1st to a month end, else undefined. */
function wholeMonthsIn(period: Period): number | undefined {
  if (!period.from.endsWith('-01')) return undefined;
  const [fromYear, fromMonth] = period.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = period.to.split('-').map(Number) as [number, number];
  if (endOfMonth(toYear, toMonth) !== period.to) return undefined;
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

/**
 * The period of the same kind and length just before this one: FY2022-23 before FY2023-24, the
 * previous month, quarter or partnership period; YTD the same span of the previous financial year;
 * a custom range the same number of days (or whole months) immediately before it.
 */
export function previousPeriod(period: Period): Period {
  const startYear = Number(period.from.slice(0, 4));
  switch (period.kind) {
    case 'financial-year':
      return financialYear(startYear - 1);
    case 'academic-year':
      return academicYear(startYear - 1);
    case 'calendar-year':
      return calendarYear(startYear - 1);
    case 'partnership-period': {
      // The same number of months just before; such a period has no name of its own.
      const from = addMonths(period.from, -(wholeMonthsIn(period) ?? 19));
      const to = addCalendarDays(period.from, -1);
      return { kind: 'partnership-period', label: `${from}..${to}`, from, to };
    }
    case 'year-to-date': {
      const to = addMonths(period.to, -12);
      return { kind: 'year-to-date', label: `YTD ${to}`, from: financialYearOf(to).from, to };
    }
    case 'calendar-quarter':
    case 'financial-quarter':
    case 'month':
    case 'custom': {
      const whole = wholeMonthsIn(period);
      if (whole !== undefined) {
        const from = addMonths(period.from, -whole);
        const to = addCalendarDays(period.from, -1);
        return { ...relabel(period.kind, from, to), from, to };
      }
      const to = addCalendarDays(period.from, -1);
      const from = addCalendarDays(to, -(daysIn(period) - 1));
      return { kind: 'custom', label: `${from}..${to}`, from, to };
    }
  }
}

function relabel(kind: PeriodKind, from: IsoDate, to: IsoDate): { kind: PeriodKind; label: string } {
  const [year, monthNumber] = from.split('-').map(Number) as [number, number];
  if (kind === 'month') return { kind, label: month(year, monthNumber).label };
  if (kind === 'calendar-quarter') return { kind, label: calendarQuarter(year, Math.floor((monthNumber - 1) / 3) + 1).label };
  if (kind === 'financial-quarter') {
    const fy = financialYearOf(from);
    const fyStart = Number(fy.from.slice(0, 4));
    const quarter = Math.floor((((monthNumber - 4 + 12) % 12)) / 3) + 1;
    return { kind, label: financialQuarter(fyStart, quarter).label };
  }
  return { kind: 'custom', label: `${from}..${to}` };
}

/** The snapshot a year earlier (31 March 2023 before 31 March 2024): snapshots are compared year on year. */
export function previousSnapshot(snapshot: Snapshot): Snapshot {
  return snapshotAt(addMonths(snapshot.asAt, -12));
}

export function previousWindow(window: ReportingWindow): ReportingWindow {
  return window.kind === 'snapshot' ? previousSnapshot(window) : previousPeriod(window);
}

/** The earliest year a trend reaches back to: the first year any date in a request may name. */
const EARLIEST_TREND_YEAR = 1900;

/** `count` consecutive windows ending with `window`, oldest first. */
export function consecutiveWindows(window: ReportingWindow, count: number): ReportingWindow[] {
  if (!Number.isInteger(count) || count < 1) throw invalid('trend', `The number of periods must be a whole number of at least 1, not ${count}`);
  const windows = [window];
  while (windows.length < count) {
    const previous = previousWindow(windows[0]!);
    // A custom period steps back by its own length: 24 periods of a century (1900–2000, trend=24)
    // reached years no date can hold and answered 500, so a trend stays within the years a date may name.
    const starts = previous.kind === 'snapshot' ? previous.asAt : previous.from;
    if (!/^\d{4}-/.test(starts) || Number(starts.slice(0, 4)) < EARLIEST_TREND_YEAR) {
      throw invalid('trend', `${count} periods would reach back before ${EARLIEST_TREND_YEAR}: ask for fewer periods or shorter ones`);
    }
    windows.unshift(previous);
  }
  return windows;
}

/** The last day of a window: a period's end, or the snapshot date. */
export const endOf = (window: ReportingWindow): IsoDate => (window.kind === 'snapshot' ? window.asAt : window.to);

/**
 * The DfE year label ('2023-24') of the year to 31 March that contains the date: benchmarks for
 * "2023-24" are the year ending 31 March 2024, or the snapshot at that date.
 */
export function dfeYearLabelOf(date: IsoDate): string {
  return financialYearOf(date).label.slice(2);
}

/*
 * Bounds on what anyone may ask for, so that one request cannot hold the database for long (issue
 * 14: a report over 1900–2026 took 10.5 s and 5.3 MB). No council holds statutory children's social
 * care records from before 2000 (the CIN census itself began in 2008), a report or dashboard period
 * is at most a few years, and a trend shows change over years, not a generation.
 */
export const FIRST_COUNTED_DAY: IsoDate = '2000-01-01';
export const MAX_WINDOW_YEARS = 5;
export const MAX_TREND_YEARS = 10;

/** The request fields a window's start and end were given in: from and to, a period's name, or asAt. */
function fieldsOf(window: ReportingWindow): { start: string; end: string } {
  if (window.kind === 'snapshot') return { start: 'asAt', end: 'asAt' };
  return window.kind === 'custom' ? { start: 'from', end: 'to' } : { start: 'period', end: 'period' };
}

const startOf = (window: ReportingWindow): IsoDate => (window.kind === 'snapshot' ? window.asAt : window.from);

/** The window, if it starts no earlier than FIRST_COUNTED_DAY and spans at most MAX_WINDOW_YEARS; else a 400 naming the field. */
export function checkedWindow<W extends ReportingWindow>(window: W): W {
  const fields = fieldsOf(window);
  if (startOf(window) < FIRST_COUNTED_DAY) {
    throw invalid(fields.start, `Figures start on ${FIRST_COUNTED_DAY}: ask for a window from then on`);
  }
  if (endOf(window) >= addMonths(startOf(window), 12 * MAX_WINDOW_YEARS)) {
    throw invalid(fields.end, `A window covers at most ${MAX_WINDOW_YEARS} years: end it before ${addMonths(startOf(window), 12 * MAX_WINDOW_YEARS)}`);
  }
  return window;
}

/** A trend of `count` windows ending with `window` must start no earlier than FIRST_COUNTED_DAY and span at most MAX_TREND_YEARS. */
export function checkTrendBounds(window: ReportingWindow, count: number): void {
  const first = consecutiveWindows(window, count)[0]!;
  if (startOf(first) < FIRST_COUNTED_DAY || endOf(window) >= addMonths(startOf(first), 12 * MAX_TREND_YEARS)) {
    throw invalid('trend', `A trend covers at most ${MAX_TREND_YEARS} years, from ${FIRST_COUNTED_DAY} on: ask for fewer periods`);
  }
}

/** The last day of the last whole month before `today`'s. */
export const lastCompletedMonthEnd = (today: IsoDate): IsoDate => addCalendarDays(`${today.slice(0, 7)}-01`, -1);

const isMonthEnd = (date: IsoDate) => addCalendarDays(date, 1).endsWith('-01');

/**
 * Disclosure control's windows (docs/analytics.md, "Who sees which figures"): whole calendar months
 * that are over. Two windows that differ by a day would differ by the children of that day; two
 * windows of whole months differ by a month, whose children rounding and suppression hide. A period
 * still running (this financial year so far) is counted to the end of last month, so asking again
 * tomorrow gives the same figures; a period with no month over yet, part of a month, or a snapshot
 * on any day but a month's last day that is over, is refused naming every bad field.
 */
export function wholeCompletedMonths(window: ReportingWindow, today: IsoDate): ReportingWindow {
  const fields = fieldsOf(window);
  const lastDay = lastCompletedMonthEnd(today);
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => { if (!problems.some((p) => p.field === field)) problems.push({ field, message }); };
  if (window.kind === 'snapshot') {
    if (!isMonthEnd(window.asAt)) problem('asAt', 'Figures for your role are as at the last day of a month');
    else if (window.asAt > lastDay) problem('asAt', `Figures for your role are for months that are over: ask for ${lastDay} or earlier`);
  } else {
    if (!window.from.endsWith('-01')) problem(fields.start, 'Figures for your role are for whole months: start on the first day of a month');
    else if (window.from > lastDay) problem(fields.start, `Figures for your role are for months that are over: no month of this period is over yet (the last is the one ending ${lastDay})`);
    if (!isMonthEnd(window.to)) problem(fields.end, 'Figures for your role are for whole months: end on the last day of a month');
  }
  if (problems.length > 0) throw DomainError.invalid(problems, problems.map((p) => p.message).join('; '));
  if (window.kind !== 'snapshot' && window.to > lastDay) return { ...window, label: `${window.label} to ${lastDay}`, to: lastDay };
  return window;
}
