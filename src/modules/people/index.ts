/**
 * People: the child (registration and details), their family network (relationships, households)
 * and the workforce allocated to them. Every other module starts from a registered child.
 */
import { DomainError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { defineDomainModule } from '../domain-module.ts';
import { peopleEvents } from './events.ts';
import { peopleMetrics, peopleUnavailableMetrics } from './metrics.ts';
import { PeopleReadModel } from './read-model.ts';
import { peopleProjections } from './projections.ts';
import { peopleReducers, peopleTransitions } from './rules.ts';
import { childRegistration, peopleSimulator } from './simulator.ts';
import { currentAllocationOf, isRegistered, type PeopleState } from './state.ts';
import { assertAllocationReferences, findImportedAllocationProblems, workforceReferenceRecords } from './workforce.ts';

function refuseMergeEventsFromTheApi(context: RequestContext): void {
  if (context.access) throw new DomainError('forbidden', 'Records are merged, and merges undone, from the merge page: Merge a duplicate record');
}

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
    event: {
      'allocation.started': (db, event, context) => assertAllocationReferences(db, context.laCode, { ...event.data, on: event.occurredOn }),
      // A merge copies events between records and is undone as a whole: only the merge service
      // (src/modules/identity/merges.ts) records these, never the events API.
      'child.merged-into': async (_db, _event, context) => refuseMergeEventsFromTheApi(context),
      'child.merge-reversed': async (_db, _event, context) => refuseMergeEventsFromTheApi(context),
    },
    imported: findImportedAllocationProblems,
  },
  referenceRecords: workforceReferenceRecords,
});

export { childRegistration, currentAllocationOf, isRegistered, type PeopleState };
export * from './events.ts';
export { identityMatchScore, searchKeysOf } from './name-matching.ts';
export { permanentUpn, schoolStartOn, simulatedUpn, upnCheckLetter } from './upn.ts';
