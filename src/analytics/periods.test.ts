import { describe, expect, it } from 'vitest';
import { DomainError } from '../platform/errors.ts';
import {
  checkTrendBounds, consecutiveWindows, dfeYearLabelOf, financialYearOf, monthsIn, parsePeriod, periodBetween, previousPeriod, previousSnapshot,
  snapshotAt, wholeCompletedMonths, windowOf,
} from './periods.ts';

const today = () => '2024-06-15';
const parse = (text: string, asAt?: string) => parsePeriod(text, { today, asAt });

describe('parsePeriod', () => {
  it.each([
    ['FY2023-24', 'financial-year', '2023-04-01', '2024-03-31'],
    ['fy2023-24', 'financial-year', '2023-04-01', '2024-03-31'],
    ['FY1999-00', 'financial-year', '1999-04-01', '2000-03-31'],
    ['AY2023-24', 'academic-year', '2023-09-01', '2024-08-31'],
    ['CY2023', 'calendar-year', '2023-01-01', '2023-12-31'],
    ['2023-Q1', 'calendar-quarter', '2023-01-01', '2023-03-31'],
    ['2024-Q4', 'calendar-quarter', '2024-10-01', '2024-12-31'],
    ['FY2023-24-Q1', 'financial-quarter', '2023-04-01', '2023-06-30'],
    ['FY2023-24 Q4', 'financial-quarter', '2024-01-01', '2024-03-31'],
    ['2023-06', 'month', '2023-06-01', '2023-06-30'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['ISCP2022-24', 'partnership-period', '2022-09-01', '2024-03-31'],
    ['2023-04-03..2023-04-09', 'custom', '2023-04-03', '2023-04-09'],
  ])('%s is a %s from %s to %s', (text, kind, from, to) => {
    expect(parse(text)).toMatchObject({ kind, from, to });
  });

  it('YTD runs from 1 April of the financial year containing the as-at date', () => {
    expect(parse('YTD', '2024-03-31')).toMatchObject({ kind: 'year-to-date', from: '2023-04-01', to: '2024-03-31' });
    expect(parse('YTD', '2024-04-01')).toMatchObject({ from: '2024-04-01', to: '2024-04-01' });
    expect(parse('YTD')).toMatchObject({ from: '2024-04-01', to: '2024-06-15' }); // today
  });

  it.each(['FY2023-25', 'AY2023', 'ISCP2022-23', '2023-13', '2023-Q5', 'last year', '2024-03-31..2024-01-01'])('refuses %s naming the field', (text) => {
    expect(() => parse(text)).toThrow(expect.objectContaining({ code: 'invalid' }));
  });
});

describe('windowOf', () => {
  it('takes a period, a range or a snapshot, and refuses nothing or both', () => {
    expect(windowOf({ period: 'FY2023-24' }, today)).toMatchObject({ kind: 'financial-year' });
    expect(windowOf({ from: '2024-01-01', to: '2024-01-31' }, today)).toMatchObject({ kind: 'custom', label: '2024-01-01..2024-01-31' });
    expect(windowOf({ asAt: '2024-03-31' }, today)).toEqual({ kind: 'snapshot', label: 'as at 2024-03-31', asAt: '2024-03-31' });
    expect(() => windowOf({}, today)).toThrow(/Give a period/);
    expect(() => windowOf({ period: 'FY2023-24', from: '2023-01-01' }, today)).toThrow(/not both/);
    expect(() => windowOf({ from: '2023-01-01' }, today)).toThrow(/Give to/);
    expect(windowOf({ period: 'YTD', asAt: '2024-01-31' }, today)).toMatchObject({ from: '2023-04-01', to: '2024-01-31' });
    expect(() => windowOf({ period: 'FY2023-24', asAt: '2024-01-31' }, today)).toThrow(/asAt goes with period=YTD/);
  });
});

describe('previous periods and trends', () => {
  it('steps back by the same kind of period', () => {
    expect(previousPeriod(parse('FY2023-24')).label).toBe('FY2022-23');
    expect(previousPeriod(parse('AY2023-24')).label).toBe('AY2022-23');
    expect(previousPeriod(parse('CY2023')).label).toBe('CY2022');
    expect(previousPeriod(parse('2024-01'))).toMatchObject({ label: '2023-12', from: '2023-12-01', to: '2023-12-31' });
    expect(previousPeriod(parse('2023-Q1'))).toMatchObject({ label: '2022-Q4', from: '2022-10-01', to: '2022-12-31' });
    expect(previousPeriod(parse('FY2023-24-Q1'))).toMatchObject({ label: 'FY2022-23-Q4', from: '2023-01-01', to: '2023-03-31' });
    expect(previousPeriod(parse('ISCP2022-24'))).toMatchObject({ from: '2021-02-01', to: '2022-08-31' });
    expect(previousPeriod(parse('YTD', '2024-06-15'))).toMatchObject({ from: '2023-04-01', to: '2023-06-15' });
    // A custom range of 7 days is preceded by the 7 days before it.
    expect(previousPeriod(periodBetween('2024-03-25', '2024-03-31'))).toMatchObject({ from: '2024-03-18', to: '2024-03-24' });
    expect(previousSnapshot(snapshotAt('2024-02-29')).asAt).toBe('2023-02-28');
  });

  it('lists consecutive windows oldest first', () => {
    expect(consecutiveWindows(parse('FY2023-24'), 3).map((w) => w.label)).toEqual(['FY2021-22', 'FY2022-23', 'FY2023-24']);
    expect(consecutiveWindows(snapshotAt('2024-03-31'), 2).map((w) => w.label)).toEqual(['as at 2023-03-31', 'as at 2024-03-31']);
  });
});

describe('months and year labels', () => {
  it('counts whole months exactly and other ranges by average month length', () => {
    expect(monthsIn(parse('FY2023-24'))).toBe(12);
    // The report calls September 2022 – March 2024 "18 months"; it is 19 calendar months.
    expect(monthsIn(parse('ISCP2022-24'))).toBe(19);
    expect(monthsIn(parse('2024-02'))).toBe(1);
    expect(monthsIn(periodBetween('2024-01-01', '2024-01-15'))).toBeCloseTo(15 / 30.4375, 6);
  });

  it('names the DfE year to 31 March containing a date', () => {
    expect(dfeYearLabelOf('2024-03-31')).toBe('2023-24');
    expect(dfeYearLabelOf('2024-04-01')).toBe('2024-25');
    expect(financialYearOf('2000-01-15').label).toBe('FY1999-00');
  });
});

const fieldsOf = (act: () => unknown): string[] => {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error.problems.map((p) => p.field);
    throw error;
  }
  return [];
};

