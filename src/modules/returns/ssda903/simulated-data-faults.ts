/**
 * The SSDA903 return's deliberate data-entry slips in the synthetic borough (see
 * ../simulated-data-fault.ts): each something the record accepts, as a worker could type it, that
 * one of DfE's rules flags in the return.
 */
import type { SimulatedChild } from '../../../simulate/simulator-behaviour.ts';
import { faultDrawOf, type SimulatedDataFault } from '../simulated-data-fault.ts';

/** Placement types whose postcode may be the home's: placed with parents (P1). Temporary moves have no provider to mistype. */
const PLACED_AT_HOME = new Set(['P1']);
const TEMPORARY = /^T\d$/;

/**
 * 392d: the child's home postcode typed in as the placement's when they first became looked after,
 * in a placement other than with their parents.
 */
const homePostcodeAsPlacementPostcode: SimulatedDataFault = {
  code: '392d',
  description: 'The home postcode entered as the placement\'s postcode when the child became looked after',
  plannedFor: (childId) => faultDrawOf(childId, '392d') < 40,
  inject: (child: SimulatedChild) => {
    const started = child.events.filter((event) => event.type === 'looked-after.started').at(-1);
    if (started === undefined) return false;
    const home = started.data.homePostcode;
    const placement = started.data.placement as { type: string; postcode?: string } | undefined;
    if (typeof home !== 'string' || placement === undefined || PLACED_AT_HOME.has(placement.type) || TEMPORARY.test(placement.type)) return false;
    started.data = { ...started.data, placement: { ...placement, postcode: home } };
    return true;
  },
};

export const ssda903SimulatedDataFaults: readonly SimulatedDataFault[] = [homePostcodeAsPlacementPostcode];
