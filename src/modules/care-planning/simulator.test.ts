import { beforeAll, describe, expect, it } from 'vitest';
import { foldChildRecord } from '../../record/fold.ts';
import { islingtonShapedBorough } from '../../simulate/borough.ts';
import { calibrationRows, formatCalibrationTable } from '../../simulate/calibration.ts';
import { simulatedChildLogs, withEventsOf } from '../../simulate/test-support.ts';

/**
 * The default borough simulated from April 2022 (a warm-up year) to March 2025, as the interchange
 * file writes it: the records of every child care planning wrote about, folded by the record's own
 * rules, measured against the published figures for the year to 31 March 2025.
 */
function simulatedCarePlanning() {
  return withEventsOf(simulatedChildLogs(islingtonShapedBorough, { seed: 17, years: 3, from: '2022-04-01', warmUpYears: 1 }).logs, 'care-planning.');
}

const carePlanningMeasures = ['CLA-17', 'CLA-18', 'CLA-19', 'CLA-20', 'CLA-21', 'CLA-26'];

describe('care planning in a synthetic borough', () => {
  let logs: ReturnType<typeof simulatedCarePlanning>;
  beforeAll(() => {
    logs = simulatedCarePlanning();
  }, 900_000); // a whole borough over three years: minutes on a busy machine

  it('writes records the record\'s own rules accept, for every child looked after', () => {
    expect(logs.length).toBeGreaterThan(300);
    for (const { childId, events } of logs) expect(() => foldChildRecord(islingtonShapedBorough.laCode, childId, events), childId).not.toThrow();
  });

  it('reproduces the published figures for the year to 31 March 2025', () => {
    const states = logs.map(({ childId, events }) => foldChildRecord(islingtonShapedBorough.laCode, childId, events).state);
    const rows = calibrationRows(states, { children: islingtonShapedBorough.children, yearStart: '2024-04-01', yearEnd: '2025-03-31' })
      .filter((row) => carePlanningMeasures.includes(row.measure.slice(0, 6)));
    console.log(`Care planning calibration, April 2024 to March 2025 (seed 17):\n${formatCalibrationTable(rows)}`);
    expect(rows.map((row) => row.measure.slice(0, 6))).toEqual(carePlanningMeasures);
    expect(rows.filter((row) => !row.withinTolerance)).toEqual([]);
    // Every child looked after now has an IRO, and reviews are numbered in each period.
    const lookedAfterNow = states.filter((s) => s.periodsOfCare.some((p) => p.ceasedOn === undefined));
    expect(lookedAfterNow.filter((s) => s.carePlanning.iroAllocations.length === 0)).toEqual([]);
    expect(states.some((s) => s.carePlanning.reviews.some((r) => r.reviewNumber >= 3))).toBe(true);
  });
});
