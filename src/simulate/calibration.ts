import { ChildEvent } from '../record/events.ts';
import { foldChildRecord, type LoggedEvent } from '../record/fold.ts';
import type { ChildRecordState } from '../record/child-record-state.ts';
import { createCalendar } from '../platform/calendar/calendar.ts';
import { calibrationTargets } from './borough.ts';

export interface CalibrationRow {
  measure: string;
  target: number;
  simulated: number;
  /** Allowed distance from the target, in the measure's own units. */
  tolerance: number;
  unit: '%' | 'per 10,000' | 'count';
  withinTolerance: boolean;
}

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

export function calibrationRows(states: ChildRecordState[], { children, yearStart, yearEnd }: { children: number; yearStart: string; yearEnd: string }): CalibrationRow[] {
  const calendar = createCalendar();
  const inYear = (date: string | undefined) => date !== undefined && date >= yearStart && date <= yearEnd;
  const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);
  const per10k = (count: number) => (10_000 * count) / children;
  const rows: CalibrationRow[] = [];
  const row = (measure: string, target: number, simulated: number, tolerance: number, unit: CalibrationRow['unit']) =>
    rows.push({ measure, target, simulated: Math.round(simulated * 10) / 10, tolerance, unit, withinTolerance: Math.abs(simulated - target) <= tolerance });

  const contacts = states.flatMap((s) => s.contacts).filter((c) => inYear(c.receivedOn));
  row('FD-01 contacts in the year, scaled to 38,320 children', 13_807, (contacts.length * 38_320) / children, 13_807 * 0.1, 'count');
  for (const [source, label] of [['6', 'police'], ['2A', 'schools']] as const) {
    const target = 100 * calibrationTargets.contactSources[label === 'police' ? 'police' : 'school'];
    row(`FD-03 contacts from ${label}`, target, percent(contacts.filter((c) => c.source === source).length, contacts.length), 3, '%');
  }
  for (const reason of ['information-request', 'domestic-abuse', 'parenting-capacity', 'child-mental-health'] as const) {
    row(`FD-04 contacts for ${reason}`, 100 * calibrationTargets.contactReasons[reason], percent(contacts.filter((c) => c.primaryReason === reason).length, contacts.length), 2.5, '%');
  }
  for (const [outcome, share] of Object.entries(calibrationTargets.contactOutcomes)) {
    row(`FD-05 contacts decided ${outcome}`, 100 * share, percent(contacts.filter((c) => c.decision === outcome).length, contacts.length), 3, '%');
  }
  const decidedInTime = contacts.filter((c) => c.decidedOn !== undefined && c.decidedOn <= calendar.addWorkingDays(c.receivedOn, 1)).length;
  row('FD-13 contacts decided within 1 working day', 90, percent(decidedInTime, contacts.length), 8, '%');

  const plans = states.flatMap((s) => s.episodes.flatMap((e) => e.cpPlans.map((p) => ({ ...p, childId: s.childId }))));
  const childrenOnPlans = new Set(plans.filter((p) => p.startedOn <= yearEnd && (p.endedOn === undefined || p.endedOn >= yearStart)).map((p) => p.childId));
  row('CP-02 children on a plan at any point in the year', calibrationTargets.childrenOnPlansDuringYearPer10k, per10k(childrenOnPlans.size), 20, 'per 10,000');
  const starts = plans.filter((p) => inYear(p.startedOn));
  row('CP-05 plans starting in the year that are repeat plans', 100 * calibrationTargets.repeatPlanShare, percent(starts.filter((p) => p.numberOfPreviousPlans > 0).length, starts.length), 8, '%');
  const enquiries = states.flatMap((s) => s.episodes.flatMap((e) => e.section47s)).filter((e) => inYear(e.startedOn));
  row('CP-09 section 47 enquiries per 10,000', calibrationTargets.section47PerYearPer10k, per10k(enquiries.length), 40, 'per 10,000');

  const conferences = states.flatMap((s) => s.episodes.flatMap((e) => e.initialConferences.map((c) => ({ ...c, enquiry: e.section47s.find((x) => x.section47Id === c.section47Id) }))));
  const held = conferences.filter((c) => inYear(c.heldOn) && c.enquiry);
  const onTime = held.filter((c) => c.heldOn <= calendar.addWorkingDays(c.enquiry!.startedOn, 15)).length;
  row('CPC-05 initial conferences within 15 working days', 100 * calibrationTargets.icpcWithin15WorkingDays, percent(onTime, held.length), 8, '%');

  const notRecorded = states.filter((s) => s.details?.ethnicity === 'NOBT' && s.contacts.some((c) => inYear(c.receivedOn))).length;
  const contacted = states.filter((s) => s.contacts.some((c) => inYear(c.receivedOn))).length;
  row('Ethnicity not yet obtained, children contacted in the year', 3, percent(notRecorded, contacted), 3, '%');
  return rows;
}

export function formatCalibrationTable(rows: CalibrationRow[]): string {
  const header = ['measure', 'target', 'simulated', 'tolerance', ''];
  const body = rows.map((r) => [r.measure, `${Math.round(r.target * 10) / 10}${r.unit === '%' ? '%' : ''}`, `${r.simulated}${r.unit === '%' ? '%' : ''}`, `±${r.tolerance}`, r.withinTolerance ? 'ok' : 'OUT']);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...body.map((b) => b[i]!.length)));
  return [header, ...body].map((cells) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}
