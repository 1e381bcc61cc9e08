/**
 * The returns' part in the synthetic borough: what its records need for the statutory returns
 * beyond the casework. A child first known before school age is registered without a unique pupil
 * number (UN1); when the council next records anything for them after they start school, the
 * record is brought up to date with the UPN their school allocated, as a worker updating the
 * child's details would. It draws from random streams of its own and runs after every other
 * module, so every other record of a seeded borough stays as it was. And it makes the data-entry
 * slips each return's validation must find (simulated-data-fault.ts), in the children planned for them.
 */
import { dayOf, isoOf } from '../../simulate/dates.ts';
import type { Journey, SimulatedChild, SimulatorBehaviour, Family } from '../../simulate/simulator-behaviour.ts';
import { schoolStartOn, simulatedUpn } from '../people/index.ts';
import { cinSimulatedDataFaults } from './cin/simulated-data-faults.ts';
import { ssda903SimulatedDataFaults } from './ssda903/simulated-data-faults.ts';

/** Every return's deliberate data-entry slips, each tied to the DfE rule that must find it. */
export const simulatedDataFaults = [...cinSimulatedDataFaults, ...ssda903SimulatedDataFaults];

function bringPupilNumbersUpToDate(journey: Journey, family: Family): void {
  for (const child of family.children) {
    updatePupilNumber(journey, child);
    for (const fault of simulatedDataFaults) if (fault.plannedFor(child.childId)) fault.inject(child);
  }
}

function updatePupilNumber(journey: Journey, child: SimulatedChild): void {
  const registered = child.events.find((event) => event.type === 'child.registered');
  if (registered === undefined || registered.data.upnUnknown !== 'UN1') return;
  const startsSchool = schoolStartOn(isoOf(child.birthDay));
  const startDay = dayOf(startsSchool);
  const nextRecorded = child.events.filter((event) => event.day >= startDay).sort((a, b) => a.day - b.day)[0];
  if (nextRecorded === undefined || nextRecorded.day >= journey.window.end) return;
  journey.addEvent(child, 'child.details-changed', nextRecorded.day, { upn: simulatedUpn(journey.borough.laCode, child.childId, startsSchool) });
}

export const returnsSimulator: SimulatorBehaviour<object> = {
  ownRandomStream: true,
  runsLast: true,
  beginsJourneys: () => bringPupilNumbersUpToDate,
};
