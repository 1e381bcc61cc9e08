import { beforeAll, describe, expect, it } from 'vitest';
import { ChildEvent } from '../../record/events.ts';
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';
import { boroughOfSize, islingtonShapedBorough } from '../../simulate/borough.ts';
import { Random } from '../../simulate/random.ts';
import { simulateBorough } from '../../simulate/simulate.ts';
import { FamilyAdultLine } from './reference-records.ts';

/** A small borough over two years, as the simulator writes its interchange file. */
function simulated() {
  const simulation = simulateBorough(boroughOfSize(islingtonShapedBorough, 4000), { seed: 7, years: 2, from: '2023-04-01', warmUpYears: 0 }, new Random(7));
  const lines = [...simulation.lines()];
  const adults: FamilyAdultLine[] = [];
  const logs = new Map<string, LoggedEvent[]>();
  for (const line of lines) {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (value.record === 'family-adult') adults.push(FamilyAdultLine.parse(value));
    if (value.record !== undefined) continue;
    const event = ChildEvent.parse(value);
    const log = logs.get(event.childId) ?? [];
    log.push({ ...event, sequence: log.length + 1 } as LoggedEvent);
    logs.set(event.childId, log);
  }
  return { lines, adults, logs };
}

describe('the family network in a synthetic borough', () => {
  let borough: ReturnType<typeof simulated>;
  beforeAll(() => {
    borough = simulated();
  }, 600_000);

  it('gives every registered child a mother with parental responsibility, every referred child a GP and often a father, each adult a line of their own, and folds', () => {
    const adultIds = new Set(borough.adults.map((a) => a.personId));
    let fathers = 0;
    let referredChildren = 0;
    let schools = 0;
    let flags = 0;
    for (const [childId, events] of borough.logs) {
      const { state } = foldChildRecord('206', childId, events);
      if (!state.details) continue;
      const adults = state.relationships.filter((r) => r.relatedPerson);
      // An unaccompanied asylum-seeking child has no parent in the country to record.
      if (state.details.unaccompaniedAsylumSeeking) {
        expect(adults, childId).toEqual([]);
        continue;
      }
      expect(adults.find((r) => r.relationship === 'mother'), childId).toMatchObject({ parentalResponsibility: true, livesWithChild: true });
      for (const r of adults) expect(adultIds.has(r.relatedPerson!.personId), `${childId}'s ${r.relationship} has a line`).toBe(true);
      const referred = events.some((e) => e.type === 'referral.received');
      referredChildren += referred ? 1 : 0;
      fathers += adults.some((r) => r.relationship === 'father') ? 1 : 0;
      if (!referred) expect(adults.map((r) => r.relationship), `${childId}, not referred, has their mother recorded`).toEqual(['mother']);
      expect(state.professionals.some((p) => p.role === 'gp'), childId).toBe(referred);
      schools += state.professionals.some((p) => p.role === 'school') ? 1 : 0;
      flags += state.flags.length;
    }
    expect(fathers / referredChildren).toBeGreaterThan(0.4);
    expect(fathers / referredChildren).toBeLessThan(0.8);
    expect(schools).toBeGreaterThan(0);
    expect(flags).toBeGreaterThan(0);
  });

  it('records a household\'s move once for all its members: the same move on each child, a new version of each adult living there', () => {
    const moves = new Map<string, { childIds: string[]; householdId: string; on: string }>();
    for (const [childId, events] of borough.logs) {
      for (const event of events.filter((e) => e.type === 'address.changed')) {
        const data = event.data as { moveId: string; householdId: string };
        const move = moves.get(data.moveId) ?? { childIds: [], householdId: data.householdId, on: event.occurredAt };
        expect(move.on).toBe(event.occurredAt);
        move.childIds.push(childId);
        moves.set(data.moveId, move);
      }
    }
    expect(moves.size).toBeGreaterThan(0);
    for (const move of moves.values()) {
      const moved = borough.adults.filter((a) => a.version === 2 && a.details.householdId === move.householdId);
      expect(moved.length, move.householdId).toBeGreaterThan(0);
      for (const adult of moved) expect(adult.details.addressFrom).toBe(move.on);
    }
  });

  it('is the same borough from the same seed', () => {
    expect(simulated().lines).toEqual(borough.lines);
  }, 600_000);
});
