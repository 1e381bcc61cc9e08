/**
 * The adoption worklist: every child with an open adoption plan, where the plan stands (decision,
 * placement order, matched, placed) and what is due next, the most urgent first. Read from the API
 * the web app already uses: the children by involvement (whose label says the stage) and the duties
 * due, only adoption's read.
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
import { adoptionTimescaleRules } from '../timescales.ts';
import { adoptionInvolvementTags } from './labels.ts';

type Kind = keyof typeof adoptionInvolvementTags;
const kinds = Object.keys(adoptionInvolvementTags) as Kind[];

export const adoptionWorklistRequests = {
  children: kinds.map((kind) => `/children?involvement=${kind}&limit=500`),
  duties: '/duties',
} as const;

type WorklistChild = Pick<ChildListItem, 'childId' | 'forename' | 'surname' | 'involvements' | 'allocatedWorkerId'>;
type WorklistDuty = Pick<DueItem, 'childId' | 'ruleId' | 'title' | 'dueOn' | 'state' | 'daysLeft' | 'lateBy' | 'unit'>;

interface WorklistRow {
  childId: string;
  name: string;
  kind: Kind;
  /** Where the plan stands, in the words of the child's involvement: "Plan for adoption: matched with adopters". */
  stage: string;
  since: string;
  allocatedWorkerId: string | null;
  next: { title: string; dueOn: string; tag: UrgencyTag } | null;
}

const ruleIds = new Set<string>(adoptionTimescaleRules.map((rule) => rule.id));

export function adoptionWorklistOf(children: readonly WorklistChild[], duties: readonly WorklistDuty[]) {
  const ours = duties.filter((duty) => ruleIds.has(duty.ruleId) && (duty.state === 'open' || duty.state === 'overdue'));
  const unique = [...new Map(children.map((child) => [child.childId, child])).values()];
  const rows = unique.flatMap((child): WorklistRow[] => {
    const involvement = child.involvements.find((i) => (kinds as string[]).includes(i.kind));
    if (!involvement) return [];
    const next = ours.filter((duty) => duty.childId === child.childId).sort(byUrgency)[0];
    return [{
      childId: child.childId, name: `${child.forename} ${child.surname}`, kind: involvement.kind as Kind, stage: involvement.label, since: involvement.since,
      allocatedWorkerId: child.allocatedWorkerId, next: next ? { title: next.title, dueOn: next.dueOn, tag: urgencyOf(next) } : null,
    }];
  }).sort((a, b) => (a.next && b.next ? a.next.dueOn.localeCompare(b.next.dueOn) : a.next ? -1 : b.next ? 1 : a.name.localeCompare(b.name)));
  return {
    summary: {
      withPlan: rows.filter((row) => row.kind === 'adoption-plan').length,
      placed: rows.filter((row) => row.kind === 'placed-for-adoption').length,
      overdue: ours.filter((duty) => duty.state === 'overdue' && rows.some((row) => row.childId === duty.childId)).length,
    },
    rows,
  };
}

function AdoptionWorklist() {
  const { workerName } = useSession();
  const planned = useApi<{ children: ChildListItem[] }>(adoptionWorklistRequests.children[0]!);
  const placed = useApi<{ children: ChildListItem[] }>(adoptionWorklistRequests.children[1]!);
  const duties = useApi<DueList>(adoptionWorklistRequests.duties);
  const ready = Boolean(planned.data && placed.data && duties.data);
  useEffect(() => { if (ready) markReady('adoption'); }, [ready]);
  const error = planned.error ?? placed.error ?? duties.error;
  const worklist = ready ? adoptionWorklistOf([...planned.data!.children, ...placed.data!.children], duties.data!.duties) : undefined;
  return (
    <>
      <h1 className="govuk-heading-l">Adoption and permanence</h1>
      {error ? <p className="govuk-error-message">{error.message}</p> : null}
      {!worklist ? (error ? null : <p className="govuk-body">Loading…</p>) : (
        <>
          <p className="govuk-body-l" data-testid="adoption-summary">
            <strong>{worklist.summary.withPlan}</strong> {worklist.summary.withPlan === 1 ? 'child' : 'children'} with a plan for adoption not yet placed,{' '}
            <strong>{worklist.summary.placed}</strong> placed for adoption,{' '}
            <strong>{worklist.summary.overdue}</strong> overdue.
          </p>
          {worklist.rows.length === 0 ? <p className="govuk-body">No child has an open plan for adoption.</p> : (
            <table className="govuk-table govuk-!-font-size-16 app-break-anywhere" data-testid="adoption-worklist">
              <caption className="govuk-table__caption govuk-visually-hidden">Children with a plan for adoption, what is due soonest first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Child</th>
                  <th scope="col" className="govuk-table__header">Where the plan stands</th>
                  <th scope="col" className="govuk-table__header">Next due</th>
                  <th scope="col" className="govuk-table__header">Worker</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {worklist.rows.map((row) => {
                  const tag = adoptionInvolvementTags[row.kind];
                  return (
                    <tr key={row.childId} className="govuk-table__row">
                      <td className="govuk-table__cell"><Link href={`/children/${encodeURIComponent(row.childId)}`}>{row.name}</Link></td>
                      <td className="govuk-table__cell"><Tag text={tag.text} classes={`govuk-tag--${tag.colour}`} /> {row.stage.replace(/^Plan for adoption: /, '')}, since <span className="app-nowrap">{formatDate(row.since)}</span></td>
                      <td className="govuk-table__cell">{row.next ? <>
                        {row.next.title}, <span className="app-nowrap">{formatDate(row.next.dueOn)}</span>
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

export const adoptionWorklist: WorklistPage = { path: 'adoption', title: 'Adoption', councilOnly: true, Page: AdoptionWorklist };
