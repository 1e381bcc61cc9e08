/**
 * The front door (MASH): contacts about a child, the partner agencies' checks, and the decision
 * on each: no further action, advice, early help or a referral to children's social care.
 */
import { defineDomainModule } from '../domain-module.ts';
import { frontDoorEvents } from './events.ts';
import { frontDoorProjections } from './projections.ts';
import { frontDoorPartnerSharing, frontDoorReducers, frontDoorTransitions } from './rules.ts';
import { undecidedContactsOf, type ContactState, type FrontDoorState } from './state.ts';

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
  summaryOf: (state: FrontDoorState) => ({ contacts: state.contacts }),
  projections: frontDoorProjections,
  partnerSharingOf: frontDoorPartnerSharing,
});

export { undecidedContactsOf, type ContactState, type FrontDoorState };
export * from './events.ts';
