import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { webModules } from '../../../web/module-registry.ts';
import type { RecordKernel } from '../../../web/web-module.ts';
import type { ReturnIssueOut } from '../read-model.ts';
import { choicesOf, filterIssues, issuesCsv, noFilter, sortIssues } from './issue-table.ts';
import { returnsWeb } from './index.ts';
import { ReturnIssuesCard } from './record-panel.tsx';
import { fileHref, progressWords } from './returns-page.tsx';
import { IssueTable } from './validate-page.tsx';

const issue = (code: string, severity: 'error' | 'query', table: string, row: number | null, column: string | null, child: string | null, message = `Message of ${code}`): ReturnIssueOut =>
  ({ code, severity, message, table, row, column, child });

const issues = [
  issue('8565', 'error', 'CINdetails', 0, 'CINclosureDate', 'B0002', 'Activity shown after a case has been closed'),
  issue('8839Q', 'query', 'Section47', 10, 'S47ActualStartDate', 'B0010'),
  issue('100', 'error', 'Header', null, 'ReferenceDate', null, 'Reference Date is incorrect'),
  issue('8565', 'error', 'Assessments', 2, 'AssessmentActualStartDate', 'B0002', 'Activity shown after a case has been closed'),
];

describe('the statutory returns\' web part', () => {
  it('is registered last, with its three pages for those who make returns, the council\'s own', () => {
    expect(webModules.at(-1)).toBe(returnsWeb);
    expect((returnsWeb.worklists ?? []).map((page) => [page.path, page.title, page.capability, page.councilOnly])).toEqual([
      ['statutory-returns', 'Statutory returns', 'make-returns', true],
      ['validate-a-return', 'Validate a return', 'make-returns', true],
      ['return-issues', 'Return issues', 'make-returns', true],
    ]);
  });

  it('filters issues by severity, rule, table, child and words', () => {
    expect(filterIssues(issues, { ...noFilter, severity: 'query' }).map((i) => i.code)).toEqual(['8839Q']);
    expect(filterIssues(issues, { ...noFilter, code: '8565', table: 'Assessments' })).toEqual([issues[3]]);
    expect(filterIssues(issues, { ...noFilter, child: 'B0002' })).toHaveLength(2);
    expect(filterIssues(issues, { ...noFilter, text: 'reference  DATE' })).toEqual([issues[2]]);
    expect(filterIssues(issues, { ...noFilter, text: 'closed b0002' })).toHaveLength(2);
    expect(choicesOf(issues, 'code')).toEqual(['100', '8565', '8839Q']);
    expect(choicesOf(issues, 'child')).toEqual(['B0002', 'B0010']);
  });

  it('sorts by a column either way, rows as numbers, ties in the order found', () => {
    expect(sortIssues(issues, 'row', 'ascending').map((i) => i.row)).toEqual([null, 0, 2, 10]);
    expect(sortIssues(issues, 'row', 'descending').map((i) => i.row)).toEqual([10, 2, 0, null]);
    expect(sortIssues(issues, 'code', 'ascending').map((i) => `${i.code}/${i.table}`)).toEqual(['100/Header', '8565/CINdetails', '8565/Assessments', '8839Q/Section47']);
    expect(sortIssues(issues, 'severity', 'descending').map((i) => i.severity)).toEqual(['query', 'error', 'error', 'error']);
  });

  it('exports the issues shown as CSV, rows from 1, quoting what needs it and never a formula', () => {
    const csv = issuesCsv([issues[0]!, issue('X1', 'error', 'Episodes', 4, 'RNE', '=HYPERLINK("x")', 'Says "this", then that')]);
    expect(csv.split('\r\n')).toEqual([
      'Severity,Rule,Message,Table,Row,Field,Child',
      'error,8565,Activity shown after a case has been closed,CINdetails,1,CINclosureDate,B0002',
      'error,X1,"Says ""this"", then that",Episodes,5,RNE,"\'=HYPERLINK(""x"")"',
      '',
    ]);
  });

  it('shows the issues in a table sortable by each column\'s header, in a scrolling region', () => {
    const html = renderToStaticMarkup(createElement(IssueTable, { issues, fileName: 'cin-issues.csv' }));
    expect(html).toContain('role="region" aria-label="Issues in the return"');
    expect(html.match(/aria-sort="none"/g)).toHaveLength(7);
    expect(html).toContain('Showing 4 of 4 issues');
    expect(html).toContain('Export these issues as CSV');
    expect(html).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">11</td>');
  });

  it('says a produce\'s progress in words', () => {
    const job = { state: 'running' as const, progress: { stage: 'Reading children\'s records', done: 120, total: 4000 }, failure: null, children: 0, errors: 0, queries: 0 };
    expect(progressWords(job)).toBe('Reading children\'s records: 120 of 4000');
    expect(progressWords({ ...job, state: 'done', children: 1, errors: 2, queries: 1 })).toBe('Done: 1 child in the return, 2 errors and 1 query');
    expect(progressWords({ ...job, state: 'failed', failure: 'The return could not be produced' })).toBe('The return could not be produced');
    expect(fileHref({ jobId: 'j-1' }, 'cin census.xml')).toBe('/api/v1/returns/jobs/j-1/files/cin%20census.xml');
  });

  it('shows nothing on a partner agency\'s view of the record, and asks nothing', () => {
    const record = { view: 'partner', childId: 'C1', laCode: '206' } as unknown as RecordKernel;
    const html = renderToStaticMarkup(createElement(ReturnIssuesCard, { record, tagsFor: () => null, eventLabel: (type: string) => type }));
    expect(html).toBe('');
  });
});
