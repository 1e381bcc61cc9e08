/**
 * Child protection's sections of the partnership's annual report: section 47 enquiries and plans,
 * then the conferences that decide on them.
 */
import type { ReportSectionSpec } from '../../reports/report-section.ts';

export const childProtectionReportSections: readonly ReportSectionSpec[] = [
  {
    kind: 'figures', id: 'child-protection', title: 'Child protection', position: 40, domains: ['child-protection'],
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
    kind: 'figures', id: 'conferences', title: 'Child protection conferences', position: 50, domains: ['conferences'],
    figures: ['CPC-01', 'CPC-05', 'CPC-06'],
    monthly: { metricId: 'CPC-01', title: 'Conferences held each month' },
    breakdowns: [{ metricId: 'CPC-01', by: 'conference-type', title: 'Conferences by type', chart: true }],
    disproportionality: [
      { metricId: 'CPC-05', by: 'ethnic-group', title: 'Initial conferences within 15 working days by ethnic group' },
    ],
  },
];
