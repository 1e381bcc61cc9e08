/**
 * Small named builders of a child's logged events for the looked-after tests: each takes the
 * business date first and the data that matters to the test, with everything else filled in.
 *
 *   const log = [registered(), started('2024-01-08'), placementChanged('2024-03-01')];
 *   const { state } = foldOf(log);
 */
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';

export const LA_CODE = '206';
export const CHILD_ID = 'LA1';

let sequence = 0;

/** An event as the log holds it, numbered in the order built (recorded later than any business date used). */
export function logged(type: string, occurredAt: string, data: Record<string, unknown> = {}, extra: Partial<LoggedEvent> = {}): LoggedEvent {
  sequence += 1;
  return {
    type, occurredAt, data, eventId: `00000000-0000-4000-8000-${sequence.toString().padStart(12, '0')}`, sequence,
    recordedAt: '2030-01-01T12:00:00Z', ...extra,
  } as LoggedEvent;
}

export const registered = (details: Record<string, unknown> = {}, on = '2015-01-02') =>
  logged('child.registered', on, { forename: 'Sami', surname: 'Okafor', dateOfBirth: '2010-05-04', sex: 'M', ethnicity: 'BAFR', disabilities: ['NONE'], unaccompaniedAsylumSeeking: false, ...details });

/** An in-house foster placement with a carer in the borough (N7), £520 a week. */
export const inHouseFostering = { type: 'U6', provider: 'PR1', ofstedUrn: 'XXXXXXX', postcode: 'N7 8AB', weeklyCost: 520 };
/** An independent fostering agency's placement in Kent (ME14), £1,050 a week. */
export const agencyFosteringInKent = { type: 'U6', provider: 'PR4', ofstedUrn: 'SC12345', postcode: 'ME14 1AA', weeklyCost: 1050 };

export const started = (on: string, data: Record<string, unknown> = {}) =>
  logged('looked-after.started', on, { legalStatus: 'V2', categoryOfNeed: 'N1', placement: inHouseFostering, homePostcode: 'N1 2AB', unaccompaniedAsylumSeeking: false, ...data });

export const legalStatusChanged = (on: string, legalStatus: string, data: Record<string, unknown> = {}) =>
  logged('looked-after.legal-status-changed', on, { legalStatus, ...data });

export const placementChanged = (on: string, data: Record<string, unknown> = {}) =>
  logged('looked-after.placement-changed', on, { placement: agencyFosteringInKent, sameCarer: false, reason: 'CARPL', ...data });

export const ceased = (on: string, reason = 'E4A', data: Record<string, unknown> = {}) => logged('looked-after.ceased', on, { reason, ...data });

export const uascStatusCeased = (on: string) => logged('looked-after.uasc-status-ceased', on, {});

export const costChanged = (on: string, weeklyCost: number) => logged('looked-after.placement-cost-changed', on, { weeklyCost });

export const secureOrder = (on: string, data: Record<string, unknown> = {}) =>
  logged('looked-after.secure-accommodation-order-made', on, { endsOn: '2099-01-01', reasons: ['Going missing and at risk of sexual exploitation'], ...data });

export const foldOf = (events: readonly LoggedEvent[], childId = CHILD_ID) => foldChildRecord(LA_CODE, childId, events);
