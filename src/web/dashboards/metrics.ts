/**
 * The metrics API as the dashboards read it, and figures written as people read them. Pure
 * functions, tested in metrics.test.ts.
 */
import { dashboardGroups } from '../module-registry.ts';
import type { DashboardGroup } from './dashboard-group.ts';

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
  changeOf?: string;
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
  /** How much of the period the record covers (none: no records yet). */
  records?: 'none' | 'part' | 'whole';
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

/** A table of the dashboard: a module's group and the computed metrics of its domain, in the catalogue's order. */
export interface DashboardTable extends DashboardGroup {
  metrics: CatalogueEntry[];
}

/**
 * The dashboard's tables from the catalogue: each module's group with the computed metrics of its
 * domain, the tables in the order of their first metric in the catalogue (the child's journey:
 * front door, children in need, child protection, conferences… workforce); a group with no
 * computed metric has no table.
 */
export function dashboardTablesOf(catalogue: readonly CatalogueEntry[]): DashboardTable[] {
  const computed = catalogue.filter((entry) => entry.kind === 'metric');
  return dashboardGroups
    .map((group) => ({ ...group, metrics: computed.filter((entry) => entry.domain === group.domain) }))
    .filter((table) => table.metrics.length > 0)
    .sort((a, b) => computed.indexOf(a.metrics[0]!) - computed.indexOf(b.metrics[0]!));
}

/**
 * Whether there are children behind a figure to list: figures of workers (caseloads) or of the
 * resident population, and the change between two periods, count no child's record one by one.
 */
export const hasChildrenBehind = (metric: Pick<CatalogueEntry, 'countingUnit' | 'changeOf'>) =>
  metric.changeOf === undefined && metric.countingUnit !== 'worker' && metric.countingUnit !== 'child-in-population';

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

/** The England figure's words: always with its year, and saying so when it is not the period's own year. */
export function englandLabel(benchmark: Pick<Benchmark, 'year' | 'samePeriod'>): string {
  return `England ${benchmark.year}${benchmark.samePeriod ? '' : ', the latest held'}`;
}

/**
 * A distribution's figure as what it measures: each group's share (the length of plans ending:
 * under 3 months 20.0%, …), from its breakdown by its own category; the count alone says how many
 * were measured, not how they are distributed.
 */
export function distributionOf(breakdown: { rows: readonly { groups: readonly { label: string }[]; share: ShownFigure; value: ShownFigure }[] } | null | undefined): { label: string; share: string }[] {
  return (breakdown?.rows ?? []).filter((row) => row.groups.length === 1).map((row) => ({ label: row.groups[0]!.label, share: row.value.display }));
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
