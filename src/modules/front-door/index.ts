/**
 * The front door (MASH): contacts about a child, the partner agencies' checks, and the decision
 * on each: no further action, advice, early help or a referral to children's social care.
 */
import { defineDomainModule } from '../domain-module.ts';
import { frontDoorEvents } from './events.ts';
import { frontDoorReportSections } from './report.ts';
import { frontDoorRetention } from './retention.ts';
import { frontDoorDimensions, frontDoorMetrics, frontDoorUnavailableMetrics } from './metrics.ts';
import { FrontDoorReadModel } from './read-model.ts';
import { frontDoorSimulator, referralToSocialCare, type SimulatedReferral } from './simulator.ts';
import { frontDoorProjections } from './projections.ts';
import { frontDoorPartnerSharing, frontDoorReducers, frontDoorTransitions } from './rules.ts';
import { undecidedContactsOf, type ContactState, type FrontDoorState } from './state.ts';
import { frontDoorTimescaleRules } from './timescales.ts';

export const frontDoorModule = defineDomainModule({
  id: 'front-door',
  title: 'The front door (MASH)',
  events: frontDoorEvents,
  initialState: (): FrontDoorState => ({ contacts: [] }),
  reducers: frontDoorReducers,
  transitions: frontDoorTransitions,
  involvementsOf: (state: FrontDoorState) => {
    const awaiting = undecidedContactsOf(state);
    return awaiting.length === 0 ? [] : [{ kind: 'contact', label: 'Contact awaiting a decision', since: awaiting[0]!.receivedOn, rank: 1 }];
  },
  reportSections: frontDoorReportSections,
  retention: frontDoorRetention,
  readModel: FrontDoorReadModel,
  summaryOf: (state: FrontDoorState) => ({ contacts: state.contacts }),
  timescales: frontDoorTimescaleRules,
  metrics: frontDoorMetrics,
  unavailableMetrics: frontDoorUnavailableMetrics,
  dimensions: frontDoorDimensions,
  simulator: frontDoorSimulator,
  projections: frontDoorProjections,
  partnerSharingOf: frontDoorPartnerSharing,
});

export { referralToSocialCare, undecidedContactsOf, type ContactState, type FrontDoorState, type SimulatedReferral };
export * from './events.ts';
