import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.ts';
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';
import { formatCalibrationTable } from '../../simulate/calibration.ts';
import { dayOf, isoOf, SimulationCalendar, type Day } from '../../simulate/dates.ts';
import { sortChildEvents, type SimulatedChild, type SimulatedEvent } from '../../simulate/journeys.ts';
import { Random } from '../../simulate/random.ts';
import { PrivateFosteringJourneys, privateFosteringCalibrationRows } from './simulator.ts';

/**
 * A borough's children (ages spread evenly over 0–17 in the middle of the run), their private
 * fostering simulated over four years, each child's events written as the simulator writes them
 * (business order, nothing on or after the end) and folded through the record's own rules.
 */
function simulate(seed: number, children: number) {
  const random = new Random(seed);
  const window = { start: dayOf('2021-04-01'), end: dayOf('2025-04-01') };
  const middle = dayOf('2023-04-01');
  const borough: SimulatedChild[] = Array.from({ length: children }, (_, i) => ({
    childId: `C${String(i + 1).padStart(7, '0')}`, familyId: `F${i + 1}`, forename: 'Child', sex: i % 2 === 0 ? 'F' : 'M', ethnicity: 'WBRI',
    birthDay: Math.round(middle - ((i * 7919) % 18_000) / 1000 * 365.25), disabilities: i % 20 === 0 ? ['HAND'] : [], events: [], allocations: [],
    episodeOpenUntil: -Infinity, episodeClosedOn: -Infinity, plans: 0,
  }));
  let push = 0;
  const add = (child: SimulatedChild, type: string, day: Day, data: Record<string, unknown> = {}): SimulatedEvent => {
    const event = { eventId: random.uuid(), type, day, occurredAt: isoOf(day), data, recordingLag: 0, push: push++ };
    child.events.push(event);
    return event;
  };
  const journeys = new PrivateFosteringJourneys(random.fork('private-fostering'), new SimulationCalendar(createCalendar()), children, window);
  journeys.run(borough, {
    register: (child, day) => {
      child.registeredDay = day;
      add(child, 'child.registered', day, {
        forename: child.forename, surname: 'Synthetic', dateOfBirth: isoOf(child.birthDay), sex: child.sex, ethnicity: child.ethnicity,
        disabilities: child.disabilities.length > 0 ? child.disabilities : ['NONE'], unaccompaniedAsylumSeeking: false,
      });
    },
    add,
  });
  const logs = borough.filter((child) => child.events.length > 0).map((child) => {
    let sequence = 0;
    const events: LoggedEvent[] = sortChildEvents(child.events).filter((e) => e.day < window.end).map((e) => ({
      eventId: e.eventId, sequence: ++sequence, type: e.type, occurredAt: e.occurredAt, recordedAt: '2025-04-01T18:00:00.000Z', data: e.data,
    }) as LoggedEvent);
    return { childId: child.childId, events };
  });
  return logs;
}

describe('private fostering in a synthetic borough', () => {
  it('makes records the record\'s own rules accept, the same for the same seed', () => {
    const logs = simulate(7, 40_000);
    expect(logs.length).toBeGreaterThan(20);
    for (const { childId, events } of logs) expect(() => foldChildRecord('206', childId, events), childId).not.toThrow();
    expect(JSON.stringify(simulate(7, 40_000))).toBe(JSON.stringify(logs));
  });

  it('reproduces the report\'s private fostering figures: about ten notifications a year, two in ten private fostering', () => {
    // Five boroughs' worth of children over four years, so that there are enough notifications to measure shares.
    const children = 5 * 38_320;
    const states = simulate(11, children).map(({ childId, events }) => foldChildRecord('206', childId, events).state);
    const rows = privateFosteringCalibrationRows(states, { children, from: '2021-04-01', to: '2025-03-31' });
    console.log(`Private fostering calibration, April 2021 to March 2025 (seed 11):\n${formatCalibrationTable(rows)}`);
    expect(rows.filter((row) => !row.withinTolerance)).toEqual([]);
    const kinds = new Set(states.flatMap((s) => s.privateFosteringNotifications.flatMap((n) => [n.closureReason, n.arrangement?.endReason])));
    expect(kinds).toContain('close-relative');
    expect(kinds).toContain('returned-to-parent');
    // Some arrangements last into their second year: visited 12-weekly and reviewed.
    expect(states.some((s) => s.privateFosteringNotifications.some((n) => (n.arrangement?.reviews.length ?? 0) > 0))).toBe(true);
  });
});
