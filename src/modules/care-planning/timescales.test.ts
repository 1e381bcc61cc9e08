import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import type { LoggedEvent } from '../../record/fold.ts';
import { computeDuties, type Duty } from '../../timescales/engine.ts';
import { timescaleRules } from '../../timescales/rules.ts';
import { carePlanningTimescaleRules } from './timescales.ts';
import {
  carePlan, ceased, foldOf, healthAssessment, lookedAfterJourney, longTermFostering, pep, registered, review, started, visit, visitInterval,
} from './test-builders.ts';

const calendar = createCalendar();

/** The duties the care planning rules make of a log, as the record's duties are made (record/repo.ts dutiesOf). */
function dutiesOf(log: readonly LoggedEvent[]): Duty[] {
  const folded = foldOf(log);
  const timed = folded.effectiveEvents.map((event) => ({
    eventId: event.entityId, childId: folded.state.childId, type: event.type, occurredAt: event.occurredAt, data: event.data as Record<string, unknown>,
  }));
  return computeDuties(timed, carePlanningTimescaleRules, calendar);
}

const summary = (duties: Duty[], ruleId: string) => duties.filter((d) => d.ruleId === ruleId)
  .map((d) => `${d.occurrence}: ${d.startedOn} → ${d.dueOn}${d.closure ? ` ${d.closure} ${d.closedOn}` : ''}`);

const visitDuties = (duties: Duty[]) => duties.filter((d) => d.ruleId.startsWith('cla-visit-'))
  .map((d) => `${d.ruleId.replace('cla-visit-within-', '')}: ${d.startedOn} → ${d.dueOn}${d.closure ? ` ${d.closure} ${d.closedOn}` : ''}`);

