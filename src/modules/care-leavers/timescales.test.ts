import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import type { LoggedEvent } from '../../record/fold.ts';
import { computeDuties, type Duty } from '../../timescales/engine.ts';
import { loadConfig } from '../../app/config.ts';
import { resolveTimescaleRules, timescaleRules } from '../../timescales/rules.ts';
import { timescalesFrom } from '../../timescales/timescales.ts';
import { careLeaversTimescaleRules } from './timescales.ts';
import {
  adviserAllocated, adviserContact, careLeaverJourney, eligibility, foldOf, inCare, leftCare, pathwayPlan, pathwayReview, registered, supportEnded,
} from './test-builders.ts';

const calendar = createCalendar();

function dutiesOf(log: readonly LoggedEvent[], rules: readonly (typeof timescaleRules)[number][] = careLeaversTimescaleRules): Duty[] {
  const folded = foldOf(log);
  const timed = folded.effectiveEvents.map((event) => ({
    eventId: event.entityId, childId: folded.state.childId, type: event.type, occurredAt: event.occurredAt, data: event.data as Record<string, unknown>,
  }));
  return computeDuties(timed, rules, calendar);
}

const summary = (duties: Duty[], ruleId: string) => duties.filter((d) => d.ruleId === ruleId)
  .map((d) => `${d.occurrence}: ${d.startedOn} → ${d.dueOn}${d.closure ? ` ${d.closure} ${d.closedOn}` : ''}`);

describe('care leavers timescales', () => {
  const duties = dutiesOf(careLeaverJourney());

  it('wants the pathway plan within 3 months of the first decision that owes one, and no second clock for a later decision', () => {
    expect(summary(duties, 'care-leavers-pathway-plan')).toEqual(['1: 2023-05-04 → 2023-08-04 met 2023-07-20']);
  });

  it('reviews the pathway plan at least every 6 months, from the last review', () => {
    expect(summary(duties, 'care-leavers-pathway-plan-review-every-6-months')).toEqual([
      '1: 2023-07-20 → 2024-01-20 met 2024-01-15',
      '2: 2024-01-15 → 2024-07-15 met 2024-07-10',
      '3: 2024-07-10 → 2025-01-10 met 2025-01-08',
      '4: 2025-01-08 → 2025-07-08',
    ]);
  });

  it('wants the personal adviser in contact every 8 weeks, and the council may set another interval', () => {
    const log = [registered(), inCare('2021-03-01'), leftCare('2024-02-01'), eligibility('2024-02-01', 'relevant'), adviserAllocated('2024-02-05'), adviserContact('2024-03-20'), adviserContact('2024-06-10'), supportEnded('2024-07-01')];
    expect(summary(dutiesOf(log), 'care-leavers-personal-adviser-contact')).toEqual([
      '1: 2024-02-05 → 2024-04-01 met 2024-03-20',
      '2: 2024-03-20 → 2024-05-15 met 2024-06-10',
      '3: 2024-06-10 → 2024-08-05 cancelled 2024-07-01',
    ]);
    const sixWeekly = resolveTimescaleRules({ 'care-leavers-personal-adviser-contact': { amount: 6 } }, careLeaversTimescaleRules);
    expect(summary(dutiesOf(log, sixWeekly), 'care-leavers-personal-adviser-contact')[0]).toBe('1: 2024-02-05 → 2024-03-18 met 2024-03-20');
    // Set in the council's configuration as every other timescale is (SAFEGUARD_TIMESCALES).
    const configured = timescalesFrom(loadConfig({ SAFEGUARD_TIMESCALES: JSON.stringify({ 'care-leavers-personal-adviser-contact': { amount: 6 } }) })).rules;
    expect(configured.find((rule) => rule.id === 'care-leavers-personal-adviser-contact')).toMatchObject({ due: { amount: 6, unit: 'weeks' }, recurrence: { amount: 6 } });
  });

  it('starts no pathway plan clock for a qualifying young person', () => {
    const log = [registered(), inCare('2023-06-01'), leftCare('2023-07-11'), eligibility('2023-08-01', 'qualifying'), pathwayPlan('2023-09-01'), pathwayReview('2023-10-01')];
    expect(summary(dutiesOf(log), 'care-leavers-pathway-plan')).toEqual([]);
  });

  it('stands in the statutory table\'s order, each with its source', () => {
    const ids = timescaleRules.map((rule) => rule.id);
    for (const rule of careLeaversTimescaleRules) {
      expect(ids).toContain(rule.id);
      expect(rule.source).toMatch(/^Table row 30: /);
    }
  });
});
