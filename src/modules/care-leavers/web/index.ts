/**
 * Care leavers' web part: its events as forms, the support on the young person's record (a summary
 * card and the Leaving care view), a personal adviser's caseload page, its part of My work (the
 * birthday contacts, which are not duties) and its figures on the dashboard. Browser code: no
 * database, server or route is reached from here.
 */
import { defineWebModule } from '../../../web/web-module.ts';
import { accommodationCodes, activityCodes, contactMethodCodes, eligibilityCategoryCodes, inTouchCodes, participationCodes, supportEndedReasonCodes } from '../codes.ts';
import { CareLeaversReadModel } from '../read-model.ts';
import { careLeaversCaseload, careLeaversMyWork } from './caseload.tsx';
import { careLeaversDashboardGroups } from './dashboard.ts';
import { careLeaversForms } from './forms.ts';
import { careLeaversEventLabels, careLeaversInvolvementTags, careLeaversNextSteps } from './labels.ts';
import { CareLeaverCard, LeavingCareView } from './record-panel.tsx';

export const careLeaversWeb = defineWebModule<{ details?: { dateOfBirth?: string } }>()({
  id: 'care-leavers',
  readModel: CareLeaversReadModel,
  forms: careLeaversForms,
  eventLabels: careLeaversEventLabels,
  involvementTags: careLeaversInvolvementTags,
  nextSteps: careLeaversNextSteps,
  chronology: {
    fieldNames: {
      category: 'Eligibility', computedCategory: 'The periods of care give', inTouch: 'In touch', activity: 'Activity', accommodation: 'Accommodation',
      accommodationSuitable: 'Suitable accommodation', birthdayAge: 'Birthday', participation: 'The young person', method: 'Contact by', pathwayPlanOwed: 'Pathway plan owed',
    },
    codeWords: {
      category: eligibilityCategoryCodes, computedCategory: eligibilityCategoryCodes, inTouch: inTouchCodes, activity: activityCodes, accommodation: accommodationCodes,
      participation: participationCodes, method: contactMethodCodes, reason: supportEndedReasonCodes,
    },
    unremarkable: { pathwayPlanOwed: false },
  },
  record: {
    SummaryCards: CareLeaverCard,
    views: [{ path: 'leaving-care', title: 'Leaving care', Part: LeavingCareView }],
  },
  dashboardGroups: careLeaversDashboardGroups,
  worklists: [careLeaversCaseload],
  myWork: [careLeaversMyWork],
});