describe('care planning timescales of a child looked after', () => {
  const duties = dutiesOf(lookedAfterJourney());

  it('wants a care plan within 10 working days and a placement plan within 5 of each placement', () => {
    expect(summary(duties, 'cla-care-plan-within-10-working-days')).toEqual(['1: 2024-01-08 → 2024-01-22 met 2024-01-15']);
    expect(summary(duties, 'cla-placement-plan-within-5-working-days-of-the-first-placement')).toEqual(['1: 2024-01-08 → 2024-01-15 met 2024-01-10']);
    expect(summary(duties, 'cla-placement-plan-within-5-working-days-of-a-new-placement')).toEqual(['1: 2024-06-03 → 2024-06-10 met 2024-06-06']);
  });

  it('wants the first review within 20 working days, the second within 3 months of it, then every 6 months from the last', () => {
    expect(summary(duties, 'cla-first-review-within-20-working-days')).toEqual(['1: 2024-01-08 → 2024-02-05 met 2024-02-01']);
    expect(summary(duties, 'cla-second-review-within-3-months')).toEqual(['1: 2024-02-01 → 2024-05-01 met 2024-04-25']);
    expect(summary(duties, 'cla-reviews-every-6-months')).toEqual(['1: 2024-04-25 → 2024-10-25 met 2024-10-21', '2: 2024-10-21 → 2025-04-21']);
  });

  it('wants a visit within a week of each placement and then every 6 weeks, the first after a move due a week after it', () => {
    expect(visitDuties(duties)).toEqual([
      '1-week-of-becoming-looked-after: 2024-01-08 → 2024-01-15 met 2024-01-12',
      '6-weeks-of-the-last: 2024-01-12 → 2024-02-23 met 2024-02-16',
      '6-weeks-of-the-last: 2024-02-16 → 2024-03-29 met 2024-03-22',
      '6-weeks-of-the-last: 2024-03-22 → 2024-05-03 met 2024-04-26',
      // The move on 3 June cancels the 6-weekly visit: the new placement's first is due within a week.
      '6-weeks-of-the-last: 2024-04-26 → 2024-06-07 cancelled 2024-06-03',
      '1-week-of-a-new-placement: 2024-06-03 → 2024-06-10 met 2024-06-07',
      '6-weeks-of-the-last: 2024-06-07 → 2024-07-19 met 2024-07-15',
      '6-weeks-of-the-last: 2024-07-15 → 2024-08-26',
    ]);
  });

  it('wants an initial health assessment within 20 working days, then reviews, and a PEP within 10 working days then each term', () => {
    expect(summary(duties, 'cla-initial-health-assessment-within-20-working-days')).toEqual(['1: 2024-01-08 → 2024-02-05 met 2024-01-26']);
    // Born 4 May 2012: 11 at the assessment, so the review is due in 12 months.
    expect(summary(duties, 'cla-review-health-assessment-within-12-months')).toEqual(['1: 2024-01-26 → 2025-01-26']);
    expect(summary(duties, 'cla-pep-within-10-working-days')).toEqual(['1: 2024-01-08 → 2024-01-22 met 2024-01-19']);
    expect(summary(duties, 'cla-pep-each-term')).toEqual(['1: 2024-01-19 → 2024-05-19']);
  });

  it('counts working days over Easter: Good Friday and Easter Monday are not working days', () => {
    // Wednesday 20 March 2024; Good Friday 29 March, Easter Monday 1 April.
    const easter = dutiesOf([registered(), started('2024-03-20'), carePlan('2024-04-05'), review('2024-04-19')]);
    expect(summary(easter, 'cla-care-plan-within-10-working-days')).toEqual(['1: 2024-03-20 → 2024-04-05 met 2024-04-05']);
    expect(summary(easter, 'cla-first-review-within-20-working-days')).toEqual(['1: 2024-03-20 → 2024-04-19 met 2024-04-19']);
    expect(summary(easter, 'cla-initial-health-assessment-within-20-working-days')).toEqual(['1: 2024-03-20 → 2024-04-19']);
  });

  it('counts months to the same day, or the month\'s last day when it has none', () => {
    const log = [registered(), started('2024-07-15'), review('2024-08-10'), review('2024-08-31'), review('2025-02-27')];
    expect(summary(dutiesOf(log), 'cla-second-review-within-3-months')).toEqual(['1: 2024-08-10 → 2024-11-10 met 2024-08-31']);
    expect(summary(dutiesOf(log), 'cla-reviews-every-6-months')).toEqual(['1: 2024-08-31 → 2025-02-28 met 2025-02-27', '2: 2025-02-27 → 2025-08-27']);
  });

  it('wants a visit every 3 months in a long-term placement after its first year, and every 4 weeks when the social worker set that', () => {
    const log = [
      registered(), started('2023-01-09', { placement: longTermFostering }), visit('2023-01-12'), visit('2023-02-20'), visit('2024-01-10'),
      visitInterval('2024-02-01', 4), visit('2024-02-05'),
    ];
    expect(visitDuties(dutiesOf(log)).slice(2)).toEqual([
      '6-weeks-of-the-last: 2023-02-20 → 2023-04-03 met 2024-01-10',
      '3-months-of-the-last: 2024-01-10 → 2024-04-10 met 2024-02-05',
      '4-weeks-of-the-last: 2024-02-05 → 2024-03-04',
    ]);
  });

  it('visits a child on short breaks only at the interval agreed with the IRO (CPPCR reg 48)', () => {
    const log = [registered(), started('2024-01-08', { legalStatus: 'V3' }), visit('2024-01-10'), visitInterval('2024-01-20', 8), visit('2024-02-01')];
    expect(visitDuties(dutiesOf(log))).toEqual([
      '1-week-of-becoming-looked-after: 2024-01-08 → 2024-01-15 met 2024-01-10',
      '8-weeks-of-the-last: 2024-02-01 → 2024-03-28',
    ]);
  });

  it('wants review health assessments every 6 months for a child under 5', () => {
    const log = [registered({ dateOfBirth: '2021-06-01' }), started('2024-01-08'), healthAssessment('2024-01-26', 'initial'), healthAssessment('2024-07-20')];
    expect(summary(dutiesOf(log), 'cla-review-health-assessment-within-6-months')).toEqual(['1: 2024-01-26 → 2024-07-26 met 2024-07-20', '1: 2024-07-20 → 2025-01-20']);
  });

  it('ends the period\'s duties when the child ceases to be looked after', () => {
    const log = [registered(), started('2024-01-08'), pep('2024-01-10'), ceased('2024-01-20')];
    const open = dutiesOf(log).filter((d) => d.closure === undefined);
    expect(open).toEqual([]);
  });

  it('lists its rules among the record\'s timescales', () => {
    expect(timescaleRules.map((rule) => rule.id)).toEqual(expect.arrayContaining(['cla-first-review-within-20-working-days', 'cla-visit-within-6-weeks-of-the-last']));
  });
});
