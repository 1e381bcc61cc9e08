/**
 * Disproportionality (catalogue §20): does a group appear in a service more, or less, than its
 * share of the children it is drawn from would suggest?
 *
 * For each group g of a characteristic (ethnicity, sex, age band, disability):
 *   share of the service      n(g) ÷ Σ n over groups whose characteristic is known
 *   share of the reference    N(g) ÷ Σ N over the same groups
 *   representation ratio      service share ÷ reference share (≥ 1.2 over-, ≤ 0.8 under-represented)
 *   group rate                n(g) ÷ N(g) × base (10,000 children; 100 when the reference is the
 *                             metric's own denominator, e.g. re-referrals ÷ referrals)
 *   relative rate index (RRI) the group's rate ÷ the comparator's rate, with a 95% confidence
 *                             interval by the log method
 *
 * The comparator is White British children for ethnicity (White children for the major ethnic
 * groups), as DfE and YJB practice compares with White children and the partnership's report uses
 * White British; for sex, age band and disability it is all other children. Unknown ("refused",
 * "not yet obtained") is kept out of the shares and reported as its own share of the service.
 *
 * The log-method interval depends on what is counted. When each child counts once and belongs to
 * the reference (a risk ratio: children on a plan out of children), the variance of ln(RRI) is
 * 1/a − 1/N_a + 1/b − 1/N_b (Katz). When events are counted (contacts, enquiries: a child can be
 * counted more than once), the rates are Poisson and the variance is 1/a + 1/b.
 */

export const OVER_REPRESENTED_AT = 1.2;
export const UNDER_REPRESENTED_AT = 0.8;
const Z_95 = 1.959963984540054;

export type RateModel = 'risk' | 'poisson';

export interface GroupCount {
  code: string;
  /** Counted in the service (the metric's numerator in the group). */
  events: number;
  /** The group's reference population (children, or the metric's denominator). */
  population: number;
}

export interface RateRatio {
  index: number;
  lower: number | null;
  upper: number | null;
}

/** The rate ratio a/na ÷ b/nb with its 95% log-method interval; null when either rate is undefined. */
export function rateRatio(a: number, na: number, b: number, nb: number, model: RateModel): RateRatio | null {
  if (na <= 0 || nb <= 0 || b <= 0) return null;
  const index = (a / na) / (b / nb);
  if (a <= 0) return { index, lower: null, upper: null };
  const variance = model === 'risk' ? 1 / a - 1 / na + 1 / b - 1 / nb : 1 / a + 1 / b;
  if (!(variance >= 0)) return { index, lower: null, upper: null };
  const spread = Z_95 * Math.sqrt(variance);
  return { index, lower: Math.exp(Math.log(index) - spread), upper: Math.exp(Math.log(index) + spread) };
}

export interface DisproportionalityRow {
  code: string;
  events: number;
  population: number;
  serviceShare: number | null;
  referenceShare: number | null;
  representationRatio: number | null;
  /** Service share − reference share, in percentage points. */
  pointDifference: number | null;
  rate: number | null;
  rri: RateRatio | null;
  /** 'comparator' for the comparator group itself. */
  representation: 'over' | 'under' | 'in-line' | 'comparator' | 'unknown-group' | 'not-computable';
  /** The interval excludes 1. */
  significant: boolean;
}

export interface DisproportionalityAnalysis {
  comparator: string;
  rateBase: 100 | 10000;
  model: RateModel;
  rows: DisproportionalityRow[];
  /** Share of the service whose characteristic is not known (kept out of the shares). */
  unknownShare: number | null;
  unknownEvents: number;
}

export function analyseDisproportionality(
  groups: readonly GroupCount[],
  options: { unknownCodes: readonly string[]; comparator: string; rateBase: 100 | 10000; model: RateModel },
): DisproportionalityAnalysis {
  const isUnknown = (code: string) => options.unknownCodes.includes(code);
  const known = groups.filter((g) => !isUnknown(g.code));
  const knownEvents = known.reduce((sum, g) => sum + g.events, 0);
  const knownPopulation = known.reduce((sum, g) => sum + g.population, 0);
  const allEvents = groups.reduce((sum, g) => sum + g.events, 0);
  const unknownEvents = allEvents - knownEvents;

  const comparatorOf = (group: GroupCount): { events: number; population: number } => {
    if (options.comparator === 'all-others') {
      return { events: knownEvents - group.events, population: knownPopulation - group.population };
    }
    const chosen = known.find((g) => g.code === options.comparator);
    return { events: chosen?.events ?? 0, population: chosen?.population ?? 0 };
  };

  const rows = groups.map((group): DisproportionalityRow => {
    const rate = group.population > 0 ? (group.events / group.population) * options.rateBase : null;
    if (isUnknown(group.code)) {
      return { code: group.code, events: group.events, population: group.population, serviceShare: null, referenceShare: null, representationRatio: null, pointDifference: null, rate, rri: null, representation: 'unknown-group', significant: false };
    }
    const serviceShare = knownEvents > 0 ? group.events / knownEvents : null;
    const referenceShare = knownPopulation > 0 ? group.population / knownPopulation : null;
    const representationRatio = serviceShare !== null && referenceShare ? serviceShare / referenceShare : null;
    const pointDifference = serviceShare !== null && referenceShare !== null ? (serviceShare - referenceShare) * 100 : null;
    const isComparator = options.comparator !== 'all-others' && group.code === options.comparator;
    const against = comparatorOf(group);
    const rri = isComparator ? null : rateRatio(group.events, group.population, against.events, against.population, options.model);
    const representation = isComparator ? 'comparator'
      : representationRatio === null ? 'not-computable'
        : representationRatio >= OVER_REPRESENTED_AT ? 'over' : representationRatio <= UNDER_REPRESENTED_AT ? 'under' : 'in-line';
    const significant = rri?.lower != null && rri.upper != null && (rri.lower > 1 || rri.upper < 1);
    return { code: group.code, events: group.events, population: group.population, serviceShare, referenceShare, representationRatio, pointDifference, rate, rri, representation, significant };
  });

  return {
    comparator: options.comparator, rateBase: options.rateBase, model: options.model, rows,
    unknownShare: allEvents > 0 ? unknownEvents / allEvents : null, unknownEvents,
  };
}
