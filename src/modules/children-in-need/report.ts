/** Children in need's section of the partnership's annual report: referrals, assessments and children in need. */
import type { ReportSectionSpec } from '../../reports/report-section.ts';

export const childrenInNeedReportSections: readonly ReportSectionSpec[] = [
  {
    kind: 'figures', id: 'children-in-need', title: 'Children in need', position: 30, domains: ['children-in-need'],
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
];
