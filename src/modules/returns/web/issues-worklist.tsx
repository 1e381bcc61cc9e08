/**
 * The Return issues page: every open issue in the current year's CIN census and SSDA903, by rule
 * and by the child's team, each child linking to their record, so that the data can be put right
 * through the year rather than in the weeks before the return is due.
 */
import { useEffect } from 'react';
import { Link } from '../../../web/router.tsx';
import { TableRegion } from '../../../web/table-region.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import type { WorklistPage } from '../../../web/web-module.ts';
import type { ReturnIssuesWorklist } from '../read-model.ts';

const returnWords = { cin: 'CIN census', ssda903: 'SSDA903' } as const;
const childHref = (childId: string) => `/children/${encodeURIComponent(childId)}`;

function ReturnIssuesPage() {
  const worklist = useApi<ReturnIssuesWorklist>('/returns/issues');
  useEffect(() => { if (worklist.data) markReady('return-issues'); }, [worklist.data]);
  const data = worklist.data;
  const children = new Set(data?.byTeam.flatMap((team) => team.children.map((child) => child.childId)) ?? []);
  return (
    <>
      <h1 className="govuk-heading-l">Return issues</h1>
      {worklist.error ? <p className="govuk-error-message">{worklist.error.message}</p> : null}
      {!data ? (worklist.error ? null : <p className="govuk-body">Checking every child&apos;s record against DfE&apos;s rules…</p>) : (
        <>
          <p className="govuk-body-l" data-testid="return-issues-summary">
            <strong>{data.byRule.length}</strong> {data.byRule.length === 1 ? 'rule' : 'rules'} broken by <strong>{children.size}</strong> {children.size === 1 ? 'child' : 'children'}&apos;s records in the {data.year} returns.
          </p>
          {data.notes.map((note) => <div key={note} className="govuk-inset-text">{note}</div>)}
          {data.byRule.length === 0 ? <p className="govuk-body">No child&apos;s record raises an issue.</p> : (
            <>
              <h2 className="govuk-heading-m">By rule</h2>
              <TableRegion label="Issues by rule">
                <table className="govuk-table govuk-!-font-size-16" data-testid="return-issues-by-rule">
                  <caption className="govuk-table__caption govuk-visually-hidden">Each rule broken, errors first, with the children whose records break it</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Rule</th>
                      <th scope="col" className="govuk-table__header">Message</th>
                      <th scope="col" className="govuk-table__header">Children</th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {data.byRule.map((rule) => (
                      <tr key={`${rule.kind}-${rule.code}`} className="govuk-table__row">
                        <td className="govuk-table__cell">
                          {returnWords[rule.kind]} {rule.code}
                          <strong className={`govuk-tag govuk-tag--${rule.severity === 'error' ? 'red' : 'yellow'} govuk-!-display-block govuk-!-margin-top-1`} style={{ width: 'fit-content' }}>{rule.severity === 'error' ? 'Error' : 'Query'}</strong>
                        </td>
                        <td className="govuk-table__cell">{rule.message}</td>
                        <td className="govuk-table__cell">
                          <ul className="govuk-list govuk-!-margin-bottom-0">
                            {rule.children.map((child) => <li key={child.childId}><Link className="govuk-link" href={childHref(child.childId)}>{child.name}</Link></li>)}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              <h2 className="govuk-heading-m">By team</h2>
              {data.byTeam.map((team) => (
                <section key={team.teamId ?? 'none'} aria-label={team.teamName}>
                  <h3 className="govuk-heading-s">{team.teamName}</h3>
                  <TableRegion label={`Children of ${team.teamName} with issues`}>
                    <table className="govuk-table govuk-!-font-size-16" data-testid="return-issues-by-team">
                      <caption className="govuk-table__caption govuk-visually-hidden">Children of {team.teamName} whose records raise issues</caption>
                      <thead className="govuk-table__head">
                        <tr className="govuk-table__row">
                          <th scope="col" className="govuk-table__header">Child</th>
                          <th scope="col" className="govuk-table__header">Rules</th>
                          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Issues</th>
                        </tr>
                      </thead>
                      <tbody className="govuk-table__body">
                        {team.children.map((child) => (
                          <tr key={child.childId} className="govuk-table__row">
                            <td className="govuk-table__cell"><Link className="govuk-link" href={childHref(child.childId)}>{child.name}</Link></td>
                            <td className="govuk-table__cell">{child.codes.join(', ')}</td>
                            <td className="govuk-table__cell govuk-table__cell--numeric">{child.issues}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableRegion>
                </section>
              ))}
            </>
          )}
        </>
      )}
    </>
  );
}

/** The worklist, for those who make returns (the API lists only the children the reader may see); the council's own. */
export const returnIssuesWorklist: WorklistPage = { path: 'return-issues', title: 'Return issues', capability: 'make-returns', councilOnly: true, Page: ReturnIssuesPage };
