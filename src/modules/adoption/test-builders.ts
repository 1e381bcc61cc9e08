/**
 * Small named builders of a child's logged events for the adoption tests: each takes the business
 * date first and the data that matters to the test, with everything else filled in; and a
 * looked-after part of the state built by hand (`periodOfCare`), for the checks against the
 * looked-after record.
 *
 *   const log = [registered(), decided('2023-03-01'), orderGranted('2023-06-01'), matched('2023-08-01')];
 */
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';
import type { PeriodOfCareState, PlacementType } from '../looked-after/index.ts';

export const LA_CODE = '206';
export const CHILD_ID = 'AD1';

let sequence = 0;

export function logged(type: string, occurredAt: string, data: Record<string, unknown> = {}, extra: Partial<LoggedEvent> = {}): LoggedEvent {
  sequence += 1;
  return {
    type, occurredAt, data, eventId: `00000000-0000-4000-8000-${sequence.toString().padStart(12, '0')}`, sequence,
    recordedAt: '2030-01-01T12:00:00Z', ...extra,
  } as LoggedEvent;
}

export const registered = (details: Record<string, unknown> = {}, on = '2021-06-01') =>
  logged('child.registered', on, { forename: 'Ada', surname: 'Okafor', dateOfBirth: '2021-05-20', sex: 'F', ethnicity: 'BAFR', disabilities: ['NONE'], unaccompaniedAsylumSeeking: false, ...details });

/** The looked-after record's events, as that module's schemas take them. */
export const startedCare = (on: string, type = 'U6', legalStatus = 'C1') =>
  logged('looked-after.started', on, { legalStatus, categoryOfNeed: 'N1', placement: { type, provider: 'PR1' }, unaccompaniedAsylumSeeking: false });
export const legalStatusChanged = (on: string, legalStatus: string) => logged('looked-after.legal-status-changed', on, { legalStatus });
export const placementChanged = (on: string, type: string) =>
  logged('looked-after.placement-changed', on, { placement: { type, provider: 'PR1' }, sameCarer: false, reason: 'CARPL' });
export const careCeased = (on: string, reason: string) => logged('looked-after.ceased', on, { reason });

/** A child registered and looked after from 1 June 2021. */
export const lookedAfterChild = () => [registered(), startedCare('2021-06-01')];

export const decided = (on: string, data: Record<string, unknown> = {}) => logged('adoption.decision-to-place', on, { decisionMakerWorkerId: 'W0009', ...data });
export const orderApplied = (on: string, data: Record<string, unknown> = {}) => logged('adoption.placement-order-applied', on, data);
export const orderGranted = (on: string, data: Record<string, unknown> = {}) => logged('adoption.placement-order-granted', on, data);
export const matched = (on: string, data: Record<string, unknown> = {}) =>
  logged('adoption.matched', on, { adoptersSex: 'MF', adoptersLegalStatus: 'L11', fosterCarers: false, ...data });
export const placed = (on: string, placement = 'A6') => logged('adoption.placed', on, { placement });
export const adopted = (on: string, data: Record<string, unknown> = {}) => logged('adoption.order-granted', on, data);
export const reversed = (on: string, reason = 'RD1') => logged('adoption.decision-reversed', on, { reason });
export const specialGuardianship = (on: string, data: Record<string, unknown> = {}) =>
  logged('adoption.special-guardianship-order-made', on, { relativeOrFriend: true, formerFosterCarers: false, ...data });
export const childArrangements = (on: string, data: Record<string, unknown> = {}) =>
  logged('adoption.child-arrangements-order-made', on, { relativeOrFriend: true, formerFosterCarers: false, ...data });
export const previousPermanence = (on: string, data: Record<string, unknown> = {}) =>
  logged('adoption.previous-permanence-recorded', on, { previousPermanence: 'Z1', ...data });

export const foldOf = (events: readonly LoggedEvent[], childId = CHILD_ID) => foldChildRecord(LA_CODE, childId, events);

/**
 * A baby looked after from 1 June 2021: the decision to place on 1 October 2021, the placement
 * order applied for in November and made on 1 February 2022 (legal status E1), matched on 1 May,
 * placed on 1 June (placement A6) and adopted on 1 December 2022, when the period of care ceased (E11).
 */
export function adoptedJourney(): LoggedEvent[] {
  return [
    ...lookedAfterChild(), decided('2021-10-01'), orderApplied('2021-11-15'), orderGranted('2022-02-01'), legalStatusChanged('2022-02-01', 'E1'),
    matched('2022-05-01'), placementChanged('2022-06-01', 'A6'), placed('2022-06-01'), adopted('2022-12-01'), careCeased('2022-12-01', 'E11'),
  ];
}

/** A period of care as the looked-after record keeps it, built by hand: placements by type and start day, the last open unless `ceasedOn`. */
export function periodOfCare(startedOn: string, placements: [PlacementType, string][], ended?: { ceasedOn: string; reason: 'E11' | 'E12' | 'E45' | 'E4A' }): PeriodOfCareState {
  const episodes = placements.map(([type, on], index) => ({
    episodeId: `episode-${index + 1}`, startedOn: on, reasonForNewEpisode: index === 0 ? 'S' as const : 'P' as const, legalStatus: 'C2' as const, categoryOfNeed: 'N1',
    placement: { placementId: `placement-${index + 1}`, type, weeklyCosts: [] },
    ...(index < placements.length - 1 ? { endedOn: placements[index + 1]![1], reasonEpisodeCeased: 'X1' as const } : ended ? { endedOn: ended.ceasedOn, reasonEpisodeCeased: ended.reason } : {}),
  }));
  return {
    periodId: 'period-1', startedOn, unaccompaniedAsylumSeeking: false, episodes, secureAccommodationOrders: [],
    ...(ended ? { ceasedOn: ended.ceasedOn, reasonCeased: ended.reason } : {}),
  };
}
