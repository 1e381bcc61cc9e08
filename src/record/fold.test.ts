import { describe, expect, it } from 'vitest';
import { DomainError } from '../platform/errors.ts';
import { simulateInterchange } from '../simulate/simulate.ts';
import { foldAppended, foldChildRecord, FoldError, type LoggedEvent } from './fold.ts';
import { allowedActions, childStatusOf } from './transitions.ts';

let sequence = 0;
const logged = (type: string, occurredAt: string, data: Record<string, unknown> = {}, extra: Partial<LoggedEvent> = {}): LoggedEvent =>
  ({ type, occurredAt, data, eventId: `00000000-0000-4000-8000-${(++sequence).toString().padStart(12, '0')}`, sequence, recordedAt: '2024-06-01T12:00:00Z', ...extra }) as LoggedEvent;
const registered = (on = '2024-01-02') => logged('child.registered', on, { forename: 'Ali', surname: 'Khan', dateOfBirth: '2015-03-04', sex: 'M', ethnicity: 'APKN', disabilities: [], unaccompaniedAsylumSeeking: false });
const referral = (on: string) => logged('referral.received', on, { source: '2A' });
const strategy = (on: string) => logged('strategy-discussion.held', on, { attendingAgencies: ['police'], decision: 'section-47' });
const icpc = (on: string, category = 'NEG') => logged('conference.initial-held', on, { planRequired: true, categoryOfAbuse: category, chairWorkerId: 'c', attendingAgencies: ['police'] });
const planEnded = (on: string) => logged('cp-plan.ended', on, { reason: 'no-longer-at-risk' });
const closed = (on: string) => logged('episode.closed', on, { reasonForClosure: 'RC7', primaryNeed: 'N1' });

const fold = (events: LoggedEvent[]) => foldChildRecord('206', 'C1', events);

describe('folding a child\'s record', () => {
  it('applies events in business order, whatever order they were recorded in', () => {
    const events = [registered(), referral('2024-02-01'), strategy('2024-02-05')];
    const lateRecordedReferralFirst = [events[0]!, events[2]!, events[1]!];
    expect(childStatusOf(fold(lateRecordedReferralFirst).state)).toBe('section-47');
  });

  it('counts previous plans across episodes (a repeat plan)', () => {
    const { state } = fold([
      registered(), referral('2024-01-10'), strategy('2024-01-11'), icpc('2024-01-25'), planEnded('2024-06-01'), closed('2024-06-10'),
      referral('2024-09-01'), strategy('2024-09-02'), icpc('2024-09-16', 'EMO'),
    ]);
    expect(state.episodes.map((e) => e.cpPlans.map((p) => p.numberOfPreviousPlans))).toEqual([[0], [1]]);
    expect(childStatusOf(state)).toBe('child-protection-plan');
  });

  it('lets a correction replace an event and keeps references to it working', () => {
    const original = logged('contact.received', '2024-01-05T09:00:00Z', { source: '6', primaryReason: 'neglect', otherReasons: [] });
    const correction = logged('contact.received', '2024-01-05T09:00:00Z', { source: '2A', primaryReason: 'neglect', otherReasons: [] }, { supersedes: original.eventId });
    const decision = logged('contact.decided', '2024-01-05T15:00:00Z', { contactId: original.eventId, decision: 'early-help', decidedByWorkerId: 'm' });
    const { state, supersededBy } = fold([registered(), original, correction, decision]);
    expect(state.contacts).toHaveLength(1);
    expect(state.contacts[0]).toMatchObject({ contactId: original.eventId, source: '2A', decision: 'early-help' });
    expect(supersededBy.get(original.eventId)).toBe(correction.eventId);
  });

  it('drops a voided event, and refuses a record that no longer holds together without it', () => {
    const badReferral = referral('2024-02-01');
    const voided = logged('event.voided', '2024-02-02', { voidedEventId: badReferral.eventId, reason: 'Wrong child' });
    const { state } = fold([registered(), badReferral, voided]);
    expect(state.episodes).toHaveLength(0);
    expect(() => fold([registered(), badReferral, strategy('2024-02-03'), logged('event.voided', '2024-02-04', { voidedEventId: badReferral.eventId, reason: 'Wrong child' })]))
      .toThrow(DomainError);
  });

  it('refuses a transition the table does not allow, naming the status and the allowed actions', () => {
    try {
      fold([registered(), icpc('2024-01-25')]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const refusal = error as DomainError;
      expect(refusal.code).toBe('conflict');
      expect(refusal.details.status).toBe('known');
      expect(refusal.details.allowedActions).toEqual(allowedActions(fold([registered()]).state));
    }
  });

  it('refuses an event dated before what it follows: on its own date the record did not allow it', () => {
    expect(() => fold([registered(), referral('2024-02-01'), logged('assessment.started', '2024-01-20')])).toThrow(/^You cannot start an assessment on 20 January 2024: first record a referral/);
    expect(() => fold([registered(), referral('2024-02-01'), strategy('2024-02-02'), icpc('2024-02-20'), planEnded('2024-02-10')])).toThrow(/^You cannot end a child protection plan on 10 February 2024: the child has no child protection plan\. On that date you can .*complete a section 47 enquiry/);
  });
});

describe('folding one event more onto a folded record', () => {
  it('gives what folding the whole log again gives, event by event, for every simulated child', async () => {
    const logs = new Map<string, LoggedEvent[]>();
    let sequenceInFile = 0;
    for await (const line of simulateInterchange({ seed: 5, years: 1, from: '2023-04-01', children: 1_500, warmUpYears: 0.5 })) {
      const event = JSON.parse(line) as LoggedEvent & { childId?: string; record?: string };
      if (!event.childId || event.record) continue;
      const log = logs.get(event.childId) ?? [];
      log.push({ ...event, sequence: (sequenceInFile += 1), recordedAt: event.recordedAt ?? '2024-06-01T12:00:00Z' });
      logs.set(event.childId, log);
    }
    let appended = 0;
    let refolded = 0;
    for (const [childId, log] of logs) {
      let folded = foldChildRecord('206', childId, []);
      for (let i = 0; i < log.length; i += 1) {
        const whole = foldChildRecord('206', childId, log.slice(0, i + 1));
        const next = foldAppended(folded, log[i]!);
        if (next) {
          appended += 1;
          expect(next).toEqual(whole);
        } else refolded += 1;
        folded = whole;
      }
    }
    // The simulator logs each child's events in business order, so every one is folded on.
    expect(appended).toBeGreaterThan(4_000);
    expect(refolded).toBe(0);
  }, 120_000);

  it('leaves voids, corrections and events dated before the last to a fold of the whole log, and refuses what the record does not allow', () => {
    const start = [registered(), referral('2024-02-01')];
    const folded = fold(start);
    const earlier = strategy('2024-01-20');
    expect(foldAppended(folded, earlier)).toBeUndefined();
    expect(foldAppended(folded, logged('event.voided', '2024-02-02', { voidedEventId: start[1]!.eventId, reason: 'entered in error' }))).toBeUndefined();
    expect(foldAppended(folded, logged('referral.received', '2024-02-03', { source: '1A' }, { supersedes: start[1]!.eventId }))).toBeUndefined();
    expect(() => foldAppended(folded, planEnded('2024-03-01'))).toThrow(FoldError);
    expect(childStatusOf(foldAppended(folded, strategy('2024-02-05'))!.state)).toBe('section-47');
    // The record it started from is left as it was.
    expect(folded).toEqual(fold(start));
  });
});
