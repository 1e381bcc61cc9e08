import { TableRegion } from '../table-region.tsx';
import { useEffect, type FormEvent } from 'react';
import { ApiError, query } from '../api.ts';
import { BackLink, Button, Details, Select, SummaryList } from '../govuk/index.ts';
import { formatDate, humanise } from '../format.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { offers } from '../access.ts';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { markReady } from '../timing.ts';
import { BarChart, LineChart } from '../dashboards/charts.tsx';
import { PeriodPicker } from '../dashboards/period-picker.tsx';
import { apiWindowOf, choiceFrom, describePeriod } from '../dashboards/period.ts';
import {
  englandBenchmark, englandLabel, formatChange, formatFigure, hasChildrenBehind, unitsOf,
  type Catalogue, type CatalogueEntry,
} from '../dashboards/metrics.ts';
import type { BreakdownRow, MetricResult } from '../../analytics/schemas.ts';
import { todayIso } from './dashboard-page.tsx';

const TREND_PERIODS = 6;

/** 'Ethnicity (DfE code)' → 'ethnicity (DfE code)': keeps the capitals of codes and names. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The breakdown shown first: a view's own, a distribution's category, else ethnicity where the metric has it. */
function defaultBy(entry: CatalogueEntry | undefined, metric: CatalogueEntry | undefined): string {
  if (entry?.viewOf) return entry.viewOf.by.join(',');
  if (metric?.category) return '';
  return metric?.breakdowns?.includes('ethnicity') ? 'ethnicity' : '';
}

