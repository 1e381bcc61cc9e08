/**
 * The issues of a validated return as a performance officer works through them: sorted by any
 * column, filtered by severity, rule, table, child and free text, and exported as a CSV file of
 * what is shown. Pure, so the page and its tests share it.
 */
import type { ReturnIssueOut } from '../read-model.ts';

export type IssueColumn = 'code' | 'severity' | 'message' | 'table' | 'row' | 'column' | 'child';
export type SortDirection = 'ascending' | 'descending';

export const issueColumns: readonly { column: IssueColumn; title: string }[] = [
  { column: 'severity', title: 'Severity' }, { column: 'code', title: 'Rule' }, { column: 'message', title: 'Message' },
  { column: 'table', title: 'Table' }, { column: 'row', title: 'Row' }, { column: 'column', title: 'Field' }, { column: 'child', title: 'Child' },
];

export interface IssueFilter {
  severity: 'all' | 'error' | 'query';
  code: string;
  table: string;
  child: string;
  /** Words anywhere in the issue (its message, rule, table, field or child). */
  text: string;
}

export const noFilter: IssueFilter = { severity: 'all', code: '', table: '', child: '', text: '' };

/** Rows are shown from 1, as a spreadsheet numbers them (the API counts from 0). */
export const rowNumberOf = (issue: ReturnIssueOut): string => (issue.row === null ? '' : String(issue.row + 1));

function textOf(issue: ReturnIssueOut, column: IssueColumn): string {
  if (column === 'row') return rowNumberOf(issue);
  return issue[column] ?? '';
}

export function filterIssues(issues: readonly ReturnIssueOut[], filter: IssueFilter): ReturnIssueOut[] {
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return issues.filter((issue) => (filter.severity === 'all' || issue.severity === filter.severity)
    && (filter.code === '' || issue.code === filter.code)
    && (filter.table === '' || issue.table === filter.table)
    && (filter.child === '' || issue.child === filter.child)
    && words.every((word) => issueColumns.some(({ column }) => textOf(issue, column).toLowerCase().includes(word))));
}

/** Sorted by a column (rows as numbers, the rest as text), ties kept in the order found. */
export function sortIssues(issues: readonly ReturnIssueOut[], column: IssueColumn, direction: SortDirection): ReturnIssueOut[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = column === 'row'
    ? (a: ReturnIssueOut, b: ReturnIssueOut) => (a.row ?? -1) - (b.row ?? -1)
    : (a: ReturnIssueOut, b: ReturnIssueOut) => textOf(a, column).localeCompare(textOf(b, column), 'en-GB', { numeric: true });
  return issues.map((issue, index) => ({ issue, index }))
    .sort((a, b) => sign * compare(a.issue, b.issue) || a.index - b.index)
    .map(({ issue }) => issue);
}

/** The distinct values of a column, for a filter's choices. */
export function choicesOf(issues: readonly ReturnIssueOut[], column: 'code' | 'table' | 'child'): string[] {
  return [...new Set(issues.map((issue) => issue[column]).filter((value): value is string => value !== null && value !== ''))]
    .sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
}

/**
 * A cell of CSV: quoted when it holds a comma, quote or line break, and a formula's leading
 * character made text, so that a spreadsheet never runs a value of a return as a formula.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The issues shown, as a CSV file with a header row (rows numbered from 1). */
export function issuesCsv(issues: readonly ReturnIssueOut[]): string {
  const lines = [issueColumns.map(({ title }) => csvCell(title)).join(',')];
  for (const issue of issues) lines.push(issueColumns.map(({ column }) => csvCell(textOf(issue, column))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
