/** The front door's web part: the contact, MASH checks and decision as forms; the contacts on the child's record. */
import { contactReasonCodes, referralSourceCodes } from '../../../codes/statutory-codes.ts';
import { defineWebModule } from '../../../web/web-module.ts';
import { frontDoorDashboardGroups } from './dashboard.ts';
import { FrontDoorReadModel } from '../read-model.ts';
import { frontDoorForms } from './forms.ts';
import { Contacts } from './record-panel.tsx';

export const frontDoorWeb = defineWebModule()({
  id: 'front-door',
  readModel: FrontDoorReadModel,
  forms: frontDoorForms,
  eventLabels: {
    'contact.received': 'Contact received',
    'mash-check.requested': 'MASH check requested',
    'mash-check.completed': 'MASH check completed',
    'contact.decided': 'Decision on the contact',
  },
  involvementTags: { contact: { text: 'Contact', colour: 'light-blue' } },
  nextSteps: { contact: ['mash-check.requested', 'mash-check.completed', 'contact.decided'] },
  chronology: {
    fieldNames: { localSource: 'Contact from', primaryReason: 'Reason' },
    codeWords: { source: referralSourceCodes, primaryReason: contactReasonCodes },
  },
  // The contacts follow the episodes they led to.
  record: { views: [{ path: 'episodes', Part: Contacts }] },
  dashboardGroups: frontDoorDashboardGroups,
});
