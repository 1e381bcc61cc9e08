import { describe, expect, it } from 'vitest';
import { englandBenchmark, formatChange, formatFigure, hasChildrenBehind, unitsOf } from './metrics.ts';

describe('figures as people read them', () => {
  it('writes a value in its unit', () => {
    expect(formatFigure(12345, 'count')).toBe('12,345');
    expect(formatFigure(45.66, 'percent')).toBe('45.7%');
    expect(formatFigure(38.24, 'rate-per-10000')).toBe('38.2 per 10,000');
    expect(formatFigure(12.5, 'per-month')).toBe('12.5 a month');
    expect(formatFigure(null, 'count')).toBe('–');
  });

  it('writes a change in points for percentages and relatively for the rest', () => {
    expect(formatChange({ change: 2.34, changePercent: 5 }, 'percent')).toBe('+2.3 points');
    expect(formatChange({ change: -40, changePercent: -12.26 }, 'count')).toBe('−12.3%');
    expect(formatChange({ change: 0, changePercent: 0 }, 'count')).toBe('No change');
    expect(formatChange(undefined, 'count')).toBe('–');
  });

  it('takes the England figure for the period, else the latest', () => {
    const england = (year: string, samePeriod: boolean) => ({ year, geography: 'england', measure: 'value', value: 1, source: 'DfE', samePeriod });
    expect(englandBenchmark([england('2022-23', false), england('2023-24', true)])?.year).toBe('2023-24');
    expect(englandBenchmark([england('2021-22', false), england('2022-23', false)])?.year).toBe('2022-23');
    expect(englandBenchmark([{ ...england('2023-24', true), geography: 'region' }])).toBeUndefined();
  });

  it('offers the children behind a figure only where there are children to list', () => {
    expect(hasChildrenBehind('FD-01')).toBe(true);
    expect(hasChildrenBehind('WF-01')).toBe(false);
    expect(unitsOf('section-47-enquiry', 1)).toBe('section 47 enquiry');
  });
});
