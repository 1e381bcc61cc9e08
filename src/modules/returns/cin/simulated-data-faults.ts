/**
 * The cin return's deliberate data-entry slips in the synthetic borough (see ../simulated-data-fault.ts).
 * Each is something a worker keys in that the record accepts (its schemas check a UPN's shape, not
 * its check letter, and take any list of disability codes) but DfE's census validation flags.
 */
import type { SimulatedChild, SimulatedEvent } from '../../../simulate/simulator-behaviour.ts';
import { faultDrawOf, type SimulatedDataFault } from '../simulated-data-fault.ts';

const registrationOf = (child: SimulatedChild): SimulatedEvent | undefined => child.events.find((event) => event.type === 'child.registered');

/** The events that record a UPN for the child: their registration and any change of details giving one. */
const eventsWithUpn = (child: SimulatedChild): SimulatedEvent[] =>
  child.events.filter((event) => (event.type === 'child.registered' || event.type === 'child.details-changed') && typeof event.data.upn === 'string');

/**
 * Two neighbouring digits of the UPN's serial (characters 7 to 12) keyed the wrong way round: the
 * check letter no longer fits. Swapping digits a and b at neighbouring positions changes the check
 * sum by a − b, never a multiple of 23, so the slip is always caught; the LA code is left alone.
 */
function withSerialDigitsSwapped(upn: string): string | undefined {
  for (let at = 6; at < 11; at++) {
    if (upn[at] !== upn[at + 1]) return `${upn.slice(0, at)}${upn[at + 1]}${upn[at]}${upn.slice(at + 2)}`;
  }
  return undefined;
}

const upnDigitsSwapped: SimulatedDataFault = {
  code: '1510',
  description: "Two digits of the child's UPN typed the wrong way round, so its check letter does not fit",
  plannedFor: (childId) => faultDrawOf(childId, '1510') < 4,
  inject: (child) => {
    const recorded = eventsWithUpn(child);
    let applied = false;
    // Every time the UPN was recorded it was copied from the same mistyped note.
    for (const event of recorded) {
      const swapped = withSerialDigitsSwapped(event.data.upn as string);
      if (swapped === undefined) continue;
      event.data = { ...event.data, upn: swapped };
      applied = true;
    }
    return applied;
  },
};

const disabilityAndNone: SimulatedDataFault = {
  code: '8790',
  description: 'A disability ticked at registration as well as "no disability"',
  plannedFor: (childId) => faultDrawOf(childId, '8790') < 6,
  inject: (child) => {
    const registered = registrationOf(child);
    const disabilities = registered?.data.disabilities;
    if (registered === undefined || !Array.isArray(disabilities) || disabilities.join() !== 'NONE') return false;
    registered.data = { ...registered.data, disabilities: ['NONE', 'LD'] };
    return true;
  },
};

const disabilityTwice: SimulatedDataFault = {
  code: '8794',
  description: "A disabled child's disability entered twice at registration",
  // Only a disabled child (about 1 in 20) can have the slip: planned for more, it happens to about 1 in 200.
  plannedFor: (childId) => faultDrawOf(childId, '8794') < 100,
  inject: (child) => {
    const registered = registrationOf(child);
    const disabilities = registered?.data.disabilities;
    if (registered === undefined || !Array.isArray(disabilities)) return false;
    const first = (disabilities as string[]).find((code) => code !== 'NONE');
    if (first === undefined) return false;
    registered.data = { ...registered.data, disabilities: [...(disabilities as string[]), first] };
    return true;
  },
};

const noFurtherActionUpnReason: SimulatedDataFault = {
  code: '8772',
  description: 'A young child registered with UPN reason UN7 (referral with no further action) though the referral went on to an assessment',
  plannedFor: (childId) => faultDrawOf(childId, '8772') < 4,
  inject: (child) => {
    const registered = registrationOf(child);
    if (registered === undefined || registered.data.upnUnknown !== 'UN1') return false;
    // UN7 is a reason of the CIN census only: a child who is looked after is left to the SSDA903's own slips.
    if (child.events.some((event) => event.type === 'looked-after.started')) return false;
    registered.data = { ...registered.data, upnUnknown: 'UN7' };
    return true;
  },
};

export const cinSimulatedDataFaults: readonly SimulatedDataFault[] = [upnDigitsSwapped, disabilityAndNone, disabilityTwice, noFurtherActionUpnReason];
