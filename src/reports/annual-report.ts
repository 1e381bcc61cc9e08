/**
 * The partnership's annual report as data, assembled from the metrics engine for one window.
 *
 * Every number comes from MetricsEngine.compute, which counts in SQL, suppresses small numbers and
 * audits each read; this module only chooses what to ask for (sections.ts, with each domain
 * module's report.ts), pairs each figure with the previous period of the same length (periods.ts
 * previousWindow, asked for as a figure of its own), and words factual comparisons. It writes no commentary: the partnership's own words go in
 * marked places that the rendering leaves empty.
 */
import { catalogue, findMetricDefinition, type UnavailableMetric } from '../analytics/catalogue.ts';
import { dimensions, isDimensionId } from '../analytics/dimensions.ts';
import type { DimensionDefinition } from '../analytics/metric-definition.ts';
import type { MetricsEngine } from '../analytics/engine.ts';
import { dfeYearLabelOf, monthsIn, partnershipPeriod, periodBetween, type Period, previousPeriod, previousWindow } from '../analytics/periods.ts';
import type { BenchmarkOut, DisproportionalityOut, Figure, MetricResult } from '../analytics/schemas.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD, formatValue, shown } from '../analytics/suppression.ts';
import { addMonths, type IsoDate } from '../platform/calendar/calendar.ts';
import { DomainError } from '../platform/errors.ts';
import type { BreakdownSpec, DisproportionalitySpec, FiguresSection, ReportSectionSpec } from './report-section.ts';
import { annualReportSections } from './sections.ts';

/** A figure for one window, as computed. */
export interface FigurePoint {
  /** "1 September 2022 to 31 March 2024", or "on 31 March 2024" for a snapshot figure. */
  when: string;
  value: number | null;
  display: string;
  numerator: number | null;
  denominator: number | null;
}

export interface ReportFigure {
  id: string;
  title: string;
  definition: string;
  valueType: string;
  current: FigurePoint;
  previous: FigurePoint | null;
  /** One factual sentence: the figure and how it compares with the previous period. */
  comparison: string;
  /** The change on the previous period, briefly: "4% fewer", "2.1 percentage points higher", "no change". */
  change: string;
  /** Benchmarks for the DfE years (to 31 March) the window overlaps. */
  benchmarks: BenchmarkOut[];
}

export interface BreakdownRowOut {
  label: string;
  count: Figure;
  share: Figure;
}

export interface ReportBreakdown {
  metricId: string;
  title: string;
  dimensionTitle: string;
  /** Rows of a breakdown whose groups overlap (factors) need not add up to the total. */
  overlapping: boolean;
  total: number | null;
  rows: BreakdownRowOut[];
  chart: boolean;
}

export interface MonthlyPoint {
  month: string;
  label: string;
  count: Figure;
}

export interface ReportMonthly {
  metricId: string;
  title: string;
  points: MonthlyPoint[];
}

export interface ReportDisproportionality {
  metricId: string;
  viewId: string | null;
  title: string;
  dimensionTitle: string;
  /** Null when no child population is loaded to compare with; `notes` says so. */
  analysis: DisproportionalityOut | null;
  notes: string[];
}

export interface NotYetRecordedEntry {
  id: string;
  title: string;
  reason: string;
}

export interface ReportFiguresSection {
  kind: 'figures';
  id: string;
  title: string;
  figures: ReportFigure[];
  monthly: ReportMonthly | null;
  breakdowns: ReportBreakdown[];
  disproportionality: ReportDisproportionality[];
  notYetRecorded: NotYetRecordedEntry[];
  notes: string[];
}

export interface ReportNotYetRecordedSection {
  kind: 'not-yet-recorded';
  id: string;
  title: string;
  entries: NotYetRecordedEntry[];
}

export type ReportSection = ReportFiguresSection | ReportNotYetRecordedSection;

export interface ReportPeriod {
  label: string;
  from: IsoDate;
  to: IsoDate;
  /** "1 September 2022 to 31 March 2024" */
  description: string;
  months: number;
}

