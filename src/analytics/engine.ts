/**
 * The metrics engine: any catalogue metric for any window, with an optional breakdown, rates per
 * 10,000 children, small-number suppression, disproportionality, benchmarks and a trend.
 *
 * Counting happens in SQL (repo.ts), one set-based query per figure; this module decides what to
 * count for a window, turns counts into values (percentages, rates, shares, means), applies
 * suppression and compares groups. It holds no per-child data: only counts per group reach it.
 *
 * Population: rates per 10,000 divide by children aged 0–17 in population_reference for the
 * calendar year containing the window's end (the mid-year estimate nearest the end of the period:
 * FY2023-24 uses mid-2024); when that year is not loaded, the latest earlier year (else the
 * earliest later one) is used and named in the result.
 */
import type pg from 'pg';
import type { Calendar, IsoDate } from '../platform/calendar/calendar.ts';
import { DomainError } from '../platform/errors.ts';
import type { RequestContext } from '../platform/request-context.ts';
import { figuresAccessOf, type FiguresAccess } from '../access/policy.ts';
import { BenchmarkRepository } from './benchmarks.ts';
import {
  findCatalogueEntry, findMetricDefinition, metricDefinitions, metricSources, metricViews, variantsOf, workingsOf, type MetricDefinition, type MetricView,
} from './catalogue.ts';
import type { CountingAcrossCouncils } from './counting-across-councils.ts';
import { allocationDimensions, dimensions, isDimensionId, type DimensionId } from './dimensions.ts';
import { analyseDisproportionality, type RateModel } from './disproportionality.ts';
import {
  compareCodes, dimensionFits, type DimensionDefinition, type MetricComputation, type MetricSource, type PopulationSum, type QueryWindow,
} from './metric-definition.ts';
import { readsParameter } from './named-parameters.ts';
import { checkTrendBounds, consecutiveWindows, dfeYearLabelOf, endOf, monthsIn, previousWindow, wholeCompletedMonths, type ReportingWindow } from './periods.ts';
import { eventTypes } from '../record/events.ts';
import { recordsCover } from './records-cover.ts';
import { AnalyticsRepository, type GroupedCounts, type MetricParameters, type PopulationYear } from './repo.ts';
import type { BenchmarkOut, BreakdownRow, DisproportionalityOut, Figure, MetricResult, PopulationOut, TrendPoint, WindowOut } from './schemas.ts';
import { defaultSuppression, isSmall, roundedCount, shown, tidy, withheld, withheldRows, type FigureKind, type SuppressionOptions } from './suppression.ts';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export interface MetricRequest {
  /** A catalogue id: a metric (FD-01, CP-02a) or a view (DP-01, CP-15). */
  id: string;
  window: ReportingWindow;
  /** Up to two dimensions (one for distribution metrics, whose own category comes last). */
  by?: readonly string[];
  /** Raw figures, without small-number suppression (for callers allowed them). */
  unsuppressed?: boolean;
  suppressionThreshold?: number;
  /** Also compute this many consecutive windows ending with `window` (2–24). */
  trend?: number;
  /** The relative rate index's comparator group code, or 'all-others'. */
  comparator?: string;
  /** CIN-04's timescale: default 10 working days. */
  withinDays?: number;
  withinUnit?: 'working-days' | 'calendar-days';
}

export interface AnalyticsDependencies {
  db: Queryable;
  context: RequestContext;
  calendar: Calendar;
  /** Today in London: the date timeliness is judged at, and the default for YTD. */
  today: () => IsoDate;
  /** Counts shared with other councils' engines, one statement for all (across-councils.ts). */
  acrossCouncils?: CountingAcrossCouncils;
}

interface PopulationFigures extends PopulationOut {
  byGroup: Map<string, number> | undefined;
  reference: string;
  groupDimension: DimensionDefinition | undefined;
}

interface Headline {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  ratePer10000: number | null;
  population: PopulationFigures | null;
  additional: Record<string, number | null>;
  /** Withheld by disclosure control: a small count, shown as "fewer than N". */
  withheld?: boolean;
}

const MAX_BY = 2;

/** Whether a metric offers a breakdown: one it lists that its rows carry the columns of (a figure not counted from rows offers all it lists). */
function offersBreakdown(definition: MetricDefinition, id: DimensionId): boolean {
  const source = metricSources[definition.id];
  return definition.breakdowns.includes(id) && (source === undefined || dimensionFits(source, dimensions[id]));
}

/**
 * The whole catalogue as computations: every computed metric's headline, each again by ethnicity
 * where it can be broken down by it (with disproportionality), and every view with its own breakdown.
 */
export function catalogueComputations(): { id: string; by: string[] }[] {
  const computations: { id: string; by: string[] }[] = [];
  for (const definition of metricDefinitions) {
    computations.push({ id: definition.id, by: [] });
    if (offersBreakdown(definition, 'ethnicity')) computations.push({ id: definition.id, by: ['ethnicity'] });
  }
  for (const view of metricViews) computations.push({ id: view.id, by: [] });
  return computations;
}

