import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { RecordEventCommand } from '../../record/events.ts';
import { foldAppended, FoldError, type LoggedEvent } from '../../record/fold.ts';
import { childRecordSummary } from '../../record/service.ts';
import { allowedActions, childStatusOf, involvementsOf } from '../../record/transitions.ts';
import { PrivateFosteringSummary } from './read-model.ts';
import { currentArrangementOf, openPrivateFosteringOf } from './state.ts';
import {
  assessed, carerCheck, confirmed, correction, ended, foldOf, forwarded, logged, notificationClosed, notified, panelDecided,
  privatelyFosteredJourney, registered, visit, voided,
} from './test-builders.ts';

/** The refusal the fold throws for a log, or fails the test. */
function refusalOf(events: LoggedEvent[]): FoldError {
  try {
    foldOf(events);
  } catch (error) {
    if (error instanceof FoldError) return error;
    throw error;
  }
  throw new Error('The log folded: expected a refusal');
}

const privateFosteringActions = (events: LoggedEvent[]) => allowedActions(foldOf(events).state).filter((action) => action.startsWith('private-fostering.'));

describe('a private fostering arrangement from notification to end', () => {
  it('keeps the notification, its visits, the arrangement and what was decided about it', () => {
    const { state } = foldOf(privatelyFosteredJourney());
    expect(state.privateFosteringNotifications).toHaveLength(1);
    const notification = state.privateFosteringNotifications[0]!;
    expect(notification).toMatchObject({ receivedOn: '2024-01-08', notifiedBy: 'school', timing: 'existing', forwardedOn: '2024-01-09' });
    expect(notification.visits.map((v) => [v.visitedOn, v.visitKind])).toEqual([
      ['2024-01-15', 'initial'], ...['2024-02-26', '2024-04-05', '2024-05-15', '2024-06-24', '2024-08-01', '2024-09-10', '2024-10-18', '2024-11-27', '2025-01-06', '2025-01-27', '2025-04-14'].map((on) => [on, 'monitoring']),
    ]);
    const arrangement = notification.arrangement!;
    expect(arrangement).toMatchObject({
      confirmedOn: '2024-01-22', startedOn: '2024-01-02', countsFrom: '2024-01-08', reason: '8D', nationality: 'GB', endedOn: '2025-06-30', endReason: 'returned-to-parent',
    });
    expect(arrangement.carers).toEqual([{ personId: 'carer-1', name: 'Grace Adeyemi', dateOfBirth: '1975-02-03' }]);
    expect(arrangement.householdMembers.map((p) => p.personId)).toEqual(['member-1']);
    expect(arrangement.carerChecks.map((c) => [c.personId, c.check])).toEqual([['carer-1', 'dbs-enhanced'], ['member-1', 'dbs-enhanced']]);
    expect(arrangement.suitabilityAssessments.map((a) => a.outcome)).toEqual(['suitable']);
    expect(arrangement.panelDecisions.map((d) => [d.decidedOn, d.decision])).toEqual([['2024-03-01', 'approved']]);
    expect(arrangement.reviews.map((r) => r.reviewedOn)).toEqual(['2025-01-20']);
  });

  it('says where the child stands: a notification being looked into, then privately fostered, then known again', () => {
    const journey = privatelyFosteredJourney();
    const upTo = (on: string) => foldOf(journey.filter((e) => e.occurredAt <= on)).state;
    expect(childStatusOf(upTo('2024-01-15'))).toBe('private-fostering-notification');
    expect(involvementsOf(upTo('2024-01-15'))).toEqual([{ kind: 'private-fostering-notification', label: 'Private fostering notification', since: '2024-01-08', rank: 2 }]);
    expect(childStatusOf(upTo('2024-06-01'))).toBe('privately-fostered');
    expect(involvementsOf(upTo('2024-06-01'))[0]).toMatchObject({ kind: 'privately-fostered', since: '2024-01-02' });
    expect(childStatusOf(upTo('2025-07-01'))).toBe('known');
  });

  it('closes a notification found not to be private fostering, after which another may come', () => {
    const log = [registered(), notified('2024-01-08'), visit('2024-01-10'), notificationClosed('2024-01-12', 'under-28-days'), notified('2024-05-01', { notifiedBy: 'parent' })];
    const { state } = foldOf(log);
    expect(state.privateFosteringNotifications.map((n) => [n.receivedOn, n.closedOn, n.closureReason])).toEqual([
      ['2024-01-08', '2024-01-12', 'under-28-days'], ['2024-05-01', undefined, undefined],
    ]);
    expect(openPrivateFosteringOf(state)?.receivedOn).toBe('2024-05-01');
  });

  it('works out the first visit of the later years, counting the first year from when the council knew', () => {
    // An arrangement that began two years before anyone told the council: its first year counts from the notification.
    const log = [
      registered(), notified('2024-03-04', { arrangementBeginsOn: '2022-03-01' }), visit('2024-03-06'), confirmed('2024-03-11', { startedOn: '2022-03-01' }),
      visit('2025-02-20'), visit('2025-03-04'), visit('2025-05-20'),
    ];
    const { state, effectiveEvents } = foldOf(log);
    expect(currentArrangementOf(state)?.countsFrom).toBe('2024-03-04');
    const visits = effectiveEvents.filter((e) => e.type === 'private-fostering.visit-made').map((e) => [e.occurredOn, e.data]);
    expect(visits.map(([on, data]) => [on, (data as { visitKind: string }).visitKind, (data as { firstVisitOfLaterYears: boolean }).firstVisitOfLaterYears])).toEqual([
      ['2024-03-06', 'initial', false], ['2025-02-20', 'monitoring', false], ['2025-03-04', 'monitoring', true], ['2025-05-20', 'monitoring', false],
    ]);
  });

  it('fills in the notification an event is about, and whom a check was on', () => {
    const { effectiveEvents } = foldOf([registered(), notified('2024-01-08'), forwarded('2024-01-09'), confirmed('2024-01-20'), carerCheck('2024-01-25')]);
    const notificationId = effectiveEvents.find((e) => e.type === 'private-fostering.notified')!.entityId;
    expect(effectiveEvents.find((e) => e.type === 'private-fostering.notification-forwarded')!.data).toEqual({ notificationId });
    expect(effectiveEvents.find((e) => e.type === 'private-fostering.carer-check-completed')!.data).toMatchObject({ personId: 'carer-1' });
  });

  it('gives the summary its private fostering part, in the shape the web app reads', () => {
    const folded = foldOf(privatelyFosteredJourney().filter((e) => e.occurredAt <= '2024-06-30'));
    const summary = childRecordSummary(folded, [], '2024-06-30', () => ({ state: 'open' }));
    const part = PrivateFosteringSummary.parse(summary.privateFostering);
    expect(part.current?.arrangement?.carers[0]?.name).toBe('Grace Adeyemi');
    expect(summary.status).toBe('privately-fostered');
  });

  it('folds one event more as folding the whole log again would, event by event', () => {
    // In business order, numbered so: each event is the next to fold.
    const journey = privatelyFosteredJourney()
      .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.sequence - b.sequence))
      .map((event, index) => ({ ...event, sequence: index + 1 }));
    let before = foldOf(journey.slice(0, 1));
    for (let index = 1; index < journey.length; index += 1) {
      const appended = foldAppended(before, journey[index]!)!;
      const whole = foldOf(journey.slice(0, index + 1));
      expect(appended.state).toEqual(whole.state);
      before = appended;
    }
  });
});

