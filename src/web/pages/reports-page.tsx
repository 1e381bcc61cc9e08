import { useEffect } from 'react';
import { query } from '../api.ts';
import { InsetText } from '../govuk/index.ts';
import { formatDate } from '../format.ts';
import { useLocation } from '../router.tsx';
import { markReady } from '../timing.ts';
import { PeriodPicker } from '../dashboards/period-picker.tsx';
import { choiceFrom, datesOf, describePeriod, lastCompletedMonthEnd } from '../dashboards/period.ts';
import { offers } from '../access.ts';
import { useSession } from '../session.tsx';
import { todayIso } from './dashboard-page.tsx';

/**
 * The partnership's annual report for a period: open it (one self-contained HTML page) or download
 * it as a PDF. The report is the API's own page, not drawn here: the API forbids framing its answers.
 */
export function ReportsPage() {
  const { query: params } = useLocation();
  const today = todayIso();
  const { viewer } = useSession();
  const choice = choiceFrom(params, today);
  const dates = datesOf(choice);
  // A report for a period still running would have incomplete figures: it runs to today, or, for
  // figures under disclosure control, to the end of last month.
  const lastDay = viewer === undefined || offers.anyPeriod(viewer) ? today : lastCompletedMonthEnd(today);
  const to = dates.to > lastDay ? lastDay : dates.to;
  const reportQuery = { from: dates.from, to };
  const tooEarly = dates.from > lastDay;
  useEffect(() => { markReady('reports'); }, []);
  return (
    <>
      <h1 className="govuk-heading-l">Reports</h1>
      <h2 className="govuk-heading-m">The partnership's annual report</h2>
      <p className="govuk-body">
        Front door, children in need, child protection and conferences, each figure beside the previous period of the same length, with
        benchmarks, charts with their tables, and disproportionality. Sections for work not recorded here yet say so.
      </p>
      <PeriodPicker path="/reports" choice={choice} today={today} buttonText="Choose this period" />
      <h3 className="govuk-heading-s" data-testid="report-period">{describePeriod(choice)}: {formatDate(dates.from)} to {formatDate(to)}</h3>
      {to !== dates.to ? <InsetText text={`The period has not ended: the report runs to ${lastDay === today ? 'today' : 'the end of last month'}, ${formatDate(to)}.`} /> : null}
      {tooEarly ? <p className="govuk-body">{lastDay === today ? 'The period has not started yet.' : 'No month of the period is over yet.'}</p> : (
        <ul className="govuk-list" data-testid="report-links">
          <li>
            <a className="govuk-link" href={`/api/v1/reports/annual${query({ ...reportQuery, format: 'html' })}`} data-testid="report-html">
              View the annual report (web page)
            </a>
          </li>
          <li>
            <a className="govuk-link" href={`/api/v1/reports/annual${query({ ...reportQuery, format: 'pdf' })}`} download={`annual-report-${reportQuery.from}-to-${reportQuery.to}.pdf`} data-testid="report-pdf">
              Download the annual report (PDF)
            </a>
            <span className="govuk-hint govuk-!-margin-bottom-0">It takes a few seconds to prepare.</span>
          </li>
        </ul>
      )}
    </>
  );
}
