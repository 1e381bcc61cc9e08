import { describe, expect, it } from 'vitest';
import { formatValue, isSmall, roundedCount, shown, withheld, withheldRows } from './suppression.ts';

describe('small-number suppression', () => {
  const options = { threshold: 5, apply: true, secondary: true };

  it('withholds counts from 1 to threshold − 1, never zero', () => {
    expect([0, 1, 4, 5, 6].map((n) => isSmall(n, 5))).toEqual([false, true, true, false, false]);
    expect(withheld(5)).toEqual({ value: null, display: 'fewer than 5', suppressed: true });
  });

  it('withholds the next smallest sibling when only one would be hidden', () => {
    // Siblings 12, 3, 7, 9 under one total: 3 is withheld, and 7 with it (else 3 = total − 28).
    expect([...withheldRows([12, 3, 7, 9], () => '', options)].sort()).toEqual([1, 2]);
    // Two already hidden: nothing more to do.
    expect([...withheldRows([12, 3, 2, 9], () => '', options)].sort()).toEqual([1, 2]);
    // Siblings are per parent group: each group is protected on its own.
    const parents = ['a', 'a', 'b', 'b', 'b'];
    expect([...withheldRows([10, 2, 20, 30, 40], (i) => parents[i]!, options)].sort()).toEqual([0, 1]);
    // A group of one cannot be protected by a sibling (its parent is shown as the total anyway).
    expect([...withheldRows([3], () => '', options)]).toEqual([0]);
  });

  it('does nothing for raw output, and no secondary suppression where groups overlap', () => {
    expect(withheldRows([1, 2, 3], () => '', { ...options, apply: false }).size).toBe(0);
    expect([...withheldRows([12, 3, 7], () => '', { ...options, secondary: false })]).toEqual([1]);
  });

  it('formats counts, percentages, rates and ratios for people', () => {
    expect(formatValue(13807, 'count')).toBe('13,807');
    expect(formatValue(45.94, 'percent')).toBe('45.9%');
    expect(formatValue(89.96, 'rate')).toBe('90');
    expect(formatValue(1.5, 'ratio')).toBe('1.50');
    expect(shown(15.000000000000002, 'decimal').value).toBe(15);
    expect(shown(null, 'percent')).toEqual({ value: null, display: '–', suppressed: false });
  });
});

describe('rounding under disclosure control', () => {
  it('rounds counts to the nearest 5, keeps zero, and leaves small counts for suppression to withhold', () => {
    expect([0, 1, 4, 5, 7, 8, 12, 13, 1002].map((count) => roundedCount(count, 5))).toEqual([0, 1, 4, 5, 5, 10, 10, 15, 1000]);
  });
});
