/**
 * The youth justice worklist: every child the youth justice service is involved with, whether they
 * are looked after (and any other involvement of children's social care, as tags), their youth
 * justice worker and the joint planning due. Read from the API the web app already uses: the
 * children by involvement, and the duties due, only youth justice's read.
 */
import { useEffect } from 'react';
import type { DueItem, DueList } from '../../../duties/read-model.ts';
import type { ChildListItem } from '../../../record/read-model.ts';
import { byUrgency, formatDate, urgencyOf } from '../../../web/format.ts';
import { Tag } from '../../../web/govuk/index.ts';
import { Link } from '../../../web/router.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import type { WorklistPage } from '../../../web/web-module.ts';
import { youthJusticeTimescaleRules } from '../timescales.ts';

export const youthJusticeWorklistRequests = { children: '/children?involvement=youth-justice&limit=500', duties: '/duties' } as const;

type WorklistChild = Pick<ChildListItem, 'childId' | 'forename' | 'surname' | 'involvements' | 'status'>;
type WorklistDuty = Pick<DueItem, 'childId' | 'ruleId' | 'title' | 'dueOn' | 'state' | 'daysLeft' | 'lateBy'>;

const ruleIds = new Set<string>(youthJusticeTimescaleRules.map((rule) => rule.id));

/** The worklist: looked-after children first (the joint work is theirs), then by name. */
export function youthJusticeWorklistOf(children: readonly WorklistChild[], duties: readonly WorklistDuty[]) {
  const ours = duties.filter((duty) => ruleIds.has(duty.ruleId) && (duty.state === 'open' || duty.state === 'overdue'));
  const rows = children.map((child) => {
    const since = child.involvements.find((i) => i.kind === 'youth-justice')?.since;
    const lookedAfter = child.involvements.some((i) => i.kind === 'looked-after');
    const next = ours.filter((d) => d.childId === child.childId).sort(byUrgency)[0];
    return {
      child, name: `${child.forename} ${child.surname}`, since, lookedAfter,
      next: next ? { title: next.title, dueOn: next.dueOn, tag: urgencyOf(next) } : null,
    };
  }).sort((a, b) => Number(b.lookedAfter) - Number(a.lookedAfter) || a.child.surname.localeCompare(b.child.surname));
  return { summary: { open: rows.length, lookedAfter: rows.filter((r) => r.lookedAfter).length }, rows };
}

function YouthJusticeWorklist(props: Parameters<WorklistPage['Page']>[0]) {
  const children = useApi<{ children: ChildListItem[] }>(youthJusticeWorklistRequests.children);
  const duties = useApi<DueList>(youthJusticeWorklistRequests.duties);
  const ready = Boolean(children.data && duties.data);
  useEffect(() => { if (ready) markReady('youth-justice'); }, [ready]);
  const error = children.error ?? duties.error;
  const worklist = ready ? youthJusticeWorklistOf(children.data!.children, duties.data!.duties) : undefined;
  return (
    <>
      <h1 className="govuk-heading-l">Youth justice</h1>
      {error ? <p className="govuk-error-message">{error.message}</p> : null}
      {!worklist ? (error ? null : <p className="govuk-body">Loading…</p>) : (
        <>
          <p className="govuk-body-l" data-testid="youth-justice-summary">
            <strong>{worklist.summary.open}</strong> {worklist.summary.open === 1 ? 'child' : 'children'} known to the youth justice service, of whom{' '}
            <strong>{worklist.summary.lookedAfter}</strong> looked after.
          </p>
          {worklist.rows.length === 0 ? <p className="govuk-body">The youth justice service is not involved with any child.</p> : (
            <table className="govuk-table govuk-!-font-size-16 app-break-anywhere" data-testid="youth-justice-worklist">
              <caption className="govuk-table__caption govuk-visually-hidden">Children known to the youth justice service, children looked after first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Child</th>
                  <th scope="col" className="govuk-table__header">Known since</th>
                  <th scope="col" className="govuk-table__header">Care and social care</th>
                  <th scope="col" className="govuk-table__header">Joint planning due</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {worklist.rows.map((row) => (
                  <tr key={row.child.childId} className="govuk-table__row">
                    <td className="govuk-table__cell"><Link href={`/children/${encodeURIComponent(row.child.childId)}`}>{row.name}</Link></td>
                    <td className="govuk-table__cell app-nowrap">{row.since ? formatDate(row.since) : ''}</td>
                    <td className="govuk-table__cell">
                      <span className="govuk-!-display-block">{row.lookedAfter ? 'Looked after' : 'Not looked after'}</span>
                      {props.tagsFor({ status: row.child.status, involvements: row.child.involvements.filter((i) => i.kind !== 'youth-justice') })}
                    </td>
                    <td className="govuk-table__cell">{row.next ? <>
                      {formatDate(row.next.dueOn)} <Tag text={row.next.tag.text} classes={`govuk-tag--${row.next.tag.colour}`} />
                    </> : 'Nothing due'}</td>
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

export const youthJusticeWorklist: WorklistPage = { path: 'youth-justice', title: 'Youth justice', councilOnly: true, Page: YouthJusticeWorklist };