describe('the bounds of a window anyone may ask for', () => {
  it('refuses a window before 2000 or longer than 5 years, naming the field it was given in', () => {
    expect(fieldsOf(() => windowOf({ from: '1900-01-01', to: '2026-03-31' }, today))).toEqual(['from']);
    expect(fieldsOf(() => windowOf({ from: '2019-04-01', to: '2024-04-01' }, today))).toEqual(['to']);
    expect(fieldsOf(() => windowOf({ from: '2019-04-01', to: '2024-03-31' }, today))).toEqual([]);
    expect(fieldsOf(() => windowOf({ period: 'FY1999-00' }, today))).toEqual(['period']);
    expect(fieldsOf(() => windowOf({ asAt: '1999-12-31' }, today))).toEqual(['asAt']);
  });

  it('refuses a trend that would reach before 2000 or span more than 10 years', () => {
    expect(fieldsOf(() => checkTrendBounds(windowOf({ period: 'FY2023-24' }, today), 10))).toEqual([]);
    expect(fieldsOf(() => checkTrendBounds(windowOf({ period: 'FY2023-24' }, today), 11))).toEqual(['trend']);
    expect(fieldsOf(() => checkTrendBounds(windowOf({ period: '2024-03' }, today), 24))).toEqual([]);
  });
});

describe('the windows of figures under disclosure control', () => {
  const control = (request: Parameters<typeof windowOf>[0]) => fieldsOf(() => wholeCompletedMonths(windowOf(request, today), today()));
  it('takes whole months that are over, in any of the ways a window is asked for', () => {
    expect(control({ period: 'FY2023-24' })).toEqual([]);
    expect(control({ period: '2024-05' })).toEqual([]);
    expect(control({ from: '2024-01-01', to: '2024-05-31' })).toEqual([]);
    expect(control({ asAt: '2024-03-31' })).toEqual([]);
  });

  it('counts a period still running to the end of last month, so asking again tomorrow tells nothing new', () => {
    const window = wholeCompletedMonths(windowOf({ period: 'FY2024-25' }, today), today());
    expect(window).toMatchObject({ kind: 'financial-year', from: '2024-04-01', to: '2024-05-31', label: 'FY2024-25 to 2024-05-31' });
    expect(wholeCompletedMonths(windowOf({ period: 'FY2024-25' }, () => '2024-06-30'), '2024-06-30')).toEqual(window);
  });

  it('refuses part of a month, a month not over, or a snapshot on another day, naming each bad field', () => {
    expect(control({ from: '2024-02-14', to: '2024-02-14' })).toEqual(['from', 'to']);
    expect(control({ from: '2024-02-01', to: '2024-02-13' })).toEqual(['to']);
    expect(control({ from: '2024-02-15', to: '2024-02-29' })).toEqual(['from']);
    expect(control({ period: '2024-06' })).toEqual(['period']);
    expect(control({ period: 'YTD', asAt: '2024-05-20' })).toEqual(['period']);
    expect(control({ asAt: '2024-02-14' })).toEqual(['asAt']);
    expect(control({ asAt: '2024-06-30' })).toEqual(['asAt']);
  });
});