export class MetricsEngine {
  private readonly repo: AnalyticsRepository;
  private readonly benchmarks: BenchmarkRepository;
  /**
   * The child population read once per engine (one request, or one report's many figures): the
   * same year and groups serve every rate of a window.
   */
  private readonly populationYears = new Map<number, Promise<PopulationYear | undefined>>();
  private readonly populationCounts = new Map<string, Promise<Map<string, number>>>();
  /** How much of the figures the reader may see (src/access/policy.ts): raw, as published, or under disclosure control. */
  private readonly figures: FiguresAccess;

  constructor(private readonly deps: AnalyticsDependencies) {
    this.repo = new AnalyticsRepository(deps.db, deps.context, deps.acrossCouncils);
    this.benchmarks = new BenchmarkRepository(deps.db, deps.context.laCode);
    this.figures = figuresAccessOf(deps.context.access);
  }

  /**
   * The window the reader may have figures for: under disclosure control whole months that are over
   * (a period still running counted to the end of last month; anything else refused, 400 naming the
   * field); for anyone else the window asked for. Callers that compute many figures for one window
   * (a dashboard, a report) ask before they start.
   */
  allowedWindow(window: ReportingWindow): ReportingWindow {
    return this.figures === 'disclosure-controlled' ? wholeCompletedMonths(window, this.deps.today()) : window;
  }

  /**
   * What only some readers may ask for: raw figures or another threshold (capability
   * see-unsuppressed-figures, each refusal audited), and, under disclosure control, a breakdown by
   * the allocation (a team's or worker's figures are those of the children they hold, outside the
   * reader's scope).
   */
  private async checkRequestAllowed(request: MetricRequest, definition: MetricDefinition, by: readonly DimensionId[]): Promise<void> {
    if (this.figures !== 'raw' && (request.unsuppressed === true || request.suppressionThreshold !== undefined)) {
      await this.repo.auditRefused({ metricId: definition.id, window: request.window.label, by, unsuppressed: request.unsuppressed === true, threshold: request.suppressionThreshold });
      throw new DomainError('forbidden', `A ${this.deps.context.access!.role} sees figures with small numbers suppressed, at the published threshold: unsuppressed and threshold need the capability see-unsuppressed-figures`);
    }
    if (this.figures === 'disclosure-controlled') {
      const allocation = by.filter((id) => allocationDimensions.includes(id));
      if (allocation.length > 0) {
        throw DomainError.invalidField('by', `Your role sees the partnership's figures for the whole council, not by ${allocation.join(' or ')}: a team's or worker's figures are about children outside your scope`);
      }
    }
  }

  /** The counts of a metric's groups, rounded under disclosure control (small counts are withheld later, wherever they appear). */
  private async countGroups(source: MetricSource, dims: readonly DimensionDefinition[], window: QueryWindow, parameters: MetricParameters): Promise<GroupedCounts[]> {
    const groups = await this.repo.countGroups(source, dims, window, parameters);
    if (this.figures !== 'disclosure-controlled') return groups;
    const threshold = defaultSuppression.threshold;
    return groups.map((g) => ({
      codes: g.codes, numerator: roundedCount(g.numerator, threshold), denominator: roundedCount(g.denominator, threshold),
      additional: Object.fromEntries(Object.entries(g.additional).map(([name, count]) => [name, roundedCount(count, threshold)])),
    }));
  }

  /** The headline from the total's counts; under disclosure control withheld when a count in it is small. */
  private headlineOf(definition: MetricDefinition, window: ReportingWindow, total: GroupedCounts, population: PopulationFigures | null): Headline {
    const headline = headlineFrom(definition, window, total, population);
    if (this.figures !== 'disclosure-controlled') return headline;
    const threshold = defaultSuppression.threshold;
    const countedDenominator = ['percent', 'mean', 'change'].includes(definition.valueType);
    if (isSmall(total.numerator, threshold) || (countedDenominator && isSmall(total.denominator, threshold))) {
      return { value: null, numerator: null, denominator: null, ratePer10000: null, population, additional: Object.fromEntries(Object.keys(headline.additional).map((name) => [name, null])), withheld: true };
    }
    const additional = { ...headline.additional };
    for (const [name, count] of Object.entries(total.additional)) {
      if (isSmall(count, threshold)) { additional[name] = null; if (`${name}Percent` in additional) additional[`${name}Percent`] = null; }
    }
    return { ...headline, additional };
  }

