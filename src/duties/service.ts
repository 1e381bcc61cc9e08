import { dutyStatusAsAt } from '../timescales/engine.ts';
import type { ListedInvolvement } from '../record/involvement-list.ts';
import type { Timescales } from '../record/repo.ts';
import type { DutyRow } from './repo.ts';

export interface DueItem {
  childId: string;
  childName: string;
  /** What the child is involved in now, the furthest along first. */
  involvements: ListedInvolvement[];
  ruleId: string;
  title: string;
  source: string;
  subjectId: string;
  occurrence: number;
  startedOn: string;
  dueOn: string;
  dueAt?: string;
  state: string;
  daysLeft?: number;
  lateBy?: number;
  unit: string;
  workerId: string | null;
  teamId: string | null;
}

/** Open duties as at a date, most urgent first (overdue longest, then due soonest). */
export function dueListAsAt(rows: DutyRow[], asAt: string, timescales: Timescales): DueItem[] {
  const rulesById = new Map(timescales.rules.map((rule) => [rule.id, rule]));
  return rows
    .map((row) => {
      const status = dutyStatusAsAt(row, asAt, timescales.calendar);
      const rule = rulesById.get(row.ruleId);
      return {
        childId: row.childId,
        childName: `${row.forename} ${row.surname}`,
        involvements: row.involvements,
        ruleId: row.ruleId,
        title: rule?.title ?? row.ruleId,
        source: rule?.source ?? '',
        subjectId: row.subjectId,
        occurrence: row.occurrence,
        startedOn: row.startedOn,
        dueOn: row.dueOn,
        ...(row.dueAt ? { dueAt: row.dueAt } : {}),
        state: status.state,
        ...(status.daysLeft !== undefined ? { daysLeft: status.daysLeft } : {}),
        ...(status.lateBy !== undefined ? { lateBy: status.lateBy } : {}),
        unit: row.unit,
        workerId: row.workerId,
        teamId: row.teamId,
      };
    })
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.childId.localeCompare(b.childId)));
}

/** Closed duties in a window: met on time, met late (and by how much) or cancelled. */
export function closedDutiesReport(rows: DutyRow[], to: string, timescales: Timescales) {
  const items = dueListAsAt(rows, to, timescales);
  const count = (state: string) => items.filter((item) => item.state === state).length;
  return { metOnTime: count('met-on-time'), metLate: count('met-late'), cancelled: count('cancelled'), items };
}

export function summariseDue(items: DueItem[]) {
  const byWorker = new Map<string, { workerId: string | null; open: number; overdue: number }>();
  for (const item of items) {
    const key = item.workerId ?? '(unallocated)';
    const entry = byWorker.get(key) ?? { workerId: item.workerId, open: 0, overdue: 0 };
    entry.open += 1;
    if (item.state === 'overdue') entry.overdue += 1;
    byWorker.set(key, entry);
  }
  return {
    open: items.length,
    overdue: items.filter((item) => item.state === 'overdue').length,
    byWorker: [...byWorker.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open),
  };
}
