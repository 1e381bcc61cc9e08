import { useState } from 'react';
import { api, type AccessAlert } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { Button, Table, Tag } from '../govuk/index.ts';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';

/** Fired when the viewer marks an alert as seen, so the header's count of new alerts follows. */
export const ALERTS_SEEN_EVENT = 'safeguard:alerts-seen';

/** Alerts for the signed-in person: someone broke the glass to open a restricted record allocated to them. */
export function AlertsPage() {
  const alerts = useApi<{ alerts: AccessAlert[] }>('/alerts');
  const [marking, setMarking] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { reload } = alerts;

  async function markSeen(alert: AccessAlert) {
    setMarking(alert.alertId);
    setFailure(null);
    try {
      await api.post(`/alerts/${encodeURIComponent(alert.alertId)}/seen`, undefined);
      reload();
      window.dispatchEvent(new Event(ALERTS_SEEN_EVENT));
    } catch (error) {
      setFailure(`The alert about ${alert.childId} could not be marked as seen: ${(error as Error).message}`);
    } finally {
      setMarking(null);
    }
  }

  const list = alerts.data?.alerts;
  const fresh = list?.filter((alert) => alert.seenAt === null).length ?? 0;
  return (
    <>
      <h1 className="govuk-heading-l">Alerts</h1>
      <p className="govuk-body">When someone breaks the glass to open a restricted record allocated to you, you are told here, with the reason they gave. Mark an alert as seen once you have looked into it; it stays listed.</p>
      {failure ? <p className="govuk-error-message" role="alert">{failure}</p> : null}
      {alerts.error ? <p className="govuk-body" role="alert">{alerts.error.message}</p> : !list ? <p className="govuk-body" role="status">Loading…</p>
        : list.length === 0 ? <p className="govuk-body" data-testid="no-alerts">You have no alerts.</p> : (
          <Table attributes={{ 'data-testid': 'alerts' }}
            caption={`${list.length} ${list.length === 1 ? 'alert' : 'alerts'}, ${fresh} new, newest first`}
            captionClasses="govuk-table__caption--m" head={[{ text: 'When' }, { text: 'Child' }, { text: 'What happened' }, { text: 'Status' }, { html: '<span class="govuk-visually-hidden">Action</span>' }]}
            rows={list.map((alert) => [
              { text: formatDateTime(alert.raisedAt), classes: 'app-nowrap' },
              { children: <Link href={`/children/${encodeURIComponent(alert.childId)}/access-log`}>{alert.childId}<span className="govuk-visually-hidden">: who has looked at this record</span></Link> },
              { text: alert.message },
              { children: alert.seenAt === null ? <Tag text="New" classes="govuk-tag--blue" /> : <>Seen {formatDateTime(alert.seenAt)}</> },
              {
                classes: 'app-nowrap',
                children: alert.seenAt === null ? (
                  <Button classes="govuk-button--secondary govuk-!-margin-bottom-0" disabled={marking === alert.alertId}
                    attributes={{ 'data-testid': 'mark-alert-seen' }} onClick={() => void markSeen(alert)}>
                    Mark as seen<span className="govuk-visually-hidden"> the alert about {alert.childId} raised {formatDateTime(alert.raisedAt)}</span>
                  </Button>
                ) : null,
              },
            ])} />
        )}
    </>
  );
}