/** One metric for a period: the figure, benchmarks, a breakdown with its chart, disproportionality and the trend. */
export function MetricPage(props: { metricId: string }) {
  const { query: params } = useLocation();
  const { viewer } = useSession();
  const today = todayIso();
  const choice = choiceFrom(params, today);
  const windowQuery = apiWindowOf(choice);
  const catalogue = useApi<Catalogue>('/metrics');
  const entry = catalogue.data?.metrics.find((m) => m.id.toUpperCase() === props.metricId.toUpperCase());
  const definition = entry?.viewOf ? catalogue.data?.metrics.find((m) => m.id === entry.viewOf!.metricId) : entry;
  const by = params.get('by') ?? defaultBy(entry, definition);
  const path = catalogue.data ? `/metrics/${encodeURIComponent(props.metricId)}${query({ ...windowQuery, by: by || undefined, trend: TREND_PERIODS })}` : null;
  const result = useApi<MetricResult>(path);
  useEffect(() => { if (result.data) markReady('metric'); }, [result.data]);
  const showChildren = (viewer !== undefined && offers.childrenBehindFigures(viewer)) && definition !== undefined && hasChildrenBehind(definition);
  const dimensionTitle = (id: string) => catalogue.data?.dimensions.find((d) => d.id === id)?.title ?? humanise(id);

  if (catalogue.data && !entry) return <p className="govuk-body">There is no metric {props.metricId} in the catalogue.</p>;
  const title = entry?.title ?? props.metricId;
  const data = result.data;
  const valueType = data?.metric.valueType ?? definition?.valueType;
  const childrenHref = (group?: string[]) => `/dashboards/${encodeURIComponent(props.metricId)}/children${query({ ...windowQuery, by: group ? data?.breakdown?.by.slice(0, group.length).join(',') : undefined, group: group?.join(',') })}`;
  const changeBy = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get('by') ?? '');
    navigate(`/dashboards/${encodeURIComponent(props.metricId)}${query({ ...windowQuery, by: chosen || 'none' })}`);
  };
  const allocation = ['team', 'service', 'worker'];
  const byChoices = (definition?.breakdowns ?? [])
    .filter((id) => id !== definition?.category && (viewer === undefined || offers.breakdownByAllocation(viewer) || !allocation.includes(id)));
  const chosenBy = by === 'none' ? '' : by;
  const previous = data?.trend && data.trend.length > 1 ? data.trend[data.trend.length - 2] : undefined;
  const england = data ? englandBenchmark(data.benchmarks) : undefined;

  return (
    <>
      <BackLink href={`/dashboards${query(windowQuery)}`} text="Back to the dashboards" />
      <span className="govuk-caption-l">{entry?.id}{entry?.followsDfe ? ' · DfE definition' : ''}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      {entry?.description ? <p className="govuk-body">{entry.description}</p> : null}
      <h2 className="govuk-heading-m">{describePeriod(choice)}</h2>
      <Details summaryText="Change the period">
        <PeriodPicker path={`/dashboards/${encodeURIComponent(props.metricId)}`} choice={choice} today={today} buttonText="Show the figure" extra={by ? { by } : undefined} />
      </Details>
      {result.error ? <p className="govuk-body" role="alert">{result.error instanceof ApiError ? result.error.message : 'The figure could not be worked out.'}</p> : null}
      {!data && !result.error ? <p className="govuk-body" role="status">Working out the figure…</p> : null}
      {data ? (
        <>
          <SummaryList classes="govuk-!-margin-bottom-6" rows={[
            { key: { text: 'This period' }, value: { children: <strong data-testid="metric-value">{data.display}</strong> } },
            data.numerator !== null ? {
              key: { text: 'Counted' },
              value: {
                children: (
                  <>
                    {data.numerator.toLocaleString('en-GB')} {unitsOf(data.metric.countingUnit, data.numerator)}
                    {data.denominator !== null && valueType === 'percent' ? ` of ${data.denominator.toLocaleString('en-GB')}` : ''}
                    {showChildren && data.numerator > 0 ? <> · <Link href={childrenHref()} data-testid="metric-children-link">List the {unitsOf(data.metric.countingUnit)} behind this figure</Link></> : null}
                  </>
                ),
              },
            } : null,
            data.ratePer10000 !== null && valueType !== 'rate-per-10000' ? { key: { text: 'Rate per 10,000 children' }, value: { text: formatFigure(data.ratePer10000, 'mean') } } : null,
            { key: { text: 'Previous period' }, value: { text: previous ? `${previous.records === 'none' ? 'No records yet' : formatFigure(previous.value, valueType)} (${previous.window.label}${previous.records === 'part' ? ', records began during it' : ''})` : '–' } },
            { key: { text: 'Change' }, value: { text: formatChange(data.trend?.at(-1), valueType) } },
            { key: { text: 'England' }, value: { text: england ? `${formatFigure(england.value, valueType)} (${englandLabel(england)}${england.samePeriod ? '' : ', not this period'})` : 'No England figure held' } },
          ]} />

          {data.benchmarks.length > 0 ? (
            <TableRegion label="Comparisons">
              <table className="govuk-table" data-testid="benchmarks">
                <caption className="govuk-table__caption govuk-table__caption--s">Benchmarks</caption>
                <thead className="govuk-table__head"><tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Where</th>
                  <th scope="col" className="govuk-table__header">Year</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Figure</th>
                  <th scope="col" className="govuk-table__header">Source</th>
                </tr></thead>
                <tbody className="govuk-table__body">
                  {data.benchmarks.map((b, index) => (
                    <tr key={index} className="govuk-table__row">
                      <td className="govuk-table__cell">{humanise(b.geography)}{b.measure !== 'value' ? ` (${humanise(b.measure).toLowerCase()})` : ''}</td>
                      <td className="govuk-table__cell">{b.year}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{b.measure === 'value' ? formatFigure(b.value, valueType) : b.value.toLocaleString('en-GB')}</td>
                      <td className="govuk-table__cell">{b.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : null}

          <h2 className="govuk-heading-m">Breakdown</h2>
          {byChoices.length > 0 ? (
            <form onSubmit={changeBy} className="govuk-!-margin-bottom-4">
              <Select id="by" name="by" label={{ text: 'Break down by' }} value={chosenBy}
                items={[{ value: '', text: definition?.category ? `${dimensionTitle(definition.category)} only` : 'No breakdown' }, ...byChoices.map((id) => ({ value: id, text: dimensionTitle(id) }))]} />
              <Button text="Show the breakdown" classes="govuk-button--secondary" />
            </form>
          ) : null}
          {data.breakdown && data.breakdown.rows.length > 0 ? <Breakdown data={data} dimensionTitle={dimensionTitle} childrenHref={showChildren ? childrenHref : undefined} /> : <p className="govuk-body">No breakdown for this figure and period.</p>}

          {data.disproportionality ? <Disproportionality data={data} dimensionTitle={dimensionTitle} /> : null}

          {data.trend && data.trend.length > 1 ? (
            <>
              <h2 className="govuk-heading-m">Trend</h2>
              <LineChart title={`${title}: the last ${data.trend.length} periods`} testId="trend-chart"
                points={data.trend.map((point) => ({ label: point.window.label, value: point.value, display: point.records === 'none' ? 'no records yet' : formatFigure(point.value, valueType) }))} />
              {data.recordsFrom ? <p className="govuk-body" data-testid="records-from">The record begins on {formatDate(data.recordsFrom)}: a period before it has no records yet, and changes are given only between periods the record covers whole.</p> : null}
              <TableRegion label="Trend">
                <table className="govuk-table" data-testid="trend-table">
                  <caption className="govuk-table__caption govuk-table__caption--s">{title} over {data.trend.length} consecutive periods</caption>
                  <thead className="govuk-table__head"><tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Period</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Figure</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Change</th>
                  </tr></thead>
                  <tbody className="govuk-table__body">
                    {data.trend.map((point) => (
                      <tr key={point.window.label} className="govuk-table__row">
                        <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">{point.window.label}</th>
                        <td className="govuk-table__cell govuk-table__cell--numeric">
                          {point.records === 'none' ? 'No records yet' : formatFigure(point.value, valueType)}
                          {point.records === 'part' ? <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">Records began during this period</span> : null}
                        </td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{formatChange(point, valueType)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </>
          ) : null}

          {data.notes.length > 0 ? (
            <>
              <h2 className="govuk-heading-s">Notes</h2>
              <ul className="govuk-list govuk-list--bullet">{data.notes.map((note) => <li key={note}>{note}</li>)}</ul>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function Breakdown(props: { data: MetricResult; dimensionTitle: (id: string) => string; childrenHref?: (group: string[]) => string }) {
  const { data } = props;
  const breakdown = data.breakdown!;
  const valueType = data.metric.valueType;
  const isPercent = valueType === 'percent';
  const label = (row: BreakdownRow) => row.groups.map((g) => g.label).join(' · ');
  const topLevel = breakdown.rows.filter((row) => row.groups.length === 1);
  const caption = `${data.metric.title} by ${breakdown.by.map((id) => lowerFirst(props.dimensionTitle(id))).join(' and ')}`;
  return (
    <>
      <BarChart title={caption} testId="breakdown-chart"
        points={topLevel.map((row) => ({ label: label(row), value: row.value.value, display: row.value.display }))} />
      <TableRegion label="Breakdown">
        <table className="govuk-table" data-testid="breakdown-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{caption}{breakdown.suppression.applied ? ` (counts under ${breakdown.suppression.threshold} are shown as "fewer than ${breakdown.suppression.threshold}")` : ''}</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Group</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Counted</th>
            {isPercent ? <th scope="col" className="govuk-table__header govuk-table__header--numeric">Out of</th> : null}
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Figure</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Share</th>
            {breakdown.rows.some((row) => row.ratePer10000) ? <th scope="col" className="govuk-table__header govuk-table__header--numeric">Per 10,000</th> : null}
          </tr></thead>
          <tbody className="govuk-table__body">
            {breakdown.rows.map((row) => {
              const codes = row.groups.map((g) => g.code);
              const counted = row.numerator.value;
              return (
                <tr key={codes.join('/')} className="govuk-table__row">
                  <th scope="row" className={`govuk-table__header govuk-!-font-weight-regular${row.groups.length > 1 ? ' app-breakdown__child' : ''}`}>{label(row)}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {props.childrenHref && counted !== null && counted > 0
                      ? <Link href={props.childrenHref(codes)}>{row.numerator.display}<span className="govuk-visually-hidden"> in {label(row)}: list them</span></Link>
                      : row.numerator.display}
                  </td>
                  {isPercent ? <td className="govuk-table__cell govuk-table__cell--numeric">{row.denominator?.display ?? ''}</td> : null}
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.value.display}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.share.display}</td>
                  {breakdown.rows.some((r) => r.ratePer10000) ? <td className="govuk-table__cell govuk-table__cell--numeric">{row.ratePer10000?.display ?? ''}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

function Disproportionality(props: { data: MetricResult; dimensionTitle: (id: string) => string }) {
  const table = props.data.disproportionality!;
  const representation: Record<string, string> = {
    over: 'Over-represented', under: 'Under-represented', 'in-line': 'In line', comparator: 'Comparator', 'unknown-group': 'Not known',
    'not-computable': 'Cannot be worked out', withheld: 'Withheld (small numbers)',
  };
  return (
    <>
      <h2 className="govuk-heading-m">Disproportionality</h2>
      <p className="govuk-body">
        Each group's share of the service against its share of {table.reference}. The relative rate index compares the group's rate with
        {' '}{table.comparator.label}'s; {table.intervalMethod}. Unknown {lowerFirst(props.dimensionTitle(table.dimension))}: {table.unknownShare.display} of the service, kept out of the shares.
      </p>
      <div className="app-table-scroll">
        <table className="govuk-table govuk-!-font-size-16" data-testid="disproportionality-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{props.data.metric.title} by {lowerFirst(props.dimensionTitle(table.dimension))}: disproportionality</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Group</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Count</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Share of service</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Share of reference</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Rate per {table.rateBase.toLocaleString('en-GB')}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Relative rate index (95% CI)</th>
            <th scope="col" className="govuk-table__header">Representation</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {table.rows.map((row) => (
              <tr key={row.group.code} className="govuk-table__row">
                <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">{row.group.label}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.count.display}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.serviceShare.display}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.referenceShare.display}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.rate.display}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric app-nowrap">
                  {row.relativeRateIndex.display}
                  {row.confidenceInterval.lower.value !== null && row.confidenceInterval.upper.value !== null ? ` (${row.confidenceInterval.lower.display} to ${row.confidenceInterval.upper.display})` : ''}
                </td>
                <td className="govuk-table__cell">{representation[row.representation] ?? humanise(row.representation)}{row.significant ? ', significant' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
