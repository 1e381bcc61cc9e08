/**
 * The independent reviewing officers' worklist: every child looked after now with their IRO and the
 * looked-after review due next, overdue first, for one IRO or all of them (the IRO manager's view).
 * Read from the IRO caseload (GET /care-planning/iro-caseload) and the due list, whose review
 * duties are about the period of care.
 */
import { useEffect, useState } from 'react';
import type { DueItem, DueList } from '../../../duties/read-model.ts';
import { byUrgency, formatDate, urgencyOf, type UrgencyTag } from '../../../web/format.ts';
import { Tag } from '../../../web/govuk/index.ts';
import { Link } from '../../../web/router.tsx';
import { useSession } from '../../../web/session.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import type { WorklistPage } from '../../../web/web-module.ts';
import type { IroCaseload } from '../read-model.ts';
import { reviewRuleIds } from '../timescales.ts';

type CaseloadChild = IroCaseload['children'][number];
type WorklistDuty = Pick<DueItem, 'childId' | 'subjectId' | 'ruleId' | 'title' | 'dueOn' | 'state' | 'daysLeft' | 'lateBy' | 'unit'>;

export interface IroWorklistRow {
  childId: string;
  name: string;
  iroWorkerId: string | null;
  lookedAfterSince: string;
  nextReview: { title: string; dueOn: string; state: string; tag: UrgencyTag } | null;
}

const reviewRules = new Set<string>(reviewRuleIds);

/** The worklist from the caseload and the due list: the next review of each child's period of care, overdue first, then soonest. */
export function iroWorklistOf(children: readonly CaseloadChild[], duties: readonly WorklistDuty[], iroWorkerId: string | null): IroWorklistRow[] {
  const reviews = duties.filter((duty) => reviewRules.has(duty.ruleId) && (duty.state === 'open' || duty.state === 'overdue'));
  return children
    .filter((child) => iroWorkerId === null || child.iroWorkerId === iroWorkerId)
    .map((child) => ({ child, due: reviews.filter((duty) => duty.childId === child.childId && duty.subjectId === child.periodId).sort(byUrgency)[0] }))
    .sort((a, b) => (a.due && b.due ? byUrgency(a.due, b.due) : a.due ? -1 : b.due ? 1 : a.child.surname.localeCompare(b.child.surname)))
    .map(({ child, due }) => ({
      childId: child.childId, name: `${child.forename} ${child.surname}`, iroWorkerId: child.iroWorkerId, lookedAfterSince: child.lookedAfterSince,
      nextReview: due ? { title: due.title, dueOn: due.dueOn, state: due.state, tag: urgencyOf(due) } : null,
    }));
}

function IroWorklist() {
  const { workerName, viewer } = useSession();
  const caseload = useApi<IroCaseload>('/care-planning/iro-caseload');
  const duties = useApi<DueList>('/duties');
  const ready = Boolean(caseload.data && duties.data);
  useEffect(() => { if (ready) markReady('iro-worklist'); }, [ready]);
  const iros = [...new Set((caseload.data?.children ?? []).map((child) => child.iroWorkerId).filter((id): id is string => id !== null))];
  const me = viewer?.workerId ?? null;
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // An IRO sees their own children first; anyone else, every IRO's.
  const iro = chosen === undefined ? (me !== null && iros.includes(me) ? me : 'all') : chosen;
  const rows = ready ? iroWorklistOf(caseload.data!.children, duties.data!.duties, iro === 'all' ? null : iro === 'none' ? null : iro)
    .filter((row) => iro !== 'none' || row.iroWorkerId === null) : [];
  const error = caseload.error ?? duties.error;
  return (
    <>
      <h1 className="govuk-heading-l">Independent reviewing officers</h1>
      {error ? <p className="govuk-error-message">{error.message}</p> : null}
      {!ready ? (error ? null : <p className="govuk-body">Loading…</p>) : (
        <>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="iro">Children of</label>
            <select className="govuk-select" id="iro" name="iro" value={iro} onChange={(event) => setChosen(event.target.value)}>
              <option value="all">Every IRO</option>
              <option value="none">No IRO allocated</option>
              {iros.map((id) => <option key={id} value={id}>{workerName(id)}</option>)}
            </select>
          </div>
          <p className="govuk-body-l" data-testid="iro-worklist-summary">
            <strong>{rows.length}</strong> {rows.length === 1 ? 'child' : 'children'} looked after,{' '}
            <strong>{rows.filter((row) => row.nextReview?.state === 'overdue').length}</strong> with a review overdue.
          </p>
          {rows.length === 0 ? <p className="govuk-body">No child looked after is listed.</p> : (
            <table className="govuk-table govuk-!-font-size-16 app-break-anywhere" data-testid="iro-worklist">
              <caption className="govuk-table__caption govuk-visually-hidden">Children looked after and their next review, overdue first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Child</th>
                  <th scope="col" className="govuk-table__header">Next review due</th>
                  <th scope="col" className="govuk-table__header">IRO</th>
                  <th scope="col" className="govuk-table__header">Looked after since</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.map((row) => (
                  <tr key={row.childId} className="govuk-table__row">
                    <td className="govuk-table__cell"><Link href={`/children/${encodeURIComponent(row.childId)}`}>{row.name}</Link></td>
                    <td className="govuk-table__cell">{row.nextReview ? <>
                      <span className="app-nowrap">{formatDate(row.nextReview.dueOn)}</span>
                      <span className="govuk-!-display-block"><Tag text={row.nextReview.tag.text} classes={`govuk-tag--${row.nextReview.tag.colour}`} /></span>
                    </> : 'Nothing due'}</td>
                    <td className="govuk-table__cell">{row.iroWorkerId ? workerName(row.iroWorkerId) : 'Not allocated'}</td>
                    <td className="govuk-table__cell app-nowrap">{formatDate(row.lookedAfterSince)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

/** The worklist as a page of the web app, linked from the service navigation; the council's own. */
export const iroWorklist: WorklistPage = { path: 'independent-reviewing-officers', title: 'IRO reviews', councilOnly: true, Page: IroWorklist };
