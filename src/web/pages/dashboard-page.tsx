import { TableRegion } from '../table-region.tsx';
import { useEffect, useState } from 'react';
import { recordsCover } from '../../analytics/records-cover.ts';
import { api, query } from '../api.ts';
import { Tag } from '../govuk/index.ts';
import { Link, useLocation } from '../router.tsx';
import { offers } from '../access.ts';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { markReady } from '../timing.ts';
import { PeriodPicker } from '../dashboards/period-picker.tsx';
import { apiWindowOf, choiceFrom, describePeriod, previousDatesOf } from '../dashboards/period.ts';
import {
  changeBetween, dashboardTablesOf, distributionOf, englandBenchmark, englandLabel, formatChange, formatFigure, hasChildrenBehind, unitsOf,
  type Catalogue, type CatalogueEntry,
} from '../dashboards/metrics.ts';
import type { MetricResult } from '../../analytics/schemas.ts';

export const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * The partnership's figures for a period, by area: each with the previous period, the change and
 * the England figure, and links to the metric's detail and to the children behind it.
 */
export function DashboardPage() {
  const { query: params } = useLocation();
  const { viewer } = useSession();
  const today = todayIso();
  const choice = choiceFrom(params, today);
  const windowQuery = apiWindowOf(choice);
  const windowKey = query(windowQuery);
  const catalogue = useApi<Catalogue>('/metrics');
  // The figures first, then the period before: the dashboard is usable as soon as the first are on screen.
  const [figures, setFigures] = useState<{ key: string; results: Record<string, MetricResult | null> }>();
  const [previous, setPrevious] = useState<{ key: string; results: Record<string, MetricResult | null> }>();
  useEffect(() => {
    if (!catalogue.data) return;
    let current = true;
    const wanted = dashboardTablesOf(catalogue.data.metrics).flatMap((table) => table.metrics);
    // One request for the whole dashboard: the server reads the population and shared counts once.
    const fetchAll = (window: Record<string, string>) =>
      api.get<{ results: Record<string, MetricResult | { error: unknown }> }>(`/metrics/values${query({ ...window, ids: wanted.map((m) => m.id).join(',') })}`)
        .then(({ results }) => Object.fromEntries(wanted.map((m) => {
          const result = results[m.id];
          return [m.id, result && !('error' in result) ? result : null] as const;
        })))
        .catch(() => Object.fromEntries(wanted.map((m) => [m.id, null] as const)));
    void fetchAll(windowQuery)
      .then((results) => {
        if (!current) return undefined;
        setFigures({ key: windowKey, results });
        return fetchAll(previousDatesOf(choice));
      })
      .then((results) => { if (current && results) setPrevious({ key: windowKey, results }); });
    return () => { current = false; };
    // windowKey stands for windowQuery and choice, which are new objects on every render.
  }, [catalogue.data, windowKey]);
  const results = figures?.key === windowKey ? figures.results : undefined;
  const before = previous?.key === windowKey ? previous.results : undefined;
  useEffect(() => { if (results) markReady('dashboard'); }, [results]);
  useEffect(() => { if (before) markReady('dashboard-complete'); }, [before]);
  const showChildren = (viewer !== undefined && offers.childRecord(viewer));
  const periodText = describePeriod(choice);

  return (
    <>
      <h1 className="govuk-heading-l">Dashboards</h1>
      <p className="govuk-body">The partnership's figures, worked out from the case record for the period you choose, beside the period before it of the same length and the England figure.</p>
      <PeriodPicker path="/dashboards" choice={choice} today={today} buttonText="Show the figures" />
      <h2 className="govuk-heading-m" data-testid="dashboard-period">{periodText}</h2>
      {results && !before ? <p className="govuk-body govuk-hint" role="status">Working out the period before…</p> : null}
      {!results ? <p className="govuk-body" role="status">Working out the figures…</p> : dashboardTablesOf(catalogue.data?.metrics ?? []).map((table) => {
        const metrics = table.metrics.filter((m) => results[m.id] !== undefined);
        if (metrics.length === 0) return null;
        return (
          <TableRegion key={table.domain} label={table.title}>
            <table className="govuk-table app-dashboard-table" data-testid={`dashboard-${table.domain}`}>
              <caption className="govuk-table__caption govuk-table__caption--m">{table.title}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Measure</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">This period</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Counted</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Previous period</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Change</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">England</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {metrics.map((metric) => <DashboardRow key={metric.id} metric={metric} result={results[metric.id] ?? null} previous={before ? before[metric.id] ?? null : undefined} windowQuery={windowQuery} showChildren={showChildren} />)}
              </tbody>
            </table>
          </TableRegion>
        );
      })}
      <p className="govuk-body">The partnership's annual report for any period is on <Link href={`/reports${windowKey}`}>Reports</Link>.</p>
    </>
  );
}

