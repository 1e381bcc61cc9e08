/**
 * The shapes of the analytics answers, as zod schemas: the API declares its output with them and
 * the engine's types are inferred from them, so the two cannot drift. A schema and its type share
 * one name.
 */
import { z } from 'zod';

/** A published number: withheld ones have value null and read "fewer than N". */
export const Figure = z.object({
  value: z.number().nullable(),
  display: z.string(),
  suppressed: z.boolean(),
});
export type Figure = z.infer<typeof Figure>;

export const Group = z.object({ code: z.string(), label: z.string() });
export type Group = z.infer<typeof Group>;

export const WindowOut = z.object({
  kind: z.string().describe('financial-year, academic-year, calendar-year, calendar-quarter, financial-quarter, month, partnership-period, year-to-date, custom or snapshot'),
  label: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
  asAt: z.string().optional().describe('Snapshot metrics: the date counted (a period\'s last day when a period was asked for)'),
});
export type WindowOut = z.infer<typeof WindowOut>;

export const PopulationOut = z.object({
  year: z.number().describe('The mid-year estimate used: the calendar year containing the window\'s end, or the nearest year loaded'),
  requestedYear: z.number(),
  children: z.number().describe('Children aged 0–17'),
  sources: z.array(z.string()),
});
export type PopulationOut = z.infer<typeof PopulationOut>;

export const BreakdownRow = z.object({
  groups: z.array(Group).describe('One per dimension of `by`, in order'),
  numerator: Figure,
  denominator: Figure.nullable(),
  value: Figure.describe('The figure for the group, in the unit of the headline value (a share within the parent group for distributions)'),
  share: Figure.describe('The group\'s share of the units counted in its parent group (all units for a first-level group); of the denominator for percentages'),
  population: z.number().nullable().describe('Children aged 0–17 in the group (population reference), when known'),
  ratePer10000: Figure.nullable(),
  additional: z.record(z.string(), Figure),
});
export type BreakdownRow = z.infer<typeof BreakdownRow>;

export const DisproportionalityRowOut = z.object({
  group: Group,
  count: Figure,
  reference: z.number().describe('The group\'s reference population (children, or the metric\'s denominator)'),
  serviceShare: Figure,
  referenceShare: Figure,
  representationRatio: Figure,
  pointDifference: Figure,
  rate: Figure,
  relativeRateIndex: Figure,
  confidenceInterval: z.object({ lower: Figure, upper: Figure }),
  representation: z.enum(['over', 'under', 'in-line', 'comparator', 'unknown-group', 'not-computable', 'withheld']),
  significant: z.boolean().nullable(),
});
export type DisproportionalityRowOut = z.infer<typeof DisproportionalityRowOut>;

export const DisproportionalityOut = z.object({
  dimension: z.string(),
  reference: z.string().describe('What each group is compared with'),
  comparator: Group.describe('The relative rate index divides each group\'s rate by this group\'s (or by all other children\'s)'),
  rateBase: z.number(),
  intervalMethod: z.string(),
  rows: z.array(DisproportionalityRowOut),
  unknownShare: Figure.describe('Share of the service whose characteristic is not known; kept out of the shares'),
});
export type DisproportionalityOut = z.infer<typeof DisproportionalityOut>;

export const BenchmarkOut = z.object({
  year: z.string(),
  geography: z.string(),
  measure: z.string(),
  value: z.number(),
  source: z.string(),
  origin: z.enum(['shipped', 'loaded']),
  samePeriod: z.boolean().describe('The benchmark is for the DfE year (to 31 March) that the window ends in'),
});
export type BenchmarkOut = z.infer<typeof BenchmarkOut>;

export const TrendPoint = z.object({
  window: WindowOut,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  change: z.number().nullable().describe('Difference from the previous point (percentage points for percentages)'),
  changePercent: z.number().nullable().describe('Relative change from the previous point, %'),
  records: z.enum(['none', 'part', 'whole']).describe('How much of the period the council\'s record covers: none (it ends before the record\'s first event: no records yet, and no figure), part (the record begins during it) or the whole period. Changes are given only between periods the record covers whole'),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const MetricSummary = z.object({
  id: z.string(),
  title: z.string(),
  countingUnit: z.string(),
  valueType: z.string(),
  window: z.string(),
  followsDfe: z.boolean(),
});

export const MetricResult = z.object({
  metric: MetricSummary,
  /** Set when the metric was asked for through a catalogue view (e.g. DP-01). */
  view: z.object({ id: z.string(), title: z.string(), description: z.string() }).nullable(),
  window: WindowOut,
  value: z.number().nullable(),
  display: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  ratePer10000: z.number().nullable(),
  population: PopulationOut.nullable(),
  additional: z.record(z.string(), z.number().nullable()),
  breakdown: z.object({
    by: z.array(z.string()),
    rows: z.array(BreakdownRow),
    suppression: z.object({ applied: z.boolean(), threshold: z.number() }),
  }).nullable(),
  disproportionality: DisproportionalityOut.nullable(),
  benchmarks: z.array(BenchmarkOut),
  trend: z.array(TrendPoint).nullable(),
  recordsFrom: z.string().nullable().describe('The date of the earliest event on the council\'s record: periods before it have no records yet (null when nothing is recorded)'),
  notes: z.array(z.string()),
  computedAt: z.string(),
});
export type MetricResult = z.infer<typeof MetricResult>;
