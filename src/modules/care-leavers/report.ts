/**
 * The corporate parenting section of the partnership's annual report, for care leavers: how many
 * the council supports, whether it is in touch with them around their birthdays, whether they live
 * in suitable accommodation and are in education, employment or training (by the DfE's age bands),
 * their part in their pathway plans, tenancies, staying put and deaths notified (D2 p17, p24, p43).
 * It stands after the children looked after (position 80) and before private fostering (90).
 */
import type { ReportSectionSpec } from '../../reports/report-section.ts';

export const careLeaversReportSections: readonly ReportSectionSpec[] = [
  {
    kind: 'figures',
    id: 'care-leavers',
    title: 'Corporate parenting: care leavers',
    position: 85,
    domains: ['care-leavers'],
    figures: ['CL-01', 'CL-02', 'CL-03', 'CL-04', 'CL-05', 'CL-06', 'CLA-09', 'CL-09'],
    breakdowns: [
      { metricId: 'CL-04', by: 'care-leaver-age-band', title: 'Care leavers in suitable accommodation around their birthday, by age', chart: false },
      { metricId: 'CL-05', by: 'care-leaver-age-band', title: 'Care leavers in education, employment or training around their birthday, by age', chart: true },
      { metricId: 'CL-02', by: 'in-touch', title: 'Care leavers\' birthday contacts by whether the council was in touch', chart: false },
    ],
    disproportionality: [],
  },
];
