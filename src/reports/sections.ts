/**
 * The partnership's annual report as data: which sections it has, in the order of the partnership's
 * own report (Islington Safeguarding Children Partnership, September 2022 – March 2024), and which
 * catalogue figures, breakdowns, charts and disproportionality comparisons each section shows.
 *
 * A section whose records Safeguard does not hold yet names the catalogue domains it would draw on:
 * the report lists those catalogue entries with the reason they cannot be computed, and never a figure.
 */
import type { Domain } from '../analytics/catalogue.ts';
import type { DimensionId } from '../analytics/dimensions.ts';

/** A metric's groups shown as a table (and a bar chart): a distribution metric's own category, or one breakdown. */
export interface BreakdownSpec {
  metricId: string;
  /** Omitted for a distribution metric (its own category is the breakdown). */
  by?: DimensionId;
  title: string;
  chart: boolean;
}

/** A metric's groups compared with their reference population: the relative rate index and its 95% CI. */
export interface DisproportionalitySpec {
  metricId: string;
  by: DimensionId;
  title: string;
  /** The catalogue view that names this comparison, if any (DP-01, CP-14, ...). */
  viewId?: string;
}

export interface FiguresSection {
  kind: 'figures';
  id: string;
  title: string;
  /** Catalogue domains whose entries Safeguard cannot compute yet are listed under the figures. */
  domains: readonly Domain[];
  /** Headline figures, each with the previous period of the same length and benchmarks. */
  figures: readonly string[];
  /** A count by month across the window, as a chart with its table. */
  monthly?: { metricId: string; title: string };
  breakdowns: readonly BreakdownSpec[];
  disproportionality: readonly DisproportionalitySpec[];
}

export interface NotYetRecordedSection {
  kind: 'not-yet-recorded';
  id: string;
  title: string;
  domains: readonly Domain[];
}

export type SectionSpec = FiguresSection | NotYetRecordedSection;

export const annualReportSections: readonly SectionSpec[] = [
  {
    kind: 'figures', id: 'children-of-the-borough', title: 'The children of the borough', domains: ['population'],
    figures: ['POP-03', 'POP-04', 'POP-07'],
    breakdowns: [{ metricId: 'POP-03', by: 'ethnic-group', title: 'Children aged 0–17 by ethnic group', chart: false }],
    disproportionality: [],
  },
  {
    kind: 'figures', id: 'front-door', title: 'The front door: contacts and referrals', domains: ['front-door'],
    figures: ['FD-01', 'FD-09', 'FD-13', 'FD-07'],
    monthly: { metricId: 'FD-01', title: 'Contacts received each month' },
    breakdowns: [
      { metricId: 'FD-03', title: 'Contacts by source', chart: true },
      { metricId: 'FD-05', title: 'What was decided about each contact', chart: true },
      { metricId: 'FD-04', title: 'Contacts by primary reason', chart: false },
    ],
    disproportionality: [
      { metricId: 'FD-01', by: 'ethnicity', title: 'Contacts by ethnicity, against the child population' },
      { metricId: 'FD-09', by: 'ethnicity', title: 'MASH checks by ethnicity, against contacts in the same group', viewId: 'DP-24' },
    ],
  },
  {
    kind: 'figures', id: 'children-in-need', title: 'Children in need', domains: ['children-in-need'],
    figures: ['CIN-08', 'DFE-REF-NFA', 'CIN-03', 'CIN-04', 'DFE-ASM-45', 'FD-08', 'CIN-06', 'CIN-07', 'CIN-02', 'CIN-01'],
    monthly: { metricId: 'CIN-08', title: 'Referrals received each month' },
    breakdowns: [
      { metricId: 'CIN-08', by: 'source', title: 'Referrals by source', chart: true },
      { metricId: 'CIN-01', by: 'primary-need', title: 'Children in need at the end of the period by primary need', chart: false },
    ],
    disproportionality: [
      { metricId: 'CIN-08', by: 'ethnicity', title: 'Referrals by ethnicity, against the child population', viewId: 'DP-07' },
      { metricId: 'FD-07', by: 'ethnic-group', title: 'Re-referrals by ethnic group, against referrals in the same group', viewId: 'DP-08' },
    ],
  },
  {
    kind: 'figures', id: 'child-protection', title: 'Child protection', domains: ['child-protection'],
    figures: ['CP-11', 'CP-08', 'CP-09', 'CP-02c', 'CP-02b', 'CP-01', 'CP-02a', 'CP-05', 'CP-13'],
    monthly: { metricId: 'CP-09', title: 'Section 47 enquiries started each month' },
    breakdowns: [
      { metricId: 'CP-04', title: 'Plans starting by initial category of abuse', chart: true },
      { metricId: 'CP-07', title: 'Length of plans that ended', chart: true },
      { metricId: 'CP-03', title: 'Factors at the latest assessment of children on a plan at the end of the period', chart: false },
    ],
    disproportionality: [
      { metricId: 'CP-02b', by: 'ethnicity', title: 'Children on a plan by ethnicity, against the child population', viewId: 'DP-01' },
      { metricId: 'CP-02b', by: 'sex', title: 'Children on a plan by sex, against the child population' },
      { metricId: 'CP-02b', by: 'disability', title: 'Children on a plan by disability, against children in need', viewId: 'CP-14' },
    ],
  },
  {
    kind: 'figures', id: 'conferences', title: 'Child protection conferences', domains: ['conferences'],
    figures: ['CPC-01', 'CPC-05', 'CPC-06'],
    monthly: { metricId: 'CPC-01', title: 'Conferences held each month' },
    breakdowns: [{ metricId: 'CPC-01', by: 'conference-type', title: 'Conferences by type', chart: true }],
    disproportionality: [
      { metricId: 'CPC-05', by: 'ethnic-group', title: 'Initial conferences within 15 working days by ethnic group' },
    ],
  },
  { kind: 'not-yet-recorded', id: 'lado', title: 'Allegations against people who work with children (LADO)', domains: ['lado'] },
  { kind: 'not-yet-recorded', id: 'family-group-conferences', title: 'Family group conferences and Lifelong Links', domains: ['family-group-conferences'] },
  { kind: 'not-yet-recorded', id: 'looked-after', title: 'Children looked after and care leavers', domains: ['looked-after', 'care-leavers'] },
  { kind: 'not-yet-recorded', id: 'private-fostering', title: 'Private fostering', domains: ['private-fostering'] },
  { kind: 'not-yet-recorded', id: 'missing-and-exploitation', title: 'Missing children and exploitation', domains: ['missing', 'exploitation'] },
  { kind: 'not-yet-recorded', id: 'domestic-abuse', title: 'Domestic abuse: the daily safeguarding meeting', domains: ['domestic-abuse'] },
  { kind: 'not-yet-recorded', id: 'education', title: 'Education', domains: ['education'] },
  { kind: 'not-yet-recorded', id: 'audits', title: 'Assurance on quality: audits and practice weeks', domains: ['quality-assurance'] },
  { kind: 'not-yet-recorded', id: 'case-reviews', title: 'Rapid reviews and local child safeguarding practice reviews', domains: ['case-reviews'] },
  { kind: 'not-yet-recorded', id: 'training', title: 'Training', domains: ['training'] },
  { kind: 'not-yet-recorded', id: 'budget', title: 'Budget', domains: ['budget'] },
];
