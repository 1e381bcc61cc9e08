/**
 * The Statutory returns page: choose a return and its year (or Annex A's as-at date), produce it
 * from the record (a job the page asks after until it is done, its progress shown and said
 * politely to screen readers), then download its files and see the issues DfE's rules found, by rule.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../web/api.ts';
import { TableRegion } from '../../../web/table-region.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import type { WorklistPage } from '../../../web/web-module.ts';
import type { ProducibleKind, ReturnJobOut, ReturnKindsOut } from '../read-model.ts';

/** How often the page asks after a job: often enough to move the bar, seldom enough to cost nothing. */
const POLL_MS = 1000;

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

/** The progress in words, as the live region says it. */
export function progressWords(job: Pick<ReturnJobOut, 'state' | 'progress' | 'failure' | 'children' | 'errors' | 'queries'>): string {
  if (job.state === 'failed') return job.failure ?? 'The return could not be produced';
  if (job.state === 'done') return `Done: ${job.children} ${job.children === 1 ? 'child' : 'children'} in the return, ${job.errors} ${job.errors === 1 ? 'error' : 'errors'} and ${job.queries} ${job.queries === 1 ? 'query' : 'queries'}`;
  const { stage, done, total } = job.progress;
  return total > 0 ? `${stage}: ${done} of ${total}` : stage;
}

export const fileHref = (job: Pick<ReturnJobOut, 'jobId'>, name: string) => `/api/v1/returns/jobs/${encodeURIComponent(job.jobId)}/files/${encodeURIComponent(name)}`;

function ProblemSummary(props: { error: ApiError | Error }) {
  const problems = props.error instanceof ApiError ? props.error.problems : [];
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {problems.length > 0 ? problems.map((problem) => <li key={problem.field}><a href={`#${problem.field}`}>{problem.message}</a></li>) : <li>{props.error.message}</li>}
          </ul>
        </div>
      </div>
    </div>
  );
}

function StatutoryReturnsPage() {
  const kinds = useApi<ReturnKindsOut>('/returns');
  const [kind, setKind] = useState<ProducibleKind>('cin');
  const [year, setYear] = useState<string | undefined>(undefined);
  const [asAt, setAsAt] = useState(today());
  const [job, setJob] = useState<ReturnJobOut | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => { if (kinds.data) markReady('statutory-returns'); }, [kinds.data]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const chosen = kinds.data?.returns.find((candidate) => candidate.kind === kind);
  const years = chosen?.years ?? [];
  const chosenYear = year !== undefined && years.includes(year) ? year : (years.includes(kinds.data?.currentYear ?? '') ? kinds.data!.currentYear : years.at(-1) ?? '');

  const poll = (jobId: string) => {
    timer.current = setTimeout(() => {
      api.get<ReturnJobOut>(`/returns/jobs/${encodeURIComponent(jobId)}`).then((next) => {
        setJob(next);
        if (next.state === 'running') poll(jobId);
      }, (failure: Error) => setError(failure));
    }, POLL_MS);
  };

  const produce = (event: FormEvent) => {
    event.preventDefault();
    clearTimeout(timer.current);
    setError(null);
    setJob(null);
    const body = kind === 'annex-a' ? { kind, asAt } : { kind, year: chosenYear };
    api.post<ReturnJobOut>('/returns/jobs', body).then((started) => {
      setJob(started);
      if (started.state === 'running') poll(started.jobId);
    }, (failure: Error) => setError(failure));
  };

  const running = job?.state === 'running';
  return (
    <>
      <h1 className="govuk-heading-l">Statutory returns</h1>
      <p className="govuk-body">Produce the children in need census, the SSDA903 return or Ofsted&apos;s Annex A from the record, as it stood at the end of the year (or on the date Annex A is as at).</p>
      {kinds.error ? <ProblemSummary error={kinds.error} /> : null}
      {error ? <ProblemSummary error={error} /> : null}
      {!kinds.data ? (kinds.error ? null : <p className="govuk-body">Loading…</p>) : (
        <form onSubmit={produce} noValidate data-testid="produce-return">
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="kind">Return</label>
            <select className="govuk-select" id="kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as ProducibleKind)}>
              {kinds.data.returns.map((candidate) => <option key={candidate.kind} value={candidate.kind}>{candidate.title}</option>)}
            </select>
          </div>
          {kind === 'annex-a' ? (
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="asAt">Lists as at</label>
              <div className="govuk-hint" id="asAt-hint">The 12 months to this date</div>
              <input className="govuk-input govuk-input--width-10" id="asAt" name="asAt" type="date" aria-describedby="asAt-hint" value={asAt} onChange={(event) => setAsAt(event.target.value)} />
            </div>
          ) : (
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="year">Collection year</label>
              <div className="govuk-hint" id="year-hint">1 April to 31 March</div>
              <select className="govuk-select" id="year" name="year" aria-describedby="year-hint" value={chosenYear} onChange={(event) => setYear(event.target.value)}>
                {years.map((label) => <option key={label} value={label}>{label}</option>)}
              </select>
            </div>
          )}
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={running}>Produce the return</button>
        </form>
      )}
      {job ? <ProducedReturn job={job} /> : null}
    </>
  );
}

