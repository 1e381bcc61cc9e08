import type { AccessAlert } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { Table } from '../govuk/index.ts';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';

/** Alerts for the signed-in person: someone broke the glass to open a restricted record allocated to them. */
export function AlertsPage() {
  const alerts = useApi<{ alerts: AccessAlert[] }>('/alerts');
  return (
    <>
      <h1 className="govuk-heading-l">Alerts</h1>
      <p className="govuk-body">When someone breaks the glass to open a restricted record allocated to you, you are told here, with the reason they gave.</p>
      {alerts.error ? <p className="govuk-body" role="alert">{alerts.error.message}</p> : !alerts.data ? <p className="govuk-body" role="status">Loading…</p>
        : alerts.data.alerts.length === 0 ? <p className="govuk-body" data-testid="no-alerts">You have no alerts.</p> : (
          <Table attributes={{ 'data-testid': 'alerts' }} caption={`${alerts.data.alerts.length} ${alerts.data.alerts.length === 1 ? 'alert' : 'alerts'}, newest first`}
            captionClasses="govuk-table__caption--m" head={[{ text: 'When' }, { text: 'Child' }, { text: 'What happened' }]}
            rows={alerts.data.alerts.map((alert) => [
              { text: formatDateTime(alert.raisedAt), classes: 'app-nowrap' },
              { children: <Link href={`/children/${encodeURIComponent(alert.childId)}/access-log`}>{alert.childId}<span className="govuk-visually-hidden">: who has looked at this record</span></Link> },
              { text: alert.message },
            ])} />
        )}
    </>
  );
}
