import type { RecordAccessOut } from '../../access/audit-read-model.ts';
import { formatDateTime } from '../format.ts';
import { BackLink, Table } from '../govuk/index.ts';
import { roleLabel } from '../session.tsx';
import { useApi } from '../use-api.ts';

/** Who has read, written or been refused a child's record, from the audit log (reading it is audited too). */
export function AccessLogPage(props: { childId: string }) {
  const { childId } = props;
  const log = useApi<{ childId: string; access: RecordAccessOut[] }>(`/children/${encodeURIComponent(childId)}/access-log`);
  return (
    <>
      <BackLink href={`/children/${encodeURIComponent(childId)}`} text="Back to the record" />
      <span className="govuk-caption-l">{childId}</span>
      <h1 className="govuk-heading-l">Who has looked at this record</h1>
      <p className="govuk-body">Everyone who has read or written this child's record, or been refused it, from the audit log. Reasons given to break the glass are shown with the person who gave them.</p>
      {log.error ? <p className="govuk-body" role="alert">{log.error.message}</p> : !log.data ? <p className="govuk-body" role="status">Loading…</p> : (
        <Table attributes={{ 'data-testid': 'access-log' }} caption={`${log.data.access.length} ${log.data.access.length === 1 ? 'person' : 'people'}, most recent first`}
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Person' }, { text: 'First' }, { text: 'Last' }, { text: 'Reads', format: 'numeric' }, { text: 'Writes', format: 'numeric' }, { text: 'Refused', format: 'numeric' }, { text: 'Reason given' }]}
          rows={log.data.access.map((person) => [
            { children: <>{person.name ?? person.userId}<br /><span className="govuk-body-s">{roleLabel(person.role)}, {person.agency.replace(/-/g, ' ')}</span></> },
            { text: formatDateTime(person.firstAt) },
            { text: formatDateTime(person.lastAt) },
            { text: person.reads, format: 'numeric' },
            { text: person.writes, format: 'numeric' },
            { text: person.refusals, format: 'numeric' },
            { text: person.reasons.join('; ') },
          ])} />
      )}
    </>
  );
}
