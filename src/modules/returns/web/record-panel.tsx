/**
 * The record's Return issues card: what DfE's rules say of the child's data now, in the current
 * year's CIN census and SSDA903, so that the worker can put it right while the work is fresh.
 * Not part of a partner agency's view of the record: for one, nothing is shown and nothing asked.
 */
import { useApi } from '../../../web/use-api.ts';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import type { ChildReturnIssuesOut } from '../read-model.ts';

export function ReturnIssuesCard(props: RecordPartProps<RecordKernel>) {
  const { record } = props;
  const partner = record.view === 'partner';
  const answer = useApi<ChildReturnIssuesOut>(partner ? null : `/returns/children/${encodeURIComponent(record.childId)}/issues`);
  if (partner || !answer.data) return null;
  const returns = answer.data.returns.filter((statutoryReturn) => statutoryReturn.inReturn);
  if (returns.length === 0) return null;
  return (
    <div className="govuk-summary-card" data-testid="return-issues-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">Return issues</h2>
      </div>
      <div className="govuk-summary-card__content">
        {returns.map((statutoryReturn) => (
          <div key={statutoryReturn.kind}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{statutoryReturn.title} {statutoryReturn.year}</h3>
            {statutoryReturn.note ? <p className="govuk-hint">{statutoryReturn.note}</p> : null}
            {statutoryReturn.issues.length === 0 ? <p className="govuk-body">No issues.</p> : (
              <ul className="govuk-list govuk-list--bullet">
                {statutoryReturn.issues.map((issue, index) => (
                  <li key={index}>
                    <strong className={`govuk-tag govuk-tag--${issue.severity === 'error' ? 'red' : 'yellow'}`}>{issue.severity === 'error' ? 'Error' : 'Query'}</strong>{' '}
                    {issue.code}: {issue.message}{issue.column ? ` (${issue.column})` : ''}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
