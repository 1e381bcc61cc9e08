/**
 * What a metric is, as a domain module contributes it to the metrics engine: its definition in
 * words (what the catalogue lists), how it is worked out (the rows its SQL counts, the child
 * population it sums, or its own code), and the breakdowns a module adds to the engine's own (the
 * child's characteristics, the allocation on the counting date, the month).
 *
 * This is the contract between the modules and the engine: it imports no registry, so a module's
 * metrics.ts may import it. The SQL fragments several modules share (working days, "met on time")
 * are in metric-sql.ts; catalogue.ts puts the modules' metrics together in the catalogue's order.
 */
import type { TimeUnit } from '../timescales/timescale-rule.ts';
import type { BreakdownRow } from './schemas.ts';

/** The catalogue's areas of work, by the prefix of their ids (FD, CIN, CP, CPC, CLA…). */
export type Domain =
  | 'front-door' | 'children-in-need' | 'child-protection' | 'conferences' | 'looked-after' | 'care-leavers' | 'missing'
  | 'exploitation' | 'education' | 'lado' | 'private-fostering' | 'family-group-conferences' | 'domestic-abuse'
  | 'quality-assurance' | 'case-reviews' | 'training' | 'workforce' | 'budget' | 'population' | 'disproportionality' | 'other'
  | 'adoption' | 'youth-justice';

/**
 * How a window is read. 'in-period': the counted event happened in the period. 'any-point-in-period':
 * the spell (episode, plan) was open on at least one day of the period. 'snapshot': open at the end of
 * the day asked about (a spell ending that day is no longer open); for a period, its last day.
 */
export type WindowSemantics = 'in-period' | 'any-point-in-period' | 'snapshot';

/**
 * What the headline value is. 'count': units counted. 'percent': numerator ÷ denominator × 100.
 * 'rate-per-10000': units ÷ children aged 0–17 × 10,000. 'per-month': units ÷ months in the window.
 * 'distribution': the total, with each group's share (the figure is the breakdown). 'mean': numerator
 * ÷ denominator. 'change': percentage change on the preceding period of the same kind.
 */
export type ValueType = 'count' | 'percent' | 'rate-per-10000' | 'per-month' | 'distribution' | 'mean' | 'change';

/**
 * What a metric counts once, kebab-case: the engine's own units (a child, an allocation, a worker, a
 * child of the population) or a record a module keeps (a contact, a plan, a visit…), which the
 * module names.
 */
export type CountingUnit = 'child' | 'allocation' | 'worker' | 'child-in-population' | (string & {});

export interface TimescaleDefinition {
  /** The timescale in words. */
  rule: string;
  /** The duty projection's rule whose due dates and closures the metric reads (computed with England and Wales bank holidays). */
  dutyRuleId?: string;
  amount: number;
  unit: TimeUnit;
  source: string;
}

/**
 * A computed metric as the catalogue lists it. `Dimension` is the breakdowns' ids: any string in a
 * module's contribution, the ids the engine and the modules provide once put together (catalogue.ts).
 */
export interface MetricDefinition<Dimension extends string = string> {
  kind: 'metric';
  available: true;
  id: string;
  title: string;
  domain: Domain;
  /** What it measures and how; quotes the catalogue's Def where short. */
  description: string;
  /** The definition follows DfE's (CIN census, DfE statistics); `dfeNote` says which. */
  followsDfe: boolean;
  dfeNote?: string;
  countingUnit: CountingUnit;
  numerator: string;
  denominator?: string;
  population: string;
  window: WindowSemantics;
  valueType: ValueType;
  /** Distribution metrics: the dimension whose groups' shares are the figure. */
  category?: Dimension;
  /** A rate per 10,000 children aged 0–17 is shown with the count. */
  ratePer10000: boolean;
  timescale?: TimescaleDefinition;
  breakdowns: readonly Dimension[];
  /** One of several variants of a catalogue entry (CP-02a/b/c of CP-02). */
  variantOf?: string;
  /** FD-02: the change of this metric on the preceding period (worked out from that metric's figures). */
  changeOf?: string;
  /** Where the figure lives in the catalogue. */
  catalogueRef: string;
}