  /** One metric for one window, as the API and the CLI show it. */
  async compute(request: MetricRequest): Promise<MetricResult> {
    const { definition, view, by } = resolveRequest(request);
    const window = this.allowedWindow(request.window);
    checkWindow(definition, window);
    // Only a reader who may see raw figures gets here with unsuppressed or threshold.
    await this.checkRequestAllowed(request, definition, by);
    const suppression: SuppressionOptions = { threshold: request.suppressionThreshold ?? defaultSuppression.threshold, apply: !request.unsuppressed };
    if (!Number.isInteger(suppression.threshold) || suppression.threshold < 1) throw DomainError.invalidField('threshold', 'The suppression threshold must be a whole number of at least 1');
    const parameters = this.parametersFor(window, request);
    const notes: string[] = [];
    if (request.trend !== undefined && request.trend > 24) throw DomainError.invalidField('trend', 'A trend covers at most 24 periods');
    if (request.trend !== undefined && request.trend > 1) checkTrendBounds(window, request.trend);
    // Neither the benchmarks nor the audit row depend on the counts: both go while the counting
    // runs, so the audit row's commit is not waited for after it (both are awaited before
    // answering). A named comparator is checked against the groups counted, so that request is
    // audited only once it is known to be answered.
    const benchmarksRead = this.benchmarksFor(definition, view, window);
    benchmarksRead.catch(() => undefined); // a failed count must not leave it unhandled
    const auditDetail = { metricId: definition.id, viewId: view?.id, window: window.label, by, unsuppressed: !suppression.apply, threshold: request.suppressionThreshold };
    const auditedEarly = request.comparator === undefined ? this.repo.audit(auditDetail) : undefined;
    auditedEarly?.catch(() => undefined);

    let headline: Headline;
    let breakdown: MetricResult['breakdown'] = null;
    let disproportionality: DisproportionalityOut | null = null;

    const { counts, sumsPopulation, computes } = workingsOf(definition);
    if (computes) {
      ({ headline, breakdown } = await this.computed(definition, computes, window, by, suppression));
    } else if (definition.changeOf) {
      headline = await this.headline(definition, window, parameters);
      const previous = previousWindow(window);
      notes.push(`Compared with ${previous.label}.`);
    } else if (sumsPopulation) {
      ({ headline, breakdown } = await this.populationFigure(definition, sumsPopulation, window, by, suppression, notes));
    } else {
      const dims = [...by, ...(definition.category ? [definition.category] : [])].map((id) => dimensions[id]);
      const firstDimension = dims[0];
      const demographic = firstDimension?.demographic === true && !definition.category ? firstDimension : undefined;
      const wantsGroupPopulation = demographic !== undefined && comparesWithPopulation(definition);
      const [groups, population] = await Promise.all([
        this.countGroups(counts!, dims, queryWindowOf(definition, window), parameters),
        definition.ratePer10000 || wantsGroupPopulation ? this.population(definition, window, wantsGroupPopulation ? demographic : undefined) : null,
      ]);
      headline = this.headlineOf(definition, window, totalOf(groups), population);
      if (dims.length > 0) {
        breakdown = {
          by: dims.map((d) => d.id),
          rows: breakdownRows(definition, window, dims, groups, population, suppression),
          suppression: { applied: suppression.apply, threshold: suppression.threshold },
        };
      }
      // A percentage compares each group with its own denominator; counts and rates with the group's population.
      if (demographic && definition.valueType === 'percent') {
        disproportionality = disproportionalityOf(definition, demographic, groups, null, request.comparator, suppression);
      } else if (demographic && wantsGroupPopulation && population?.byGroup) {
        disproportionality = disproportionalityOf(definition, demographic, groups, population, request.comparator, suppression);
      } else if (wantsGroupPopulation) {
        notes.push('No child population is loaded for the groups, so there is no comparison with the population.');
      }
    }

    if (headline.population) {
      const p = headline.population;
      notes.push(p.year === p.requestedYear
        ? `Rates use the ${p.year} mid-year population of children aged 0–17 (the year containing the window's end).`
        : `No ${p.requestedYear} population is loaded: rates use ${p.year}, the nearest year loaded.`);
    } else if (definition.ratePer10000) {
      notes.push('No child population is loaded (population_reference), so no rate per 10,000 can be given.');
    }
    for (const id of by) {
      const note = dimensions[id].note;
      if (note) notes.push(note);
    }
    if (definition.timescale?.dutyRuleId) notes.push(`Timeliness from the duty rule ${definition.timescale.dutyRuleId} (${definition.timescale.rule}); a rule switched off in the council's settings gives no duties to count.`);
    // A figure whose SQL reads the timescale asked for (CIN-04, CIN-06) says which it applied.
    if (counts && readsParameter(counts.items, 'withinDays')) notes.push(`Timescale applied: ${parameters.withinDays} ${parameters.withinUnit === 'calendar-days' ? 'calendar' : 'working'} days.`);

    const recordsFrom = await this.recordsFrom();
    const trend = request.trend && request.trend > 1 ? await this.trend(definition, window, request.trend, parameters, recordsFrom) : null;
    const [benchmarks] = await Promise.all([benchmarksRead, auditedEarly ?? this.repo.audit(auditDetail)]);

    return {
      metric: { id: definition.id, title: definition.title, countingUnit: definition.countingUnit, valueType: definition.valueType, window: definition.window, followsDfe: definition.followsDfe },
      view: view ? { id: view.id, title: view.title, description: view.description } : null,
      window: windowOut(definition, window),
      value: tidyOrNull(headline.value),
      display: headline.withheld ? withheld(suppression.threshold).display : displayOf(definition, headline.value),
      numerator: tidyOrNull(headline.numerator),
      denominator: tidyOrNull(headline.denominator),
      ratePer10000: tidyOrNull(headline.ratePer10000),
      population: headline.population ? { year: headline.population.year, requestedYear: headline.population.requestedYear, children: headline.population.children, sources: headline.population.sources } : null,
      additional: Object.fromEntries(Object.entries(headline.additional).map(([name, value]) => [name, tidyOrNull(value)])),
      breakdown,
      disproportionality,
      benchmarks,
      trend,
      recordsFrom,
      notes,
      computedAt: new Date().toISOString(),
    };
  }

