/**
 * The section of the partnership's annual report on the care planning, health and education of
 * children looked after, beside the looked-after module's "Children looked after" (position 80):
 * the visits, reviews and the child's part in them (the partnership's report, D2 p24, gives 98%
 * participation), health assessments, dental checks and mental health screenings (D2 p17),
 * permanency planning meetings (D2 p36) and education.
 */
import type { ReportSectionSpec } from '../../reports/report-section.ts';

export const carePlanningReportSections: readonly ReportSectionSpec[] = [
  {
    kind: 'figures',
    id: 'care-planning',
    title: 'Care planning, health and education of children looked after',
    position: 82,
    domains: [],
    figures: ['CLA-17', 'CLA-18', 'CLA-19', 'CLA-20a', 'CLA-20b', 'CLA-21', 'CLA-22', 'CLA-26', 'CLA-27a', 'CLA-27b'],
    breakdowns: [
      { metricId: 'CLA-18', by: 'review-stage', title: 'Reviews on time: the first, the second and later ones', chart: false },
      { metricId: 'CLA-19', by: 'review-participation', title: 'How children took part in their reviews', chart: true },
      { metricId: 'CLA-17', by: 'visit-interval', title: 'Visits on time by their interval', chart: false },
    ],
    disproportionality: [],
  },
];
