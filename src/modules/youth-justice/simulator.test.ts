import { beforeAll, describe, expect, it } from 'vitest';
import { foldChildRecord } from '../../record/fold.ts';
import { islingtonShapedBorough } from '../../simulate/borough.ts';
import { calibrationRows, formatCalibrationTable } from '../../simulate/calibration.ts';
import { simulatedChildLogs } from '../../simulate/test-support.ts';
import { simulatedCareOf } from '../looked-after/index.ts';

/**
 * The default borough simulated over three years (April 2022 to March 2025), the first a warm-up
 * for the youth justice cohort; the calibration is measured on the last year, 2024/25.
 */
function simulatedYouthJustice() {
  return simulatedChildLogs(islingtonShapedBorough, { seed: 17, years: 3, from: '2022-04-01', warmUpYears: 0 });
}

describe('youth justice in a synthetic borough', () => {
  let run: ReturnType<typeof simulatedYouthJustice>;
  let states: ReturnType<typeof foldChildRecord>['state'][];
  beforeAll(() => {
    run = simulatedYouthJustice();
    // Every child with care or youth justice, as the record's own rules fold their whole record.
    states = run.logs.filter(({ events }) => events.some((e) => e.type.startsWith('youth-justice.') || e.type.startsWith('looked-after.')))
      .map(({ childId, events }) => foldChildRecord(islingtonShapedBorough.laCode, childId, events).state);
  }, 600_000);

  it('writes records the record\'s own rules accept', () => {
    expect(states.filter((s) => s.youthJustice.involvements.length > 0).length).toBeGreaterThan(100);
  });

  it('gives every remand of the care history a court remand on the same day, with the youth justice service involved', () => {
    const families = run.simulation as unknown as { families?: unknown };
    expect(families).toBeDefined();
    const remandDays = states.flatMap((s) => (s.periodsOfCare ?? []).flatMap((p) => p.episodes.filter((e, i) => e.legalStatus === 'J1' && p.episodes[i - 1]?.legalStatus !== 'J1')
      .map((e) => ({ s, on: e.startedOn }))));
    for (const { s, on } of remandDays) {
      expect(s.youthJustice.remands.map((r) => r.remandedOn), s.childId).toContain(on);
      expect(s.youthJustice.involvements.some((i) => i.startedOn <= on && (i.endedOn === undefined || i.endedOn >= on)), s.childId).toBe(true);
    }
    expect(typeof simulatedCareOf).toBe('function');
  });

  it('holds joint supervision for children looked after and open to the youth justice service', () => {
    const both = states.filter((s) => s.youthJustice.jointMeetings.length > 0);
    for (const s of both) {
      for (const meeting of s.youthJustice.jointMeetings) {
        expect(s.youthJustice.involvements.some((i) => i.startedOn <= meeting.heldOn && (i.endedOn === undefined || i.endedOn >= meeting.heldOn))).toBe(true);
      }
    }
  });

  it('reproduces the published figures it is calibrated on', () => {
    const rows = calibrationRows(states, { children: islingtonShapedBorough.children, yearStart: '2024-04-01', yearEnd: '2025-03-31' })
      .filter((row) => /^(CLA-1[56]|CLA-23|YJ-)/.test(row.measure));
    console.log(`Youth justice calibration, 2024/25 (seed 17):\n${formatCalibrationTable(rows)}`);
    expect(rows.map((row) => row.measure.split(' ')[0])).toEqual(['YJ-04', 'CLA-16', 'CLA-23', 'YJ-01']);
    expect(rows.filter((row) => !row.withinTolerance)).toEqual([]);
  });
});
