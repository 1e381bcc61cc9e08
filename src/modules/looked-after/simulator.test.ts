import { beforeAll, describe, expect, it } from 'vitest';
import { foldChildRecord } from '../../record/fold.ts';
import { islingtonShapedBorough } from '../../simulate/borough.ts';
import { calibrationRows, formatCalibrationTable } from '../../simulate/calibration.ts';
import { simulatedChildLogs, withEventsOf } from '../../simulate/test-support.ts';
import { currentPeriodOfCareOf } from './state.ts';

/**
 * The default borough simulated from April 2022 (two warm-up years) to March 2025, as the
 * interchange file writes it: the records of every child the module wrote about, folded by the
 * record's own rules, measured against the published figures for the year to 31 March 2025.
 */
function simulatedLookedAfter() {
  return withEventsOf(simulatedChildLogs(islingtonShapedBorough, { seed: 17, years: 3, from: '2022-04-01', warmUpYears: 1 }).logs, 'looked-after.');
}

describe('children looked after in a synthetic borough', () => {
  let logs: ReturnType<typeof simulatedLookedAfter>;
  beforeAll(() => {
    logs = simulatedLookedAfter();
  }, 900_000); // a whole borough over four years: minutes on a busy machine

  it('writes records the record\'s own rules accept', () => {
    expect(logs.length).toBeGreaterThan(300);
    for (const { childId, events } of logs) expect(() => foldChildRecord(islingtonShapedBorough.laCode, childId, events), childId).not.toThrow();
  });

  it('reproduces the published figures for the year to 31 March 2025', () => {
    // This module's measures; care planning and youth justice calibrate CLA figures of their own.
    const lookedAfterMeasures = ['CLA-02', 'CLA-08', 'CLA-03', 'CLA-04', 'CLA-05', 'CLA-07'];
    const states = logs.map(({ childId, events }) => foldChildRecord(islingtonShapedBorough.laCode, childId, events).state);
    const rows = calibrationRows(states, { children: islingtonShapedBorough.children, yearStart: '2024-04-01', yearEnd: '2025-03-31' })
      .filter((row) => lookedAfterMeasures.includes(row.measure.slice(0, 6)));
    console.log(`Children looked after calibration, April 2024 to March 2025 (seed 17):\n${formatCalibrationTable(rows)}`);
    expect(rows.map((row) => row.measure.slice(0, 6))).toEqual(lookedAfterMeasures);
    expect(rows.filter((row) => !row.withinTolerance)).toEqual([]);
    // The stock is there from the first day: about as many looked after at the start as at the end.
    const atStart = states.filter((s) => s.periodsOfCare.some((p) => p.startedOn <= '2021-04-01' && (p.ceasedOn === undefined || p.ceasedOn > '2021-04-01'))).length;
    expect(atStart).toBeGreaterThan(250);
    expect(states.filter((s) => currentPeriodOfCareOf(s) !== undefined).length).toBeGreaterThan(250);
  });

  it('gives the borough care leavers: young people who left care at 16 to 18 before the run', () => {
    const states = logs.map(({ childId, events }) => foldChildRecord(islingtonShapedBorough.laCode, childId, events).state);
    const leavers = states.filter((s) => s.periodsOfCare.some((p) => p.ceasedOn !== undefined && p.ceasedOn < '2021-04-01'));
    expect(leavers.length).toBeGreaterThan(250);
  });
});
