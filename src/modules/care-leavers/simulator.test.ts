import { beforeAll, describe, expect, it } from 'vitest';
import { foldChildRecord } from '../../record/fold.ts';
import { islingtonShapedBorough } from '../../simulate/borough.ts';
import { calibrationRows, formatCalibrationTable } from '../../simulate/calibration.ts';
import { simulatedChildLogs, withEventsOf } from '../../simulate/test-support.ts';
import { computedEligibilityOn } from './eligibility.ts';
import { openLeavingCareOf } from './state.ts';

/**
 * The default borough simulated from April 2022 (a warm-up year before) to March 2025, as the
 * interchange file writes it: the records of every young person the module wrote about, folded by
 * the record's own rules, measured against the published figures for the year to 31 March 2025.
 */
function simulatedCareLeavers() {
  return withEventsOf(simulatedChildLogs(islingtonShapedBorough, { seed: 17, years: 3, from: '2022-04-01', warmUpYears: 1 }).logs, 'looked-after.');
}

describe('care leavers in a synthetic borough', () => {
  let logs: ReturnType<typeof simulatedCareLeavers>;
  beforeAll(() => {
    logs = simulatedCareLeavers();
  }, 900_000); // a whole borough over four years: minutes on a busy machine

  it('writes records the record\'s own rules accept, for the young people whose care makes them eligible', () => {
    const folded = logs.map(({ childId, events }) => ({ childId, events, state: foldChildRecord(islingtonShapedBorough.laCode, childId, events).state }));
    const supported = folded.filter(({ state }) => state.leavingCare !== undefined);
    expect(supported.length).toBeGreaterThan(300);
    // Everyone the periods of care make relevant or former relevant at the run's end has support (or had it).
    const owed = folded.filter(({ state }) => {
      const category = state.details?.dateOfBirth ? computedEligibilityOn(state, state.details.dateOfBirth, '2025-03-31') : undefined;
      return category === 'relevant' || category === 'former-relevant';
    });
    expect(owed.filter(({ state }) => state.leavingCare === undefined).map(({ childId }) => childId)).toEqual([]);
    expect(supported.filter(({ state }) => openLeavingCareOf(state) !== undefined).length).toBeGreaterThan(200);
  });

  it('reproduces the published figures for the year to 31 March 2025', () => {
    const states = logs.map(({ childId, events }) => foldChildRecord(islingtonShapedBorough.laCode, childId, events).state);
    const rows = calibrationRows(states, { children: islingtonShapedBorough.children, yearStart: '2024-04-01', yearEnd: '2025-03-31' })
      .filter((row) => row.measure.startsWith('CL-'));
    console.log(`Care leavers calibration, April 2024 to March 2025 (seed 17):\n${formatCalibrationTable(rows)}`);
    expect(rows.map((row) => row.measure.slice(0, 5))).toEqual(['CL-01', 'CL-02', 'CL-04', 'CL-05', 'CL-05', 'CL-06']);
    expect(rows.filter((row) => !row.withinTolerance)).toEqual([]);
  });
});
