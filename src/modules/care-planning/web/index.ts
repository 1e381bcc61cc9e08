/**
 * Care planning's web part: the plans, the IRO, reviews, visits, health and education as forms; the
 * next review and visit due, health and PEP on the child's record, with reviews, visits and health
 * as a view of their own; the IRO worklist; and its figures on the dashboard. Browser code: no
 * database, server or route is reached from here.
 */
import { defineWebModule } from '../../../web/web-module.ts';
import {
  healthAssessorCodes, mentalHealthScreeningOutcomeCodes, mentalHealthScreeningToolCodes, permanencePlanCodes, reviewParticipationCodes,
  schoolTermCodes, sdqReasonCodes, visitLocationCodes,
} from '../codes.ts';
import { CarePlanningReadModel } from '../read-model.ts';
import { carePlanningDashboardGroups } from './dashboard.ts';
import { carePlanningForms } from './forms.ts';
import { iroWorklist } from './iro-worklist.tsx';
import { carePlanningEventLabels, carePlanningNextSteps } from './labels.ts';
import { CarePlanningCard, CarePlanningReviewsVisitsAndHealth } from './record-panel.tsx';

export const carePlanningWeb = defineWebModule()({
  id: 'care-planning',
  readModel: CarePlanningReadModel,
  forms: carePlanningForms,
  eventLabels: carePlanningEventLabels,
  nextSteps: carePlanningNextSteps,
  chronology: {
    fieldNames: {
      participation: 'The child took part', iroWorkerId: 'IRO', reviewNumber: 'Review number', childSeen: 'Child seen', seenAlone: 'Seen alone',
      location: 'Where', nextVisitWithin: 'Next visit due within', assessedBy: 'Assessed by', nextReviewWithin: 'Next assessment due within',
      reasonNotDone: 'No score because', referredToCamhs: 'Referred to CAMHS', intendedLongTerm: 'Intended to last until 18', dueBy: 'Due by (protocol)',
      childBornOn: 'Baby born', upToDate: 'Up to date', urn: 'URN', percent: 'Attendance %', periodId: 'Period of care',
    },
    codeWords: {
      participation: reviewParticipationCodes, location: visitLocationCodes, assessedBy: healthAssessorCodes, reasonNotDone: sdqReasonCodes,
      tool: mentalHealthScreeningToolCodes, outcome: mentalHealthScreeningOutcomeCodes, plan: permanencePlanCodes, contingencyPlan: permanencePlanCodes,
      permanencePlan: permanencePlanCodes, term: schoolTermCodes,
    },
  },
  record: {
    SummaryCards: CarePlanningCard,
    views: [{ path: 'reviews-visits-and-health', title: 'Reviews, visits and health', Part: CarePlanningReviewsVisitsAndHealth }],
  },
  dashboardGroups: carePlanningDashboardGroups,
  worklists: [iroWorklist],
});
