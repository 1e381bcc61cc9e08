/**
 * The private fostering section of the partnership's annual report. It stands where the report
 * listed private fostering as not yet recorded (position 90), which it replaces. The partnership's
 * own report (D2 p20) gives the notifications, how many were private fostering, how quickly they
 * were passed on and visited, the monitoring visits' timeliness, the recommendation of an annual
 * review, and the reasons; it draws no conclusions about the children's characteristics from so
 * few, and the catalogue asks for no disproportionality comparison here.
 */
import type { ReportSectionSpec } from '../../reports/report-section.ts';

export const privateFosteringReportSections: readonly ReportSectionSpec[] = [
  {
    kind: 'figures',
    id: 'private-fostering',
    title: 'Private fostering',
    position: 90,
    domains: ['private-fostering'],
    figures: ['PF-01', 'PF-02', 'PF-03', 'PF-04', 'PF-05', 'PF-06'],
    // About ten notifications a year: a count by month would be mostly empty months.
    breakdowns: [
      { metricId: 'PF-07', title: 'Privately fostered children by why they are privately fostered', chart: true },
      { metricId: 'PF-01', by: 'notified-by', title: 'Notifications by who made them', chart: false },
      { metricId: 'PF-05', by: 'visit-schedule', title: 'Visits on time in the first year of an arrangement and after', chart: false },
    ],
    disproportionality: [],
  },
];
