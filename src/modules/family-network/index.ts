/**
 * The family network: the parents, carers and significant adults around a child as people in their
 * own right, the professionals working with the child, the record's flags, and the child's
 * addresses over time, with the household they share.
 *
 * Why it is built as it is:
 * - Adults are not children with event logs. What is known of an adult (name, date of birth,
 *   address, contact details, interpreter, professional involved) is kept in versioned rows
 *   (family_adult_version, migration 0030): each change a new version with its reason, who made it
 *   and when, never an update. network-repository.ts reads and writes them.
 * - Who an adult is to a child is the child's event: the people module's `relationship.recorded`,
 *   naming the adult's person id, with parental responsibility (for that child) and whether they
 *   live with the child. So a link is audited, restricted with the child's record, corrected or
 *   voided like any entry, and the people module's projection (child_relationship) finds an adult's
 *   children. An adult is visible to whoever may see one of the children they are linked to, and
 *   reading an adult, a child's network or a household is audited as a read of each child shown.
 *   Partner agencies are given the partner view of a shared record, which leaves the network out.
 * - The professionals around the child (`professional.recorded`/`ended`), the record's flags
 *   (`flag.raised`/`removed`, with reasons and dates, shown in the record's header) and moves
 *   (`address.changed`) are this module's child events, for the same reasons. A household's move
 *   is asked for once and recorded on each child of the household with one move id, and as a new
 *   version of each adult living there; every child must be in the reader's sight before any is moved.
 */
import { defineDomainModule } from '../domain-module.ts';
import { familyNetworkEvents } from './events.ts';
import { familyNetworkProjections } from './projections.ts';
import { FamilyNetworkReadModel, familyNetworkSummaryOf } from './read-model.ts';
import { familyNetworkReducers, familyNetworkTransitions, type FamilyNetworkView } from './rules.ts';
import { familyNetworkSimulator } from './simulator.ts';
import { activeFlagsOf, currentAddressOf, currentProfessionalsOf, type FamilyNetworkState } from './state.ts';
import { familyAdultReferenceRecords } from './reference-records.ts';

export const familyNetworkModule = defineDomainModule({
  id: 'family-network',
  title: 'The family network: adults, professionals, flags and addresses',
  events: familyNetworkEvents,
  initialState: (): FamilyNetworkState => ({ professionals: [], flags: [], addresses: [] }),
  reducers: familyNetworkReducers,
  transitions: familyNetworkTransitions,
  readModel: FamilyNetworkReadModel,
  summaryOf: (state: FamilyNetworkView) => familyNetworkSummaryOf(state),
  projections: familyNetworkProjections,
  simulator: familyNetworkSimulator,
  referenceRecords: familyAdultReferenceRecords,
});

export { activeFlagsOf, currentAddressOf, currentProfessionalsOf, type FamilyNetworkState };
export * from './events.ts';
