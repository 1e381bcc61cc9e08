import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import type { LoggedEvent } from '../../record/fold.ts';
import { computeDuties, dutyStatusAsAt, type Duty } from '../../timescales/engine.ts';
import { resolveTimescaleRules, timescaleRules } from '../../timescales/rules.ts';
import { privateFosteringTimescaleRules } from './timescales.ts';
import { confirmed, ended, foldOf, notificationClosed, notified, privatelyFosteredJourney, registered, visit } from './test-builders.ts';

const calendar = createCalendar();

/** The duties the private fostering rules make of a log, as the record's duties are made (record/repo.ts dutiesOf). */
function dutiesOf(log: readonly LoggedEvent[], rules = privateFosteringTimescaleRules): Duty[] {
  const folded = foldOf(log);
  const timed = folded.effectiveEvents.map((event) => ({
    eventId: event.entityId, childId: folded.state.childId, type: event.type, occurredAt: event.occurredAt, data: event.data as Record<string, unknown>,
  }));
  return computeDuties(timed, rules, calendar);
}

const summary = (duties: Duty[], ruleId: string) => duties.filter((d) => d.ruleId === ruleId)
  .map((d) => `${d.occurrence}: ${d.startedOn} → ${d.dueOn}${d.closure ? ` ${d.closure} ${d.closedOn}` : ''}`);

describe('private fostering timescales', () => {
  const journey = privatelyFosteredJourney();
  const duties = dutiesOf(journey);
  const notificationId = foldOf(journey).state.privateFosteringNotifications[0]!.notificationId;

  it('gives the initial visit 7 working days from the notification', () => {
    expect(summary(duties, 'private-fostering-initial-visit-within-7-working-days')).toEqual(['1: 2024-01-08 → 2024-01-17 met 2024-01-15']);
  });

  it('wants a visit every 6 weeks in the first year, counted from the initial visit, then every 12 weeks', () => {
    expect(summary(duties, 'private-fostering-visits-every-6-weeks-in-first-year')).toEqual([
      '1: 2024-01-15 → 2024-02-26 met 2024-02-26',
      '2: 2024-02-26 → 2024-04-08 met 2024-04-05',
      '3: 2024-04-05 → 2024-05-17 met 2024-05-15',
      '4: 2024-05-15 → 2024-06-26 met 2024-06-24',
      '5: 2024-06-24 → 2024-08-05 met 2024-08-01',
      '6: 2024-08-01 → 2024-09-12 met 2024-09-10',
      '7: 2024-09-10 → 2024-10-22 met 2024-10-18',
      '8: 2024-10-18 → 2024-11-29 met 2024-11-27',
      '9: 2024-11-27 → 2025-01-08 met 2025-01-06',
      // The first visit after 8 January 2025 meets the last 6-weekly visit and begins the 12-weekly ones.
      '10: 2025-01-06 → 2025-02-17 met 2025-01-27',
    ]);
    expect(summary(duties, 'private-fostering-visits-every-12-weeks-after-first-year')).toEqual([
      '1: 2025-01-27 → 2025-04-21 met 2025-04-14',
      '2: 2025-04-14 → 2025-07-07 cancelled 2025-06-30',
    ]);
  });

  it('wants the arrangement reviewed every 12 months while it lasts', () => {
    expect(summary(duties, 'private-fostering-annual-review')).toEqual(['1: 2024-01-22 → 2025-01-22 met 2025-01-20', '2: 2025-01-20 → 2026-01-20 cancelled 2025-06-30']);
  });

  it('makes every duty about the notification', () => {
    expect(new Set(duties.map((d) => d.subjectId))).toEqual(new Set([notificationId]));
  });

  it('counts a visit at which the child was not seen towards nothing but the initial visit', () => {
    const log = [registered(), notified('2024-03-04'), visit('2024-03-05', { childSeen: false, seenAlone: false }), confirmed('2024-03-11'), visit('2024-04-01', { childSeen: false, seenAlone: false })];
    const found = dutiesOf(log);
    expect(summary(found, 'private-fostering-initial-visit-within-7-working-days')).toEqual(['1: 2024-03-04 → 2024-03-13 met 2024-03-05']);
    expect(summary(found, 'private-fostering-visits-every-6-weeks-in-first-year')).toEqual(['1: 2024-03-05 → 2024-04-16']);
    expect(dutyStatusAsAt(found.find((d) => d.ruleId === 'private-fostering-visits-every-6-weeks-in-first-year')!, '2024-04-20', calendar).state).toBe('overdue');
  });

  it('owes no visit for a notification closed before anyone visited, and a late one for one closed after', () => {
    expect(summary(dutiesOf([registered(), notified('2024-03-04'), notificationClosed('2024-03-06', 'did-not-go-ahead')]), 'private-fostering-initial-visit-within-7-working-days'))
      .toEqual(['1: 2024-03-04 → 2024-03-13 cancelled 2024-03-06']);
    const closedLate = dutiesOf([registered(), notified('2024-03-04'), notificationClosed('2024-03-20')]);
    expect(dutyStatusAsAt(closedLate[0]!, '2024-03-21', calendar).state).toBe('cancelled');
    expect(summary(dutiesOf([registered(), notified('2024-03-04'), confirmed('2024-03-05'), ended('2024-03-07')]), 'private-fostering-initial-visit-within-7-working-days'))
      .toEqual(['1: 2024-03-04 → 2024-03-13 cancelled 2024-03-07']);
  });

  it('runs the first-year interval from the confirmation when nobody visited before it', () => {
    const found = dutiesOf([registered(), notified('2024-03-04'), confirmed('2024-03-11')]);
    expect(summary(found, 'private-fostering-visits-every-6-weeks-in-first-year')).toEqual(['1: 2024-03-11 → 2024-04-22']);
  });

  it('resolves with the council\'s settings: the statutory intervals are fixed, the local review may change', () => {
    const all = [...timescaleRules, ...privateFosteringTimescaleRules];
    expect(() => resolveTimescaleRules({ 'private-fostering-visits-every-6-weeks-in-first-year': { amount: 8 } }, all))
      .toThrow(/statutory timescale .* it can be switched off but its timescale cannot be changed/);
    const review = resolveTimescaleRules({ 'private-fostering-annual-review': { amount: 6 } }, all).find((rule) => rule.id === 'private-fostering-annual-review')!;
    expect(review.title).toBe('Review a private fostering arrangement at the panel every 6 months while it lasts');
    expect(review.recurrence).toMatchObject({ amount: 6, unit: 'months' });
  });

  it('cites a source from the statutory timescales table for each rule', () => {
    for (const rule of privateFosteringTimescaleRules) expect(rule.source).toMatch(rule.local ? /^Local practice \(L\)/ : /^Table rows? 2[0-2]/);
  });
});
