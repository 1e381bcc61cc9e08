/**
 * What a module's web parts give the dashboard: a table of the computed metrics of one catalogue
 * domain (the `domain` each metric's definition names), with its caption. The tables come in the
 * catalogue's order of their first metric, which follows the child's journey (metrics.ts).
 */
export interface DashboardGroup {
  /** The catalogue domain whose computed metrics the table shows, e.g. 'conferences'. */
  domain: string;
  /** The table's caption. */
  title: string;
}
