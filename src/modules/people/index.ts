/**
 * People: the child (registration and details), their family network (relationships, households)
 * and the workforce allocated to them. Every other module starts from a registered child.
 */
import { defineDomainModule } from '../domain-module.ts';
import { peopleEvents } from './events.ts';
import { peopleMetrics, peopleUnavailableMetrics } from './metrics.ts';
import { PeopleReadModel } from './read-model.ts';
import { peopleProjections } from './projections.ts';
import { peopleReducers, peopleTransitions } from './rules.ts';
import { childRegistration, peopleSimulator } from './simulator.ts';
import { currentAllocationOf, isRegistered, type PeopleState } from './state.ts';
import { assertAllocationReferences, findImportedAllocationProblems, workforceReferenceRecords } from './workforce.ts';

export const peopleModule = defineDomainModule({
  id: 'people',
  title: 'The child, their network and who works with them',
  events: peopleEvents,
  initialState: (): PeopleState => ({ relationships: [], households: [], allocations: [] }),
  reducers: peopleReducers,
  transitions: peopleTransitions,
  readModel: PeopleReadModel,
  summaryOf: (state: PeopleState) => ({
    details: state.details,
    allocation: currentAllocationOf(state) ?? null,
    relationships: state.relationships,
    households: state.households,
    allocations: state.allocations,
  }),
  metrics: peopleMetrics,
  unavailableMetrics: peopleUnavailableMetrics,
  simulator: peopleSimulator,
  projections: peopleProjections,
  checksBeforeWrite: {
    // A child allocated to a team or worker that does not exist would be hidden from their managers.
    event: { 'allocation.started': (db, event, context) => assertAllocationReferences(db, context.laCode, { ...event.data, on: event.occurredOn }) },
    imported: findImportedAllocationProblems,
  },
  referenceRecords: workforceReferenceRecords,
});

export { childRegistration, currentAllocationOf, isRegistered, type PeopleState };
export * from './events.ts';
