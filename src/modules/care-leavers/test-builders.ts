/**
 * Small named builders of a young person's logged events for the care leavers tests: each takes the
 * business date first and the data that matters to the test, with everything else filled in.
 *
 *   const log = [registered(), inCare('2022-01-10'), leftCare('2024-06-01'), eligibility('2024-06-03', 'relevant')];
 *   const { state } = foldOf(log);
 */
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';

export const LA_CODE = '206';
export const CHILD_ID = 'CL1';
/** Every young person of these tests was born on 4 May 2007: 14 on 4 May 2021, 16 in 2023, 18 in 2025. */
export const DATE_OF_BIRTH = '2007-05-04';

let sequence = 0;

/** An event as the log holds it, numbered in the order built (recorded later than any business date used). */
export function logged(type: string, occurredAt: string, data: Record<string, unknown> = {}, extra: Partial<LoggedEvent> = {}): LoggedEvent {
  sequence += 1;
  return {
    type, occurredAt, data, eventId: `00000000-0000-4000-8000-${sequence.toString().padStart(12, '0')}`, sequence,
    recordedAt: '2030-01-01T12:00:00Z', ...extra,
  } as LoggedEvent;
}

export const registered = (details: Record<string, unknown> = {}, on = '2019-01-02') =>
  logged('child.registered', on, { forename: 'Ayo', surname: 'Mensah', dateOfBirth: DATE_OF_BIRTH, sex: 'F', ethnicity: 'BAFR', disabilities: ['NONE'], unaccompaniedAsylumSeeking: false, ...details });

/** Becomes looked after in an in-house foster placement (U4 unless given). */
export const inCare = (on: string, data: Record<string, unknown> = {}) =>
  logged('looked-after.started', on, {
    legalStatus: 'C2', categoryOfNeed: 'N1', placement: { type: 'U4', provider: 'PR1', ofstedUrn: 'XXXXXXX', postcode: 'N7 8AB' }, unaccompaniedAsylumSeeking: false, ...data,
  });

export const leftCare = (on: string, reason = 'E5') => logged('looked-after.ceased', on, { reason });

export const eligibility = (on: string, category: string, data: Record<string, unknown> = {}) =>
  logged('care-leavers.eligibility-recorded', on, { category, ...data });
export const adviserAllocated = (on: string, workerId = 'W0101') => logged('care-leavers.personal-adviser-allocated', on, { workerId, teamId: 'T-LC' });
export const pathwayPlan = (on: string, participation = 'attended') => logged('care-leavers.pathway-plan-made', on, { participation });
export const pathwayReview = (on: string, participation = 'attended', data: Record<string, unknown> = {}) =>
  logged('care-leavers.pathway-plan-reviewed', on, { participation, ...data });
export const birthdayContact = (on: string, data: Record<string, unknown> = {}) =>
  logged('care-leavers.birthday-contact-recorded', on, { inTouch: 'YES', activity: 'F2', accommodation: 'D', accommodationSuitable: true, ...data });
export const adviserContact = (on: string, method = 'face-to-face') => logged('care-leavers.personal-adviser-contact-made', on, { method });
export const moved = (on: string, data: Record<string, unknown> = {}) => logged('care-leavers.accommodation-changed', on, { accommodation: 'U', suitable: true, ...data });
export const stayingPut = (on: string) => logged('care-leavers.staying-put-started', on, { carerName: 'Joan Pike' });
export const stayingPutEnded = (on: string) => logged('care-leavers.staying-put-ended', on, {});
export const lifelongLinks = (on: string, outcome?: string) => logged('care-leavers.lifelong-links-referred', on, outcome ? { outcome } : {});
export const supportEnded = (on: string, reason = 'no-longer-requires') => logged('care-leavers.support-ended', on, { reason });

export const foldOf = (events: readonly LoggedEvent[], childId = CHILD_ID) => foldChildRecord(LA_CODE, childId, events);

/**
 * A care leaver's journey: looked after from 1 March 2021 (aged 13) in foster care, eligible at 16
 * (4 May 2023), a pathway plan, left care on her 18th birthday (4 May 2025) to stay put with her
 * foster carers, a personal adviser, reviews, contacts and her birthday contacts at 17 and 18.
 */
export function careLeaverJourney(): LoggedEvent[] {
  return [
    registered(),
    inCare('2021-03-01'),
    eligibility('2023-05-04', 'eligible'),
    adviserAllocated('2023-05-10'),
    pathwayPlan('2023-07-20'),
    pathwayReview('2024-01-15'),
    birthdayContact('2024-04-20', { accommodation: 'C', accommodationSuitable: true, activity: 'F2' }),
    pathwayReview('2024-07-10', 'did-not-participate'),
    adviserContact('2024-08-01'),
    pathwayReview('2025-01-08', 'views-given'),
    leftCare('2025-05-04', 'E17'),
    eligibility('2025-05-04', 'former-relevant'),
    stayingPut('2025-05-04'),
    birthdayContact('2025-05-20', { accommodation: 'Z', accommodationSuitable: true, activity: 'F4' }),
    adviserContact('2025-06-02', 'phone'),
  ];
}
