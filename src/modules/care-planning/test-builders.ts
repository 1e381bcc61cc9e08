/**
 * Small named builders of a child's logged events for the care planning tests: each takes the
 * business date first and the data that matters to the test, with everything else filled in.
 *
 *   const log = [registered(), started('2024-01-08'), review('2024-02-01'), visit('2024-01-12')];
 *   const { state } = foldOf(log);
 */
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';

export const LA_CODE = '206';
export const CHILD_ID = 'CP1';

let sequence = 0;

/** An event as the log holds it, numbered in the order built (recorded later than any business date used). */
export function logged(type: string, occurredAt: string, data: Record<string, unknown> = {}, extra: Partial<LoggedEvent> = {}): LoggedEvent {
  sequence += 1;
  return {
    type, occurredAt, data, eventId: `00000000-0000-4000-9000-${sequence.toString().padStart(12, '0')}`, sequence,
    recordedAt: '2030-01-01T12:00:00Z', ...extra,
  } as LoggedEvent;
}

export const registered = (details: Record<string, unknown> = {}, on = '2015-01-02') =>
  logged('child.registered', on, { forename: 'Amara', surname: 'Bello', dateOfBirth: '2012-05-04', sex: 'F', ethnicity: 'BAFR', disabilities: ['NONE'], unaccompaniedAsylumSeeking: false, ...details });

export const fostering = { type: 'U6', provider: 'PR1', ofstedUrn: 'XXXXXXX', postcode: 'N7 8AB', weeklyCost: 520 };
export const longTermFostering = { type: 'U4', provider: 'PR1', ofstedUrn: 'XXXXXXX', postcode: 'N7 8AB', weeklyCost: 520 };

export const started = (on: string, data: Record<string, unknown> = {}) =>
  logged('looked-after.started', on, { legalStatus: 'C2', categoryOfNeed: 'N1', placement: fostering, homePostcode: 'N1 2AB', unaccompaniedAsylumSeeking: false, ...data });
export const placementChanged = (on: string, data: Record<string, unknown> = {}) =>
  logged('looked-after.placement-changed', on, { placement: fostering, sameCarer: false, reason: 'CARPL', ...data });
export const ceased = (on: string, reason = 'E4A') => logged('looked-after.ceased', on, { reason });

export const carePlan = (on: string, data: Record<string, unknown> = {}) => logged('care-planning.care-plan-recorded', on, data);
export const placementPlan = (on: string, data: Record<string, unknown> = {}) => logged('care-planning.placement-plan-recorded', on, data);
export const permanencePlan = (on: string, plan = 'long-term-fostering') => logged('care-planning.permanence-plan-recorded', on, { plan });
export const permanencyMeeting = (on: string, data: Record<string, unknown> = {}) => logged('care-planning.permanency-planning-meeting-held', on, data);
export const iroAllocated = (on: string, iroWorkerId = 'W0900') => logged('care-planning.iro-allocated', on, { iroWorkerId });
export const review = (on: string, data: Record<string, unknown> = {}) => logged('care-planning.review-held', on, { participation: 'PN1', ...data });
export const visit = (on: string, data: Record<string, unknown> = {}) =>
  logged('care-planning.visit-made', on, { childSeen: true, seenAlone: true, location: 'placement', visitedByWorkerId: 'W0001', ...data });
export const visitInterval = (on: string, weeks?: number) => logged('care-planning.visit-interval-set', on, weeks === undefined ? {} : { weeks });
export const healthAssessment = (on: string, kind: 'initial' | 'review' = 'review', data: Record<string, unknown> = {}) =>
  logged('care-planning.health-assessment-completed', on, { kind, assessedBy: kind === 'initial' ? 'medical-practitioner' : 'nurse-or-midwife', ...data });
export const dentalCheck = (on: string) => logged('care-planning.dental-check-completed', on, {});
export const immunisations = (on: string, upToDate = true) => logged('care-planning.immunisations-recorded', on, { upToDate });
export const sdq = (on: string, data: Record<string, unknown> = { score: 14 }) => logged('care-planning.sdq-recorded', on, data);
export const screening = (on: string, data: Record<string, unknown> = {}) =>
  logged('care-planning.mental-health-screened', on, { tool: 'sdq', outcome: 'further-support-needed', referredToCamhs: true, ...data });
export const substanceMisuse = (on: string, data: Record<string, unknown> = {}) =>
  logged('care-planning.substance-misuse-recorded', on, { identified: true, interventionOffered: true, interventionReceived: false, ...data });
export const pep = (on: string) => logged('care-planning.pep-held', on, {});
export const school = (on: string, data: Record<string, unknown> = {}) => logged('care-planning.school-recorded', on, { schoolName: 'Highbury Grove School', urn: '100428', ...data });
export const attendance = (on: string, data: Record<string, unknown> = {}) => logged('care-planning.attendance-recorded', on, { schoolYear: 2023, term: 'autumn', percent: 94.5, ...data });
export const becameMother = (on: string, childBornOn: string) => logged('care-planning.became-mother', on, { childBornOn });

export const foldOf = (events: readonly LoggedEvent[], childId = CHILD_ID) => foldChildRecord(LA_CODE, childId, events);

/**
 * A child looked after from Monday 8 January 2024 in foster care: care plan, placement plan, IRO,
 * initial health assessment, PEP, first review on 1 February, visits about every 5 weeks, a move to a
 * long-term foster placement on 3 June, the second review on 25 April and the third in October.
 */
export function lookedAfterJourney(): LoggedEvent[] {
  return [
    registered(),
    started('2024-01-08'),
    carePlan('2024-01-15'),
    placementPlan('2024-01-10'),
    iroAllocated('2024-01-09'),
    visit('2024-01-12'),
    healthAssessment('2024-01-26', 'initial'),
    pep('2024-01-19'),
    review('2024-02-01'),
    visit('2024-02-16'),
    visit('2024-03-22'),
    visit('2024-04-26', { seenAlone: false }),
    review('2024-04-25', { participation: 'PN6' }),
    permanencyMeeting('2024-04-18'),
    placementChanged('2024-06-03', { placement: longTermFostering }),
    visit('2024-06-07'),
    placementPlan('2024-06-06'),
    visit('2024-07-15'),
    review('2024-10-21', { participation: 'PN7' }),
  ];
}
