/**
 * Private fostering's web part: the notification, the visits, the arrangement and its checks,
 * decisions, reviews and end as forms; the arrangement and its next visit on the child's record,
 * the visits as a view of their own; and the worklist of every child privately fostered or being
 * looked into. Browser code: no database, server or route is reached from here.
 */
import { defineWebModule } from '../../../web/web-module.ts';
import { carerRelationshipCodes, notificationTimingCodes, notifierCodes } from '../codes.ts';
import { nationalityCodes } from '../nationalities.ts';
import { PrivateFosteringReadModel } from '../read-model.ts';
import { privateFosteringDashboardGroups } from './dashboard.ts';
import { privateFosteringForms } from './forms.ts';
import { privateFosteringEventLabels, privateFosteringInvolvementTags, privateFosteringNextSteps } from './labels.ts';
import { PrivateFosteringCard, PrivateFosteringVisits } from './record-panel.tsx';
import { privateFosteringWorklist } from './worklist.tsx';

export const privateFosteringWeb = defineWebModule()({
  id: 'private-fostering',
  readModel: PrivateFosteringReadModel,
  forms: privateFosteringForms,
  eventLabels: privateFosteringEventLabels,
  involvementTags: privateFosteringInvolvementTags,
  nextSteps: privateFosteringNextSteps,
  chronology: {
    fieldNames: { notifiedBy: 'Notified by', timing: 'The arrangement', carerRelationship: 'The carer is' },
    codeWords: { notifiedBy: notifierCodes, timing: notificationTimingCodes, carerRelationship: carerRelationshipCodes, nationality: nationalityCodes },
  },
  record: {
    SummaryCards: PrivateFosteringCard,
    views: [{ path: 'private-fostering', title: 'Private fostering', Part: PrivateFosteringVisits }],
  },
  dashboardGroups: privateFosteringDashboardGroups,
  worklists: [privateFosteringWorklist],
});
