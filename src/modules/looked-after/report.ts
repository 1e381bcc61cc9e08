/**
 * The children looked after section of the partnership's annual report. It stands where the report
 * listed children looked after and care leavers as not yet recorded (position 80), which it
 * replaces; the care leavers' section follows it. The partnership's own report (D2 p8 and p17) gives
 * the children looked after per 10,000 against statistical neighbours, the fall in UASC, short- and
 * long-term placement stability, remands and the over-representation of Black and Mixed heritage
 * children (CLA-25).
 */
import type { ReportSectionSpec } from '../../reports/report-section.ts';

export const lookedAfterReportSections: readonly ReportSectionSpec[] = [
  {
    kind: 'figures',
    id: 'looked-after',
    title: 'Children looked after',
    position: 80,
    domains: ['looked-after'],
    figures: ['CLA-01', 'CLA-02', 'CLA-03', 'CLA-08', 'CLA-04', 'CLA-05', 'CLA-07', 'CLA-10', 'CLA-24a', 'CLA-24b', 'CLA-13', 'CLA-14'],
    monthly: { metricId: 'CLA-08', title: 'Children starting to be looked after each month' },
    breakdowns: [
      { metricId: 'CLA-08', by: 'age-band', title: 'Children starting to be looked after by age', chart: true },
      { metricId: 'CLA-01', by: 'legal-status', title: 'Children looked after at the end of the period by legal status', chart: true },
      { metricId: 'CLA-01', by: 'placement-type', title: 'Children looked after at the end of the period by placement', chart: false },
      { metricId: 'CLA-06', by: 'age-band', title: 'Three or more placements in the year, by age', chart: false },
      { metricId: 'CLA-11', title: 'Children who left care by adoption or special guardianship', chart: false },
    ],
    disproportionality: [
      { metricId: 'CLA-25', by: 'ethnic-group', title: 'Children looked after by ethnic group, against the child population' },
      { metricId: 'CLA-25', by: 'ethnicity', title: 'Children looked after by ethnicity, against the child population' },
      { metricId: 'CLA-01', by: 'disability', title: 'Children looked after by disability, against children in need' },
    ],
  },
];
