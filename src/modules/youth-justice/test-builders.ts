/**
 * Small named builders of a child's logged events for the youth justice tests: each takes the
 * business date first and the data that matters to the test, with everything else filled in.
 */
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';

export const LA_CODE = '206';
export const CHILD_ID = 'YJ1';

let sequence = 0;

/** An event as the log holds it, numbered in the order built (recorded later than any business date used). */
export function logged(type: string, occurredAt: string, data: Record<string, unknown> = {}, extra: Partial<LoggedEvent> = {}): LoggedEvent {
  sequence += 1;
  return {
    type, occurredAt, data, eventId: `00000000-0000-4000-9000-${sequence.toString().padStart(12, '0')}`, sequence,
    recordedAt: '2030-01-01T12:00:00Z', ...extra,
  } as LoggedEvent;
}

/** A boy born on 4 May 2008: 10 on 4 May 2018, 18 on 4 May 2026. */
export const registered = (details: Record<string, unknown> = {}, on = '2020-01-06') =>
  logged('child.registered', on, { forename: 'Kai', surname: 'Mensah', dateOfBirth: '2008-05-04', sex: 'M', ethnicity: 'BAFR', disabilities: ['NONE'], unaccompaniedAsylumSeeking: false, ...details });

export const involvementStarted = (on: string, reason = 'court-order') => logged('youth-justice.involvement-started', on, { reason });
export const involvementEnded = (on: string, reason = 'order-completed') => logged('youth-justice.involvement-ended', on, { reason });
export const workerAllocated = (on: string, workerId = 'W0101') => logged('youth-justice.worker-allocated', on, { workerId });

export const outcome = (on: string, data: Record<string, unknown> = {}) =>
  logged('youth-justice.offence-outcome-recorded', on, { offenceOn: on, outcome: 'youth-caution', ...data });
export const convicted = (on: string, data: Record<string, unknown> = {}) =>
  outcome(on, { outcome: 'conviction', court: 'Highbury Corner Youth Court', sentence: 'referral-order', ...data });

export const orderMade = (on: string, endsOn: string, data: Record<string, unknown> = {}) =>
  logged('youth-justice.court-order-made', on, { order: 'referral-order', court: 'Highbury Corner Youth Court', endsOn, ...data });
export const orderEnded = (on: string, data: Record<string, unknown> = {}) => logged('youth-justice.court-order-ended', on, { reason: 'completed', ...data });

export const remanded = (on: string, remandType = 'youth-detention-accommodation') =>
  logged('youth-justice.remanded', on, { court: 'Highbury Corner Youth Court', remandType });
export const remandEnded = (on: string, reason = 'sentenced') => logged('youth-justice.remand-ended', on, { reason });

export const paceTransferred = (on: string, data: Record<string, unknown> = {}) => logged('youth-justice.pace-transferred', on, { policeStation: 'Islington', ...data });

export const jointMeeting = (on: string, data: Record<string, unknown> = {}) =>
  logged('youth-justice.joint-meeting-held', on, {
    kind: 'joint-supervision', decisions: 'Keep the placement; the youth justice worker to visit with the social worker weekly.',
    attendees: [{ role: 'social-worker', workerId: 'W0001' }, { role: 'youth-justice-worker', workerId: 'W0101' }], ...data,
  });

/** A looked-after period with one episode, as helper modules' tests build it by hand (the contract's events). */
const fosterPlacement = { type: 'U6', provider: 'PR1', ofstedUrn: 'XXXXXXX', postcode: 'N7 8AB' };
export const lookedAfterStarted = (on: string, legalStatus = 'C2', placement: Record<string, unknown> = fosterPlacement) =>
  logged('looked-after.started', on, { legalStatus, categoryOfNeed: 'N1', placement, homePostcode: 'N19 3AA', unaccompaniedAsylumSeeking: false });
export const legalStatusChanged = (on: string, legalStatus: string) => logged('looked-after.legal-status-changed', on, { legalStatus });
export const lookedAfterCeased = (on: string, reason = 'E4A') => logged('looked-after.ceased', on, { reason });
/** A placement in a children's home, for breakdowns by placement. */
export const childrensHome = { type: 'K2', provider: 'PR4', ofstedUrn: 'SC12345', postcode: 'N7 8AB' };

export const foldOf = (events: readonly LoggedEvent[], childId = CHILD_ID) => foldChildRecord(LA_CODE, childId, events);
