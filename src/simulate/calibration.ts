import { ChildEvent } from '../record/events.ts';
import { foldChildRecord, type LoggedEvent } from '../record/fold.ts';
import type { ChildRecordState } from '../record/child-record-state.ts';
import { domainModules } from '../modules/registry.ts';
import { createCalendar } from '../platform/calendar/calendar.ts';
import type { CalibrationRow, CalibrationYear, SimulatorBehaviour } from './simulator-behaviour.ts';

/**
 * Folds every child of a simulated interchange file (through the record's own validation and
 * transition rules) and measures the figures the simulator is calibrated on, for one financial
 * year. The analytics engine will compute the same figures from the database; this check stands
 * on the fold alone so the simulator can be checked before anything is stored.
 */
export function measureCalibration(lines: Iterable<string>, options: { children: number; yearStart: string; yearEnd: string }): CalibrationRow[] {
  const byChild = new Map<string, (LoggedEvent & { laCode: string })[]>();
  let sequence = 0;
  for (const line of lines) {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (value.format !== undefined || value.record !== undefined) continue;
    const event = ChildEvent.parse(value);
    let events = byChild.get(event.childId);
    if (!events) byChild.set(event.childId, (events = []));
    events.push({ ...event, sequence: ++sequence } as LoggedEvent & { laCode: string });
  }
  const states: ChildRecordState[] = [];
  for (const [childId, events] of byChild) states.push(foldChildRecord(events[0]!.laCode, childId, events).state);
  return calibrationRows(states, options);
}

/**
 * Every registered module's calibration rows for the year, in the registry's order. Given no
 * states, it still lists every target (with nothing simulated).
 */
export function calibrationRows(states: ChildRecordState[], { children, yearStart, yearEnd }: { children: number; yearStart: string; yearEnd: string }): CalibrationRow[] {
  const year: CalibrationYear = {
    children, yearStart, yearEnd, calendar: createCalendar(),
    inYear: (date) => date !== undefined && date >= yearStart && date <= yearEnd,
    percent: (part, whole) => (whole === 0 ? 0 : (100 * part) / whole),
    per10k: (count) => (10_000 * count) / children,
    row: (measure, target, simulated, tolerance, unit) =>
      ({ measure, target, simulated: Math.round(simulated * 10) / 10, tolerance, unit, withinTolerance: Math.abs(simulated - target) <= tolerance }),
  };
  const behaviours: readonly SimulatorBehaviour<ChildRecordState>[] = domainModules.flatMap((module) => (module.simulator ? [module.simulator] : []));
  return behaviours.flatMap((behaviour) => behaviour.calibration?.(states, year) ?? []);
}

export function formatCalibrationTable(rows: CalibrationRow[]): string {
  const header = ['measure', 'target', 'simulated', 'tolerance', ''];
  const body = rows.map((r) => [r.measure, `${Math.round(r.target * 10) / 10}${r.unit === '%' ? '%' : ''}`, `${r.simulated}${r.unit === '%' ? '%' : ''}`, `±${r.tolerance}`, r.withinTolerance ? 'ok' : 'OUT']);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...body.map((b) => b[i]!.length)));
  return [header, ...body].map((cells) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}
