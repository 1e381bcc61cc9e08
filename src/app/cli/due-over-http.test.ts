import { describe, expect, it } from 'vitest';
import { timeToDue } from './due-over-http.mjs';

describe('how far a duty is from its due date, with units', () => {
  const now = new Date('2026-11-21T10:00:00Z');
  const asAt = '2026-11-21';

  it('counts working days for working-day rules and calendar days for the rest', () => {
    expect(timeToDue({ state: 'overdue', daysLeft: -209, unit: 'working-days', dueOn: '2026-01-30', childId: 'C1', childName: 'A B', title: 't' }, asAt, now)).toBe('overdue by 209 working days');
    expect(timeToDue({ state: 'overdue', daysLeft: -1, unit: 'days', dueOn: '2026-11-20', childId: 'C1', childName: 'A B', title: 't' }, asAt, now)).toBe('overdue by 1 day');
    expect(timeToDue({ state: 'open', daysLeft: 3, unit: 'working-days', dueOn: '2026-11-26', childId: 'C1', childName: 'A B', title: 't' }, asAt, now)).toBe('3 working days left');
    expect(timeToDue({ state: 'open', daysLeft: 0, unit: 'days', dueOn: asAt, childId: 'C1', childName: 'A B', title: 't' }, asAt, now)).toBe('due today');
  });

  it('counts hours for a duty due at an hour, as at today', () => {
    const duty = { state: 'overdue', daysLeft: -1, unit: 'hours', dueOn: asAt, dueAt: '2026-11-21T05:00:00Z', childId: 'C1', childName: 'A B', title: 't' };
    expect(timeToDue(duty, asAt, now)).toBe('overdue by 5 hours');
    expect(timeToDue({ ...duty, state: 'open', daysLeft: 1, dueOn: '2026-11-22', dueAt: '2026-11-22T09:00:00Z' }, asAt, now)).toBe('23 hours left');
    expect(timeToDue({ ...duty, state: 'open', daysLeft: 1, dueOn: '2026-11-22', dueAt: '2026-11-22T09:00:00Z' }, '2026-11-20', now)).toBe('1 day left');
  });
});
