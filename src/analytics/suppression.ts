/**
 * Small-number suppression, as published statistics do it: a count of 1 to (threshold − 1) in a
 * breakdown is shown as "fewer than N", so that a figure cannot point at a child. Zero is shown: a
 * true zero identifies nobody. Anything computed from a withheld count (a percentage, a share, a
 * rate, a relative rate index) is withheld with it.
 *
 * Secondary suppression: when exactly one row among siblings (rows under the same parent, whose
 * total is published) is withheld, it could be worked out by subtraction, so the next smallest
 * sibling is withheld too.
 *
 * The default threshold is 5 ("fewer than 5"), as DfE and most LA publications use for children's
 * social care. The headline figure (the total for the whole LA) is not suppressed, except under
 * disclosure control, where counts are also rounded (roundedCount).
 */

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export interface SuppressionOptions {
  /** Counts from 1 to threshold − 1 are withheld. */
  threshold: number;
  /** False only for callers allowed raw figures (capability see-unsuppressed-figures, src/access/policy.ts). */
  apply: boolean;
}

export const defaultSuppression: SuppressionOptions = { threshold: DEFAULT_SUPPRESSION_THRESHOLD, apply: true };

/** A published number: the value (null when withheld or undefined), and how it reads. */
export interface Figure {
  value: number | null;
  display: string;
  suppressed: boolean;
}

export const isSmall = (count: number, threshold: number): boolean => count > 0 && count < threshold;

/**
 * Disclosure control's rounding (docs/analytics.md, "Who sees which figures"): counts to the
 * nearest 5, as official statistics publish them, so that two figures never differ by exactly one
 * child. A count from 1 to threshold − 1 is left as it is because it is withheld wherever it
 * appears (rounding 3 up to 5 would publish that there is someone).
 */
export const ROUNDING_BASE = 5;
export const roundedCount = (count: number, threshold: number): number =>
  (count === 0 || isSmall(count, threshold) ? count : Math.round(count / ROUNDING_BASE) * ROUNDING_BASE);

export const withheld = (threshold: number): Figure => ({ value: null, display: `fewer than ${threshold}`, suppressed: true });

// Made once: building a formatter costs far more than formatting, and a breakdown formats hundreds of figures.
const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const ratioFormat = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export type FigureKind = 'count' | 'percent' | 'rate' | 'ratio' | 'decimal';

export function formatValue(value: number, kind: FigureKind): string {
  switch (kind) {
    case 'count': return countFormat.format(value);
    case 'percent': return `${numberFormat.format(value)}%`;
    case 'ratio': return ratioFormat.format(value);
    case 'rate':
    case 'decimal': return numberFormat.format(value);
  }
}

/** 12 significant digits: enough for any figure, and no floating-point noise (15.000000000000002). */
export const tidy = (value: number): number => Number(value.toPrecision(12));

/** A figure shown as it is (or '–' when it cannot be computed, e.g. a percentage of nothing). */
export function shown(value: number | null, kind: FigureKind): Figure {
  return value === null || !Number.isFinite(value) ? { value: null, display: '–', suppressed: false } : { value: tidy(value), display: formatValue(value, kind), suppressed: false };
}

/**
 * Which rows have the given count column withheld. `parentOf` groups siblings (rows whose total is
 * published together); rows of a multi-valued breakdown (where counts need not add up) get no
 * secondary suppression.
 */
export function withheldRows(
  counts: readonly number[],
  parentOf: (index: number) => string,
  options: SuppressionOptions & { secondary: boolean },
): Set<number> {
  const result = new Set<number>();
  if (!options.apply) return result;
  counts.forEach((count, index) => { if (isSmall(count, options.threshold)) result.add(index); });
  if (!options.secondary) return result;
  const siblings = new Map<string, number[]>();
  counts.forEach((_count, index) => {
    const parent = parentOf(index);
    siblings.set(parent, [...(siblings.get(parent) ?? []), index]);
  });
  for (const group of siblings.values()) {
    const hidden = group.filter((index) => result.has(index));
    if (hidden.length !== 1 || group.length < 2) continue;
    const next = group
      .filter((index) => !result.has(index))
      .sort((a, b) => counts[a]! - counts[b]! || a - b)[0];
    if (next !== undefined) result.add(next);
  }
  return result;
}
