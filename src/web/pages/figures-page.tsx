import { useEffect, useState } from 'react';
import { api, query } from '../api.ts';
import { Button, Select, Tag } from '../govuk/index.ts';
import { navigate, useLocation } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { financialYearOf } from '../format.ts';
import { markReady } from '../timing.ts';

interface CatalogueEntry {
  id: string;
  title: string;
  domain: string;
  valueType?: string;
  available: boolean;
  followsDfe?: boolean;
}

interface Figure {
  display: string | null;
  numerator: number | null;
  denominator: number | null;
  benchmarks?: { label?: string; source?: string; value?: number; display?: string }[];
}

/** The domains a front-line manager watches, in the order of the child's journey. */
const domains: { id: string; title: string }[] = [
  { id: 'front-door', title: 'Front door' },
  { id: 'children-in-need', title: 'Children in need' },
  { id: 'child-protection', title: 'Child protection' },
  { id: 'conferences', title: 'Conferences' },
  { id: 'workforce', title: 'Workforce' },
];
/** Figures with one value; breakdowns and disproportionality need their own tables and are left to the report. */
const singleValued = new Set(['count', 'percent', 'rate-per-10000', 'per-month', 'mean', 'change']);

/** Calls an API path for each item, a few at a time, so a busy embedded database stays responsive. */
async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  }));
  return results;
}

export function FiguresPage() {
  const { query: params } = useLocation();
  const today = new Date().toISOString().slice(0, 10);
  const thisYear = financialYearOf(today);
  const lastYear = financialYearOf(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`);
  const period = params.get('period') ?? lastYear;
  const catalogue = useApi<{ metrics: CatalogueEntry[] }>('/metrics');
  const openApi = useApi<{ paths: Record<string, unknown> }>('/openapi.json');
  const [figures, setFigures] = useState<Record<string, Figure | null>>();
  useEffect(() => {
    if (!catalogue.data) return;
    let current = true;
    setFigures(undefined);
    const wanted = catalogue.data.metrics.filter((m) => m.available && singleValued.has(m.valueType ?? '') && domains.some((d) => d.id === m.domain));
    void mapLimited(wanted, 4, async (metric) => [metric.id, await api.get<Figure>(`/metrics/${encodeURIComponent(metric.id)}${query({ period })}`).catch(() => null)] as const)
      .then((entries) => { if (current) setFigures(Object.fromEntries(entries)); });
    return () => { current = false; };
  }, [catalogue.data, period]);
  useEffect(() => { if (figures) markReady('figures'); }, [figures]);
  const hasAnnualReport = Boolean(openApi.data?.paths['/api/v1/reports/annual']);
  const [fyStart] = period.slice(2).split('-').map(Number);
  return (
    <>
      <h1 className="govuk-heading-l">Figures</h1>
      <form className="govuk-!-margin-bottom-6" onSubmit={(event) => {
        event.preventDefault();
        navigate(`/figures${query({ period: String(new FormData(event.currentTarget).get('period')) })}`);
      }}>
        <Select name="period" id="period" label={{ text: 'Period', classes: 'govuk-label--s' }} value={period}
          items={[{ value: thisYear, text: `${thisYear} (so far)` }, { value: lastYear, text: lastYear }, { value: financialYearOf(`${Number(today.slice(0, 4)) - 2}${today.slice(4)}`), text: financialYearOf(`${Number(today.slice(0, 4)) - 2}${today.slice(4)}`) }]} />
        <Button text="Show figures" classes="govuk-button--secondary" />
      </form>
      {hasAnnualReport && fyStart ? (
        <p className="govuk-body">
          The partnership's annual report for {period}:{' '}
          <a className="govuk-link" href={`/api/v1/reports/annual${query({ from: `${fyStart}-04-01`, to: `${fyStart + 1}-03-31` })}`} target="_blank" rel="noreferrer">HTML (opens in a new tab)</a>{' or '}
          <a className="govuk-link" href={`/api/v1/reports/annual${query({ from: `${fyStart}-04-01`, to: `${fyStart + 1}-03-31`, format: 'pdf' })}`} target="_blank" rel="noreferrer">PDF</a>
        </p>
      ) : null}
      {!figures ? <p className="govuk-body" role="status">Working out the figures…</p> : domains.map((domain) => {
        const metrics = (catalogue.data?.metrics ?? []).filter((m) => m.domain === domain.id && figures[m.id] !== undefined);
        if (metrics.length === 0) return null;
        return (
          <table key={domain.id} className="govuk-table" data-testid={`figures-${domain.id}`}>
            <caption className="govuk-table__caption govuk-table__caption--m">{domain.title}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Measure</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{period}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Counted</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {metrics.map((metric) => {
                const figure = figures[metric.id];
                return (
                  <tr key={metric.id} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
                      {metric.title} <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">{metric.id}{metric.followsDfe ? ' · DfE definition' : ''}</span>
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{figure?.display ?? <Tag text="Not available" classes="govuk-tag--grey" />}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{figure && figure.denominator !== null && figure.numerator !== null ? `${figure.numerator.toLocaleString('en-GB')} of ${figure.denominator.toLocaleString('en-GB')}` : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
      <p className="govuk-body">Every figure is also in the API, with breakdowns and benchmarks: <a className="govuk-link" href="/api/v1/metrics">the metrics catalogue</a>.</p>
    </>
  );
}
