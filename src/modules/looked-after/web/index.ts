/**
 * Children looked after's web part: the start of care, changes of legal status and placement, costs,
 * secure orders and the end of care as forms; the legal status, placement and distance from home on
 * the child's record, the placements over time as a view of their own; the worklist of children
 * looked after and the dashboard's table of the CLA figures. Browser code: no database, server or
 * route is reached from here.
 */
import { defineWebModule } from '../../../web/web-module.ts';
import { categoryOfNeedCodes, legalStatusCodes, placementProviderCodes, placementTypeCodes, reasonEpisodeCeasedCodes, reasonPlacementChangedCodes } from '../codes.ts';
import { LookedAfterReadModel } from '../read-model.ts';
import { lookedAfterDashboardGroups } from './dashboard.ts';
import { lookedAfterForms } from './forms.ts';
import { lookedAfterEventLabels, lookedAfterInvolvementTags, lookedAfterNextSteps } from './labels.ts';
import { CareAndPlacements, LookedAfterCard } from './record-panel.tsx';
import { lookedAfterWorklist } from './worklist.tsx';

export const lookedAfterWeb = defineWebModule()({
  id: 'looked-after',
  readModel: LookedAfterReadModel,
  forms: lookedAfterForms,
  eventLabels: lookedAfterEventLabels,
  involvementTags: lookedAfterInvolvementTags,
  nextSteps: lookedAfterNextSteps,
  chronology: {
    fieldNames: {
      legalStatus: 'Legal status', categoryOfNeed: 'Category of need', placement: 'Placement', sameCarer: 'Same carer', reason: 'Reason',
      homePostcode: 'Home postcode', unaccompaniedAsylumSeeking: 'Unaccompanied asylum-seeking child', weeklyCost: 'Weekly cost (£)', endsOn: 'Order ends',
      reasons: 'Risks', type: 'Placement type', provider: 'Provider', providerName: 'Carer or provision', ofstedUrn: 'Ofsted URN', postcode: 'Postcode',
    },
    codeWords: {
      legalStatus: legalStatusCodes, categoryOfNeed: categoryOfNeedCodes, type: placementTypeCodes, provider: placementProviderCodes,
      reason: { ...reasonPlacementChangedCodes, ...reasonEpisodeCeasedCodes },
    },
    unremarkable: { unaccompaniedAsylumSeeking: false, periodId: undefined },
  },
  record: {
    SummaryCards: LookedAfterCard,
    views: [{ path: 'care-and-placements', title: 'Care and placements', Part: CareAndPlacements }],
  },
  dashboardGroups: lookedAfterDashboardGroups,
  worklists: [lookedAfterWorklist],
});
