/**
 * Management oversight and approval: a worker submits an assessment, a plan or a closure for a
 * manager's authorisation; a manager authorises it (the authorisation date is the date the
 * statutory returns use) or returns it with comments, and the worker corrects the underlying
 * record and submits it again. Managers record their oversight at decision points. Each step is
 * an event on the child's record, so it is audited, shown in the chronology and kept with the record.
 *
 * Where the returns find an assessment's authorisation date: `assessmentAuthorisedOn` (state.ts)
 * from a folded record, `managementOversight.items[].authorisedOn` in the record's read model
 * (read-model.ts), and `authorisation.authorised_on` in the projection (projections.ts).
 */
import { defineDomainModule } from '../domain-module.ts';
import { managementOversightChecks } from './checks.ts';
import { managementOversightEvents } from './events.ts';
import { managementOversightProjections } from './projections.ts';
import { ManagementOversightReadModel } from './read-model.ts';
import { managementOversightSummaryOf } from './summary.ts';
import { managementOversightReducers, managementOversightTransitions, type ManagementOversightView } from './rules.ts';
import { managementOversightSimulator } from './simulator.ts';
import { assessmentAuthorisedOn, authorisationOf, type AuthorisationState, type ManagementOversightState } from './state.ts';

export const managementOversightModule = defineDomainModule({
  id: 'management-oversight',
  title: 'Management oversight and approval',
  events: managementOversightEvents,
  initialState: (): ManagementOversightState => ({ authorisations: [], managementOversight: [] }),
  reducers: managementOversightReducers,
  transitions: managementOversightTransitions,
  readModel: ManagementOversightReadModel,
  summaryOf: (state: ManagementOversightView) => ({ managementOversight: managementOversightSummaryOf(state) }),
  projections: managementOversightProjections,
  checksBeforeWrite: managementOversightChecks,
  simulator: managementOversightSimulator,
});

export { assessmentAuthorisedOn, authorisationOf, type AuthorisationState, type ManagementOversightState };
export * from './events.ts';
