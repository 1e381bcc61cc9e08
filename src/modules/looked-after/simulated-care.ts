/**
 * The care history of a simulated child, read back from the events the looked-after simulator
 * added: what the simulators of care planning, adoption, youth justice and care leavers build on
 * (each runs after this module's journeys, on a random stream of its own).
 */
import type { Day } from '../../simulate/dates.ts';
import type { SimulatedChild } from '../../simulate/simulator-behaviour.ts';
import type { LegalStatus, PlacementType, ReasonEpisodeCeased } from './codes.ts';

export interface SimulatedPeriodOfCare {
  startedDay: Day;
  /** Infinity while still looked after at the end of the run. */
  ceasedDay: Day;
  reasonCeased?: ReasonEpisodeCeased;
  unaccompaniedAsylumSeeking: boolean;
  /** Each placement's first day and type, in order (the first on `startedDay`). */
  placements: { day: Day; type: PlacementType }[];
  /** Each legal status from its first day, in order. */
  legalStatuses: { day: Day; legalStatus: LegalStatus }[];
}

interface PlacementData { type: PlacementType }

/** The child's periods of care, oldest first, from the looked-after events among the child's simulated events. */
export function simulatedCareOf(child: SimulatedChild): SimulatedPeriodOfCare[] {
  const events = child.events.filter((event) => event.type.startsWith('looked-after.')).sort((a, b) => a.day - b.day || a.push - b.push);
  const periods: SimulatedPeriodOfCare[] = [];
  for (const event of events) {
    const open = periods.at(-1)?.ceasedDay === Infinity ? periods.at(-1) : undefined;
    const data = event.data as { legalStatus?: LegalStatus; placement?: PlacementData; reason?: ReasonEpisodeCeased; unaccompaniedAsylumSeeking?: boolean };
    if (event.type === 'looked-after.started') {
      periods.push({
        startedDay: event.day, ceasedDay: Infinity, unaccompaniedAsylumSeeking: data.unaccompaniedAsylumSeeking ?? false,
        placements: [{ day: event.day, type: data.placement!.type }], legalStatuses: [{ day: event.day, legalStatus: data.legalStatus! }],
      });
    } else if (open) {
      if (data.legalStatus) open.legalStatuses.push({ day: event.day, legalStatus: data.legalStatus });
      if (event.type === 'looked-after.placement-changed' && data.placement) open.placements.push({ day: event.day, type: data.placement.type });
      if (event.type === 'looked-after.ceased') {
        open.ceasedDay = event.day;
        open.reasonCeased = data.reason;
      }
    }
  }
  return periods;
}

/** The period of care the child was in on the day, if any. */
export const simulatedPeriodOn = (child: SimulatedChild, day: Day): SimulatedPeriodOfCare | undefined =>
  simulatedCareOf(child).find((period) => period.startedDay <= day && day < period.ceasedDay);
