import type { RecordAccess } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { BackLink } from '../govuk/index.ts';
import { roleLabel } from '../session.tsx';
import { useApi } from '../use-api.ts';

/** Who has read, written or been refused a child's record, from the audit log (reading it is audited too). */
export function AccessLogPage(props: { childId: string }) {
  const { childId } = props;
  const log = useApi<{ childId: string; access: RecordAccess[] }>(`/children/${encodeURIComponent(childId)}/access-log`);
  return (
    <>
      <BackLink href={`/children/${encodeURIComponent(childId)}`} text="Back to the record" />
      <span className="govuk-caption-l">{childId}</span>
      <h1 className="govuk-heading-l">Who has looked at this record</h1>
      <p className="govuk-body">Everyone who has read or written this child's record, or been refused it, from the audit log. Reasons given to break the glass are shown with the person who gave them.</p>
      {log.error ? <p className="govuk-body" role="alert">{log.error.message}</p> : !log.data ? <p className="govuk-body" role="status">Loading…</p> : (
        <table className="govuk-table" data-testid="access-log">
          <caption className="govuk-table__caption govuk-table__caption--m">{log.data.access.length} {log.data.access.length === 1 ? 'person' : 'people'}, most recent first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Person</th>
              <th scope="col" className="govuk-table__header">First</th>
              <th scope="col" className="govuk-table__header">Last</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Reads</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Writes</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Refused</th>
              <th scope="col" className="govuk-table__header">Reason given</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {log.data.access.map((person) => (
              <tr key={person.userId} className="govuk-table__row">
                <td className="govuk-table__cell">{person.name ?? person.userId}<br /><span className="govuk-body-s">{roleLabel(person.role)}, {person.agency.replace(/-/g, ' ')}</span></td>
                <td className="govuk-table__cell">{formatDateTime(person.firstAt)}</td>
                <td className="govuk-table__cell">{formatDateTime(person.lastAt)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{person.reads}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{person.writes}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{person.refusals}</td>
                <td className="govuk-table__cell">{person.reasons.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