function ProducedReturn(props: { job: ReturnJobOut }) {
  const { job } = props;
  return (
    <section aria-labelledby="produced-heading" data-testid="produced-return">
      <h2 className="govuk-heading-m" id="produced-heading">{job.kind === 'annex-a' ? `Annex A as at ${job.period}` : `${job.kind === 'cin' ? 'CIN census' : 'SSDA903'} ${job.period}`}</h2>
      {job.state === 'running' ? (
        <progress style={{ width: '100%', maxWidth: '30em' }} max={Math.max(job.progress.total, 1)} value={job.progress.done} aria-labelledby="produce-progress-words" />
      ) : null}
      <p className={job.state === 'failed' ? 'govuk-error-message' : 'govuk-body'} id="produce-progress-words" aria-live="polite" data-testid="produce-progress">{progressWords(job)}</p>
      {job.state === 'done' ? (
        <>
          <h3 className="govuk-heading-s">Files</h3>
          <ul className="govuk-list" data-testid="return-files">
            {job.files.map((file) => (
              <li key={file.name}><a className="govuk-link" href={fileHref(job, file.name)} download={file.name}>Download {file.name}</a> ({Math.max(1, Math.round(file.bytes / 1024))} KB)</li>
            ))}
          </ul>
          {job.problems.length > 0 ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {job.problems.length} {job.problems.length === 1 ? 'child is' : 'children are'} left out: their record did not fold ({job.problems.map((problem) => problem.childId).join(', ')})
              </strong>
            </div>
          ) : null}
          {job.schemaErrors.length > 0 ? (
            <>
              <h3 className="govuk-heading-s">The XML schema&apos;s errors</h3>
              <ul className="govuk-list govuk-list--bullet">{job.schemaErrors.map((schemaError, index) => <li key={index}>{schemaError.line === null ? '' : `Line ${schemaError.line}: `}{schemaError.message}</li>)}</ul>
            </>
          ) : null}
          {job.kind === 'annex-a' ? null : <IssuesByRule job={job} />}
        </>
      ) : null}
    </section>
  );
}

function IssuesByRule(props: { job: ReturnJobOut }) {
  const { issueCounts } = props.job;
  if (issueCounts.length === 0) return <p className="govuk-body" data-testid="issues-by-rule">DfE&apos;s rules found no issues.</p>;
  return (
    <>
      <h3 className="govuk-heading-s">Issues by rule</h3>
      <TableRegion label="Issues by rule">
        <table className="govuk-table govuk-!-font-size-16" data-testid="issues-by-rule">
          <caption className="govuk-table__caption govuk-visually-hidden">Issues DfE&apos;s validation rules found, by rule, errors first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Rule</th>
              <th scope="col" className="govuk-table__header">Severity</th>
              <th scope="col" className="govuk-table__header">Message</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Issues</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {issueCounts.map((rule) => (
              <tr key={rule.code} className="govuk-table__row">
                <td className="govuk-table__cell">{rule.code}</td>
                <td className="govuk-table__cell"><strong className={`govuk-tag govuk-tag--${rule.severity === 'error' ? 'red' : 'yellow'}`}>{rule.severity === 'error' ? 'Error' : 'Query'}</strong></td>
                <td className="govuk-table__cell">{rule.message}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{rule.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="govuk-body"><a className="govuk-link" href="/return-issues">See the children whose records raise issues now</a></p>
    </>
  );
}

/** The page, for those who make returns; the council's own. */
export const statutoryReturnsWorklist: WorklistPage = { path: 'statutory-returns', title: 'Statutory returns', capability: 'make-returns', councilOnly: true, Page: StatutoryReturnsPage };
