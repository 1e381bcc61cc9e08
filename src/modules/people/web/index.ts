/**
 * The people module's web part: registering a child, allocating workers and households as forms;
 * the child's details, allocation, flags and network on their record.
 */
import { ethnicityCodes, sexCodes } from '../../../codes/statutory-codes.ts';
import { defineWebModule } from '../../../web/web-module.ts';
import { peopleDashboardGroups } from './dashboard.ts';
import { PeopleReadModel } from '../read-model.ts';
import { childRegistrationForm, peopleForms } from './forms.ts';
import { AboutTheChild, Household, peopleFlags } from './record-panel.tsx';
import { identityRecordViews, identityWorklists } from '../../identity/web/index.ts';

export const peopleWeb = defineWebModule()({
  id: 'people',
  readModel: PeopleReadModel,
  forms: peopleForms,
  registrationForm: childRegistrationForm,
  eventLabels: {
    'child.registered': 'Child registered',
    'child.details-changed': 'Details changed',
    'child.merged-into': 'Record merged into another (a duplicate)',
    'child.merge-reversed': 'Merge of records undone',
    'relationship.recorded': 'Relationship recorded',
    'relationship.ended': 'Relationship ended',
    'household.joined': 'Joined a household',
    'household.left': 'Left a household',
    'allocation.started': 'Allocated to a worker',
    'allocation.ended': 'Allocation ended',
  },
  // A registered child involved in nothing yet is 'known': what usually comes next is a contact or a referral.
  nextSteps: { known: ['contact.received', 'referral.received'] },
  chronology: {
    fieldNames: { dateOfBirth: 'Date of birth', survivingChildId: 'Merged into', mergedChildId: 'Duplicate record', mergeId: 'Merge' },
    codeWords: { ethnicity: ethnicityCodes, sex: sexCodes },
    unremarkable: { unaccompaniedAsylumSeeking: false },
  },
  record: {
    flags: peopleFlags,
    SummaryCards: AboutTheChild,
    // Merging a duplicate record is the identity module's (src/modules/identity/web/).
    views: [{ path: 'household', title: 'Household and relationships', Part: Household }, ...identityRecordViews],
  },
  dashboardGroups: peopleDashboardGroups,
  // Asking for, and deciding, access to records outside one's scope (src/modules/identity/web/).
  worklists: identityWorklists,
});