export interface AnnualReport {
  laCode: string;
  window: ReportPeriod;
  previousWindow: ReportPeriod;
  /** The day the report was run: timeliness is judged at this date. */
  runOn: IsoDate;
  suppressionThreshold: number;
  sections: ReportSection[];
  /** Every figure quoted, with its definition, for the report's appendix. */
  definitions: { id: string; title: string; definition: string; source: string }[];
}

export interface AnnualReportRequest {
  from: IsoDate;
  to: IsoDate;
  laCode: string;
  runOn: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Dates and windows

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export const dateInWords = (date: IsoDate): string => longDate.format(new Date(`${date}T00:00:00Z`));
const monthInWords = (month: string): string => monthName.format(new Date(`${month}-01T00:00:00Z`));

/** The window asked for; named as the partnership's period when it is one (ISCP2022-24). */
export function reportWindowOf(from: IsoDate, to: IsoDate): Period {
  const period = periodBetween(from, to);
  const startYear = Number(from.slice(0, 4));
  const partnership = partnershipPeriod(startYear);
  return partnership.from === from && partnership.to === to ? partnership : period;
}

function describePeriod(period: Period): ReportPeriod {
  return { label: period.label, from: period.from, to: period.to, description: `${dateInWords(period.from)} to ${dateInWords(period.to)}`, months: monthsIn(period) };
}

// ---------------------------------------------------------------------------------------------
// Comparisons in words

/** How a change reads: counts are "more" or "fewer", anything else "higher" or "lower". */
function changeWords(valueType: string, current: number, previous: number): string {
  if (current === previous) return 'the same as';
  const up = current > previous;
  // Figures are shown to one decimal place: a smaller change is said to be smaller than that, not "0".
  if (valueType === 'percent') {
    const difference = Math.abs(current - previous);
    const points = difference < 0.05 ? 'less than 0.1' : formatValue(difference, 'decimal');
    return `${points} percentage point${points === '1' ? '' : 's'} ${up ? 'higher' : 'lower'} than`;
  }
  if (previous === 0) return up ? 'up from none' : 'the same as';
  const relative = Math.abs(((current - previous) / previous) * 100);
  const percent = relative < 0.05 ? 'less than 0.1%' : formatValue(relative, 'percent');
  const countLike = valueType === 'count' || valueType === 'distribution';
  return `${percent} ${countLike ? (up ? 'more' : 'fewer') : (up ? 'higher' : 'lower')} than`;
}

export function changeInBrief(valueType: string, current: FigurePoint, previous: FigurePoint | null): string {
  if (current.value === null || !previous || previous.value === null) return '–';
  const words = changeWords(valueType, current.value, previous.value);
  return words === 'the same as' ? 'no change' : words.replace(/ than$/, '');
}

export function comparisonSentence(title: string, valueType: string, current: FigurePoint, previous: FigurePoint | null, snapshot: boolean): string {
  const here = snapshot ? current.when : 'in the period';
  if (current.value === null) return `${title}: no figure ${here} (see the notes).`;
  const figure = `${title}: ${current.display} ${here}`;
  if (!previous || previous.value === null) return `${figure}; there is no figure for the previous period to compare with.`;
  const against = snapshot ? previous.when : 'in the previous period';
  const words = changeWords(valueType, current.value, previous.value);
  if (words === 'up from none') return `${figure}, up from none ${against}.`;
  return `${figure}, ${words} ${against} (${previous.display}).`;
}

// ---------------------------------------------------------------------------------------------
// Assembling

const displayOfPoint = (result: MetricResult, value: number | null): string => {
  if (value === null) return '–';
  switch (result.metric.valueType) {
    case 'percent': return formatValue(value, 'percent');
    case 'rate-per-10000': return `${formatValue(value, 'rate')} per 10,000 children`;
    case 'per-month': return `${formatValue(value, 'decimal')} a month`;
    case 'mean': return formatValue(value, 'decimal');
    default: return formatValue(value, 'count');
  }
};

function pointOf(result: MetricResult, snapshot: boolean): FigurePoint {
  const window = result.window;
  const when = snapshot ? `on ${dateInWords((window.asAt ?? window.to)!)}` : `${dateInWords(window.from!)} to ${dateInWords(window.to!)}`;
  // A figure withheld by disclosure control reads as the engine says ("fewer than 5").
  return { when, value: result.value, display: result.value === null ? result.display : displayOfPoint(result, result.value), numerator: result.numerator, denominator: result.denominator };
}

/** Measures that read like the figure itself; a benchmark's numerator and denominator are not shown. */
const comparableMeasures = new Set(['value', 'rate-per-10000']);

/** Benchmarks for the DfE years (to 31 March) that the window overlaps, latest first. */
function benchmarksFor(result: MetricResult, window: Period): BenchmarkOut[] {
  const first = dfeYearLabelOf(window.from);
  const last = dfeYearLabelOf(window.to);
  return result.benchmarks
    .filter((b) => b.year >= first && b.year <= last && comparableMeasures.has(b.measure))
    .sort((a, b) => b.year.localeCompare(a.year) || a.geography.localeCompare(b.geography) || a.measure.localeCompare(b.measure));
}

async function figureOf(engine: MetricsEngine, id: string, window: Period): Promise<{ figure: ReportFigure; notes: string[] }> {
  // The previous period of the same length, asked for as a figure of its own (and audited as such).
  const result = await engine.compute({ id, window });
  const before = await engine.compute({ id, window: previousWindow(window) });
  const definition = findMetricDefinition(id)!;
  const snapshot = definition.window === 'snapshot';
  const current = pointOf(result, snapshot);
  const previous = pointOf(before, snapshot);
  return {
    figure: {
      id, title: definition.title, definition: definition.description, valueType: definition.valueType, current, previous,
      comparison: comparisonSentence(definition.title, definition.valueType, current, previous, snapshot),
      change: changeInBrief(definition.valueType, current, previous),
      benchmarks: benchmarksFor(result, window),
    },
    notes: [...result.notes, ...before.notes],
  };
}

const monthsOf = (window: Period): string[] => {
  const months: string[] = [];
  for (let month = `${window.from.slice(0, 7)}-01`; month <= window.to; month = addMonths(month, 1)) months.push(month.slice(0, 7));
  return months;
};

async function monthlyOf(engine: MetricsEngine, spec: NonNullable<FiguresSection['monthly']>, window: Period): Promise<ReportMonthly> {
  const result = await engine.compute({ id: spec.metricId, window, by: ['month'] });
  const counted = new Map((result.breakdown?.rows ?? []).map((row) => [row.groups[0]!.code, row.numerator]));
  // Months with nothing counted are not returned by the engine: they are true zeros.
  const points = monthsOf(window).map((month) => ({ month, label: monthInWords(month), count: counted.get(month) ?? shown(0, 'count') }));
  return { metricId: spec.metricId, title: spec.title, points };
}

/** Sections name dimensions by id (report-section.ts); the engine has refused any it does not know before this is asked. */
function dimensionNamed(id: string): DimensionDefinition {
  if (!isDimensionId(id)) throw new Error(`No dimension ${id}`);
  return dimensions[id];
}

async function breakdownOf(engine: MetricsEngine, spec: BreakdownSpec, window: Period): Promise<{ breakdown: ReportBreakdown; notes: string[] }> {
  const result = await engine.compute({ id: spec.metricId, window, by: spec.by ? [spec.by] : [] });
  const dimensionId = result.breakdown?.by.at(-1) ?? spec.by;
  const dimension = dimensionId ? dimensionNamed(dimensionId) : undefined;
  return {
    breakdown: {
      metricId: spec.metricId, title: spec.title, dimensionTitle: dimension?.title ?? '', overlapping: dimension?.multiValued === true,
      total: result.numerator, chart: spec.chart,
      rows: (result.breakdown?.rows ?? []).map((row) => ({ label: row.groups.at(-1)!.label, count: row.numerator, share: row.share })),
    },
    notes: result.notes,
  };
}

async function disproportionalityOf(engine: MetricsEngine, spec: DisproportionalitySpec, window: Period): Promise<ReportDisproportionality> {
  const result = await engine.compute({ id: spec.metricId, window, by: [spec.by] });
  return {
    metricId: spec.metricId, viewId: spec.viewId ?? null, title: spec.title, dimensionTitle: dimensionNamed(spec.by).title,
    analysis: result.disproportionality,
    notes: result.disproportionality ? [] : result.notes.filter((note) => /population/.test(note)),
  };
}

function notYetRecordedIn(domains: readonly string[]): NotYetRecordedEntry[] {
  return catalogue
    .filter((entry): entry is UnavailableMetric => entry.kind === 'unavailable' && domains.includes(entry.domain))
    .map((entry) => ({ id: entry.id, title: entry.title, reason: entry.reason }));
}

async function figuresSectionOf(engine: MetricsEngine, spec: FiguresSection, window: Period): Promise<ReportFiguresSection> {
  const notes: string[] = [];
  const figures: ReportFigure[] = [];
  for (const id of spec.figures) {
    const { figure, notes: figureNotes } = await figureOf(engine, id, window);
    figures.push(figure);
    notes.push(...figureNotes);
  }
  const breakdowns: ReportBreakdown[] = [];
  for (const each of spec.breakdowns) {
    const { breakdown, notes: breakdownNotes } = await breakdownOf(engine, each, window);
    breakdowns.push(breakdown);
    notes.push(...breakdownNotes);
  }
  const disproportionality: ReportDisproportionality[] = [];
  for (const each of spec.disproportionality) disproportionality.push(await disproportionalityOf(engine, each, window));
  return {
    kind: 'figures', id: spec.id, title: spec.title, figures,
    monthly: spec.monthly ? await monthlyOf(engine, spec.monthly, window) : null,
    breakdowns, disproportionality, notYetRecorded: notYetRecordedIn(spec.domains),
    notes: [...new Set(notes)],
  };
}

async function sectionOf(engine: MetricsEngine, spec: ReportSectionSpec, window: Period): Promise<ReportSection> {
  if (spec.kind === 'not-yet-recorded') return { kind: 'not-yet-recorded', id: spec.id, title: spec.title, entries: notYetRecordedIn(spec.domains) };
  return figuresSectionOf(engine, spec, window);
}

/** The whole report for a window; each figure read through the engine (and so audited). */
export async function buildAnnualReport(
  engine: MetricsEngine,
  request: AnnualReportRequest,
  options: { sections?: readonly ReportSectionSpec[]; onProgress?: (message: string) => void } = {},
): Promise<AnnualReport> {
  const sections = options.sections ?? annualReportSections;
  const window = reportWindowOf(request.from, request.to);
  if (window.to > request.runOn) {
    throw DomainError.invalidField('to', `The report's period ends on ${request.to}, after today (${request.runOn}): its figures would be incomplete`);
  }
  const built: ReportSection[] = [];
  for (const [index, spec] of sections.entries()) {
    if (spec.kind === 'figures') options.onProgress?.(`Section ${index + 1} of ${sections.length}: ${spec.title}`);
    built.push(await sectionOf(engine, spec, window));
  }
  const quoted = new Set<string>();
  for (const section of built) {
    if (section.kind !== 'figures') continue;
    for (const id of [...section.figures.map((f) => f.id), ...(section.monthly ? [section.monthly.metricId] : []), ...section.breakdowns.map((b) => b.metricId), ...section.disproportionality.map((d) => d.metricId)]) quoted.add(id);
  }
  return {
    laCode: request.laCode,
    window: describePeriod(window),
    previousWindow: describePeriod(previousPeriod(window)),
    runOn: request.runOn,
    suppressionThreshold: DEFAULT_SUPPRESSION_THRESHOLD,
    sections: built,
    definitions: [...quoted].map((id) => findMetricDefinition(id)!).map((d) => ({ id: d.id, title: d.title, definition: d.description, source: d.catalogueRef })),
  };
}
