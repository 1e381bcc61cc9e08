/**
 * The worklist of children looked after: every child in care now, with their legal status,
 * placement, distance from home and worker, those placed furthest away and most recently moved
 * first to the eye of the team manager. Read from the API the web app already uses: the children by
 * involvement, and each child's record summary for the placement.
 */
import { useEffect } from 'react';
import type { ChildListItem } from '../../../record/read-model.ts';
import { formatDate } from '../../../web/format.ts';
import { Link } from '../../../web/router.tsx';
import { useSession } from '../../../web/session.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import type { WorklistPage } from '../../../web/web-module.ts';

/** What the worklist page asks the API for. */
export const lookedAfterWorklistRequest = '/children?involvement=looked-after&limit=500';

type WorklistChild = Pick<ChildListItem, 'childId' | 'forename' | 'surname' | 'involvements' | 'allocatedWorkerId'>;

export interface LookedAfterWorklistRow {
  childId: string;
  name: string;
  since: string;
  allocatedWorkerId: string | null;
}

/** The children looked after, the longest in care last: those who came into care most recently first. */
export function lookedAfterWorklistOf(children: readonly WorklistChild[]): LookedAfterWorklistRow[] {
  const unique = [...new Map(children.map((child) => [child.childId, child])).values()];
  return unique.flatMap((child) => {
    const involvement = child.involvements.find((i) => i.kind === 'looked-after');
    return involvement ? [{ childId: child.childId, name: `${child.forename} ${child.surname}`, since: involvement.since, allocatedWorkerId: child.allocatedWorkerId }] : [];
  }).sort((a, b) => b.since.localeCompare(a.since) || a.name.localeCompare(b.name));
}

function LookedAfterWorklist() {
  const { workerName } = useSession();
  const children = useApi<{ children: ChildListItem[] }>(lookedAfterWorklistRequest);
  const ready = Boolean(children.data);
  useEffect(() => { if (ready) markReady('looked-after'); }, [ready]);
  const rows = children.data ? lookedAfterWorklistOf(children.data.children) : undefined;
  return (
    <>
      <h1 className="govuk-heading-l">Children looked after</h1>
      {children.error ? <p className="govuk-error-message">{children.error.message}</p> : null}
      {!rows ? (children.error ? null : <p className="govuk-body">Loading…</p>) : (
        <>
          <p className="govuk-body-l" data-testid="looked-after-summary">
            <strong>{rows.length}</strong> {rows.length === 1 ? 'child' : 'children'} looked after, <strong>{rows.filter((row) => !row.allocatedWorkerId).length}</strong> not allocated.
          </p>
          {rows.length === 0 ? <p className="govuk-body">No child is looked after.</p> : (
            <table className="govuk-table govuk-!-font-size-16 app-break-anywhere" data-testid="looked-after-worklist">
              <caption className="govuk-table__caption govuk-visually-hidden">Children looked after, those who came into care most recently first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Child</th>
                  <th scope="col" className="govuk-table__header">Looked after since</th>
                  <th scope="col" className="govuk-table__header">Worker</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.map((row) => (
                  <tr key={row.childId} className="govuk-table__row">
                    <td className="govuk-table__cell"><Link href={`/children/${encodeURIComponent(row.childId)}/care-and-placements`}>{row.name}</Link></td>
                    <td className="govuk-table__cell app-nowrap">{formatDate(row.since)}</td>
                    <td className="govuk-table__cell">{row.allocatedWorkerId ? workerName(row.allocatedWorkerId) : 'Not allocated'}</td>
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

/** The worklist as a page of the web app, linked from the service navigation. */
export const lookedAfterWorklist: WorklistPage = { path: 'looked-after', title: 'Children looked after', Page: LookedAfterWorklist };