describe('what private fostering refuses', () => {
  it('refuses an action the record does not allow, naming the status and the actions allowed', () => {
    const refusal = refusalOf([registered(), confirmed('2024-01-22')]);
    expect(refusal.code).toBe('conflict');
    // The actions allowed instead are every registered module's, in words: the list grows with the modules.
    expect(refusal.message).toMatch(/^You cannot confirm a private fostering arrangement on 22 January 2024: first record a private fostering notification \(there is none waiting for a decision\)\. On that date you can change the child's details, .*record a private fostering notification/);
    expect(refusal.message).not.toMatch(/private-fostering\.|merge/);
    expect(refusal.details.allowedActions).toEqual(allowedActions(foldOf([registered()]).state));
    expect(refusal.details.allowedActions).toContain('private-fostering.notified');
  });

  it('allows one notification or arrangement at a time, and offers what each stage allows', () => {
    const notifiedLog = [registered(), notified('2024-01-08')];
    expect(privateFosteringActions(notifiedLog)).toEqual([
      'private-fostering.notification-forwarded', 'private-fostering.visit-made', 'private-fostering.arrangement-confirmed', 'private-fostering.notification-closed',
    ]);
    const second = refusalOf([...notifiedLog, notified('2024-02-01')]);
    expect(second.message).toMatch(/^You cannot record a private fostering notification on 1 February 2024: register the child first, and close or end any private fostering notification or arrangement already open/);
    const confirmedLog = [...notifiedLog, forwarded('2024-01-09'), confirmed('2024-01-20')];
    expect(privateFosteringActions(confirmedLog)).toEqual([
      'private-fostering.visit-made', 'private-fostering.carer-check-completed', 'private-fostering.suitability-assessed', 'private-fostering.arrangement-reviewed', 'private-fostering.arrangement-ended',
    ]);
    expect(refusalOf([...confirmedLog, panelDecided('2024-02-01')]).message).toMatch(/first confirm a private fostering arrangement and record an assessment of its suitability/);
    expect(privateFosteringActions([...confirmedLog, ended('2024-03-01')])).toEqual(['private-fostering.notified']);
  });

  it('refuses an event dated before what it follows', () => {
    // On its own date there was nothing for it to follow.
    expect(refusalOf([registered(), notified('2024-01-08'), forwarded('2024-01-05')]).message).toMatch(/^You cannot forward a private fostering notification on 5 January 2024/);
    expect(refusalOf([registered(), notified('2024-01-08'), confirmed('2024-01-20'), assessed('2024-01-19')]).message).toMatch(/^You cannot record an assessment of the arrangement on 19 January 2024: first confirm a private fostering arrangement/);
    expect(refusalOf([registered(), notified('2024-01-08'), confirmed('2024-01-20'), ended('2024-01-15')]).message).toMatch(/^You cannot end a private fostering arrangement on 15 January 2024/);
    // Or the date it names is out of order.
    const contact = logged('contact.received', '2024-01-10T10:00:00Z', { source: '2A', primaryReason: 'private-fostering', otherReasons: [] });
    expect(refusalOf([registered(), contact, notified('2024-01-08', { contactId: contact.eventId })]).problems).toEqual([
      { field: 'data.contactId', message: `Select a contact received on or before 8 January 2024: there is no such contact with id ${contact.eventId}` },
    ]);
    expect(foldOf([registered(), contact, notified('2024-01-10', { contactId: contact.eventId })]).state.privateFosteringNotifications[0]!.contactId).toBe(contact.eventId);
    expect(refusalOf([registered(), notified('2024-01-08'), visit('2024-01-10', { reportWrittenOn: '2024-01-09' })]).problems).toEqual([
      { field: 'data.reportWrittenOn', message: 'The date the report was written must be on or after the visit on 10 January 2024' },
    ]);
    expect(refusalOf([registered(), notified('2024-01-08', { timing: 'proposed', arrangementBeginsOn: '2024-01-01' })]).problems[0]!.field).toBe('data.arrangementBeginsOn');
    expect(refusalOf([registered(), notified('2024-01-08', { timing: 'existing', arrangementBeginsOn: '2024-02-01' })]).problems[0]!.field).toBe('data.arrangementBeginsOn');
    expect(refusalOf([registered(), notified('2024-01-08', { timing: 'proposed' }), confirmed('2024-01-20', { startedOn: '2024-01-05' })]).problems[0]!.message)
      .toBe('The start date must be on or after the notification on 8 January 2024, which was of an arrangement not yet begun');
    expect(refusalOf([registered(), notified('2024-01-08'), confirmed('2024-01-20', { startedOn: '2024-01-25' })]).problems[0]!.message)
      .toBe('The start date must be on or before 20 January 2024: confirm the arrangement once it has begun');
    expect(refusalOf([registered(), notified('2024-01-08'), confirmed('2024-01-20'), carerCheck('2024-01-25', { dbsCertificateIssuedOn: '2024-01-26' })]).problems[0]!.field).toBe('data.dbsCertificateIssuedOn');
  });

  it('refuses what is not private fostering: under 28 days, too old, unborn', () => {
    const notifiedLog = [registered(), notified('2024-01-08')];
    expect(refusalOf([...notifiedLog, confirmed('2024-01-10', { expectedEndOn: '2024-02-01' })]).problems[0]!.message)
      .toBe('The expected end date must be at least 28 days after the start: a shorter arrangement is not private fostering (Children Act 1989 s66), so close the notification instead');
    // Born 4 May 2008: 16 on 4 May 2024.
    const sixteen = [registered({ dateOfBirth: '2008-05-04' }), notified('2024-04-20')];
    expect(foldOf([...sixteen, confirmed('2024-05-03')]).state.privateFosteringNotifications[0]!.arrangement).toBeDefined();
    expect(refusalOf([...sixteen, confirmed('2024-05-04')]).problems[0]!.message).toMatch(/^On 4 May 2024 the child is 16 or over and has no recorded disability/);
    // A disabled child is privately fostered until 18.
    const disabled = [registered({ dateOfBirth: '2008-05-04', disabilities: ['HAND'] }), notified('2024-04-20')];
    expect(foldOf([...disabled, confirmed('2024-06-01')]).state.privateFosteringNotifications[0]!.arrangement).toBeDefined();
    const unborn = [registered({ dateOfBirth: undefined, expectedDateOfBirth: '2024-09-01', forename: 'Unborn' }), notified('2024-04-20')];
    expect(refusalOf([...unborn, confirmed('2024-05-01')]).problems[0]!.message).toMatch(/unborn child cannot be privately fostered/);
  });

  it('refuses a check on someone outside the household, naming who is in it', () => {
    const refusal = refusalOf([registered(), notified('2024-01-08'), confirmed('2024-01-20'), carerCheck('2024-01-25', { personId: 'P999' })]);
    expect(refusal.problems).toEqual([{ field: 'data.personId', message: 'Select a person in the household (carer-1, member-1): P999 is not one of them' }]);
    expect(refusalOf([registered(), notified('2024-01-08'), confirmed('2024-01-20', { carers: [{ personId: 'P1', name: 'A' }], householdMembers: [{ personId: 'P1', name: 'B' }] })]).problems[0]!.message)
      .toBe('Give each person in the household their own person id: P1 is given to two people');
  });

  it('refuses what the schemas do not allow, naming the field', () => {
    const command = (type: string, data: Record<string, unknown>) => RecordEventCommand.safeParse({ type, occurredAt: '2024-01-08', clientId: 'client-0001', data });
    const problems = (type: string, data: Record<string, unknown>) => {
      const parsed = command(type, data);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(problems('private-fostering.notified', { notifiedBy: 'school', timing: 'existing' })).toEqual([]);
    expect(problems('private-fostering.notified', { notifiedBy: 'neighbour', timing: 'existing' })).toEqual(['data.notifiedBy: Select the notifier from the list']);
    expect(problems('private-fostering.visit-made', { childSeen: false, seenAlone: true })).toEqual(['data.seenAlone: Select no for whether the child was seen alone: the child was not seen']);
    expect(problems('private-fostering.carer-check-completed', { check: 'references', outcome: 'no-concerns', dbsCertificateIssuedOn: '2024-01-01' }))
      .toEqual(['data.dbsCertificateIssuedOn: Leave the date the DBS certificate was issued empty: only a DBS check has a certificate']);
    const arrangement = confirmed('2024-01-08').data as Record<string, unknown>;
    expect(problems('private-fostering.arrangement-confirmed', arrangement)).toEqual([]);
    expect(problems('private-fostering.arrangement-confirmed', { ...arrangement, nationality: 'XX' })).toEqual(['data.nationality: Select the nationality from the list']);
    expect(problems('private-fostering.arrangement-confirmed', { ...arrangement, reason: '9A' })).toEqual(['data.reason: Select the private fostering reason from the list']);
    expect(problems('private-fostering.arrangement-confirmed', { ...arrangement, carers: [] })).toEqual(['data.carers: Give the private foster carer']);
    expect(problems('private-fostering.arrangement-confirmed', { ...arrangement, address: { line1: '1 Road', postcode: 'nowhere' } })).toEqual(['data.address.postcode: Enter a real UK postcode']);
  });
});

describe('corrections and voids of private fostering events', () => {
  it('folds a corrected notification in place of the first version, keeping what refers to it', () => {
    const first = notified('2024-01-08', { notifiedBy: 'school' });
    const log = [registered(), first, forwarded('2024-01-09'), confirmed('2024-01-22'), correction(first, { notifiedBy: 'parent' })];
    const { state } = foldOf(log);
    expect(state.privateFosteringNotifications).toHaveLength(1);
    expect(state.privateFosteringNotifications[0]).toMatchObject({ notificationId: first.eventId, notifiedBy: 'parent', forwardedOn: '2024-01-09' });
    expect(currentArrangementOf(state)).toBeDefined();
  });

  it('works out the visits again when a visit\'s date is corrected', () => {
    const firstVisit = visit('2024-01-15');
    const laterVisit = visit('2024-02-20');
    const log = [registered(), notified('2024-01-08'), firstVisit, confirmed('2024-01-22'), laterVisit];
    const corrected = foldOf([...log, correction(laterVisit, {}, '2024-01-12')]).state;
    expect(corrected.privateFosteringNotifications[0]!.visits.map((v) => [v.visitedOn, v.visitKind])).toEqual([['2024-01-12', 'initial'], ['2024-01-15', 'monitoring']]);
  });

  it('drops a voided confirmation, leaving the notification awaiting a decision', () => {
    const confirmation = confirmed('2024-01-22');
    const { state } = foldOf([registered(), notified('2024-01-08'), confirmation, voided(confirmation, '2024-01-23')]);
    expect(childStatusOf(state)).toBe('private-fostering-notification');
    expect(state.privateFosteringNotifications[0]!.arrangement).toBeUndefined();
  });

  it('refuses a void that leaves later events with nothing to follow', () => {
    const notification = notified('2024-01-08');
    const refusal = refusalOf([registered(), notification, visit('2024-01-10'), voided(notification, '2024-01-11')]);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal.message).toMatch(/^You cannot record a private fostering visit on .*: first record a private fostering notification/);
  });
});
