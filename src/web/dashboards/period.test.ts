import { describe, expect, it } from 'vitest';
import { apiWindowOf, choiceFrom, datesOf, describePeriod, kindOf, optionsFor, previousDatesOf } from './period.ts';

describe('periods for dashboards and reports', () => {
  it('reads the period from the address, defaulting to the last whole financial year', () => {
    expect(choiceFrom(new URLSearchParams(''), '2026-11-24')).toEqual({ kind: 'financial-year', period: 'FY2025-26' });
    expect(choiceFrom(new URLSearchParams('period=FY2024-25-Q3'), '2026-11-24')).toEqual({ kind: 'quarter', period: 'FY2024-25-Q3' });
    expect(choiceFrom(new URLSearchParams('from=2024-01-01&to=2024-06-30'), '2026-11-24')).toEqual({ kind: 'custom', from: '2024-01-01', to: '2024-06-30' });
    // Anything the dashboards cannot name falls back to the default rather than failing.
    expect(choiceFrom(new URLSearchParams('period=nonsense'), '2026-03-01').period).toBe('FY2024-25');
    expect(kindOf('ISCP2022-24')).toBe('partnership');
    expect(kindOf('2024-06')).toBe('month');
  });

  it('asks the API for a named period or for dates', () => {
    expect(apiWindowOf({ kind: 'month', period: '2024-06' })).toEqual({ period: '2024-06' });
    expect(apiWindowOf({ kind: 'custom', from: '2024-01-01', to: '2024-01-31' })).toEqual({ from: '2024-01-01', to: '2024-01-31' });
  });

  it('gives the first and last day of each kind, as the metrics API counts them', () => {
    expect(datesOf({ kind: 'financial-year', period: 'FY2023-24' })).toEqual({ from: '2023-04-01', to: '2024-03-31' });
    expect(datesOf({ kind: 'quarter', period: 'FY2023-24-Q4' })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(datesOf({ kind: 'quarter', period: 'FY2023-24-Q1' })).toEqual({ from: '2023-04-01', to: '2023-06-30' });
    expect(datesOf({ kind: 'month', period: '2024-02' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(datesOf({ kind: 'partnership', period: 'ISCP2022-24' })).toEqual({ from: '2022-09-01', to: '2024-03-31' });
  });

  it('names periods in words', () => {
    expect(describePeriod({ kind: 'financial-year', period: 'FY2023-24' })).toBe('2023 to 2024 financial year');
    expect(describePeriod({ kind: 'quarter', period: 'FY2023-24-Q4' })).toBe('January to March 2024');
    expect(describePeriod({ kind: 'month', period: '2024-06' })).toBe('June 2024');
  });

  it('offers only periods that have started, newest first', () => {
    const quarters = optionsFor('quarter', '2026-11-24').map((o) => o.value);
    expect(quarters[0]).toBe('FY2026-27-Q3');
    expect(quarters).not.toContain('FY2026-27-Q4');
    expect(optionsFor('financial-year', '2026-11-24')[0]).toEqual({ value: 'FY2026-27', text: '2026 to 2027 (so far)' });
    expect(optionsFor('month', '2026-01-15').slice(0, 2).map((o) => o.value)).toEqual(['2026-01', '2025-12']);
    expect(optionsFor('partnership', '2026-11-24').map((o) => o.value)).toEqual(['ISCP2026-28', 'ISCP2024-26', 'ISCP2022-24']);
  });
});

describe('the period before', () => {
  it('is the same whole months before, or the same number of days', () => {
    expect(previousDatesOf({ kind: 'financial-year', period: 'FY2023-24' })).toEqual({ from: '2022-04-01', to: '2023-03-31' });
    expect(previousDatesOf({ kind: 'quarter', period: 'FY2023-24-Q4' })).toEqual({ from: '2023-10-01', to: '2023-12-31' });
    expect(previousDatesOf({ kind: 'month', period: '2024-03' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousDatesOf({ kind: 'partnership', period: 'ISCP2022-24' })).toEqual({ from: '2021-02-01', to: '2022-08-31' });
    expect(previousDatesOf({ kind: 'custom', from: '2024-01-10', to: '2024-01-19' })).toEqual({ from: '2023-12-31', to: '2024-01-09' });
  });
});

describe('periods offered under disclosure control', () => {
  it('offers only periods with a month that is over', () => {
    const today = '2026-11-24';
    expect(optionsFor('financial-year', today, true).map((o) => o.value)).toEqual(['FY2026-27', 'FY2025-26', 'FY2024-25', 'FY2023-24', 'FY2022-23']);
    expect(optionsFor('month', today, true)[0]!.value).toBe('2026-10');
    expect(optionsFor('month', today, true).length).toBe(35);
    expect(optionsFor('quarter', today, true)[0]!.value).toBe('FY2026-27-Q3');
    expect(optionsFor('quarter', '2026-10-05', true)[0]!.value).toBe('FY2026-27-Q2');
    expect(optionsFor('month', today)[0]!.value).toBe('2026-11');
  });
});