// ---------------------------------------------------------------------------------------------
// How a metric is worked out

/** The days a query counts: a snapshot's is its last day (`from` equals `to`). */
export interface QueryWindow {
  /** First day counted; equals `to` for snapshots. */
  from: string;
  /** Last day counted, or the snapshot date. */
  to: string;
}

/**
 * The SQL of a metric counted from the record's projections. The engine joins the rows to the
 * child and, when a breakdown asks, to the allocation on the counting date, groups them and counts
 * distinct units per group. Named parameters the SQL may read: :laCode, :from, :to (the window's
 * days), :judgedOn (timeliness is judged on it), :holidays (bank holidays, a date[]), :withinDays
 * and :withinUnit (the timescale asked for, default 10 working days).
 */
export interface MetricSource {
  /**
   * The counted rows: unit_id (what is counted once), child_id, counted_on (the date counted: age,
   * allocation and month are taken on it), numerator, denominator, and the columns in `columns`.
   */
  items: string;
  columns: readonly string[];
  /**
   * Each unit is at most one row (its table's key says so): units are then counted with count(*),
   * which needs no sort, unless a breakdown puts a row in several groups (factors).
   */
  oneRowPerUnit?: boolean;
  /** Further figures over the counted rows: name → SQL aggregate. */
  additional?: Readonly<Record<string, string>>;
}

/** A figure over the child population (population_reference `p`, children aged 0–17): conditions on a row. */
export interface PopulationSum {
  numerator: string;
  denominator: string;
}

