/**
 * The "Youth justice and children looked after" section of the partnership's annual report. The
 * partnership's report (D2 p17, p35) gives the share of the youth justice cohort that is
 * care-experienced (CLA-16, 67% in August 2023), the offending of children looked after (CLA-23,
 * 3% in 2022/23) and the fall in remands (25% in 2022/23); the audit of children looked after and
 * known to the youth justice service (CLA-15) described them by legal status and placement. The
 * YJB compares the youth justice cohort by ethnicity with the 10–17 population.
 *
 * It stands after children looked after (position 80) and before private fostering (90).
 */
import type { ReportSectionSpec } from '../../reports/report-section.ts';

export const youthJusticeReportSections: readonly ReportSectionSpec[] = [
  {
    kind: 'figures',
    id: 'youth-justice',
    title: 'Youth justice and children looked after',
    position: 87,
    domains: ['youth-justice'],
    figures: ['CLA-15', 'CLA-16', 'CLA-23', 'YJ-01', 'YJ-02', 'YJ-03', 'YJ-04'],
    breakdowns: [
      { metricId: 'CLA-16', by: 'care-experience', title: 'Children known to the youth justice service by care experience', chart: true },
      { metricId: 'CLA-15', by: 'episode-legal-status', title: 'Children looked after and known to the youth justice service by legal status', chart: false },
      { metricId: 'CLA-15', by: 'episode-placement-type', title: 'Children looked after and known to the youth justice service by placement', chart: false },
      { metricId: 'YJ-02', by: 'remand-type', title: 'Remands by where the child was remanded', chart: false },
    ],
    disproportionality: [
      { metricId: 'YJ-04', by: 'ethnicity-aged-10-to-17', title: 'Children known to the youth justice service by ethnicity, against children aged 10 to 17' },
    ],
  },
];
