import { TableRegion } from '../table-region.tsx';
import { useEffect } from 'react';
import { ApiError, query } from '../api.ts';
import { BackLink, InsetText } from '../govuk/index.ts';
import { formatDate } from '../format.ts';
import { Link, useLocation } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { markReady } from '../timing.ts';
import { apiWindowOf, choiceFrom, describePeriod } from '../dashboards/period.ts';
import { unitsOf, type MetricChildren } from '../dashboards/metrics.ts';
import { todayIso } from './dashboard-page.tsx';

/** The children behind a figure (or one group of its breakdown), each linking to their record. */
export function MetricChildrenPage(props: { metricId: string }) {
  const { query: params } = useLocation();
  const choice = choiceFrom(params, todayIso());
  const windowQuery = apiWindowOf(choice);
  const by = params.get('by') ?? undefined;
  const group = params.get('group') ?? undefined;
  const list = useApi<MetricChildren>(`/metrics/${encodeURIComponent(props.metricId)}/children${query({ ...windowQuery, by, group })}`);
  useEffect(() => { if (list.data || list.error) markReady('metric-children'); }, [list.data, list.error]);
  const data = list.data;
  const units = unitsOf(data?.metric.countingUnit);
  const countsChildren = data?.metric.countingUnit === 'child';

  return (
    <>
      <BackLink href={`/dashboards/${encodeURIComponent(props.metricId)}${query({ ...windowQuery, by })}`} text="Back to the figure" />
      <span className="govuk-caption-l">{props.metricId} · {describePeriod(choice)}</span>
      <h1 className="govuk-heading-l">{data ? `${data.metric.title}: the ${countsChildren ? 'children' : `${units} and their children`}` : 'The children behind a figure'}</h1>
      {list.error ? (
        <p className="govuk-body" role="alert" data-testid="metric-children-error">{list.error instanceof ApiError ? list.error.message : 'The list could not be read.'}</p>
      ) : !data ? <p className="govuk-body" role="status">Finding the children…</p> : (
        <>
          <p className="govuk-body">{data.metric.numerator}{data.group.length > 0 ? `, ${data.group.map((g) => g.label).join(', ')}` : ''}.</p>
          <p className="govuk-body" data-testid="metric-children-count">
            {data.counted.toLocaleString('en-GB')} {unitsOf(data.metric.countingUnit, data.counted)} counted
            {data.notVisible === null ? ' about children whose records you can see' : ''}
            {data.notVisible !== null && data.notVisible > 0 ? `; ${data.notVisible.toLocaleString('en-GB')} ${data.notVisible === 1 ? 'is' : 'are'} about children whose records you cannot see, so ${data.notVisible === 1 ? 'it is' : 'they are'} not listed` : ''}.
          </p>
          {data.listed < data.counted - (data.notVisible ?? 0) ? <InsetText text={`The first ${data.listed.toLocaleString('en-GB')} are listed.`} /> : null}
          {data.children.length > 0 ? (
            <TableRegion label="The children behind the figure">
              <table className="govuk-table" data-testid="metric-children">
                <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">{data.metric.title}: each {unitsOf(data.metric.countingUnit, 1)} counted, its child and the date counted</caption>
                <thead className="govuk-table__head"><tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Child</th>
                  <th scope="col" className="govuk-table__header">LA child id</th>
                  <th scope="col" className="govuk-table__header">Date of birth</th>
                  <th scope="col" className="govuk-table__header">Counted on</th>
                </tr></thead>
                <tbody className="govuk-table__body">
                  {data.children.map((child) => (
                    <tr key={`${child.unitId}-${child.childId}`} className="govuk-table__row">
                      <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
                        <Link href={`/children/${encodeURIComponent(child.childId)}`}>{`${child.forename} ${child.surname}`.trim() || child.childId}</Link>
                      </th>
                      <td className="govuk-table__cell">{child.childId}</td>
                      <td className="govuk-table__cell app-nowrap">{formatDate(child.dateOfBirth) || 'Not known'}</td>
                      <td className="govuk-table__cell app-nowrap">{formatDate(child.countedOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : <p className="govuk-body">No one you can see is counted here.</p>}
          <p className="govuk-body govuk-!-font-size-16">Each child listed here is recorded in the audit log as looked at by you.</p>
        </>
      )}
    </>
  );
}
