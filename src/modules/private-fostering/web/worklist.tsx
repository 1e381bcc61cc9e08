/**
 * The private fostering worklist: every child the council is looking into a notification about, or
 * who is privately fostered, with the visit or review due next, the most urgent first. For the
 * private fostering social worker and the manager (the register the partnership's report calls the
 * tracking tool). Read from the API the web app already uses: the children by involvement, and the
 * duties due, only private fostering's read.
 */
import { useEffect } from 'react';
import type { DueItem, DueList } from '../../../duties/read-model.ts';
import type { ChildListItem } from '../../../record/read-model.ts';
import { byUrgency, formatDate, urgencyOf, type UrgencyTag } from '../../../web/format.ts';
import { Tag } from '../../../web/govuk/index.ts';
import { Link } from '../../../web/router.tsx';
import { useSession } from '../../../web/session.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import type { WorklistPage } from '../../../web/web-module.ts';
import { privateFosteringTimescaleRules } from '../timescales.ts';
import { privateFosteringInvolvementTags } from './labels.ts';

type Stage = keyof typeof privateFosteringInvolvementTags;
const stages = Object.keys(privateFosteringInvolvementTags) as Stage[];

/** What the worklist page asks the API for: the children at each stage, and the duties due. */
export const privateFosteringWorklistRequests = {
  children: stages.map((stage) => `/children?involvement=${stage}&limit=500`),
  duties: '/duties',
} as const;

/** A child as the worklist reads them from GET /api/v1/children. */
type WorklistChild = Pick<ChildListItem, 'childId' | 'forename' | 'surname' | 'involvements' | 'allocatedWorkerId'>;
/** A duty as the worklist reads it from GET /api/v1/duties. */
type WorklistDuty = Pick<DueItem, 'childId' | 'ruleId' | 'title' | 'dueOn' | 'state' | 'daysLeft' | 'lateBy' | 'unit'>;

interface WorklistRow {
  childId: string;
  name: string;
  stage: Stage;
  allocatedWorkerId: string | null;
  next: { title: string; dueOn: string; tag: UrgencyTag } | null;
  /** Everything else due for the child's private fostering, after the next. */
  alsoDue: number;
}

const ruleIds = new Set<string>(privateFosteringTimescaleRules.map((rule) => rule.id));

/** The child's private fostering stage: an arrangement confirmed is further along than a notification. */
const stageOf = (child: WorklistChild): Stage | undefined =>
  [...stages].reverse().find((stage) => child.involvements.some((involvement) => involvement.kind === stage));

/** The worklist from the children listed by involvement and the borough's duties (only private fostering's are read). */
export function privateFosteringWorklistOf(children: readonly WorklistChild[], duties: readonly WorklistDuty[]) {
  const ours = duties.filter((duty) => ruleIds.has(duty.ruleId) && (duty.state === 'open' || duty.state === 'overdue'));
  const nextDue = (childId: string) => ours.filter((duty) => duty.childId === childId).sort(byUrgency);
  // A child is listed once, however many of the requests found them.
  const unique = [...new Map(children.map((child) => [child.childId, child])).values()];
  const rows = unique
    .map((child) => ({ child, stage: stageOf(child), due: nextDue(child.childId) }))
    .filter((entry): entry is typeof entry & { stage: Stage } => entry.stage !== undefined)
    // The most urgent first; children with nothing due after them, by name.
    .sort((a, b) => (a.due[0] && b.due[0] ? byUrgency(a.due[0], b.due[0]) : a.due[0] ? -1 : b.due[0] ? 1 : a.child.surname.localeCompare(b.child.surname)))
    .map(({ child, stage, due }): WorklistRow => {
      const next = due[0];
      return {
        childId: child.childId,
        name: `${child.forename} ${child.surname}`,
        stage,
        allocatedWorkerId: child.allocatedWorkerId,
        next: next ? { title: next.title, dueOn: next.dueOn, tag: urgencyOf(next) } : null,
        alsoDue: Math.max(0, due.length - 1),
      };
    });
  const childIds = new Set(rows.map((row) => row.childId));
  return {
    /** Children at each stage, and the visits and reviews overdue for them. */
    summary: {
      notifications: rows.filter((row) => row.stage === 'private-fostering-notification').length,
      privatelyFostered: rows.filter((row) => row.stage === 'privately-fostered').length,
      overdue: ours.filter((duty) => duty.state === 'overdue' && childIds.has(duty.childId)).length,
    },
    rows,
  };
}

