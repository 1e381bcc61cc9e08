/**
 * The family network's web part: the Family and network view of the child's record, the record's
 * flags in its header, forms for a professional, a flag and a child's move, and pages of its own
 * (a household, adding an adult, a household's move, removing a flag).
 */
import { defineWebModule } from '../../../web/web-module.ts';
import { flagKinds, professionalRoles } from '../events.ts';
import { FamilyNetworkReadModel } from '../read-model.ts';
import { familyNetworkForms } from './forms.ts';
import { familyNetworkPages } from './pages.tsx';
import { FamilyAndNetwork, familyNetworkFlags } from './record-panel.tsx';

export const familyNetworkWeb = defineWebModule()({
  id: 'family-network',
  readModel: FamilyNetworkReadModel,
  forms: familyNetworkForms,
  eventLabels: {
    'professional.recorded': 'Professional added',
    'professional.ended': 'Professional no longer involved',
    'flag.raised': 'Flag raised',
    'flag.removed': 'Flag removed',
    'address.changed': 'Moved to a new address',
  },
  chronology: {
    fieldNames: { roleDescription: 'What they do', organisation: 'Organisation', flagId: 'Flag', moveId: 'Move', householdId: 'Household' },
    codeWords: { role: professionalRoles, kind: flagKinds },
  },
  record: {
    flags: familyNetworkFlags,
    views: [{ path: 'family-network', title: 'Family and network', Part: FamilyAndNetwork }],
  },
  pages: familyNetworkPages,
});
