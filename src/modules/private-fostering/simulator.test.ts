import { beforeAll, describe, expect, it } from 'vitest';
import { foldChildRecord } from '../../record/fold.ts';
import { boroughOfSize, islingtonShapedBorough } from '../../simulate/borough.ts';
import { calibrationRows, formatCalibrationTable } from '../../simulate/calibration.ts';
import { simulatedChildLogs, withEventsOf } from '../../simulate/test-support.ts';
import { privateFosteringCalibrationTargets } from './simulator.ts';

/**
 * A borough of twice the default's children simulated over four years (April 2021 to March 2025)
 * by the simulator as it writes the interchange file: about ten notifications a year for 38,320
 * children is too few in one borough's year to measure shares, so the children's years are pooled.
 */
const BOROUGHS = 2;
const YEARS = 4;
const children = BOROUGHS * islingtonShapedBorough.children;

function simulatedPrivateFostering() {
  // The whole record of every child the module wrote about, as the record's own rules fold it.
  return withEventsOf(simulatedChildLogs(boroughOfSize(islingtonShapedBorough, children), { seed: 11, years: YEARS, from: '2021-04-01', warmUpYears: 0 }).logs, 'private-fostering.');
}

describe('private fostering in a synthetic borough', () => {
  let logs: ReturnType<typeof simulatedPrivateFostering>;
  beforeAll(() => {
    logs = simulatedPrivateFostering();
  }, 600_000); // a two-borough simulation: minutes on a busy machine

  it('writes records the record\'s own rules accept', () => {
    expect(logs.length).toBeGreaterThan(20);
    for (const { childId, events } of logs) expect(() => foldChildRecord(islingtonShapedBorough.laCode, childId, events), childId).not.toThrow();
  });

  it('reproduces the report\'s figures: about ten notifications a year, about two in ten private fostering', () => {
    const states = logs.map(({ childId, events }) => foldChildRecord(islingtonShapedBorough.laCode, childId, events).state);
    // The four years counted as one of four times the children: a year's notifications, scaled to the borough.
    const rows = calibrationRows(states, { children: children * YEARS, yearStart: '2021-04-01', yearEnd: '2025-03-31' })
      .filter((row) => row.measure.startsWith('PF-'));
    console.log(`Private fostering calibration, April 2021 to March 2025 (seed 11):\n${formatCalibrationTable(rows)}`);
    expect(rows.map((row) => row.measure.slice(0, 5))).toEqual(['PF-01', 'PF-02', 'PF-04']);
    expect(rows.filter((row) => !row.withinTolerance)).toEqual([]);

    const notifications = states.flatMap((s) => s.privateFosteringNotifications);
    const perYear = (notifications.length * privateFosteringCalibrationTargets.childrenOfTheBorough) / children / YEARS;
    expect(perYear).toBeGreaterThan(5);
    expect(perYear).toBeLessThan(15);
    const decided = notifications.filter((n) => n.arrangement !== undefined || n.closedOn !== undefined);
    const confirmedShare = decided.filter((n) => n.arrangement !== undefined).length / decided.length;
    expect(confirmedShare).toBeGreaterThan(0.1);
    expect(confirmedShare).toBeLessThan(0.35);
    const kinds = new Set(notifications.flatMap((n) => [n.closureReason, n.arrangement?.endReason]));
    expect(kinds).toContain('close-relative');
  });
});