function PrivateFosteringWorklist() {
  const { workerName } = useSession();
  const notifications = useApi<{ children: ChildListItem[] }>(privateFosteringWorklistRequests.children[0]!);
  const fostered = useApi<{ children: ChildListItem[] }>(privateFosteringWorklistRequests.children[1]!);
  const duties = useApi<DueList>(privateFosteringWorklistRequests.duties);
  const ready = Boolean(notifications.data && fostered.data && duties.data);
  useEffect(() => { if (ready) markReady('private-fostering'); }, [ready]);
  const error = notifications.error ?? fostered.error ?? duties.error;
  const worklist = ready ? privateFosteringWorklistOf([...notifications.data!.children, ...fostered.data!.children], duties.data!.duties) : undefined;
  return (
    <>
      <h1 className="govuk-heading-l">Private fostering</h1>
      {error ? <p className="govuk-error-message">{error.message}</p> : null}
      {!worklist ? (error ? null : <p className="govuk-body">Loading…</p>) : (
        <>
          <p className="govuk-body-l" data-testid="private-fostering-summary">
            <strong>{worklist.summary.notifications}</strong> {worklist.summary.notifications === 1 ? 'notification' : 'notifications'} being looked into,{' '}
            <strong>{worklist.summary.privatelyFostered}</strong> {worklist.summary.privatelyFostered === 1 ? 'child' : 'children'} privately fostered,{' '}
            <strong>{worklist.summary.overdue}</strong> overdue.
          </p>
          {worklist.rows.length === 0 ? <p className="govuk-body">No child is privately fostered and no notification is open.</p> : (
            <table className="govuk-table govuk-!-font-size-16 app-break-anywhere" data-testid="private-fostering-worklist">
              <caption className="govuk-table__caption govuk-visually-hidden">Privately fostered children and open notifications, the most urgent first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Child</th>
                  <th scope="col" className="govuk-table__header">Stage</th>
                  <th scope="col" className="govuk-table__header">Next due</th>
                  <th scope="col" className="govuk-table__header">Worker</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {worklist.rows.map((row) => {
                  const stage = privateFosteringInvolvementTags[row.stage];
                  return (
                    <tr key={row.childId} className="govuk-table__row">
                      <td className="govuk-table__cell"><Link href={`/children/${encodeURIComponent(row.childId)}`}>{row.name}</Link></td>
                      <td className="govuk-table__cell"><Tag text={stage.text} classes={`govuk-tag--${stage.colour}`} /></td>
                      <td className="govuk-table__cell">{row.next ? <>
                        {row.next.title}, <span className="app-nowrap">{formatDate(row.next.dueOn)}</span>
                        {row.alsoDue > 0 ? <span className="govuk-hint govuk-!-margin-bottom-0"> and {row.alsoDue} more due</span> : null}
                        <span className="govuk-!-display-block"><Tag text={row.next.tag.text} classes={`govuk-tag--${row.next.tag.colour}`} /></span>
                      </> : 'Nothing due'}</td>
                      <td className="govuk-table__cell">{row.allocatedWorkerId ? workerName(row.allocatedWorkerId) : 'Not allocated'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

/** The worklist as a page of the web app, linked from the service navigation. */
export const privateFosteringWorklist: WorklistPage = { path: 'private-fostering', title: 'Private fostering', Page: PrivateFosteringWorklist };
