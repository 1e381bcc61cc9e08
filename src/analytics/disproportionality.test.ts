import { describe, expect, it } from 'vitest';
import { analyseDisproportionality, rateRatio } from './disproportionality.ts';

describe('relative rate index', () => {
  it('uses the Katz log interval for proportions of children', () => {
    // 30 of 1,000 against 20 of 2,000: RRI 3; var = 1/30 − 1/1000 + 1/20 − 1/2000 = 0.0818333;
    // se 0.286065; 3 × e^(±1.959964 × 0.286065) = 3 × e^(±0.560677) = 3 × 1.75186^±1 → 1.7125 to 5.2556.
    const ratio = rateRatio(30, 1000, 20, 2000, 'risk')!;
    expect(ratio.index).toBeCloseTo(3, 10);
    expect(ratio.lower).toBeCloseTo(1.7125, 3);
    expect(ratio.upper).toBeCloseTo(5.2556, 3);
  });

  it('uses the Poisson log interval for events', () => {
    // 30 events per 1,000 against 20 per 2,000: var = 1/30 + 1/20 = 0.083333…; se 0.288675.
    const ratio = rateRatio(30, 1000, 20, 2000, 'poisson')!;
    expect(ratio.lower).toBeCloseTo(3 * Math.exp(-1.959963984540054 * Math.sqrt(1 / 30 + 1 / 20)), 10);
    expect(ratio.lower).toBeCloseTo(1.7033, 3);
  });

  it('has no interval for zero events and no ratio for a comparator with none', () => {
    expect(rateRatio(0, 100, 5, 100, 'risk')).toEqual({ index: 0, lower: null, upper: null });
    expect(rateRatio(5, 100, 0, 100, 'risk')).toBeNull();
    expect(rateRatio(5, 0, 5, 100, 'risk')).toBeNull();
  });
});

describe('disproportionality analysis', () => {
  // The partnership report's own example (catalogue §20): White British 34% of children on plans against 25% of children.
  const groups = [
    { code: 'WBRI', events: 34, population: 2500 },
    { code: 'BCRB', events: 20, population: 1000 },
    { code: 'ABAN', events: 6, population: 2500 },
    { code: 'OOTH', events: 40, population: 4000 },
    { code: 'NOBT', events: 10, population: 0 },
  ];
  const analysis = analyseDisproportionality(groups, { unknownCodes: ['NOBT', 'REFU'], comparator: 'WBRI', rateBase: 10000, model: 'risk' });
  const row = (code: string) => analysis.rows.find((r) => r.code === code)!;

  it('compares shares among the known, keeping unknown out and reporting its share', () => {
    expect(row('WBRI').serviceShare).toBeCloseTo(0.34, 10); // 34 of 100 known
    expect(row('WBRI').referenceShare).toBeCloseTo(0.25, 10);
    expect(row('WBRI').representationRatio).toBeCloseTo(1.36, 10);
    expect(row('WBRI').pointDifference).toBeCloseTo(9, 10);
    expect(analysis.unknownShare).toBeCloseTo(10 / 110, 10);
    expect(row('NOBT').representation).toBe('unknown-group');
  });

  it('reads over- and under-representation at 1.2 and 0.8, and the comparator as such', () => {
    expect(row('BCRB').representation).toBe('over'); // 20% vs 10%
    expect(row('ABAN').representation).toBe('under'); // 6% vs 25%
    expect(row('OOTH').representation).toBe('in-line'); // 40% vs 40%
    expect(row('WBRI').representation).toBe('comparator');
    expect(row('BCRB').rate).toBeCloseTo(200, 10);
    expect(row('BCRB').rri!.index).toBeCloseTo(200 / 136, 10);
    // var = 1/20 − 1/1,000 + 1/34 − 1/2,500 = 0.07801; 1.4706 × e^(±1.96 × 0.27931) → 0.851 to 2.542: includes 1.
    expect(row('BCRB').rri!.lower).toBeCloseTo(0.8506, 3);
    expect(row('BCRB').rri!.upper).toBeCloseTo(2.5423, 3);
    expect(row('BCRB').significant).toBe(false);
  });

  it('compares with all other children when asked', () => {
    const others = analyseDisproportionality(groups, { unknownCodes: ['NOBT'], comparator: 'all-others', rateBase: 10000, model: 'risk' });
    // BCRB: 20/1,000 against (34 + 6 + 40)/(2,500 + 2,500 + 4,000) = 80/9,000.
    expect(others.rows.find((r) => r.code === 'BCRB')!.rri!.index).toBeCloseTo((20 / 1000) / (80 / 9000), 10);
  });
});
