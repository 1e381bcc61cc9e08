/**
 * The private fostering worklist: every child the council is looking into a notification about, or
 * who is privately fostered, with the visit or review due next, the most urgent first. For the
 * private fostering social worker and the manager (the register the partnership's report calls the
 * tracking tool). Read from the API the web app already uses: the children by status, and the
 * duties due; made into the rows of a GOV.UK table here.
 */
import { byUrgency, formatDate, urgencyOf, type UrgencyTag } from '../../../web/format.ts';
import { privateFosteringTimescaleRules } from '../timescales.ts';
import { privateFosteringStatusLabels } from './labels.ts';

/** A child as GET /api/v1/children lists them. */
export interface WorklistChild {
  childId: string;
  forename: string;
  surname: string;
  status: string;
  allocatedWorkerId: string | null;
}

/** A duty as GET /api/v1/duties lists it. */
export interface WorklistDuty {
  childId: string;
  ruleId: string;
  title: string;
  dueOn: string;
  state: string;
  daysLeft?: number;
  lateBy?: number;
  unit: string;
}

/** What the worklist page asks the API for. */
export const privateFosteringWorklistRequests = {
  children: ['/children?status=private-fostering-notification&limit=500', '/children?status=privately-fostered&limit=500'],
  duties: '/duties',
} as const;

export interface WorklistRow {
  childId: string;
  name: string;
  href: string;
  stage: { text: string; colour: string };
  allocatedWorkerId: string | null;
  next: { title: string; dueOn: string; due: string; tag: UrgencyTag } | null;
  /** Everything else due for the child's private fostering, after the next. */
  alsoDue: number;
}

export interface PrivateFosteringWorklist {
  title: string;
  /** Children at each stage, and the visits and reviews overdue for them. */
  summary: { notifications: number; privatelyFostered: number; overdue: number };
  head: string[];
  rows: WorklistRow[];
}

const ruleIds = new Set<string>(privateFosteringTimescaleRules.map((rule) => rule.id));

/** The worklist from the children listed by status and the borough's duties (only private fostering's are read). */
export function privateFosteringWorklistOf(children: readonly WorklistChild[], duties: readonly WorklistDuty[]): PrivateFosteringWorklist {
  const ours = duties.filter((duty) => ruleIds.has(duty.ruleId) && (duty.state === 'open' || duty.state === 'overdue'));
  const nextDue = (childId: string) => ours.filter((duty) => duty.childId === childId).sort(byUrgency);
  const rows = children
    .filter((child) => child.status in privateFosteringStatusLabels)
    .map((child) => ({ child, due: nextDue(child.childId) }))
    // The most urgent first; children with nothing due after them, by name.
    .sort((a, b) => (a.due[0] && b.due[0] ? byUrgency(a.due[0], b.due[0]) : a.due[0] ? -1 : b.due[0] ? 1 : a.child.surname.localeCompare(b.child.surname)))
    .map(({ child, due }): WorklistRow => {
      const next = due[0];
      return {
        childId: child.childId,
        name: `${child.forename} ${child.surname}`,
        href: `/children/${encodeURIComponent(child.childId)}`,
        stage: privateFosteringStatusLabels[child.status]!,
        allocatedWorkerId: child.allocatedWorkerId,
        next: next ? { title: next.title, dueOn: next.dueOn, due: formatDate(next.dueOn), tag: urgencyOf(next) } : null,
        alsoDue: Math.max(0, due.length - 1),
      };
    });
  return {
    title: 'Private fostering',
    summary: {
      notifications: rows.filter((r) => r.stage === privateFosteringStatusLabels['private-fostering-notification']).length,
      privatelyFostered: rows.filter((r) => r.stage === privateFosteringStatusLabels['privately-fostered']).length,
      overdue: ours.filter((duty) => duty.state === 'overdue').length,
    },
    head: ['Child', 'Stage', 'Next due', 'Due', 'Status'],
    rows,
  };
}