  /** The headline figure of every computed metric for a window (the KPI table), no breakdowns. */
  async computeAll(window: ReportingWindow, options: Pick<MetricRequest, 'withinDays' | 'withinUnit'> = {}): Promise<{ definition: MetricDefinition; headline: Headline; window: WindowOut }[]> {
    const parameters = this.parametersFor(window, options);
    const answers = [];
    for (const definition of metricDefinitions) {
      if (definition.window !== 'snapshot' && window.kind === 'snapshot') continue;
      answers.push({ definition, headline: await this.headline(definition, window, parameters), window: windowOut(definition, window) });
    }
    await this.repo.audit({ metricId: 'all', window: window.label, by: [], unsuppressed: false });
    return answers;
  }

  private parametersFor(window: ReportingWindow, request: Pick<MetricRequest, 'withinDays' | 'withinUnit'>): MetricParameters {
    const judgedOn = this.deps.today();
    const withinDays = request.withinDays ?? 10;
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 365) throw DomainError.invalidField('withinDays', 'withinDays must be a whole number from 0 to 365');
    // Bank holidays from the year before the window to the year after the judging date cover every count.
    const firstYear = Number((window.kind === 'snapshot' ? window.asAt : window.from).slice(0, 4)) - 1;
    const lastYear = Math.max(Number(endOf(window).slice(0, 4)), Number(judgedOn.slice(0, 4))) + 1;
    const holidays: string[] = [];
    for (let year = firstYear; year <= lastYear; year += 1) holidays.push(...this.deps.calendar.bankHolidaysIn(year));
    return { judgedOn, holidays, withinDays, withinUnit: request.withinUnit ?? 'working-days' };
  }

  /** The headline alone (no breakdown), for trends and the KPI table. */
  private async headline(definition: MetricDefinition, window: ReportingWindow, parameters: MetricParameters): Promise<Headline> {
    if (definition.changeOf) {
      const base = findMetricDefinition(definition.changeOf)!;
      const [now, before] = await Promise.all([this.headline(base, window, parameters), this.headline(base, previousWindow(window), parameters)]);
      const value = now.numerator !== null && before.numerator ? ((now.numerator - before.numerator) / before.numerator) * 100 : null;
      return { value, numerator: now.numerator, denominator: before.numerator, ratePer10000: null, population: null, additional: {} };
    }
    const { counts, sumsPopulation, computes } = workingsOf(definition);
    if (computes) {
      return (await this.computed(definition, computes, window, [], defaultSuppression)).headline;
    }
    if (sumsPopulation) {
      return (await this.populationFigure(definition, sumsPopulation, window, [], defaultSuppression, [])).headline;
    }
    const [groups, population] = await Promise.all([
      this.countGroups(counts!, [], queryWindowOf(definition, window), parameters),
      definition.ratePer10000 ? this.population(definition, window, undefined) : null,
    ]);
    return this.headlineOf(definition, window, totalOf(groups), population);
  }

  /** The date the council's record begins (its earliest event), read once per engine. */
  private recordsFromRead: Promise<string | null> | undefined;
  recordsFrom(): Promise<string | null> {
    this.recordsFromRead ??= this.repo.earliestRecordedOn(eventTypes);
    return this.recordsFromRead;
  }

  /**
   * The figure for each of `count` periods up to the window. A period that ends before the record
   * begins has no records yet: it has no figure, rather than a zero. A change is given only between
   * two periods the record covers whole: one from a period the record began in, half empty, would
   * be growth in what was recorded, not in what happened.
   */
  private async trend(definition: MetricDefinition, window: ReportingWindow, count: number, parameters: MetricParameters, recordsFrom: string | null): Promise<TrendPoint[]> {
    const points: TrendPoint[] = [];
    let previous: { value: number | null; records: TrendPoint['records'] } | null = null;
    for (const each of consecutiveWindows(window, count)) {
      const records = recordsCover(windowOut(definition, each), recordsFrom);
      const headline = records === 'none' ? undefined : await this.headline(definition, each, parameters);
      const value = headline ? headline.value : null;
      const comparable = records === 'whole' && previous?.records === 'whole' && value !== null && previous.value !== null;
      const change = comparable ? value - previous!.value! : null;
      const changePercent = comparable && previous!.value ? ((value - previous!.value!) / previous!.value!) * 100 : null;
      points.push({
        window: windowOut(definition, each), value: tidyOrNull(value), numerator: tidyOrNull(headline?.numerator ?? null),
        denominator: tidyOrNull(headline?.denominator ?? null), change: tidyOrNull(change), changePercent: tidyOrNull(changePercent), records,
      });
      previous = { value, records };
    }
    return points;
  }

  /**
   * Children aged 0–17 for the window's population year, in total and, when asked, by the groups
   * of a child characteristic; for disability (not in the population reference) the children in
   * need of the same window are the reference.
   */
  private async population(definition: MetricDefinition, window: ReportingWindow, dimension: DimensionDefinition | undefined): Promise<PopulationFigures | null> {
    const requestedYear = Number(endOf(window).slice(0, 4));
    const found = await this.findPopulationYear(requestedYear);
    if (!found) return null;
    const totals = await this.countPopulation(found.year, dimension?.referencePopulation === 'child-population' ? dimension : undefined);
    let byGroup: Map<string, number> | undefined;
    let reference = `children aged 0–17 (population reference, ${found.year})`;
    if (dimension?.referencePopulation === 'child-population') byGroup = totals;
    else if (dimension?.referencePopulation === 'children-in-need') {
      byGroup = await this.repo.countChildrenInNeed(queryWindowOf(definition, window), dimension, definition.window === 'snapshot');
      reference = definition.window === 'snapshot' ? 'children in need on the same date' : 'children in need at any point in the same window';
    }
    return { year: found.year, requestedYear, children: totals.get('') ?? 0, sources: found.sources, byGroup, reference, groupDimension: dimension };
  }

  private findPopulationYear(year: number): Promise<PopulationYear | undefined> {
    return remembered(this.populationYears, year, () => this.repo.findPopulationYear(year));
  }

  private countPopulation(year: number, dimension: DimensionDefinition | undefined): Promise<Map<string, number>> {
    return remembered(this.populationCounts, `${year}|${dimension?.id ?? ''}`, () => this.repo.countPopulation(year, dimension));
  }

  /** A figure of the child population itself (population-metrics.ts): children meeting the sum's conditions. */
  private async populationFigure(definition: MetricDefinition, sum: PopulationSum, window: ReportingWindow, by: readonly DimensionId[], suppression: SuppressionOptions, notes: string[]) {
    const requestedYear = Number(endOf(window).slice(0, 4));
    const found = await this.findPopulationYear(requestedYear);
    const dimension = by[0] ? dimensions[by[0]] : undefined;
    if (!found) {
      notes.push('No child population is loaded (population_reference).');
      return { headline: { value: null, numerator: null, denominator: null, ratePer10000: null, population: null, additional: {} } as Headline, breakdown: null };
    }
    const groups = await this.repo.sumPopulation(found.year, sum.numerator, sum.denominator, dimension);
    const total = totalOf(groups);
    const population: PopulationFigures = { year: found.year, requestedYear, children: total.denominator, sources: found.sources, byGroup: undefined, reference: '', groupDimension: undefined };
    const headline = headlineFrom(definition, window, total, population);
    // Population estimates are published whatever their size: they count residents, not service users.
    const breakdown = dimension
      ? { by: [dimension.id], rows: breakdownRows(definition, window, [dimension], groups, null, { ...suppression, apply: false }), suppression: { applied: false, threshold: suppression.threshold } }
      : null;
    return { headline, breakdown };
  }

  /**
   * A figure worked out by its module's own code (WF-01's caseloads), given the days it counts, the
   * breakdown asked for (its first dimension), its own queries and disclosure control's rounding.
   */
  private async computed(definition: MetricDefinition, computes: MetricComputation, window: ReportingWindow, by: readonly DimensionId[], suppression: SuppressionOptions) {
    const dimension = by[0] ? dimensions[by[0]] : undefined;
    const threshold = defaultSuppression.threshold;
    const figure = await computes({
      days: queryWindowOf(definition, window),
      by: dimension,
      rows: (sql, values) => this.repo.findRows(sql, values),
      published: (count) => (this.figures === 'disclosure-controlled' ? roundedCount(count, threshold) : count),
    });
    const { value, numerator, denominator, additional } = figure.headline;
    const headline: Headline = { value, numerator, denominator, ratePer10000: null, population: null, additional };
    const breakdown = dimension && figure.breakdown
      ? { by: [dimension.id], rows: figure.breakdown, suppression: { applied: suppression.apply, threshold: suppression.threshold } }
      : null;
    return { headline, breakdown };
  }

  private async benchmarksFor(definition: MetricDefinition, view: MetricView | undefined, window: ReportingWindow): Promise<BenchmarkOut[]> {
    const ids = [definition.id, ...(view ? [view.id] : [])];
    const found = await this.benchmarks.findFor(ids);
    const yearLabel = dfeYearLabelOf(endOf(window));
    const samePeriod = (year: string) =>
      (window.kind === 'financial-year' && year === yearLabel)
      || (window.kind === 'snapshot' && window.asAt.endsWith('-03-31') && year === yearLabel)
      || (window.kind === 'calendar-year' && year === window.from.slice(0, 4));
    return found.map((b) => ({ year: b.year, geography: b.geography, measure: b.measure, value: b.value, source: b.source, origin: b.origin, samePeriod: samePeriod(b.year) }));
  }
}

