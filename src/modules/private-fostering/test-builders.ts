/**
 * Small named builders of a child's logged events for the private fostering tests: each takes the
 * business date first and the data that matters to the test, with everything else filled in.
 *
 *   const log = [registered(), notified('2024-01-08'), visit('2024-01-10'), confirmed('2024-02-01')];
 *   const { state } = foldOf(log);
 */
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';

export const LA_CODE = '206';
export const CHILD_ID = 'PF1';

let sequence = 0;

/** An event as the log holds it, numbered in the order built (recorded later than any business date used). */
export function logged(type: string, occurredAt: string, data: Record<string, unknown> = {}, extra: Partial<LoggedEvent> = {}): LoggedEvent {
  sequence += 1;
  return {
    type, occurredAt, data, eventId: `00000000-0000-4000-8000-${sequence.toString().padStart(12, '0')}`, sequence,
    recordedAt: '2030-01-01T12:00:00Z', ...extra,
  } as LoggedEvent;
}

/** A correction of `original` (same type), with changed data and, if given, another date. */
export function correction(original: LoggedEvent, data: Record<string, unknown>, occurredAt = original.occurredAt): LoggedEvent {
  return logged(original.type, occurredAt, { ...original.data, ...data } as Record<string, unknown>, { supersedes: original.eventId });
}

export const voided = (target: LoggedEvent, on: string) => logged('event.voided', on, { voidedEventId: target.eventId, reason: 'Recorded on the wrong child' });

export const registered = (details: Record<string, unknown> = {}, on = '2023-01-02') =>
  logged('child.registered', on, { forename: 'Mira', surname: 'Novak', dateOfBirth: '2010-05-04', sex: 'F', ethnicity: 'WOTH', disabilities: ['NONE'], unaccompaniedAsylumSeeking: false, ...details });

export const notified = (on: string, data: Record<string, unknown> = {}) =>
  logged('private-fostering.notified', on, { notifiedBy: 'school', timing: 'existing', ...data });

export const forwarded = (on: string, data: Record<string, unknown> = {}) => logged('private-fostering.notification-forwarded', on, data);

export const visit = (on: string, data: Record<string, unknown> = {}) =>
  logged('private-fostering.visit-made', on, { childSeen: true, seenAlone: true, visitedByWorkerId: 'W0001', ...data });

export const confirmed = (on: string, data: Record<string, unknown> = {}) =>
  logged('private-fostering.arrangement-confirmed', on, {
    startedOn: on, reason: '8D', nationality: 'GB', carerRelationship: 'family-friend',
    carers: [{ name: 'Grace Adeyemi', dateOfBirth: '1975-02-03' }],
    householdMembers: [{ name: 'Tom Adeyemi', dateOfBirth: '1972-09-10' }],
    address: { line1: '12 Canonbury Road', postcode: 'N1 2AA' },
    parents: [{ name: 'Anna Novak', relationship: 'mother', livesAbroad: true }],
    ...data,
  });

export const notificationClosed = (on: string, reason = 'close-relative') => logged('private-fostering.notification-closed', on, { reason });

export const carerCheck = (on: string, data: Record<string, unknown> = {}) =>
  logged('private-fostering.carer-check-completed', on, { check: 'dbs-enhanced', outcome: 'no-concerns', ...data });

export const assessed = (on: string, outcome = 'suitable') =>
  logged('private-fostering.suitability-assessed', on, { outcome, authorisedByWorkerId: 'W0002' });

export const panelDecided = (on: string, decision = 'approved') =>
  logged('private-fostering.panel-decided', on, { decision, chairWorkerId: 'W0003' });

export const reviewed = (on: string, outcome = 'continues') =>
  logged('private-fostering.arrangement-reviewed', on, { outcome, chairWorkerId: 'W0003' });

export const ended = (on: string, reason = 'returned-to-parent') => logged('private-fostering.arrangement-ended', on, { reason });

export const foldOf = (events: readonly LoggedEvent[], childId = CHILD_ID) => foldChildRecord(LA_CODE, childId, events);

/**
 * A privately fostered child's first year and a half: notified by the school on Monday 8 January
 * 2024 of an arrangement that began on 2 January, forwarded the next day, visited on the
 * 15th, confirmed on the 22nd, checked, assessed and approved, visited about every 6 weeks, then
 * from 8 January 2025 (the first anniversary of the notification) every 12 weeks, reviewed at the
 * panel, and ended when the child went home on 30 June 2025.
 */
export function privatelyFosteredJourney(): LoggedEvent[] {
  return [
    registered(),
    notified('2024-01-08', { arrangementBeginsOn: '2024-01-02' }),
    forwarded('2024-01-09'),
    visit('2024-01-15', { reportWrittenOn: '2024-01-16' }),
    confirmed('2024-01-22', { startedOn: '2024-01-02' }),
    carerCheck('2024-02-05'),
    carerCheck('2024-02-06', { personId: 'member-1' }),
    assessed('2024-02-20'),
    panelDecided('2024-03-01'),
    visit('2024-02-26'),
    visit('2024-04-05'),
    visit('2024-05-15'),
    visit('2024-06-24'),
    visit('2024-08-01'),
    visit('2024-09-10'),
    visit('2024-10-18'),
    visit('2024-11-27'),
    visit('2025-01-06'),
    reviewed('2025-01-20'),
    visit('2025-01-27'),
    visit('2025-04-14'),
    ended('2025-06-30'),
  ];
}
