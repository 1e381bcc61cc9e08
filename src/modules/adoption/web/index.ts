/**
 * Adoption's web part: each event as a form; where the adoption plan stands (or the order that gave
 * permanence) as a card on the child's record, with the "Adoption and permanence" view; the
 * worklist of children with a plan for adoption; and the figures on the dashboard. Browser code:
 * no database, server or route is reached from here.
 */
import { defineWebModule } from '../../../web/web-module.ts';
import {
  adoptersLegalStatusCodes, adoptersSexCodes, adoptionPlacementCodes, previousPermanenceCodes, reasonPlacedCeasedCodes,
} from '../codes.ts';
import { AdoptionReadModel } from '../read-model.ts';
import { adoptionDashboardGroups } from './dashboard.ts';
import { adoptionForms } from './forms.ts';
import { adoptionEventLabels, adoptionInvolvementTags, adoptionNextSteps } from './labels.ts';
import { AdoptionAndPermanence, AdoptionCard } from './record-panel.tsx';
import { adoptionWorklist } from './worklist.tsx';

export const adoptionWeb = defineWebModule()({
  id: 'adoption',
  readModel: AdoptionReadModel,
  forms: adoptionForms,
  eventLabels: adoptionEventLabels,
  involvementTags: adoptionInvolvementTags,
  nextSteps: adoptionNextSteps,
  chronology: {
    fieldNames: {
      adoptersSex: 'Adopters', adoptersLegalStatus: 'Adopters\' legal status', fosterCarers: 'Adopted by foster carers', numberOfAdopters: 'Number of adopters',
      livingWithAdoptersSince: 'Living with them since', placement: 'Placed', reason: 'Why', relativeOrFriend: 'A relative or friend', formerFosterCarers: 'Former foster carers',
      previousPermanence: 'Previous permanence', localAuthority: 'Council', decisionMakerWorkerId: 'Agency decision maker', fosteringForAdoption: 'Fostering for adoption',
      consentDispensedWith: 'Consent dispensed with',
    },
    codeWords: {
      adoptersSex: adoptersSexCodes, adoptersLegalStatus: adoptersLegalStatusCodes, placement: adoptionPlacementCodes, reason: reasonPlacedCeasedCodes,
      previousPermanence: previousPermanenceCodes,
    },
    unremarkable: { fosteringForAdoption: false, consentDispensedWith: false },
  },
  record: {
    SummaryCards: AdoptionCard,
    views: [{ path: 'adoption', title: 'Adoption and permanence', Part: AdoptionAndPermanence }],
  },
  dashboardGroups: adoptionDashboardGroups,
  worklists: [adoptionWorklist],
});