/** The cached answer for a key, asking once; a failed answer is forgotten so the next call asks again. */
function remembered<K, V>(cache: Map<K, Promise<V>>, key: K, ask: () => Promise<V>): Promise<V> {
  let answer = cache.get(key);
  if (!answer) {
    answer = ask();
    cache.set(key, answer);
    answer.catch(() => cache.delete(key));
  }
  return answer;
}

// ---------------------------------------------------------------------------------------------
// Requests

function resolveRequest(request: MetricRequest): { definition: MetricDefinition; view: MetricView | undefined; by: DimensionId[] } {
  const entry = findCatalogueEntry(request.id);
  if (!entry) {
    const variants = variantsOf(request.id);
    if (variants.length > 0) {
      throw DomainError.notFound(`${request.id.toUpperCase()} has variants; ask for one of ${variants.map((v) => `${v.id} (${v.title})`).join(', ')}`, 'id');
    }
    throw DomainError.notFound(`There is no metric ${request.id} in the catalogue`, 'id');
  }
  if (entry.kind === 'unavailable') {
    throw new DomainError('conflict', `${entry.id} (${entry.title}) cannot be computed yet: ${entry.reason}`, { details: { metricId: entry.id, available: false, reason: entry.reason } });
  }
  const view = entry.kind === 'view' ? entry : undefined;
  const definition = view ? findMetricDefinition(view.viewOf.metricId)! : (entry as MetricDefinition);
  const asked = (request.by ?? []).filter(Boolean);
  const byIds = asked.length > 0 || !view ? asked : [...view.viewOf.by];
  for (const id of byIds) {
    if (!isDimensionId(id)) throw DomainError.invalidField('by', `Unknown breakdown '${id}'. ${definition.id} can be broken down by ${definition.breakdowns.join(', ') || 'nothing'}`);
  }
  // A view's breakdown that ends with the metric's own category (DP-10: sex, duration-band) asks for the category last.
  const by = (byIds as DimensionId[]).filter((id) => id !== definition.category);
  const limit = definition.category ? MAX_BY - 1 : MAX_BY;
  if (by.length > limit) throw DomainError.invalidField('by', `${definition.id} can be broken down by at most ${limit} dimension${limit === 1 ? '' : 's'} at a time`);
  if (new Set(by).size !== by.length) throw DomainError.invalidField('by', 'A dimension is repeated');
  for (const id of by) {
    if (!offersBreakdown(definition, id)) throw DomainError.invalidField('by', `${definition.id} cannot be broken down by ${id}. It can by: ${definition.breakdowns.join(', ') || 'nothing'}`);
  }
  return { definition, view, by };
}

