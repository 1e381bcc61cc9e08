/**
 * The "Adoption and permanence" section of the annual report: the children adopted, how long
 * they waited against the adoption scorecard's thresholds, decisions reversed, children waiting,
 * and the special guardianship and child arrangements orders that ended care. It stands after the
 * looked-after sections and before private fostering (position 90); 87 leaves the positions around 80 to the looked-after and care leavers sections.
 */
import type { ReportSectionSpec } from '../../reports/report-section.ts';

export const adoptionReportSections: readonly ReportSectionSpec[] = [
  {
    kind: 'figures',
    id: 'adoption-and-permanence',
    title: 'Adoption and permanence',
    position: 84,
    domains: ['adoption'],
    figures: ['ADOPT-01', 'ADOPT-02', 'ADOPT-03', 'ADOPT-04', 'ADOPT-06', 'ADOPT-07', 'ADOPT-08'],
    breakdowns: [
      { metricId: 'ADOPT-05', title: 'Decisions to place for adoption reversed, by reason', chart: false },
      { metricId: 'ADOPT-07', by: 'permanence-order-carers', title: 'Special guardianship orders by to whom they were made', chart: false },
      { metricId: 'ADOPT-01', by: 'adopted-by-foster-carers', title: 'Children adopted by their foster carers and by other adopters', chart: false },
    ],
    disproportionality: [],
  },
];
