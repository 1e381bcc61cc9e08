import { describe, expect, it } from 'vitest';
import { metricDefinitions, workingsOf } from '../../analytics/catalogue.ts';
import { dashboardTablesOf, distributionOf, englandBenchmark, englandLabel, formatChange, formatFigure, hasChildrenBehind, unitsOf, type CatalogueEntry } from './metrics.ts';

describe('figures as people read them', () => {
  it('writes a value in its unit', () => {
    expect(formatFigure(12345, 'count')).toBe('12,345');
    expect(formatFigure(45.66, 'percent')).toBe('45.7%');
    expect(formatFigure(38.24, 'rate-per-10000')).toBe('38.2 per 10,000');
    expect(formatFigure(12.5, 'per-month')).toBe('12.5 a month');
    expect(formatFigure(null, 'count')).toBe('–');
  });

  it('says the year of an England figure, and that it is the latest held when it is not the period\'s own', () => {
    expect(englandLabel({ year: '2025-26', samePeriod: true })).toBe('England 2025-26');
    expect(englandLabel({ year: '2019-20', samePeriod: false })).toBe('England 2019-20, the latest held');
  });

  it('shows a distribution (the length of plans ending) as its groups\' shares, not the count measured', () => {
    const figure = (display: string) => ({ value: 0, display, suppressed: false });
    const breakdown = { rows: [
      { groups: [{ label: 'Under 3 months' }], value: figure('25.0%'), share: figure('25.0%') },
      { groups: [{ label: '2 years or more' }], value: figure('75.0%'), share: figure('75.0%') },
    ] };
    expect(distributionOf(breakdown)).toEqual([{ label: 'Under 3 months', share: '25.0%' }, { label: '2 years or more', share: '75.0%' }]);
    expect(distributionOf(null)).toEqual([]);
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
    expect(hasChildrenBehind({ countingUnit: 'contact' })).toBe(true);
    expect(hasChildrenBehind({ countingUnit: 'worker' })).toBe(false);
    expect(hasChildrenBehind({ countingUnit: 'child-in-population' })).toBe(false);
    expect(hasChildrenBehind({ countingUnit: 'contact', changeOf: 'FD-01' })).toBe(false);
    expect(unitsOf('section-47-enquiry', 1)).toBe('section 47 enquiry');
  });

  it('puts the modules\' groups of computed metrics in tables, in the catalogue\'s order of their first metric', () => {
    const entry = (id: string, domain: string, kind: CatalogueEntry['kind'] = 'metric'): CatalogueEntry => ({ id, title: id, domain, kind, available: kind !== 'unavailable' });
    const tables = dashboardTablesOf([
      entry('FD-01', 'front-door'), entry('CIN-01', 'children-in-need'), entry('CIN-05', 'children-in-need', 'view'), entry('CP-01', 'child-protection'),
      entry('CPC-02', 'conferences', 'unavailable'), entry('CPC-05', 'conferences'), entry('CLA-01', 'looked-after', 'unavailable'),
      entry('WF-01', 'workforce'), entry('POP-03', 'population'), entry('DFE-ASM-45', 'children-in-need'),
    ]);
    expect(tables.map((table) => [table.title, table.metrics.map((metric) => metric.id)])).toEqual([
      ['Front door', ['FD-01']], ['Children in need', ['CIN-01', 'DFE-ASM-45']], ['Child protection', ['CP-01']], ['Conferences', ['CPC-05']], ['Workforce', ['WF-01']],
    ]);
  });
});

describe('the children behind a figure', () => {
  it('are offered for exactly the figures counted from records', () => {
    for (const definition of metricDefinitions) {
      expect(hasChildrenBehind(definition), definition.id).toBe(workingsOf(definition).counts !== undefined);
    }
  });
});
