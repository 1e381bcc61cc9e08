/** The front door's section of the partnership's annual report: contacts, MASH checks and decisions. */
import type { ReportSectionSpec } from '../../reports/report-section.ts';

export const frontDoorReportSections: readonly ReportSectionSpec[] = [
  {
    kind: 'figures', id: 'front-door', title: 'The front door: contacts and referrals', position: 20, domains: ['front-door'],
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
];