function checkWindow(definition: MetricDefinition, window: ReportingWindow): void {
  if (definition.window !== 'snapshot' && window.kind === 'snapshot') {
    throw DomainError.invalidField('period', `${definition.id} counts ${definition.window === 'in-period' ? 'what happened in' : 'what was open during'} a period: give a period (e.g. FY2023-24) or from and to, not only asAt`);
  }
}

/** The days SQL counts: a snapshot metric counts the window's last day. */
function queryWindowOf(definition: MetricDefinition, window: ReportingWindow): QueryWindow {
  if (definition.window === 'snapshot' || window.kind === 'snapshot') {
    const asAt = endOf(window);
    return { from: asAt, to: asAt };
  }
  return { from: window.from, to: window.to };
}

function windowOut(definition: MetricDefinition, window: ReportingWindow): WindowOut {
  if (window.kind === 'snapshot') return { kind: 'snapshot', label: window.label, asAt: window.asAt };
  return { kind: window.kind, label: window.label, from: window.from, to: window.to, ...(definition.window === 'snapshot' ? { asAt: window.to } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Values

const totalOf = (groups: readonly GroupedCounts[]): GroupedCounts =>
  groups.find((g) => g.codes.length === 0) ?? { codes: [], numerator: 0, denominator: 0, additional: {} };

/** Counts and rates of a group are compared with the group's population; percentages with their own denominator. */
const comparesWithPopulation = (definition: MetricDefinition) => ['count', 'rate-per-10000', 'per-month'].includes(definition.valueType);

const tidyOrNull = (value: number | null) => (value === null || !Number.isFinite(value) ? null : tidy(value));
const percentOf = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);
const per10000 = (count: number, population: number | undefined) => (population ? (count / population) * 10_000 : null);

function headlineFrom(definition: MetricDefinition, window: ReportingWindow, total: GroupedCounts, population: PopulationFigures | null): Headline {
  const additional: Record<string, number | null> = { ...total.additional };
  const base = { population, additional };
  const rate = definition.ratePer10000 ? per10000(total.numerator, population?.children) : null;
  switch (definition.valueType) {
    case 'count':
    case 'distribution':
      return { ...base, value: total.numerator, numerator: total.numerator, denominator: null, ratePer10000: rate };
    case 'percent':
      for (const [name, count] of Object.entries(total.additional)) additional[`${name}Percent`] = percentOf(count, total.denominator);
      return { ...base, value: percentOf(total.numerator, total.denominator), numerator: total.numerator, denominator: total.denominator, ratePer10000: null };
    case 'rate-per-10000':
      return { ...base, value: rate, numerator: total.numerator, denominator: population?.children ?? null, ratePer10000: rate };
    case 'per-month': {
      const months = window.kind === 'snapshot' ? 1 : monthsIn(window);
      return { ...base, value: total.numerator / months, numerator: total.numerator, denominator: months, ratePer10000: rate };
    }
    case 'mean':
    case 'change':
      return { ...base, value: total.denominator > 0 ? total.numerator / total.denominator : null, numerator: total.numerator, denominator: total.denominator, ratePer10000: null };
  }
}

function kindOfValue(definition: MetricDefinition): FigureKind {
  switch (definition.valueType) {
    case 'count': case 'distribution': return 'count';
    case 'percent': case 'change': return 'percent';
    case 'rate-per-10000': return 'rate';
    case 'per-month': case 'mean': return 'decimal';
  }
}

function displayOf(definition: MetricDefinition, value: number | null): string {
  if (value === null) return '–';
  const figure = shown(value, kindOfValue(definition)).display;
  if (definition.valueType === 'rate-per-10000') return `${figure} per 10,000`;
  if (definition.valueType === 'per-month') return `${figure} a month`;
  if (definition.valueType === 'change') return `${value > 0 ? '+' : ''}${figure}`;
  return figure;
}

function breakdownRows(
  definition: MetricDefinition,
  window: ReportingWindow,
  dims: readonly DimensionDefinition[],
  groups: readonly GroupedCounts[],
  population: PopulationFigures | null,
  suppression: SuppressionOptions,
): BreakdownRow[] {
  const total = totalOf(groups);
  const rows = groups
    .filter((g) => g.codes.length > 0)
    .sort((a, b) => {
      for (let index = 0; index < Math.max(a.codes.length, b.codes.length); index += 1) {
        if (a.codes[index] === undefined) return -1;
        if (b.codes[index] === undefined) return 1;
        const order = compareCodes(dims[index]!, a.codes[index]!, b.codes[index]!);
        if (order !== 0) return order;
      }
      return 0;
    });
  const parentKey = (codes: readonly string[]) => codes.slice(0, -1).join('\u0000');
  const byKey = new Map(groups.map((g) => [g.codes.join('\u0000'), g]));
  const secondary = !dims.some((d) => d.multiValued);
  const isPercent = definition.valueType === 'percent';
  const withheldNumerators = withheldRows(rows.map((r) => r.numerator), (i) => parentKey(rows[i]!.codes), { ...suppression, secondary });
  const withheldDenominators = isPercent ? withheldRows(rows.map((r) => r.denominator), (i) => parentKey(rows[i]!.codes), { ...suppression, secondary }) : new Set<number>();
  const valueKind = kindOfValue(definition);
  const months = window.kind === 'snapshot' ? 1 : monthsIn(window);
  const groupPopulationDimension = population?.groupDimension;

  return rows.map((row, index) => {
    const numeratorHidden = withheldNumerators.has(index);
    const denominatorHidden = withheldDenominators.has(index);
    const anyHidden = numeratorHidden || denominatorHidden;
    const figure = (value: number | null, kind: FigureKind): Figure => (anyHidden ? withheld(suppression.threshold) : shown(value, kind));
    // Groups of one characteristic with a known population get a rate.
    const groupPopulation = row.codes.length === 1 && groupPopulationDimension?.id === dims[0]!.id && groupPopulationDimension.referencePopulation === 'child-population'
      ? population?.byGroup?.get(row.codes[0]!) ?? 0 : null;
    const parent = byKey.get(parentKey(row.codes)) ?? total;
    let value: number | null;
    switch (definition.valueType) {
      case 'percent': value = percentOf(row.numerator, row.denominator); break;
      case 'distribution': value = percentOf(row.numerator, parent.numerator); break;
      case 'rate-per-10000': value = groupPopulation !== null ? per10000(row.numerator, groupPopulation) : null; break;
      case 'per-month': value = row.numerator / months; break;
      default: value = row.numerator;
    }
    const additional: Record<string, Figure> = {};
    for (const [name, count] of Object.entries(row.additional)) {
      additional[name] = suppression.apply && count > 0 && count < suppression.threshold ? withheld(suppression.threshold) : anyHidden ? withheld(suppression.threshold) : shown(count, 'count');
    }
    return {
      groups: row.codes.map((code, i) => ({ code, label: dims[i]!.labelOf(code) })),
      numerator: numeratorHidden ? withheld(suppression.threshold) : shown(row.numerator, 'count'),
      denominator: isPercent ? (denominatorHidden ? withheld(suppression.threshold) : shown(row.denominator, 'count')) : null,
      value: figure(value, definition.valueType === 'distribution' ? 'percent' : valueKind),
      share: figure(isPercent ? percentOf(row.denominator, parent.denominator) : percentOf(row.numerator, parent.numerator), 'percent'),
      population: groupPopulation,
      ratePer10000: definition.ratePer10000 && groupPopulation !== null ? figure(per10000(row.numerator, groupPopulation), 'rate') : null,
      additional,
    };
  });
}

function disproportionalityOf(
  definition: MetricDefinition,
  dimension: DimensionDefinition,
  groups: readonly GroupedCounts[],
  population: PopulationFigures | null,
  requestedComparator: string | undefined,
  suppression: SuppressionOptions,
): DisproportionalityOut {
  const isPercent = definition.valueType === 'percent';
  const level = groups.filter((g) => g.codes.length === 1);
  // Percentages compare each group's numerator with its own denominator; counts and rates with the group's population.
  const codes = new Set(level.map((g) => g.codes[0]!));
  if (!isPercent) for (const code of population?.byGroup?.keys() ?? []) if (code !== '') codes.add(code);
  const counts = [...codes].sort((a, b) => compareCodes(dimension, a, b)).map((code) => {
    const row = level.find((g) => g.codes[0] === code);
    return { code, events: row?.numerator ?? 0, population: isPercent ? row?.denominator ?? 0 : population?.byGroup?.get(code) ?? 0 };
  });
  if (requestedComparator !== undefined && requestedComparator !== 'all-others' && !codes.has(requestedComparator)) {
    throw DomainError.invalidField('comparator', `No group '${requestedComparator}' in ${dimension.id}; use one of ${[...codes].join(', ') || '(none)'} or all-others`);
  }
  // With no one in the default comparator group, each group is compared with all others.
  const preferred = requestedComparator ?? dimension.defaultComparator ?? 'all-others';
  const comparator = preferred === 'all-others' || codes.has(preferred) ? preferred : 'all-others';
  const referenceIsChildren = !isPercent && dimension.referencePopulation === 'child-population';
  const rateBase = referenceIsChildren ? 10_000 : 100;
  const model: RateModel = isPercent || definition.countingUnit === 'child' ? 'risk' : 'poisson';
  const analysis = analyseDisproportionality(counts, { unknownCodes: dimension.unknownCodes ?? [], comparator, rateBase, model });
  const small = (n: number) => suppression.apply && n > 0 && n < suppression.threshold;
  const hide = withheld(suppression.threshold);
  return {
    dimension: dimension.id,
    reference: isPercent ? `${definition.denominator ?? 'the denominator'}, in the same group` : population?.reference ?? '',
    comparator: { code: comparator, label: comparator === 'all-others' ? 'All other children' : dimension.labelOf(comparator) },
    rateBase,
    intervalMethod: model === 'risk' ? '95% CI, log method for a ratio of proportions (Katz)' : '95% CI, log method for a ratio of Poisson rates',
    rows: analysis.rows.map((row) => {
      const hidden = small(row.events) || (isPercent && small(row.population));
      const f = (value: number | null, kind: FigureKind) => (hidden ? hide : shown(value, kind));
      return {
        group: { code: row.code, label: dimension.labelOf(row.code) },
        count: hidden ? hide : shown(row.events, 'count'),
        reference: row.population,
        serviceShare: f(row.serviceShare === null ? null : row.serviceShare * 100, 'percent'),
        referenceShare: shown(row.referenceShare === null ? null : row.referenceShare * 100, 'percent'),
        representationRatio: f(row.representationRatio, 'ratio'),
        pointDifference: f(row.pointDifference, 'decimal'),
        rate: f(row.rate, 'rate'),
        relativeRateIndex: f(row.rri?.index ?? null, 'ratio'),
        confidenceInterval: { lower: f(row.rri?.lower ?? null, 'ratio'), upper: f(row.rri?.upper ?? null, 'ratio') },
        representation: hidden ? 'withheld' : row.representation,
        significant: hidden || row.rri === null || row.rri.lower === null ? null : row.significant,
      };
    }),
    unknownShare: small(analysis.unknownEvents) ? hide : shown(analysis.unknownShare === null ? null : analysis.unknownShare * 100, 'percent'),
  };
}