/** What the engine gives a metric worked out by its own code. */
export interface MetricComputationContext {
  /** The days counted: a snapshot figure's is the window's last day. */
  days: QueryWindow;
  /** The breakdown asked for, if any: a figure of its own code is broken down by one dimension at a time. */
  by: DimensionDefinition | undefined;
  /** The rows of a query with named parameters; :laCode is the council's. */
  rows(sql: string, values: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  /** A count as the reader may see it: rounded under disclosure control, else as counted. */
  published(count: number): number;
}

/** A computed figure: the headline, and the breakdown's rows (shown whatever their size, or withheld, as the figure decides). */
export interface ComputedFigure {
  headline: { value: number | null; numerator: number | null; denominator: number | null; additional: Record<string, number | null> };
  /** The rows of the breakdown asked for; null when none was. */
  breakdown: BreakdownRow[] | null;
}

export type MetricComputation = (context: MetricComputationContext) => Promise<ComputedFigure>;

/**
 * A metric as a module contributes it: its definition (the title and catalogue reference default
 * to the catalogue's entry) and how it is worked out, which is exactly one of the rows it counts
 * (`counts`), the child population it sums (`sumsPopulation`), its own code (`computes`), or the
 * change of another metric (`changeOf`).
 */
export type ModuleMetric = Omit<MetricDefinition, 'kind' | 'available' | 'title' | 'catalogueRef'> & {
  title?: string;
  catalogueRef?: string;
  counts?: MetricSource;
  sumsPopulation?: PopulationSum;
  computes?: MetricComputation;
};

// ---------------------------------------------------------------------------------------------
// Breakdowns

/** Where a group's population comes from, for rates and disproportionality. */
export type ReferencePopulation =
  /** population_reference: children aged 0–17 by age, sex and ethnicity for the population year. */
  | 'child-population'
  /** No count of disabled children exists in population_reference: children in need in the same window are the reference (catalogue §20.5). */
  | 'children-in-need';

/**
 * A dimension a figure can be broken down by: the SQL that puts a counted row in a group, how a
 * group's code reads, and, for the child's own characteristics, how the same groups are found in
 * the child population. SQL runs over `e`, a counted row joined to the child (ethnicity, sex,
 * date_of_birth, disabilities) and, when asked for, the allocation on the counting date (team_id,
 * worker_id, service); population SQL over `p`, a row of population_reference (age, sex, ethnicity).
 */
export interface DimensionDefinition<Id extends string = string> {
  /** Kebab-case and stable: what `by` names. */
  id: Id;
  title: string;
  /** SQL over `e` giving the group's code; never NULL. */
  sql: string;
  /** Item columns the SQL reads (beyond the child's details), e.g. 'source'. */
  needsColumns?: readonly string[];
  /** The allocation on the counting date (team, worker, service). */
  needsAllocation?: boolean;
  /** A row may be in several groups at once (assessment factors): group counts need not add up to the total. */
  multiValued?: boolean;
  labelOf: (code: string) => string;
  /** Codes that say the characteristic is not known: kept out of shares, reported separately. */
  unknownCodes?: readonly string[];
  /** The same grouping over population_reference `p`, when the child population is known by it. */
  populationSql?: string;
  referencePopulation?: ReferencePopulation;
  /** Default group the relative rate index compares with; 'all-others' compares each group with everyone else. */
  defaultComparator?: string;
  /** Display order of codes; others follow alphabetically. */
  order?: readonly string[];
  /** A characteristic of the child (for disproportionality), not of the service. */
  demographic?: boolean;
  /** Said with every figure broken down by it. */
  note?: string;
}

/** The engine's breakdowns by the child's own characteristics, which any metric counting children's records offers. */
export const childCharacteristics = ['ethnicity', 'ethnic-group', 'sex', 'age-band', 'disability'] as const;
/** The engine's breakdowns by the allocation on the counting date. */
export const allocationBreakdowns = ['team', 'service', 'worker'] as const;

/** A dimension fits a metric when the metric's rows carry the columns it reads. */
export function dimensionFits(source: MetricSource, dimension: DimensionDefinition): boolean {
  return (dimension.needsColumns ?? []).every((column) => source.columns.includes(column));
}

/** Sort key for a group code: the dimension's own order, then alphabetical. */
function orderOf(dimension: DimensionDefinition, code: string): [number, string] {
  const index = dimension.order?.indexOf(code) ?? -1;
  return [index === -1 ? Number.MAX_SAFE_INTEGER : index, code];
}

/** Orders two group codes of a dimension for display: the dimension's own order, then alphabetically. */
export function compareCodes(dimension: DimensionDefinition, a: string, b: string): number {
  const [ia, ca] = orderOf(dimension, a);
  const [ib, cb] = orderOf(dimension, b);
  return ia - ib || ca.localeCompare(cb);
}

/** The code a dimension gives a row whose value was not recorded. */
export const notRecorded = 'not-recorded';

/**
 * A DfE code list in its published order. Object.keys would put integer-like codes ('4', '21')
 * before the others, so codes are ordered by their number, then their letter ('1A', '2A', '3B', …, '10').
 */
export const codeOrder = (list: Readonly<Record<string, unknown>>): string[] =>
  Object.keys(list).sort((a, b) => {
    const [, na = '', la = ''] = /^(\d*)(.*)$/.exec(a) ?? [];
    const [, nb = '', lb = ''] = /^(\d*)(.*)$/.exec(b) ?? [];
    return Number(na) - Number(nb) || la.localeCompare(lb);
  });

/** Labels from a code list (code → label, or code → what `describe` reads the label from). */
export const labelFrom = (list: Readonly<Record<string, unknown>>, describe: (value: unknown) => string = String) => (code: string) =>
  code in list ? describe(list[code]) : code === notRecorded ? 'Not recorded' : code;

export const kebabToWords = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replaceAll('-', ' ');

/** Labels for kebab-case codes of a list: 'no-further-action' reads 'No further action'. */
export const labelFromWords = (values: readonly string[]) => (code: string) =>
  (values.includes(code) ? kebabToWords(code) : code === notRecorded ? 'Not recorded' : code);
