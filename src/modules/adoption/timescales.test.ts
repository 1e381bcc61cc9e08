import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import type { LoggedEvent } from '../../record/fold.ts';
import { computeDuties, dutyStatusAsAt, type Duty } from '../../timescales/engine.ts';
import { resolveTimescaleRules, timescaleRules } from '../../timescales/rules.ts';
import { adoptionTimescaleRules } from './timescales.ts';
import { adoptedJourney, careCeased, CHILD_ID, decided, foldOf, matched, orderGranted, registered, reversed, startedCare } from './test-builders.ts';

const calendar = createCalendar();

/** The duties the adoption rules make of a log, as the record's duties are made (record/repo.ts dutiesOf). */
function dutiesOf(log: readonly LoggedEvent[]): Duty[] {
  const folded = foldOf(log);
  const timed = folded.effectiveEvents.map((event) => ({
    eventId: event.entityId, childId: CHILD_ID, type: event.type, occurredAt: event.occurredAt, data: event.data as Record<string, unknown>,
  }));
  return computeDuties(timed, adoptionTimescaleRules, calendar);
}

/** A child looked after from 1 November 2022. */
const inCare = () => [registered(), startedCare('2022-11-01')];

const summary = (duties: Duty[], ruleId: string) => duties.filter((d) => d.ruleId === ruleId)
  .map((d) => `${d.startedOn} → ${d.dueOn}${d.closure ? ` ${d.closure} ${d.closedOn}` : ''}`);

describe('adoption timescales (the adoption scorecard\'s thresholds)', () => {
  it('wants the child placed within 426 days of entering care, and matched within 121 days of the placement order', () => {
    const duties = dutiesOf(adoptedJourney());
    // 426 days from 1 June 2021 is 1 August 2022; placed on 1 June 2022.
    expect(summary(duties, 'adoption-placed-within-426-days-of-entering-care')).toEqual(['2021-06-01 → 2022-08-01 met 2022-06-01']);
    // 121 days from 1 February 2022 is 2 June 2022; matched on 1 May.
    expect(summary(duties, 'adoption-match-within-121-days-of-placement-order')).toEqual(['2022-02-01 → 2022-06-02 met 2022-05-01']);
  });

  it('makes every duty about the adoption plan', () => {
    const log = adoptedJourney();
    const planId = foldOf(log).state.adoptionPlans[0]!.planId;
    expect(new Set(dutiesOf(log).map((d) => d.subjectId))).toEqual(new Set([planId]));
  });

  it('shows a match due after a placement order, overdue once 121 days are past', () => {
    const duties = dutiesOf([...inCare(), decided('2023-01-10'), orderGranted('2023-03-01')]);
    const match = duties.find((d) => d.ruleId === 'adoption-match-within-121-days-of-placement-order')!;
    expect(match.dueOn).toBe('2023-06-30');
    expect(dutyStatusAsAt(match, '2023-06-01', calendar).state).toBe('open');
    expect(dutyStatusAsAt(match, '2023-07-01', calendar).state).toBe('overdue');
    expect(dutiesOf([...inCare(), decided('2023-01-10'), orderGranted('2023-03-01'), matched('2023-08-01')])
      .find((d) => d.ruleId === match.ruleId)).toMatchObject({ closure: 'met', closedOn: '2023-08-01' });
  });

  it('owes nothing more once the decision to place is reversed', () => {
    const duties = dutiesOf([...inCare(), decided('2023-01-10'), orderGranted('2023-03-01'), reversed('2023-04-01', 'RD1')]);
    expect(duties.map((d) => d.closure)).toEqual(['cancelled', 'cancelled']);
  });

  it('runs the clock from the latest entry into care, not an earlier period', () => {
    const log = [registered({ dateOfBirth: '2019-03-01' }, '2019-12-02'), startedCare('2020-01-06'), careCeased('2020-05-01', 'E4A'), startedCare('2022-11-01'), decided('2023-01-10')];
    expect(summary(dutiesOf(log), 'adoption-placed-within-426-days-of-entering-care')).toEqual(['2022-11-01 → 2024-01-01']);
  });

  it('are local thresholds a council may change, citing the scorecard and saying they are not in the specs', () => {
    for (const rule of adoptionTimescaleRules) {
      expect(rule.local).toBe(true);
      expect(rule.source).toMatch(/^Local practice \(L\): DfE adoption scorecard thresholds for 2016–19 \(not in the statutory timescales table or the metrics catalogue\), A[12]:/);
    }
    const all = [...timescaleRules, ...adoptionTimescaleRules];
    const changed = resolveTimescaleRules({ 'adoption-match-within-121-days-of-placement-order': { amount: 180 } }, all).find((rule) => rule.id === 'adoption-match-within-121-days-of-placement-order')!;
    expect(changed.due).toMatchObject({ amount: 180, unit: 'calendar-days' });
  });
});
