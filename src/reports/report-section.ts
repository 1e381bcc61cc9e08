/**
 * A section of the partnership's annual report, as data: which catalogue figures, breakdowns,
 * charts and disproportionality comparisons it shows, and where it stands in the report. A domain
 * module contributes the sections about its work (`reportSections` on DomainModule, in
 * src/modules/<domain>/report.ts); the report's own sections are in sections.ts, which puts them
 * all in order.
 *
 * A section whose records Safeguard does not hold yet names the catalogue domains it would draw on:
 * the report lists those catalogue entries with the reason they cannot be computed, and never a figure.
 *
 * This file imports nothing, so that modules can describe their sections without reaching the
 * engines. Ids are therefore plain strings: a metric's catalogue id ('FD-01'), a dimension's id
 * ('ethnicity', src/analytics/dimensions.ts) and a catalogue domain ('front-door'); the report's
 * tests check each one against the catalogue.
 */

/** A metric's groups shown as a table (and a bar chart): a distribution metric's own category, or one breakdown. */
export interface BreakdownSpec {
  metricId: string;
  /** A dimension's id; omitted for a distribution metric (its own category is the breakdown). */
  by?: string;
  title: string;
  chart: boolean;
}

/** A metric's groups compared with their reference population: the relative rate index and its 95% CI. */
export interface DisproportionalitySpec {
  metricId: string;
  /** A dimension's id. */
  by: string;
  title: string;
  /** The catalogue view that names this comparison, if any (DP-01, CP-14, ...). */
  viewId?: string;
}

interface SectionBase {
  /** Unique in the report: the section's anchor in the document. */
  id: string;
  title: string;
  /**
   * Where the section stands: sections are shown by ascending position, which follows the order of
   * the partnership's own report (Islington Safeguarding Children Partnership, September 2022 –
   * March 2024). Positions go in tens, so that a new section can stand between two.
   */
  position: number;
  /** The catalogue domains it draws on: their entries that Safeguard cannot compute yet are listed in the section. */
  domains: readonly string[];
}

export interface FiguresSection extends SectionBase {
  kind: 'figures';
  /** Headline figures, each with the previous period of the same length and benchmarks. */
  figures: readonly string[];
  /** A count by month across the window, as a chart with its table. */
  monthly?: { metricId: string; title: string };
  breakdowns: readonly BreakdownSpec[];
  disproportionality: readonly DisproportionalitySpec[];
}

export interface NotYetRecordedSection extends SectionBase {
  kind: 'not-yet-recorded';
}

export type ReportSectionSpec = FiguresSection | NotYetRecordedSection;