/** A distribution's groups and their shares, as a short list in a table cell. */
function Distribution(props: { shares: { label: string; share: string }[] }) {
  return (
    <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0 app-distribution">
      {props.shares.map((item) => <li key={item.label} className="govuk-!-margin-bottom-0">{item.label}: <strong>{item.share}</strong></li>)}
    </ul>
  );
}

/** `previous` is undefined while the period before is still being worked out. */
function DashboardRow(props: { metric: CatalogueEntry; result: MetricResult | null; previous: MetricResult | null | undefined; windowQuery: Record<string, string>; showChildren: boolean }) {
  const { metric, result } = props;
  const detailHref = `/dashboards/${encodeURIComponent(metric.id)}${query(props.windowQuery)}`;
  const pending = props.previous === undefined;
  const previousValue = props.previous?.value;
  // The period before the record began has no records yet: not a zero to compare with.
  const previousRecords = props.previous ? recordsCover(props.previous.window, props.previous.recordsFrom) : undefined;
  const england = result ? englandBenchmark(result.benchmarks) : undefined;
  const counted = result?.numerator;
  // A distribution (the length of plans) is its groups' shares; its count is how many were measured.
  const isDistribution = metric.valueType === 'distribution';
  const shares = isDistribution ? distributionOf(result?.breakdown) : [];
  const previousShares = isDistribution ? distributionOf(props.previous?.breakdown) : [];
  const countedText = counted === null || counted === undefined ? ''
    : result?.denominator !== null && result?.denominator !== undefined && metric.valueType === 'percent'
      ? `${counted.toLocaleString('en-GB')} of ${result.denominator.toLocaleString('en-GB')}`
      : isDistribution ? `${counted.toLocaleString('en-GB')} ${unitsOf(metric.countingUnit, counted)}` : counted.toLocaleString('en-GB');
  const drillable = props.showChildren && hasChildrenBehind(metric) && counted !== null && counted !== undefined && counted > 0;
  const previousCell = pending ? '…'
    : previousRecords === 'none' ? 'No records yet'
      : isDistribution ? (previousShares.length > 0 ? <Distribution shares={previousShares} /> : '–') : formatFigure(previousValue, metric.valueType);
  const changeCell = pending ? '…'
    : isDistribution || previousRecords !== 'whole' ? '–' : formatChange(changeBetween(result?.value, previousValue), metric.valueType);
  return (
    <tr className="govuk-table__row">
      <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
        <Link href={detailHref}>{metric.title}</Link>
        <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">{metric.id}{metric.followsDfe ? ' · DfE definition' : ''}</span>
      </th>
      <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold" data-testid={`this-period-${metric.id}`}>
        {!result ? <Tag text="Not available" classes="govuk-tag--grey" /> : recordsCover(result.window, result.recordsFrom) === 'none' ? 'No records yet' : shares.length > 0 ? <Distribution shares={shares} /> : result.display}
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric">
        {drillable ? (
          <Link href={`/dashboards/${encodeURIComponent(metric.id)}/children${query(props.windowQuery)}`} data-testid={`children-link-${metric.id}`}>
            {countedText}<span className="govuk-visually-hidden">{isDistribution ? '' : ` ${unitsOf(metric.countingUnit, counted)}`}: list them for {metric.title}</span>
          </Link>
        ) : countedText}
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric" data-testid={`previous-period-${metric.id}`}>
        {previousCell}
        {previousRecords === 'part' && !pending ? <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">Records began during this period</span> : null}
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric">{changeCell}</td>
      <td className="govuk-table__cell govuk-table__cell--numeric" data-testid={`england-${metric.id}`}>
        {england ? <>{formatFigure(england.value, metric.valueType)}<span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">{englandLabel(england)}</span></> : '–'}
      </td>
    </tr>
  );
}
