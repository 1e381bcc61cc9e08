/**
 * The Validate a return page: upload a return made by any system (the CIN census XML, or the
 * SSDA903 CSV files) and see every issue DfE's rules find, in a table a performance officer can
 * sort by any column, filter, and export as CSV to share with the teams.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../web/api.ts';
import { TableRegion } from '../../../web/table-region.tsx';
import { markReady } from '../../../web/timing.ts';
import type { WorklistPage } from '../../../web/web-module.ts';
import type { ReturnIssueOut, ValidationOut } from '../read-model.ts';
import { choicesOf, filterIssues, issueColumns, issuesCsv, noFilter, rowNumberOf, sortIssues, type IssueColumn, type IssueFilter, type SortDirection } from './issue-table.ts';

function ValidateReturnPage() {
  const [result, setResult] = useState<ValidationOut | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => { markReady('validate-a-return'); }, []);

  const validate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSending(true);
    setError(null);
    setResult(null);
    api.upload<ValidationOut>('/returns/validations', form).then(
      (answer) => { setResult(answer); setSending(false); },
      (failure: Error) => { setError(failure); setSending(false); },
    );
  };
  const problems = error instanceof ApiError ? error.problems : [];
  const problemOf = (field: string) => problems.find((problem) => problem.field === field)?.message;
  return (
    <>
      <h1 className="govuk-heading-l">Validate a return</h1>
      <p className="govuk-body">Check a return made by any system against DfE&apos;s validation rules for its year, as DfE&apos;s own tools do.</p>
      {error ? (
        <div className="govuk-error-summary" tabIndex={-1}>
          <div role="alert">
            <h2 className="govuk-error-summary__title">There is a problem</h2>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list">
                {problems.length > 0 ? problems.map((problem) => <li key={problem.field + problem.message}><a href={`#${problem.field}`}>{problem.message}</a></li>) : <li>{error.message}</li>}
              </ul>
            </div>
          </div>
        </div>
      ) : null}
      <form onSubmit={validate} noValidate encType="multipart/form-data" data-testid="validate-return">
        <div className={`govuk-form-group${problemOf('files') ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="files">The return&apos;s file or files</label>
          <div className="govuk-hint" id="files-hint">The CIN census XML file, or the SSDA903 CSV files (select them all at once)</div>
          {problemOf('files') ? <p className="govuk-error-message" id="files-error"><span className="govuk-visually-hidden">Error:</span> {problemOf('files')}</p> : null}
          <input className="govuk-file-upload" id="files" name="files" type="file" multiple accept=".xml,.csv,text/xml,text/csv" aria-describedby="files-hint" />
        </div>
        <div className={`govuk-form-group${problemOf('year') ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="year">Collection year (optional)</label>
          <div className="govuk-hint" id="year-hint">Like 2024-25. Needed for SSDA903 CSV files, which do not say their year</div>
          {problemOf('year') ? <p className="govuk-error-message" id="year-error"><span className="govuk-visually-hidden">Error:</span> {problemOf('year')}</p> : null}
          <input className="govuk-input govuk-input--width-5" id="year" name="year" type="text" spellCheck={false} aria-describedby="year-hint" />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={sending}>Validate</button>
      </form>
      <div aria-live="polite">{sending ? <p className="govuk-body">Reading and checking the return…</p> : null}</div>
      {result ? <ValidationResult result={result} /> : null}
    </>
  );
}

function ValidationResult(props: { result: ValidationOut }) {
  const { result } = props;
  const errors = result.issues.filter((issue) => issue.severity === 'error').length;
  return (
    <section aria-labelledby="validation-heading" data-testid="validation-result">
      <h2 className="govuk-heading-m" id="validation-heading">{result.kind === 'cin' ? 'CIN census' : 'SSDA903'} {result.year}</h2>
      <p className="govuk-body" data-testid="validation-summary">
        {errors} {errors === 1 ? 'error' : 'errors'} and {result.issues.length - errors} {result.issues.length - errors === 1 ? 'query' : 'queries'} in{' '}
        {Object.entries(result.rowsRead).map(([table, rows]) => `${rows} ${table}`).join(', ') || 'no rows'}.
      </p>
      {result.problems.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">What could not be read</h3>
          <ul className="govuk-list govuk-list--bullet" data-testid="read-problems">
            {result.problems.map((problem, index) => <li key={index}>{problem.file}{problem.line === null ? '' : `, line ${problem.line}`}: {problem.message}</li>)}
          </ul>
        </>
      ) : null}
      {result.schemaErrors.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">The XML schema&apos;s errors</h3>
          <ul className="govuk-list govuk-list--bullet" data-testid="schema-errors">
            {result.schemaErrors.map((schemaError, index) => <li key={index}>{schemaError.file}{schemaError.line === null ? '' : `, line ${schemaError.line}`}: {schemaError.message}</li>)}
          </ul>
        </>
      ) : null}
      <IssueTable issues={result.issues} fileName={`${result.kind}-${result.year}-issues.csv`} />
    </section>
  );
}

/** The issues, sortable by each column's header, filtered, and exported as CSV as shown. */
export function IssueTable(props: { issues: readonly ReturnIssueOut[]; fileName: string }) {
  const [filter, setFilter] = useState<IssueFilter>(noFilter);
  const [sort, setSort] = useState<{ column: IssueColumn; direction: SortDirection } | null>(null);
  const shown = useMemo(() => {
    const filtered = filterIssues(props.issues, filter);
    return sort ? sortIssues(filtered, sort.column, sort.direction) : filtered;
  }, [props.issues, filter, sort]);
  const exportCsv = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([issuesCsv(shown)], { type: 'text/csv;charset=utf-8' }));
    link.download = props.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };
  const set = (part: Partial<IssueFilter>) => setFilter({ ...filter, ...part });
  const select = (id: 'code' | 'table' | 'child', label: string, all: string) => (
    <div className="govuk-form-group govuk-!-margin-right-3" style={{ display: 'inline-block', verticalAlign: 'top' }}>
      <label className="govuk-label" htmlFor={`filter-${id}`}>{label}</label>
      <select className="govuk-select" id={`filter-${id}`} value={filter[id]} onChange={(event) => set({ [id]: event.target.value })}>
        <option value="">{all}</option>
        {choicesOf(props.issues, id).map((value) => <option key={value} value={value}>{value}</option>)}
      </select>
    </div>
  );
  if (props.issues.length === 0) return <p className="govuk-body" data-testid="issue-table">DfE&apos;s rules found no issues.</p>;
  return (
    <>
      <h3 className="govuk-heading-s">Issues</h3>
      <div role="search" aria-label="Filter the issues">
        <div className="govuk-form-group govuk-!-margin-right-3" style={{ display: 'inline-block', verticalAlign: 'top' }}>
          <label className="govuk-label" htmlFor="filter-severity">Severity</label>
          <select className="govuk-select" id="filter-severity" value={filter.severity} onChange={(event) => set({ severity: event.target.value as IssueFilter['severity'] })}>
            <option value="all">Errors and queries</option>
            <option value="error">Errors</option>
            <option value="query">Queries</option>
          </select>
        </div>
        {select('code', 'Rule', 'Every rule')}
        {select('table', 'Table', 'Every table')}
        {select('child', 'Child', 'Every child')}
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="filter-text">Containing the words</label>
          <input className="govuk-input govuk-input--width-20" id="filter-text" type="search" value={filter.text} onChange={(event) => set({ text: event.target.value })} />
        </div>
      </div>
      <p className="govuk-body" aria-live="polite" data-testid="issues-shown">Showing {shown.length} of {props.issues.length} issues</p>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={exportCsv}>Export these issues as CSV</button>
      <TableRegion label="Issues in the return">
        <table className="govuk-table govuk-!-font-size-16" data-testid="issue-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Issues in the return; select a column&apos;s heading to sort by it</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {issueColumns.map(({ column, title }) => {
                const direction = sort?.column === column ? sort.direction : undefined;
                return (
                  <th key={column} scope="col" className="govuk-table__header" aria-sort={direction ?? 'none'}>
                    <button type="button" className="govuk-link app-sort-button" style={{ background: 'none', border: 0, padding: 0, font: 'inherit', fontWeight: 'bold', cursor: 'pointer', textAlign: 'left' }}
                      onClick={() => setSort({ column, direction: direction === 'ascending' ? 'descending' : 'ascending' })}>
                      {title}{direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {shown.map((issue, index) => (
              <tr key={index} className="govuk-table__row">
                <td className="govuk-table__cell"><strong className={`govuk-tag govuk-tag--${issue.severity === 'error' ? 'red' : 'yellow'}`}>{issue.severity === 'error' ? 'Error' : 'Query'}</strong></td>
                <td className="govuk-table__cell">{issue.code}</td>
                <td className="govuk-table__cell">{issue.message}</td>
                <td className="govuk-table__cell">{issue.table}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{rowNumberOf(issue)}</td>
                <td className="govuk-table__cell">{issue.column ?? ''}</td>
                <td className="govuk-table__cell">{issue.child ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

/** The page, for those who make returns; the council's own. */
export const validateReturnWorklist: WorklistPage = { path: 'validate-a-return', title: 'Validate a return', capability: 'make-returns', councilOnly: true, Page: ValidateReturnPage };
