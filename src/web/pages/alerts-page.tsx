import type { AccessAlert } from '../api.ts';
import { formatDateTime } from '../format.ts';
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
          <table className="govuk-table" data-testid="alerts">
            <caption className="govuk-table__caption govuk-table__caption--m">{alerts.data.alerts.length} {alerts.data.alerts.length === 1 ? 'alert' : 'alerts'}, newest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">When</th>
                <th scope="col" className="govuk-table__header">Child</th>
                <th scope="col" className="govuk-table__header">What happened</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {alerts.data.alerts.map((alert) => (
                <tr key={alert.alertId} className="govuk-table__row">
                  <td className="govuk-table__cell app-nowrap">{formatDateTime(alert.raisedAt)}</td>
                  <td className="govuk-table__cell"><Link href={`/children/${encodeURIComponent(alert.childId)}/access-log`}>{alert.childId}<span className="govuk-visually-hidden">: who has looked at this record</span></Link></td>
                  <td className="govuk-table__cell">{alert.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </>
  );
}
