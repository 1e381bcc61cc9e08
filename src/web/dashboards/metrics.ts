/**
 * The metrics API as the dashboards read it, and figures written as people read them. Pure
 * functions, tested in metrics.test.ts.
 */

export interface CatalogueEntry {
  id: string;
  title: string;
  domain: string;
  kind: 'metric' | 'view' | 'unavailable';
  available: boolean;
  description?: string;
  reason?: string;
  followsDfe?: boolean;
  countingUnit?: string;
  numerator?: string;
  denominator?: string;
  window?: string;
  valueType?: string;
  category?: string;
  breakdowns?: string[];
  viewOf?: { metricId: string; by: string[] };
}

export interface Catalogue {
  metrics: CatalogueEntry[];
  dimensions: { id: string; title: string }[];
}

export interface ShownFigure {
  value: number | null;
  display: string;
  suppressed: boolean;
}

export interface Benchmark {
  year: string;
  geography: string;
  measure: string;
  value: number;
  source: string;
  samePeriod: boolean;
}

export interface TrendPoint {
  window: { label: string; from?: string; to?: string; asAt?: string };
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  change: number | null;
  changePercent: number | null;
}

export interface BreakdownRow {
  groups: { code: string; label: string }[];
  numerator: ShownFigure;
  denominator: ShownFigure | null;
  value: ShownFigure;
  share: ShownFigure;
  population: number | null;
  ratePer10000: ShownFigure | null;
}

export interface DisproportionalityRow {
  group: { code: string; label: string };
  count: ShownFigure;
  reference: number;
  serviceShare: ShownFigure;
  referenceShare: ShownFigure;
  representationRatio: ShownFigure;
  rate: ShownFigure;
  relativeRateIndex: ShownFigure;
  confidenceInterval: { lower: ShownFigure; upper: ShownFigure };
  representation: string;
  significant: boolean | null;
}

export interface MetricResult {
  metric: { id: string; title: string; countingUnit: string; valueType: string; window: string; followsDfe: boolean };
  view: { id: string; title: string; description: string } | null;
  window: { kind: string; label: string; from?: string; to?: string; asAt?: string };
  value: number | null;
  display: string;
  numerator: number | null;
  denominator: number | null;
  ratePer10000: number | null;
  population: { year: number; children: number } | null;
  breakdown: { by: string[]; rows: BreakdownRow[]; suppression: { applied: boolean; threshold: number } } | null;
  disproportionality: {
    dimension: string;
    reference: string;
    comparator: { code: string; label: string };
    rateBase: number;
    intervalMethod: string;
    rows: DisproportionalityRow[];
    unknownShare: ShownFigure;
  } | null;
  benchmarks: Benchmark[];
  trend: TrendPoint[] | null;
  notes: string[];
}

export interface MetricChildren {
  metric: { id: string; title: string; countingUnit: string; numerator: string };
  window: { label: string; from: string; to: string };
  group: { dimension: string; code: string; label: string }[];
  counted: number;
  listed: number;
  /** Said only to a reader who may see raw figures; null otherwise. */
  notVisible: number | null;
  children: { childId: string; forename: string; surname: string; dateOfBirth: string | null; unitId: string; countedOn: string }[];
}

/** The domains on the dashboard, in the order of the child's journey. */
export const dashboardDomains: { id: string; title: string }[] = [
  { id: 'front-door', title: 'Front door' },
  { id: 'children-in-need', title: 'Children in need' },
  { id: 'child-protection', title: 'Child protection' },
  { id: 'conferences', title: 'Conferences' },
  { id: 'workforce', title: 'Workforce' },
];

/** Figures worked out by their own code count no child's record one by one: nobody is behind them to list. */
const notCountedFromRecords = new Set(['WF-01', 'FD-02', 'POP-03', 'POP-04', 'POP-07']);

export const hasChildrenBehind = (metricId: string) => !notCountedFromRecords.has(metricId);

const numberFormat = (digits: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A value of a metric written in its unit: 1,234; 45.6%; 38.2 per 10,000; 12.5 a month. */
export function formatFigure(value: number | null | undefined, valueType: string | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (valueType) {
    case 'percent': return `${numberFormat(1).format(value)}%`;
    case 'change': return `${value > 0 ? '+' : ''}${numberFormat(1).format(value)}%`;
    case 'rate-per-10000': return `${numberFormat(1).format(value)} per 10,000`;
    case 'per-month': return `${numberFormat(1).format(value)} a month`;
    case 'mean': return numberFormat(1).format(value);
    default: return Math.round(value).toLocaleString('en-GB');
  }
}

/** The change from the previous period: percentage points for percentages, else the relative change. */
export function formatChange(point: Pick<TrendPoint, 'change' | 'changePercent'> | undefined, valueType: string | undefined): string {
  if (!point || point.change === null) return '–';
  if (valueType === 'percent' || valueType === 'change') {
    const points = Math.round(point.change * 10) / 10;
    return points === 0 ? 'No change' : `${points > 0 ? '+' : '−'}${numberFormat(1).format(Math.abs(points))} points`;
  }
  if (point.changePercent === null) return point.change === 0 ? 'No change' : '–';
  const percent = Math.round(point.changePercent * 10) / 10;
  return percent === 0 ? 'No change' : `${percent > 0 ? '+' : '−'}${numberFormat(1).format(Math.abs(percent))}%`;
}

/** The England figure for the period when held, else the latest England figure, with its year. */
export function englandBenchmark(benchmarks: readonly Benchmark[]): Benchmark | undefined {
  const england = benchmarks.filter((b) => b.geography === 'england' && b.measure === 'value');
  return england.find((b) => b.samePeriod) ?? [...england].sort((a, b) => b.year.localeCompare(a.year))[0];
}

/** Words for what a metric counts, plural: contacts, referrals, children… */
export function unitsOf(countingUnit: string | undefined, count = 2): string {
  const words: Record<string, [string, string]> = {
    child: ['child', 'children'], contact: ['contact', 'contacts'], referral: ['referral', 'referrals'], assessment: ['assessment', 'assessments'],
    'strategy-discussion': ['strategy discussion', 'strategy discussions'], 'section-47-enquiry': ['section 47 enquiry', 'section 47 enquiries'],
    plan: ['plan', 'plans'], conference: ['conference', 'conferences'], 'review-conference': ['review conference', 'review conferences'],
    allocation: ['allocation', 'allocations'], worker: ['worker', 'workers'],
  };
  const [one, many] = words[countingUnit ?? ''] ?? ['item', 'items'];
  return count === 1 ? one : many;
}

/** The change from a previous value, as the API's trend gives it: a difference, and a relative change in %. */
export function changeBetween(value: number | null | undefined, previous: number | null | undefined): Pick<TrendPoint, 'change' | 'changePercent'> | undefined {
  if (value === null || value === undefined || previous === null || previous === undefined) return undefined;
  return { change: value - previous, changePercent: previous ? ((value - previous) / previous) * 100 : null };
}
