import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import type { LoggedEvent } from '../../record/fold.ts';
import { computeDuties, type Duty } from '../../timescales/engine.ts';
import { resolveTimescaleRules, timescaleRules } from '../../timescales/rules.ts';
import { youthJusticeTimescaleRules } from './timescales.ts';
import { foldOf, involvementEnded, involvementStarted, jointMeeting, registered, remanded, remandEnded } from './test-builders.ts';

const calendar = createCalendar();

function dutiesOf(log: readonly LoggedEvent[]): Duty[] {
  const folded = foldOf(log);
  const timed = folded.effectiveEvents.map((event) => ({
    eventId: event.entityId, childId: folded.state.childId, type: event.type, occurredAt: event.occurredAt, data: event.data as Record<string, unknown>,
  }));
  return computeDuties(timed, youthJusticeTimescaleRules, calendar);
}

const summary = (duties: Duty[]) => duties.map((d) => `${d.startedOn} → ${d.dueOn}${d.closure ? ` ${d.closure} ${d.closedOn}` : ''}`);
const open = [registered(), involvementStarted('2024-05-01', 'remand')];

describe('youth justice timescales', () => {
  it('wants a joint planning meeting within 10 working days of a remand (bank holidays are not working days)', () => {
    // Thursday 2 May 2024; Monday 6 May is a bank holiday.
    expect(summary(dutiesOf([...open, remanded('2024-05-02'), jointMeeting('2024-05-14', { kind: 'joint-planning-meeting' })]))).toEqual(['2024-05-02 → 2024-05-17 met 2024-05-14']);
  });

  it('is not met by a joint supervision, only by a planning meeting', () => {
    expect(summary(dutiesOf([...open, remanded('2024-05-02'), jointMeeting('2024-05-14')]))).toEqual(['2024-05-02 → 2024-05-17']);
  });

  it('is no longer owed once the remand ends', () => {
    expect(summary(dutiesOf([...open, remanded('2024-05-02'), remandEnded('2024-05-07', 'bail-granted'), involvementEnded('2024-05-08')]))).toEqual(['2024-05-02 → 2024-05-17 cancelled 2024-05-07']);
  });

  it('is local practice the council may change, and says there is no national timescale', () => {
    const [rule] = youthJusticeTimescaleRules;
    expect(rule.local).toBe(true);
    expect(rule.source).toMatch(/^Local practice \(L\): .*no national timescale/);
    const changed = resolveTimescaleRules({ 'youth-justice-joint-planning-after-remand': { amount: 5 } }, [...timescaleRules, ...youthJusticeTimescaleRules])
      .find((r) => r.id === 'youth-justice-joint-planning-after-remand')!;
    expect(changed.title).toBe('Hold a joint planning meeting of children\'s social care and the youth justice service within 5 working days of a remand');
  });
});
