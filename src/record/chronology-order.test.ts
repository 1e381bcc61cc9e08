import { describe, expect, it } from 'vitest';
import { inTimeOrderWithinEachDay } from './service.ts';

const entry = (sequence: number, occurredAt: string) => ({ sequence, occurredAt, occurredOn: occurredAt.slice(0, 10) });

describe('the chronology\'s order within a day', () => {
  it('follows the time each thing happened, not the order it was entered', () => {
    // A strategy discussion at 14:00 entered before the contact received at 09:10 the same day.
    const entered = [entry(1, '2026-11-20T16:00:00Z'), entry(2, '2026-11-21T14:00:00Z'), entry(3, '2026-11-21T09:10:00Z'), entry(4, '2026-11-22T08:00:00Z')];
    expect(inTimeOrderWithinEachDay(entered).map((e) => e.sequence)).toEqual([1, 3, 2, 4]);
  });

  it('keeps an entry with a date alone where it was entered, and orders the timed entries around it', () => {
    const entered = [entry(1, '2026-11-21T15:00:00Z'), entry(2, '2026-11-21'), entry(3, '2026-11-21T10:00:00Z')];
    expect(inTimeOrderWithinEachDay(entered).map((e) => e.sequence)).toEqual([3, 2, 1]);
  });

  it('orders the same time by entry', () => {
    const entered = [entry(2, '2026-11-21T10:00:00Z'), entry(5, '2026-11-21T10:00:00Z')];
    expect(inTimeOrderWithinEachDay(entered).map((e) => e.sequence)).toEqual([2, 5]);
  });
});
