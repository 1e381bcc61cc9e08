/**
 * Statutory returns: the CIN census, SSDA903 and Ofsted's Annex A, produced from the record, and
 * any council's returns validated with DfE's rules all year round. A module of its own with no
 * events: it reads every other module's state (child-state.ts) and records nothing. Its engine,
 * API and command line (service.ts, routes.ts, cli.ts) are reached from the composition root, not
 * from here, since they fold records and the fold reads the registry this module is listed in.
 */
import { defineDomainModule } from '../domain-module.ts';
import { returnsSimulator } from './simulator.ts';

export const returnsModule = defineDomainModule({
  id: 'returns',
  title: 'Statutory returns',
  events: [],
  initialState: () => ({}),
  reducers: {},
  transitions: {},
  simulator: returnsSimulator,
});
